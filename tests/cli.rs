//! The command-line runner: argument parsing, CSV and JSON output, error
//! messages, and the real `simulate` binary's exit codes.
#![cfg(feature = "cli")]

use backchannel::cli::{parse, parse_event, run, Choice, EventArg, Format, Request};
use backchannel::config::SenderRef;
use backchannel::model::{simulate, Output};
use backchannel::story::Story;
use std::process::Command;

/// The output names, in the runner's column order.
fn names() -> Vec<&'static str> {
    Output::ALL.iter().map(|o| o.name()).collect()
}

const HEADER: &str = "day,leak_risk,trust,candor,leaker_share,rerouted,rhetoric,lock_in,publicity,safety_valve,compromise,speed,progress";

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn request(list: &[&str]) -> Request {
    parse(&args(list))
        .unwrap_or_else(|e| panic!("{list:?} refused: {e}"))
        .expect("not a help request")
}

fn output(list: &[&str]) -> String {
    run(&request(list)).unwrap_or_else(|e| panic!("{list:?} failed: {e}"))
}

/// Whatever went wrong, from parsing or from running.
fn error(list: &[&str]) -> String {
    match parse(&args(list)) {
        Err(e) => e,
        Ok(None) => panic!("{list:?} asked for help"),
        Ok(Some(req)) => run(&req).expect_err(&format!("{list:?} was accepted")),
    }
}

/// The CSV's rows as numbers (day first).
fn csv_rows(text: &str) -> Vec<Vec<f64>> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(HEADER));
    lines
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect()
}

#[test]
fn defaults_are_the_packs_first_scenario_for_400_days_at_dt_1_as_csv() {
    let req = request(&[]);
    assert_eq!(req.pack, None);
    assert_eq!(req.scenario, Choice::First);
    assert_eq!(req.days, 400);
    assert_eq!(req.dt, 1.0);
    assert!(req.sets.is_empty());
    assert!(req.events.is_empty());
    assert_eq!(req.format, Format::Csv);
    // The built-in pack's first scenario is "what happened".
    assert_eq!(output(&[]), output(&["--scenario", "what-happened"]));
}

#[test]
fn help_is_asked_with_either_flag() {
    assert_eq!(parse(&args(&["--help"])), Ok(None));
    assert_eq!(parse(&args(&["--days", "3", "-h"])), Ok(None));
}

#[test]
fn csv_has_the_exact_header_and_one_row_per_day_inclusive() {
    for days in [0u32, 1, 7, 400] {
        let text = output(&["--days", &days.to_string()]);
        assert!(text.ends_with('\n'));
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(HEADER));
        let rows: Vec<&str> = lines.collect();
        assert_eq!(rows.len(), days as usize + 1, "--days {days}");
        for (i, row) in rows.iter().enumerate() {
            let fields: Vec<&str> = row.split(',').collect();
            assert_eq!(fields.len(), 1 + names().len(), "{row}");
            assert_eq!(fields[0], i.to_string());
            for v in &fields[1..] {
                let x: f64 = v.parse().unwrap();
                assert!((0.0..=1.0).contains(&x), "{row}");
            }
        }
    }
}

#[test]
fn csv_header_matches_the_output_names() {
    assert_eq!(HEADER, format!("day,{}", names().join(",")));
}

