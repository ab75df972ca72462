//! The reducer's rules, one behaviour per test, on a small fixture pack
//! (tests/fixtures/reducer-pack.json: two texts posted the same day, an
//! earlier harmless one, a step that compares them, a lab) rather than the
//! real story, so an edit to the story's words or days does not move them.

use super::*;
use crate::config::Config;
use crate::model::ParamId;
use crate::story::View;

/// The fixture's day of both texts' posts (11 April 2030).
const POSTED: u32 = 100;

fn fixture() -> Story {
    Story::parse(include_str!("../../tests/fixtures/reducer-pack.json")).unwrap()
}

fn explainer(reduced_motion: bool) -> Explainer {
    let story = Rc::new(fixture());
    Explainer::new(story, Params::default(), reduced_motion).unwrap()
}

fn at_beat(id: &str) -> Explainer {
    let mut e = explainer(false);
    let n = e.story().beats.iter().position(|b| b.id == id).unwrap();
    e.reduce(Action::GoToBeat(n)).unwrap();
    e
}

fn play_to_end(e: &mut Explainer) {
    while e.playing() {
        e.reduce(Action::Advance { ms: 250.0 }).unwrap();
    }
}

#[test]
fn starts_private_on_the_baseline() {
    let e = explainer(false);
    let s = e.snapshot();
    assert!(!s.public && !s.playing);
    assert_eq!(s.scenario, "kept-private");
    assert_eq!(s.day, POSTED);
    assert_eq!(s.beat, "act");
    assert_eq!(s.outputs, e.baseline());
}

#[test]
fn going_public_plays_the_leak_and_compromise_falls() {
    let mut e = explainer(false);
    assert!(e.reduce(Action::SetPublic(true)).unwrap());
    assert!(e.playing() && e.public());
    assert_eq!(e.scenario(), "only-first");
    let at_post = e.outputs();
    assert!(at_post.compromise < e.baseline().compromise);
    assert!(at_post.trust < 0.5, "{at_post:?}");
    for _ in 0..600 {
        e.reduce(Action::Advance { ms: 16.7 }).unwrap();
    }
    assert!(e.day() > POSTED + 90);
    // Allies hold back what they used to send as the months play.
    assert!(e.outputs().candor < 0.5 * at_post.candor);
}

#[test]
fn playback_stops_at_the_horizon_and_replays_from_the_first_leak() {
    let mut e = explainer(false);
    e.reduce(Action::SetPublic(true)).unwrap();
    play_to_end(&mut e);
    assert_eq!(e.day(), e.horizon());
    assert_eq!(e.announcement(), Announcement::Finished(e.horizon()));
    e.reduce(Action::Play).unwrap();
    assert_eq!(e.day(), POSTED);
    assert!(e.playing());
}

#[test]
fn going_private_restores_the_baseline() {
    let mut e = explainer(false);
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::Advance { ms: 200.0 }).unwrap();
    e.reduce(Action::SetPublic(false)).unwrap();
    assert!(!e.playing());
    assert_eq!(e.outputs(), e.baseline());
    assert_eq!(e.snapshot().scenario, "kept-private");
}

#[test]
fn reduced_motion_never_autoplays() {
    let mut e = explainer(true);
    e.reduce(Action::SetPublic(true)).unwrap();
    assert!(!e.playing());
    assert!(!e.reduce(Action::Advance { ms: 100.0 }).unwrap());
    assert!(e.reduce(Action::Play).unwrap());
}

#[test]
fn a_huge_frame_gap_does_not_skip_ahead_and_nan_is_ignored() {
    let mut e = explainer(false);
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::Advance { ms: 60_000.0 }).unwrap();
    assert!(e.day() <= POSTED + 3);
    assert!(!e.reduce(Action::Advance { ms: f64::NAN }).unwrap());
}

#[test]
fn speed_scales_playback() {
    let mut slow = explainer(false);
    let mut fast = explainer(false);
    fast.reduce(Action::SetSpeed(4.0)).unwrap();
    for e in [&mut slow, &mut fast] {
        e.reduce(Action::SetPublic(true)).unwrap();
        for _ in 0..10 {
            e.reduce(Action::Advance { ms: 100.0 }).unwrap();
        }
    }
    assert_eq!(slow.day(), POSTED + 10);
    assert_eq!(fast.day(), POSTED + 40);
    assert!(slow.reduce(Action::SetSpeed(3.0)).is_err());
}

