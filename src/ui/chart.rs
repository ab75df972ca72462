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
//! dots in another; both clip to the plot rectangle, and values are held
//! inside it, so nothing is drawn outside the axes. The day's line is drawn
//! first, so it passes behind every label and line. Labels are laid out
//! ahead of drawing from estimated widths on the narrowest chart
//! (`view/chart/labels.rs`). Everything is attributes and classes: no inline
//! styles, which a strict Content-Security-Policy would block.

mod draw;
mod table;

pub use crate::view::chart::MAX_POINTS;

use super::use_words;
use crate::dates::Date;
use crate::view::chart::annotations::Annotations;
use crate::view::chart::labels::{bold_width, end_label_ys, LabelBox};
use crate::view::chart::scale::{frac, view_box, x_pct, x_share, y_in_plot, Line, PLOT_HEIGHT};
use crate::view::chart::summary::{summary, Summary};
use crate::view::chart::time_axis::{firsts_of_months, x_ticks};
use crate::view::metric::{Marker, Output, RunRef};
use draw::{EndLabel, TEXT_TOP};
use std::rc::Rc;
use table::DataTable;
use yew::prelude::*;

/// Space above the first annotation row, px.
pub(super) const TOP: f64 = 4.0;
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
    /// Whether this is the chart the reader picked (its caption's radio is
    /// checked): trust, until the reader picks another.
    #[prop_or_default]
    pub picked: bool,
    /// Whether the chart's picture and table are drawn, or only its caption:
    /// where the stylesheet shows one chart at a time (a phone), the others
    /// are not drawn at all (`views.rs`).
    #[prop_or(true)]
    pub drawn: bool,
    /// Called with this chart's metric when the reader picks it.
    #[prop_or_default]
    pub on_pick: Callback<Output>,
}

/// A small-multiple time-series chart of one metric: its caption, and the
/// drawing when it is drawn.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let words = use_words();
    let metric = props.metric;
    let name = words.get(&format!("meter.{}", metric.name())).to_string();
    let on_pick = props.on_pick.clone();
    let onchange = Callback::from(move |_: Event| on_pick.emit(metric));
    html! {
        <figure class="bc-chart">
            // On a phone the four captions are the radios that pick the
            // chart shown (arrow keys move between them natively); the
            // stylesheet hides the radio where every chart shows.
            <figcaption class="bc-chart-title"><label>
                <input type="radio" name="bc-chart" checked={props.picked} {onchange} />{ name }
            </label></figcaption>
            if props.drawn {
                <Drawing ..props.clone() />
            }
        </figure>
    }
}

/// The chart's picture and its data table. Its own component, so a chart
/// that is not drawn runs none of its hooks.
#[component]
fn Drawing(props: &ChartProps) -> Html {
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
    let fmt = |v: f64| words.percent(v, 0);
    let value_at = |r: &RunRef, d: u32| metric.value(r.0.at(d as usize));
    let now_value = value_at(&props.run, day);
    let now_frac = frac(day, last);
    let now_text = fmt(now_value);
    let now_box = LabelBox::new(x_share(now_frac), bold_width(&now_text), 1);

    let now_x = x_pct(now_frac);
    let compare_dot = props.compare.as_ref().map(|c| {
        html! {
            <circle class="bc-chart-dot-compare" cx={now_x.clone()}
                cy={px(y_in_plot(value_at(c, day)))} r={px(DOT)} />
        }
    });

    let events: Vec<String> = notes
        .items
        .iter()
        .map(|a| crate::text::join(&a.lines, words.get("chart.label_sep")))
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
        <>
            <svg class="bc-chart-svg" width="100%" height={px(height)} role="img"
                aria-label={summary} focusable="false">
                // The day's line first, so it passes behind every label (their
                // halos hide it) and line, in either theme; days are inside
                // the plot, so it needs no clip.
                <line class="bc-chart-day" x1={now_x.clone()} x2={now_x.clone()} y1={px(plot_top)} y2={px(plot_bottom)} />
                { draw::grid(plot_top, &now_box, &ends, &words) }
                <Layers date_ticks={date_ticks.clone()} base={base.clone()} compare={compare.clone()}
                    run={run.clone()} notes={notes.clone()} ends={ends.clone()} {last} {plot_top} />
                <g class="bc-chart-now">
                    <svg class="bc-chart-marks" x="0" y={px(plot_top)} width="100%" height={px(PLOT_HEIGHT)}>
                        { for compare_dot }
                        <circle class="bc-chart-dot" cx={now_x.clone()} cy={px(y_in_plot(now_value))} r={px(DOT)} />
                    </svg>
                    <text class="bc-chart-now-label bc-chart-halo" x={now_x} y={px(plot_top - 5.0)}
                        text-anchor={now_box.anchor.attr()}>{ now_text }</text>
                </g>
            </svg>
            <DataTable metric={metric} run={props.run.clone()} baseline={props.baseline.clone()}
                compare={props.compare.clone()} run_name={AttrValue::from(run_name.clone())}
                compare_name={AttrValue::from(compare_name.clone())} day0={props.day0} {last} />
        </>
    }
}

