//! One of the image's four charts, drawn with the live chart's scale and
//! points (`ui::chart::scale`).

use super::draw::text;
use super::layout::escape;
use super::palette::Colours;
use crate::num::fixed;
use crate::ui::chart::scale::{frac, Line};
use crate::ui::explainer::Frame;
use crate::ui::metric::{Marker, Output};
use crate::words::Words;

/// One chart: its name and value on the day shown, the run and the no-leak
/// baseline, the days messages were posted, and the day shown.
pub fn chart(
    f: &Frame,
    marks: &[Marker],
    metric: Output,
    words: &Words,
    (x, y, w, h): (f64, f64, f64, f64),
    c: &Colours,
) -> String {
    let name = words.get(&format!("meter.{}", metric.name())).to_string();
    let value = words.percent(metric.value(&f.outputs), 0);
    let mut out = text(x, y + 16.0, 14.0, c.ink, "700", &name);
    out += &text(x + w, y + 16.0, 14.0, c.series, "700", &value)
        .replace("<text ", "<text text-anchor=\"end\" ");
    // The scale's labels sit left of the plot, clear of the lines.
    let (px, py, pw, ph) = (x + 34.0, y + 28.0, w - 34.0, h - 48.0);
    let last = f.horizon;
    // Scale and points: the live chart's (0–1000 units in both directions).
    let run = Line::new(&f.run.0, metric, last);
    let base = Line::new(&f.base_run.0, metric, last);
    out += &format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\"/>",
        fixed(px, 1),
        fixed(py, 1),
        fixed(pw, 1),
        fixed(ph, 1),
        c.line
    );
    out += &format!(
        "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 1000 1000\" preserveAspectRatio=\"none\">\
         <polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" vector-effect=\"non-scaling-stroke\"/>\
         <polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" stroke-linejoin=\"round\" vector-effect=\"non-scaling-stroke\"/></svg>",
        fixed(px, 1),
        fixed(py, 1),
        fixed(pw, 1),
        fixed(ph, 1),
        base.points,
        c.baseline,
        run.points,
        c.series
    );
    let at = |day: u32| px + frac(day.min(last), last) * pw;
    for m in marks.iter().filter(|m| m.day <= last) {
        out += &format!(
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
            fixed(py, 1),
            fixed(py + ph, 1),
            c.event,
            x = fixed(at(m.day), 1)
        );
    }
    let now = fixed(at(f.day), 1);
    out += &format!(
        "<line x1=\"{now}\" x2=\"{now}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
        fixed(py - 8.0, 1),
        fixed(py + ph, 1),
        c.ink
    );
    // The scale and the span of time, at the plot's corners.
    for (share, baseline) in [(1.0, py + 9.0), (0.0, py + ph)] {
        out += &text(
            px - 4.0,
            baseline,
            11.0,
            c.muted,
            "400",
            &words.percent(share, 0),
        )
        .replace("<text ", "<text text-anchor=\"end\" ");
    }
    let date = |day: u32| f.story.0.date(day).label(words);
    out += &text(px, py + ph + 15.0, 11.0, c.muted, "400", &date(0));
    out += &text(px + pw, py + ph + 15.0, 11.0, c.muted, "400", &date(last))
        .replace("<text ", "<text text-anchor=\"end\" ");
    let posted: Vec<&str> = marks.iter().map(|m| m.label.as_str()).collect();
    let posted = posted.join("; ");
    out += &format!(
        "<desc>{}</desc>",
        escape(&format!("{name}: {value}. {posted}"))
    );
    out
}
