//! One explainer's state and the reader's actions on it, as a pure reducer:
//! no web types, so every rule here is tested natively in milliseconds.
//!
//! The state holds what the reader chose (beat, scenario, leaks of their own,
//! parameters, clock); everything shown is derived from it, and the model
//! runs are recomputed only when the scenario or the parameters change.

use crate::config::{Config, ConfigError, CustomScenario};
use crate::model::{
    scenario, simulate, Event, Outputs, ParamError, ParamId, Params, SenderOutputs, Senders,
    Trajectory,
};
use crate::story::{Beat, Message, Story, View};
use std::rc::Rc;

/// Playback pace at 1×: ten model days per second, about three seconds per
/// month (look.md: "a few seconds per month of model time").
pub const DAYS_PER_SECOND: f64 = 10.0;

/// Playback speeds the reader can choose.
pub const SPEEDS: [f64; 4] = [0.5, 1.0, 2.0, 4.0];

/// The scenario with no leak: the baseline.
pub const KEPT_PRIVATE: &str = "kept-private";

/// The id of a scenario the reader built with their own leaks.
pub const CUSTOM: &str = "custom";

/// How long after a post the explainer shows its effects when nothing plays
/// (reduced motion, the experts' beat): about five months, when the quiet
/// erosion of the channels has shown.
pub const SETTLED_DAYS: u32 = 150;

/// What the reader (or the host page) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Post the message in view (true) or take it back (false).
    SetPublic(bool),
    /// Show a built-in scenario by id.
    SelectScenario(String),
    /// Start playback; from the start again if it had finished.
    Play,
    /// Stop playback where it is.
    Pause,
    /// Let `ms` milliseconds of playback pass (sent by the animation loop).
    Advance { ms: f64 },
    /// Jump to a day (clamped to the timeline).
    Seek(f64),
    /// Pause and move one day back (-1) or forward (+1).
    Step(i32),
    /// Playback speed multiplier (one of `SPEEDS`).
    SetSpeed(f64),
    /// Change one model parameter.
    SetParam(ParamId, f64),
    /// Every parameter back to its default.
    ResetParams,
    /// Show beat `n` of the story (clamped).
    GoToBeat(usize),
    /// Choose who the reader's next leak exposes.
    SetVictim(usize),
    /// Choose how sensitive the reader's next leak is (0–1).
    SetSensitivity(f64),
    /// Add a leak of the chosen victim and sensitivity at the current day.
    AddLeak,
    /// Remove the reader's leaks: back to no leak at all.
    ClearLeaks,
    /// The explainer scrolled into or out of view, or its tab was hidden.
    SetVisible(bool),
}

/// What the live region should tell a screen-reader user after an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    None,
    WentPublic,
    WentPrivate,
    /// Playback reached the end (on that day).
    Finished(u32),
    Scenario,
    /// The reader added a leak on that day.
    LeakAdded(u32),
    ParamsChanged,
    Beat,
}

/// The reader's own leak in the lab.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabLeak {
    /// Index of the sender whose message is leaked.
    pub victim: usize,
    /// Sensitivity of the leaked content, 0–1.
    pub sensitivity: f64,
}

/// The state. Fields are private so that every change goes through `reduce`,
/// which keeps the clock, the scenario, the runs and the outputs consistent.
#[derive(Clone, Debug)]
pub struct Explainer {
    story: Rc<Story>,
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
    /// The scenario in view and its leaks: derived from the beat, the flips
    /// and the choice by `refresh`, never set directly.
    scenario: String,
    events: Vec<Event>,
    /// Runs already computed under the parameters in force, by scenario id.
    runs: Vec<(String, Rc<Trajectory>)>,
    playing: bool,
    speed: f64,
    /// Playback position in fractional days; the reader sees whole days.
    clock: f64,
    run: Rc<Trajectory>,
    baseline: Rc<Trajectory>,
    /// For each message, the run of its scenario alone (for comparisons).
    message_runs: Vec<Rc<Trajectory>>,
    /// For each message, the sensitivity of its leak in the model.
    sensitivities: Vec<f64>,
    /// κ₀ under the parameters in force.
    candor0: f64,
    lab: LabLeak,
    /// A scenario the host page added, offered after the built-in ones.
    extra: Option<CustomScenario>,
    /// Whether the explainer is on screen and its tab visible; playback only
    /// advances while it is.
    visible: bool,
    param_error: Option<ParamError>,
    announcement: Announcement,
    /// Bumped whenever the runs change, so `reduce` can tell cheaply.
    revision: u64,
}

