//! The strings a pack keeps per language: every one its ids require, the
//! translations beside quotations in another language, nothing a pack may
//! not set, and the same keys in every language.

use super::Found;
use crate::story::Pack;
use crate::words::Words;

/// The strings each language must have, from the pack's ids.
fn required(story: &Pack, ui: &Words) -> Vec<String> {
    let mut keys = Vec::new();
    for b in &story.beats {
        keys.push(format!("beat.{}.title", b.id));
        keys.push(format!("beat.{}.body", b.id));
    }
    for s in story.senders.iter().filter(|s| !s.name.trim().is_empty()) {
        keys.push(format!("sender.{}.role", s.id));
    }
    for m in &story.messages {
        keys.push(format!("message.{}.label", m.id));
        keys.push(format!("message.{}.sensitivity", m.id));
        if m.other_reading.is_some() {
            keys.push(format!("message.{}.other_reading", m.id));
        }
    }
    for e in &story.experts {
        keys.push(format!("expert.{}.role", e.id));
        keys.push(format!("expert.{}.predicts", e.id));
    }
    for o in &story.observed {
        keys.push(format!("observed.{}.text", o.id));
    }
    for s in &story.scenarios {
        if ui.try_get(&format!("scenario.{}", s.id)).is_none() {
            keys.push(format!("scenario.{}", s.id));
        }
    }
    keys
}

/// The translations a language must have: of each quotation in another
/// language.
fn translations(story: &Pack, lang: &str) -> Vec<String> {
    story
        .quotations()
        .into_iter()
        .filter(|(_, original)| *original != lang)
        .map(|(stem, _)| format!("{stem}.translation"))
        .collect()
}

/// Strings only some languages have: translations (needed where a
/// quotation is in another language) and sources worded for a language
/// (a message's, an observed fact's, an expert card's).
fn per_language(story: &Pack, key: &str) -> bool {
    let translation = key
        .strip_suffix(".translation")
        .is_some_and(|stem| story.quotations().iter().any(|(s, _)| s == stem));
    let source = key.strip_suffix(".source").is_some_and(|stem| {
        story
            .messages
            .iter()
            .any(|m| stem == format!("message.{}", m.id))
            || story
                .observed
                .iter()
                .any(|o| stem == format!("observed.{}", o.id))
    });
    // An expert card's source line.
    let sources = story
        .experts
        .iter()
        .any(|e| key == format!("expert.{}.sources", e.id));
    translation || source || sources
}

/// Whether a pack may set this string: one it requires, an optional note of
/// one of its beats or of what the model makes of an expert, a scenario
/// label, a translation or a source in the reader's language, or an
/// interface string it words its own way.
fn allowed(story: &Pack, required: &[String], ui: &Words, key: &str) -> bool {
    if per_language(story, key) {
        return true;
    }
    let beat_note = story.beats.iter().any(|b| {
        key == format!("beat.{}.note", b.id) || key == format!("beat.{}.private_note", b.id)
    });
    // What the model makes of each expert's words, and the sentence that
    // holds the model's insight against a quote.
    let model_note = story
        .experts
        .iter()
        .any(|e| key == format!("expert.{}.model", e.id))
        || OPTIONAL.contains(&key);
    let scenario = story
        .scenarios
        .iter()
        .any(|s| key == format!("scenario.{}", s.id));
    required.iter().any(|k| k == key)
        || beat_note
        || model_note
        || scenario
        || ui.try_get(key).is_some()
}

/// Strings a pack may add that the interface has no words of its own for:
/// the expert the effects panel's insight agrees with after a post, and
/// what it says when, at that day, the model falls short of that expert.
pub const OPTIONAL: [&str; 2] = ["effects.insight_expert", "effects.insight_expert_below"];

pub(super) fn strings(f: &mut Found, story: &Pack, ui: &Words) {
    if story.strings.is_empty() {
        f.add(
            "strings",
            "needs the strings of at least one language (\"en\")",
        );
    }
    let required = required(story, ui);
    for (lang, words) in &story.strings.0 {
        let at = |key: &str| format!("strings.{lang}.{key}");
        if lang.len() < 2 || lang.len() > 3 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            f.add(
                format!("strings.{lang}"),
                "is not a language code (two or three lower-case letters, as \"en\")",
            );
        }
        for key in &required {
            if words.get(key).is_none() {
                f.add(at(key), "is missing");
            }
        }
        for key in translations(story, lang) {
            if words.get(&key).is_none() {
                f.add(
                    at(&key),
                    "is missing: a quotation in another language needs a translation beside it",
                );
            }
        }
        for (key, value) in &words.0 {
            if !allowed(story, &required, ui, key) {
                f.add(
                    at(key),
                    "is not a string this pack uses (a typo, or an id that does not exist?)",
                );
            } else {
                f.text(at(key), value);
            }
        }
        // What another language has and this one lacks (required keys are
        // reported above already).
        // Said once per key, naming the first language that has it.
        let mut said: Vec<&str> = Vec::new();
        for (other, theirs) in &story.strings.0 {
            for key in theirs.keys() {
                if words.get(key).is_none()
                    && !said.contains(&key)
                    && !required.iter().any(|k| k == key)
                    && !per_language(story, key)
                    && allowed(story, &required, ui, key)
                {
                    said.push(key);
                    f.add(at(key), format!("is in \"{other}\" but missing here"));
                }
            }
        }
    }
}
