//! One of the image's four charts, drawn with the live chart's scale, points
//! and annotation layout (`view::chart::scale`, `view::chart::annotations`).

use super::draw::{text, text_with};
use super::layout::{self, escape};
use super::palette::Colours;
use crate::num::fixed;
use crate::view::chart::annotations::{Annotations, ROW};
use crate::view::chart::scale::{frac, Line};
use crate::view::metric::Output;
use crate::view::Frame;
use crate::words::Words;

/// Height of the chart's name and value, above the annotations, px.
pub const HEAD: f64 = 28.0;
/// Height of the dates under the plot, px.
pub const FOOT: f64 = 22.0;
/// Text hanging left of its point.
const END: &str = "text-anchor=\"end\" ";

/// One chart at `(x, y)`, `w` wide, its plot `plot_h` tall: its name and
/// value on the day shown, the annotations of the days texts were posted
/// (laid out as the live chart lays them out), the run and the no-leak
/// baseline, and the day shown. Its height is `HEAD + notes.height + plot_h + FOOT`.
pub fn chart(
    f: &Frame,
    notes: &Annotations,
    metric: Output,
    words: &Words,
    (x, y, w, plot_h): (f64, f64, f64, f64),
    c: &Colours,
) -> String {
    let name = words.get(&format!("meter.{}", metric.name())).to_string();
    let value = words.percent(metric.value(&f.outputs), 0);
    let mut out = text(x, y + 16.0, 14.0, c.ink, "700", &name);
    out += &text_with(END, x + w, y + 16.0, 14.0, c.series, "700", &value);
    let band = y + HEAD;
    // The scale's labels in a gutter left of the plot, where no line can
    // run over them.
    let (top, bottom) = (words.percent(1.0, 0), words.percent(0.0, 0));
    let gutter = layout::width(&top, 11.0, false) + 4.0;
    let (px, py, pw, ph) = (x + gutter, band + notes.height, w - gutter, plot_h);
    let last = f.horizon;
    let at = |day: u32| px + frac(day.min(last), last) * pw;
    // The days texts were posted: a line each, its label above the plot
    // where there is room (in the rows the live chart gives it).
    for a in &notes.items {
        let lx = fixed(at(a.day), 1);
        let line_top = match a.row {
            Some(row) => {
                let top = band + row as f64 * ROW;
                for (i, l) in a.lines.iter().enumerate() {
                    let anchor = format!("text-anchor=\"{}\" ", a.label.anchor.attr());
                    let baseline = top + (i + 1) as f64 * ROW - 3.0;
                    out += &text_with(&anchor, at(a.day), baseline, 11.0, c.event, "400", l);
                }
                top + a.lines.len() as f64 * ROW + 1.0
            }
            None => py,
        };
        out += &format!(
            "<line x1=\"{lx}\" x2=\"{lx}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
            fixed(line_top, 1),
            fixed(py + ph, 1),
            c.event
        );
    }
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
    let now = fixed(at(f.day), 1);
    out += &format!(
        "<line x1=\"{now}\" x2=\"{now}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
        fixed(py - 8.0, 1),
        fixed(py + ph, 1),
        c.ink
    );
    // Level with the plot's top and bottom edges.
    out += &text_with(END, px - 4.0, py + 4.0, 11.0, c.muted, "400", &top);
    out += &text_with(END, px - 4.0, py + ph + 4.0, 11.0, c.muted, "400", &bottom);
    let date = |day: u32| f.story.0.date(day).label(words);
    out += &text(px, py + ph + 15.0, 11.0, c.muted, "400", &date(0));
    out += &text_with(
        END,
        px + pw,
        py + ph + 15.0,
        11.0,
        c.muted,
        "400",
        &date(last),
    );
    out += &format!("<desc>{}</desc>", escape(&format!("{name}: {value}.")));
    out
}
