//! One explainer's state and the reader's actions on it, as a pure reducer:
//! no web types, so every rule here is tested natively in milliseconds.

use crate::model::{scenario, simulate, Outputs, ParamError, Params, Senders, Trajectory};
use crate::story::{Message, Story};
use serde::Serialize;
use std::rc::Rc;

/// Playback pace: ten model days per second, about three seconds per month
/// (look.md: "a few seconds per month of model time").
pub const DAYS_PER_SECOND: f64 = 10.0;

/// The scenario shown while the message stays private.
pub const KEPT_PRIVATE: &str = "kept-private";

/// What the reader (or the host page) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Post the message (true) or take it back (false).
    SetPublic(bool),
    /// Start playback; from the start again if it had finished.
    Play,
    /// Stop playback where it is.
    Pause,
    /// Let `ms` milliseconds of playback pass (sent by the animation loop).
    Advance { ms: f64 },
}

/// What the live region should tell a screen-reader user after an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    None,
    WentPublic,
    WentPrivate,
    Finished,
}

/// The explainer's state. Fields are private so that every change goes through
/// `reduce`, which keeps the clock, the scenario and the outputs consistent.
#[derive(Clone, Debug)]
pub struct Explainer {
    story: Rc<Story>,
    /// The lead message, shared so components compare it by pointer.
    message: Rc<Message>,
    params: Params,
    reduced_motion: bool,
    public: bool,
    playing: bool,
    /// Playback position in fractional days; the reader sees whole days.
    clock: f64,
    /// Model run for the lead message made public.
    leaked: Rc<Trajectory>,
    /// Model run with no leak: the baseline.
    baseline: Rc<Trajectory>,
    announcement: Announcement,
}

/// The state as the host page's handle reports it (`state()`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub public: bool,
    pub scenario: String,
    pub day: u32,
    pub playing: bool,
    pub outputs: Outputs,
}

impl Explainer {
    /// Runs the model for the story's lead message; invalid parameters are an
    /// error naming the parameter.
    pub fn new(story: Rc<Story>, params: Params, reduced_motion: bool) -> Result<Self, ParamError> {
        let message = story.lead();
        let last_day = message.posted_day + story.play_days;
        let run = |id: &str| -> Result<Rc<Trajectory>, ParamError> {
            let events = scenario::builtin(id)?.events;
            simulate(&params, &Senders::default(), &events, last_day, 1.0).map(Rc::new)
        };
        let leaked = run(&message.scenario)?;
        let baseline = run(KEPT_PRIVATE)?;
        Ok(Explainer {
            clock: f64::from(message.posted_day),
            message: Rc::new(message.clone()),
            story,
            params,
            reduced_motion,
            public: false,
            playing: false,
            leaked,
            baseline,
            announcement: Announcement::None,
        })
    }

    /// Applies an action; returns whether anything a reader sees changed.
    pub fn reduce(&mut self, action: Action) -> bool {
        let before = (self.public, self.playing, self.day());
        match action {
            Action::SetPublic(public) => {
                if public == self.public {
                    return false;
                }
                self.public = public;
                self.clock = f64::from(self.start_day());
                // Under reduced motion nothing moves until the reader asks.
                self.playing = public && !self.reduced_motion;
                self.announcement = if public {
                    Announcement::WentPublic
                } else {
                    Announcement::WentPrivate
                };
            }
            Action::Play => {
                if !self.public || self.playing {
                    return false;
                }
                if self.day() >= self.end_day() {
                    self.clock = f64::from(self.start_day());
                }
                self.playing = true;
                self.announcement = Announcement::None;
            }
            Action::Pause => self.playing = false,
            Action::Advance { ms } => {
                if !self.playing || !ms.is_finite() || ms <= 0.0 {
                    return false;
                }
                // A long pause (a hidden tab) must not jump far ahead.
                let ms = ms.min(250.0);
                self.clock += ms / 1000.0 * DAYS_PER_SECOND;
                let end = f64::from(self.end_day());
                if self.clock >= end {
                    self.clock = end;
                    self.playing = false;
                    self.announcement = Announcement::Finished;
                }
            }
        }
        before != (self.public, self.playing, self.day())
    }

    /// Whether the message is public.
    pub fn public(&self) -> bool {
        self.public
    }

    /// Whether playback is running.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Whether the reader asked for reduced motion.
    pub fn reduced_motion(&self) -> bool {
        self.reduced_motion
    }

