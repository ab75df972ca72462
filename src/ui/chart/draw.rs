//! Drawing a chart's parts from their laid-out positions: the event
//! annotations, the gridlines and their labels, the date axis and the labels
//! at the line ends. Plain functions of numbers: no state, no hooks.

use super::{px, TOP};
use crate::view::chart::annotations::{Annotations, ROW};
use crate::view::chart::labels::{bold_width, meet, text_width, LabelBox, GAP, MIN_WIDTH};
use crate::view::chart::scale::{frac, x_pct, x_share, y_in_plot, Y_TICKS};
use crate::words::Words;
use yew::prelude::*;

/// One labelled line end: its class, text and baseline (px).
pub struct EndLabel {
    pub class: &'static str,
    pub text: String,
    pub y: f64,
}

/// Height of 12–13 px text above its baseline, px (a little generous).
pub const TEXT_ASCENT: f64 = 11.0;
/// And below it, px.
pub const TEXT_DESCENT: f64 = 3.0;
/// The highest baseline an end label may take, below the plot's top, px: its
/// text stays inside the plot.
pub const TEXT_TOP: f64 = TEXT_ASCENT;

/// One line per event day, with its label in the rows above the plot, or
/// the line alone where there is no room for the label.
pub fn annotations(notes: &Annotations, last: u32, plot_top: f64, plot_bottom: f64) -> Html {
    let items = notes.items.iter().map(|a| {
        let x = x_pct(frac(a.day, last));
        let Some(row) = a.row else {
            // No room for its label: the line alone, from the plot's top.
            return html! {
                <g class="bc-chart-event" data-day={a.day.to_string()}>
                    <line class="bc-chart-event-line" x1={x.clone()} x2={x}
                        y1={px(plot_top)} y2={px(plot_bottom)} />
                </g>
            };
        };
        let text_top = TOP + row as f64 * ROW;
        let line_top = text_top + a.lines.len() as f64 * ROW + 1.0;
        let tspans = a.lines.iter().enumerate().map(|(i, l)| {
            html! {
                <tspan x={x.clone()} y={px(text_top + (i + 1) as f64 * ROW - 3.0)}>{ l.clone() }</tspan>
            }
        });
        html! {
            <g class="bc-chart-event" data-day={a.day.to_string()}>
                <line class="bc-chart-event-line" x1={x.clone()} x2={x.clone()}
                    y1={px(line_top)} y2={px(plot_bottom)} />
                <text class="bc-chart-event-label bc-chart-halo" text-anchor={a.label.anchor.attr()}>
                    { for tspans }
                </text>
            </g>
        }
    });

    html! { <>{ for items }</> }
}

/// Gridlines with their labels above them, at the left; a label gives way
/// to the day's value or a line's end label where they would meet.
pub fn grid(plot_top: f64, now_box: &LabelBox, ends: &[EndLabel], words: &Words) -> Html {
    let y_px = |v: f64| plot_top + y_in_plot(v);
    let lines = Y_TICKS.iter().map(|t| {
        let y = y_px(*t);
        let label = words.percent(*t, 0);
        let tick = (
            0.0,
            y - 3.0 - TEXT_ASCENT,
            text_width(&label),
            y - 3.0 + TEXT_DESCENT,
        );
        let now = (
            now_box.left(),
            plot_top - 5.0 - TEXT_ASCENT,
            now_box.right(),
            plot_top - 5.0 + TEXT_DESCENT,
        );
        let hidden = meet(tick, now, GAP)
            || ends.iter().any(|e| {
                let right = MIN_WIDTH - 2.0;
                let end = (
                    right - bold_width(&e.text),
                    e.y - TEXT_ASCENT,
                    right,
                    e.y + TEXT_DESCENT,
                );
                meet(tick, end, GAP)
            });
        html! {
            <g class="bc-chart-grid">
                <line x1="0" x2="100%" y1={px(y)} y2={px(y)} />
                if !hidden {
                    <text class="bc-chart-tick bc-chart-halo" x="0" y={px(y - 3.0)}>{ label }</text>
                }
            </g>
        }
    });

    html! { <>{ for lines }</> }
}

/// The date ticks under the plot.
pub fn axis(date_ticks: &[(u32, String)], last: u32, plot_bottom: f64) -> Html {
    let ticks = date_ticks.iter().map(|(d, label)| {
        let f = frac(*d, last);
        let anchor = LabelBox::new(x_share(f), text_width(label), 1).anchor;
        let x = x_pct(f);
        html! {
            <g class="bc-chart-axis">
                <line x1={x.clone()} x2={x.clone()} y1={px(plot_bottom)} y2={px(plot_bottom + 4.0)} />
                <text class="bc-chart-tick" x={x} y={px(plot_bottom + 17.0)} text-anchor={anchor.attr()}>{ label.clone() }</text>
            </g>
        }
    });

    html! { <>{ for ticks }</> }
}

/// The labels at the lines' ends, in place of a legend; drawn twice: under
/// the lines as `bc-chart-knock`, a wide outline in the background's colour
/// that hides the day's line and the gridlines behind the words (not the
/// lines, drawn over it), and over the lines as `bc-chart-halo`.
pub fn end_labels(ends: &[EndLabel], look: &'static str) -> Html {
    let labels = ends.iter().map(|e| {
        html! {
            <text class={classes!("bc-chart-end", e.class, look)} x="100%" dx="-2"
                y={px(e.y)} text-anchor="end">{ e.text.clone() }</text>
        }
    });

    html! { <>{ for labels }</> }
}
