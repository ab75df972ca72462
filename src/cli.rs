//! The command-line runner's logic (`cargo run --bin simulate`), kept in the
//! library so its parsing and output are tested natively like the model.

use crate::model::{scenario, simulate, Event, Params, Senders, OUTPUT_NAMES};
use std::fmt::Write;

/// Output format of the runner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// Scenario id, or `None` for `--scenario list`.
    pub scenario: Option<String>,
    /// Last whole day to print.
    pub days: u32,
    /// Internal step in days.
    pub dt: f64,
    /// Parameters after every `--set`.
    pub params: Params,
    /// Extra events added to the scenario's own.
    pub events: Vec<Event>,
    /// CSV or JSON.
    pub format: Format,
}

/// Usage text printed by `--help`.
pub const USAGE: &str = "\
simulate: run the Backchannel leak model and print one row per whole day.

Usage: simulate [--scenario ID|list] [--days N] [--dt X] [--set ID=VALUE]...
                [--event DAY:SENDER:SENSITIVITY]... [--format csv|json]

  --scenario ID   what-happened (default), only-rutte, only-macron, kept-private;
                  `list` prints the ids
  --days N        last day to print (default 400; day 0 = 24 June 2025)
  --dt X          internal step in days, 0.001 <= X <= 1 (default 1)
  --set ID=VALUE  override a parameter (ids: p0, n0, eta, gamma, half_life, r_ok,
                  k, tau_candor, tau_rhetoric, rho0, xi, chi, phi, psi, sigma, d,
                  theta_b)
  --event D:S:X   add a leak on day D of sender S (macron, rutte or an index 0-5)
                  with sensitivity X in [0,1], on top of the scenario's leaks
  --format F      csv (default) or json
";

/// Parses the arguments after the program name. `Ok(None)` means help was asked.
pub fn parse(args: &[String]) -> Result<Option<Request>, String> {
    let mut req = Request {
        scenario: Some("what-happened".into()),
        days: 400,
        dt: 1.0,
        params: Params::default(),
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
            "--scenario" => {
                let id = value()?;
                req.scenario = if id == "list" {
                    None
                } else {
                    scenario::builtin(id).map_err(|e| e.to_string())?;
                    Some(id.to_string())
                };
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
                req.params
                    .set_by_key(id, x)
                    .map_err(|e| format!("--set {e}"))?;
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

/// Parses `DAY:SENDER:SENSITIVITY`, where SENDER is `macron`, `rutte` or an index.
pub fn parse_event(v: &str) -> Result<Event, String> {
    let parts: Vec<&str> = v.split(':').collect();
    let [day, sender, sensitivity] = parts[..] else {
        return Err(format!("--event: \"{v}\" is not DAY:SENDER:SENSITIVITY"));
    };
    let sender = match sender {
        "macron" => scenario::MACRON,
        "rutte" => scenario::RUTTE,
        s => s
            .parse()
            .map_err(|_| format!("--event: sender \"{s}\" is not macron, rutte or an index"))?,
    };
    let event = Event {
        day: number("--event day", day)?,
        sender,
        sensitivity: number("--event sensitivity", sensitivity)?,
    };
    event
        .validate(Senders::DEFAULT_COUNT, "--event")
        .map_err(|e| e.to_string())?;
    Ok(event)
}

/// Runs a request and returns what the runner prints.
pub fn run(req: &Request) -> Result<String, String> {
    let Some(id) = &req.scenario else {
        return Ok(scenario::ids().map(|id| format!("{id}\n")).collect());
    };
    let mut events = scenario::builtin(id).map_err(|e| e.to_string())?.events;
    events.extend_from_slice(&req.events);
    let trajectory = simulate(&req.params, &Senders::default(), &events, req.days, req.dt)
        .map_err(|e| e.to_string())?;
    let mut out = String::new();
    match req.format {
        Format::Csv => {
            out.push_str("day");
            for name in OUTPUT_NAMES {
                out.push(',');
                out.push_str(name);
            }
            out.push('\n');
            for (day, row) in trajectory.days().iter().enumerate() {
                let _ = write!(out, "{day}");
                for v in row.values() {
                    let _ = write!(out, ",{v:.6}");
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
                "scenario": id,
                "events": events,
                "params": req.params,
                "dt": req.dt,
                "days": rows,
            });
            out = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
            out.push('\n');
        }
    }
    Ok(out)
}
