//! One model output over time as a small-multiple chart: the current run as a
//! thin line, the kept-private baseline dashed, dated ticks, an annotation at
//! each event and a marker that follows the current day.
//!
//! The SVG has no viewBox of its own, so its units are CSS pixels and text
//! keeps its size at every width; positions across the chart are percentages
//! of its width. Only the two lines sit in a nested SVG whose viewBox stretches
//! to the plot (`preserveAspectRatio="none"`, strokes that do not scale).
//! Everything is attributes and classes: no inline styles, which a strict
//! Content-Security-Policy would block.

use super::format::percent;
use super::metric::{Marker, Metric, RunRef};
use super::use_words;
use crate::dates::Date;
use crate::model::Trajectory;
use crate::words::Words;
use std::rc::Rc;
use yew::prelude::*;

/// Most points drawn per line; more add nothing a reader can see.
pub const MAX_POINTS: usize = 200;

/// The narrowest chart the layout plans for, in px: a 320 px phone, less the
/// article's margins and the effects panel's padding.
const MIN_WIDTH: f64 = 256.0;
/// Generous average width of a character of the chart's 12–13 px text, in px;
/// layout decisions made with it hold at the narrowest width.
const CHAR_WIDTH: f64 = 6.5;
/// Height of one row of annotation text, px.
const ROW: f64 = 15.0;
/// Space above the first annotation row, px.
const TOP: f64 = 4.0;
/// The row for the current day's value, just above the plot, px.
const NOW_ROW: f64 = 17.0;
/// Height of the plot, px.
const PLOT_HEIGHT: f64 = 120.0;
/// Room under the plot for the date ticks, px.
const AXIS: f64 = 22.0;
/// Units of the nested SVG that holds the lines (both axes).
const UNITS: f64 = 1000.0;
/// Most rows of annotation text above the plot; events whose labels would
/// need more keep their line (and their place in the summary) but no label.
const MAX_ROWS: usize = 4;
/// Markers closer than this on the narrowest chart share one annotation, px.
const MERGE_PX: f64 = 6.0;
/// Most date ticks on the axis.
const MAX_X_TICKS: usize = 5;

#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    /// Which model output to draw; its name (`meter.<key>`) is the title.
    pub metric: Metric,
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
}

