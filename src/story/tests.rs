//! Reading, checking and resolving story packs: the built-in one, its round
//! trip through JSON, and each rule a pack must keep, named by its path.

use super::*;
use crate::error::InputError;
use crate::model::Params;
use serde_json::{json, Value};

fn builtin_json() -> Value {
    serde_json::from_str(BUILTIN).unwrap()
}

/// The built-in pack changed by `edit`, read back: its problems' paths.
fn paths_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = builtin_json();
    edit(&mut v);
    match Story::parse(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(Problems(p)) => p.into_iter().map(|e| e.path).collect(),
    }
}

#[test]
fn the_builtin_pack_resolves_its_messages_days_and_scenarios() {
    let s = Story::builtin().expect("the built-in pack is sound");
    assert_eq!(s.lead().id, "macron");
    let ids: Vec<_> = s.beats.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        ids,
        ["act", "pillars", "predictions", "rutte", "observed", "lab"]
    );
    // 20 January 2026 is 210 days after 24 June 2025.
    assert_eq!(s.lead().day, 210);
    let rutte = s.message("rutte").unwrap();
    assert_eq!((rutte.sender_index, rutte.day), (1, 210));
    assert_eq!(s.message("rutte-june").unwrap().day, 0);
    assert_eq!(s.message_of(&s.beats[3]), s.message_index("rutte").unwrap());
    assert_eq!(s.against_of(&s.beats[3]), 0);
    let what = &s.scenario("what-happened").unwrap().events;
    let as_tuples: Vec<_> = what
        .iter()
        .map(|e| (e.day, e.sender, e.sensitivity))
        .collect();
    assert_eq!(
        as_tuples,
        [(0.0, 1, 0.1), (210.0, 0, 0.6), (210.0, 1, 0.15)]
    );
    assert!(s.scenario("kept-private").unwrap().events.is_empty());
    assert_eq!(s.resolved().senders.len(), 6);
    assert_eq!(s.resolved().params, Params::default());
    assert_eq!(s.sender_name(0), Some("Macron"));
    assert_eq!(s.sender_name(5), None);
    assert!(s
        .summary()
        .starts_with("greenland-2026: 6 senders, 3 messages"));
}

#[test]
fn the_builtin_pack_written_out_and_read_back_is_the_same_story() {
    let s = Story::builtin().unwrap();
    let text = serde_json::to_string_pretty(s.pack()).unwrap();
    let again = Story::parse(&text).unwrap();
    assert_eq!(again, s);
}

#[test]
fn each_broken_rule_is_named_by_its_path() {
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 26] = [
        (
            |v| v["messages"][1]["source"] = json!(""),
            "messages[1].source",
        ),
        (
            |v| {
                v["messages"][1].as_object_mut().unwrap().remove("source");
            },
            "messages[1].source",
        ),
        (
            |v| v["messages"][0]["sender"] = json!("nobody"),
            "messages[0].sender",
        ),
        (
            |v| v["messages"][0]["sender"] = json!("ally-3"),
            "messages[0].sender",
        ),
        (
            |v| v["messages"][0]["sensitivity"] = json!(1.5),
            "messages[0].sensitivity",
        ),
        (
            |v| v["messages"][0]["posted"] = json!("2030-01-01"),
            "messages[0].posted",
        ),
        (
            |v| v["messages"][0]["posted"] = json!("2026-02-30"),
            "messages[0].posted",
        ),
        (
            |v| v["messages"][0]["sent"] = json!("2026-01-21"),
            "messages[0].sent",
        ),
        (
            |v| v["messages"][0]["scenario"] = json!("only-rutte"),
            "messages[0].scenario",
        ),
        (
            |v| v["messages"][1]["id"] = json!("macron"),
            "messages[1].id",
        ),
        (
            |v| v["experts"][0]["quotes"][0]["source"] = json!(" "),
            "experts[0].quotes[0].source",
        ),
        (
            |v| v["experts"][1]["outputs"][1] = json!("mood"),
            "experts[1].outputs[1]",
        ),
        (
            |v| v["observed"][0]["date"] = json!("2024-01-01"),
            "observed[0].date",
        ),
        (
            |v| v["scenarios"][1]["events"][0] = json!({"message": "nope"}),
            "scenarios[1].events[0].message",
        ),
        (
            |v| {
                v["scenarios"][1]["events"][0] =
                    json!({"date": "2026-01-01", "sender": "trump", "sensitivity": 0.5})
            },
            "scenarios[1].events[0].sender",
        ),
        (
            |v| v["scenarios"][1]["events"][0] = json!({"date": "2026-01-01", "sender": "macron"}),
            "scenarios[1].events[0]",
        ),
        (
            |v| v["scenarios"][4]["events"] = json!([{"message": "macron"}]),
            "scenarios[4].events",
        ),
        (
            |v| v["scenarios"][3]["events"] = json!([{"message": "macron", "sensitivity": 1.5}]),
            "scenarios[3].events[0].sensitivity",
        ),
        (
            |v| v["messages"][0]["other_reading"] = json!("only-rutte"),
            "messages[0].other_reading",
        ),
        (
            |v| v["beats"][3]["message"] = json!("nobody"),
            "beats[3].message",
        ),
        (
            |v| v["beats"][2]["experts"] = json!(["kleine", "nobody"]),
            "beats[2].experts[1]",
        ),
        (|v| v["beats"][1]["view"] = json!("garden"), "beats[1].view"),
        (
            |v| v["beats"][1]["colour"] = json!("red"),
            "beats[1].colour",
        ),
        (|v| v["params"] = json!({"gamma": 7}), "params.gamma"),
        (
            |v| {
                v["strings"]["en"]
                    .as_object_mut()
                    .unwrap()
                    .remove("beat.act.title");
            },
            "strings.en.beat.act.title",
        ),
        (
            |v| v["strings"]["en"]["beat.finale.title"] = json!("The end"),
            "strings.en.beat.finale.title",
        ),
    ];
    for (i, (edit, path)) in cases.iter().enumerate() {
        let paths = paths_after(edit);
        assert!(
            paths.iter().any(|p| p == path),
            "case {i}: expected {path}, got {paths:?}"
        );
    }
}

