//! Everything one render of the explainer needs, read from the state in one
//! borrow: pure, so what the reader sees on each day is tested natively.

use super::elapsed::after_post;
use super::metric::{RunRef, StoryRef};
use crate::model::{Event, Outputs, Params, SenderOutputs};
use crate::state::{Announcement, Explainer, LabLeak, COMPROMISE_MARKS};
use crate::story::View;
use crate::words::Words;
use std::rc::Rc;

/// One frame of the explainer.
pub struct Frame {
    pub story: StoryRef,
    pub beat: usize,
    pub beat_id: String,
    pub view: View,
    /// Index of the message in view, and of the one it is compared with.
    pub message: usize,
    pub against: usize,
    pub public: bool,
    pub playing: bool,
    pub ticking: bool,
    pub reduced_motion: bool,
    pub day: u32,
    pub horizon: u32,
    /// The day as the locale writes it.
    pub date: Rc<str>,
    /// How long after the latest post, in words.
    pub when: Rc<str>,
    pub phase: Phase,
    /// The headline numbers for the pager while a leak is in view.
    pub readout: Option<Rc<str>>,
    /// Whether the reader's flip has had time to show (the morph is over)
    /// and the effects should be on their screen.
    pub effects_due: bool,
    pub speed: f64,
    pub outputs: Outputs,
    pub baseline: Outputs,
    pub run: RunRef,
    pub base_run: RunRef,
    pub message_runs: Vec<RunRef>,
    /// On a step comparing two texts: the scenario posting both, and its run.
    pub paired: Option<(Rc<str>, RunRef)>,
    pub revision: u64,
    pub channels: Rc<Vec<SenderOutputs>>,
    pub candor0: f64,
    pub scenario: Rc<str>,
    pub scenario_ids: Vec<String>,
    pub events: Vec<Event>,
    pub lab: LabLeak,
    pub params: Params,
    pub param_error: Option<Rc<str>>,
    pub announcement: String,
    /// The language on screen, and why the last one chosen could not be
    /// loaded.
    pub lang: Rc<str>,
    pub language_error: Option<Rc<str>>,
}

impl Frame {
    /// Reads the state as the reader should see it now.
    pub fn read(s: &Explainer) -> Frame {
        let words: &Words = s.words();
        let story = s.story().clone();
        let (beat, b) = s.beat();
        let date = story.date(s.day()).label(words);
        let phase = phase(s);
        let outputs = s.outputs();
        let readout = matches!(phase, Phase::Shock | Phase::Erosion).then(|| {
            words
                .fill(
                    "nav.readout",
                    &[
                        ("trust", &words.percent(outputs.trust, 0)),
                        ("compromise", &words.percent(outputs.compromise, 0)),
                    ],
                )
                .into()
        });
        // Before the first post the day reads "before the post", never "the
        // day of the post".
        let post = latest_post(s).or_else(|| first_post(s)).unwrap_or(s.day());
        let since = i64::from(s.day()) - i64::from(post);
        let effects_due = s.public() && since >= REVEAL_AFTER_DAYS;
        Frame {
            beat,
            beat_id: b.id.clone(),
            view: b.view,
            message: s.message_index(),
            against: story.against_of(b),
            public: s.public(),
            playing: s.playing(),
            ticking: s.ticking(),
            reduced_motion: s.reduced_motion(),
            day: s.day(),
            horizon: s.horizon(),
            date: date.into(),
            when: after_post(words, since).into(),
            phase,
            readout,
            effects_due,
            speed: s.speed(),
            outputs,
            baseline: s.baseline(),
            run: RunRef(s.run()),
            base_run: RunRef(s.baseline_run()),
            message_runs: s.message_runs().iter().cloned().map(RunRef).collect(),
            paired: s.paired().map(|(id, run)| (Rc::from(id), RunRef(run))),
            revision: s.revision(),
            channels: Rc::new(s.channels().to_vec()),
            candor0: s.candor0(),
            scenario: s.scenario().to_string().into(),
            scenario_ids: s.scenario_ids(),
            events: s.events().to_vec(),
            lab: s.lab(),
            params: *s.params(),
            param_error: s.param_error().map(|e| e.to_string().into()),
            announcement: announcement(s, words),
            lang: s.lang().into(),
            // The reason is for the console (in English); the reader gets
            // a sentence in their language.
            language_error: s
                .language_error()
                .map(|_| words.get("language.error").to_string().into()),
            story: StoryRef(story),
        }
    }
}