/// A small-multiple time-series chart of one metric.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let words = use_words();
    let metric = props.metric;
    let last = domain(&props.run.0, &props.baseline.0);
    // The scale grows past the metric's usual top when a run exceeds it
    // (repeated leaks in the lab), so no line is flattened against the top.
    let scale = *use_memo(
        (metric, props.run.clone(), props.baseline.clone(), last),
        |(m, r, b, last)| fit_scale(*m, &[&r.0, &b.0], *last),
    );
    // The lines are the expensive part: built when a run changes, never per tick.
    let run = use_memo(
        (metric, props.run.clone(), last, scale),
        |(m, r, last, s)| Line::new(&r.0, *m, *last, *s),
    );
    let base = use_memo(
        (metric, props.baseline.clone(), last, scale),
        |(m, r, last, s)| Line::new(&r.0, *m, *last, *s),
    );
    // The date axis depends on the timeline and the words, not on the day.
    let date_ticks = use_memo((props.day0, last, words.clone()), |(day0, last, words)| {
        x_ticks(&firsts_of_months(*day0, *last), *last, words)
    });

    let day = props.day.min(last);
    let date = |d: u32| props.day0.plus_days(i64::from(d)).label(&words);
    let fmt = |v: f64| percent(v, metric.decimals());
    let value_at = |r: &RunRef, d: u32| metric.value(r.0.at(d as usize));
    let name = words.get(&format!("meter.{}", metric.key())).to_string();
    let now_value = value_at(&props.run, day);

    // Annotations: markers on (nearly) the same day share one label.
    let groups = group_markers(&props.markers, last, merge_days(last));
    let (texts, boxes): (Vec<Vec<String>>, Vec<LabelBox>) = groups
        .iter()
        .map(|g| annotation(&g.labels, &date(g.day), frac(g.day, last), &words))
        .unzip();
    let rows = stack_rows(&boxes, MAX_ROWS);
    let band = boxes
        .iter()
        .zip(&rows)
        .filter_map(|(b, r)| r.map(|r| r + b.lines))
        .max()
        .unwrap_or(0) as f64
        * ROW;
    let plot_top = TOP + band + NOW_ROW;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let height = plot_bottom + AXIS;
    let y_px = |v: f64| plot_top + (1.0 - (v / scale).clamp(0.0, 1.0)) * PLOT_HEIGHT;

    let annotations = groups.iter().zip(&texts).zip(boxes.iter().zip(&rows)).map(
        |((g, lines), (b, row))| {
            let x = pct(frac(g.day, last));
            let Some(row) = row else {
                // No room for its label: the line alone, from the plot's top.
                return html! {
                    <g class="bc-chart-event">
                        <line class="bc-chart-event-line" x1={x.clone()} x2={x}
                            y1={px(plot_top)} y2={px(plot_bottom)} />
                    </g>
                };
            };
            let text_top = TOP + *row as f64 * ROW;
            let line_top = text_top + lines.len() as f64 * ROW + 1.0;
            let tspans = lines.iter().enumerate().map(|(i, l)| {
                html! {
                    <tspan x={x.clone()} y={px(text_top + (i + 1) as f64 * ROW - 3.0)}>{ l.clone() }</tspan>
                }
            });
            html! {
                <g class="bc-chart-event">
                    <line class="bc-chart-event-line" x1={x.clone()} x2={x.clone()}
                        y1={px(line_top)} y2={px(plot_bottom)} />
                    <text class="bc-chart-event-label bc-chart-halo" text-anchor={b.anchor.attr()}>
                        { for tspans }
                    </text>
                </g>
            }
        },
    );

    // Gridlines with their labels above them, at the left.
    let now_frac = frac(day, last);
    let now_text = fmt(now_value);
    let now_box = LabelBox::new(now_frac, text_width(now_text.chars().count()), 1);
    let ticks = y_ticks(scale);
    let top_tick = ticks.len().saturating_sub(1);
    let grid = ticks.iter().enumerate().map(|(i, t)| {
        let y = y_px(*t);
        let label = tick_percent(*t);
        // The top label shares the row of the current value; the value wins.
        let hidden = i == top_tick && now_box.left() < text_width(label.chars().count()) + 4.0;
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
        let (d, label) = (*d, label.clone());
        let f = frac(d, last);
        let anchor = LabelBox::new(f, text_width(label.chars().count()), 1).anchor;
        let x = pct(f);
        html! {
            <g class="bc-chart-axis">
                <line x1={x.clone()} x2={x.clone()} y1={px(plot_bottom)} y2={px(plot_bottom + 4.0)} />
                <text class="bc-chart-tick" x={x} y={px(plot_bottom + 17.0)} text-anchor={anchor.attr()}>{ label }</text>
            </g>
        }
    });

    // Direct labels at the line ends instead of a legend.
    let (run_label_y, base_label_y) =
        end_label_ys(y_px(run.end), y_px(base.end), plot_top, plot_bottom);

    let now_x = pct(now_frac);
    // A backing for the value, so event lines do not run through it; sized
    // by estimate (13 px bold figures) and shifted by the anchor in px.
    let now_w = now_text.chars().count() as f64 * 8.0 + 6.0;
    let now_shift = match now_box.anchor {
        Anchor::Start => -3.0,
        Anchor::Middle => -now_w / 2.0,
        Anchor::End => 3.0 - now_w,
    };
    let events: Vec<String> = texts
        .iter()
        .map(|lines| lines.join(words.get("chart.label_sep")))
        .collect();
    // "Before" is the day before the first event, when there is such a day.
    let before = groups
        .first()
        .filter(|g| g.day > 0)
        .map(|g| fmt(value_at(&props.run, g.day - 1)));
    let summary = summary(
        &words,
        &name,
        before.as_deref(),
        &now_text,
        &date(day),
        &fmt(value_at(&props.baseline, day)),
        &events,
    );

    html! {
        <figure class="bc-chart">
            <figcaption class="bc-chart-title">{ name.clone() }</figcaption>
            <svg class="bc-chart-svg" width="100%" height={px(height)} role="img"
                aria-label={summary} focusable="false">
                { for grid }
                { for axis }
                <svg class="bc-chart-plot" x="0" y={px(plot_top)} width="100%" height={px(PLOT_HEIGHT)}
                    viewBox={format!("0 0 {UNITS} {UNITS}")} preserveAspectRatio="none">
                    <polyline class="bc-chart-baseline" points={base.points.clone()} />
                    <polyline class="bc-chart-run" points={run.points.clone()} />
                </svg>
                { for annotations }
                <text class="bc-chart-end bc-chart-end-baseline bc-chart-halo" x="100%" dx="-2"
                    y={px(base_label_y)} text-anchor="end">{ words.get("chart.baseline") }</text>
                <text class="bc-chart-end bc-chart-end-run bc-chart-halo" x="100%" dx="-2"
                    y={px(run_label_y)} text-anchor="end">{ name }</text>
                <g class="bc-chart-now">
                    <rect class="bc-chart-now-bg" x={now_x.clone()} y={px(plot_top - NOW_ROW + 1.0)}
                        width={px(now_w)} height={px(NOW_ROW - 3.0)} transform={format!("translate({now_shift:.1} 0)")} />
                    <line x1={now_x.clone()} x2={now_x.clone()} y1={px(plot_top - 2.0)} y2={px(plot_bottom)} />
                    <circle cx={now_x.clone()} cy={px(y_px(now_value))} r="4" />
                    <text class="bc-chart-now-label bc-chart-halo" x={now_x} y={px(plot_top - 5.0)}
                        text-anchor={now_box.anchor.attr()}>{ now_text }</text>
                </g>
            </svg>
        </figure>
    }
}

