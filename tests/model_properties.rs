//! Property tests of the leak model: every property listed at the end of
//! model.md, checked on random valid parameter sets and random leaks.

use backchannel::model::scenario::{MACRON, RUTTE};
use backchannel::model::{
    simulate, Event, ParamError, ParamId, Params, Senders, Trajectory, DESCRIPTORS, OUTPUT_NAMES,
};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::f64::consts::LN_2;

const SENDERS: usize = Senders::DEFAULT_COUNT;
/// 20 January 2026, the day both January texts were posted.
const JANUARY: f64 = 210.0;

/// 64 cases per property keeps the file at a fraction of a second;
/// `MODEL_PROPTEST_CASES=5000` gives a deeper search.
fn config() -> Config {
    let cases = std::env::var("MODEL_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        max_global_rejects: 1024.max(cases / 4),
        // Keep the source tree clean: no regression files next to the tests.
        failure_persistence: None,
        ..Config::default()
    }
}

fn run(p: &Params, events: &[Event], days: u32, dt: f64) -> Trajectory {
    simulate(p, &Senders::default(), events, days, dt)
        .unwrap_or_else(|e| panic!("valid input refused: {e}\nparams: {p:?}\nevents: {events:?}"))
}

/// β₀ and the stability guard, computed independently of `Params::validate`.
fn prior_checks(p: &Params) -> (f64, f64) {
    let candor0 = (p.k / p.p0).min(1.0);
    let b_ss = p.r_ok * candor0 * p.half_life / LN_2;
    let beta0 = (1.0 - p.p0) * p.n0 - b_ss;
    let guard = p.k * p.r_ok * p.half_life / (LN_2 * p.p0 * p.n0);
    (beta0, guard)
}

fn with_values(values: &[f64]) -> Params {
    let mut p = Params::default();
    for (d, v) in DESCRIPTORS.iter().zip(values) {
        p.set(d.id, *v)
            .unwrap_or_else(|e| panic!("in-range value refused: {e}"));
    }
    p
}

/// One parameter: mostly uniform in its range, sometimes exactly at an end.
fn in_range(min: f64, max: f64) -> BoxedStrategy<f64> {
    prop_oneof![6 => min..=max, 1 => Just(min), 1 => Just(max)].boxed()
}

/// Every parameter inside its range; the combination may still be refused.
fn in_range_params() -> impl Strategy<Value = Params> {
    DESCRIPTORS
        .iter()
        .map(|d| in_range(d.min, d.max))
        .collect::<Vec<_>>()
        .prop_map(|v| with_values(&v))
}

/// A parameter set `Params::validate` accepts.
fn valid_params() -> impl Strategy<Value = Params> {
    in_range_params().prop_filter("prior must be valid (β₀ > 0, guard < 1)", |p| {
        p.validate().is_ok()
    })
}

/// A day in 0..400, whole or fractional.
fn day() -> impl Strategy<Value = f64> {
    prop_oneof![(0u32..400).prop_map(f64::from), 0.0..400.0]
}

fn event() -> impl Strategy<Value = Event> {
    (day(), 0..SENDERS, 0.0..=1.0).prop_map(|(day, sender, sensitivity)| Event {
        day,
        sender,
        sensitivity,
    })
}

fn events(max: usize) -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec(event(), 0..=max)
}

/// All outputs and per-sender values of two runs, pairwise, with a label.
fn pairs<'a>(
    a: &'a Trajectory,
    b: &'a Trajectory,
) -> impl Iterator<Item = (usize, String, f64, f64)> + 'a {
    assert_eq!(a.last_day(), b.last_day());
    (0..=a.last_day()).flat_map(move |day| {
        let outputs = OUTPUT_NAMES
            .iter()
            .zip(a.at(day).values().into_iter().zip(b.at(day).values()))
            .map(move |(name, (x, y))| (day, name.to_string(), x, y));
        let senders = a
            .senders_at(day)
            .iter()
            .zip(b.senders_at(day))
            .enumerate()
            .flat_map(move |(i, (x, y))| {
                [
                    (
                        day,
                        format!("senders[{i}].leak_risk"),
                        x.leak_risk,
                        y.leak_risk,
                    ),
                    (day, format!("senders[{i}].candor"), x.candor, y.candor),
                ]
            });
        outputs.chain(senders).collect::<Vec<_>>()
    })
}

