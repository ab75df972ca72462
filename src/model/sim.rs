//! The dynamics: a state of beliefs, candor, rhetoric and lock-in, moved by
//! leaks and relaxed by exact exponential steps, read out once per whole day.
//! `docs/model.md` gives the equations and the sources behind them.

use super::params::{lock_in_target, Params, Prior};
use crate::error::{join, InputError};
use crate::num::short;
use serde::Serialize;
use std::f64::consts::LN_2;

mod trajectory;
pub use trajectory::{Outputs, SenderOutputs, Trajectory};

/// The people whose messages reach the leaker, with their weights in the
/// means. Who they are is story data; the model only needs how many and how much.
#[derive(Clone, Debug, PartialEq)]
pub struct Senders {
    weights: Vec<f64>,
}

impl Senders {
    /// `n` senders of equal weight.
    pub fn equal(n: usize) -> Self {
        Senders {
            weights: vec![1.0; n],
        }
    }

    /// Senders with the given weights; refused if empty, negative, not finite
    /// or all zero.
    pub fn weighted(weights: Vec<f64>) -> Result<Self, InputError> {
        if weights.is_empty() {
            return Err(InputError::new("senders", "needs at least one sender"));
        }
        for (i, w) in weights.iter().enumerate() {
            if !w.is_finite() || *w < 0.0 {
                return Err(InputError::new(
                    format!("senders[{i}].weight"),
                    format!("{} is not a finite weight of 0 or more", short(*w)),
                ));
            }
        }
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return Err(InputError::new("senders", "the weights add up to 0"));
        }
        if !total.is_finite() {
            // Normalising would then turn every weight into 0.
            return Err(InputError::new(
                "senders",
                "the weights add up to more than a number can hold",
            ));
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

/// A leak: on `day`, the leaker posts a private message from `sender`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Day of the post (day 0 is the story's first day); whole or fractional, never negative.
    pub day: f64,
    /// Index of the sender whose message was posted.
    pub sender: usize,
    /// How costly the content was to reveal, from 0 (harmless) to 1.
    pub sensitivity: f64,
}

impl Event {
    /// Checks the event against the number of senders; `at` names it in errors.
    pub fn validate(&self, senders: usize, at: &str) -> Result<(), InputError> {
        if !self.day.is_finite() || self.day < 0.0 {
            return Err(InputError::new(
                join(at, "day"),
                format!("{} is not a day of 0 or later", short(self.day)),
            ));
        }
        if self.sender >= senders {
            return Err(InputError::new(
                join(at, "sender"),
                format!(
                    "{} is not a sender (there are {senders}, numbered from 0)",
                    self.sender
                ),
            ));
        }
        if !(0.0..=1.0).contains(&self.sensitivity) {
            return Err(InputError::new(
                join(at, "sensitivity"),
                format!("{} is outside 0 to 1", short(self.sensitivity)),
            ));
        }
        Ok(())
    }
}

/// The evolving state. Vectors are sized once per run so stepping allocates nothing.
#[derive(Clone, Debug)]
struct State {
    /// ℓ_i: sender i's belief, as log-odds, that the recipient posts private
    /// texts when it suits him (θ_i = 1/(1 + e^(−ℓ_i))).
    belief: Vec<f64>,
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
    /// p̂ = θ·q: the chance that a sensitive message to him becomes public,
    /// for a sender whose belief is `belief` (log-odds of θ).
    fn leak_risk(&self, belief: f64) -> f64 {
        self.p.q / (1.0 + crate::math::exp(-belief))
    }

    fn mean_candor(&self, s: &State) -> f64 {
        dot(&self.weights, &s.candor)
    }

    fn leaker_share(&self, s: &State) -> f64 {
        crate::num::clamp(self.mean_candor(s) / self.prior.candor0, 0.0, 1.0)
    }

    fn initial(&self, n: usize) -> State {
        State {
            belief: vec![self.prior.belief0; n],
            candor: vec![self.prior.candor0; n],
            rho: self.p.rho0,
            lock_in: self.prior.lock_in0,
        }
    }

    /// Bayes' rule in log-odds: a post of sensitivity s multiplies the
    /// victim's odds that the recipient is a poster by e^(λ·s^η), and every
    /// other sender's by e^(γ·λ·s^η).
    fn leak(&self, s: &mut State, e: &Event) {
        let evidence = self.p.lambda * crate::math::pow(e.sensitivity, self.p.eta);
        for (i, belief) in s.belief.iter_mut().enumerate() {
            *belief += if i == e.sender {
                evidence
            } else {
                self.p.gamma * evidence
            };
        }
        s.rho += self.p.chi * e.sensitivity * (1.0 - s.rho);
    }

