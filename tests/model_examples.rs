//! Example-based tests at the default parameters: the scenarios as model.md
//! lists them, the leak and output formulas, and the orders of magnitude the
//! explainer's text relies on.

use backchannel::model::scenario::{self, builtin, ids, BUILTIN, MACRON, RUTTE};
use backchannel::model::{simulate, Event, Outputs, Params, Senders, Trajectory};

const JANUARY: usize = 210;

fn run(events: &[Event], days: u32) -> Trajectory {
    simulate(&Params::default(), &Senders::default(), events, days, 1.0).unwrap()
}

fn scenario_run(id: &str, days: u32) -> Trajectory {
    run(&builtin(id).unwrap().events, days)
}

fn leak(day: f64, sender: usize, sensitivity: f64) -> Event {
    Event {
        day,
        sender,
        sensitivity,
    }
}

fn min_over(t: &Trajectory, days: std::ops::RangeInclusive<usize>, f: fn(&Outputs) -> f64) -> f64 {
    days.map(|d| f(t.at(d))).fold(f64::INFINITY, f64::min)
}

/// Every output within 1e-12.
fn close(a: &Outputs, b: &Outputs) -> bool {
    a.values()
        .iter()
        .zip(b.values())
        .all(|(x, y)| (x - y).abs() <= 1e-12)
}

/// What the reader sees when nothing is leaked.
fn baseline() -> Outputs {
    *scenario_run("kept-private", 0).at(0)
}

#[test]
fn scenario_ids_are_exactly_the_four_of_the_design() {
    let listed: Vec<&str> = ids().collect();
    assert_eq!(
        listed,
        ["what-happened", "only-rutte", "only-macron", "kept-private"]
    );
    assert_eq!(BUILTIN.len(), 4);
    for (id, events) in BUILTIN {
        let s = builtin(id).unwrap();
        assert_eq!(s.id, id);
        assert_eq!(s.events, events);
    }
}

#[test]
fn scenario_events_are_as_model_md_lists_them() {
    assert_ne!(MACRON, RUTTE);
    const { assert!(MACRON < Senders::DEFAULT_COUNT && RUTTE < Senders::DEFAULT_COUNT) };
    let expect: [(&str, Vec<Event>); 4] = [
        (
            "what-happened",
            vec![
                leak(0.0, RUTTE, 0.10),
                leak(210.0, MACRON, 0.60),
                leak(210.0, RUTTE, 0.15),
            ],
        ),
        ("only-rutte", vec![leak(210.0, RUTTE, 0.15)]),
        ("only-macron", vec![leak(210.0, MACRON, 0.60)]),
        ("kept-private", vec![]),
    ];
    for (id, events) in expect {
        assert_eq!(builtin(id).unwrap().events, events, "{id}");
    }
    assert_eq!(scenario::JANUARY_POSTS, 210.0);
}

#[test]
fn unknown_scenario_is_refused_naming_it_and_the_known_ones() {
    let e = builtin("what-if").unwrap_err();
    assert_eq!(e.field, "scenario");
    assert!(e.problem.contains("\"what-if\""), "{e}");
    for id in ids() {
        assert!(e.problem.contains(id), "{e}");
    }
}

#[test]
fn baseline_compromise_is_about_two_thirds() {
    let b = baseline();
    assert!(
        (b.compromise - 0.66).abs() <= 0.01,
        "Z at rest = {}",
        b.compromise
    );
    assert!((b.leak_risk - 0.05).abs() <= 1e-12);
    assert!((b.candor - 0.8).abs() <= 1e-12);
    assert!((b.rhetoric - 0.1).abs() <= 1e-12);
    assert!(
        (b.lock_in - 0.1).abs() <= 1e-12,
        "A₀ = φρ₀/(φρ₀ + ψ(1 − ρ₀)) = 0.1"
    );
    assert!((b.leaker_share - 1.0).abs() <= 1e-12);
    assert!((b.speed - 1.0).abs() <= 1e-12);
    // Kept private, nothing ever moves.
    let t = scenario_run("kept-private", 400);
    for day in 0..=400 {
        assert!(close(t.at(day), &b), "day {day}: {:?}", t.at(day));
    }
}

#[test]
fn macron_type_leak_cuts_compromise_to_between_a_tenth_and_a_fifth_within_three_months() {
    let t = scenario_run("only-macron", 400);
    let before = t.at(JANUARY - 1).compromise;
    assert!((before - baseline().compromise).abs() <= 1e-12);
    let low = min_over(&t, JANUARY..=JANUARY + 90, |o| o.compromise);
    assert!((0.1..=0.2).contains(&low), "min Z within 90 days = {low}");
    // Most of that fall is already there at the end of the three months.
    let at_90 = t.at(JANUARY + 90).compromise;
    assert!((0.1..=0.2).contains(&at_90), "Z 90 days on = {at_90}");
}

