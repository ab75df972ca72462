//! One model output over time as a small-multiple chart: the current run as a
//! thin line, optionally a second run beside it for comparison, the
//! kept-private baseline dashed, dated ticks, one annotation per event day
//! and a marker that follows the current day.
//!
//! Every metric is a share, drawn on the same 0–100 % axis. The SVG has no
//! viewBox of its own, so its units are CSS pixels and text keeps its size at
//! every width; positions across the chart are percentages of its width. The
//! lines sit in a nested SVG whose viewBox stretches to the plot
//! (`preserveAspectRatio="none"`, strokes that do not scale), and the day's
//! marker in another; both clip to the plot rectangle, and values are held
//! inside it, so nothing is drawn outside the axes. Labels are laid out
//! ahead of drawing from estimated widths on the narrowest chart
//! (`labels.rs`). Everything is attributes and classes: no inline styles,
//! which a strict Content-Security-Policy would block.

mod annotations;
mod labels;
mod scale;
mod time_axis;

pub use scale::MAX_POINTS;

use super::format::percent;
use super::metric::{Marker, Output, RunRef};
use super::use_words;
use crate::dates::Date;
use crate::words::Words;
use annotations::{Annotations, ROW};
use labels::{bold_width, end_label_ys, meet, text_width, LabelBox, GAP, MIN_WIDTH};
use scale::{frac, view_box, x_pct, x_share, y_in_plot, Line, PLOT_HEIGHT, Y_TICKS};
use std::rc::Rc;
use time_axis::{firsts_of_months, x_ticks};
use yew::prelude::*;

/// Space above the first annotation row, px.
const TOP: f64 = 4.0;
/// The row for the current day's value, just above the plot, px.
const NOW_ROW: f64 = 17.0;
/// Room under the plot for the date ticks, px.
const AXIS: f64 = 22.0;
/// Radius of the day's dot, px.
const DOT: f64 = 4.0;

#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    /// Which model output to draw; its name (`meter.<key>`) is the title.
    pub metric: Output,
    /// The current scenario's run, drawn as a solid line.
    pub run: RunRef,
    /// The kept-private run, drawn dashed as the baseline.
    pub baseline: RunRef,
    /// The current model day, marked on the run line.
    pub day: u32,
    /// Events annotated on the time axis.
    pub markers: Rc<Vec<Marker>>,
    /// Calendar date of model day 0, for the date ticks.
    pub day0: Date,
    /// A second run drawn beside the first for comparison ("<b>'s text
    /// alone"), solid, in its own colour.
    #[prop_or_default]
    pub compare: Option<RunRef>,
    /// The label at the end of the run's line, in the reader's language
    /// ("<a>'s text alone"); the metric's name when absent.
    #[prop_or_default]
    pub run_label: Option<AttrValue>,
    /// The label at the end of the comparison's line; "comparison" in the
    /// reader's language when absent.
    #[prop_or_default]
    pub compare_label: Option<AttrValue>,
}

/// One labelled line end: its class, text and baseline (px).
struct EndLabel {
    class: &'static str,
    text: String,
    y: f64,
}