/// The screen-reader summary: the value before the first event, now, and the
/// baseline now, then the events.
fn summary(
    words: &Words,
    name: &str,
    before: Option<&str>,
    value: &str,
    date: &str,
    baseline: &str,
    events: &[String],
) -> String {
    let text = match before {
        Some(before) => words.fill(
            "chart.summary",
            &[
                ("name", name),
                ("before", before),
                ("value", value),
                ("date", date),
                ("baseline", baseline),
            ],
        ),
        None => words.fill(
            "chart.summary_plain",
            &[
                ("name", name),
                ("value", value),
                ("date", date),
                ("baseline", baseline),
            ],
        ),
    };
    if events.is_empty() {
        text
    } else {
        words.fill(
            "chart.with_events",
            &[
                ("summary", &text),
                ("events", &events.join(words.get("chart.event_sep"))),
            ],
        )
    }
}

/// The last day drawn: the longer of the two runs, at least 1.
fn domain(run: &Trajectory, baseline: &Trajectory) -> u32 {
    run.last_day().max(baseline.last_day()).max(1) as u32
}

/// A day as a share of the time axis, 0–1.
fn frac(day: u32, last: u32) -> f64 {
    (f64::from(day) / f64::from(last.max(1))).clamp(0.0, 1.0)
}

/// A share of the chart's width as an SVG length.
fn pct(f: f64) -> String {
    format!("{:.3}%", f * 100.0)
}

/// A length in px as an SVG attribute.
fn px(v: f64) -> String {
    format!("{v:.1}")
}

/// Estimated width of `chars` characters of chart text, px.
fn text_width(chars: usize) -> f64 {
    chars as f64 * CHAR_WIDTH
}

/// A y tick as a percentage, with a decimal only when it needs one.
fn tick_percent(t: f64) -> String {
    let whole = ((t * 100.0).round() - t * 100.0).abs() < 1e-9;
    percent(t, if whole { 0 } else { 1 })
}

/// One line of the chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    /// The polyline's `points`, in the plot's 1000 × 1000 units; shared, so
    /// each render on a new day clones a pointer, not kilobytes of text.
    points: AttrValue,
    /// The value on the last day drawn, for its end label.
    end: f64,
}

impl Line {
    fn new(run: &Trajectory, metric: Metric, last: u32, scale: f64) -> Line {
        let days = run.days();
        let all: Vec<(f64, f64)> = days
            .iter()
            .enumerate()
            .take(last as usize + 1)
            .map(|(d, o)| {
                let x = frac(d as u32, last) * UNITS;
                let y = (1.0 - (metric.value(o) / scale).clamp(0.0, 1.0)) * UNITS;
                (x, y)
            })
            .collect();
        let points = decimate(&all, MAX_POINTS)
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ");
        Line {
            points: points.into(),
            end: metric.value(run.at(last as usize)),
        }
    }
}

/// Thins a line to at most `max` points with Largest-Triangle-Three-Buckets
/// (Steinarsson 2013): keeps the first and last point and, from each bucket in
/// between, the point that spans the largest triangle with its neighbours, so
/// jumps and turns survive.
fn decimate(points: &[(f64, f64)], max: usize) -> Vec<(f64, f64)> {
    let n = points.len();
    if n <= max {
        return points.to_vec();
    }
    if max < 3 {
        return [points[0], points[n - 1]].into_iter().take(max).collect();
    }
    let buckets = max - 2;
    // Bucket i holds points[start(i)..start(i + 1)]; integer maths keeps every
    // inner point in exactly one bucket.
    let start = |i: usize| 1 + i * (n - 2) / buckets;
    let mut out = Vec::with_capacity(max);
    out.push(points[0]);
    let mut prev = points[0];
    for i in 0..buckets {
        let next = if i + 1 < buckets {
            &points[start(i + 1)..start(i + 2)]
        } else {
            &points[n - 1..]
        };
        let (nx, ny) = next
            .iter()
            .fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x, sy + y));
        let (nx, ny) = (nx / next.len() as f64, ny / next.len() as f64);
        let best = points[start(i)..start(i + 1)]
            .iter()
            .copied()
            .max_by(|a, b| {
                let area = |p: &(f64, f64)| {
                    ((prev.0 - nx) * (p.1 - prev.1) - (prev.0 - p.0) * (ny - prev.1)).abs()
                };
                area(a).total_cmp(&area(b))
            })
            .unwrap_or(prev);
        out.push(best);
        prev = best;
    }
    out.push(points[n - 1]);
    out
}

