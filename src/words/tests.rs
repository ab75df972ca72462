//! The words' tests: every locale complete, lookups, filling, numbers.

use super::*;
use crate::pairs::Pairs;
use crate::story::Story;

#[test]
fn english_parses_and_fills_placeholders() {
    let w = Words::english();
    assert_eq!(w.get("switch.label"), "Make it public");
    assert_eq!(
        w.fill("meter.valuetext", &[("value", "33%"), ("baseline", "66%")]),
        "33% (baseline 66%)"
    );
    assert_eq!(w.get("no.such.key"), "no.such.key");
}

/// `{name}`s in a string, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

/// What one locale lacks or words differently from another: keys, and
/// `{placeholder}` names.
fn gaps(locales: &[(&str, Words)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (code, words) in locales {
        for (other, theirs) in locales {
            for key in theirs.keys() {
                match words.try_get(key) {
                    None => problems.push(format!("{code} lacks {key} (in {other})")),
                    Some(mine) => {
                        let (a, b) = (placeholders(mine), placeholders(theirs.get(key)));
                        if a != b {
                            problems.push(format!("{code} {key}: {a:?}, {other}: {b:?}"));
                        }
                    }
                }
            }
        }
    }
    problems.dedup();
    problems
}

#[test]
fn every_locale_has_every_key_and_the_same_placeholders() {
    let locales: Vec<(&str, Words)> = LOCALE_FILES
        .iter()
        .map(|(code, text)| (*code, Words::parse(text).expect(code)))
        .collect();
    assert_eq!(
        locales.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        LANGUAGES
    );
    let problems = gaps(&locales);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Words keeps one string per key, so a key written twice in a file
/// would hide one of them: read the files' raw pairs.
#[test]
fn no_locale_file_has_a_key_twice() {
    for (code, text) in LOCALE_FILES {
        let pairs: Pairs<String> = crate::read::parse(text).unwrap();
        let mut keys: Vec<&str> = pairs.0.iter().map(|(k, _)| k.as_str()).collect();
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count, "{code} has a key twice");
        assert!(count > 100, "{code}: {count} keys");
    }
}

#[test]
fn fill_replaces_each_placeholder_once_and_leaves_the_rest() {
    let w = Words::parse(
        r#"{"a": "{x} and {y}, {x} again; {unknown} {", "b": "", "c": "{x}{x}", "d": "}{x}{"}"#,
    )
    .unwrap();
    let v = [("x", "1"), ("y", "{x}")];
    // A value's own braces are text, not a placeholder.
    assert_eq!(w.fill("a", &v), "1 and {x}, 1 again; {unknown} {");
    assert_eq!(w.fill("b", &v), "");
    assert_eq!(w.fill("c", &v), "11");
    assert_eq!(w.fill("d", &v), "}1{");
    assert_eq!(w.fill("c", &[]), "{x}{x}");
    // Non-ASCII text around placeholders.
    let fr = Words::parse(r#"{"p": "{value}\u202f% — «{q}»"}"#).unwrap();
    assert_eq!(
        fr.fill("p", &[("value", "7,8"), ("q", "é")]),
        "7,8\u{202f}% — «é»"
    );
}

#[test]
fn every_key_is_found_and_the_story_s_string_wins() {
    let interface = Words::parse(r#"{"z": "Z", "b": "B", "a": "A", "m": "M"}"#).unwrap();
    for (key, value) in [("a", "A"), ("b", "B"), ("m", "M"), ("z", "Z")] {
        assert_eq!(interface.try_get(key), Some(value));
    }
    assert_eq!(interface.try_get("c"), None);
    assert_eq!(interface.try_get(""), None);
    let story = [
        ("m".to_string(), "Mine".to_string()),
        ("n".to_string(), "N".to_string()),
    ];
    let both = Words::with_story(&interface, &story);
    assert_eq!(both.get("m"), "Mine");
    assert_eq!(both.get("n"), "N");
    assert_eq!(both.get("z"), "Z");
    assert_eq!(both.keys().count(), 5);
    // A file's own repeated key: the first one stays, as a scan would find.
    assert_eq!(
        Words::parse(r#"{"k": "first", "k": "second"}"#)
            .unwrap()
            .get("k"),
        "first"
    );
}

/// Every English key found again in the full English file: a broken
/// sort or search would lose some of several hundred.
#[test]
fn every_english_key_is_found() {
    let pairs: Pairs<String> = crate::read::parse(LOCALE_FILES[0].1).unwrap();
    let words = Words::parse(LOCALE_FILES[0].1).unwrap();
    for (key, value) in &pairs.0 {
        assert_eq!(words.try_get(key), Some(value.as_str()), "{key}");
    }
}

#[test]
fn the_completeness_check_catches_a_gap_an_extra_key_and_a_wrong_placeholder() {
    assert_eq!(placeholders("{a} et {b}"), ["a", "b"]);
    let en = Words::parse(r#"{"a": "On {date}", "b": "Yes"}"#).unwrap();
    let fr = Words::parse(r#"{"a": "Le {day}", "c": "En trop"}"#).unwrap();
    let problems = gaps(&[("en", en), ("fr", fr)]);
    assert_eq!(
        problems,
        [
            "en a: [\"date\"], fr: [\"day\"]",
            "en lacks c (in fr)",
            "fr a: [\"day\"], en: [\"date\"]",
            "fr lacks b (in en)",
        ]
    );
}

#[test]
fn numbers_and_dates_are_written_the_locale_s_way() {
    let load = |code: &str| {
        let text = LOCALE_FILES.iter().find(|(c, _)| *c == code).unwrap().1;
        Words::parse(text).unwrap()
    };
    let (en, fr, vi) = (load("en"), load("fr"), load("vi"));
    let day = crate::dates::Date::parse("2026-01-20").unwrap();
    assert_eq!(day.label(&en), "20 Jan 2026");
    assert_eq!(day.label(&fr), "20 janv. 2026");
    assert_eq!(day.label(&vi), "20 thg 1, 2026");
    assert_eq!(en.percent(0.078, 1), "7.8%");
    assert_eq!(fr.percent(0.078, 1), "7,8\u{202f}%");
    assert_eq!(vi.percent(0.078, 1), "7,8%");
    assert_eq!(fr.number("0.60"), "0,60");
}

#[test]
fn a_language_file_from_make_dist_splits_into_interface_and_story() {
    let b = Words::parse_bundle(
        r#"{"switch.label": "Rendre public", "story": "greenland-2026", "story:beat.act.title": "Le rendre public"}"#,
    )
    .unwrap();
    assert_eq!(b.interface.get("switch.label"), "Rendre public");
    assert!(b.interface.try_get("story").is_none());
    assert_eq!(b.story_id, "greenland-2026");
    assert_eq!(
        b.story,
        [("beat.act.title".to_string(), "Le rendre public".to_string())]
    );
    let e = Words::parse_bundle("{ nope").err().unwrap();
    assert!(e.problem.contains("not valid JSON"), "{e}");
}

#[test]
fn the_english_file_gives_each_parameter_the_model_s_label_and_source() {
    let en = Words::english();
    for d in &crate::model::DESCRIPTORS {
        assert_eq!(en.get(&format!("param.{}", d.key)), d.label, "{}", d.key);
        assert_eq!(
            en.get(&format!("param.{}.source", d.key)),
            d.source,
            "{}",
            d.key
        );
    }
}

#[test]
fn a_story_words_its_own_strings_on_top() {
    let story = Story::builtin().unwrap();
    let ui = Words::english();
    let w = story.words(&ui, "en");
    assert_eq!(w.get("beat.act.title"), "Make it public");
    // The story names the expert its insight agrees with; the
    // interface has no words of its own for that.
    assert!(w.try_get("effects.insight_expert").is_some());
    assert!(ui.try_get("effects.insight_expert").is_none());
    assert_eq!(w.get("switch.label"), ui.get("switch.label"));
    assert!(ui.try_get("beat.act.title").is_none());
}
