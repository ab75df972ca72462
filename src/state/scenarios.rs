//! Which model run is in view. Message beats show the reader's flip (or the
//! baseline); the experts' beat shows the lead message posted, since
//! predictions are about a leak; the lab shows the chosen scenario, or the
//! reader's flip until there is one. Runs are computed once per scenario and
//! parameter set.

use super::{Announcement, Explainer};
use crate::error::InputError;
use crate::model::{simulate, Event, Params, Trajectory, CUSTOM, KEPT_PRIVATE};
use crate::story::{Message, Story, View};
use std::rc::Rc;

impl Explainer {
    /// Shows a scenario by id, if it exists.
    pub(super) fn select(&mut self, id: &str) -> Result<(), InputError> {
        if self.chosen.as_deref() != Some(id) {
            self.choose(id)?;
            self.refresh()?;
            self.announcement = Announcement::Scenario;
        }
        Ok(())
    }

    /// Records the host's or the reader's choice of scenario, if it exists.
    pub(super) fn choose(&mut self, id: &str) -> Result<(), InputError> {
        self.events_of(id)?;
        self.chosen = Some(id.to_string());
        Ok(())
    }

    /// The leaks of a scenario: the story's, the host's own, the reader's
    /// (`custom`), or none (`kept-private`).
    fn events_of(&self, id: &str) -> Result<Vec<Event>, InputError> {
        match &self.extra {
            Some(extra) if extra.id == id => Ok(extra.events.clone()),
            _ if id == CUSTOM => Ok(self.custom.clone()),
            _ if id == KEPT_PRIVATE => Ok(Vec::new()),
            _ => self
                .story
                .scenario(id)
                .map(|s| s.events.clone())
                .ok_or_else(|| crate::config::unknown_scenario("scenario", id, &self.story)),
        }
    }

    /// Whether a scenario posts message `m` on the day it was posted.
    fn posts(&self, id: &str, m: &Message) -> bool {
        self.events_of(id).is_ok_and(|events| {
            events
                .iter()
                .any(|e| e.sender == m.sender_index && e.day == f64::from(m.day))
        })
    }

    /// What making message `m` public sets in motion: the chosen scenario
    /// when it posts that message (the host's "what happened", say), else the
    /// message's own scenario.
    fn flip_scenario(&self, m: &Message) -> String {
        match &self.chosen {
            Some(id) if self.posts(id, m) => id.clone(),
            _ => m
                .scenario
                .clone()
                .unwrap_or_else(|| KEPT_PRIVATE.to_string()),
        }
    }

    /// The scenario the beat in view shows.
    fn wanted(&self) -> String {
        let m = self.message();
        let follow = || {
            if self.public() {
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
    /// beat, the flips and the choice.
    pub(super) fn refresh(&mut self) -> Result<(), InputError> {
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
                let run = Self::simulate(&self.story, &self.params, &events)?;
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

    /// Adds the reader's next leak, at the current day, to the leaks in view.
    pub(super) fn add_leak(&mut self) -> Result<(), InputError> {
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
        Ok(())
    }

    /// Back to no leak at all.
    pub(super) fn clear_leaks(&mut self) -> Result<(), InputError> {
        if self.scenario != KEPT_PRIVATE {
            self.chosen = Some(KEPT_PRIVATE.to_string());
            self.refresh()?;
            self.announcement = Announcement::Scenario;
        }
        Ok(())
    }

    /// Puts new parameters in force: every run is computed again.
    pub(super) fn apply_params(&mut self, params: Params) -> Result<(), InputError> {
        let baseline = Self::simulate(&self.story, &params, &[])?;
        let run = Self::simulate(&self.story, &params, &self.events)?;
        self.message_runs = Self::message_runs_of(&self.story, &params)?;
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

    /// For each message, the run of its leak alone: what comparisons draw.
    pub(super) fn message_runs_of(
        story: &Story,
        params: &Params,
    ) -> Result<Vec<Rc<Trajectory>>, InputError> {
        story
            .messages
            .iter()
            .map(|m| {
                let alone = Event {
                    day: f64::from(m.day),
                    sender: m.sender_index,
                    sensitivity: m.sensitivity,
                };
                Self::simulate(story, params, &[alone])
            })
            .collect()
    }

    /// One run of the model over the story's timeline.
    pub(super) fn simulate(
        story: &Story,
        params: &Params,
        events: &[Event],
    ) -> Result<Rc<Trajectory>, InputError> {
        simulate(params, &story.resolved.senders, events, story.horizon, 1.0).map(Rc::new)
    }
}