/// The state as the host page's handle reports it (`state()`).
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub public: bool,
    pub scenario: String,
    pub day: u32,
    pub playing: bool,
    pub beat: String,
    pub speed: f64,
    pub outputs: Outputs,
}

/// A scenario for the host page's handle (`scenarios()`).
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioInfo {
    pub id: String,
    pub events: Vec<Event>,
}

impl Explainer {
    /// Starts on the first beat, every message private, at the lead message's
    /// posting day. Invalid parameters are an error naming the parameter.
    pub fn new(story: Rc<Story>, params: Params, reduced_motion: bool) -> Result<Self, ParamError> {
        let baseline = run(&story, &params, &[])?;
        let message_runs = message_runs(&story, &params)?;
        let candor0 = params.validate()?.candor0;
        let clock = f64::from(story.lead().posted_day);
        Ok(Explainer {
            params,
            reduced_motion,
            beat: 0,
            posted: vec![false; story.messages.len()],
            chosen: None,
            custom: Vec::new(),
            scenario: KEPT_PRIVATE.to_string(),
            events: Vec::new(),
            runs: vec![(KEPT_PRIVATE.to_string(), baseline.clone())],
            playing: false,
            speed: 1.0,
            clock,
            run: baseline.clone(),
            baseline,
            message_runs,
            sensitivities: sensitivities(&story),
            candor0,
            lab: LabLeak {
                victim: 0,
                sensitivity: 0.6,
            },
            extra: None,
            visible: true,
            param_error: None,
            announcement: Announcement::None,
            revision: 0,
            story,
        })
    }

    /// Starts as a host's config asks: its parameters, its own scenario, the
    /// beats it keeps and the scenario a flip plays. Errors name the field.
    /// Whatever the config, every message starts private: the flip is the
    /// reader's.
    pub fn with_config(
        story: Story,
        config: &Config,
        reduced_motion: bool,
    ) -> Result<Self, ConfigError> {
        let mut story = story;
        if let Some(keep) = &config.beats {
            for (i, id) in keep.iter().enumerate() {
                if !story.beats.iter().any(|b| &b.id == id) {
                    let known: Vec<_> = story.beats.iter().map(|b| b.id.as_str()).collect();
                    return Err(ConfigError {
                        path: format!("config.beats[{i}]"),
                        problem: format!("no beat \"{id}\" (known: {})", known.join(", ")),
                    });
                }
            }
            if keep.is_empty() {
                return Err(ConfigError {
                    path: "config.beats".into(),
                    problem: "needs at least one beat".into(),
                });
            }
            story.beats.retain(|b| keep.contains(&b.id));
        }
        let as_config = |e: ParamError| ConfigError {
            path: format!("config.{}", e.field),
            problem: e.problem,
        };
        if let Some(custom) = &config.custom_scenario {
            for (i, event) in custom.events.iter().enumerate() {
                if event.day > f64::from(story.horizon) {
                    return Err(ConfigError {
                        path: format!("config.custom_scenario.events[{i}].day"),
                        problem: format!(
                            "{} is after the timeline's last day ({})",
                            event.day, story.horizon
                        ),
                    });
                }
            }
        }
        let mut e =
            Explainer::new(Rc::new(story), config.params, reduced_motion).map_err(as_config)?;
        e.extra = config.custom_scenario.clone();
        if let Some(id) = &config.scenario {
            e.choose(id).map_err(as_config)?;
        }
        e.refresh().map_err(as_config)?;
        Ok(e)
    }