/// What a chart draws that does not move with the day: the date axis, the
/// lines, the event annotations and the end labels. Its own component, with
/// the memoised parts compared by pointer, so a new day (playback, a scrub)
/// neither rebuilds nor re-diffs it.
#[derive(Properties)]
struct LayersProps {
    date_ticks: Rc<Vec<(u32, String)>>,
    base: Rc<Line>,
    compare: Rc<Option<Line>>,
    run: Rc<Line>,
    notes: Rc<Annotations>,
    ends: Rc<Vec<EndLabel>>,
    last: u32,
    plot_top: f64,
}

impl PartialEq for LayersProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.date_ticks, &other.date_ticks)
            && Rc::ptr_eq(&self.base, &other.base)
            && Rc::ptr_eq(&self.compare, &other.compare)
            && Rc::ptr_eq(&self.run, &other.run)
            && Rc::ptr_eq(&self.notes, &other.notes)
            && Rc::ptr_eq(&self.ends, &other.ends)
            && self.last == other.last
            && self.plot_top == other.plot_top
    }
}

#[component]
fn Layers(props: &LayersProps) -> Html {
    let (last, plot_top) = (props.last, props.plot_top);
    let plot_bottom = plot_top + PLOT_HEIGHT;
    html! {
        <>
            { draw::axis(&props.date_ticks, last, plot_bottom) }
            { draw::end_labels(&props.ends, "bc-chart-knock") }
            <svg class="bc-chart-plot" x="0" y={px(plot_top)} width="100%" height={px(PLOT_HEIGHT)}
                viewBox={view_box()} preserveAspectRatio="none">
                <polyline class="bc-chart-baseline" points={props.base.points.clone()} />
                if let Some(c) = props.compare.as_ref() {
                    <polyline class="bc-chart-compare" points={c.points.clone()} />
                }
                <polyline class="bc-chart-run" points={props.run.points.clone()} />
            </svg>
            { draw::annotations(&props.notes, last, plot_top, plot_bottom) }
            { draw::end_labels(&props.ends, "bc-chart-halo") }
        </>
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
pub(super) fn px(v: f64) -> String {
    crate::num::fixed(v, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::chart::scale::Y_TICKS;
    use crate::words::Words;

    #[test]
    fn every_output_has_a_name() {
        let w = Words::english();
        for m in Output::ALL {
            let key = format!("meter.{}", m.name());
            assert_ne!(w.get(&key), key, "no name for {key}");
        }
    }

    #[test]
    fn one_scale_and_whole_percents_for_every_metric() {
        let words = crate::words::Words::english();
        let labels: Vec<String> = Y_TICKS.iter().map(|t| words.percent(*t, 0)).collect();
        assert_eq!(labels, ["0%", "50%", "100%"]);
        assert_eq!(x_pct(0.5), "50.000%");
    }
}
