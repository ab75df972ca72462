//! Config reading and resolving: good configs apply, and every bad one names
//! its field, whether its shape is wrong or it does not fit the story.

use super::*;

fn story() -> Story {
    Story::builtin().unwrap()
}

#[test]
fn an_empty_object_is_the_default() {
    assert_eq!(Config::parse("{}").unwrap(), Config::default());
    let setup = Config::default().resolve(&story()).unwrap();
    assert_eq!(setup.params, story().resolved().params);
    assert_eq!(setup.lang, "en");
    assert!(setup.custom.is_none() && setup.scenario.is_none() && setup.beats.is_none());
}

#[test]
fn a_full_config_applies() {
    let c = Config::parse(
        r#"{
            "scenario": "mine", "lang": "en", "theme": "dark", "autoplay": true,
            "params": { "gamma": 0.5, "half_life": 200 },
            "beats": ["act", "lab"],
            "custom_scenario": { "id": "mine", "events": [
                { "day": 30, "sender": "rutte", "sensitivity": 0.9 },
                { "day": 60.5, "sender": 4, "sensitivity": 0 }
            ] },
            "pack": "packs/other.json"
        }"#,
    )
    .unwrap();
    assert_eq!(c.theme, Theme::Dark);
    assert!(c.autoplay);
    assert_eq!(c.pack.as_deref(), Some("packs/other.json"));
    let setup = c.resolve(&story()).unwrap();
    assert_eq!(setup.scenario.as_deref(), Some("mine"));
    assert_eq!(setup.params.gamma, 0.5);
    assert_eq!(setup.params.half_life, 200.0);
    assert_eq!(setup.beats.unwrap(), ["act", "lab"]);
    let custom = setup.custom.unwrap();
    assert_eq!(custom.id, "mine");
    // "rutte" is the pack's second sender; 4 an index.
    assert_eq!(custom.events[0].sender, 1);
    assert_eq!(custom.events[1].sender, 4);
    assert_eq!(custom.events[1].day, 60.5);
}

/// The first refusal, from reading or from fitting the built-in story.
fn error_of(text: &str) -> InputError {
    match Config::parse(text) {
        Err(e) => e,
        Ok(c) => c.resolve(&story()).expect_err(text),
    }
}

