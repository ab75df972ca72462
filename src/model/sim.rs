//! The dynamics: a state of beliefs, candor, rhetoric and lock-in, moved by
//! leaks and relaxed by exact exponential steps, read out once per whole day.

use super::params::{lock_in_target, ParamError, Params, Prior};
use serde::{Deserialize, Serialize};
use std::f64::consts::LN_2;

/// The people whose messages reach the leaker, with their weights in the
/// means. Who they are is story data; the model only needs how many and how much.
#[derive(Clone, Debug, PartialEq)]
pub struct Senders {
    weights: Vec<f64>,
}

impl Senders {
    /// The default number of allied senders (model.md: N = 6).
    pub const DEFAULT_COUNT: usize = 6;

    /// `n` senders of equal weight.
    pub fn equal(n: usize) -> Self {
        Senders {
            weights: vec![1.0; n],
        }
    }

    /// Senders with the given weights; refused if empty, negative, not finite
    /// or all zero.
    pub fn weighted(weights: Vec<f64>) -> Result<Self, ParamError> {
        if weights.is_empty() {
            return Err(ParamError::new("senders", "needs at least one sender"));
        }
        for (i, w) in weights.iter().enumerate() {
            if !w.is_finite() || *w < 0.0 {
                return Err(ParamError::new(
                    format!("senders[{i}].weight"),
                    format!("{w} is not a finite weight of 0 or more"),
                ));
            }
        }
        if weights.iter().sum::<f64>() <= 0.0 {
            return Err(ParamError::new("senders", "the weights add up to 0"));
        }
        Ok(Senders { weights })
    }

    /// How many senders there are.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when there are no senders (never, for a value built by this type).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

impl Default for Senders {
    fn default() -> Self {
        Senders::equal(Self::DEFAULT_COUNT)
    }
}

/// A leak: on `day`, the leaker posts a private message from `sender`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Day of the post (day 0 = 24 June 2025); whole or fractional, never negative.
    pub day: f64,
    /// Index of the sender whose message was posted.
    pub sender: usize,
    /// How costly the content was to reveal, from 0 (harmless) to 1.
    pub sensitivity: f64,
}

impl Event {
    /// Checks the event against the number of senders; `at` names it in errors.
    pub fn validate(&self, senders: usize, at: &str) -> Result<(), ParamError> {
        if !self.day.is_finite() || self.day < 0.0 {
            return Err(ParamError::new(
                format!("{at}.day"),
                format!("{} is not a day of 0 or later", self.day),
            ));
        }
        if self.sender >= senders {
            return Err(ParamError::new(
                format!("{at}.sender"),
                format!(
                    "{} is not a sender (there are {senders}, numbered from 0)",
                    self.sender
                ),
            ));
        }
        if !(0.0..=1.0).contains(&self.sensitivity) {
            return Err(ParamError::new(
                format!("{at}.sensitivity"),
                format!("{} is outside 0 to 1", self.sensitivity),
            ));
        }
        Ok(())
    }
}

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

/// The output names, in CSV column order.
pub const OUTPUT_NAMES: [&str; 12] = [
    "leak_risk",
    "trust",
    "candor",
    "leaker_share",
    "rerouted",
    "rhetoric",
    "lock_in",
    "publicity",
    "safety_valve",
    "compromise",
    "speed",
    "progress",
];

impl Outputs {
    /// The values in `OUTPUT_NAMES` order.
    pub fn values(&self) -> [f64; 12] {
        [
            self.leak_risk,
            self.trust,
            self.candor,
            self.leaker_share,
            self.rerouted,
            self.rhetoric,
            self.lock_in,
            self.publicity,
            self.safety_valve,
            self.compromise,
            self.speed,
            self.progress,
        ]
    }
}

/// One sender's channel to the leaker on one day, for the network view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SenderOutputs {
    /// p̂_i: that sender's expected chance that a message leaks.
    pub leak_risk: f64,
    /// κ_i: that sender's candor.
    pub candor: f64,
}

/// The model's answer for whole days 0..=days.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    days: Vec<Outputs>,
    senders: usize,
    per_sender: Vec<SenderOutputs>,
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

/// The evolving state. Vectors are sized once per run so stepping allocates nothing.
#[derive(Clone, Debug)]
struct State {
    /// a_i, evidence of leaking.
    a: Vec<f64>,
    /// b_i, evidence of discretion.
    b: Vec<f64>,
    /// κ_i, candor.
    candor: Vec<f64>,
    /// ρ, public share.
    rho: f64,
    /// A, lock-in.
    lock_in: f64,
}

/// Everything fixed for one run.
struct Run<'a> {
    p: &'a Params,
    prior: Prior,
    /// Weights normalised to sum to 1.
    weights: Vec<f64>,
}