/// A small-multiple time-series chart of one metric.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let words = use_words();
    let metric = props.metric;
    let last = domain(props);
    // The lines are the expensive part: built when a run changes, never per tick.
    let run = use_memo((metric, props.run.clone(), last), |(m, r, last)| {
        Line::new(&r.0, *m, *last)
    });
    let base = use_memo((metric, props.baseline.clone(), last), |(m, r, last)| {
        Line::new(&r.0, *m, *last)
    });
    let compare = use_memo((metric, props.compare.clone(), last), |(m, r, last)| {
        r.as_ref().map(|r| Line::new(&r.0, *m, *last))
    });
    // Annotations and the date axis depend on the events, the timeline and
    // the words, not on the day.
    let notes = use_memo(
        (props.markers.clone(), last, props.day0, words.clone()),
        |(markers, last, day0, words)| Annotations::new(markers, *last, *day0, words),
    );
    let date_ticks = use_memo((props.day0, last, words.clone()), |(day0, last, words)| {
        x_ticks(&firsts_of_months(*day0, *last), *last, words)
    });

    let name = words.get(&format!("meter.{}", metric.name())).to_string();
    let run_name = props
        .run_label
        .as_ref()
        .map_or_else(|| name.clone(), |l| l.to_string());
    let compare_name = props.compare_label.as_ref().map_or_else(
        || words.get("chart.compare_default").to_string(),
        |l| l.to_string(),
    );

    let plot_top = TOP + notes.height + NOW_ROW;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let height = plot_bottom + AXIS;
    let y_px = |v: f64| plot_top + y_in_plot(v);

    // Direct labels at the line ends instead of a legend; laid out when the
    // lines or the annotations change.
    let ends = use_memo(
        (
            run.clone(),
            base.clone(),
            compare.clone(),
            plot_top.to_bits(),
            run_name.clone(),
            compare_name.clone(),
            words.clone(),
        ),
        |(run, base, compare, top, run_name, compare_name, words)| {
            let top = f64::from_bits(*top);
            let mut lines = vec![
                ("bc-chart-end-run", run_name.clone(), run.end),
                (
                    "bc-chart-end-baseline",
                    words.get("chart.baseline").to_string(),
                    base.end,
                ),
            ];
            if let Some(c) = compare.as_ref() {
                lines.push(("bc-chart-end-compare", compare_name.clone(), c.end));
            }
            let at: Vec<f64> = lines.iter().map(|l| top + y_in_plot(l.2)).collect();
            let ys = end_label_ys(&at, top + TEXT_TOP, top + PLOT_HEIGHT - 4.0);
            lines
                .into_iter()
                .zip(ys)
                .map(|((class, text, _), y)| EndLabel { class, text, y })
                .collect::<Vec<_>>()
        },
    );

    let day = props.day.min(last);
    let date = |d: u32| props.day0.plus_days(i64::from(d)).label(&words);
    // Whole percents: all the model can support.
    let fmt = |v: f64| percent(v, 0);
    let value_at = |r: &RunRef, d: u32| metric.value(r.0.at(d as usize));
    let now_value = value_at(&props.run, day);
    let now_frac = frac(day, last);
    let now_text = fmt(now_value);
    let now_box = LabelBox::new(x_share(now_frac), bold_width(&now_text), 1);

    let annotations = notes.items.iter().map(|a| {
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

    // Gridlines with their labels above them, at the left; a label gives way
    // to the day's value or a line's end label where they would meet.
    let grid = Y_TICKS.iter().map(|t| {
        let y = y_px(*t);
        let label = percent(*t, 0);
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

    let axis = date_ticks.iter().map(|(d, label)| {
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

    let end_labels = ends.iter().map(|e| {
        html! {
            <text class={classes!("bc-chart-end", e.class, "bc-chart-halo")} x="100%" dx="-2"
                y={px(e.y)} text-anchor="end">{ e.text.clone() }</text>
        }
    });

    let now_x = x_pct(now_frac);
    // A backing for the value, so event lines do not run through it; sized
    // by estimate and shifted by the anchor in px.
    let now_w = bold_width(&now_text) + 6.0;
    let now_shift = match now_box.anchor {
        labels::Anchor::Start => -3.0,
        labels::Anchor::Middle => -now_w / 2.0,
        labels::Anchor::End => 3.0 - now_w,
    };
    let compare_dot = props.compare.as_ref().map(|c| {
        html! {
            <circle class="bc-chart-dot-compare" cx={now_x.clone()}
                cy={px(y_in_plot(value_at(c, day)))} r={px(DOT)} />
        }
    });

    let events: Vec<String> = notes
        .items
        .iter()
        .map(|a| a.lines.join(words.get("chart.label_sep")))
        .collect();
    // "Before" is the day before the first event, when there is such a day.
    let before = notes
        .items
        .first()
        .filter(|a| a.day > 0)
        .map(|a| fmt(value_at(&props.run, a.day - 1)));
    let summary_name = if props.run_label.is_some() {
        words.fill("chart.name_run", &[("name", &name), ("run", &run_name)])
    } else {
        name.clone()
    };
    let compared = props
        .compare
        .as_ref()
        .map(|c| (compare_name.clone(), fmt(value_at(c, day))));
    let summary = summary(
        &words,
        &Summary {
            name: &summary_name,
            before: before.as_deref(),
            value: &now_text,
            date: &date(day),
            baseline: &fmt(value_at(&props.baseline, day)),
            compare: compared.as_ref().map(|(l, v)| (l.as_str(), v.as_str())),
            events: &events,
        },
    );

    html! {
        <figure class="bc-chart">
            <figcaption class="bc-chart-title">{ name }</figcaption>
            <svg class="bc-chart-svg" width="100%" height={px(height)} role="img"
                aria-label={summary} focusable="false">
                { for grid }
                { for axis }
                <svg class="bc-chart-plot" x="0" y={px(plot_top)} width="100%" height={px(PLOT_HEIGHT)}
                    viewBox={view_box()} preserveAspectRatio="none">
                    <polyline class="bc-chart-baseline" points={base.points.clone()} />
                    if let Some(c) = compare.as_ref() {
                        <polyline class="bc-chart-compare" points={c.points.clone()} />
                    }
                    <polyline class="bc-chart-run" points={run.points.clone()} />
                </svg>
                { for annotations }
                { for end_labels }
                <g class="bc-chart-now">
                    <rect class="bc-chart-now-bg" x={now_x.clone()} y={px(plot_top - NOW_ROW + 1.0)}
                        width={px(now_w)} height={px(NOW_ROW - 3.0)} transform={format!("translate({now_shift:.1} 0)")} />
                    <svg class="bc-chart-marks" x="0" y={px(plot_top)} width="100%" height={px(PLOT_HEIGHT)}>
                        <line x1={now_x.clone()} x2={now_x.clone()} y1="0" y2={px(PLOT_HEIGHT)} />
                        { for compare_dot }
                        <circle class="bc-chart-dot" cx={now_x.clone()} cy={px(y_in_plot(now_value))} r={px(DOT)} />
                    </svg>
                    <text class="bc-chart-now-label bc-chart-halo" x={now_x} y={px(plot_top - 5.0)}
                        text-anchor={now_box.anchor.attr()}>{ now_text }</text>
                </g>
            </svg>
        </figure>
    }
}

/// Height of 12–13 px text above its baseline, px (a little generous).
const TEXT_ASCENT: f64 = 11.0;
/// And below it, px.
const TEXT_DESCENT: f64 = 3.0;
/// The highest baseline an end label may take, below the plot's top, px: its
/// text stays inside the plot.
const TEXT_TOP: f64 = TEXT_ASCENT;

/// What the screen-reader summary says.
struct Summary<'a> {
    name: &'a str,
    before: Option<&'a str>,
    value: &'a str,
    date: &'a str,
    baseline: &'a str,
    /// The comparison's label and value on the same day.
    compare: Option<(&'a str, &'a str)>,
    events: &'a [String],
}

/// The screen-reader summary: the value before the first event, now, and the
/// baseline now, the comparison now, then the events.
fn summary(words: &Words, s: &Summary) -> String {
    let mut text = match s.before {
        Some(before) => words.fill(
            "chart.summary",
            &[
                ("name", s.name),
                ("before", before),
                ("value", s.value),
                ("date", s.date),
                ("baseline", s.baseline),
            ],
        ),
        None => words.fill(
            "chart.summary_plain",
            &[
                ("name", s.name),
                ("value", s.value),
                ("date", s.date),
                ("baseline", s.baseline),
            ],
        ),
    };
    if let Some((label, value)) = s.compare {
        text = words.fill(
            "chart.with_compare",
            &[("summary", &text), ("label", label), ("value", value)],
        );
    }
    if s.events.is_empty() {
        text
    } else {
        words.fill(
            "chart.with_events",
            &[
                ("summary", &text),
                ("events", &s.events.join(words.get("chart.event_sep"))),
            ],
        )
    }
}

/// The last day drawn: the longest of the runs, at least 1.
fn domain(props: &ChartProps) -> u32 {
    let compare = props.compare.as_ref().map_or(0, |c| c.0.last_day());
    props
        .run
        .0
        .last_day()
        .max(props.baseline.0.last_day())
        .max(compare)
        .max(1) as u32
}

/// A length in px as an SVG attribute.
fn px(v: f64) -> String {
    format!("{v:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_has_a_name_and_the_summary_reads_in_order() {
        let w = Words::english();
        for m in Output::ALL {
            let key = format!("meter.{}", m.name());
            assert_ne!(w.get(&key), key, "no name for {key}");
        }
        let events = vec!["Macron's text posted, 20 Jan 2026".to_string()];
        let s = Summary {
            name: "Room for compromise",
            before: Some("66%"),
            value: "12%",
            date: "20 Apr 2026",
            baseline: "66%",
            compare: None,
            events: &events,
        };
        assert_eq!(
            summary(&w, &s),
            "Room for compromise: 66% before, 12% on 20 Apr 2026 (baseline 66%). \
             Marked: Macron's text posted, 20 Jan 2026"
        );
        let plain = Summary {
            name: "Candor",
            before: None,
            value: "80%",
            date: "24 Jun 2025",
            baseline: "80%",
            compare: None,
            events: &[],
        };
        assert_eq!(
            summary(&w, &plain),
            "Candor: 80% on 24 Jun 2025 (baseline 80%)"
        );
        let name = w.fill(
            "chart.name_run",
            &[("name", "Trust"), ("run", "Macron's text alone")],
        );
        let compared = Summary {
            name: &name,
            compare: Some(("Rutte's text alone", "93%")),
            ..plain
        };
        assert_eq!(
            summary(&w, &compared),
            "Trust, Macron's text alone: 80% on 24 Jun 2025 (baseline 80%); \
             Rutte's text alone: 93%"
        );
    }

    #[test]
    fn one_scale_and_whole_percents_for_every_metric() {
        let labels: Vec<String> = Y_TICKS.iter().map(|t| percent(*t, 0)).collect();
        assert_eq!(labels, ["0%", "50%", "100%"]);
        assert_eq!(x_pct(0.5), "50.000%");
    }
}