#[test]
fn invisible_texts_and_ids_are_empty() {
    let paths = paths_after(|v| {
        v["messages"][0]["text"] = json!("\u{200B}\u{FEFF} \u{202E}");
        v["senders"][0]["name"] = json!("\u{2060}");
        v["beats"][1]["id"] = json!("\u{200D}");
    });
    for path in ["messages[0].text", "beats[1].id"] {
        assert!(paths.iter().any(|p| p == path), "{path}: {paths:?}");
    }
    // A visible character among them is a text.
    assert!(paths_after(|v| v["messages"][0]["text"] = json!("\u{200B}Hi\u{202E}")).is_empty());
}

#[test]
fn every_problem_is_reported_at_once() {
    let paths = paths_after(|v| {
        v["messages"][0]["sensitivity"] = json!(-1);
        v["beats"][0]["message"] = json!("nobody");
        v["experts"][0]["outputs"] = json!(["vibes"]);
    });
    assert_eq!(paths.len(), 3, "{paths:?}");
}

#[test]
fn a_string_in_one_language_must_be_in_every_other() {
    let paths = paths_after(|v| {
        // Vietnamese has the translations a language other than the
        // quotations' needs.
        let mut fr = v["strings"]["vi"].clone();
        fr.as_object_mut().unwrap().remove("beat.pillars.note");
        fr.as_object_mut().unwrap().remove("beat.act.body");
        v["strings"]["fr"] = fr;
    });
    assert!(
        paths.contains(&"strings.fr.beat.pillars.note".to_string()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"strings.fr.beat.act.body".to_string()),
        "{paths:?}"
    );
    assert_eq!(paths.len(), 2, "{paths:?}");
}

#[test]
fn a_quotation_in_another_language_needs_a_translation() {
    let paths = paths_after(|v| {
        let vi = v["strings"]["vi"].as_object_mut().unwrap();
        vi.remove("message.macron.translation");
        vi.remove("message.macron.caption.translation");
        vi.remove("expert.tocci.quote.2.translation");
    });
    assert_eq!(
        paths,
        [
            "strings.vi.message.macron.translation",
            "strings.vi.message.macron.caption.translation",
            "strings.vi.expert.tocci.quote.2.translation"
        ],
        "{paths:?}"
    );
    // A quotation in Vietnamese needs one in English instead, and none in
    // Vietnamese.
    let paths = paths_after(|v| {
        v["observed"][0]["lang"] = json!("vi");
        let vi = v["strings"]["vi"].as_object_mut().unwrap();
        vi.remove("observed.precedent.translation");
    });
    assert_eq!(
        paths,
        ["strings.en.observed.precedent.translation"],
        "{paths:?}"
    );
    // A translation of nothing is refused like any unknown string.
    let paths = paths_after(|v| {
        v["strings"]["vi"]["expert.tocci.quote.3.translation"] = json!("…");
    });
    assert_eq!(
        paths,
        ["strings.vi.expert.tocci.quote.3.translation"],
        "{paths:?}"
    );
}

