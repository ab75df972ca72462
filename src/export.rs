//! A still image of what the reader sees, as SVG text: the message or the
//! post, the four charts with their annotations and the day shown, the
//! provenance labels, and a credit line with the sources and "model, not a
//! forecast". One function of the explainer's state, run in the browser (the
//! handle's `exportSvg`) and natively (`src/bin/render.rs`), so both give
//! the same bytes. Real text in the system font stack (nothing embedded, no
//! external reference), colours as attributes (converters such as rsvg and
//! Inkscape read them without a stylesheet), and `title`/`desc` for screen
//! readers.

mod chart;
mod draw;
mod layout;
mod palette;
#[cfg(test)]
mod tests;

pub use crate::config::Theme;
use crate::num::fixed;
use crate::state::Explainer;
use crate::story::View;
use crate::view::chart::annotations::Annotations;
use crate::view::metric::Output;
use crate::view::{markers, Frame};
use crate::words::Words;
use chart::{chart, FOOT, HEAD};
use draw::{badge, badge_width, lines_into, text};
use layout::{escape, wrap};

/// The image's width and, for a fixed frame, its height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// A social card, 1200 × 675, two columns.
    Social,
    /// A print column, 600 wide, as tall as its content.
    Column,
}

impl Size {
    pub fn parse(s: &str) -> Option<Size> {
        match s {
            "social" => Some(Size::Social),
            "column" => Some(Size::Column),
            _ => None,
        }
    }
}

/// The charts, as the explainer shows them.
const CHARTS: [Output; 4] = [
    Output::Trust,
    Output::Compromise,
    Output::Candor,
    Output::Rhetoric,
];
const FONT: &str = "system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, sans-serif";
/// The outer margin. Numbers go into the markup through `fixed`: an f64
/// formatted with `{}` would link core's float printer, 14 KB of wasm.
const MARGIN: f64 = 40.0;

