//! The image's marks: lines of text, runs of lines, and provenance badges.

use super::layout::{self, escape};
use super::palette::Colours;
use crate::num::fixed;

/// Up to `room` lines of text below `y` (the last one marked when lines were
/// left out: a cut quotation says so, never silently); returns the height used.
#[allow(clippy::too_many_arguments)]
pub fn lines_into(
    out: &mut String,
    lines: &[String],
    room: usize,
    x: f64,
    y: f64,
    size: f64,
    lead: f64,
    fill: &str,
) -> f64 {
    let shown = lines.len().min(room);
    for (i, line) in lines.iter().take(shown).enumerate() {
        let line = if i + 1 == shown && shown < lines.len() {
            format!("{line} […]")
        } else {
            line.clone()
        };
        *out += &text(x, y + lead * (i + 1) as f64, size, fill, "400", &line);
    }
    lead * shown as f64
}

/// A line of text (escaped), at its baseline.
pub fn text(x: f64, y: f64, size: f64, fill: &str, weight: &str, s: &str) -> String {
    text_with("", x, y, size, fill, weight, s)
}

/// The same, with more attributes first (`attrs` ends with a space): an
/// anchor, a halo.
pub fn text_with(
    attrs: &str,
    x: f64,
    y: f64,
    size: f64,
    fill: &str,
    weight: &str,
    s: &str,
) -> String {
    format!(
        "<text {attrs}x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>",
        fixed(x, 1),
        fixed(y, 1),
        fixed(size, 0),
        escape(s)
    )
}

/// A badge's width for its label (in bold, as the live badges).
pub fn badge_width(label: &str) -> f64 {
    layout::width(label, 12.0, true) + 14.0
}

/// A provenance badge: its label in a box of its colour (as written: an
/// uppercase mapping for every language would cost the wasm Unicode's case
/// tables).
pub fn badge(x: f64, y: f64, label: &str, colour: &str, c: &Colours) -> String {
    let w = badge_width(label);
    format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" rx=\"3\" fill=\"{}\" stroke=\"{colour}\"/>{}",
        fixed(x, 1),
        fixed(y - 13.0, 1),
        fixed(w, 1),
        c.paper,
        text(x + 7.0, y, 12.0, colour, "700", label)
    )
}
