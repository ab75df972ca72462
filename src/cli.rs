//! The command-line tools' logic, kept in the library so their parsing and
//! output are tested natively like the model: `simulate` (the model without
//! a browser, for any story pack), `validate-pack` (an editor's check before
//! publishing) and `schema` (writes the JSON Schemas).

use crate::config::SenderRef;
use crate::error::InputError;
use crate::model::{simulate, Event, Output, Params};
use crate::story::{Problems, Story};
use std::fmt::Write;

/// Output format of the runner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// Which scenario the runner plays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The pack's first scenario.
    First,
    /// Print the pack's scenario ids.
    List,
    /// This one.
    Id(String),
}

/// A leak given with `--event`; its sender is resolved against the pack.
#[derive(Clone, Debug, PartialEq)]
pub struct EventArg {
    pub day: f64,
    pub sender: SenderRef,
    pub sensitivity: f64,
}

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// A story pack's file; the built-in story when `None`.
    pub pack: Option<String>,
    pub scenario: Choice,
    /// Last whole day to print.
    pub days: u32,
    /// Internal step in days.
    pub dt: f64,
    /// Every `--set`, in order, on top of the pack's parameters.
    pub sets: Vec<(String, f64)>,
    /// Extra leaks added to the scenario's own.
    pub events: Vec<EventArg>,
    pub format: Format,
}

/// Usage text printed by `--help`.
pub const USAGE: &str = "\
simulate: run the Backchannel leak model and print one row per whole day.

Usage: simulate [--pack FILE] [--scenario ID|list] [--days N] [--dt X]
                [--set ID=VALUE]... [--event DAY:SENDER:SENSITIVITY]...
                [--format csv|json]

  --pack FILE     a story pack (JSON); the built-in story when absent
  --scenario ID   one of the pack's scenarios (default: its first);
                  `list` prints the ids
  --days N        last day to print (default 400; day 0 is the pack's day0)
  --dt X          internal step in days, 0.001 <= X <= 1 (default 1)
  --set ID=VALUE  override a parameter, on top of the pack's (ids: p0, q, lambda,
                  eta, gamma, half_life, k, tau_candor, tau_rhetoric, rho0, xi,
                  chi, phi, psi, sigma, d, theta_b)
  --event D:S:X   add a leak on day D of sender S (the pack's sender id, or an
                  index from 0) with sensitivity X in [0,1], on top of the
                  scenario's leaks
  --format F      csv (default) or json
";

/// Parses the arguments after the program name. `Ok(None)` means help was asked.
pub fn parse(args: &[String]) -> Result<Option<Request>, String> {
    let mut req = Request {
        pack: None,
        scenario: Choice::First,
        days: 400,
        dt: 1.0,
        sets: Vec::new(),
        events: Vec::new(),
        format: Format::Csv,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            return Ok(None);
        }
        let mut value = || {
            it.next()
                .map(String::as_str)
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--pack" => req.pack = Some(value()?.to_string()),
            "--scenario" => {
                req.scenario = match value()? {
                    "list" => Choice::List,
                    id => Choice::Id(id.to_string()),
                }
            }
            "--days" => {
                let v = value()?;
                req.days = v
                    .parse()
                    .map_err(|_| format!("--days: \"{v}\" is not a whole number of days"))?;
            }
            "--dt" => req.dt = number("--dt", value()?)?,
            "--set" => {
                let v = value()?;
                let (id, x) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--set: \"{v}\" is not ID=VALUE"))?;
                let x = number(&format!("--set {id}"), x)?;
                // The id and the range are checked now; the whole set once
                // the pack's own parameters are known.
                Params::default()
                    .set_by_key(id, x)
                    .map_err(|e| format!("--set {e}"))?;
                req.sets.push((id.to_string(), x));
            }
            "--event" => req.events.push(parse_event(value()?)?),
            "--format" => {
                req.format = match value()? {
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    other => return Err(format!("--format: \"{other}\" is not csv or json")),
                }
            }
            other => return Err(format!("unknown argument \"{other}\" (try --help)")),
        }
    }
    Ok(Some(req))
}

fn number(what: &str, v: &str) -> Result<f64, String> {
    v.trim()
        .parse::<f64>()
        .map_err(|_| format!("{what}: \"{v}\" is not a number"))
}

