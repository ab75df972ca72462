//! The static story (no JavaScript, print) in every language: rendered by
//! the same components, it holds every message, expert quotation and
//! observed quotation verbatim, each with its attribution in its own card
//! or figure (not merely somewhere on the page), our translation
//! beside it in the other languages, and the model's state labelled as a
//! model.

use backchannel::story::Story;
use backchannel::ui::static_story::render;
use backchannel::words::{Words, LOCALE_FILES};
use std::rc::Rc;

/// Text as HTML escapes it (yew escapes &, <, >, " and ').
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn contains(html: &str, text: &str) -> bool {
    html.contains(text) || html.contains(&escaped(text))
}

/// Where `text` first stands in the HTML (as written or escaped).
fn position(html: &str, text: &str) -> Option<usize> {
    html.find(text).or_else(|| html.find(&escaped(text)))
}

/// The element around `text` that opens with `open` and closes with the first
/// `close` after it: a card, a message's figure. Elements of these kinds do
/// not nest, so the nearest of each is the one.
fn around<'a>(html: &'a str, text: &str, open: &str, close: &str) -> &'a str {
    let at = position(html, text).unwrap_or_else(|| panic!("not in the story: {text}"));
    let start = html[..at]
        .rfind(open)
        .unwrap_or_else(|| panic!("no {open} before: {text}"));
    let end = at
        + html[at..]
            .find(close)
            .unwrap_or_else(|| panic!("no {close} after: {text}"));
    &html[start..end]
}

/// The text from `text` to the end of its step (its source line follows the
/// message in the same step, outside the figure).
fn rest_of_step<'a>(html: &'a str, text: &str) -> &'a str {
    let at = position(html, text).unwrap_or_else(|| panic!("not in the story: {text}"));
    let end = html[at..].find("<section").map_or(html.len(), |e| at + e);
    &html[at..end]
}

#[test]
fn every_quote_with_its_attribution_in_every_language() {
    let story = Rc::new(Story::builtin().unwrap());
    for (lang, text) in LOCALE_FILES {
        let words = Rc::new(story.words(&Words::parse(text).unwrap(), lang));
        let html = render(story.clone(), words.clone(), lang);
        assert!(html.contains(&format!("lang=\"{lang}\"")), "{lang}");
        assert!(
            contains(&html, words.get("explainer.title")),
            "{lang}: title"
        );
        assert!(
            contains(&html, words.get("badge.model")),
            "{lang}: the model is labelled"
        );
        for beat in story.beats.iter().filter(|b| b.id != "lab") {
            assert!(
                contains(&html, words.get(&format!("beat.{}.title", beat.id))),
                "{lang}: {}",
                beat.id
            );
        }
        for m in story.messages.iter().filter(|m| m.id != "rutte-june") {
            assert!(contains(&html, &m.text), "{lang}: message {}", m.id);
            // The sender in the message's own figure, its source later in
            // the same step: not merely somewhere on the page.
            let sender = story.senders.iter().find(|s| s.id == m.sender).unwrap();
            let figure = around(&html, &m.text, "<figure class=\"bc-message", "</figure>");
            assert!(
                contains(figure, &sender.name),
                "{lang}: {} in {}'s figure",
                sender.name,
                m.id
            );
            let source = words
                .try_get(&format!("message.{}.source", m.id))
                .unwrap_or(&m.source);
            assert!(
                contains(rest_of_step(&html, &m.text), source),
                "{lang}: source of {} in its step",
                m.id
            );
            if lang != "en" {
                let key = format!("message.{}.translation", m.id);
                assert!(
                    contains(&html, words.get(&key)),
                    "{lang}: translation of {}",
                    m.id
                );
                if !m.caption.is_empty() {
                    let key = format!("message.{}.caption.translation", m.id);
                    assert!(contains(&html, words.get(&key)), "{lang}: {key}");
                }
            }
        }
        for e in &story.experts {
            assert!(contains(&html, &e.name), "{lang}: {}", e.name);
            // The card's source line in the reader's language where the
            // pack words it so, not the English line.
            let worded = words.try_get(&format!("expert.{}.sources", e.id));
            for q in e.quotes.iter().chain(&e.reported) {
                assert!(contains(&html, &q.text), "{lang}: {}", q.text);
                // The quotation's own card names its speaker and its source.
                let card = around(&html, &q.text, "<article class=\"bc-card", "</article>");
                let name = format!("<h4 class=\"bc-card-name\">{}</h4>", escaped(&e.name));
                assert!(
                    card.contains(&name),
                    "{lang}: {} on the card of {}",
                    e.name,
                    q.text
                );
                let source = worded.unwrap_or(&q.source);
                assert!(
                    contains(card, source),
                    "{lang}: {source} on {}'s card",
                    e.name
                );
                if lang != "en" {
                    assert!(!contains(&html, &q.source), "{lang}: {}", q.source);
                }
            }
        }
        for o in story.observed.iter().filter(|o| !o.quote.is_empty()) {
            assert!(contains(&html, &o.quote), "{lang}: {}", o.quote);
            let card = around(&html, &o.quote, "<li class=\"bc-card bc-fact", "</li>");
            let source = words
                .try_get(&format!("observed.{}.source", o.id))
                .unwrap_or(&o.source);
            assert!(
                contains(card, source),
                "{lang}: {source} on the card of {}",
                o.quote
            );
        }
        // The stylesheet hides what needs a script (tests/e2e/static.test.js).
        assert!(html.contains("bc-root bc-static"), "{lang}");
    }
}