/// The largest difference between two runs, and where it is.
fn max_gap(a: &Trajectory, b: &Trajectory) -> (f64, usize, String) {
    pairs(a, b)
        .map(|(day, name, x, y)| ((x - y).abs(), day, name))
        .fold((0.0, 0, String::new()), |best, cur| {
            if cur.0 > best.0 || cur.0.is_nan() {
                cur
            } else {
                best
            }
        })
}

fn assert_in_unit_range(t: &Trajectory) -> Result<(), TestCaseError> {
    for (day, o) in t.days().iter().enumerate() {
        for (name, v) in OUTPUT_NAMES.iter().zip(o.values()) {
            prop_assert!(
                (0.0..=1.0).contains(&v),
                "{name} = {v} on day {day} is outside [0,1]"
            );
        }
        prop_assert!(
            (o.leaker_share + o.rerouted - 1.0).abs() <= 1e-12,
            "C + R = {} on day {day}",
            o.leaker_share + o.rerouted
        );
        prop_assert!(
            (o.trust - (1.0 - o.leak_risk)).abs() <= 1e-12,
            "trust {} != 1 - leak_risk {} on day {day}",
            o.trust,
            o.leak_risk
        );
        prop_assert!(
            (o.safety_valve - (1.0 - o.publicity)).abs() <= 1e-12,
            "V != 1 - π on day {day}"
        );
        prop_assert_eq!(t.senders_at(day).len(), SENDERS);
        for (i, s) in t.senders_at(day).iter().enumerate() {
            prop_assert!(
                (0.0..=1.0).contains(&s.leak_risk) && (0.0..=1.0).contains(&s.candor),
                "sender {i} on day {day}: {s:?} outside [0,1]"
            );
        }
    }
    Ok(())
}

/// The slowest return to rest, as a half-life in days: the memory half-life
/// stretched by the candor feedback (less candor, less evidence of
/// discretion, more risk: rate (1 − guard)·ln 2 / H wherever candor is below
/// 1, even when it is 1 at rest), lock-in (rate ≥ min(φ, ψ)), candor and
/// rhetoric.
fn slowest_half_life(p: &Params) -> f64 {
    let (_, guard) = prior_checks(p);
    [
        p.half_life / (1.0 - guard),
        LN_2 / p.phi.min(p.psi),
        LN_2 * p.tau_candor,
        LN_2 * p.tau_rhetoric,
    ]
    .into_iter()
    .fold(0.0, f64::max)
}