/// The top of the y scale: the metric's usual top, or the largest value of
/// the runs up to `last`, rounded up to a multiple of 5 %.
fn fit_scale(metric: Metric, runs: &[&Trajectory], last: u32) -> f64 {
    let peak = runs
        .iter()
        .flat_map(|r| r.days().iter().take(last as usize + 1))
        .map(|o| metric.value(o))
        .fold(0.0_f64, f64::max);
    if peak <= metric.scale() {
        metric.scale()
    } else {
        ((peak / 0.05).ceil() * 0.05).min(1.0)
    }
}

/// Two or three y ticks from 0 to the top of the scale, on a round step
/// (1, 2, 2.5 or 5 times a power of ten) of at least half the scale.
fn y_ticks(scale: f64) -> Vec<f64> {
    if !(scale.is_finite() && scale > 0.0) {
        return vec![0.0];
    }
    let target = scale / 2.0;
    let power = 10f64.powf(target.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= target * (1.0 - 1e-9))
        .unwrap_or(10.0 * power);
    (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|t| *t <= scale * (1.0 + 1e-9))
        .collect()
}

/// The first day of every month between day 0 and `last`, with its date.
fn firsts_of_months(day0: Date, last: u32) -> Vec<(u32, Date)> {
    (0..=last)
        .map(|d| (d, day0.plus_days(i64::from(d))))
        .filter(|(_, date)| date.day == 1)
        .collect()
}

/// The months ticked at a step of `step` months: January and every
/// `step`th month counted from it (every `step / 12`th year from year 0).
fn every(firsts: &[(u32, Date)], step: u32) -> Vec<(u32, Date)> {
    firsts
        .iter()
        .copied()
        .filter(|(_, date)| (date.year * 12 + date.month as i32 - 1).rem_euclid(step as i32) == 0)
        .collect()
}

/// Dated ticks with their labels ("Jul 2025", "Oct", "Jan 2026"; the year on
/// the first tick and on January; only years once ticks are a year or more
/// apart): the first step that leaves at most `MAX_X_TICKS` ticks whose
/// labels do not touch on the narrowest chart.
fn x_ticks(firsts: &[(u32, Date)], last: u32, words: &Words) -> Vec<(u32, String)> {
    let label = |step: u32, i: usize, date: &Date| {
        let month = words.get(&format!("month.{}", date.month)).to_string();
        if step >= 12 {
            date.year.to_string()
        } else if i == 0 || date.month == 1 {
            words.fill(
                "date.month_year",
                &[("month", &month), ("year", &date.year.to_string())],
            )
        } else {
            month
        }
    };
    let mut fallback = Vec::new();
    for step in [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200] {
        let ticks: Vec<(u32, String)> = every(firsts, step)
            .iter()
            .enumerate()
            .map(|(i, (d, date))| (*d, label(step, i, date)))
            .collect();
        let boxes: Vec<LabelBox> = ticks
            .iter()
            .map(|(d, l)| LabelBox::new(frac(*d, last), text_width(l.chars().count()), 1))
            .collect();
        if ticks.len() <= MAX_X_TICKS && apart(&boxes) {
            return ticks;
        }
        fallback = ticks;
    }
    fallback
}

/// Whether labels in left-to-right order leave a gap between neighbours.
fn apart(boxes: &[LabelBox]) -> bool {
    const GAP: f64 = 6.0;
    boxes.windows(2).all(|w| w[0].right() + GAP <= w[1].left())
}

/// Markers that share one annotation.
#[derive(Clone, Debug, PartialEq)]
struct MarkerGroup {
    /// The earliest day of the group, where its line is drawn.
    day: u32,
    /// The distinct labels, in day order.
    labels: Vec<String>,
}

/// An event's annotation: one line per label, the last followed by the date
/// ("Macron's text posted, 20 Jan 2026"), or the date on a line of its own
/// when that line would not fit the narrowest chart. Returns the lines and
/// their box.
fn annotation(labels: &[String], date: &str, f: f64, words: &Words) -> (Vec<String>, LabelBox) {
    let boxed = |lines: Vec<String>| {
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let b = LabelBox::new(f, text_width(longest), lines.len());
        (lines, b)
    };
    let mut lines = labels.to_vec();
    if let Some(final_line) = lines.last_mut() {
        *final_line = words.fill(
            "chart.marker",
            &[("label", final_line.as_str()), ("date", date)],
        );
    }
    let one = boxed(lines);
    if one.1.overflow() <= 0.0 {
        return one;
    }
    let mut lines = labels.to_vec();
    lines.push(date.to_string());
    boxed(lines)
}

