//! The model outputs the views can show, with how each is scaled and printed,
//! so meters, charts and expert cards agree on every number.

use crate::model::{Outputs, Trajectory};
use std::rc::Rc;

/// One model output as the views present it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    Trust,
    Compromise,
    Candor,
    LeakRisk,
    Rhetoric,
    LeakerShare,
    Rerouted,
    SafetyValve,
    Progress,
}

impl Metric {
    /// Every metric, in the order the views list them.
    pub const ALL: [Metric; 9] = [
        Metric::Trust,
        Metric::Compromise,
        Metric::Candor,
        Metric::LeakRisk,
        Metric::Rhetoric,
        Metric::LeakerShare,
        Metric::Rerouted,
        Metric::SafetyValve,
        Metric::Progress,
    ];

    /// The metric whose output is named `name` (as in the model's CSV).
    pub fn from_key(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == name)
    }

    /// The output's name in the model's CSV; locale keys are `meter.<key>`.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Trust => "trust",
            Metric::Compromise => "compromise",
            Metric::Candor => "candor",
            Metric::LeakRisk => "leak_risk",
            Metric::Rhetoric => "rhetoric",
            Metric::LeakerShare => "leaker_share",
            Metric::Rerouted => "rerouted",
            Metric::SafetyValve => "safety_valve",
            Metric::Progress => "progress",
        }
    }

    /// The value of this output in a day's outputs.
    pub fn value(self, o: &Outputs) -> f64 {
        match self {
            Metric::Trust => o.trust,
            Metric::Compromise => o.compromise,
            Metric::Candor => o.candor,
            Metric::LeakRisk => o.leak_risk,
            Metric::Rhetoric => o.rhetoric,
            Metric::LeakerShare => o.leaker_share,
            Metric::Rerouted => o.rerouted,
            Metric::SafetyValve => o.safety_valve,
            Metric::Progress => o.progress,
        }
    }
}

/// A model run shared between components and compared by pointer, so a view
/// re-renders when the run changes, not on every tick of the clock.
#[derive(Clone, Debug)]
pub struct RunRef(pub Rc<Trajectory>);

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// An event marked on the time axis ("Macron's text posted, 20 Jan 2026").
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Model day of the event.
    pub day: u32,
    /// Short label, already in the reader's language.
    pub label: String,
}
