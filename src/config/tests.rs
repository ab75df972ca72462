//! Config parsing: good configs apply, and every bad one names its field.

use super::*;

#[test]
fn an_empty_object_is_the_default() {
    assert_eq!(Config::parse("{}").unwrap(), Config::default());
}

#[test]
fn a_full_config_applies() {
    let c = Config::parse(
        r#"{
            "scenario": "mine", "lang": "en", "theme": "dark", "autoplay": true,
            "params": { "gamma": 0.5, "half_life": 200 },
            "beats": ["act", "lab"],
            "custom_scenario": { "id": "mine", "events": [
                { "day": 30, "sender": "macron", "sensitivity": 0.9 },
                { "day": 60.5, "sender": 4, "sensitivity": 0 }
            ] }
        }"#,
    )
    .unwrap();
    assert_eq!(c.scenario.as_deref(), Some("mine"));
    assert_eq!(c.theme, Theme::Dark);
    assert!(c.autoplay);
    assert_eq!(c.params.gamma, 0.5);
    assert_eq!(c.params.half_life, 200.0);
    assert_eq!(
        c.beats.as_deref(),
        Some(&["act".to_string(), "lab".to_string()][..])
    );
    let custom = c.custom_scenario.unwrap();
    assert_eq!(custom.events.len(), 2);
    assert_eq!(custom.events[1].sender, 4);
}

fn error_of(text: &str) -> ConfigError {
    Config::parse(text).expect_err(text)
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
        (
            r#"{"custom_scenario": {"events": []}}"#,
            "config.custom_scenario.id",
        ),
        (
            r#"{"custom_scenario": {"id": "only-rutte", "events": []}}"#,
            "config.custom_scenario.id",
        ),
        (
            r#"{"custom_scenario": {"id": "x", "events": [{"day": -1, "sender": 0, "sensitivity": 0.5}]}}"#,
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
fn the_theme_is_light_unless_the_host_asks() {
    let mut c = Config::default();
    assert_eq!(c.theme, Theme::Light);
    assert_eq!(c.theme.class(), Some("bc-theme-light"));
    assert!(c.set_theme("theme", "auto").is_ok());
    assert_eq!(c.theme.class(), Some("bc-theme-auto"));
    assert!(c.set_theme("theme", "dark").is_ok());
    assert_eq!(c.theme.class(), Some("bc-theme-dark"));
    assert_eq!(
        Config::parse(r#"{"theme": "auto"}"#).unwrap().theme,
        Theme::Auto
    );
}

#[test]
fn attributes_are_checked_the_same_way() {
    let mut c = Config::default();
    assert!(c.set_theme("theme", "light").is_ok());
    assert_eq!(c.theme.class(), Some("bc-theme-light"));
    assert_eq!(c.set_theme("theme", "blue").unwrap_err().path, "theme");
    assert_eq!(
        c.set_scenario("scenario", "nope").unwrap_err().path,
        "scenario"
    );
    assert!(c.set_scenario("scenario", "only-rutte").is_ok());
    assert_eq!(c.set_lang("lang", "de").unwrap_err().path, "lang");
}