    /// Applies an action. Returns whether anything a reader sees changed, or
    /// an error naming what was refused (the state is then unchanged).
    pub fn reduce(&mut self, action: Action) -> Result<bool, ParamError> {
        let before = self.fingerprint();
        match action {
            Action::SetPublic(public) => {
                let m = self.message_index();
                if public == self.posted[m] {
                    return Ok(false);
                }
                self.posted[m] = public;
                if let Err(e) = self.refresh() {
                    self.posted[m] = !public;
                    return Err(e);
                }
                let posted = self.message().posted_day;
                if public && self.reduced_motion {
                    // Nothing moves by itself: show the state some months
                    // on at once, with the scrubber to explore.
                    self.clock = f64::from(self.after_post(posted));
                    self.playing = false;
                } else {
                    self.clock = f64::from(posted);
                    self.playing = public;
                }
                self.announcement = if public {
                    Announcement::WentPublic
                } else {
                    Announcement::WentPrivate
                };
            }
            Action::SelectScenario(id) => {
                if self.chosen.as_deref() != Some(id.as_str()) {
                    self.choose(&id)?;
                    self.refresh()?;
                    self.announcement = Announcement::Scenario;
                }
            }
            Action::SetVisible(visible) => self.visible = visible,
            Action::Play => {
                if self.playing {
                    return Ok(false);
                }
                if self.day() >= self.horizon() {
                    self.clock = f64::from(self.replay_from());
                }
                self.playing = true;
                self.announcement = Announcement::None;
            }
            Action::Pause => self.playing = false,
            Action::Advance { ms } => {
                if !self.ticking() || !ms.is_finite() || ms <= 0.0 {
                    return Ok(false);
                }
                // A long gap (a hidden tab) must not jump far ahead.
                let ms = ms.min(250.0);
                self.clock += ms / 1000.0 * DAYS_PER_SECOND * self.speed;
                let end = f64::from(self.horizon());
                if self.clock >= end {
                    self.clock = end;
                    self.playing = false;
                    self.announcement = Announcement::Finished(self.day());
                }
            }
            Action::Seek(day) => {
                if !day.is_finite() {
                    return Err(ParamError::new("day", format!("{day} is not a day")));
                }
                self.clock = day.floor().clamp(0.0, f64::from(self.horizon()));
                self.announcement = Announcement::None;
            }
            Action::Step(delta) => {
                self.playing = false;
                let day = i64::from(self.day()) + i64::from(delta.signum());
                self.clock = day.clamp(0, i64::from(self.horizon())) as f64;
                self.announcement = Announcement::None;
            }
            Action::SetSpeed(speed) => {
                if !SPEEDS.contains(&speed) {
                    return Err(ParamError::new(
                        "speed",
                        format!("{speed} is not one of 0.5, 1, 2, 4"),
                    ));
                }
                self.speed = speed;
            }
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
                if self.params != Params::default() || self.param_error.is_some() {
                    self.apply_params(Params::default())?;
                }
            }
            Action::GoToBeat(n) => {
                let n = n.min(self.story.beats.len() - 1);
                if n == self.beat {
                    return Ok(false);
                }
                self.beat = n;
                self.refresh()?;
                self.settle_clock();
                self.announcement = Announcement::Beat;
                return Ok(true);
            }
            Action::SetVictim(victim) => {
                if victim >= Senders::DEFAULT_COUNT {
                    return Err(ParamError::new(
                        "victim",
                        format!("{victim} is not a sender"),
                    ));
                }
                self.lab.victim = victim;
                return Ok(true);
            }
            Action::SetSensitivity(s) => {
                if !(0.0..=1.0).contains(&s) {
                    return Err(ParamError::new(
                        "sensitivity",
                        format!("{s} is outside 0 to 1"),
                    ));
                }
                self.lab.sensitivity = s;
                return Ok(true);
            }
            Action::AddLeak => {
                let mut events = self.events.clone();
                events.push(Event {
                    day: f64::from(self.day()),
                    sender: self.lab.victim,
                    sensitivity: self.lab.sensitivity,
                });
                self.custom = events;
                self.runs.retain(|(id, _)| id != CUSTOM);
                self.chosen = Some(CUSTOM.to_string());
                self.refresh()?;
                self.announcement = Announcement::LeakAdded(self.day());
            }
            Action::ClearLeaks => {
                if self.scenario != KEPT_PRIVATE {
                    self.chosen = Some(KEPT_PRIVATE.to_string());
                    self.refresh()?;
                    self.announcement = Announcement::Scenario;
                }
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

    /// Records the host's or the reader's choice of scenario, if it exists.
    fn choose(&mut self, id: &str) -> Result<(), ParamError> {
        self.events_of(id)?;
        self.chosen = Some(id.to_string());
        Ok(())
    }

    /// The leaks of a scenario: a built-in one, the host's own, or the
    /// reader's (`custom`).
    fn events_of(&self, id: &str) -> Result<Vec<Event>, ParamError> {
        match &self.extra {
            Some(extra) if extra.id == id => Ok(extra.events.clone()),
            _ if id == CUSTOM => Ok(self.custom.clone()),
            _ => Ok(scenario::builtin(id)?.events),
        }
    }

    /// Whether a scenario posts message `m` on the day it was posted.
    fn posts(&self, id: &str, m: &Message) -> bool {
        self.events_of(id).is_ok_and(|events| {
            events.iter().any(|e| {
                e.sender == m.sender_index && (e.day - f64::from(m.posted_day)).abs() < 0.5
            })
        })
    }

    /// What making message `m` public sets in motion: the chosen scenario
    /// when it posts that message (the host's "what happened", say), else the
    /// message's own scenario.
    fn flip_scenario(&self, m: &Message) -> String {
        match &self.chosen {
            Some(id) if self.posts(id, m) => id.clone(),
            _ => m.scenario.clone(),
        }
    }

    /// The scenario the beat in view shows. Message beats show the reader's
    /// flip (or the baseline); the experts' beat always shows the lead
    /// message posted, since predictions are about a leak; the lab shows the
    /// choice, or follows the reader's flip until there is one.
    fn wanted(&self) -> String {
        let m = self.message();
        let flipped = self.posted[self.message_index()];
        let follow = || {
            if flipped {
                self.flip_scenario(m)
            } else {
                KEPT_PRIVATE.to_string()
            }
        };
        match self.story.beats[self.beat].view {
            View::Experts => self.flip_scenario(m),
            View::Lab => self.chosen.clone().unwrap_or_else(follow),
            _ => follow(),
        }
    }

    /// Brings the scenario in view, its leaks and its run in line with the
    /// beat, the flips and the choice. Runs are computed once per scenario
    /// and parameter set.
    fn refresh(&mut self) -> Result<(), ParamError> {
        let id = self.wanted();
        let events = self.events_of(&id)?;
        if id == self.scenario && events == self.events {
            return Ok(());
        }
        let cached = self
            .runs
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, r)| r.clone());
        let run = match cached {
            Some(run) => run,
            None => {
                let run = run(&self.story, &self.params, &events)?;
                self.runs.push((id.clone(), run.clone()));
                run
            }
        };
        self.run = run;
        self.scenario = id;
        self.events = events;
        self.revision += 1;
        Ok(())
    }

