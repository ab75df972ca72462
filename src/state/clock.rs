//! The clock: the reader's flip starts it, playback advances it while the
//! explainer is on screen, the reader scrubs and steps it, and moving between
//! beats settles it where that beat makes sense.

use super::{Announcement, Explainer, COMPROMISE_MARKS, DAYS_PER_SECOND, SETTLED_DAYS, SPEEDS};
use crate::error::InputError;
use crate::story::View;

impl Explainer {
    /// Posts (or takes back) the message in view, and plays what follows.
    pub(super) fn set_public(&mut self, public: bool) -> Result<(), InputError> {
        let m = self.message_index();
        if public == self.posted[m] {
            return Ok(());
        }
        self.posted[m] = public;
        // A chosen scenario that no longer posts what the reader made public
        // gives way: the steps and the lab show what the reader did.
        let chosen = self.chosen.clone();
        if !self.choice_agrees() {
            self.chosen = None;
        }
        if let Err(e) = self.refresh() {
            self.posted[m] = !public;
            self.chosen = chosen;
            return Err(e);
        }
        self.start_from(public.then(|| self.message().day));
        Ok(())
    }

    /// After a flip: plays the months after the post on `day` (or, under
    /// reduced motion, shows them some months on at once); with no post,
    /// rests on the day of the message in view.
    pub(super) fn start_from(&mut self, day: Option<u32>) {
        match day {
            Some(posted) if self.reduced_motion => {
                self.clock = f64::from(self.after_post(posted));
                self.playing = false;
            }
            Some(posted) => {
                self.clock = f64::from(posted);
                self.playing = true;
            }
            None => {
                self.clock = f64::from(self.message().day);
                self.playing = false;
            }
        }
        self.announcement = if day.is_some() {
            Announcement::WentPublic
        } else {
            Announcement::WentPrivate
        };
    }

    pub(super) fn play(&mut self) {
        if self.playing {
            return;
        }
        if self.day() >= self.horizon() {
            self.clock = f64::from(self.replay_from());
        }
        self.playing = true;
        self.announcement = Announcement::None;
    }

    pub(super) fn advance(&mut self, ms: f64) {
        if !self.ticking() || !ms.is_finite() || ms <= 0.0 {
            return;
        }
        // A long gap (a hidden tab) must not jump far ahead.
        let ms = ms.min(250.0);
        let before = self.outputs().compromise;
        self.clock += ms / 1000.0 * DAYS_PER_SECOND * self.speed;
        let end = f64::from(self.horizon());
        self.clock = self.clock.min(end);
        let after = self.outputs().compromise;
        for (mark, level) in COMPROMISE_MARKS.iter().enumerate() {
            if (before < *level) != (after < *level) {
                self.announcement = Announcement::Compromise {
                    day: self.day(),
                    mark,
                    below: after < *level,
                };
            }
        }
        if self.clock >= end {
            self.clock = end;
            self.playing = false;
            self.announcement = Announcement::Finished(self.day());
        }
    }

    pub(super) fn seek(&mut self, day: f64) -> Result<(), InputError> {
        if !day.is_finite() {
            return Err(InputError::new(
                "day",
                format!("{} is not a day", crate::num::short(day)),
            ));
        }
        self.clock = crate::num::clamp(day.floor(), 0.0, f64::from(self.horizon()));
        self.announcement = Announcement::None;
        Ok(())
    }

    pub(super) fn step(&mut self, delta: i32) {
        self.playing = false;
        let day = i64::from(self.day()) + i64::from(delta.signum());
        self.clock = day.clamp(0, i64::from(self.horizon())) as f64;
        self.announcement = Announcement::None;
    }

    pub(super) fn set_speed(&mut self, speed: f64) -> Result<(), InputError> {
        if !SPEEDS.contains(&speed) {
            return Err(InputError::new(
                "speed",
                format!("{} is not one of 0.5, 1, 2, 4", crate::num::short(speed)),
            ));
        }
        self.speed = speed;
        Ok(())
    }

    /// After moving to another beat: the reader's day carries over while
    /// something they made public is in view (never before its first post);
    /// with nothing posted the step rests on its message's posting day; the
    /// predictions open some months after the post, where the effects they
    /// describe have had time to show; a beat without a timeline stops the
    /// clock.
    pub(super) fn settle_clock(&mut self) {
        let view = self.story.beats[self.beat].view;
        let posted = self.message().day;
        let first = self.events.iter().map(|e| e.day.floor() as u32).min();
        match view {
            View::Act | View::Compare | View::Network => match first {
                None => {
                    self.playing = false;
                    self.clock = f64::from(posted);
                }
                Some(first) if self.day() < first => self.clock = f64::from(first),
                Some(_) => {}
            },
            View::Experts => {
                if self.day() <= posted {
                    self.playing = false;
                    self.clock = f64::from(self.after_post(posted));
                }
            }
            View::Observed => self.playing = false,
            View::Lab => {}
        }
    }

    /// The day shown "some months after" a post: when the quiet erosion has
    /// had time to show (within the timeline).
    fn after_post(&self, posted: u32) -> u32 {
        (posted + SETTLED_DAYS).min(self.horizon())
    }

    /// Where playback restarts after the end: the first leak, or day 0.
    fn replay_from(&self) -> u32 {
        self.events
            .iter()
            .map(|e| e.day.floor() as u32)
            .min()
            .unwrap_or(0)
    }
}
