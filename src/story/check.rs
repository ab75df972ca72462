//! The rules a story pack keeps beyond its shape, each refusal naming its
//! path: ids that exist and do not repeat, dates inside the timeline, quotes
//! with sources, sensitivities in 0–1, predictions mapped to outputs the
//! model has, and every language with the same strings. All problems are
//! reported at once, so an editor fixes a pack in one pass.

use super::{Pack, View};
use crate::dates::Date;
use crate::error::InputError;
use crate::model::{Output, Params, CUSTOM, KEPT_PRIVATE};
use crate::num::short;
use crate::words::Words;

mod strings;

/// The pseudo-output an expert may map to: the sensitivity the model gives
/// each message (what a leak reveals).
pub const SENSITIVITY: &str = "sensitivity";

/// The longest timeline a pack may ask for (about five years): the model
/// runs it on every parameter change.
pub const MAX_HORIZON: u32 = 2000;

/// The most senders the network view can draw legibly.
pub const MAX_SENDERS: usize = 12;

/// Collects problems with their paths.
#[derive(Default)]
struct Found(Vec<InputError>);

impl Found {
    fn add(&mut self, path: impl Into<String>, problem: impl Into<String>) {
        self.0.push(InputError::new(path, problem));
    }

    /// A text that must say something.
    fn text(&mut self, path: String, value: &str) {
        if blank(value) {
            self.add(path, "is empty");
        }
    }

    /// Ids that must be present and unique within their list.
    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen: Vec<&str> = Vec::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if blank(id) {
                self.add(path, "is empty");
            } else if seen.contains(&id) {
                self.add(path, format!("\"{id}\" is used twice"));
            }
            seen.push(id);
        }
    }

    /// A reference to one of `known`.
    fn refers(&mut self, path: String, id: &str, what: &str, known: &[&str]) -> bool {
        let found = known.contains(&id);
        if !found {
            self.add(
                path,
                format!(
                    "no {what} \"{id}\" (known: {})",
                    crate::text::join(known, ", ")
                ),
            );
        }
        found
    }

    /// A date on the story's timeline.
    fn on_timeline(&mut self, path: String, story: &Pack, date: Date) {
        let day = story.day_of(date);
        if day < 0 || day > i64::from(story.horizon) {
            let last = story.date(story.horizon);
            self.add(
                path,
                format!("{date} is outside the timeline ({} to {last})", story.day0),
            );
        }
    }

    /// A sensitivity between 0 and 1.
    fn sensitivity(&mut self, path: String, s: f64) {
        if !(0.0..=1.0).contains(&s) {
            self.add(path, format!("{} is outside 0 to 1", short(s)));
        }
    }
}

/// Whether a text shows nothing: only spaces, or characters that are
/// invisible on their own (zero-width spaces and joiners, the byte-order
/// mark, bidi controls, the soft hyphen), which `trim` keeps.
fn blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    })
}

/// Every problem of the pack (empty when it is sound).
pub fn problems(story: &Pack) -> Vec<InputError> {
    let mut f = Found::default();
    f.text("id".into(), &story.id);
    if story.horizon == 0 || story.horizon > MAX_HORIZON {
        f.add(
            "horizon",
            format!(
                "{} is not a number of days from 1 to {MAX_HORIZON}",
                story.horizon
            ),
        );
    }
    f.text("leaker".into(), &story.leaker);
    senders(&mut f, story);
    messages(&mut f, story);
    experts(&mut f, story);
    observed(&mut f, story);
    scenarios(&mut f, story);
    beats(&mut f, story);
    if let Err(e) = Params::default().overridden(&story.params.0) {
        f.0.push(e.at("params"));
    }
    strings::strings(&mut f, story, &Words::english());
    f.0
}

fn senders(f: &mut Found, story: &Pack) {
    if story.senders.is_empty() || story.senders.len() > MAX_SENDERS {
        f.add(
            "senders",
            format!(
                "needs 1 to {MAX_SENDERS} senders, not {}",
                story.senders.len()
            ),
        );
    }
    f.ids("senders", story.senders.iter().map(|s| s.id.as_str()));
    for (i, s) in story.senders.iter().enumerate() {
        if !s.weight.is_finite() || s.weight < 0.0 {
            f.add(
                format!("senders[{i}].weight"),
                format!("{} is not a weight of 0 or more", short(s.weight)),
            );
        }
    }
    if story.senders.iter().all(|s| s.weight == 0.0) && !story.senders.is_empty() {
        f.add(
            "senders",
            "every weight is 0: the model needs someone to average over",
        );
    }
}

fn messages(f: &mut Found, story: &Pack) {
    if story.messages.is_empty() {
        f.add("messages", "needs at least one message");
    }
    f.ids("messages", story.messages.iter().map(|m| m.id.as_str()));
    let senders: Vec<&str> = story.senders.iter().map(|s| s.id.as_str()).collect();
    let scenarios: Vec<&str> = story.scenario_ids().collect();
    for (i, m) in story.messages.iter().enumerate() {
        let at = |field: &str| format!("messages[{i}].{field}");
        if f.refers(at("sender"), &m.sender, "sender", &senders)
            && story
                .senders
                .iter()
                .any(|s| s.id == m.sender && s.name.trim().is_empty())
        {
            f.add(
                at("sender"),
                format!(
                    "sender \"{}\" has no name: a message is shown with who sent it",
                    m.sender
                ),
            );
        }
        for (field, value) in [
            ("recipient", &m.recipient),
            ("platform", &m.platform),
            ("poster", &m.poster),
            ("text", &m.text),
            ("source", &m.source),
        ] {
            f.text(at(field), value);
        }
        f.on_timeline(at("posted"), story, m.posted);
        if let Some(sent) = m.sent {
            if sent.days_until(m.posted) < 0 {
                f.add(
                    at("sent"),
                    format!("{sent} is after it was posted ({})", m.posted),
                );
            }
        }
        f.sensitivity(at("sensitivity"), m.sensitivity);
        if let Some(id) = &m.scenario {
            if f.refers(at("scenario"), id, "scenario", &scenarios) && !posts(story, id, &m.id) {
                f.add(at("scenario"), format!("\"{id}\" does not post this message (add {{\"message\": \"{}\"}} to its events)", m.id));
            }
        }
        if let Some(id) = &m.other_reading {
            if f.refers(at("other_reading"), id, "scenario", &scenarios) && !posts(story, id, &m.id)
            {
                f.add(at("other_reading"), format!("\"{id}\" does not post this message (add {{\"message\": \"{}\", \"sensitivity\": …}} to its events)", m.id));
            }
        }
    }
}