#[test]
fn macron_type_leak_cuts_candor_by_about_a_third() {
    let t = scenario_run("only-macron", 400);
    let before = t.at(JANUARY - 1).candor;
    let low = min_over(&t, JANUARY..=400, |o| o.candor);
    let drop = 1.0 - low / before;
    assert!(
        (0.25..=0.40).contains(&drop),
        "candor {before} -> {low}: a fall of {:.1} %",
        drop * 100.0
    );
    // The traffic the leaker loses is that same fall.
    let rerouted = t.days()[JANUARY..]
        .iter()
        .map(|o| o.rerouted)
        .fold(0.0, f64::max);
    assert!(
        (rerouted - drop).abs() <= 1e-9,
        "R {rerouted} vs drop {drop}"
    );
}

#[test]
fn macron_type_leak_moves_leak_risk_from_5_to_about_8_percent() {
    let t = scenario_run("only-macron", 400);
    assert!((t.at(JANUARY - 1).leak_risk - 0.05).abs() <= 1e-12);
    let after = t.at(JANUARY).leak_risk;
    assert!((0.07..=0.09).contains(&after), "leak risk after = {after}");
    // Small in absolute terms, a rise of roughly half to two thirds.
    let rise = after / 0.05 - 1.0;
    assert!((0.4..=0.7).contains(&rise), "rise {rise}");
    // It fades, but slowly (half-life of a year).
    assert!(t.at(400).leak_risk < after && t.at(400).leak_risk > 0.06);
}

#[test]
fn rutte_type_leak_alone_moves_compromise_by_well_under_a_tenth() {
    let b = baseline().compromise;
    let t = scenario_run("only-rutte", 600);
    let worst = t
        .days()
        .iter()
        .map(|o| (o.compromise - b).abs())
        .fold(0.0, f64::max);
    assert!(worst > 0.0, "a leak must move something");
    assert!(worst < 0.1, "only-rutte moves Z by {worst}");
}

#[test]
fn only_rutte_keeps_clearly_more_room_than_only_macron() {
    let rutte = scenario_run("only-rutte", 600);
    let macron = scenario_run("only-macron", 600);
    let r = min_over(&rutte, 0..=600, |o| o.compromise);
    let m = min_over(&macron, 0..=600, |o| o.compromise);
    assert!(r - m > 0.3, "min Z: only-rutte {r}, only-macron {m}");
}

#[test]
fn what_happened_is_at_least_as_bad_as_macron_alone_every_day() {
    let all = scenario_run("what-happened", 600);
    let macron = scenario_run("only-macron", 600);
    for day in 0..=600 {
        let (a, m) = (all.at(day), macron.at(day));
        assert!(a.compromise <= m.compromise + 1e-12, "day {day}");
        assert!(a.leak_risk >= m.leak_risk - 1e-12, "day {day}");
        assert!(a.candor <= m.candor + 1e-12, "day {day}");
    }
    // Rutte's June text (day 0, s = 0.10) registers, but barely.
    let june = all.at(0);
    assert!(june.leak_risk > baseline().leak_risk);
    assert!(june.leak_risk - baseline().leak_risk < 0.002);
}

#[test]
fn victim_learns_more_than_the_other_senders() {
    let t = scenario_run("only-macron", 400);
    let n = t.sender_count();
    assert_eq!(n, Senders::DEFAULT_COUNT);
    let at_rest = t.senders_at(0)[MACRON];
    for day in JANUARY..=400 {
        let s = t.senders_at(day);
        for other in (0..n).filter(|&i| i != MACRON) {
            assert!(
                s[MACRON].leak_risk - at_rest.leak_risk > s[other].leak_risk - at_rest.leak_risk,
                "day {day}: victim {:?}, sender {other} {:?}",
                s[MACRON],
                s[other]
            );
            assert!(s[MACRON].candor <= s[other].candor, "day {day}");
            // Bystanders are alike: they learn the same from the same leak.
            assert!((s[other].leak_risk - s[RUTTE].leak_risk).abs() <= 1e-15);
        }
        // Yet the bystanders learn something too (γ = 0.8).
        assert!(s[RUTTE].leak_risk > at_rest.leak_risk);
    }
    // Before the leak every channel is the same.
    for s in t.senders_at(JANUARY - 1) {
        assert!((s.leak_risk - 0.05).abs() <= 1e-12 && (s.candor - 0.8).abs() <= 1e-12);
    }
}

