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

    /// The messages the reader made public, wherever they did.
    fn posted_messages(&self) -> Vec<&Message> {
        self.story
            .messages
            .iter()
            .zip(&self.posted)
            .filter_map(|(m, &p)| p.then_some(m))
            .collect()
    }

    /// Whether the chosen scenario still agrees with the reader's flips: it
    /// posts every message they made public.
    pub(super) fn choice_agrees(&self) -> bool {
        self.chosen
            .as_deref()
            .is_some_and(|id| self.posted_messages().iter().all(|m| self.posts(id, m)))
    }

    /// What the reader's flips, on every step, set in motion: nothing when
    /// every message is private; the chosen scenario when it posts them all;
    /// one message's own scenario; several messages, the story's smallest
    /// scenario that posts them all (the texts posted together, as
    /// happened). So a step shows what the reader did on the steps before.
    fn follow(&self) -> String {
        let posted = self.posted_messages();
        let Some(first) = posted.first() else {
            return KEPT_PRIVATE.to_string();
        };
        if self.choice_agrees() {
            return self.chosen.clone().unwrap_or_default();
        }
        if let (1, Some(own)) = (posted.len(), &first.scenario) {
            return own.clone();
        }
        self.together(&posted)
            .unwrap_or_else(|| self.flip_scenario(self.message()))
    }

    /// The story's scenario with the fewest leaks that posts every one of
    /// these messages, if any.
    pub(super) fn together(&self, messages: &[&Message]) -> Option<String> {
        self.story
            .resolved()
            .scenarios
            .iter()
            .filter(|s| messages.iter().all(|m| self.posts(&s.id, m)))
            .min_by_key(|s| s.events.len())
            .map(|s| s.id.clone())
    }

    /// The scenario the beat in view shows.
    fn wanted(&self) -> String {
        match self.story.beats[self.beat].view {
            // Predictions are about a leak: shown after one even when the
            // reader posted nothing.
            View::Experts if self.posted.iter().all(|p| !p) => self.flip_scenario(self.message()),
            View::Lab => self.chosen.clone().unwrap_or_else(|| self.follow()),
            _ => self.follow(),
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
        self.run = self.run_of(&id, &events)?;
        self.scenario = id;
        self.events = events;
        self.revision += 1;
        Ok(())
    }

    /// The run of a scenario under the parameters in force, computed once.
    fn run_of(&mut self, id: &str, events: &[Event]) -> Result<Rc<Trajectory>, InputError> {
        if let Some((_, run)) = self.runs.iter().find(|(k, _)| k == id) {
            return Ok(run.clone());
        }
        let run = Self::simulate(&self.story, &self.params, events)?;
        self.runs.push((id.to_string(), run.clone()));
        Ok(run)
    }

    /// On a step comparing two texts, the scenario posting both (as
    /// happened) and its run, computed once, so the comparison can show it
    /// beside each text alone.
    pub(super) fn pair(&mut self) -> Result<(), InputError> {
        let b = &self.story.beats[self.beat];
        self.paired = None;
        if b.view != View::Compare {
            return Ok(());
        }
        let (a, m) = (self.story.against_of(b), self.story.message_of(b));
        let both = [&self.story.messages[a], &self.story.messages[m]];
        if let Some(id) = self.together(&both) {
            let events = self.events_of(&id)?;
            let run = self.run_of(&id, &events)?;
            self.paired = Some((id, run));
        }
        Ok(())
    }

    /// Makes exactly these messages public (by index) and the others
    /// private, as the comparison's "show" buttons do, and plays from the
    /// first of their posts. A choice of scenario gives way to the reader's.
    pub(super) fn post_only(&mut self, messages: &[usize]) -> Result<(), InputError> {
        if let Some(bad) = messages.iter().find(|&&i| i >= self.posted.len()) {
            return Err(InputError::new(
                "messages",
                format!("{bad} is not a message"),
            ));
        }
        let posted: Vec<bool> = (0..self.posted.len())
            .map(|i| messages.contains(&i))
            .collect();
        if posted == self.posted {
            return Ok(());
        }
        let (before, chosen) = (
            std::mem::replace(&mut self.posted, posted),
            self.chosen.take(),
        );
        if let Err(e) = self.refresh() {
            (self.posted, self.chosen) = (before, chosen);
            return Err(e);
        }
        let first = messages.iter().map(|&i| self.story.messages[i].day).min();
        self.start_from(first);
        // Says which scenario is now shown (the step's own text may not be
        // among those posted).
        self.announcement = Announcement::Scenario;
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
        self.pair()
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
        simulate(
            params,
            &story.resolved().senders,
            events,
            story.horizon,
            1.0,
        )
        .map(Rc::new)
    }
}
