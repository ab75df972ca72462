//! Property tests of the leak model: every property listed in
//! docs/model.md ("Invariants"), checked on random valid parameter sets and random leaks. The
//! expectations are behaviour (orderings, invariances, refusals that name a
//! parameter), never the model's or `Params::validate`'s arithmetic redone.

use backchannel::error::InputError;
use backchannel::model::{simulate, Event, ParamId, Params, Senders, Trajectory, DESCRIPTORS};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// A day's outputs in the runner's column order, and their names.
fn values(o: &backchannel::model::Outputs) -> [f64; 12] {
    backchannel::model::Output::ALL.map(|x| x.value(o))
}
const NAMES: [&str; 12] = [
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

/// docs/model.md: N = 6 allied senders of equal weight.
const SENDERS: usize = 6;
/// Macron and Rutte are two of the six (docs/model.md); their indices are our choice.
const MACRON: usize = 0;
const RUTTE: usize = 1;
/// docs/model.md, "Scenarios": 20 January 2026 = day 210, when both January texts were posted.
const JANUARY: f64 = 210.0;
/// docs/model.md, parameter table: s of Macron's Greenland text and of Rutte's January text.
const MACRON_S: f64 = 0.6;
const RUTTE_JAN_S: f64 = 0.15;

fn senders() -> Senders {
    Senders::equal(SENDERS)
}

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
    simulate(p, &senders(), events, days, dt)
        .unwrap_or_else(|e| panic!("valid input refused: {e}\nparams: {p:?}\nevents: {events:?}"))
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

/// Every parameter inside its range: every such set is valid.
fn valid_params() -> impl Strategy<Value = Params> {
    DESCRIPTORS
        .iter()
        .map(|d| in_range(d.min, d.max))
        .collect::<Vec<_>>()
        .prop_map(|v| with_values(&v))
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
        let outputs = NAMES
            .iter()
            .zip(values(a.at(day)).into_iter().zip(values(b.at(day))))
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
        for (name, v) in NAMES.iter().zip(values(o)) {
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

/// The largest distance, over every output and sender, between day `day`
/// of `t` and the resting point `rest`.
fn gap_to_rest(t: &Trajectory, day: usize, rest: &Trajectory) -> f64 {
    let outputs = values(t.at(day))
        .into_iter()
        .zip(values(rest.at(0)))
        .map(|(x, x0)| (x - x0).abs());
    let senders = t
        .senders_at(day)
        .iter()
        .zip(rest.senders_at(0))
        .flat_map(|(s, s0)| {
            [
                (s.leak_risk - s0.leak_risk).abs(),
                (s.candor - s0.candor).abs(),
            ]
        });
    outputs.chain(senders).fold(0.0, f64::max)
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
        let day0 = values(t.at(0));
        let senders0 = t.senders_at(0).to_vec();
        for day in 0..=t.last_day() {
            for ((name, v), v0) in NAMES.iter().zip(values(t.at(day))).zip(day0) {
                prop_assert!((v - v0).abs() <= 1e-9, "{name} moved from {v0} to {v} by day {day}");
            }
            for (s, s0) in t.senders_at(day).iter().zip(&senders0) {
                prop_assert!((s.leak_risk - s0.leak_risk).abs() <= 1e-9 && (s.candor - s0.candor).abs() <= 1e-9,
                    "a sender moved by day {day}: {s0:?} -> {s:?}");
            }
        }
        // And that resting point is the prior: leak risk p₀, at which each
        // sender already has the candor it would choose (k/p₀, or all of it),
        // rhetoric at ρ₀ and nothing rerouted.
        let o = t.at(0);
        prop_assert!((o.leak_risk - p.p0).abs() <= 1e-12, "leak risk at rest {} != p0 {}", o.leak_risk, p.p0);
        prop_assert!((o.candor - 1.0).abs() <= 1e-12 || (o.candor * o.leak_risk - p.k).abs() <= 1e-12,
            "candor at rest {} is neither 1 nor k / p0", o.candor);
        prop_assert!(o.candor <= 1.0 && o.candor * o.leak_risk <= p.k + 1e-12);
        prop_assert!((o.rhetoric - p.rho0).abs() <= 1e-12);
        prop_assert!((o.leaker_share - 1.0).abs() <= 1e-12);
        prop_assert!(o.rerouted.abs() <= 1e-12);
        prop_assert!((o.speed - 1.0).abs() <= 1e-12);
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

    /// The same holds as a post weighs more as evidence (λ) and as a leader
    /// believed to post is believed to post more of what he gets (q).
    #[test]
    fn stronger_evidence_is_worse_every_day(
        p in valid_params(),
        ev in prop::collection::vec(event(), 1..=4),
        which in prop_oneof![Just(ParamId::Lambda), Just(ParamId::Q)],
        f in (0.0..=1.0f64, 0.0..=1.0f64),
    ) {
        let d = which.descriptor();
        let (v1, v2) = (f.0.min(f.1), f.0.max(f.1));
        let with = |f: f64| {
            let mut q = p;
            q.set(which, d.min + f * (d.max - d.min)).unwrap();
            run(&q, &ev, 400, 1.0)
        };
        let (low, high) = (with(v1), with(v2));
        assert_worse_or_equal(&low, &high, &format!("{} {v1} -> {v2} of its range", d.key))?;
    }

    /// The minimum room for compromise after a Rutte-type leak (s = 0.15) is
    /// above the minimum after a Macron-type leak (s = 0.6), both on day 210.
    #[test]
    fn rutte_type_leak_costs_less_compromise_than_macron_type(p in valid_params()) {
        let min_after = |sender, sensitivity| {
            let t = run(&p, &[Event { day: JANUARY, sender, sensitivity }], 610, 1.0);
            t.days()[JANUARY as usize..].iter().map(|o| o.compromise).fold(f64::INFINITY, f64::min)
        };
        let rutte = min_after(RUTTE, RUTTE_JAN_S);
        let macron = min_after(MACRON, MACRON_S);
        // Z is clamped at 0: where even the Rutte-type leak (or the baseline)
        // leaves no room at all, both minima are 0 and cannot be ordered.
        if rutte > 0.0 {
            prop_assert!(rutte > macron, "min Z after Rutte-type {rutte} is not above Macron-type {macron}");
        } else {
            prop_assert_eq!(macron, 0.0);
        }
    }

    /// The victim of a leak learns at least as much as anyone else: from the
    /// leak on its risk is the highest and its candor the lowest, strictly so
    /// for a leak that reveals anything while others learn less (γ < 1). The
    /// bystanders all learn the same.
    #[test]
    fn victim_learns_at_least_as_much_as_the_others(
        p in valid_params(),
        at in day(),
        victim in 0..SENDERS,
        s in 0.05..=1.0f64,
    ) {
        let t = run(&p, &[Event { day: at, sender: victim, sensitivity: s }], 400, 1.0);
        let first = at.ceil() as usize;
        for day in first..=400 {
            let c = t.senders_at(day);
            for (i, other) in c.iter().enumerate().filter(|&(i, _)| i != victim) {
                prop_assert!(c[victim].leak_risk >= other.leak_risk - 1e-12 && c[victim].candor <= other.candor + 1e-12,
                    "day {day}: victim {:?}, sender {i} {other:?}", c[victim]);
                // Strictly, unless both beliefs sit at certainty to rounding
                // (p̂ = q), as a very strong post can put them.
                if p.gamma < 0.99 && other.leak_risk < p.q * (1.0 - 1e-12) {
                    prop_assert!(c[victim].leak_risk > other.leak_risk, "day {day}: victim no riskier than sender {i}");
                }
                let bystander = if victim == 0 { 1 } else { 0 };
                prop_assert!((other.leak_risk - c[bystander].leak_risk).abs() <= 1e-15 && (other.candor - c[bystander].candor).abs() <= 1e-15);
            }
        }
        // Before the leak no one has learnt anything.
        if first > 0 {
            let rest = run(&p, &[], 0, 1.0);
            for (c, c0) in t.senders_at(first - 1).iter().zip(rest.senders_at(0)) {
                prop_assert!((c.leak_risk - c0.leak_risk).abs() <= 1e-12 && (c.candor - c0.candor).abs() <= 1e-12,
                    "before the leak: {c:?}, at rest {c0:?}");
            }
        }
    }

    /// With γ = 1 everyone learns everything from anyone's leak: all senders
    /// stay alike, whoever is leaked.
    #[test]
    fn full_learning_makes_every_sender_alike(
        p in valid_params(),
        ev in prop::collection::vec(event(), 1..=4),
    ) {
        let mut q = p;
        q.set(ParamId::Gamma, 1.0).unwrap();
        let t = run(&q, &ev, 400, 1.0);
        for day in 0..=400 {
            let c = t.senders_at(day);
            for other in &c[1..] {
                prop_assert!((other.leak_risk - c[0].leak_risk).abs() <= 1e-12 && (other.candor - c[0].candor).abs() <= 1e-12,
                    "day {day}: {:?} vs {other:?}", c[0]);
            }
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

    /// After the last event everything drifts back towards the kept-private
    /// baseline: a century on it is closer than on the day of the leak, and
    /// from twenty years on, year by year, it never moves away again. (Not
    /// from two: a belief pushed far past certainty — λ = 60, several strong
    /// posts, H = 730 — holds candor at its floor k/q for years while candor
    /// still settles onto that floor, so the gap can grow by a hair.)
    #[test]
    fn everything_drifts_back_to_baseline(
        p in valid_params(),
        ev in prop::collection::vec((0.0..=JANUARY, 0..SENDERS, 0.0..=1.0f64), 0..=3),
    ) {
        let mut ev: Vec<Event> = ev
            .into_iter()
            .map(|(day, sender, sensitivity)| Event { day, sender, sensitivity })
            .collect();
        // The last leak is Macron's, on day 210, as in the story.
        ev.push(Event { day: JANUARY, sender: MACRON, sensitivity: MACRON_S });
        const CENTURY: u32 = 36_500;
        let t = run(&p, &ev, CENTURY, 1.0);
        let rest = run(&p, &[], 0, 1.0);
        let january = JANUARY as usize;
        // It really moved away first.
        prop_assert!(t.at(january).compromise < rest.at(0).compromise || rest.at(0).compromise == 0.0);
        prop_assert!(t.at(january).leak_risk > rest.at(0).leak_risk);
        let start = gap_to_rest(&t, january, &rest);
        let end = gap_to_rest(&t, CENTURY as usize, &rest);
        prop_assert!(end < start, "a century on the gap is {end}, on the day of the leak {start}");
        let mut last = f64::INFINITY;
        for day in (january + 20 * 365..=CENTURY as usize).step_by(365) {
            let gap = gap_to_rest(&t, day, &rest);
            prop_assert!(gap <= last + 1e-12, "the gap grew to {gap} on day {day} from {last} a year before\nparams: {p:?}\nevents: {ev:?}");
            last = gap;
        }
    }
}

// Checks of refusals cost a validation and at most a short run each, so they
// search 16 times wider.
proptest! {
    #![proptest_config(Config { cases: config().cases * 16, ..config() })]

    /// Every in-range set is accepted by `validate` and by `simulate`, and
    /// rests exactly at its prior: θ₀ = p₀/q always lies inside (0, 1).
    #[test]
    fn every_in_range_set_is_accepted_and_rests(p in valid_params()) {
        let prior = p.validate().map_err(|e| TestCaseError::fail(format!("in-range set refused: {e}")))?;
        prop_assert!(prior.belief0.is_finite());
        let t = simulate(&p, &senders(), &[], 10, 1.0)
            .map_err(|e| TestCaseError::fail(format!("validate accepts, simulate refuses: {e}")))?;
        assert_in_unit_range(&t)?;
        prop_assert!((t.at(10).leak_risk - p.p0).abs() <= 1e-12, "{:?}", t.at(10));
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
        prop_assert_eq!(&e.path, d.key);
        prop_assert_eq!(q, p, "a refused value was stored");
        prop_assert_eq!(q.set_by_key(d.key, value).unwrap_err(), e.clone());
        // Bypass `set` the way a hand-built struct could.
        let mut raw = p;
        set_raw(&mut raw, d.id, value);
        let v = raw.validate().unwrap_err();
        prop_assert_eq!(&v.path, d.key);
        prop_assert!(v.to_string().starts_with(&format!("{}: ", d.key)), "{}", v);
        prop_assert_eq!(simulate(&raw, &senders(), &[], 10, 1.0).unwrap_err(), v);
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
        let e = simulate(&Params::default(), &senders(), &ev, 400, 1.0).unwrap_err();
        let name = format!("events[{i}].{field}");
        prop_assert_eq!(&e.path, &name);
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
        match simulate(&p, &senders(), &ev, days_to_run, dt) {
            Ok(t) => {
                prop_assert!(valid, "accepted invalid input: {p:?} dt {dt} days {days} events {ev:?}");
                prop_assert_eq!(t.last_day(), days_to_run as usize);
                assert_in_unit_range(&t)?;
            }
            Err(e) => {
                prop_assert!(!valid, "refused valid input: {e}");
                let known = DESCRIPTORS.iter().any(|d| d.key == e.path)
                    || ["dt", "days"].contains(&e.path.as_str())
                    || e.path.starts_with("events[");
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
        ParamId::Q => p.q = v,
        ParamId::Lambda => p.lambda = v,
        ParamId::Eta => p.eta = v,
        ParamId::Gamma => p.gamma = v,
        ParamId::HalfLife => p.half_life = v,
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
            assert_eq!(e.path, d.key, "{bad}");
            assert!(e.to_string().starts_with(&format!("{}: ", d.key)), "{e}");
            assert_eq!(p, Params::default(), "refused {bad} was stored");
            let mut raw = Params::default();
            set_raw(&mut raw, d.id, bad);
            let e = simulate(&raw, &senders(), &[], 10, 1.0).unwrap_err();
            assert_eq!(e.path, d.key, "{bad}");
        }
        // The ends themselves are accepted.
        let mut p = Params::default();
        p.set(d.id, d.min).unwrap();
        p.set(d.id, d.max).unwrap();
    }
}

#[test]
fn unknown_parameter_id_is_named() {
    let mut p = Params::default();
    let e = p.set_by_key("p_zero", 0.05).unwrap_err();
    assert_eq!(e.path, "p_zero");
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
    let s = senders();
    for dt in [0.0, -0.0, -1.0, 1.5, f64::NAN, f64::INFINITY] {
        let e: InputError = simulate(&p, &s, &[], 10, dt).unwrap_err();
        assert_eq!(e.path, "dt", "{dt}");
    }
    assert_eq!(simulate(&p, &s, &[], 36_501, 1.0).unwrap_err().path, "days");
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
            let r = simulate(&Params::default(), &senders(), &[], 400, dt);
            let _ = tx.send(r.map(|t| t.last_day()));
        });
        let r = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("simulate with dt = {dt:e} did not return within 10 s"));
        assert_eq!(r.unwrap_err().path, "dt", "{dt}");
    }
    // The smallest accepted step still runs.
    let t = simulate(&Params::default(), &senders(), &[], 2, 1e-3).unwrap();
    assert_eq!(t.last_day(), 2);
}

#[test]
fn bad_sender_weights_are_refused() {
    assert_eq!(Senders::weighted(vec![]).unwrap_err().path, "senders");
    assert_eq!(
        Senders::weighted(vec![1.0, -1.0]).unwrap_err().path,
        "senders[1].weight"
    );
    assert_eq!(
        Senders::weighted(vec![f64::NAN]).unwrap_err().path,
        "senders[0].weight"
    );
    assert_eq!(
        Senders::weighted(vec![0.0, 0.0]).unwrap_err().path,
        "senders"
    );
    // Weights too large to add up used to be accepted and then read as all 0.
    assert_eq!(
        Senders::weighted(vec![f64::MAX, f64::MAX])
            .unwrap_err()
            .path,
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