#[test]
fn seek_and_step_clamp_to_the_timeline() {
    let mut e = explainer(false);
    e.reduce(Action::Seek(1e9)).unwrap();
    assert_eq!(e.day(), e.horizon());
    e.reduce(Action::Step(1)).unwrap();
    assert_eq!(e.day(), e.horizon());
    e.reduce(Action::Seek(-5.0)).unwrap();
    assert_eq!(e.day(), 0);
    e.reduce(Action::Step(-1)).unwrap();
    assert_eq!(e.day(), 0);
    e.reduce(Action::Step(1)).unwrap();
    assert_eq!(e.day(), 1);
    assert!(e.reduce(Action::Seek(f64::NAN)).is_err());
}

#[test]
fn stepping_pauses_playback() {
    let mut e = explainer(false);
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::Step(1)).unwrap();
    assert!(!e.playing());
    assert_eq!(e.day(), POSTED + 1);
}

#[test]
fn outputs_always_match_the_run_at_the_day() {
    let mut e = at_beat("lab");
    e.reduce(Action::SelectScenario("all".into())).unwrap();
    for day in [0.0, 1.0, 99.0, 100.0, 200.0, 300.0] {
        e.reduce(Action::Seek(day)).unwrap();
        assert_eq!(e.outputs(), *e.run().at(day as usize));
        assert_eq!(e.snapshot().outputs, e.outputs());
    }
}

#[test]
fn unknown_scenarios_are_refused_and_change_nothing() {
    let mut e = explainer(false);
    let err = e.reduce(Action::SelectScenario("nope".into())).unwrap_err();
    assert_eq!(err.path, "scenario");
    assert_eq!(e.scenario(), "kept-private");
}

#[test]
fn the_milder_text_alone_lowers_compromise_less_than_the_costly_one() {
    let lowest = |id: &str| {
        let mut e = at_beat("lab");
        e.reduce(Action::SelectScenario(id.into())).unwrap();
        e.run()
            .days()
            .iter()
            .map(|o| o.compromise)
            .fold(f64::INFINITY, f64::min)
    };
    assert!(lowest("only-second") > lowest("only-first") + 0.2);
}

#[test]
fn public_follows_the_message_in_view() {
    let mut e = at_beat("compare");
    assert_eq!(e.message().id, "second");
    e.reduce(Action::SelectScenario("only-first".into()))
        .unwrap();
    assert!(
        !e.public(),
        "the first text's post does not make the second public"
    );
    e.reduce(Action::SetPublic(true)).unwrap();
    assert_eq!(
        e.scenario(),
        "only-second",
        "the chosen scenario does not post the second text: the flip plays the text's own"
    );
    e.reduce(Action::SelectScenario("all".into())).unwrap();
    assert!(e.public());
    assert_eq!(e.scenario(), "all");
}

#[test]
fn a_refused_parameter_names_itself_and_keeps_the_old_run() {
    let mut e = explainer(false);
    let before = e.run();
    let err = e.reduce(Action::SetParam(ParamId::Gamma, 7.0)).unwrap_err();
    assert_eq!(err.path, "gamma");
    assert_eq!(e.param_error().unwrap().path, "gamma");
    assert!(Rc::ptr_eq(&before, &e.run()));
    let err = e
        .reduce(Action::SetParam(ParamId::P0, f64::NAN))
        .unwrap_err();
    assert_eq!(err.path, "p0");
}

#[test]
fn a_parameter_changes_the_curves_and_reset_restores_them() {
    let mut e = at_beat("lab");
    e.reduce(Action::SelectScenario("only-first".into()))
        .unwrap();
    e.reduce(Action::Seek(300.0)).unwrap();
    let default = e.outputs();
    e.reduce(Action::SetParam(ParamId::Gamma, 0.3)).unwrap();
    assert_eq!(e.params().gamma, 0.3);
    assert!(e.outputs().trust > default.trust);
    assert!(e.outputs().candor > default.candor);
    e.reduce(Action::ResetParams).unwrap();
    assert_eq!(*e.params(), Params::default());
    assert_eq!(e.outputs(), default);
}