#[test]
fn leak_updates_follow_model_md_exactly() {
    // At the moment of a leak of sensitivity s: a_victim += s^η, others += γ s^η,
    // ρ += χ s (1 − ρ); the outputs of that day already show it.
    let p = Params::default();
    let s: f64 = 0.6;
    let t = scenario_run("only-macron", JANUARY as u32);
    let (alpha0, n0) = (p.p0 * p.n0, p.n0);
    let evidence = s.powf(p.eta);
    let victim = (alpha0 + evidence) / (n0 + evidence);
    let other = (alpha0 + p.gamma * evidence) / (n0 + p.gamma * evidence);
    let senders = t.senders_at(JANUARY);
    assert!((senders[MACRON].leak_risk - victim).abs() <= 1e-12);
    assert!((senders[RUTTE].leak_risk - other).abs() <= 1e-12);
    let o = t.at(JANUARY);
    assert!((o.leak_risk - (victim + 5.0 * other) / 6.0).abs() <= 1e-12);
    let rho = p.rho0 + p.chi * s * (1.0 - p.rho0);
    assert!((o.rhetoric - rho).abs() <= 1e-12, "ρ = {}", o.rhetoric);
    assert!((rho - 0.37).abs() <= 1e-12);
    // Candor and lock-in have not had time to move yet.
    assert!((o.candor - 0.8).abs() <= 1e-12);
    assert!((o.lock_in - 0.1).abs() <= 1e-12);
}

#[test]
fn derived_outputs_follow_their_formulas_every_day() {
    let p = Params::default();
    let candor0 = (p.k / p.p0).min(1.0);
    let t = scenario_run("what-happened", 600);
    for day in 0..=600 {
        let o = t.at(day);
        let senders = t.senders_at(day);
        let n = senders.len() as f64;
        let mean_risk = senders.iter().map(|s| s.leak_risk).sum::<f64>() / n;
        let mean_candor = senders.iter().map(|s| s.candor).sum::<f64>() / n;
        let share = (mean_candor / candor0).min(1.0);
        let publicity = 1.0 - (1.0 - o.rhetoric) * (1.0 - o.leak_risk);
        let win_set = (1.0 - p.sigma * publicity) * (1.0 - o.lock_in);
        let compromise = ((win_set - p.d) / (1.0 - p.d)).clamp(0.0, 1.0);
        let speed = share + (1.0 - share) * p.theta_b;
        for (name, got, want) in [
            ("leak_risk", o.leak_risk, mean_risk),
            ("trust", o.trust, 1.0 - mean_risk),
            ("candor", o.candor, mean_candor),
            ("leaker_share", o.leaker_share, share),
            ("rerouted", o.rerouted, 1.0 - share),
            ("publicity", o.publicity, publicity),
            ("safety_valve", o.safety_valve, 1.0 - publicity),
            ("compromise", o.compromise, compromise),
            ("speed", o.speed, speed),
            ("progress", o.progress, speed * compromise),
        ] {
            assert!(
                (got - want).abs() <= 1e-12,
                "{name} on day {day}: {got}, formula gives {want}"
            );
        }
    }
}

#[test]
fn a_fractional_day_leak_shows_from_the_next_whole_day() {
    let t = run(&[leak(210.5, MACRON, 0.6)], 220);
    assert!(close(t.at(210), &baseline()), "{:?}", t.at(210));
    assert!(t.at(211).leak_risk > baseline().leak_risk);
    // Half a day later than a leak on day 210, so a little less has decayed
    // and candor has had less time to fall ...
    let whole = run(&[leak(210.0, MACRON, 0.6)], 220);
    assert!(t.at(211).leak_risk > whole.at(211).leak_risk);
    assert!(t.at(211).candor > whole.at(211).candor);
    // ... but half a day more than a leak on day 211, read the moment it lands.
    let next = run(&[leak(211.0, MACRON, 0.6)], 220);
    assert!((next.at(211).candor - 0.8).abs() <= 1e-12);
    assert!(t.at(211).candor < next.at(211).candor - 1e-4);
    assert!(t.at(211).leak_risk < next.at(211).leak_risk);
}

#[test]
fn weighted_senders_shift_the_means_towards_the_heavy_one() {
    let p = Params::default();
    let events = [leak(10.0, MACRON, 0.6)];
    let mut weights = vec![1.0; Senders::DEFAULT_COUNT];
    weights[MACRON] = 5.0;
    let heavy = simulate(&p, &Senders::weighted(weights).unwrap(), &events, 60, 1.0).unwrap();
    let equal = run(&events, 60);
    // Per-sender channels do not depend on the weights ...
    assert_eq!(heavy.senders_at(30), equal.senders_at(30));
    // ... but the means lean towards the victim when it weighs more.
    assert!(heavy.at(30).leak_risk > equal.at(30).leak_risk);
    assert!(heavy.at(30).candor < equal.at(30).candor);
}

#[test]
fn trajectory_accessors_clamp_and_count() {
    let t = run(&[leak(5.0, RUTTE, 0.5)], 10);
    assert_eq!(t.last_day(), 10);
    assert_eq!(t.days().len(), 11);
    assert_eq!(t.at(10), t.at(1_000));
    assert_eq!(t.senders_at(10), t.senders_at(1_000));
    assert_eq!(t.senders_at(3).len(), Senders::DEFAULT_COUNT);
    assert_ne!(t.at(4), t.at(5));
}