proptest! {
    #![proptest_config(config())]

    /// Every output stays in [0,1]; C + R = 1; trust = 1 − leak risk.
    #[test]
    fn outputs_stay_in_unit_range(p in valid_params(), ev in events(4), dt in prop_oneof![Just(1.0), Just(0.25), 0.01..=1.0]) {
        let t = run(&p, &ev, 400, dt);
        prop_assert_eq!(t.days().len(), 401);
        assert_in_unit_range(&t)?;
    }

    /// With no events the state never moves: the baseline is a fixed point.
    #[test]
    fn baseline_is_a_fixed_point(p in valid_params(), dt in prop_oneof![Just(1.0), Just(0.25), 0.01..=1.0]) {
        let t = run(&p, &[], 730, dt);
        let day0 = t.at(0).values();
        let senders0 = t.senders_at(0).to_vec();
        for day in 0..=t.last_day() {
            for ((name, v), v0) in OUTPUT_NAMES.iter().zip(t.at(day).values()).zip(day0) {
                prop_assert!((v - v0).abs() <= 1e-9, "{name} moved from {v0} to {v} by day {day}");
            }
            for (s, s0) in t.senders_at(day).iter().zip(&senders0) {
                prop_assert!((s.leak_risk - s0.leak_risk).abs() <= 1e-9 && (s.candor - s0.candor).abs() <= 1e-9,
                    "a sender moved by day {day}: {s0:?} -> {s:?}");
            }
        }
        // And that resting point is the prior: leak risk p₀, candor κ₀.
        let o = t.at(0);
        prop_assert!((o.leak_risk - p.p0).abs() <= 1e-12, "leak risk at rest {} != p0 {}", o.leak_risk, p.p0);
        prop_assert!((o.candor - (p.k / p.p0).min(1.0)).abs() <= 1e-12);
        prop_assert!((o.rhetoric - p.rho0).abs() <= 1e-12);
        prop_assert!((o.leaker_share - 1.0).abs() <= 1e-12);
    }

    /// A more sensitive leak (same moment, same victim) gives leak risk,
    /// rhetoric and lock-in at least as high and candor and compromise at
    /// least as low, on every day, whatever else leaks.
    #[test]
    fn more_sensitive_leak_is_worse_every_day(
        p in valid_params(),
        background in events(3),
        at in day(),
        sender in 0..SENDERS,
        s in (0.0..=1.0f64, 0.0..=1.0f64),
    ) {
        let (s1, s2) = (s.0.min(s.1), s.0.max(s.1));
        let with = |sensitivity| {
            let mut ev = background.clone();
            ev.push(Event { day: at, sender, sensitivity });
            run(&p, &ev, 400, 1.0)
        };
        let (low, high) = (with(s1), with(s2));
        assert_worse_or_equal(&low, &high, &format!("s {s1} -> {s2}"))?;
    }

    /// The same holds as γ (learning from others' leaks) rises.
    #[test]
    fn more_learning_from_others_is_worse_every_day(
        p in valid_params(),
        ev in prop::collection::vec(event(), 1..=4),
        g in (0.3..=1.0f64, 0.3..=1.0f64),
    ) {
        let (g1, g2) = (g.0.min(g.1), g.0.max(g.1));
        let with = |gamma| {
            let mut q = p;
            q.set(ParamId::Gamma, gamma).unwrap();
            run(&q, &ev, 400, 1.0)
        };
        let (low, high) = (with(g1), with(g2));
        assert_worse_or_equal(&low, &high, &format!("gamma {g1} -> {g2}"))?;
    }

    /// The minimum room for compromise after a Rutte-type leak (s = 0.15) is
    /// above the minimum after a Macron-type leak (s = 0.6), both on day 210.
    #[test]
    fn rutte_type_leak_costs_less_compromise_than_macron_type(p in valid_params()) {
        let min_after = |sender, sensitivity| {
            let t = run(&p, &[Event { day: JANUARY, sender, sensitivity }], 610, 1.0);
            t.days()[JANUARY as usize..].iter().map(|o| o.compromise).fold(f64::INFINITY, f64::min)
        };
        let rutte = min_after(RUTTE, 0.15);
        let macron = min_after(MACRON, 0.6);
        // Z is clamped at 0: where even the Rutte-type leak (or the baseline)
        // leaves no room at all, both minima are 0 and cannot be ordered.
        if rutte > 0.0 {
            prop_assert!(rutte > macron, "min Z after Rutte-type {rutte} is not above Macron-type {macron}");
        } else {
            prop_assert_eq!(macron, 0.0);
        }
    }

    /// Two events at the same moment give the same trajectory in either order
    /// (and the order of the list does not matter at all).
    #[test]
    fn same_moment_events_commute(
        p in valid_params(),
        background in events(3),
        at in day(),
        e1 in (0..SENDERS, 0.0..=1.0f64),
        e2 in (0..SENDERS, 0.0..=1.0f64),
    ) {
        let first = Event { day: at, sender: e1.0, sensitivity: e1.1 };
        let second = Event { day: at, sender: e2.0, sensitivity: e2.1 };
        let mut forward = background.clone();
        forward.extend([first, second]);
        let mut backward = vec![second, first];
        backward.extend(background.iter().rev());
        let (a, b) = (run(&p, &forward, 400, 1.0), run(&p, &backward, 400, 1.0));
        let (gap, day, name) = max_gap(&a, &b);
        prop_assert!(gap <= 1e-12, "order changed {name} on day {day} by {gap}");
    }

    /// dt = 1 and dt = 0.25 agree within 0.005 on every output, at the defaults.
    #[test]
    fn step_size_barely_matters_at_defaults(ev in events(4)) {
        let p = Params::default();
        let (coarse, fine) = (run(&p, &ev, 400, 1.0), run(&p, &ev, 400, 0.25));
        let (gap, day, name) = max_gap(&coarse, &fine);
        prop_assert!(gap <= 0.005, "dt 1 vs 0.25: {name} differs by {gap} on day {day}");
    }

    /// ... and at random valid parameters.
    #[test]
    fn step_size_barely_matters(p in valid_params(), ev in events(4)) {
        let (coarse, fine) = (run(&p, &ev, 400, 1.0), run(&p, &ev, 400, 0.25));
        let (gap, day, name) = max_gap(&coarse, &fine);
        prop_assert!(gap <= 0.005, "dt 1 vs 0.25: {name} differs by {gap} on day {day}\nparams: {p:?}\nevents: {ev:?}");
    }

    /// After the last event everything drifts back to the kept-private baseline.
    #[test]
    fn everything_returns_to_baseline(
        p in valid_params(),
        ev in prop::collection::vec((0.0..=JANUARY, 0..SENDERS, 0.0..=1.0f64), 1..=4),
    ) {
        let mut ev: Vec<Event> = ev
            .into_iter()
            .map(|(day, sender, sensitivity)| Event { day, sender, sensitivity })
            .collect();
        // The last leak is on day 210, as in the story.
        ev.push(Event { day: JANUARY, sender: MACRON, sensitivity: 0.6 });
        let horizon = JANUARY + 24.0 * slowest_half_life(&p);
        prop_assume!(horizon <= 36_500.0, "return too slow to simulate: {} days", horizon);
        let days = horizon.ceil() as u32;
        let t = run(&p, &ev, days, 1.0);
        let rest = run(&p, &[], 0, 1.0);
        // It really moved away first.
        prop_assert!(t.at(JANUARY as usize).compromise < rest.at(0).compromise || rest.at(0).compromise == 0.0);
        prop_assert!(t.at(JANUARY as usize).leak_risk > rest.at(0).leak_risk);
        for ((name, v), v0) in OUTPUT_NAMES.iter().zip(t.at(days as usize).values()).zip(rest.at(0).values()) {
            prop_assert!((v - v0).abs() <= 1e-3, "{name} is {v} on day {days}, baseline {v0}\nparams: {p:?}\nevents: {ev:?}");
        }
        for (i, (s, s0)) in t.senders_at(days as usize).iter().zip(rest.senders_at(0)).enumerate() {
            prop_assert!((s.leak_risk - s0.leak_risk).abs() <= 1e-3 && (s.candor - s0.candor).abs() <= 1e-3,
                "sender {i} on day {days}: {s:?}, baseline {s0:?}");
        }
    }
}