/// Whether scenario `id` posts message `message` (by naming it).
fn posts(story: &Pack, id: &str, message: &str) -> bool {
    story
        .scenarios
        .iter()
        .filter(|s| s.id == id)
        .flat_map(|s| &s.events)
        .any(|e| e.message.as_deref() == Some(message))
}

fn experts(f: &mut Found, story: &Pack) {
    f.ids("experts", story.experts.iter().map(|e| e.id.as_str()));
    let mut outputs: Vec<&str> = Output::ALL.iter().map(|o| o.name()).collect();
    outputs.push(SENSITIVITY);
    for (i, e) in story.experts.iter().enumerate() {
        f.text(format!("experts[{i}].name"), &e.name);
        for (list, quotes) in [("quotes", &e.quotes), ("reported", &e.reported)] {
            for (j, q) in quotes.iter().enumerate() {
                f.text(format!("experts[{i}].{list}[{j}].text"), &q.text);
                f.text(format!("experts[{i}].{list}[{j}].source"), &q.source);
            }
        }
        for (j, o) in e.outputs.iter().enumerate() {
            f.refers(
                format!("experts[{i}].outputs[{j}]"),
                o,
                "model output",
                &outputs,
            );
        }
    }
}

fn observed(f: &mut Found, story: &Pack) {
    f.ids("observed", story.observed.iter().map(|o| o.id.as_str()));
    for (i, o) in story.observed.iter().enumerate() {
        f.on_timeline(format!("observed[{i}].date"), story, o.date);
        f.text(format!("observed[{i}].source"), &o.source);
    }
}

fn scenarios(f: &mut Found, story: &Pack) {
    f.ids("scenarios", story.scenario_ids());
    let senders: Vec<&str> = story.senders.iter().map(|s| s.id.as_str()).collect();
    let messages: Vec<&str> = story.messages.iter().map(|m| m.id.as_str()).collect();
    for (i, s) in story.scenarios.iter().enumerate() {
        if s.id == CUSTOM {
            f.add(
                format!("scenarios[{i}].id"),
                format!("\"{CUSTOM}\" is kept for the reader's own leaks"),
            );
        }
        if s.id == KEPT_PRIVATE && !s.events.is_empty() {
            f.add(
                format!("scenarios[{i}].events"),
                format!("\"{KEPT_PRIVATE}\" is the baseline: it has no leaks"),
            );
        }
        for (j, e) in s.events.iter().enumerate() {
            let at = |field: &str| format!("scenarios[{i}].events[{j}].{field}");
            match (&e.message, e.date, &e.sender, e.sensitivity) {
                (Some(m), None, None, s) => {
                    f.refers(at("message"), m, "message", &messages);
                    if let Some(s) = s {
                        f.sensitivity(at("sensitivity"), s);
                    }
                }
                (None, Some(date), Some(sender), Some(s)) => {
                    f.on_timeline(at("date"), story, date);
                    f.refers(at("sender"), sender, "sender", &senders);
                    f.sensitivity(at("sensitivity"), s);
                }
                _ => f.add(
                    format!("scenarios[{i}].events[{j}]"),
                    "must be {\"message\": id} (and a \"sensitivity\" of its own, if read another way), or {\"date\", \"sender\", \"sensitivity\"} together",
                ),
            }
        }
    }
}

fn beats(f: &mut Found, story: &Pack) {
    if story.beats.is_empty() {
        f.add("beats", "needs at least one beat");
    }
    f.ids("beats", story.beats.iter().map(|b| b.id.as_str()));
    let messages: Vec<&str> = story.messages.iter().map(|m| m.id.as_str()).collect();
    let experts: Vec<&str> = story.experts.iter().map(|e| e.id.as_str()).collect();
    let facts: Vec<&str> = story.observed.iter().map(|o| o.id.as_str()).collect();
    for (i, b) in story.beats.iter().enumerate() {
        let at = |field: &str| format!("beats[{i}].{field}");
        for (field, id) in [("message", &b.message), ("against", &b.against)] {
            if let Some(id) = id {
                f.refers(at(field), id, "message", &messages);
            }
        }
        // The message a switch flips must say what making it public plays.
        if matches!(b.view, View::Act | View::Compare) {
            let shown = b.message.as_deref().or(messages.first().copied());
            if let Some(m) = shown.and_then(|id| story.message(id)) {
                if m.scenario.is_none() {
                    f.add(
                        at("message"),
                        format!(
                            "message \"{}\" has no scenario to play when made public",
                            m.id
                        ),
                    );
                }
            }
        }
        for (field, ids, list, what) in [
            ("experts", &b.experts, &experts, "expert"),
            ("observed", &b.observed, &facts, "observed fact"),
        ] {
            for (j, id) in ids.iter().flatten().enumerate() {
                f.refers(format!("beats[{i}].{field}[{j}]"), id, what, list);
            }
        }
    }
}