#[test]
fn each_bad_config_names_its_field() {
    let cases = [
        ("{", "config"),
        ("[]", "config"),
        (r#"{"scenaro": "x"}"#, "config.scenaro"),
        (r#"{"scenario": "nope"}"#, "config.scenario"),
        (r#"{"scenario": 3}"#, "config.scenario"),
        (r#"{"theme": "purple"}"#, "config.theme"),
        (r#"{"lang": "xx"}"#, "config.lang"),
        (r#"{"autoplay": "yes"}"#, "config.autoplay"),
        (r#"{"pack": 5}"#, "config.pack"),
        (r#"{"params": {"gamma": 7}}"#, "config.params.gamma"),
        (r#"{"params": {"gamma": "high"}}"#, "config.params.gamma"),
        (r#"{"params": {"mood": 1}}"#, "config.params.mood"),
        (r#"{"params": []}"#, "config.params"),
        (
            r#"{"params": {"n0": 5, "r_ok": 0.01, "half_life": 730, "p0": 0.01}}"#,
            "config.params.n0",
        ),
        (r#"{"beats": "all"}"#, "config.beats"),
        (r#"{"beats": [1]}"#, "config.beats[0]"),
        (r#"{"beats": []}"#, "config.beats"),
        (r#"{"beats": ["act", "finale"]}"#, "config.beats[1]"),
        (
            r#"{"custom_scenario": {"events": []}}"#,
            "config.custom_scenario.id",
        ),
        (
            r#"{"custom_scenario": {"id": "only-rutte", "events": []}}"#,
            "config.custom_scenario.id",
        ),
        (
            r#"{"custom_scenario": {"id": "custom", "events": []}}"#,
            "config.custom_scenario.id",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": -1, "sender": 0, "sensitivity": 0.5}]}}"#,
            "config.custom_scenario.events[0].day",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": 9999, "sender": 0, "sensitivity": 0.5}]}}"#,
            "config.custom_scenario.events[0].day",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": 1, "sender": 9, "sensitivity": 0.5}]}}"#,
            "config.custom_scenario.events[0].sender",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": 1, "sender": "trump", "sensitivity": 0.5}]}}"#,
            "config.custom_scenario.events[0].sender",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": 1, "sender": -2, "sensitivity": 0.5}]}}"#,
            "config.custom_scenario.events[0].sender",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": 1, "sender": 0, "sensitivity": 2}]}}"#,
            "config.custom_scenario.events[0].sensitivity",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": 1, "sender": 0}]}}"#,
            "config.custom_scenario.events[0].sensitivity",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": 1, "sender": 0, "sensitivity": 1, "who": 1}]}}"#,
            "config.custom_scenario.events[0].who",
        ),
    ];
    for (text, path) in cases {
        let e = error_of(text);
        assert_eq!(e.path, path, "{text}: {e}");
        assert!(!e.problem.is_empty());
        assert!(e.to_string().starts_with(path));
    }
}

#[test]
fn a_value_of_the_wrong_type_says_what_was_expected_and_what_came_as_written() {
    // `beats: [0]` once read "invalid type: number `0.0`, expected a string".
    for (text, want) in [
        (
            r#"{"beats": [0]}"#,
            "config.beats[0]: expected a string, got the number 0",
        ),
        (
            r#"{"beats": ["act", 2.5]}"#,
            "config.beats[1]: expected a string, got the number 2.5",
        ),
        (
            r#"{"autoplay": "yes"}"#,
            "config.autoplay: expected true or false, got the string \"yes\"",
        ),
        (
            r#"{"params": {"gamma": "high"}}"#,
            "config.params.gamma: expected a number, got the string \"high\"",
        ),
        (
            r#"{"beats": "all"}"#,
            "config.beats: expected a list, got the string \"all\"",
        ),
        (
            r#"{"pack": 5}"#,
            "config.pack: expected a string, got the number 5",
        ),
        ("[]", "config: expected an object, got a list"),
    ] {
        let e = error_of(text).to_string();
        assert!(e.starts_with(want), "{text}: {e}");
    }
}

#[test]
fn the_theme_is_light_unless_the_host_asks() {
    let mut c = Config::default();
    assert_eq!(c.theme, Theme::Light);
    assert_eq!(c.theme.class(), "bc-theme-light");
    assert!(c.set_theme("theme", "auto").is_ok());
    assert_eq!(c.theme.class(), "bc-theme-auto");
    assert!(c.set_theme("theme", "dark").is_ok());
    assert_eq!(c.theme.class(), "bc-theme-dark");
    assert_eq!(
        Config::parse(r#"{"theme": "auto"}"#).unwrap().theme,
        Theme::Auto
    );
}

#[test]
fn attributes_are_checked_the_same_way() {
    let mut c = Config::default();
    assert_eq!(c.set_theme("theme", "blue").unwrap_err().path, "theme");
    assert_eq!(c.set_lang("lang", "de").unwrap_err().path, "lang");
    assert!(c.set_lang("lang", "en").is_ok());
}

#[test]
fn a_language_the_story_lacks_is_refused_by_name() {
    // The story told in one language the interface does not speak (the
    // French strings, translations beside the quotations, under "de").
    let mut p = story().pack().clone();
    p.strings.0.retain(|(lang, _)| lang == "fr");
    p.strings.0[0].0 = "de".into();
    let s = p.checked().unwrap();
    let e = Config::default().resolve(&s).unwrap_err();
    assert_eq!(e.path, "config.lang");
    assert!(e.problem.contains("it has: de"), "{e}");
    let mut p = story().pack().clone();
    p.strings.0.retain(|(lang, _)| lang != "fr");
    let s = p.checked().unwrap();
    let e = Config {
        lang: Some("fr".into()),
        ..Config::default()
    }
    .resolve(&s)
    .unwrap_err();
    assert_eq!(e.path, "config.lang");
    assert!(e.problem.contains("no strings in \"fr\""), "{e}");
}

/// The compact form the pack reader's wasm hands the explainer reads back
/// as the config it was read from, every field and both kinds of sender.
#[test]
fn a_config_reads_back_from_its_compact_form() {
    for text in [
        "{}",
        r#"{
            "scenario": "only-rutte", "lang": "fr", "theme": "dark", "autoplay": true,
            "params": { "gamma": 0.5 }, "beats": ["act", "lab"], "pack": "packs/x.json",
            "custom_scenario": { "id": "mine", "events": [
                { "day": 1, "sender": 0, "sensitivity": 0.9 },
                { "day": 2.5, "sender": "macron", "sensitivity": 0.4 }
            ] }
        }"#,
        r#"{ "theme": "auto" }"#,
    ] {
        let config = Config::parse(text).unwrap();
        let bytes = crate::codec::encode(&config);
        assert_eq!(
            crate::codec::decode::<Config>(&bytes),
            Some(config),
            "{text}"
        );
    }
}