// Checks of refusals cost a validation and at most a short run each, so they
// search 16 times wider (β₀ ≤ 0 needs a small n₀ and a large r_ok·H at once).
proptest! {
    #![proptest_config(Config { cases: config().cases * 16, ..config() })]

    /// `validate` accepts exactly the in-range sets with β₀ > 0 and guard < 1,
    /// and names the parameter to change otherwise.
    #[test]
    fn prior_conditions_are_checked(p in in_range_params()) {
        let (beta0, guard) = prior_checks(&p);
        let simulated = simulate(&p, &Senders::default(), &[], 10, 1.0).map(|_| ());
        match p.validate() {
            Ok(prior) => {
                prop_assert!(beta0 > 0.0 && guard < 1.0, "accepted β₀ = {beta0}, guard = {guard}");
                prop_assert!((prior.beta0 - beta0).abs() <= 1e-12);
                prop_assert!(simulated.is_ok());
            }
            Err(e) => {
                let field = if beta0 <= 0.0 { "n0" } else { "r_ok" };
                prop_assert!(beta0 <= 0.0 || guard >= 1.0, "refused β₀ = {beta0}, guard = {guard}: {e}");
                prop_assert_eq!(e.field.as_str(), field);
                prop_assert!(e.to_string().starts_with(&format!("{field}: ")), "{}", e);
                prop_assert_eq!(simulated, Err(e));
            }
        }
    }

    /// One value out of its range (or NaN, or infinite) is refused by name,
    /// by `set`, `set_by_key`, `validate` and `simulate` alike.
    #[test]
    fn out_of_range_values_are_refused_by_name(
        p in valid_params(),
        which in 0..DESCRIPTORS.len(),
        bad in prop_oneof![
            Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY),
            (0.0..1e6f64).prop_map(|x| -x - f64::MIN_POSITIVE),
            (0.0..1.0f64).prop_map(|x| -x),
            (1.0..1e6f64),
        ],
    ) {
        let d = &DESCRIPTORS[which];
        // Map `bad` outside [min, max]: shift anything below 0 under min and
        // anything else above max.
        let value = if bad.is_nan() || bad.is_infinite() {
            bad
        } else if bad < 0.0 || bad.is_sign_negative() {
            (d.min + bad).min(d.min.next_down())
        } else {
            d.max + bad
        };
        prop_assert!(value.is_nan() || value < d.min || value > d.max);
        let mut q = p;
        let e = q.set(d.id, value).unwrap_err();
        prop_assert_eq!(&e.field, d.key);
        prop_assert_eq!(q, p, "a refused value was stored");
        prop_assert_eq!(q.set_by_key(d.key, value).unwrap_err(), e.clone());
        // Bypass `set` the way a hand-built struct could.
        let mut raw = p;
        set_raw(&mut raw, d.id, value);
        let v = raw.validate().unwrap_err();
        prop_assert_eq!(&v.field, d.key);
        prop_assert!(v.to_string().starts_with(&format!("{}: ", d.key)), "{}", v);
        prop_assert_eq!(simulate(&raw, &Senders::default(), &[], 10, 1.0).unwrap_err(), v);
    }

    /// One invalid event in a list is refused, naming its index and field.
    #[test]
    fn invalid_events_are_refused_by_name(
        ev in prop::collection::vec(event(), 1..=4),
        which in any::<prop::sample::Index>(),
        fault in 0..8usize,
        x in 1e-9..1e6f64,
    ) {
        let i = which.index(ev.len());
        let mut ev = ev;
        let field = match fault {
            0 => { ev[i].day = -x; "day" }
            1 => { ev[i].day = f64::NAN; "day" }
            2 => { ev[i].day = f64::INFINITY; "day" }
            3 => { ev[i].sender = SENDERS + (x as usize % 100); "sender" }
            4 => { ev[i].sensitivity = -x; "sensitivity" }
            5 => { ev[i].sensitivity = 1.0 + x; "sensitivity" }
            6 => { ev[i].sensitivity = f64::NAN; "sensitivity" }
            _ => { ev[i].sensitivity = f64::INFINITY; "sensitivity" }
        };
        let e = simulate(&Params::default(), &Senders::default(), &ev, 400, 1.0).unwrap_err();
        let name = format!("events[{i}].{field}");
        prop_assert_eq!(&e.field, &name);
        prop_assert!(e.to_string().starts_with(&format!("{name}: ")), "{}", e);
    }

    /// Nothing panics: whatever the bits of the parameters, the step, the
    /// horizon and the events, `simulate` returns an error or valid outputs.
    #[test]
    fn simulate_never_panics(
        p in wild_params(),
        dt in prop_oneof![3 => Just(1.0), 1 => 0.01..=1.0, 2 => wild(0.0, 1.0)],
        days in prop_oneof![0..60u32, Just(36_501u32), any::<u32>()],
        ev in prop::collection::vec(
            (wild(0.0, 60.0), prop_oneof![0..SENDERS, any::<usize>()], wild(0.0, 1.0)),
            0..4,
        ),
    ) {
        let ev: Vec<Event> = ev
            .into_iter()
            .map(|(day, sender, sensitivity)| Event { day, sender, sensitivity })
            .collect();
        let valid = p.validate().is_ok()
            && (1e-3..=1.0).contains(&dt)
            && days <= 36_500
            && ev.iter().all(|e| e.day >= 0.0 && e.day.is_finite() && e.sender < SENDERS && (0.0..=1.0).contains(&e.sensitivity));
        // A valid run that long takes a while in a test; refusals are instant.
        let days_to_run = if valid { days.min(400) } else { days };
        match simulate(&p, &Senders::default(), &ev, days_to_run, dt) {
            Ok(t) => {
                prop_assert!(valid, "accepted invalid input: {p:?} dt {dt} days {days} events {ev:?}");
                prop_assert_eq!(t.last_day(), days_to_run as usize);
                assert_in_unit_range(&t)?;
            }
            Err(e) => {
                prop_assert!(!valid, "refused valid input: {e}");
                let known = DESCRIPTORS.iter().any(|d| d.key == e.field)
                    || ["dt", "days"].contains(&e.field.as_str())
                    || e.field.starts_with("events[");
                prop_assert!(known, "error names no parameter: {e}");
            }
        }
    }
}

