//! Every quotation the explainer shows is verbatim from the reporting kept in
//! tests/fixtures/source (copies of ../shared/source), and stands near the
//! name of the person or outlet it is attributed to.

use backchannel::story::Story;
use std::fs;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/source");

/// Line breaks and runs of spaces in the sources are layout, not content.
fn normalise(text: &str) -> String {
    text.replace("\n> ", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

struct Sources {
    article: String,
    reporting: String,
}

impl Sources {
    fn load() -> Self {
        let read =
            |name: &str| normalise(&fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap());
        Sources {
            article: read("article.txt"),
            reporting: read("reporting.md"),
        }
    }

    /// Where the quote stands, in which text; panics if it is in neither.
    fn find(&self, quote: &str) -> (&str, usize) {
        let q = normalise(quote);
        for text in [&self.article, &self.reporting] {
            if let Some(at) = text.find(&q) {
                return (text, at);
            }
        }
        panic!("not verbatim in the sources: {quote}");
    }

    /// Whether reporting.md's table row naming `who` contains four
    /// consecutive words of `sentence`.
    fn row_summarises(&self, who: &str, sentence: &str) -> bool {
        let raw = fs::read_to_string(format!("{FIXTURES}/reporting.md")).unwrap();
        let Some(row) = raw.lines().find(|l| l.starts_with('|') && l.contains(who)) else {
            return false;
        };
        let row = row.to_lowercase();
        let words: Vec<String> = sentence
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        words.windows(4).any(|w| row.contains(&w.join(" ")))
    }

    /// The quote is verbatim and `who` appears within `window` characters of it.
    fn attributed(&self, quote: &str, who: &str, window: usize) {
        let (text, at) = self.find(quote);
        let start = text.floor_char_boundary(at.saturating_sub(window));
        let end = text.ceil_char_boundary((at + normalise(quote).len() + window).min(text.len()));
        assert!(
            text[start..end].contains(who),
            "\"{quote}\" is not near \"{who}\" in the sources"
        );
    }
}

#[test]
fn the_fixtures_are_the_shared_sources() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/source");
    for name in ["article.txt", "reporting.md"] {
        // CI and developers have ../shared beside the checkout; elsewhere
        // the fixture stands on its own.
        if let Ok(original) = fs::read_to_string(format!("{shared}/{name}")) {
            let copy = fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap();
            assert_eq!(
                copy, original,
                "tests/fixtures/source/{name} differs from shared/"
            );
        }
    }
}

#[test]
fn messages_are_verbatim_with_sender_and_caption() {
    let s = Sources::load();
    let story = Story::greenland().unwrap();
    for m in &story.messages {
        s.attributed(&m.text, &m.sender, 600);
        if !m.caption.is_empty() {
            s.attributed(&m.caption, &m.sender, 200);
        }
    }
}

#[test]
fn expert_quotes_and_reported_speech_are_verbatim_and_attributed() {
    let s = Sources::load();
    let story = Story::greenland().unwrap();
    let mut checked = 0;
    for e in &story.experts {
        // The article names people by surname once introduced.
        let surname = e.name.rsplit(' ').next().unwrap();
        for q in &e.quotes {
            s.attributed(q, surname, 400);
            checked += 1;
        }
        for r in &e.reported {
            // Reported speech is verbatim from the article; it is attributed
            // either by the surname beside it or by reporting.md's table row
            // for that expert, which summarises it.
            let (text, at) = s.find(r);
            let near = &text[text.floor_char_boundary(at.saturating_sub(400))
                ..text.ceil_char_boundary((at + r.len() + 400).min(text.len()))];
            assert!(
                near.contains(surname) || s.row_summarises(&e.name, r),
                "{}: \"{r}\" is not attributed to them in the sources",
                e.name
            );
            checked += 1;
        }
        if !e.outlet.is_empty() {
            for q in &e.quotes {
                let (text, at) = s.find(q);
                let near = &text[text.floor_char_boundary(at.saturating_sub(1200))
                    ..text.ceil_char_boundary((at + 1200).min(text.len()))];
                assert!(
                    near.contains(&e.outlet),
                    "{}: outlet {} not near",
                    e.name,
                    e.outlet
                );
            }
        }
    }
    assert!(checked >= 8, "only {checked} quotations checked");
}

#[test]
fn observed_quotes_are_verbatim_and_near_their_source() {
    let s = Sources::load();
    let story = Story::greenland().unwrap();
    for o in story.observed.iter().filter(|o| !o.quote.is_empty()) {
        let outlet = o.source.split([',', ' ']).next().unwrap();
        s.attributed(&o.quote, outlet, 300);
    }
}

#[test]
fn a_changed_word_is_caught() {
    let s = Sources::load();
    let result = std::panic::catch_unwind(|| {
        s.find("The risk here is that what belongs in the private sphere is no longer certain to be private")
    });
    assert!(result.is_err());
}