/// Days within which markers merge, so their lines would not be told apart
/// on the narrowest chart.
fn merge_days(last: u32) -> u32 {
    (MERGE_PX / MIN_WIDTH * f64::from(last)).floor() as u32
}

/// Groups markers on the time axis: a marker at most `within` days after a
/// group's first day joins it; duplicates merge; markers past `last` are left out.
fn group_markers(markers: &[Marker], last: u32, within: u32) -> Vec<MarkerGroup> {
    let mut sorted: Vec<&Marker> = markers.iter().filter(|m| m.day <= last).collect();
    sorted.sort_by_key(|m| m.day);
    let mut groups: Vec<MarkerGroup> = Vec::new();
    for m in sorted {
        match groups.last_mut() {
            Some(g) if m.day - g.day <= within => {
                if !g.labels.contains(&m.label) {
                    g.labels.push(m.label.clone());
                }
            }
            _ => groups.push(MarkerGroup {
                day: m.day,
                labels: vec![m.label.clone()],
            }),
        }
    }
    groups
}

/// How a label hangs from its x position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A label's extent on the narrowest chart, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LabelBox {
    x: f64,
    width: f64,
    lines: usize,
    anchor: Anchor,
}

impl LabelBox {
    /// A label at share `f` of the width: centred on its point if it fits,
    /// else hanging from it to whichever side fits, else placed to stick out
    /// least. Deciding at the narrowest width keeps the choice right at every
    /// width, since wider charts only add room.
    fn new(f: f64, width: f64, lines: usize) -> LabelBox {
        let at = |anchor| LabelBox {
            x: f * MIN_WIDTH,
            width,
            lines,
            anchor,
        };
        // `min_by` keeps the first of equals: centred wins a tie.
        [Anchor::Middle, Anchor::Start, Anchor::End]
            .into_iter()
            .map(at)
            .min_by(|a, b| a.overflow().total_cmp(&b.overflow()))
            .unwrap_or_else(|| at(Anchor::Middle))
    }

    /// How far the label sticks out of the narrowest chart, px.
    fn overflow(&self) -> f64 {
        (-self.left()).max(0.0) + (self.right() - MIN_WIDTH).max(0.0)
    }

    fn left(&self) -> f64 {
        match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - self.width / 2.0,
            Anchor::End => self.x - self.width,
        }
    }

    fn right(&self) -> f64 {
        self.left() + self.width
    }
}

/// The top row of each label: the first row where it overlaps no label
/// already placed (with a small gap), taking the labels in order; `None` when
/// it would not fit within `max_rows` rows.
fn stack_rows(boxes: &[LabelBox], max_rows: usize) -> Vec<Option<usize>> {
    const GAP: f64 = 6.0;
    let mut rows: Vec<Option<usize>> = Vec::with_capacity(boxes.len());
    for (i, b) in boxes.iter().enumerate() {
        let clashes = |row: usize| {
            boxes[..i].iter().zip(&rows).any(|(p, r)| {
                r.is_some_and(|r| {
                    let rows_meet = row < r + p.lines && r < row + b.lines;
                    let cols_meet = b.left() < p.right() + GAP && p.left() < b.right() + GAP;
                    rows_meet && cols_meet
                })
            })
        };
        let row = (0..(max_rows + 1).saturating_sub(b.lines)).find(|r| !clashes(*r));
        rows.push(row);
    }
    rows
}