#[test]
fn the_reader_builds_repeated_leaks_of_a_chosen_victim() {
    let mut e = at_beat("lab");
    e.reduce(Action::SetVictim(3)).unwrap();
    e.reduce(Action::SetSensitivity(0.9)).unwrap();
    e.reduce(Action::Seek(100.0)).unwrap();
    e.reduce(Action::AddLeak).unwrap();
    e.reduce(Action::Seek(200.0)).unwrap();
    e.reduce(Action::AddLeak).unwrap();
    assert_eq!(e.scenario(), "custom");
    assert_eq!(e.events().len(), 2);
    assert!(e
        .events()
        .iter()
        .all(|x| x.sender == 3 && x.sensitivity == 0.9));
    let ch = e.channels();
    assert!(ch[3].leak_risk > ch[0].leak_risk, "the victim learns most");
    e.reduce(Action::ClearLeaks).unwrap();
    assert_eq!(e.scenario(), "kept-private");
    assert!(e.reduce(Action::SetVictim(6)).is_err());
    assert!(e.reduce(Action::SetSensitivity(1.5)).is_err());
}

#[test]
fn leaks_add_to_the_scenario_shown() {
    let mut e = at_beat("lab");
    e.reduce(Action::SelectScenario("all".into())).unwrap();
    e.reduce(Action::Seek(300.0)).unwrap();
    e.reduce(Action::AddLeak).unwrap();
    assert_eq!(e.events().len(), 4);
}

#[test]
fn beats_clamp_and_report_their_id() {
    let mut e = explainer(false);
    e.reduce(Action::GoToBeat(99)).unwrap();
    assert_eq!(e.snapshot().beat, "lab");
    assert!(!e.reduce(Action::GoToBeat(99)).unwrap());
}

#[test]
fn next_and_back_count_from_the_beat_in_the_state() {
    let mut e = explainer(false);
    let last = e.story().beats.len() - 1;
    // Two presses before any render: two steps, not one.
    e.reduce(Action::MoveBeat(1)).unwrap();
    e.reduce(Action::MoveBeat(1)).unwrap();
    assert_eq!(e.beat().0, 2);
    e.reduce(Action::MoveBeat(-9)).unwrap();
    assert_eq!(e.beat().0, 0);
    assert!(!e.reduce(Action::MoveBeat(-1)).unwrap());
    e.reduce(Action::MoveBeat(99)).unwrap();
    assert_eq!(e.beat().0, last);
}

#[test]
fn toggles_flip_the_state_they_are_applied_to() {
    let mut e = explainer(false);
    e.reduce(Action::TogglePublic).unwrap();
    assert!(e.public());
    e.reduce(Action::TogglePublic).unwrap();
    assert!(!e.public());
    e.reduce(Action::Pause).unwrap();
    assert!(e.reduce(Action::TogglePlay).unwrap());
    assert!(e.playing());
    e.reduce(Action::TogglePlay).unwrap();
    assert!(!e.playing());
}

#[test]
fn scenarios_lists_the_story_offer() {
    let ids: Vec<_> = explainer(false)
        .scenarios()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(
        ids,
        [
            "all",
            "only-first",
            "only-second",
            "first-read-lightly",
            "kept-private"
        ]
    );
}

#[test]
fn a_config_sets_params_scenario_beats_and_its_own_scenario() {
    let config = Config::parse(
        r#"{"scenario": "mine", "params": {"gamma": 0.5}, "beats": ["act", "lab"],
            "custom_scenario": {"id": "mine", "events": [{"day": 30, "sender": 2, "sensitivity": 1}]}}"#,
    )
    .unwrap();
    let mut e = Explainer::with_config(fixture(), &config, false).unwrap();
    assert_eq!(e.params().gamma, 0.5);
    assert_eq!(e.story().beats.len(), 2);
    assert_eq!(e.snapshot().beat, "act");
    assert_eq!(e.scenario(), "kept-private", "the message starts private");
    assert_eq!(e.scenarios().last().unwrap().id, "mine");
    assert!(e.scenario_ids().contains(&"mine".to_string()));
    e.reduce(Action::GoToBeat(1)).unwrap();
    assert_eq!(
        e.scenario(),
        "mine",
        "the lab opens on the configured scenario"
    );
}