    /// The current whole model day.
    pub fn day(&self) -> u32 {
        self.clock.floor() as u32
    }

    /// The day the lead message was posted: where playback starts.
    pub fn start_day(&self) -> u32 {
        self.story.lead().posted_day
    }

    /// The last day playback reaches.
    pub fn end_day(&self) -> u32 {
        self.start_day() + self.story.play_days
    }

    /// The id of the scenario whose outputs are shown.
    pub fn scenario(&self) -> &str {
        if self.public {
            &self.story.lead().scenario
        } else {
            KEPT_PRIVATE
        }
    }

    /// The model's outputs at the current day for the shown scenario.
    pub fn outputs(&self) -> Outputs {
        let run = if self.public {
            &self.leaked
        } else {
            &self.baseline
        };
        *run.at(self.day() as usize)
    }

    /// The no-leak outputs at the current day.
    pub fn baseline(&self) -> Outputs {
        *self.baseline.at(self.day() as usize)
    }

    /// The message in view.
    pub fn message(&self) -> Rc<Message> {
        self.message.clone()
    }

    /// The story being told.
    pub fn story(&self) -> &Story {
        &self.story
    }

    /// The parameters in force.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// What the live region should say.
    pub fn announcement(&self) -> Announcement {
        self.announcement
    }

    /// The state for the host page.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            public: self.public,
            scenario: self.scenario().to_string(),
            day: self.day(),
            playing: self.playing,
            outputs: self.outputs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explainer(reduced_motion: bool) -> Explainer {
        let story = Rc::new(Story::greenland().unwrap());
        Explainer::new(story, Params::default(), reduced_motion).unwrap()
    }

    #[test]
    fn starts_private_on_the_baseline() {
        let e = explainer(false);
        let s = e.snapshot();
        assert!(!s.public && !s.playing);
        assert_eq!(s.scenario, "kept-private");
        assert_eq!(s.day, 210);
        assert_eq!(s.outputs, e.baseline());
    }

    #[test]
    fn going_public_plays_the_leak_and_compromise_falls() {
        let mut e = explainer(false);
        assert!(e.reduce(Action::SetPublic(true)));
        assert!(e.playing());
        assert_eq!(e.scenario(), "only-macron");
        let at_post = e.outputs().compromise;
        assert!(at_post < e.baseline().compromise);
        for _ in 0..600 {
            e.reduce(Action::Advance { ms: 16.7 });
        }
        assert!(e.day() > 300);
        assert!(e.outputs().compromise < at_post);
    }

    #[test]
    fn playback_stops_at_the_end_and_replays_from_the_post() {
        let mut e = explainer(false);
        e.reduce(Action::SetPublic(true));
        while e.playing() {
            e.reduce(Action::Advance { ms: 250.0 });
        }
        assert_eq!(e.day(), e.end_day());
        assert_eq!(e.announcement(), Announcement::Finished);
        e.reduce(Action::Play);
        assert_eq!(e.day(), e.start_day());
        assert!(e.playing());
    }

    #[test]
    fn going_private_restores_the_baseline() {
        let mut e = explainer(false);
        e.reduce(Action::SetPublic(true));
        e.reduce(Action::Advance { ms: 200.0 });
        e.reduce(Action::SetPublic(false));
        assert!(!e.playing());
        assert_eq!(e.outputs(), e.baseline());
        assert_eq!(e.snapshot().scenario, "kept-private");
    }

    #[test]
    fn reduced_motion_never_autoplays() {
        let mut e = explainer(true);
        e.reduce(Action::SetPublic(true));
        assert!(!e.playing());
        assert!(!e.reduce(Action::Advance { ms: 100.0 }));
        assert!(e.reduce(Action::Play));
    }

    #[test]
    fn a_huge_frame_gap_does_not_skip_ahead() {
        let mut e = explainer(false);
        e.reduce(Action::SetPublic(true));
        e.reduce(Action::Advance { ms: 60_000.0 });
        assert!(e.day() <= e.start_day() + 3);
        assert!(!e.reduce(Action::Advance { ms: f64::NAN }));
    }

    #[test]
    fn private_ignores_play() {
        let mut e = explainer(false);
        assert!(!e.reduce(Action::Play));
        assert!(!e.reduce(Action::SetPublic(false)));
    }
}
