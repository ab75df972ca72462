//! Where values and days land in the chart: one 0–100 % value axis for every
//! metric (all the model's outputs are shares), a time axis across the width,
//! and the lines themselves, thinned and kept inside the plot.
//!
//! The plot rectangle holds a small margin inside its edges so that a value of
//! 0 % or 100 %, or the first or last day, keeps its stroke and its dot whole
//! while the plot clips whatever would stray outside it.

use crate::model::Trajectory;
use crate::num::{fixed, write_fixed};
use crate::view::metric::Output;
use std::rc::Rc;

/// Most points drawn per line; more add nothing a reader can see.
pub const MAX_POINTS: usize = 200;

/// Height of the plot rectangle, px.
pub const PLOT_HEIGHT: f64 = 120.0;
/// Margin between the plot's top and bottom edges and the 100 % and 0 %
/// lines, px: the day's dot (radius 4, outline 1.5) fits within it.
pub const PAD: f64 = 6.0;
/// Units of the nested SVG that holds the lines, on each axis, between the
/// first and last day and between 0 % and 100 %.
pub const UNITS: f64 = 1000.0;
/// Margin at the left and right of the plot, in line units: about 6 px on the
/// narrowest chart, so the dot on the first or last day shows whole.
pub const PAD_UNITS: f64 = 24.0;
/// Gridlines, as shares: the same for every metric.
pub const Y_TICKS: [f64; 3] = [0.0, 0.5, 1.0];

/// A day as a share of the time axis, 0–1.
pub fn frac(day: u32, last: u32) -> f64 {
    crate::num::clamp(f64::from(day) / f64::from(last.max(1)), 0.0, 1.0)
}

/// Where a share `f` of the time axis sits, as a share of the chart's width
/// (the plot's side margins included).
pub fn x_share(f: f64) -> f64 {
    (PAD_UNITS + crate::num::clamp(f, 0.0, 1.0) * UNITS) / (UNITS + 2.0 * PAD_UNITS)
}

/// A share of the time axis as an SVG length across the chart.
pub fn x_pct(f: f64) -> String {
    let mut x = fixed(x_share(f) * 100.0, 3);
    x.push('%');
    x
}

/// A value's distance below the plot's top, px; values outside 0–1 are held
/// at the edge of the scale, never drawn outside the plot.
pub fn y_in_plot(v: f64) -> f64 {
    PAD + (1.0 - clamp_share(v)) * (PLOT_HEIGHT - 2.0 * PAD)
}

/// The nested SVG's viewBox: the line units plus the plot's margins, so the
/// lines stretch to the plot and keep clear of its edges.
pub fn view_box() -> String {
    let pad_y = PAD * UNITS / (PLOT_HEIGHT - 2.0 * PAD);
    let numbers = [
        -PAD_UNITS,
        -pad_y,
        UNITS + 2.0 * PAD_UNITS,
        UNITS + 2.0 * pad_y,
    ]
    .map(|v| fixed(v, 2));
    crate::text::join(&numbers, " ")
}

/// A value as a share of the scale, held within 0–1 (NaN at 0).
fn clamp_share(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        crate::num::clamp(v, 0.0, 1.0)
    }
}

/// One line of the chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The polyline's `points`, in line units; shared, so each render on a
    /// new day clones a pointer, not kilobytes of text.
    pub points: Rc<str>,
    /// The value on the last day drawn, for its end label.
    pub end: f64,
}

/// The model's values are finite, so equality is reflexive; being `Eq` lets an
/// `Rc<Line>` (a memo's dependency, compared on every render) compare by
/// pointer before it compares kilobytes of points.
impl Eq for Line {}