#[test]
fn a_config_with_an_unknown_beat_is_refused_by_name() {
    let config = Config::parse(r#"{"beats": ["act", "finale"]}"#).unwrap();
    let err = Explainer::with_config(fixture(), &config, false).unwrap_err();
    assert_eq!(err.path, "config.beats[1]");
}

#[test]
fn a_configured_scenario_never_pre_empts_the_reader() {
    for id in ["all", "only-first", "only-second", "kept-private"] {
        let config =
            Config::parse(&format!(r#"{{"scenario": "{id}", "autoplay": true}}"#)).unwrap();
        let mut e = Explainer::with_config(fixture(), &config, false).unwrap();
        for n in 0..e.story().beats.len() {
            e.reduce(Action::GoToBeat(n)).unwrap();
            let view = e.beat().1.view;
            if matches!(view, View::Act | View::Compare) {
                assert!(!e.public(), "{id}: beat {n} starts private");
                assert!(!e.playing(), "{id}: nothing plays before the flip");
                assert_eq!(
                    e.outputs(),
                    e.baseline(),
                    "{id}: the effects show the baseline"
                );
            }
        }
    }
}

#[test]
fn the_flip_plays_the_configured_scenario_when_it_posts_the_message() {
    let config = Config::parse(r#"{"scenario": "all"}"#).unwrap();
    let mut e = Explainer::with_config(fixture(), &config, false).unwrap();
    e.reduce(Action::SetPublic(true)).unwrap();
    assert_eq!(e.scenario(), "all");
    assert!(e.playing());
    assert_eq!(e.day(), POSTED);
}

#[test]
fn under_reduced_motion_the_flip_shows_some_months_later_at_once() {
    let mut e = explainer(true);
    e.reduce(Action::SetPublic(true)).unwrap();
    assert!(!e.playing());
    assert_eq!(e.day(), POSTED + SETTLED_DAYS);
    assert!(e.outputs().compromise < e.baseline().compromise);
    assert!(e.outputs().candor < e.baseline().candor);
}

#[test]
fn the_reader_s_flip_persists_across_beats() {
    let mut e = at_beat("act");
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::Seek(300.0)).unwrap();
    e.reduce(Action::GoToBeat(2)).unwrap();
    e.reduce(Action::GoToBeat(0)).unwrap();
    assert!(e.public());
    assert_eq!(e.scenario(), "only-first");
    assert_eq!(e.day(), 300, "the reader's day is kept too");
}

#[test]
fn the_predictions_show_the_leak_even_when_the_reader_skipped_the_flip() {
    let e = at_beat("predictions");
    // The beat is about the lead message, which the reader kept private.
    assert_eq!(e.message().id, "first");
    assert!(!e.public());
    assert_eq!(e.scenario(), "only-first");
    assert_eq!(e.day(), POSTED + SETTLED_DAYS);
    assert!(e.outputs().leaker_share < 0.95);
}

#[test]
fn the_lab_follows_the_reader_s_flip_until_a_choice() {
    let mut e = at_beat("lab");
    assert_eq!(e.scenario(), "kept-private");
    let mut e2 = at_beat("act");
    e2.reduce(Action::SetPublic(true)).unwrap();
    let lab = e2.story().beats.iter().position(|b| b.id == "lab").unwrap();
    e2.reduce(Action::GoToBeat(lab)).unwrap();
    assert_eq!(e2.scenario(), "only-first");
    e.reduce(Action::SelectScenario("only-second".into()))
        .unwrap();
    assert_eq!(e.scenario(), "only-second");
}

#[test]
fn off_screen_the_clock_holds() {
    let mut e = explainer(false);
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::SetVisible(false)).unwrap();
    assert!(e.playing() && !e.ticking());
    e.reduce(Action::SetVisible(true)).unwrap();
    assert!(e.ticking());
}

fn beat_index(e: &Explainer, id: &str) -> usize {
    e.story().beats.iter().position(|b| b.id == id).unwrap()
}

#[test]
fn what_the_reader_made_public_carries_to_the_next_steps_with_their_day() {
    let mut e = at_beat("act");
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::Seek(250.0)).unwrap();
    let seen = e.outputs();
    for id in ["network", "predictions", "compare"] {
        e.reduce(Action::GoToBeat(beat_index(&e, id))).unwrap();
        assert_eq!(e.scenario(), "only-first", "{id}");
        assert_eq!(e.day(), 250, "{id}: the day the reader reached is kept");
        assert_eq!(e.outputs(), seen, "{id}: the same numbers for the same day");
    }
    // On the second text's step its switch says private: the first text's
    // post is still what the numbers show.
    e.reduce(Action::GoToBeat(beat_index(&e, "compare")))
        .unwrap();
    assert!(!e.public());
}

#[test]
fn both_texts_public_show_what_happened_and_the_lab_opens_on_it() {
    let mut e = at_beat("act");
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::GoToBeat(beat_index(&e, "compare")))
        .unwrap();
    e.reduce(Action::SetPublic(true)).unwrap();
    assert_eq!(e.scenario(), "all");
    assert_eq!(e.day(), POSTED, "the second post plays from its day");
    assert!(e.playing());
    e.reduce(Action::GoToBeat(beat_index(&e, "lab"))).unwrap();
    assert_eq!(e.scenario(), "all", "the lab opens on what the reader saw");
    // Taking the second back leaves the first posted.
    e.reduce(Action::GoToBeat(beat_index(&e, "compare")))
        .unwrap();
    e.reduce(Action::SetPublic(false)).unwrap();
    assert_eq!(e.scenario(), "only-first");
}