/// Checks `high` is at least as bad as `low` on every day (1e-12 slack).
fn assert_worse_or_equal(
    low: &Trajectory,
    high: &Trajectory,
    what: &str,
) -> Result<(), TestCaseError> {
    const SLACK: f64 = 1e-12;
    for day in 0..=low.last_day() {
        let (l, h) = (low.at(day), high.at(day));
        for (name, lv, hv) in [
            ("leak_risk", l.leak_risk, h.leak_risk),
            ("rhetoric", l.rhetoric, h.rhetoric),
            ("lock_in", l.lock_in, h.lock_in),
            ("publicity", l.publicity, h.publicity),
            ("rerouted", l.rerouted, h.rerouted),
        ] {
            prop_assert!(
                hv >= lv - SLACK,
                "{what}: {name} fell from {lv} to {hv} on day {day}"
            );
        }
        for (name, lv, hv) in [
            ("candor", l.candor, h.candor),
            ("compromise", l.compromise, h.compromise),
            ("leaker_share", l.leaker_share, h.leaker_share),
            ("progress", l.progress, h.progress),
        ] {
            prop_assert!(
                hv <= lv + SLACK,
                "{what}: {name} rose from {lv} to {hv} on day {day}"
            );
        }
        for (i, (ls, hs)) in low
            .senders_at(day)
            .iter()
            .zip(high.senders_at(day))
            .enumerate()
        {
            prop_assert!(
                hs.leak_risk >= ls.leak_risk - SLACK && hs.candor <= ls.candor + SLACK,
                "{what}: sender {i} on day {day}: {ls:?} -> {hs:?}"
            );
        }
    }
    Ok(())
}