/// Parses `DAY:SENDER:SENSITIVITY`; SENDER is a sender id or an index.
pub fn parse_event(v: &str) -> Result<EventArg, String> {
    let parts: Vec<&str> = v.split(':').collect();
    let [day, sender, sensitivity] = parts[..] else {
        return Err(format!("--event: \"{v}\" is not DAY:SENDER:SENSITIVITY"));
    };
    let sender = match sender.parse::<u32>() {
        Ok(i) => SenderRef::Index(i),
        Err(_) if !sender.trim().is_empty() => SenderRef::Id(sender.to_string()),
        Err(_) => return Err(format!("--event: \"{v}\" names no sender")),
    };
    let event = EventArg {
        day: number("--event day", day)?,
        sender,
        sensitivity: number("--event sensitivity", sensitivity)?,
    };
    // Everything but the sender can be checked without the pack.
    Event {
        day: event.day,
        sender: 0,
        sensitivity: event.sensitivity,
    }
    .validate(1, "--event")
    .map_err(|e| e.to_string())?;
    Ok(event)
}

/// Reads a pack file, or the built-in story.
pub fn load(path: Option<&str>) -> Result<Story, String> {
    let story = match path {
        None => Story::builtin(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("--pack: cannot read {path} ({e})"))?;
            Story::parse(&text)
        }
    };
    story.map_err(|p| match path {
        Some(path) => format!("--pack {path}: {}", p.summary()),
        None => format!("the built-in story: {}", p.summary()),
    })
}

/// Runs a request and returns what the runner prints.
pub fn run(req: &Request) -> Result<String, String> {
    let story = load(req.pack.as_deref())?;
    let id = match &req.scenario {
        Choice::List => return Ok(story.scenario_ids().map(|id| format!("{id}\n")).collect()),
        Choice::First => story
            .scenario_ids()
            .next()
            .unwrap_or(crate::model::KEPT_PRIVATE)
            .to_string(),
        Choice::Id(id) => id.clone(),
    };
    let mut events = match story.scenario(&id) {
        Some(s) => s.events.clone(),
        None if id == crate::model::KEPT_PRIVATE => Vec::new(),
        None => return Err(crate::config::unknown_scenario("--scenario", &id, &story).to_string()),
    };
    for e in &req.events {
        events.push(resolve_event(&story, e).map_err(|e| e.to_string())?);
    }
    let params = story
        .resolved()
        .params
        .overridden(&req.sets)
        .map_err(|e| e.to_string())?;
    let trajectory = simulate(
        &params,
        &story.resolved().senders,
        &events,
        req.days,
        req.dt,
    )
    .map_err(|e| e.to_string())?;
    let mut out = String::new();
    match req.format {
        Format::Csv => {
            out.push_str("day");
            for o in Output::ALL {
                out.push(',');
                out.push_str(o.name());
            }
            out.push('\n');
            for (day, row) in trajectory.days().iter().enumerate() {
                let _ = write!(out, "{day}");
                for o in Output::ALL {
                    let _ = write!(out, ",{:.6}", o.value(row));
                }
                out.push('\n');
            }
        }
        Format::Json => {
            let rows: Vec<_> = trajectory
                .days()
                .iter()
                .enumerate()
                .map(|(day, o)| serde_json::json!({ "day": day, "outputs": o }))
                .collect();
            let doc = serde_json::json!({
                "pack": story.id,
                "scenario": id,
                "events": events,
                "params": params,
                "dt": req.dt,
                "days": rows,
            });
            out = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
            out.push('\n');
        }
    }
    Ok(out)
}

/// An `--event` leak in the model's terms.
fn resolve_event(story: &Story, e: &EventArg) -> Result<Event, InputError> {
    let sender = match &e.sender {
        SenderRef::Index(i) => *i as usize,
        SenderRef::Id(id) => story.sender_index(id).ok_or_else(|| {
            let known: Vec<&str> = story.senders.iter().map(|s| s.id.as_str()).collect();
            InputError::new(
                "--event.sender",
                format!(
                    "no sender \"{id}\" in {} (known: {}, or an index)",
                    story.id,
                    known.join(", ")
                ),
            )
        })?,
    };
    let event = Event {
        day: e.day,
        sender,
        sensitivity: e.sensitivity,
    };
    event.validate(story.senders.len(), "--event")?;
    Ok(event)
}

/// The pack in `path` as the explainer reads it, every default written
/// out (`validate-pack --print FILE`), or its problems.
pub fn normalised(path: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read ({e})"))?;
    let story = Story::parse(&text).map_err(|p| format!("{path}: {}", p.summary()))?;
    let mut out = serde_json::to_string_pretty(story.pack()).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

/// What `validate-pack FILE` prints, and whether the pack passed.
pub fn validate(path: &str) -> (String, bool) {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return (format!("{path}: cannot read ({e})\n"), false),
    };
    match Story::parse(&text) {
        Ok(story) => (format!("ok {}\n", story.summary()), true),
        Err(Problems(problems)) => {
            let mut out = String::new();
            for p in &problems {
                let _ = writeln!(out, "{p}");
            }
            let _ = writeln!(out, "{path}: {} problem(s)", problems.len());
            (out, false)
        }
    }
}
