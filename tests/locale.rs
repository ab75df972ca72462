//! Every word the components ask for exists in the English locale file:
//! literal keys found in the source, and the key families built from data
//! (beats, experts, observed facts, scenarios, metrics, months).

use backchannel::model::Output;
use backchannel::story::Story;
use backchannel::words::Words;
use std::fs;
use std::path::Path;

#[path = "support/code.rs"]
mod code;

fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !code::is_tests_file(&path) {
            let text = fs::read_to_string(&path).unwrap();
            // Unit tests ask for missing keys on purpose.
            out.push(code::without_inline_tests(&text).to_string());
        }
    }
}

/// The string literals passed to `get(` and `fill(` (keys contain a dot and no braces).
fn literal_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in [".get(\"", ".fill(\""] {
        for (at, _) in text.match_indices(call) {
            let rest = &text[at + call.len()..];
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                if key.contains('.') && !key.contains('{') && !key.contains(' ') {
                    keys.push(key.to_string());
                }
            }
        }
    }
    keys
}

fn assert_has(words: &Words, key: &str) {
    assert!(words.try_get(key).is_some(), "en.json lacks \"{key}\"");
}

#[test]
fn every_literal_key_in_the_source_is_in_english() {
    let words = Words::english();
    let mut texts = Vec::new();
    sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut texts,
    );
    let keys: Vec<String> = texts.iter().flat_map(|t| literal_keys(t)).collect();
    assert!(
        keys.len() > 40,
        "the scan found too few keys: {}",
        keys.len()
    );
    for key in keys {
        assert_has(&words, &key);
    }
}

#[test]
fn every_key_built_from_data_is_in_english() {
    let words = Words::english();
    for id in ["custom", "kept-private"] {
        assert_has(&words, &format!("scenario.{id}"));
    }
    for o in Output::ALL {
        assert_has(&words, &format!("meter.{}", o.name()));
        assert_has(&words, &format!("meter.{}.hint", o.name()));
    }
    for month in 1..=12 {
        assert_has(&words, &format!("month.{month}"));
    }
}

#[test]
fn every_key_a_story_builds_is_in_its_words() {
    let story = Story::builtin().unwrap();
    let words = story.words(&Words::english(), "en");
    for b in &story.beats {
        assert_has(&words, &format!("beat.{}.title", b.id));
        assert_has(&words, &format!("beat.{}.body", b.id));
    }
    for e in &story.experts {
        assert_has(&words, &format!("expert.{}.predicts", e.id));
        assert_has(&words, &format!("expert.{}.role", e.id));
    }
    for o in &story.observed {
        assert_has(&words, &format!("observed.{}.text", o.id));
    }
    for m in &story.messages {
        assert_has(&words, &format!("message.{}.label", m.id));
        assert_has(&words, &format!("message.{}.sensitivity", m.id));
    }
    for id in story.scenario_ids() {
        assert_has(&words, &format!("scenario.{id}"));
    }
}