    /// After moving to another beat: a private message shows its posting
    /// day; a posted one keeps the reader's day, never earlier than the post;
    /// the predictions open some months after the post, where the effects
    /// they describe have had time to show; a beat without a timeline stops
    /// the clock.
    fn settle_clock(&mut self) {
        let view = self.story.beats[self.beat].view;
        let posted = self.message().posted_day;
        let day = self.day();
        match view {
            View::Act | View::Compare | View::Message | View::Network => {
                if !self.public() {
                    self.playing = false;
                    self.clock = f64::from(posted);
                } else if day < posted {
                    self.clock = f64::from(posted);
                }
            }
            View::Experts => {
                if day <= posted {
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

    fn apply_params(&mut self, params: Params) -> Result<(), ParamError> {
        let baseline = run(&self.story, &params, &[])?;
        let run = run(&self.story, &params, &self.events)?;
        self.message_runs = message_runs(&self.story, &params)?;
        self.candor0 = params.validate()?.candor0;
        self.runs = vec![
            (KEPT_PRIVATE.to_string(), baseline.clone()),
            (self.scenario.clone(), run.clone()),
        ];
        self.baseline = baseline;
        self.run = run;
        self.params = params;
        self.param_error = None;
        self.revision += 1;
        self.announcement = Announcement::ParamsChanged;
        Ok(())
    }

    /// Where playback restarts after the end: the first leak, or day 0.
    fn replay_from(&self) -> u32 {
        self.events
            .iter()
            .map(|e| e.day.floor() as u32)
            .min()
            .unwrap_or(0)
    }

    /// Bumped whenever the scenario in view, its leaks or the runs change:
    /// what views derived from them can memoise on.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the reader (or the host) made the message in view public.
    pub fn public(&self) -> bool {
        self.posted[self.message_index()]
    }

    /// Whether playback runs.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Whether the clock should move now: playing, and on screen.
    pub fn ticking(&self) -> bool {
        self.playing && self.visible
    }

    /// The ids the reader can choose from: the story's, then the host's own.
    pub fn scenario_ids(&self) -> Vec<String> {
        self.story
            .scenarios
            .iter()
            .cloned()
            .chain(self.extra.iter().map(|c| c.id.clone()))
            .collect()
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

    /// The built-in scenarios the story offers.
    pub fn scenarios(&self) -> Vec<ScenarioInfo> {
        self.story
            .scenarios
            .iter()
            .filter_map(|id| scenario::builtin(id).ok())
            .map(|s| ScenarioInfo {
                id: s.id,
                events: s.events,
            })
            .chain(self.extra.iter().map(|c| ScenarioInfo {
                id: c.id.clone(),
                events: c.events.clone(),
            }))
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

    /// For each message, the run of its scenario alone.
    pub fn message_runs(&self) -> &[Rc<Trajectory>] {
        &self.message_runs
    }

    /// For each message, the sensitivity its scenario gives its leak.
    pub fn sensitivities(&self) -> &[f64] {
        &self.sensitivities
    }

    /// κ₀, the candor of the baseline under the parameters in force.
    pub fn candor0(&self) -> f64 {
        self.candor0
    }
}

/// For each message, the sensitivity its scenario gives its leak (story data,
/// fixed for the explainer's life).
fn sensitivities(story: &Story) -> Vec<f64> {
    story
        .messages
        .iter()
        .map(|m| {
            scenario::builtin(&m.scenario)
                .ok()
                .and_then(|s| {
                    s.events
                        .iter()
                        .find(|e| e.sender == m.sender_index)
                        .map(|e| e.sensitivity)
                })
                .unwrap_or(0.0)
        })
        .collect()
}

impl Explainer {
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
        self.story.message_of(&self.story.beats[self.beat])
    }

    /// The index in `story().messages` of the message in view.
    pub fn message_index(&self) -> usize {
        let id = &self.message().id;
        self.story
            .messages
            .iter()
            .position(|m| &m.id == id)
            .unwrap_or(0)
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
    pub fn param_error(&self) -> Option<&ParamError> {
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
            outputs: self.outputs(),
        }
    }
}

fn message_runs(story: &Story, params: &Params) -> Result<Vec<Rc<Trajectory>>, ParamError> {
    story
        .messages
        .iter()
        .map(|m| run(story, params, &scenario::builtin(&m.scenario)?.events))
        .collect()
}

fn run(story: &Story, params: &Params, events: &[Event]) -> Result<Rc<Trajectory>, ParamError> {
    simulate(params, &Senders::default(), events, story.horizon, 1.0).map(Rc::new)
}

#[cfg(test)]
mod tests;