#[test]
fn csv_numbers_are_the_models_to_six_decimals() {
    let text = output(&["--scenario", "only-macron", "--days", "300"]);
    let story = Story::builtin().unwrap();
    let events = &story.scenario("only-macron").unwrap().events;
    let t = simulate(
        &story.resolved().params,
        &story.resolved().senders,
        events,
        300,
        1.0,
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for day in [0usize, 209, 210, 211, 250, 300] {
        let want: String = std::iter::once(day.to_string())
            .chain(
                Output::ALL
                    .iter()
                    .map(|o| format!("{:.6}", o.value(t.at(day)))),
            )
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(lines[day + 1], want, "day {day}");
    }
}

#[test]
fn dt_is_passed_to_the_model() {
    let coarse = csv_rows(&output(&["--scenario", "only-macron", "--days", "260"]));
    let req = request(&["--scenario", "only-macron", "--days", "260", "--dt", "0.25"]);
    assert_eq!(req.dt, 0.25);
    let fine = csv_rows(&run(&req).unwrap());
    assert_eq!(coarse.len(), fine.len());
    let mut gap: f64 = 0.0;
    for (c, f) in coarse.iter().zip(&fine) {
        for (x, y) in c.iter().zip(f) {
            gap = gap.max((x - y).abs());
        }
    }
    // A different step gives (slightly) different numbers, within 0.005.
    assert!(gap > 0.0 && gap <= 0.005, "dt 1 vs 0.25 differ by {gap}");
}

#[test]
fn bad_dt_is_refused_naming_dt() {
    assert!(error(&["--dt", "fast"]).contains("--dt"));
    for dt in ["0", "-1", "1.5", "NaN", "inf", "1e-300"] {
        let e = error(&["--dt", dt]);
        assert!(
            e.starts_with("dt: ") || e.contains("--dt"),
            "--dt {dt}: {e}"
        );
    }
}

#[test]
fn set_overrides_parameters_and_repeats() {
    let req = request(&[
        "--set",
        "p0=0.08",
        "--set",
        "chi=0",
        "--set",
        "half_life=90",
    ]);
    assert_eq!(
        req.sets,
        [
            ("p0".to_string(), 0.08),
            ("chi".to_string(), 0.0),
            ("half_life".to_string(), 90.0)
        ]
    );
    // A later --set of the same id wins: at rest the leak risk is p0.
    let rows = csv_rows(&output(&[
        "--scenario",
        "kept-private",
        "--days",
        "1",
        "--set",
        "p0=0.02",
        "--set",
        "p0=0.03",
    ]));
    assert_eq!(rows[0][1], 0.03);
    // And the output shows it: at rest the leak risk is p0.
    let rows = csv_rows(&output(&[
        "--scenario",
        "kept-private",
        "--days",
        "2",
        "--set",
        "p0=0.08",
    ]));
    assert_eq!(rows[0][1], 0.08);
}

#[test]
fn bad_set_errors_name_the_id() {
    let cases: [(&[&str], &str); 6] = [
        (&["--set", "pzero=0.05"], "pzero"),
        (&["--set", "p0=abc"], "p0"),
        (&["--set", "p0=0.5"], "p0"),
        (&["--set", "gamma=NaN"], "gamma"),
        (&["--set", "half_life=-inf"], "half_life"),
        (&["--set", "theta_b="], "theta_b"),
    ];
    for (list, id) in cases {
        let e = error(list);
        assert!(e.contains(id), "{list:?}: {e}");
    }
    assert!(error(&["--set", "p0"]).contains("ID=VALUE"));
    assert!(error(&["--set", "pzero=0.05"]).contains("unknown parameter"));
    assert!(error(&["--set", "p0=0.5"]).contains("outside"));
    // Every in-range combination runs; the first model's parameters are
    // named and explained, not just unknown.
    for old in ["n0=5", "r_ok=0.01"] {
        let e = error(&["--set", old]);
        let id = old.split('=').next().unwrap();
        assert!(
            e.starts_with(&format!("--set {id}: belonged to the first model")),
            "{e}"
        );
        assert!(e.contains("lambda") && e.contains("q"), "{e}");
    }
}

#[test]
fn events_accept_a_sender_id_of_the_pack_or_an_index() {
    assert_eq!(
        parse_event("210:macron:0.6"),
        Ok(EventArg {
            day: 210.0,
            sender: SenderRef::Id("macron".into()),
            sensitivity: 0.6
        })
    );
    assert_eq!(
        parse_event("3.5:4:1"),
        Ok(EventArg {
            day: 3.5,
            sender: SenderRef::Index(4),
            sensitivity: 1.0
        })
    );
    let req = request(&["--event", "1:macron:0.2", "--event", "2:5:0"]);
    assert_eq!(req.events.len(), 2);
    assert_eq!(req.events[1].sender, SenderRef::Index(5));
    // An id and its index are the same sender.
    assert_eq!(
        output(&[
            "--scenario",
            "kept-private",
            "--event",
            "30:rutte:0.5",
            "--days",
            "40"
        ]),
        output(&[
            "--scenario",
            "kept-private",
            "--event",
            "30:1:0.5",
            "--days",
            "40"
        ])
    );
}

#[test]
fn events_add_to_the_scenarios_own() {
    // kept-private plus Macron's leak is only-macron.
    let built = output(&["--scenario", "kept-private", "--event", "210:macron:0.6"]);
    assert_eq!(built, output(&["--scenario", "only-macron"]));
    // what-happened plus one more leak is worse than what-happened.
    let base = csv_rows(&output(&["--days", "300"]));
    let more = csv_rows(&output(&["--days", "300", "--event", "250:2:0.9"]));
    assert_eq!(base[249], more[249]);
    assert!(more[251][1] > base[251][1], "leak risk must rise");
}

#[test]
fn bad_events_are_refused_naming_the_field() {
    // The sender is known only once the pack is read.
    for (v, want) in [
        ("210:bob:0.5", "bob"),
        ("210:6:0.5", "6"),
        ("210:-1:0.5", "-1"),
    ] {
        let e = error(&["--event", v]);
        assert!(
            e.starts_with("--event.sender: ") && e.contains(want),
            "{v}: {e}"
        );
    }
    let cases = [
        ("-1:0:0.5", "day"),
        ("x:0:0.5", "day"),
        ("NaN:0:0.5", "day"),
        ("1:0:1.5", "sensitivity"),
        ("1:0:-0.1", "sensitivity"),
        ("1:0:high", "sensitivity"),
        ("1:0", "DAY:SENDER:SENSITIVITY"),
        ("1:0:0.5:9", "DAY:SENDER:SENSITIVITY"),
    ];
    for (v, field) in cases {
        let e = parse_event(v).expect_err(v);
        assert!(e.contains(field), "{v}: {e}");
        assert!(e.starts_with("--event"), "{v}: {e}");
        assert_eq!(error(&["--event", v]), e);
    }
}

#[test]
fn json_has_the_same_numbers_as_csv() {
    let csv = csv_rows(&output(&["--days", "260", "--event", "230:3:0.4"]));
    let text = output(&["--days", "260", "--event", "230:3:0.4", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(doc["pack"], "greenland-2026");
    assert_eq!(doc["scenario"], "what-happened");
    assert_eq!(doc["dt"], 1.0);
    assert_eq!(doc["params"]["p0"], 0.05);
    // The scenario's three leaks plus the one added.
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 4);
    assert_eq!(events[3]["sender"], 3);
    let days = doc["days"].as_array().unwrap();
    assert_eq!(days.len(), csv.len());
    assert_eq!(days.len(), 261);
    for (row, day) in csv.iter().zip(days) {
        assert_eq!(day["day"].as_f64(), Some(row[0]));
        let outputs = day["outputs"].as_object().unwrap();
        assert_eq!(outputs.len(), names().len());
        for (name, v) in names().iter().zip(&row[1..]) {
            let x = outputs[*name].as_f64().unwrap();
            assert!(
                (x - v).abs() <= 5e-7,
                "{name} on day {}: {x} vs {v}",
                row[0]
            );
        }
    }
}

#[test]
fn bad_format_is_refused() {
    let e = error(&["--format", "xml"]);
    assert!(e.contains("--format") && e.contains("xml"), "{e}");
}

#[test]
fn scenario_list_prints_the_packs_ids() {
    let text = output(&["--scenario", "list"]);
    assert_eq!(
        text,
        "what-happened\nonly-macron\nonly-rutte\nelysee-reading\nkept-private\n"
    );
    // Every listed id runs.
    for id in text.lines() {
        assert!(output(&["--scenario", id, "--days", "1"]).starts_with(HEADER));
    }
}

#[test]
fn unknown_scenario_argument_or_missing_value_is_an_error() {
    let e = error(&["--scenario", "what-if"]);
    assert!(e.contains("what-if") && e.contains("only-macron"), "{e}");
    let e = error(&["--frobnicate"]);
    assert!(e.contains("--frobnicate"), "{e}");
    let e = error(&["--days", "3", "extra"]);
    assert!(e.contains("extra"), "{e}");
    for flag in [
        "--days",
        "--dt",
        "--set",
        "--event",
        "--format",
        "--scenario",
        "--pack",
    ] {
        let e = error(&[flag]);
        assert!(e.contains(flag) && e.contains("needs a value"), "{e}");
    }
}

#[test]
fn bad_days_are_refused() {
    for v in ["-1", "ten", "1.5", ""] {
        assert!(error(&["--days", v]).contains("--days"), "--days {v}");
    }
    assert!(error(&["--days", "36501"]).starts_with("days: "));
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_simulate"))
}

#[test]
fn binary_fails_with_one_line_on_stderr() {
    for bad in [
        &["--frobnicate"][..],
        &["--set", "p0=2"],
        &["--event", "1:9:0.5"],
        &[
            "--set",
            "p0=0.1",
            "--set",
            "n0=5",
            "--set",
            "r_ok=0.01",
            "--set",
            "k=0.08",
            "--set",
            "half_life=730",
        ],
    ] {
        let out = binary().args(bad).output().unwrap();
        assert!(!out.status.success(), "{bad:?} exited {:?}", out.status);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{bad:?}: {stderr:?}");
        assert!(
            stderr.ends_with('\n') && stderr.starts_with("simulate: "),
            "{stderr:?}"
        );
        assert!(out.stdout.is_empty(), "{bad:?} printed to stdout");
    }
}

#[test]
fn binary_succeeds_and_prints_csv() {
    let out = binary()
        .args(["--scenario", "only-rutte", "--days", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, output(&["--scenario", "only-rutte", "--days", "3"]));
    assert_eq!(text.lines().count(), 5);

    let help = binary().arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8(help.stdout)
        .unwrap()
        .starts_with("simulate: "));
}
