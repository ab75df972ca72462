//! One explainer's state and the reader's actions on it, as a pure reducer:
//! no web types, so every rule here is tested natively in milliseconds.
//!
//! The state holds what the reader chose (beat, flips, scenario, leaks of
//! their own, parameters, clock); everything shown is derived from it, and
//! the model runs are recomputed only when the scenario or the parameters
//! change. The parts: `action` (what can happen), `setup` (starting from a
//! story and a host's config), `clock` (playback), `scenarios` (which run is
//! in view), `views` (what the components and the host read).

mod action;
mod clock;
mod scenarios;
mod setup;
mod views;

pub use action::{
    Action, Announcement, LabLeak, COMPROMISE_MARKS, DAYS_PER_SECOND, SETTLED_DAYS, SPEEDS,
};
pub use views::Snapshot;

use crate::config::Theme;
use crate::error::InputError;
use crate::model::{Event, Params, Scenario, Trajectory};
use crate::story::Story;
use crate::words::Words;
use std::rc::Rc;

/// The state. Fields are private so that every change goes through `reduce`,
/// which keeps the clock, the scenario, the runs and the outputs consistent.
#[derive(Clone, Debug)]
pub struct Explainer {
    story: Rc<Story>,
    /// The parameters the story and the host set: what "reset" returns to.
    defaults: Params,
    params: Params,
    reduced_motion: bool,
    beat: usize,
    /// For each message, whether the reader made it public. Only the reader
    /// (or the host's `setPublic`) flips these; beats never do.
    posted: Vec<bool>,
    /// The scenario the host configured or someone selected: it decides what
    /// a flip sets in motion (when it posts that message) and what the lab
    /// shows. `None` until then: the lab follows the reader's flip.
    chosen: Option<String>,
    /// The reader's own leaks, built in the lab (the `custom` scenario).
    custom: Vec<Event>,
    /// A scenario the host page added, offered after the story's.
    extra: Option<Scenario>,
    /// The scenario in view and its leaks: derived from the beat, the flips
    /// and the choice by `refresh`, never set directly.
    scenario: String,
    events: Vec<Event>,
    /// Runs already computed under the parameters in force, by scenario id.
    runs: Vec<(String, Rc<Trajectory>)>,
    run: Rc<Trajectory>,
    baseline: Rc<Trajectory>,
    /// For each message, the run of its scenario alone (for comparisons).
    message_runs: Vec<Rc<Trajectory>>,
    /// On a step comparing two texts: the scenario posting both, and its run.
    paired: Option<(String, Rc<Trajectory>)>,
    /// κ₀ under the parameters in force.
    candor0: f64,
    playing: bool,
    speed: f64,
    /// Playback position in fractional days; the reader sees whole days.
    clock: f64,
    lab: LabLeak,
    /// Whether the explainer is on screen and its tab visible; playback only
    /// advances while it is.
    visible: bool,
    param_error: Option<InputError>,
    /// The language the reader reads in (a code of `words::LANGUAGES`).
    lang: String,
    /// The words in that language: the interface's, the story's on top.
    /// Changed with `lang` only, in one step (`speak`), so the screen's
    /// language and its words never disagree.
    words: Rc<Words>,
    /// The theme the host asked for.
    theme: Theme,
    /// Why the last language the reader chose could not be shown, if so.
    language_error: Option<String>,
    announcement: Announcement,
    /// Bumped whenever the runs change, so views can memoise on it.
    revision: u64,
}

impl Explainer {
    /// Applies an action. Returns whether anything a reader sees changed, or
    /// an error naming what was refused (the state is then unchanged).
    pub fn reduce(&mut self, action: Action) -> Result<bool, InputError> {
        let before = self.fingerprint();
        match action {
            Action::SetPublic(public) => self.set_public(public)?,
            Action::TogglePublic => self.set_public(!self.public())?,
            Action::PostOnly(messages) => self.post_only(&messages)?,
            Action::SelectScenario(id) => self.select(&id)?,
            Action::SetVisible(visible) => self.visible = visible,
            Action::Play => self.play(),
            Action::Pause => self.playing = false,
            Action::TogglePlay if self.playing => self.playing = false,
            Action::TogglePlay => self.play(),
            Action::Advance { ms } => self.advance(ms),
            Action::Seek(day) => self.seek(day)?,
            Action::Step(delta) => self.step(delta),
            Action::SetSpeed(speed) => self.set_speed(speed)?,
            Action::SetParam(id, value) => {
                let mut params = self.params;
                let checked = params.set(id, value).and_then(|()| params.validate());
                if let Err(e) = checked {
                    self.param_error = Some(e.clone());
                    return Err(e);
                }
                self.apply_params(params)?;
            }
            Action::ResetParams => {
                if self.params != self.defaults || self.param_error.is_some() {
                    self.apply_params(self.defaults)?;
                }
            }
            Action::MoveBeat(delta) => {
                let n = self.beat.saturating_add_signed(delta as isize);
                return self.reduce(Action::GoToBeat(n));
            }
            Action::GoToBeat(n) => {
                let n = n.min(self.story.beats.len() - 1);
                if n == self.beat {
                    return Ok(false);
                }
                self.beat = n;
                self.refresh()?;
                self.pair()?;
                self.settle_clock();
                self.announcement = Announcement::Beat;
                return Ok(true);
            }
            Action::SetVictim(victim) => {
                if victim >= self.story.senders.len() {
                    return Err(InputError::new(
                        "victim",
                        format!("{victim} is not a sender"),
                    ));
                }
                self.lab.victim = victim;
                return Ok(true);
            }
            Action::SetSensitivity(s) => {
                if !(0.0..=1.0).contains(&s) {
                    return Err(InputError::new(
                        "sensitivity",
                        format!("{} is outside 0 to 1", crate::num::short(s)),
                    ));
                }
                self.lab.sensitivity = s;
                return Ok(true);
            }
            Action::AddLeak => self.add_leak()?,
            Action::Exported => {
                self.announcement = Announcement::Exported(self.day());
                return Ok(true);
            }
            Action::ClearLeaks => self.clear_leaks()?,
            Action::SetLanguage(lang, words) => {
                if lang == self.lang && Rc::ptr_eq(&words, &self.words) {
                    let had_error = self.language_error.take().is_some();
                    return Ok(had_error);
                }
                let changed = lang != self.lang;
                self.speak(&lang, words)?;
                self.language_error = None;
                if changed {
                    self.announcement = Announcement::Language;
                }
                return Ok(true);
            }
            Action::LanguageFailed(reason) => {
                self.language_error = Some(reason);
                self.announcement = Announcement::LanguageFailed;
                return Ok(true);
            }
        }
        Ok(before != self.fingerprint())
    }

    /// What a reader sees, reduced to what can change: the result of `reduce`.
    fn fingerprint(&self) -> (usize, u64, bool, bool, u32, u64, bool, Announcement) {
        (
            self.beat,
            self.revision,
            self.playing,
            self.visible,
            self.day(),
            self.speed.to_bits(),
            self.param_error.is_some(),
            self.announcement,
        )
    }
}

#[cfg(test)]
mod tests;
