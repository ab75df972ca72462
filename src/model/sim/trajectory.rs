//! What a run reads out: the day's outputs, overall and per sender.

use serde::Serialize;

/// What the explainer shows for one day, named as in the runner's CSV.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Outputs {
    /// p̄: expected chance that a message to the leaker leaks (weighted mean).
    pub leak_risk: f64,
    /// 1 − p̄.
    pub trust: f64,
    /// κ̄: share of sensitive content still sent directly (weighted mean).
    pub candor: f64,
    /// C = κ̄/κ₀: the leaker's share of the sensitive traffic he used to get.
    pub leaker_share: f64,
    /// R = 1 − C: the share rerouted around him.
    pub rerouted: f64,
    /// ρ: share of the dispute conducted in public (escalation).
    pub rhetoric: f64,
    /// A: audience-cost lock-in.
    pub lock_in: f64,
    /// π = 1 − (1 − ρ)(1 − p̄).
    pub publicity: f64,
    /// V = 1 − π, the safety valve.
    pub safety_valve: f64,
    /// Z: room for compromise.
    pub compromise: f64,
    /// v: diplomatic speed, C + (1 − C)θ_b.
    pub speed: f64,
    /// g = v·Z: progress.
    pub progress: f64,
}

/// One sender's channel to the leaker on one day, for the network view.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SenderOutputs {
    /// p̂_i: that sender's expected chance that a message leaks.
    pub leak_risk: f64,
    /// κ_i: that sender's candor.
    pub candor: f64,
}

/// The model's answer for whole days 0..=days.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    // Written only by `simulate` (the parent module); read through methods.
    pub(super) days: Vec<Outputs>,
    pub(super) senders: usize,
    pub(super) per_sender: Vec<SenderOutputs>,
}

impl Trajectory {
    /// Outputs for every whole day, indexed by day.
    pub fn days(&self) -> &[Outputs] {
        &self.days
    }

    /// Outputs on `day`, or on the last day when `day` is beyond it.
    pub fn at(&self, day: usize) -> &Outputs {
        &self.days[day.min(self.days.len() - 1)]
    }

    /// The last day computed.
    pub fn last_day(&self) -> usize {
        self.days.len() - 1
    }

    /// How many senders there are per day.
    pub fn sender_count(&self) -> usize {
        self.senders
    }

    /// Each sender's channel on `day` (clamped like `at`).
    pub fn senders_at(&self, day: usize) -> &[SenderOutputs] {
        let d = day.min(self.days.len() - 1);
        &self.per_sender[d * self.senders..(d + 1) * self.senders]
    }
}