/// The SVG of the view the state shows, in its words.
pub fn svg(state: &Explainer, theme: Theme, size: Size) -> String {
    let words: &Words = state.words();
    let f = Frame::read(state);
    let c = palette::colours(theme);
    let story = &f.story.0;
    let (m, public) = shown_message(&f);
    let message = &story.messages[m.min(story.messages.len() - 1)];
    let sender = story
        .senders
        .get(message.sender_index)
        .map_or(message.sender.as_str(), |s| s.name.as_str());
    let (width, left_w, right_x, right_w) = match size {
        Size::Social => (1200.0, 520.0, 600.0, 560.0),
        Size::Column => (600.0, 520.0, MARGIN, 520.0),
    };
    let mut body = String::new();
    // Title.
    let mut y = MARGIN;
    for line in wrap(words.get("explainer.title"), left_w, 26.0, true) {
        y += 32.0;
        body += &text(MARGIN, y, 26.0, c.ink, "700", &line);
    }
    // The message or post.
    y += 24.0;
    let card_top = y;
    let head = if public {
        format!(
            "{} · {}",
            words.fill("post.platform", &[("platform", &message.platform)]),
            message.posted.label(words)
        )
    } else {
        format!(
            "{} · {sender} → {}",
            words.get("message.lock"),
            message.recipient
        )
    };
    let cue = words.get(if public {
        "post.public_cue"
    } else {
        "message.private_cue"
    });
    let accent = if public { c.public } else { c.private };
    y += 28.0;
    body += &text(MARGIN + 16.0, y, 14.0, c.muted, "400", &head);
    y += 26.0;
    body += &text(MARGIN + 16.0, y, 15.0, accent, "700", sender);
    let quote_bottom = match size {
        Size::Social => 540.0,
        Size::Column => f64::INFINITY,
    };
    // The quotation in its own language; in another, our translation
    // below it, marked so, both a little smaller to fit.
    let translation = words
        .try_get(&format!("message.{}.translation", message.id))
        .filter(|_| message.lang.is_empty() || message.lang != *f.lang)
        .map(|t| {
            format!(
                "{}{t}",
                words.fill("label.colon", &[("label", words.get("translation.label"))])
            )
        });
    let (size_px, lead) = if translation.is_some() {
        (14.0, 19.0)
    } else {
        (17.0, 24.0)
    };
    let quote_lines = wrap(&message.text, left_w - 32.0, size_px, false);
    let translation_lines = translation
        .as_deref()
        .map_or(Vec::new(), |t| wrap(t, left_w - 32.0, size_px, false));
    let room = ((quote_bottom - y - 60.0) / lead).floor().max(2.0) as usize;
    // The translation gets what the quotation leaves, at least a third.
    let quote_room = if translation_lines.is_empty() {
        room
    } else {
        quote_lines
            .len()
            .min(room - (room / 3).max(1).min(translation_lines.len()))
    };
    let mut quote = String::new();
    let quote_end = y + lines_into(
        &mut quote,
        &quote_lines,
        quote_room,
        MARGIN + 16.0,
        y,
        size_px,
        lead,
        c.ink,
    );
    body += &format!(
        "<g lang=\"{}\">{quote}</g>",
        escape(if message.lang.is_empty() {
            "en"
        } else {
            &message.lang
        })
    );
    y = quote_end;
    if !translation_lines.is_empty() {
        y += 8.0;
        let mut t = String::new();
        y += lines_into(
            &mut t,
            &translation_lines,
            room - quote_room,
            MARGIN + 16.0,
            y,
            size_px,
            lead,
            c.muted,
        );
        body += &t;
    }
    y += 30.0;
    body += &text(MARGIN + 16.0, y, 14.0, accent, "700", cue);
    y += 16.0;
    body = format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"12\" fill=\"{}\" stroke=\"{accent}\" stroke-width=\"1.5\"/>{body}",
        fixed(MARGIN, 0),
        fixed(card_top, 1),
        fixed(left_w, 1),
        fixed(y - card_top, 1),
        c.card
    );
    // Provenance of the message.
    y += 30.0;
    // The source as the language on screen gives it (a pack may translate it).
    let source_text = words
        .try_get(&format!("message.{}.source", message.id))
        .unwrap_or(&message.source)
        .to_string();
    let source = format!(
        "{}{source_text}",
        words.fill("label.colon", &[("label", words.get("source.label"))]),
    );
    let quoted = words.get("badge.quoted");
    let indent = badge_width(quoted) + 10.0;
    body += &badge(MARGIN, y, quoted, c.quoted, &c);
    let source_lines = wrap(&source, left_w - indent, 13.0, false);
    for (i, line) in source_lines.iter().enumerate() {
        body += &text(
            MARGIN + indent,
            y + 18.0 * i as f64,
            13.0,
            c.muted,
            "400",
            line,
        );
    }
    let left_bottom = y + 18.0 * source_lines.len().saturating_sub(1) as f64 + 24.0;

    // The model: the day shown, then the four charts.
    let mut y = match size {
        Size::Social => MARGIN + 32.0,
        Size::Column => left_bottom + 40.0,
    };
    body += &text(right_x, y, 20.0, c.ink, "700", &f.date);
    let model = words.get("badge.model");
    body += &badge(
        right_x + right_w - badge_width(model),
        y,
        model,
        c.model,
        &c,
    );
    y += 22.0;
    body += &text(right_x, y, 14.0, c.muted, "400", &f.when);
    let marks = markers(story, words, &f.events);
    // What the lines are, said once for the four charts.
    let legend = words.fill(
        "export.legend",
        &[("baseline", words.get("chart.table_baseline"))],
    );
    for line in wrap(&legend, right_w, 12.0, false) {
        y += 17.0;
        body += &text(right_x, y, 12.0, c.muted, "400", &line);
    }
    y += 14.0;
    // Credit: sources and what the numbers are.
    // The experts quoted by name (a pack's unnamed "experts" are reported, not quoted).
    let experts: Vec<&str> = story
        .experts
        .iter()
        .filter(|e| !e.quotes.is_empty())
        .map(|e| e.name.as_str())
        .collect();
    let credit = words.fill(
        "export.credit",
        &[
            ("source", &source_text),
            ("experts", &crate::text::join(&experts, ", ")),
        ],
    );
    // Every line of it, at the card's foot (nothing cut): the charts take
    // the room above it.
    let credit_lines = wrap(&credit, width - 2.0 * MARGIN, 12.0, false);
    let credit_top = 675.0 - MARGIN + 4.0 - 16.0 * credit_lines.len() as f64;
    // The four charts share their annotations (the same posting days).
    let notes = Annotations::new(&marks, f.horizon, story.day0, words);
    let frame = HEAD + notes.height + FOOT;
    let gap = 20.0;
    // Two by two on a card, the plots as tall as the room left above the
    // credit; one under another in a column, each plot 140 px.
    let (columns, plot_h) = match size {
        Size::Social => (2, ((credit_top - 24.0 - y - gap) / 2.0 - frame).max(60.0)),
        Size::Column => (1, 140.0),
    };
    let chart_w = (right_w - gap * (columns - 1) as f64) / columns as f64;
    let step = frame + plot_h + gap;
    for (i, metric) in CHARTS.into_iter().enumerate() {
        let x = right_x + (i % columns) as f64 * (chart_w + gap);
        let top = y + (i / columns) as f64 * step;
        body += &chart(&f, &notes, metric, words, (x, top, chart_w, plot_h), &c);
    }
    let right_bottom = y + (CHARTS.len() / columns) as f64 * step - gap;

    let mut y = match size {
        Size::Social => credit_top + 12.0,
        Size::Column => left_bottom.max(right_bottom) + 30.0,
    };
    for line in &credit_lines {
        body += &text(MARGIN, y, 12.0, c.muted, "400", line);
        y += 16.0;
    }
    let height = match size {
        Size::Social => 675.0,
        Size::Column => y + MARGIN - 16.0,
    };
    let desc = words.fill(
        "export.desc",
        &[
            ("date", &f.date),
            ("sender", sender),
            ("platform", &message.platform),
        ],
    );
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-labelledby=\"bc-t bc-d\" font-family=\"{FONT}\" lang=\"{lang}\">\
         <title id=\"bc-t\">{title}</title><desc id=\"bc-d\">{desc}</desc>\
         <rect width=\"100%\" height=\"100%\" fill=\"{paper}\"/>{body}</svg>\n",
        w = fixed(width, 0),
        h = fixed(height, 0),
        lang = escape(&f.lang),
        title = escape(words.get("explainer.title")),
        desc = escape(&desc),
        paper = c.paper,
    )
}

/// The message the image shows, and whether it is public: the step's own;
/// in the lab, which has none, the one the scenario posted last by the day
/// shown (else its first), public if the scenario posts anything.
fn shown_message(f: &Frame) -> (usize, bool) {
    if f.view != View::Lab {
        return (f.message, f.public);
    }
    let day = f64::from(f.day);
    let latest = f
        .events
        .iter()
        .map(|e| e.day)
        .filter(|&d| d <= day)
        .reduce(f64::max);
    let posted = f
        .events
        .iter()
        .filter(|e| latest.is_none_or(|l| e.day == l))
        .find_map(|e| {
            f.story
                .0
                .messages
                .iter()
                .position(|m| m.sender_index == e.sender)
        });
    match posted {
        Some(m) => (m, true),
        None => (f.message, false),
    }
}