#[test]
fn with_nothing_public_a_step_rests_on_its_message_s_day() {
    let mut e = at_beat("compare");
    assert_eq!(e.scenario(), "kept-private");
    assert_eq!(e.day(), e.message().day);
    e.reduce(Action::SetPublic(true)).unwrap();
    assert_eq!(e.scenario(), "only-second");
}

#[test]
fn the_comparison_shows_each_text_alone_and_both_together() {
    let mut e = at_beat("compare");
    let (id, run) = e.paired().expect("a comparison step has the pair");
    assert_eq!(id, "all");
    assert!(run.at(300).trust < e.baseline_run().at(300).trust);
    let (first, second) = (0, e.message_index());
    e.reduce(Action::PostOnly(vec![first, second])).unwrap();
    assert_eq!(e.scenario(), "all");
    assert_eq!(e.posted(), &[true, true, false]);
    assert!(e.playing() && e.public());
    e.reduce(Action::PostOnly(vec![first])).unwrap();
    assert_eq!(e.scenario(), "only-first");
    assert!(!e.public(), "this step's own text is private again");
    e.reduce(Action::PostOnly(vec![])).unwrap();
    assert_eq!(e.scenario(), "kept-private");
    assert!(!e.playing());
    assert!(e.reduce(Action::PostOnly(vec![9])).is_err());
    assert_eq!(e.scenario(), "kept-private", "a refusal changes nothing");
    // Away from a comparison there is no pair.
    e.reduce(Action::GoToBeat(0)).unwrap();
    assert!(e.paired().is_none());
}

#[test]
fn a_chosen_scenario_gives_way_to_a_flip_it_does_not_post() {
    let mut e = at_beat("lab");
    e.reduce(Action::SelectScenario("only-second".into()))
        .unwrap();
    e.reduce(Action::GoToBeat(0)).unwrap();
    e.reduce(Action::SetPublic(true)).unwrap();
    assert_eq!(e.scenario(), "only-first");
    e.reduce(Action::GoToBeat(beat_index(&e, "lab"))).unwrap();
    assert_eq!(e.scenario(), "only-first");
    // A choice that posts the flipped message stays what the flip plays.
    e.reduce(Action::SelectScenario("all".into())).unwrap();
    e.reduce(Action::GoToBeat(0)).unwrap();
    assert_eq!(e.scenario(), "all");
}

