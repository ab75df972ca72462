//! The static story (no JavaScript, print) in every language: rendered by
//! the same components, it holds every message, expert quotation and
//! observed quotation verbatim, each with its attribution, our translation
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

#[test]
fn every_quote_with_its_attribution_in_every_language() {
    let story = Rc::new(Story::builtin().unwrap());
    for (lang, text) in LOCALE_FILES {
        let words = Rc::new(Words::for_story(&Words::parse(text).unwrap(), &story, lang));
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
            let sender = story.senders.iter().find(|s| s.id == m.sender).unwrap();
            assert!(contains(&html, &sender.name), "{lang}: {}", sender.name);
            let source = words
                .try_get(&format!("message.{}.source", m.id))
                .unwrap_or(&m.source);
            assert!(contains(&html, source), "{lang}: source of {}", m.id);
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
                let source = worded.unwrap_or(&q.source);
                assert!(contains(&html, source), "{lang}: {source}");
                if lang != "en" {
                    assert!(!contains(&html, &q.source), "{lang}: {}", q.source);
                }
            }
        }
        for o in story.observed.iter().filter(|o| !o.quote.is_empty()) {
            assert!(contains(&html, &o.quote), "{lang}: {}", o.quote);
        }
        // The stylesheet hides what needs a script (tests/e2e/static.test.js).
        assert!(html.contains("bc-root bc-static"), "{lang}");
    }
}