/// Writes a field directly, bypassing `set`'s range check.
fn set_raw(p: &mut Params, id: ParamId, v: f64) {
    match id {
        ParamId::P0 => p.p0 = v,
        ParamId::N0 => p.n0 = v,
        ParamId::Eta => p.eta = v,
        ParamId::Gamma => p.gamma = v,
        ParamId::HalfLife => p.half_life = v,
        ParamId::ROk => p.r_ok = v,
        ParamId::K => p.k = v,
        ParamId::TauCandor => p.tau_candor = v,
        ParamId::TauRhetoric => p.tau_rhetoric = v,
        ParamId::Rho0 => p.rho0 = v,
        ParamId::Xi => p.xi = v,
        ParamId::Chi => p.chi = v,
        ParamId::Phi => p.phi = v,
        ParamId::Psi => p.psi = v,
        ParamId::Sigma => p.sigma = v,
        ParamId::D => p.d = v,
        ParamId::ThetaB => p.theta_b = v,
    }
}

/// Any f64 at all, with the awkward ones and the range's edges often.
fn wild(min: f64, max: f64) -> BoxedStrategy<f64> {
    prop_oneof![
        3 => min..=max,
        2 => any::<u64>().prop_map(f64::from_bits),
        2 => prop::sample::select(vec![
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            5e-324,
            1e-300,
            f64::MAX,
            f64::MIN,
            min,
            max,
            min.next_down(),
            max.next_up(),
        ]),
    ]
    .boxed()
}