/// What the live region says after the last action.
fn announcement(s: &Explainer, words: &Words) -> String {
    let story = s.story();
    let date = |day: u32| story.date(day).label(words);
    match s.announcement() {
        Announcement::None => String::new(),
        Announcement::WentPublic => {
            // The numbers the post sets at once, read on its day so that the
            // words stay the same while the months play.
            let day = s.message().day;
            let o = *s.run().at(day as usize);
            // A harmless text leaves trust where it was: "falls to 95 %"
            // would contradict the meter beside it.
            let trust0 = s.baseline_run().at(day as usize).trust;
            let steady = words.percent(o.trust, 0) == words.percent(trust0, 0);
            words.fill(
                if steady {
                    "announce.public_steady"
                } else {
                    "announce.public"
                },
                &[
                    ("date", &date(day)),
                    ("trust", &words.percent(o.trust, 0)),
                    ("compromise", &words.percent(o.compromise, 0)),
                ],
            )
        }
        Announcement::WentPrivate => words.get("announce.private").to_string(),
        Announcement::Finished(day) => words.fill("announce.finished", &[("date", &date(day))]),
        Announcement::Scenario => words.fill(
            "announce.scenario",
            &[(
                "scenario",
                words
                    .try_get(&format!("scenario.{}", s.scenario()))
                    .unwrap_or(s.scenario()),
            )],
        ),
        Announcement::LeakAdded(day) => words.fill("announce.leak", &[("date", &date(day))]),
        Announcement::Compromise { day, mark, below } => words.fill(
            if below {
                "announce.compromise_below"
            } else {
                "announce.compromise_above"
            },
            &[
                ("value", &words.percent(COMPROMISE_MARKS[mark], 0)),
                ("date", &date(day)),
            ],
        ),
        Announcement::ParamsChanged => words.get("announce.params").to_string(),
        Announcement::Language => words.get("announce.language").to_string(),
        Announcement::Exported(day) => words.fill("announce.exported", &[("date", &date(day))]),
        Announcement::LanguageFailed => words.get("language.error").to_string(),
        Announcement::Beat => {
            let (beat, b) = s.beat();
            words.fill(
                "announce.beat",
                &[
                    ("n", &(beat + 1).to_string()),
                    ("total", &story.beats.len().to_string()),
                    ("title", words.get(&format!("beat.{}.title", b.id))),
                ],
            )
        }
    }
}

/// What the reader is watching after a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// No leak in the scenario shown.
    Private,
    /// Before the first post of the scenario (the lab, scrubbed back).
    Before,
    /// The post has just moved the dispute into public; the shock eases.
    Shock,
    /// The quiet channels erode.
    Erosion,
}

/// Model days after the post when the effects are brought on screen: 0.6 s
/// of playback at 1×, once the 520 ms morph of the post is over. Under
/// reduced motion the flip lands months later, so at once.
const REVEAL_AFTER_DAYS: i64 = 6;

/// The first post of the scenario in view, if any.
fn first_post(s: &Explainer) -> Option<u32> {
    s.events().iter().map(|e| e.day.floor() as u32).min()
}

/// The last post on or before the current day, if any.
fn latest_post(s: &Explainer) -> Option<u32> {
    s.events()
        .iter()
        .map(|e| e.day.floor() as u32)
        .filter(|d| *d <= s.day())
        .max()
}

/// The share of candor below which a leak counts as costly: allies hold
/// back a tenth or more of what they would have said.
const COSTLY: f64 = 0.9;

/// Whether, at its worst after the first post, the run in view leaves
/// allies' candor under nine tenths of the baseline's: a property of the run,
/// so the root memoises it per revision rather than reading it every frame.
pub fn costly(s: &Explainer) -> bool {
    let Some(first) = s.events().iter().map(|e| e.day.floor() as usize).min() else {
        return false;
    };
    let run = s.run();
    let base = s.baseline_run();
    run.days()
        .iter()
        .zip(base.days())
        .skip(first)
        .any(|(o, b)| o.candor < COSTLY * b.candor)
}