impl Line {
    pub fn new(run: &Trajectory, metric: Output, last: u32) -> Line {
        let all: Vec<(f64, f64)> = run
            .days()
            .iter()
            .enumerate()
            .take(last as usize + 1)
            .map(|(d, o)| {
                let x = frac(d as u32, last) * UNITS;
                let y = (1.0 - clamp_share(metric.value(o))) * UNITS;
                (x, y)
            })
            .collect();
        // Written into one string: every line is rebuilt on each change of
        // scenario, parameter or leak, and a string per number made that
        // the lab's costliest step after the DOM's.
        let kept = decimate(&all, MAX_POINTS);
        let mut points = String::with_capacity(kept.len() * 12);
        for (i, (x, y)) in kept.iter().enumerate() {
            if i > 0 {
                points.push(' ');
            }
            write_fixed(&mut points, *x, 1);
            points.push(',');
            write_fixed(&mut points, *y, 1);
        }
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
pub fn decimate(points: &[(f64, f64)], max: usize) -> Vec<(f64, f64)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run(scenario: &str) -> Trajectory {
        let story = crate::story::Story::builtin().unwrap();
        let events = &story.scenario(scenario).unwrap().events;
        crate::model::simulate(
            &story.resolved().params,
            &story.resolved().senders,
            events,
            390,
            1.0,
        )
        .unwrap()
    }

    fn parse(points: &str) -> Vec<(f64, f64)> {
        points
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect()
    }

    #[test]
    fn a_real_run_becomes_a_thin_polyline_inside_the_plot() {
        let traj = run("only-macron");
        let line = Line::new(&traj, Output::Compromise, 390);
        let points = parse(&line.points);
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
        let short = Line::new(&traj, Output::Candor, 780);
        assert!(short.points.ends_with(&format!(
            "{:.1},{:.1}",
            500.0,
            (1.0 - traj.at(390).candor) * UNITS
        )));
    }

    #[test]
    fn every_metric_shares_one_scale_and_the_trust_line_is_near_the_top() {
        let traj = run("only-macron");
        let trust = parse(&Line::new(&traj, Output::Trust, 390).points);
        let leak = parse(&Line::new(&traj, Output::LeakRisk, 390).points);
        // Trust is 1 − leak risk on the same axis: the two lines mirror.
        let (t, l) = (trust[0].1, leak[0].1);
        assert!((t + l - UNITS).abs() < 0.2, "{t} + {l}");
        assert!(t < 0.1 * UNITS, "trust starts above 90 %: {t}");
    }

    #[test]
    fn values_outside_the_scale_stay_inside_the_plot() {
        for v in [-0.5, 0.0, 0.5, 1.0, 1.7, f64::NAN, f64::INFINITY] {
            let y = y_in_plot(v);
            assert!((PAD..=PLOT_HEIGHT - PAD).contains(&y), "{v}: {y}");
        }
        assert_eq!(y_in_plot(1.0), PAD);
        assert_eq!(y_in_plot(0.0), PLOT_HEIGHT - PAD);
        // The first and last days sit inside the width, clear of its edges.
        assert!(x_share(0.0) > 0.02 && x_share(1.0) < 0.98);
        assert!((x_share(0.5) - 0.5).abs() < 1e-12);
        assert_eq!(x_share(-1.0), x_share(0.0));
        assert_eq!(x_pct(1.0), format!("{:.3}%", x_share(1.0) * 100.0));
        // The viewBox maps line units 0 and 1000 to the margins' inner edges.
        let v: Vec<f64> = view_box().split(' ').map(|n| n.parse().unwrap()).collect();
        let px_of_unit = |u: f64| (u - v[1]) / v[3] * PLOT_HEIGHT;
        assert!((px_of_unit(0.0) - PAD).abs() < 0.01);
        assert!((px_of_unit(UNITS) - (PLOT_HEIGHT - PAD)).abs() < 0.01);
        let share_of_unit = |u: f64| (u - v[0]) / v[2];
        assert!((share_of_unit(UNITS) - x_share(1.0)).abs() < 1e-9);
    }

    #[test]
    fn points_are_written_as_one_decimal_pairs_separated_by_spaces() {
        let r = run("only-macron");
        let last = r.days().len() as u32 - 1;
        let line = Line::new(&r, Output::Trust, last);
        let kept: Vec<(f64, f64)> = line
            .points
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        // The text of each pair is what `fixed` writes for it.
        let again: Vec<String> = kept
            .iter()
            .map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1)))
            .collect();
        assert_eq!(&*line.points, again.join(" "));
        assert!(
            kept.len() > 50 && kept.len() <= MAX_POINTS,
            "{}",
            kept.len()
        );
        assert_eq!(kept[0].0, 0.0);
        assert_eq!(kept.last().unwrap().0, UNITS);
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
}
