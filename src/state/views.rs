//! What the components and the host page read from the state: the day, the
//! runs and outputs, the beat and message in view, and the snapshot the
//! handle's `state()` returns.

use super::{Announcement, Explainer, LabLeak};
use crate::config::Theme;
use crate::error::InputError;
use crate::model::{Event, Outputs, Params, Scenario, SenderOutputs, Trajectory, CUSTOM};
use crate::story::{Beat, Message, Story};
use crate::words::Words;
use serde::Serialize;
use std::rc::Rc;

/// The state as the host page's handle reports it (`state()`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub public: bool,
    pub scenario: String,
    pub day: u32,
    pub playing: bool,
    pub beat: String,
    pub speed: f64,
    /// The language the explainer speaks (`en`, `fr`, `vi`).
    pub lang: String,
    pub outputs: Outputs,
}

impl Explainer {
    /// Bumped whenever the scenario in view, its leaks or the runs change:
    /// what views derived from them can memoise on.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the reader (or the host) made the message in view public.
    pub fn public(&self) -> bool {
        self.posted[self.message_index()]
    }

    /// The language the reader reads in.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The words in the reader's language.
    pub fn words(&self) -> &Rc<Words> {
        &self.words
    }

    /// The theme the host asked for.
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// Why the last language the reader chose could not be shown, if so.
    pub fn language_error(&self) -> Option<&str> {
        self.language_error.as_deref()
    }

    /// Whether playback runs.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Whether the clock should move now: playing, and on screen.
    pub fn ticking(&self) -> bool {
        self.playing && self.visible
    }

    /// Whether the reader asked for reduced motion.
    pub fn reduced_motion(&self) -> bool {
        self.reduced_motion
    }

    /// The current whole model day.
    pub fn day(&self) -> u32 {
        self.clock.floor() as u32
    }

    /// The last day of the timeline.
    pub fn horizon(&self) -> u32 {
        self.story.horizon
    }

    /// Playback speed multiplier.
    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// The id of the scenario shown (`custom` once the reader adds leaks).
    pub fn scenario(&self) -> &str {
        &self.scenario
    }

    /// The leaks of the scenario shown.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The ids the reader can choose from: the story's, then the host's own
    /// (and `custom` while the reader's own leaks are shown).
    pub fn scenario_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .story
            .resolved()
            .scenarios
            .iter()
            .chain(self.extra.iter())
            .map(|s| s.id.clone())
            .collect();
        if self.scenario == CUSTOM {
            ids.push(CUSTOM.to_string());
        }
        ids
    }

    /// The story's scenarios, then the host's own.
    pub fn scenarios(&self) -> Vec<Scenario> {
        self.story
            .resolved()
            .scenarios
            .iter()
            .chain(self.extra.iter())
            .cloned()
            .collect()
    }

    /// The model run of the scenario shown.
    pub fn run(&self) -> Rc<Trajectory> {
        self.run.clone()
    }

    /// The no-leak run.
    pub fn baseline_run(&self) -> Rc<Trajectory> {
        self.baseline.clone()
    }

    /// For each message, the run of its leak alone.
    pub fn message_runs(&self) -> &[Rc<Trajectory>] {
        &self.message_runs
    }

    /// On a step comparing two texts, the scenario posting both and its run.
    pub fn paired(&self) -> Option<(&str, Rc<Trajectory>)> {
        self.paired
            .as_ref()
            .map(|(id, run)| (id.as_str(), run.clone()))
    }

    /// Which messages the reader made public, by index.
    pub fn posted(&self) -> &[bool] {
        &self.posted
    }

    /// κ₀, the candor of the baseline under the parameters in force.
    pub fn candor0(&self) -> f64 {
        self.candor0
    }

    /// The model's outputs at the current day for the scenario shown.
    pub fn outputs(&self) -> Outputs {
        *self.run.at(self.day() as usize)
    }

    /// The no-leak outputs at the current day.
    pub fn baseline(&self) -> Outputs {
        *self.baseline.at(self.day() as usize)
    }

    /// Each sender's channel at the current day.
    pub fn channels(&self) -> &[SenderOutputs] {
        self.run.senders_at(self.day() as usize)
    }

    /// The beat in view, and its index.
    pub fn beat(&self) -> (usize, &Beat) {
        (self.beat, &self.story.beats[self.beat])
    }

    /// The message in view (the beat's, or the lead message).
    pub fn message(&self) -> &Message {
        &self.story.messages[self.message_index()]
    }

    /// The index in `story().messages` of the message in view.
    pub fn message_index(&self) -> usize {
        self.story.message_of(&self.story.beats[self.beat])
    }

    /// The story being told.
    pub fn story(&self) -> &Rc<Story> {
        &self.story
    }

    /// The parameters in force.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The last refused parameter change, until a valid one.
    pub fn param_error(&self) -> Option<&InputError> {
        self.param_error.as_ref()
    }

    /// The reader's next leak in the lab.
    pub fn lab(&self) -> LabLeak {
        self.lab
    }

    /// What the live region should say.
    pub fn announcement(&self) -> Announcement {
        self.announcement
    }

    /// The state for the host page.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            public: self.public(),
            scenario: self.scenario.clone(),
            day: self.day(),
            playing: self.playing,
            beat: self.story.beats[self.beat].id.clone(),
            speed: self.speed,
            lang: self.lang.clone(),
            outputs: self.outputs(),
        }
    }
}