/// Parameter sets that are often valid and often wildly not.
fn wild_params() -> impl Strategy<Value = Params> {
    DESCRIPTORS
        .iter()
        .map(|d| prop_oneof![16 => d.min..=d.max, 1 => wild(d.min, d.max)].boxed())
        .collect::<Vec<_>>()
        .prop_map(|values| {
            let mut p = Params::default();
            for (d, v) in DESCRIPTORS.iter().zip(values) {
                set_raw(&mut p, d.id, v);
            }
            p
        })
}

#[test]
fn set_raw_covers_every_parameter() {
    // `set_raw` must write the field `get` reads, or the tests above lie.
    for (i, d) in DESCRIPTORS.iter().enumerate() {
        let mut p = Params::default();
        set_raw(&mut p, d.id, 1234.5 + i as f64);
        assert_eq!(p.get(d.id), 1234.5 + i as f64, "{}", d.key);
    }
}

#[test]
fn every_out_of_range_value_names_its_parameter() {
    for d in &DESCRIPTORS {
        let span = d.max - d.min;
        for bad in [
            d.min - span.max(1.0),
            d.min.next_down(),
            d.max.next_up(),
            d.max + span.max(1.0),
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let mut p = Params::default();
            let e = p.set(d.id, bad).unwrap_err();
            assert_eq!(e.field, d.key, "{bad}");
            assert!(e.to_string().starts_with(&format!("{}: ", d.key)), "{e}");
            assert_eq!(p, Params::default(), "refused {bad} was stored");
            let mut raw = Params::default();
            set_raw(&mut raw, d.id, bad);
            let e = simulate(&raw, &Senders::default(), &[], 10, 1.0).unwrap_err();
            assert_eq!(e.field, d.key, "{bad}");
        }
        // The ends themselves are accepted.
        let mut p = Params::default();
        p.set(d.id, d.min).unwrap();
        p.set(d.id, d.max).unwrap();
    }
}

#[test]
fn beta0_at_or_below_zero_is_refused_naming_n0() {
    let mut p = Params::default();
    for (id, v) in [
        (ParamId::P0, 0.1),
        (ParamId::N0, 5.0),
        (ParamId::ROk, 0.01),
        (ParamId::K, 0.08),
        (ParamId::HalfLife, 730.0),
    ] {
        p.set(id, v).unwrap();
    }
    let (beta0, _) = prior_checks(&p);
    assert!(beta0 <= 0.0, "test set-up: β₀ = {beta0}");
    let e = p.validate().unwrap_err();
    assert_eq!(e.field, "n0");
    assert!(e.to_string().starts_with("n0: "), "{e}");
    assert!(e.problem.contains("β₀"), "{e}");
    assert_eq!(
        simulate(&p, &Senders::default(), &[], 10, 1.0).unwrap_err(),
        e
    );
}

#[test]
fn unstable_baseline_is_refused_naming_r_ok() {
    let mut p = Params::default();
    for (id, v) in [
        (ParamId::P0, 0.01),
        (ParamId::N0, 40.0),
        (ParamId::ROk, 0.01),
        (ParamId::K, 0.08),
        (ParamId::HalfLife, 730.0),
    ] {
        p.set(id, v).unwrap();
    }
    let (beta0, guard) = prior_checks(&p);
    assert!(
        beta0 > 0.0 && guard >= 1.0,
        "set-up: β₀ {beta0}, guard {guard}"
    );
    let e = p.validate().unwrap_err();
    assert_eq!(e.field, "r_ok");
    assert!(e.to_string().starts_with("r_ok: "), "{e}");
    // Just inside the guard it is accepted again.
    p.set(ParamId::ROk, 0.99 * 0.01 / guard).unwrap();
    p.validate().unwrap();
}