#[test]
fn off_screen_nothing_advances_and_coming_back_is_a_change() {
    let mut e = explainer(false);
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::SetVisible(false)).unwrap();
    let day = e.day();
    assert!(!e.reduce(Action::Advance { ms: 200.0 }).unwrap());
    assert_eq!(e.day(), day);
    let _ = e.reduce(Action::SetParam(ParamId::Gamma, 9.0));
    assert!(
        e.reduce(Action::SetVisible(true)).unwrap(),
        "visibility changes even with an error shown"
    );
}

#[test]
fn announcements_keep_their_day_and_clear_on_seek() {
    let mut e = at_beat("lab");
    e.reduce(Action::Seek(100.0)).unwrap();
    e.reduce(Action::AddLeak).unwrap();
    assert_eq!(e.announcement(), Announcement::LeakAdded(100));
    e.reduce(Action::Seek(150.0)).unwrap();
    assert_eq!(e.announcement(), Announcement::None);
}

#[test]
fn a_custom_leak_after_the_timeline_is_refused_by_name() {
    let config = Config::parse(
        r#"{"custom_scenario": {"id": "late", "events": [{"day": 9999, "sender": 0, "sensitivity": 1}]}}"#,
    )
    .unwrap();
    let err = Explainer::with_config(fixture(), &config, false).unwrap_err();
    assert_eq!(err.path, "config.custom_scenario.events[0].day");
}

#[test]
fn switching_language_keeps_the_day_the_scenario_and_the_flip() {
    let mut e = explainer(false);
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::Seek(300.0)).unwrap();
    e.reduce(Action::Pause).unwrap();
    let before = e.snapshot();
    assert_eq!(before.lang, "en");
    let vi = words_in(&e, "vi");
    assert!(e
        .reduce(Action::SetLanguage("vi".into(), vi.clone()))
        .unwrap());
    let after = e.snapshot();
    assert_eq!(after.lang, "vi");
    // The language and its words change in one step.
    assert!(Rc::ptr_eq(e.words(), &vi));
    assert_eq!(e.announcement(), Announcement::Language);
    assert_eq!(
        Snapshot {
            lang: "en".into(),
            ..after
        },
        before
    );
    // The same language again changes nothing and says nothing new.
    assert!(!e
        .reduce(Action::SetLanguage("vi".into(), vi.clone()))
        .unwrap());
    // Its full words arriving later (the interface's file) replace the
    // words, without a second announcement of the language.
    e.reduce(Action::Step(1)).unwrap();
    let said = e.announcement();
    assert_ne!(said, Announcement::Language);
    let full = Rc::new(e.story().words(&Words::default(), "vi"));
    assert!(e
        .reduce(Action::SetLanguage("vi".into(), full.clone()))
        .unwrap());
    assert!(Rc::ptr_eq(e.words(), &full));
    assert_eq!(e.announcement(), said);
}

/// The words of `lang` as a host without its interface file would give
/// them: the English interface with the story's strings in `lang`.
fn words_in(e: &Explainer, lang: &str) -> Rc<Words> {
    Rc::new(e.story().words(&Words::english(), lang))
}

#[test]
fn a_language_the_interface_or_the_story_lacks_is_refused_by_name() {
    let mut e = explainer(false);
    let err = e
        .reduce(Action::SetLanguage("de".into(), words_in(&e, "de")))
        .unwrap_err();
    assert_eq!(err.path, "lang");
    assert!(err.problem.contains("known: en, fr, vi"), "{err}");
    let mut pack = fixture().pack().clone();
    pack.strings.0.retain(|(l, _)| l == "en");
    let story = pack.checked().unwrap();
    let mut e = Explainer::new(Rc::new(story), Params::default(), false).unwrap();
    assert_eq!(e.story().interface_languages(), ["en"]);
    let english = e.words().clone();
    let err = e
        .reduce(Action::SetLanguage("vi".into(), words_in(&e, "vi")))
        .unwrap_err();
    assert!(err.problem.contains("no strings in \"vi\""), "{err}");
    assert_eq!(e.snapshot().lang, "en");
    // A refused language leaves the words as they were.
    assert!(Rc::ptr_eq(e.words(), &english));
}