impl Run<'_> {
    fn leak_risk(&self, a: f64, b: f64) -> f64 {
        let alpha = self.prior.alpha0 + a;
        alpha / (alpha + self.prior.beta0 + b)
    }

    fn mean_candor(&self, s: &State) -> f64 {
        dot(&self.weights, &s.candor)
    }

    fn leaker_share(&self, s: &State) -> f64 {
        (self.mean_candor(s) / self.prior.candor0).clamp(0.0, 1.0)
    }

    fn initial(&self, n: usize) -> State {
        State {
            a: vec![0.0; n],
            b: vec![self.prior.b_ss; n],
            candor: vec![self.prior.candor0; n],
            rho: self.p.rho0,
            lock_in: self.prior.lock_in0,
        }
    }

    fn leak(&self, s: &mut State, e: &Event) {
        let evidence = e.sensitivity.powf(self.p.eta);
        for (i, a) in s.a.iter_mut().enumerate() {
            *a += if i == e.sender {
                evidence
            } else {
                self.p.gamma * evidence
            };
        }
        s.rho += self.p.chi * e.sensitivity * (1.0 - s.rho);
    }

    /// One exact-exponential step of length `h` days (model.md, steps 1–4).
    fn step(&self, s: &mut State, h: f64) {
        let p = self.p;
        let delta = (-h / p.half_life).exp2();
        let accrual = p.r_ok * (1.0 - delta) * p.half_life / LN_2;
        let keep_candor = (-h / p.tau_candor).exp();
        for i in 0..s.a.len() {
            s.a[i] *= delta;
            s.b[i] = delta * s.b[i] + accrual * s.candor[i];
            let target = (p.k / self.leak_risk(s.a[i], s.b[i])).min(1.0);
            s.candor[i] = target + (s.candor[i] - target) * keep_candor;
        }
        let lost = (1.0 - self.leaker_share(s)).max(0.0);
        let rho_target = p.rho0 + (1.0 - p.rho0) * p.xi * lost;
        s.rho = rho_target + (s.rho - rho_target) * (-h / p.tau_rhetoric).exp();
        let lambda = p.phi * s.rho + p.psi * (1.0 - s.rho);
        let lock_target = lock_in_target(p.phi, p.psi, s.rho);
        s.lock_in = lock_target + (s.lock_in - lock_target) * (-lambda * h).exp();
    }

    fn read(&self, s: &State, per_sender: &mut Vec<SenderOutputs>) -> Outputs {
        let p = self.p;
        let mut leak_risk = 0.0;
        for i in 0..s.a.len() {
            let risk = self.leak_risk(s.a[i], s.b[i]);
            leak_risk += self.weights[i] * risk;
            per_sender.push(SenderOutputs {
                leak_risk: risk,
                candor: s.candor[i],
            });
        }
        let candor = self.mean_candor(s);
        let leaker_share = self.leaker_share(s);
        let rerouted = 1.0 - leaker_share;
        let publicity = 1.0 - (1.0 - s.rho) * (1.0 - leak_risk);
        let win_set = (1.0 - p.sigma * publicity) * (1.0 - s.lock_in);
        let compromise = ((win_set - p.d) / (1.0 - p.d)).clamp(0.0, 1.0);
        let speed = leaker_share + rerouted * p.theta_b;
        Outputs {
            leak_risk,
            trust: 1.0 - leak_risk,
            candor,
            leaker_share,
            rerouted,
            rhetoric: s.rho,
            lock_in: s.lock_in,
            publicity,
            safety_valve: 1.0 - publicity,
            compromise,
            speed,
            progress: speed * compromise,
        }
    }
}

fn dot(w: &[f64], x: &[f64]) -> f64 {
    w.iter().zip(x).map(|(w, x)| w * x).sum()
}

/// Runs the model from day 0 to `days` with internal steps of at most `dt`
/// days, applying each event at its moment before that moment is read.
///
/// Every input is checked first; an invalid one is an error naming it.
pub fn simulate(
    params: &Params,
    senders: &Senders,
    events: &[Event],
    days: u32,
    dt: f64,
) -> Result<Trajectory, ParamError> {
    let prior = params.validate()?;
    if !(dt.is_finite() && dt > 0.0 && dt <= 1.0) {
        return Err(ParamError::new(
            "dt",
            format!("{dt} is not a step between 0 (exclusive) and 1 day"),
        ));
    }
    const MAX_DAYS: u32 = 36_500;
    if days > MAX_DAYS {
        return Err(ParamError::new(
            "days",
            format!("{days} is more than {MAX_DAYS}"),
        ));
    }
    let n = senders.len();
    for (i, e) in events.iter().enumerate() {
        e.validate(n, &format!("events[{i}]"))?;
    }
    let mut events = events.to_vec();
    // A stable sort keeps same-moment events in the order given; the model's
    // leak update commutes, and a test holds that.
    events.sort_by(|x, y| x.day.total_cmp(&y.day));

    let total: f64 = senders.weights.iter().sum();
    let run = Run {
        p: params,
        prior,
        weights: senders.weights.iter().map(|w| w / total).collect(),
    };
    let mut state = run.initial(n);
    let rows = days as usize + 1;
    let mut out = Vec::with_capacity(rows);
    let mut per_sender = Vec::with_capacity(rows * n);
    let mut next = 0;
    let mut t = 0.0_f64;
    // Events closer than this to a moment belong to it (guards float drift).
    const EPS: f64 = 1e-9;
    for day in 0..rows {
        let target = day as f64;
        while t < target - EPS {
            let stop = match events.get(next) {
                Some(e) if e.day > t + EPS && e.day < target - EPS => e.day,
                _ => target,
            };
            let steps = ((stop - t) / dt - EPS).ceil().max(1.0);
            let h = (stop - t) / steps;
            for _ in 0..steps as u64 {
                run.step(&mut state, h);
            }
            t = stop;
            while let Some(e) = events.get(next).filter(|e| e.day <= t + EPS) {
                run.leak(&mut state, e);
                next += 1;
            }
        }
        while let Some(e) = events.get(next).filter(|e| e.day <= t + EPS) {
            run.leak(&mut state, e);
            next += 1;
        }
        out.push(run.read(&state, &mut per_sender));
    }
    Ok(Trajectory {
        days: out,
        senders: n,
        per_sender,
    })
}
