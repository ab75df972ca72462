//! Story packs as an editor meets them: `validate-pack` on the shipped packs
//! and on a table of broken ones, random damage to a sound pack (refused
//! with a path, or accepted and usable — never a panic), the runner reading
//! another pack, and the rule that the code names no story.
#![cfg(feature = "cli")]

use backchannel::config::Config;
use backchannel::state::{Action, Explainer};
use backchannel::story::{Problems, Story};
use backchannel::words::Words;
use proptest::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

#[path = "support/code.rs"]
mod code;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs one of the crate's commands: whether it succeeded, its stdout and stderr.
fn command<S: AsRef<std::ffi::OsStr>>(program: &str, args: &[S]) -> (bool, String, String) {
    let out = Command::new(program).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn validate(file: &Path) -> (bool, String, String) {
    command(env!("CARGO_BIN_EXE_validate-pack"), &[file])
}

fn builtin_json() -> Value {
    serde_json::from_str(backchannel::story::BUILTIN).unwrap()
}

/// Sets (or removes) the value at a path of keys and indices.
fn edit(doc: &mut Value, path: &[Value], value: Option<Value>) {
    let (last, parents) = path.split_last().unwrap();
    let mut at = doc;
    for step in parents {
        at = match step {
            Value::String(k) => at.get_mut(k.as_str()).unwrap(),
            Value::Number(i) => at.get_mut(i.as_u64().unwrap() as usize).unwrap(),
            _ => panic!("bad path step {step}"),
        };
    }
    match (last, value) {
        (Value::String(k), Some(v)) => {
            at.as_object_mut().unwrap().insert(k.clone(), v);
        }
        (Value::String(k), None) => {
            at.as_object_mut().unwrap().remove(k);
        }
        (Value::Number(i), Some(v)) => at[i.as_u64().unwrap() as usize] = v,
        (Value::Number(i), None) => {
            at.as_array_mut()
                .unwrap()
                .remove(i.as_u64().unwrap() as usize);
        }
        _ => panic!("bad path end {last}"),
    }
}

#[test]
fn validate_pack_accepts_the_shipped_packs_with_a_summary() {
    for (file, id) in [
        ("greenland-2026.json", "greenland-2026"),
        ("nato-summit-2025.json", "nato-summit-2025"),
    ] {
        let (ok, stdout, stderr) = validate(&Path::new(ROOT).join("www/packs").join(file));
        assert!(ok, "{file}: {stderr}");
        assert!(stdout.starts_with(&format!("ok {id}: ")), "{stdout}");
        assert_eq!(stdout.lines().count(), 1);
        assert!(stdout.contains("languages en"), "{stdout}");
    }
}

#[test]
fn validate_pack_names_the_paths_of_every_broken_pack() {
    let table: Value = serde_json::from_str(
        &fs::read_to_string(format!("{ROOT}/tests/fixtures/broken-packs.json")).unwrap(),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("backchannel-broken-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for (n, case) in cases.iter().enumerate() {
        let mut doc = builtin_json();
        for e in case["edits"].as_array().unwrap() {
            let value = if e["remove"] == true {
                None
            } else if let Some(from) = e["copy"].as_array() {
                Some(get(&doc, from).clone())
            } else {
                Some(e["value"].clone())
            };
            edit(&mut doc, e["path"].as_array().unwrap(), value);
        }
        let file = dir.join(format!("case-{n}.json"));
        fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let (ok, stdout, stderr) = validate(&file);
        let name = case["name"].as_str().unwrap();
        assert!(!ok, "{name}: accepted\n{stdout}");
        let paths: Vec<&str> = stderr
            .lines()
            .filter(|l| !l.starts_with(file.to_str().unwrap()))
            .map(|l| l.split(": ").next().unwrap())
            .collect();
        let expected: Vec<&str> = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(paths, expected, "{name}:\n{stderr}");
        assert!(
            stderr.ends_with(&format!(
                "{}: {} problem(s)\n",
                file.display(),
                expected.len()
            )),
            "{stderr}"
        );
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn print_writes_a_pack_out_as_it_is_read() {
    let file = Path::new(ROOT).join("www/packs/greenland-2026.json");
    let (ok, printed, _) = command(
        env!("CARGO_BIN_EXE_validate-pack"),
        &[Path::new("--print"), &file],
    );
    assert!(ok);
    // Every default is written out, and it reads back as the same story.
    assert!(printed.contains("\"weight\": 1.0"));
    assert_eq!(Story::parse(&printed).unwrap(), Story::builtin().unwrap());
}

#[test]
fn validate_pack_refuses_what_is_not_a_pack() {
    let dir = std::env::temp_dir().join(format!("backchannel-notpack-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    for (name, text, want) in [
        ("empty.json", "", "not valid JSON"),
        ("array.json", "[]", "expected an object, got a list"),
        ("text.json", "{\"id\": ", "not valid JSON"),
    ] {
        let file = dir.join(name);
        fs::write(&file, text).unwrap();
        let (ok, _, stderr) = validate(&file);
        assert!(!ok && stderr.contains(want), "{name}: {stderr}");
    }
    let (ok, _, stderr) = validate(&dir.join("missing.json"));
    assert!(!ok && stderr.contains("cannot read"), "{stderr}");
    fs::remove_dir_all(&dir).unwrap();
}

/// A pack that was accepted must be usable: every scenario runs, every beat
/// shows, every string a beat asks for is there.
fn usable(story: Story) {
    let words = story.words(&Words::english(), story.languages().next().unwrap());
    for b in &story.beats {
        assert!(words.try_get(&format!("beat.{}.title", b.id)).is_some());
    }
    let mut e =
        Explainer::with_config(story, &Config::default(), false).expect("an accepted pack starts");
    for n in 0..e.story().beats.len() {
        e.reduce(Action::GoToBeat(n)).unwrap();
        let _ = e.reduce(Action::SetPublic(true));
        let _ = e.snapshot();
    }
    for id in e
        .story()
        .scenario_ids()
        .map(str::to_string)
        .collect::<Vec<_>>()
    {
        let lab = e.story().beats.len() - 1;
        e.reduce(Action::GoToBeat(lab)).unwrap();
        e.reduce(Action::SelectScenario(id)).unwrap();
    }
}

/// One kind of damage at a random place of the pack.
#[derive(Clone, Debug)]
enum Damage {
    Remove,
    Retype,
    BreakId,
    Empty,
}

/// Every place in the document, as a path.
fn places(v: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let mut p = at.clone();
                p.push(Value::String(k.clone()));
                out.push(p.clone());
                places(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let mut p = at.clone();
                p.push(Value::from(i));
                out.push(p.clone());
                places(x, p, out);
            }
        }
        _ => {}
    }
}

fn get<'a>(doc: &'a Value, path: &[Value]) -> &'a Value {
    path.iter().fold(doc, |at, step| match step {
        Value::String(k) => &at[k.as_str()],
        Value::Number(i) => &at[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

fn damage(doc: &mut Value, path: &[Value], how: &Damage) {
    let old = get(doc, path).clone();
    let new = match how {
        Damage::Remove => None,
        Damage::Retype => Some(match old {
            Value::String(_) => Value::from(7),
            Value::Number(_) => Value::from("seven"),
            Value::Bool(_) => Value::Null,
            Value::Array(_) => Value::from("list"),
            Value::Object(_) => Value::from(vec![1, 2]),
            Value::Null => Value::Bool(true),
        }),
        Damage::BreakId => Some(match old {
            Value::String(s) => Value::String(format!("{s}-broken")),
            other => other,
        }),
        Damage::Empty => Some(match old {
            Value::String(_) => Value::String(String::new()),
            Value::Array(_) => Value::Array(Vec::new()),
            Value::Object(_) => Value::Object(Default::default()),
            other => other,
        }),
    };
    edit(doc, path, new);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random damage is refused with a path-bearing message for every
    /// problem, or accepted and then usable; never a panic.
    #[test]
    fn damaged_packs_are_refused_with_paths_or_usable(
        picks in prop::collection::vec((any::<prop::sample::Index>(), 0..4u8), 1..4)
    ) {
        let mut doc = builtin_json();
        for (at, how) in &picks {
            let mut all = Vec::new();
            places(&doc, Vec::new(), &mut all);
            let path = at.get(&all).clone();
            let how = [Damage::Remove, Damage::Retype, Damage::BreakId, Damage::Empty][*how as usize].clone();
            damage(&mut doc, &path, &how);
        }
        match Story::parse(&doc.to_string()) {
            Ok(story) => usable(story),
            Err(Problems(problems)) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(!p.path.is_empty(), "a problem without a path: {p}");
                    prop_assert!(!p.problem.is_empty(), "a path without a problem: {p}");
                }
            }
        }
    }
}

#[test]
fn the_runner_reads_another_pack() {
    let nato = format!("{ROOT}/www/packs/nato-summit-2025.json");
    let run = |args: &[&str]| command(env!("CARGO_BIN_EXE_simulate"), args);
    let (ok, list, _) = run(&["--pack", &nato, "--scenario", "list"]);
    assert!(ok);
    assert_eq!(list, "posted\nkept-private\n");
    // Day 0 is 30 days before the post: the leak shows from day 30.
    let (ok, csv, _) = run(&["--pack", &nato, "--days", "31", "--format", "csv"]);
    assert!(ok);
    let risk: Vec<f64> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(risk[29], risk[0]);
    assert!(risk[30] > risk[29]);
    let (ok, _, err) = run(&["--pack", &nato, "--event", "40:macron:0.5"]);
    assert!(
        !ok && err.contains("no sender \"macron\" in nato-summit-2025"),
        "{err}"
    );
    let (ok, _, err) = run(&["--pack", "/no/such/pack.json"]);
    assert!(!ok && err.contains("cannot read"), "{err}");
    let broken = std::env::temp_dir().join(format!(
        "backchannel-broken-pack-{}.json",
        std::process::id()
    ));
    fs::write(&broken, "{\"id\": 1}").unwrap();
    let (ok, _, err) = run(&["--pack", broken.to_str().unwrap()]);
    assert!(
        !ok && err.starts_with("simulate: --pack ") && err.contains("id: "),
        "{err}"
    );
    fs::remove_file(&broken).unwrap();
}

/// The code outside the story data and the tests names no story: no sender,
/// expert or day of the built-in pack. Comments count too: a comment that
/// names a story is a story fact kept in two places.
#[test]
fn no_code_under_src_names_a_story() {
    fn scan(dir: &Path, hits: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                scan(&path, hits);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || code::is_tests_file(&path) {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let code = code::without_inline_tests(&text);
            for (n, line) in code.lines().enumerate() {
                let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).collect();
                for name in [
                    "Macron", "macron", "Rutte", "rutte", "Schichan", "schichan", "210",
                ] {
                    if words.contains(&name) {
                        hits.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    let mut hits = Vec::new();
    scan(&Path::new(ROOT).join("src"), &mut hits);
    assert!(
        hits.is_empty(),
        "story names in the code:\n{}",
        hits.join("\n")
    );
    // The scan itself sees a name when one is there.
    let probe = std::env::temp_dir().join(format!("backchannel-scan-{}", std::process::id()));
    fs::create_dir_all(&probe).unwrap();
    fs::write(probe.join("x.rs"), "const DAY: u32 = 210; // Rutte").unwrap();
    let mut found = Vec::new();
    scan(&probe, &mut found);
    assert_eq!(found.len(), 2);
    fs::remove_dir_all(&probe).unwrap();
}