#[test]
fn a_language_that_could_not_load_is_said_until_the_next_choice() {
    let mut e = explainer(false);
    assert!(e.reduce(Action::LanguageFailed("HTTP 404".into())).unwrap());
    assert_eq!(e.language_error(), Some("HTTP 404"));
    assert_eq!(e.announcement(), Announcement::LanguageFailed);
    assert_eq!(e.snapshot().lang, "en");
    // Choosing the language on screen again clears the message.
    let same = e.words().clone();
    assert!(e.reduce(Action::SetLanguage("en".into(), same)).unwrap());
    assert_eq!(e.language_error(), None);
}

#[test]
fn the_config_or_the_story_s_first_language_decides_where_it_starts() {
    let story = fixture();
    let config = Config {
        lang: Some("vi".into()),
        ..Config::default()
    };
    let e = Explainer::with_config(story.clone(), &config, false).unwrap();
    assert_eq!(e.snapshot().lang, "vi");
    let e = Explainer::with_config(story, &Config::default(), false).unwrap();
    assert_eq!(e.snapshot().lang, "en");
}

#[test]
fn playback_says_only_a_few_things_a_crossing_of_the_compromise_marks_among_them() {
    // The first, costly text takes compromise past both marks at once (the flip
    // says so); a milder leak of the reader's crosses them as it plays.
    let mut e = at_beat("lab");
    e.reduce(Action::SetSensitivity(0.25)).unwrap();
    e.reduce(Action::Seek(f64::from(POSTED))).unwrap();
    e.reduce(Action::AddLeak).unwrap();
    e.reduce(Action::Play).unwrap();
    let mut said = vec![e.announcement()];
    while e.playing() {
        e.reduce(Action::Advance { ms: 16.7 }).unwrap();
        if said.last() != Some(&e.announcement()) {
            said.push(e.announcement());
        }
    }
    assert!(e.day() > POSTED);
    assert!(matches!(said.last(), Some(Announcement::Finished(_))));
    assert!(said.len() <= 6, "{said:?}");
    let (day, level) = said
        .iter()
        .find_map(|a| match a {
            Announcement::Compromise {
                day,
                mark,
                below: true,
            } => Some((*day, COMPROMISE_MARKS[*mark])),
            _ => None,
        })
        .unwrap_or_else(|| panic!("compromise crosses a mark during playback: {said:?}"));
    // Said on the first day it is below.
    e.reduce(Action::Seek(f64::from(day))).unwrap();
    assert!(e.outputs().compromise < level);
    e.reduce(Action::Seek(f64::from(day - 1))).unwrap();
    assert!(e.outputs().compromise >= level);
}

#[test]
fn saving_an_image_is_announced_with_the_day_and_changes_nothing_else() {
    let mut e = explainer(true);
    e.reduce(Action::SetPublic(true)).unwrap();
    e.reduce(Action::Seek(240.0)).unwrap();
    let before = (e.day(), e.events().to_vec());
    assert!(e.reduce(Action::Exported).unwrap());
    assert_eq!(e.announcement(), Announcement::Exported(240));
    assert_eq!((e.day(), e.events().to_vec()), before);
}

#[test]
fn the_other_reading_of_the_first_text_moves_trust_little_in_the_lab() {
    // What the comparison's button does: the other reading, then the lab.
    let mut e = explainer(false);
    e.reduce(Action::SelectScenario("first-read-lightly".into()))
        .unwrap();
    let lab = e.story().beats.iter().position(|b| b.view == View::Lab);
    e.reduce(Action::GoToBeat(lab.unwrap())).unwrap();
    assert_eq!(e.scenario(), "first-read-lightly");
    let lead = e.story().lead().clone();
    assert_eq!(e.events().len(), 1);
    assert_eq!(e.events()[0].sender, lead.sender_index);
    assert_eq!(e.events()[0].day, f64::from(lead.day));
    assert_eq!(e.events()[0].sensitivity, 0.15);
    // Read otherwise (as its sender's office did, in the story), the text tells allies little.
    e.reduce(Action::Seek(300.0)).unwrap();
    assert!(e.outputs().trust > 0.9, "{:?}", e.outputs());
}