/// Where the reader is in the effect of the latest post: the shock (allies
/// revise their belief about him at once and the dispute moves into public)
/// lasts until the quiet channels have thinned by half of the most they
/// will (the share of sensitive traffic rerouted around him); after that
/// the reader watches them erode.
fn phase(s: &Explainer) -> Phase {
    if s.events().is_empty() {
        return Phase::Private;
    }
    let Some(post) = latest_post(s) else {
        return Phase::Before;
    };
    let run = s.run();
    let after = run.days().get(post as usize..).unwrap_or_default();
    let most = after.iter().map(|o| o.rerouted).fold(0.0, f64::max);
    let halfway = after
        .iter()
        .position(|o| o.rerouted >= 0.5 * most && most > 0.0);
    match halfway {
        Some(d) if s.day() >= post + d as u32 && d > 0 => Phase::Erosion,
        _ => Phase::Shock,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Params;
    use crate::state::Action;
    use crate::story::Story;

    fn explainer_after(actions: &[Action]) -> Explainer {
        let story = Rc::new(Story::builtin().unwrap());
        let mut e = Explainer::new(story, Params::default(), false).unwrap();
        for a in actions {
            e.reduce(a.clone()).unwrap();
        }
        e
    }

    fn frame_after(actions: &[Action]) -> Frame {
        let e = explainer_after(actions);
        Frame::read(&e)
    }

    #[test]
    fn a_private_message_reads_as_the_baseline_with_no_readout() {
        let f = frame_after(&[]);
        assert_eq!(f.phase, Phase::Private);
        assert!(f.readout.is_none());
        assert_eq!(f.outputs, f.baseline);
        assert!(f.announcement.is_empty());
    }

    #[test]
    fn a_flip_is_announced_then_reads_shock_then_erosion() {
        let f = frame_after(&[Action::SetPublic(true)]);
        assert_eq!(f.phase, Phase::Shock);
        assert_eq!(
            f.announcement,
            "The message is now public. In the model, trust falls to 25% and the room for compromise to 0%; it plays the months after 20 Jan 2026."
        );
        let readout = f.readout.unwrap();
        assert!(
            readout.starts_with("Trust ") && readout.contains("Compromise "),
            "{readout}"
        );
        let later = frame_after(&[
            Action::SetPublic(true),
            Action::Seek(f64::from(f.day + 120)),
        ]);
        assert_eq!(later.phase, Phase::Erosion);
        assert_eq!(&*later.when, "about 4 months after the post");
        // The belief fell at once; the channels thin after it.
        assert!(f.outputs.trust < 0.5, "{:?}", f.outputs);
        assert!(later.outputs.candor < 0.5 * f.outputs.candor);
        assert!(later.outputs.trust < 0.5, "{:?}", later.outputs);
        let e = explainer_after(&[Action::SetPublic(true)]);
        assert!(costly(&e), "the lead message's leak costs candor");
    }

    #[test]
    fn scrubbed_before_the_post_the_day_reads_before_the_post() {
        let f = frame_after(&[Action::SetPublic(true), Action::Pause, Action::Seek(100.0)]);
        assert_eq!(f.phase, Phase::Before);
        assert_eq!(&*f.when, "before the post");
        let on_the_day = frame_after(&[Action::SetPublic(true), Action::Pause]);
        assert_eq!(&*on_the_day.when, "the day of the post");
    }

    #[test]
    fn a_harmless_text_is_not_costly() {
        let f = frame_after(&[Action::GoToBeat(3), Action::SetPublic(true)]);
        assert_eq!(f.phase, Phase::Shock);
        let e = explainer_after(&[Action::GoToBeat(3), Action::SetPublic(true)]);
        assert!(!costly(&e), "the second message has nothing costly in it");
    }

    #[test]
    fn a_beat_change_announces_the_step_and_its_title() {
        let f = frame_after(&[Action::GoToBeat(1)]);
        assert!(
            f.announcement.starts_with("Step 2 of "),
            "{}",
            f.announcement
        );
        // The title comes from the story's words, not a bare key.
        assert!(!f.announcement.contains("beat."), "{}", f.announcement);
    }
}