#[test]
fn unknown_parameter_id_is_named() {
    let mut p = Params::default();
    let e = p.set_by_key("p_zero", 0.05).unwrap_err();
    assert_eq!(e.field, "p_zero");
    assert!(e.to_string().starts_with("p_zero: "), "{e}");
    // The message lists the ids that do exist.
    for d in &DESCRIPTORS {
        assert!(e.problem.contains(d.key), "{e}");
    }
    assert_eq!(p, Params::default());
    // And the known ids round-trip.
    for d in &DESCRIPTORS {
        assert_eq!(ParamId::from_key(d.key), Some(d.id));
        assert_eq!(d.id.key(), d.key);
        p.set_by_key(d.key, d.max).unwrap();
        assert_eq!(p.get(d.id), d.max);
    }
}

#[test]
fn bad_step_and_horizon_are_refused_by_name() {
    let p = Params::default();
    let s = Senders::default();
    for dt in [0.0, -0.0, -1.0, 1.5, f64::NAN, f64::INFINITY] {
        let e: ParamError = simulate(&p, &s, &[], 10, dt).unwrap_err();
        assert_eq!(e.field, "dt", "{dt}");
    }
    assert_eq!(
        simulate(&p, &s, &[], 36_501, 1.0).unwrap_err().field,
        "days"
    );
    assert_eq!(
        simulate(&p, &s, &[], 36_500, 1.0).unwrap().last_day(),
        36_500
    );
    assert_eq!(simulate(&p, &s, &[], 0, 1.0).unwrap().days().len(), 1);
}

/// A positive but tiny step used to be accepted and then loop for ever
/// (ceil(1/dt) steps per day); it must be refused promptly.
#[test]
fn tiny_step_is_refused_not_run_for_ever() {
    for dt in [5e-324, 1e-300, 1e-9, 1e-4] {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let r = simulate(&Params::default(), &Senders::default(), &[], 400, dt);
            let _ = tx.send(r.map(|t| t.last_day()));
        });
        let r = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("simulate with dt = {dt:e} did not return within 10 s"));
        assert_eq!(r.unwrap_err().field, "dt", "{dt}");
    }
    // The smallest accepted step still runs.
    let t = simulate(&Params::default(), &Senders::default(), &[], 2, 1e-3).unwrap();
    assert_eq!(t.last_day(), 2);
}

#[test]
fn bad_sender_weights_are_refused() {
    assert_eq!(Senders::weighted(vec![]).unwrap_err().field, "senders");
    assert_eq!(
        Senders::weighted(vec![1.0, -1.0]).unwrap_err().field,
        "senders[1].weight"
    );
    assert_eq!(
        Senders::weighted(vec![f64::NAN]).unwrap_err().field,
        "senders[0].weight"
    );
    assert_eq!(
        Senders::weighted(vec![0.0, 0.0]).unwrap_err().field,
        "senders"
    );
    // Weights too large to add up used to be accepted and then read as all 0.
    assert_eq!(
        Senders::weighted(vec![f64::MAX, f64::MAX])
            .unwrap_err()
            .field,
        "senders"
    );
    // Equal weights of any size are the default senders.
    let p = Params::default();
    let ev = [Event {
        day: 3.0,
        sender: 2,
        sensitivity: 0.5,
    }];
    let plain = simulate(&p, &Senders::equal(3), &ev, 30, 1.0).unwrap();
    let scaled = simulate(&p, &Senders::weighted(vec![7.0; 3]).unwrap(), &ev, 30, 1.0).unwrap();
    assert!(max_gap(&plain, &scaled).0 <= 1e-12);
}