/// Baselines of the two end labels, given where the lines end (px): the upper
/// line's label above it, the lower line's below it, inside the plot, and far
/// enough apart not to touch. Returns (run label, baseline label).
fn end_label_ys(run_y: f64, base_y: f64, top: f64, bottom: f64) -> (f64, f64) {
    /// Vertical room a 12–13 px label needs, px.
    const TEXT: f64 = 13.0;
    let (lo, hi) = (top + TEXT - 2.0, bottom - 3.0);
    let run_upper = run_y <= base_y;
    let (upper_line, lower_line) = if run_upper {
        (run_y, base_y)
    } else {
        (base_y, run_y)
    };
    let mut upper = (upper_line - 5.0).clamp(lo, hi);
    let mut lower = (lower_line + TEXT + 1.0).clamp(lo, hi);
    if lower - upper < TEXT {
        // Too close: spread them around their middle, inside the plot.
        let mid = ((upper + lower) / 2.0).clamp(lo + TEXT / 2.0, hi - TEXT / 2.0);
        upper = mid - TEXT / 2.0;
        lower = mid + TEXT / 2.0;
    }
    if run_upper {
        (upper, lower)
    } else {
        (lower, upper)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(day: u32, label: &str) -> Marker {
        Marker {
            day,
            label: label.into(),
        }
    }

    fn run(scenario: &str) -> Trajectory {
        let events = crate::model::scenario::builtin(scenario).unwrap().events;
        crate::model::simulate(
            &crate::model::Params::default(),
            &crate::model::Senders::default(),
            &events,
            390,
            1.0,
        )
        .unwrap()
    }

    #[test]
    fn a_real_run_becomes_a_thin_polyline_inside_the_plot() {
        let traj = run("only-macron");
        let line = Line::new(&traj, Metric::Compromise, 390, 1.0);
        let points: Vec<(f64, f64)> = line
            .points
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        assert_eq!(points.len(), MAX_POINTS);
        assert_eq!(points[0].0, 0.0);
        assert_eq!(points[points.len() - 1].0, UNITS);
        assert!(points.iter().all(|(_, y)| (0.0..=UNITS).contains(y)));
        // Compromise falls after the post on day 210: the line goes down the
        // screen (larger y) from before to after.
        let y_at = |day: f64| {
            points
                .iter()
                .min_by(|a, b| {
                    (a.0 - day / 390.0 * UNITS)
                        .abs()
                        .total_cmp(&(b.0 - day / 390.0 * UNITS).abs())
                })
                .unwrap()
                .1
        };
        assert!(y_at(300.0) > y_at(150.0) + 100.0);
        assert_eq!(line.end, traj.at(390).compromise);
        // A shorter run on a longer axis stops early.
        let short = Line::new(&traj, Metric::Candor, 780, 1.0);
        assert!(short.points.ends_with(&format!(
            "{:.1},{:.1}",
            500.0,
            (1.0 - traj.at(390).candor) * UNITS
        )));
    }

    #[test]
    fn every_metric_has_a_name_and_the_summary_reads_in_order() {
        let w = Words::english();
        for m in Metric::ALL {
            let key = format!("meter.{}", m.key());
            assert_ne!(w.get(&key), key, "no name for {key}");
        }
        let events = vec!["Macron's text posted, 20 Jan 2026".to_string()];
        assert_eq!(
            summary(
                &w,
                "Room for compromise",
                Some("66%"),
                "12%",
                "20 Apr 2026",
                "66%",
                &events
            ),
            "Room for compromise: 66% before, 12% on 20 Apr 2026 (baseline 66%). \
             Marked: Macron's text posted, 20 Jan 2026"
        );
        assert_eq!(
            summary(&w, "Candor", None, "80%", "24 Jun 2025", "80%", &[]),
            "Candor: 80% on 24 Jun 2025 (baseline 80%)"
        );
    }

    #[test]
    fn decimation_keeps_the_ends_and_the_budget() {
        let points: Vec<(f64, f64)> = (0..391).map(|d| (d as f64, (d as f64).sin())).collect();
        let thin = decimate(&points, MAX_POINTS);
        assert_eq!(thin.len(), MAX_POINTS);
        assert_eq!(thin[0], points[0]);
        assert_eq!(thin[thin.len() - 1], points[390]);
        assert!(thin.windows(2).all(|w| w[0].0 < w[1].0), "x must increase");
        assert!(
            thin.iter().all(|p| points.contains(p)),
            "only original points"
        );
    }

    #[test]
    fn decimation_keeps_a_one_day_spike_and_a_jump() {
        let mut points: Vec<(f64, f64)> = (0..1000).map(|d| (d as f64, 0.0)).collect();
        points[500].1 = 10.0;
        for p in &mut points[700..] {
            p.1 = -3.0;
        }
        let thin = decimate(&points, 50);
        assert!(thin.contains(&(500.0, 10.0)), "spike lost");
        assert!(thin.iter().any(|p| p.1 == -3.0) && thin.iter().any(|p| p.0 > 600.0 && p.1 == 0.0));
    }

    #[test]
    fn short_lines_are_not_decimated() {
        let points = vec![(0.0, 1.0), (1.0, 2.0), (2.0, 0.5)];
        assert_eq!(decimate(&points, 200), points);
        assert_eq!(decimate(&points, 2), vec![(0.0, 1.0), (2.0, 0.5)]);
    }

    #[test]
    fn y_ticks_are_two_or_three_round_steps() {
        assert_eq!(y_ticks(1.0), vec![0.0, 0.5, 1.0]);
        let small = y_ticks(0.2);
        assert_eq!(small.len(), 3);
        assert!((small[1] - 0.1).abs() < 1e-12 && (small[2] - 0.2).abs() < 1e-12);
        let odd = y_ticks(0.3);
        assert_eq!(odd.len(), 2);
        assert!((odd[1] - 0.2).abs() < 1e-12);
        for scale in [0.05, 0.08, 0.2, 0.3, 0.75, 1.0, 2.0] {
            let t = y_ticks(scale);
            assert!((2..=3).contains(&t.len()), "{scale}: {t:?}");
            assert!(*t.last().unwrap() <= scale + 1e-9);
        }
        assert_eq!(tick_percent(0.1), "10%");
        assert_eq!(tick_percent(0.025), "2.5%");
    }

    const DAY0: Date = Date {
        year: 2025,
        month: 6,
        day: 24,
    };

    #[test]
    fn month_ticks_fall_on_firsts_of_months_at_a_step() {
        let firsts = firsts_of_months(DAY0, 390);
        assert_eq!(firsts.len(), 13);
        assert_eq!(firsts[0].0, 7); // 1 July 2025
        assert!(firsts.iter().all(|t| t.1.day == 1));
        let quarters = every(&firsts, 3);
        let months: Vec<(i32, u32)> = quarters.iter().map(|t| (t.1.year, t.1.month)).collect();
        assert_eq!(
            months,
            vec![(2025, 7), (2025, 10), (2026, 1), (2026, 4), (2026, 7)]
        );
        assert_eq!(quarters[2].0, 191); // 1 January 2026
        assert_eq!(
            every(&firsts, 6)
                .iter()
                .map(|t| t.1.month)
                .collect::<Vec<_>>(),
            vec![7, 1, 7]
        );
    }

    #[test]
    fn x_ticks_are_few_and_their_labels_never_touch() {
        let w = Words::english();
        // 390 days: quarterly "Jul 2025" and "Oct" would touch at 256 px, so
        // every sixth month.
        let ticks = x_ticks(&firsts_of_months(DAY0, 390), 390, &w);
        let labels: Vec<&str> = ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(labels, ["Jul 2025", "Jan 2026", "Jul"]);
        assert_eq!(ticks[1].0, 191);
        // A short run (to 2 September) gets every month.
        let short = x_ticks(&firsts_of_months(DAY0, 70), 70, &w);
        assert_eq!(
            short.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(),
            ["Jul 2025", "Aug", "Sep"]
        );
        let long = x_ticks(&firsts_of_months(DAY0, 2000), 2000, &w);
        assert_eq!(long[0].1, "2026");
        // Whatever the length, at most five ticks and none touching.
        for last in [30, 100, 200, 390, 730, 2000, 36_500] {
            let ticks = x_ticks(&firsts_of_months(DAY0, last), last, &w);
            let boxes: Vec<LabelBox> = ticks
                .iter()
                .map(|(d, l)| LabelBox::new(frac(*d, last), text_width(l.chars().count()), 1))
                .collect();
            assert!(ticks.len() <= MAX_X_TICKS, "{last}: {ticks:?}");
            assert!(apart(&boxes), "{last}: {ticks:?}");
        }
    }

    #[test]
    fn markers_on_one_day_merge_and_others_stay_apart() {
        let markers = vec![
            marker(210, "Rutte's text posted"),
            marker(0, "Rutte's June text posted"),
            marker(210, "Macron's text posted"),
            marker(210, "Macron's text posted"),
            marker(500, "beyond the run"),
        ];
        let groups = group_markers(&markers, 390, merge_days(390));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].day, 0);
        assert_eq!(groups[1].day, 210);
        assert_eq!(
            groups[1].labels,
            vec![
                "Rutte's text posted".to_string(),
                "Macron's text posted".to_string()
            ]
        );
        // Two days apart on a 390-day axis is under 6 px at 300 px: one line.
        let close = group_markers(&[marker(210, "a"), marker(212, "b")], 390, merge_days(390));
        assert_eq!(close.len(), 1);
        let apart = group_markers(&[marker(210, "a"), marker(230, "b")], 390, merge_days(390));
        assert_eq!(apart.len(), 2);
    }

    #[test]
    fn labels_hang_inwards_near_the_edges() {
        assert_eq!(LabelBox::new(0.5, 100.0, 1).anchor, Anchor::Middle);
        assert_eq!(LabelBox::new(0.02, 50.0, 1).anchor, Anchor::Start);
        assert_eq!(LabelBox::new(0.97, 50.0, 1).anchor, Anchor::End);
        let b = LabelBox::new(0.9, 200.0, 1);
        assert_eq!(b.anchor, Anchor::End);
        assert!(b.left() >= 0.0 && b.right() <= MIN_WIDTH);
        assert_eq!(b.overflow(), 0.0);
        // Too wide for either side: centred, sticking out least.
        let wide = LabelBox::new(0.4, 230.0, 1);
        assert_eq!(wide.anchor, Anchor::Middle);
        assert!(wide.overflow() > 0.0 && wide.overflow() < 20.0);
    }

    #[test]
    fn a_long_annotation_puts_its_date_on_a_line_of_its_own() {
        let w = Words::english();
        let labels = vec!["Macron's text posted".to_string()];
        let (lines, b) = annotation(&labels, "20 Jan 2026", 210.0 / 390.0, &w);
        assert_eq!(lines, ["Macron's text posted, 20 Jan 2026"]);
        assert_eq!(b.overflow(), 0.0);
        let long = vec!["Ally 1's text posted".to_string()];
        let (lines, b) = annotation(&long, "22 Oct 2025", 0.6, &w);
        assert_eq!(lines, ["Ally 1's text posted", "22 Oct 2025"]);
        assert_eq!((b.lines, b.overflow()), (2, 0.0));
        let merged = vec![
            "Macron's text posted".to_string(),
            "Rutte's text posted".to_string(),
        ];
        let (lines, _) = annotation(&merged, "20 Jan 2026", 0.54, &w);
        assert_eq!(
            lines,
            ["Macron's text posted", "Rutte's text posted, 20 Jan 2026"]
        );
    }

    #[test]
    fn overlapping_labels_stack_and_separate_ones_share_a_row() {
        let a = LabelBox::new(0.5, 150.0, 1);
        let b = LabelBox::new(0.55, 150.0, 2);
        let c = LabelBox::new(0.05, 20.0, 1);
        let d = LabelBox::new(0.56, 150.0, 1);
        let rows = stack_rows(&[a, b, c, d], 4);
        assert_eq!(rows[0], Some(0));
        assert_eq!(rows[1], Some(1), "b overlaps a");
        assert_eq!(rows[2], Some(0), "c is clear of both");
        assert_eq!(rows[3], Some(3), "d overlaps a (row 0) and b (rows 1-2)");
        // With only three rows, d has no room: its label is left out.
        let rows = stack_rows(&[a, b, c, d], 3);
        assert_eq!(rows, [Some(0), Some(1), Some(0), None]);
        // A label taller than the room never gets a row.
        assert_eq!(stack_rows(&[LabelBox::new(0.5, 50.0, 5)], 4), [None]);
    }

    #[test]
    fn end_labels_sit_beside_their_lines_and_never_touch() {
        let (top, bottom) = (50.0, 170.0);
        // Run well below the baseline: run label under its line, baseline label above.
        let (run, base) = end_label_ys(150.0, 80.0, top, bottom);
        assert!(run > 150.0 && base < 80.0);
        // Coincident lines, anywhere: 13 px apart and inside the plot.
        for y in [50.0, 60.0, 110.0, 165.0, 170.0] {
            let (run, base) = end_label_ys(y, y, top, bottom);
            assert!((run - base).abs() >= 13.0 - 1e-9, "{y}: {run} {base}");
            for l in [run, base] {
                assert!(
                    l >= top + 11.0 - 1e-9 && l <= bottom - 3.0 + 1e-9,
                    "{y}: {l}"
                );
            }
        }
    }

    #[test]
    fn the_scale_grows_only_when_a_run_exceeds_it() {
        let calm = crate::model::simulate(
            &crate::model::Params::default(),
            &crate::model::Senders::default(),
            &[],
            100,
            1.0,
        )
        .unwrap();
        assert_eq!(fit_scale(Metric::LeakRisk, &[&calm], 100), 0.2);
        let leaks: Vec<_> = (0..6)
            .map(|i| crate::model::Event {
                day: f64::from(i * 10),
                sender: 2,
                sensitivity: 1.0,
            })
            .collect();
        let stormy = crate::model::simulate(
            &crate::model::Params::default(),
            &crate::model::Senders::default(),
            &leaks,
            100,
            1.0,
        )
        .unwrap();
        let peak = stormy
            .days()
            .iter()
            .map(|o| o.leak_risk)
            .fold(0.0, f64::max);
        assert!(peak > 0.2, "the test needs a run past 20 %: {peak}");
        let s = fit_scale(Metric::LeakRisk, &[&calm, &stormy], 100);
        assert!(
            s >= peak && s < peak + 0.05 + 1e-9,
            "{s} for a peak of {peak}"
        );
        assert_eq!(fit_scale(Metric::Compromise, &[&stormy], 100), 1.0);
    }
}