#[test]
fn each_required_part_missing_is_refused_by_name() {
    for field in [
        "id",
        "day0",
        "horizon",
        "leaker",
        "senders",
        "messages",
        "scenarios",
        "beats",
        "strings",
    ] {
        let paths = paths_after(|v| {
            v.as_object_mut().unwrap().remove(field);
        });
        assert_eq!(paths, [field], "{field}");
    }
    // Experts, observed facts and parameters may be left out.
    for field in ["experts", "observed", "params"] {
        let mut v = builtin_json();
        v.as_object_mut().unwrap().remove(field);
        if field == "experts" {
            for (_, lang) in v["strings"].as_object_mut().unwrap() {
                lang.as_object_mut()
                    .unwrap()
                    .retain(|k, _| !k.starts_with("expert."));
            }
        }
        if field == "observed" {
            for (_, lang) in v["strings"].as_object_mut().unwrap() {
                lang.as_object_mut()
                    .unwrap()
                    .retain(|k, _| !k.starts_with("observed."));
            }
            v["beats"]
                .as_array_mut()
                .unwrap()
                .retain(|b| b["view"] != "observed");
            for (_, lang) in v["strings"].as_object_mut().unwrap() {
                lang.as_object_mut()
                    .unwrap()
                    .retain(|k, _| !k.starts_with("beat.observed."));
            }
        }
        let text = v.to_string();
        assert!(
            Story::parse(&text).is_ok(),
            "{field}: {:?}",
            Story::parse(&text).err()
        );
    }
}

#[test]
fn the_first_problem_sums_up_the_rest() {
    let p = Problems(vec![
        InputError::new("a", "x"),
        InputError::new("b", "y"),
        InputError::new("c", "z"),
    ]);
    let s = p.summary().to_string();
    assert!(s.starts_with("a: x (and 2 more problems"), "{s}");
}

#[test]
fn a_story_told_with_some_beats_keeps_their_order_and_never_none() {
    let s = Story::builtin().unwrap();
    let ids = |s: &Story| s.beats.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
    let all = ids(&s);
    let keep = vec![all[3].clone(), all[0].clone()];
    let some = s.clone().with_beats(&keep).unwrap();
    assert_eq!(ids(&some), [all[0].clone(), all[3].clone()]);
    // What checking worked out stays with it.
    assert_eq!(some.resolved(), s.resolved());
    let err = s.with_beats(&["no-such-beat".to_string()]).unwrap_err();
    assert_eq!(err.path, "config.beats");
}

#[test]
fn only_a_pack_that_passes_its_checks_becomes_a_story() {
    let pack = Story::builtin().unwrap().pack().clone();
    assert_eq!(pack.clone().checked().unwrap().pack(), &pack);
    let mut broken = pack;
    broken.beats.clear();
    let Problems(problems) = broken.checked().unwrap_err();
    assert_eq!(problems[0].path, "beats");
}

#[test]
fn a_story_s_words_are_its_strings_over_the_interface_s_sorted_once_each() {
    let s = Story::builtin().unwrap();
    let ui = crate::words::Words::english();
    for lang in ["en", "fr", "vi"] {
        let w = s.words(&ui, lang);
        let mine = &s.strings.get(lang).unwrap().0;
        for (k, v) in mine.iter().rev() {
            // The first of a repeated key is the one that counts, as in a file.
            if mine
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, first)| first)
                == Some(v)
            {
                assert_eq!(w.get(k), v, "{lang} {k}");
            }
        }
        let keys: Vec<&str> = w.keys().collect();
        assert!(
            keys.windows(2).all(|p| p[0] < p[1]),
            "{lang}: not sorted once each"
        );
        for k in ui.keys().filter(|k| !mine.iter().any(|(m, _)| m == k)) {
            assert_eq!(w.get(k), ui.get(k), "{lang} {k}");
        }
        let union =
            ui.keys().count() + mine.iter().filter(|(k, _)| ui.try_get(k).is_none()).count();
        assert_eq!(keys.len(), union, "{lang}");
    }
}