    /// The candor a sender chooses at this belief: κ* = min(1, k / p̂).
    fn candor_target(&self, belief: f64) -> f64 {
        (self.p.k / self.leak_risk(belief)).min(1.0)
    }

    /// ρ*: where rhetoric settles when the leaker has lost `1 − share` of his traffic.
    fn rhetoric_target(&self, share: f64) -> f64 {
        let p = self.p;
        p.rho0 + (1.0 - p.rho0) * p.xi * (1.0 - share).max(0.0)
    }

    /// One exact-exponential step of length `h` days (docs/model.md, steps 1–4).
    ///
    /// Candor and rhetoric relax towards targets that themselves move during
    /// the step; each is taken to move linearly from its value at the start
    /// of the step to its value at the end (`relax`), and lock-in follows the
    /// rhetoric of the step's midpoint. Reading the targets only at the end
    /// lagged them by half a step, which let dt = 1 and dt = 0.25 differ by
    /// more than 0.005 after a strong leak.
    fn step(&self, s: &mut State, h: f64) {
        let p = self.p;
        // exp, not exp2: the same 2^(−h/H), without libm's 4 KB exp2 table in the wasm.
        let delta = crate::math::exp(-h * LN_2 / p.half_life);
        let belief0 = self.prior.belief0;
        let candor_rate = Relaxation::new(h, p.tau_candor);
        let rho_target_start = self.rhetoric_target(self.leaker_share(s));
        for i in 0..s.belief.len() {
            let target_start = self.candor_target(s.belief[i]);
            // What was learnt fades with half-life H: the log-odds return
            // towards the prior, exactly, whatever the step.
            s.belief[i] = belief0 + (s.belief[i] - belief0) * delta;
            let target_end = self.candor_target(s.belief[i]);
            s.candor[i] = candor_rate.relax(s.candor[i], target_start, target_end);
        }
        let rho_start = s.rho;
        let rho_target_end = self.rhetoric_target(self.leaker_share(s));
        s.rho = Relaxation::new(h, p.tau_rhetoric).relax(s.rho, rho_target_start, rho_target_end);
        let rho_mid = 0.5 * (rho_start + s.rho);
        let lambda = p.phi * rho_mid + p.psi * (1.0 - rho_mid);
        let lock_target = lock_in_target(p.phi, p.psi, rho_mid);
        s.lock_in = lock_target + (s.lock_in - lock_target) * crate::math::exp(-lambda * h);
    }

    fn read(&self, s: &State, per_sender: &mut Vec<SenderOutputs>) -> Outputs {
        let p = self.p;
        let mut leak_risk = 0.0;
        for i in 0..s.belief.len() {
            let risk = self.leak_risk(s.belief[i]);
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
        let compromise = crate::num::clamp((win_set - p.d) / (1.0 - p.d), 0.0, 1.0);
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

/// Exact solution of x′ = (x*(t) − x)/τ over a step of length h when the
/// target x* moves linearly from `start` to `end`:
/// x ← end + (x − start)·e^(−h/τ) − (end − start)·(τ/h)(1 − e^(−h/τ)).
/// The result is a convex combination of x, `start` and `end`, so it stays
/// in their range and rises with each of them; with a fixed target it is the
/// plain exponential update of docs/model.md.
struct Relaxation {
    /// e^(−h/τ): how much of the old gap survives the step.
    keep: f64,
    /// (τ/h)(1 − e^(−h/τ)): the weight of the target's lag.
    lag: f64,
}

impl Relaxation {
    fn new(h: f64, tau: f64) -> Self {
        let u = h / tau;
        Relaxation {
            keep: crate::math::exp(-u),
            lag: -(-u).exp_m1() / u,
        }
    }

    fn relax(&self, x: f64, start: f64, end: f64) -> f64 {
        end + (x - start) * self.keep - (end - start) * self.lag
    }
}

fn dot(w: &[f64], x: &[f64]) -> f64 {
    w.iter().zip(x).map(|(w, x)| w * x).sum()
}

/// The smallest internal step accepted, in days. The updates are exact
/// exponentials, so finer steps change nothing visible; a much finer one
/// would only make a run take for ever (there are ⌈1/dt⌉ steps per day).
pub const MIN_DT: f64 = 1e-3;

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
) -> Result<Trajectory, InputError> {
    let prior = params.validate()?;
    if !(dt.is_finite() && (MIN_DT..=1.0).contains(&dt)) {
        return Err(InputError::new(
            "dt",
            format!(
                "{} is not a step between {} and 1 day",
                short(dt),
                short(MIN_DT)
            ),
        ));
    }
    const MAX_DAYS: u32 = 36_500;
    if days > MAX_DAYS {
        return Err(InputError::new(
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
    crate::sort::sort_by(&mut events, |x, y| x.day.total_cmp(&y.day).is_lt());

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
