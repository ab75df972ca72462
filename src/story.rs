//! A story pack: one leak story as one JSON document (`www/packs/*.json`).
//! These types are the file format — the built-in story, a pack a newsroom
//! writes, the editor page and `validate-pack` all read them — and, once
//! checked (`story/check.rs`) and resolved (`story/resolve.rs`), the story the
//! explainer tells. Quotations and proper names live in the data, verbatim;
//! every other word a reader sees lives per language in `strings`.
//!
//! Nothing in the code names a story: the built-in one is included by its
//! path below, and read like any other.

mod baked;
pub mod check;
mod checked;
mod parts;
mod resolve;
#[cfg(test)]
mod tests;

pub use baked::{bake, bake_builtin, unbake};
pub use checked::{Problems, Resolved, Story};
pub use parts::*;

use crate::dates::Date;
use crate::pairs::Pairs;
use serde::Deserialize;

/// The built-in story pack's JSON: what native builds read, and what
/// `baked.rs` bakes for the wasm (which never reads this).
pub const BUILTIN: &str = include_str!("../www/packs/greenland-2026.json");

/// A story pack as its JSON says it, before any check. Unknown fields are
/// refused, so a typo never passes silently. Nothing in the explainer takes
/// one but the checks: `Pack::checked` turns it into a `Story`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
// The schema keeps the name and words editors and hosts know it by.
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        rename = "Story",
        description = "A story pack. Unknown fields are refused, so a typo never passes silently."
    )
)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Where an editor finds this format's JSON Schema (ignored).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable id of the story (`greenland-2026`).
    pub id: String,
    /// The calendar date of model day 0: the first day on the timeline.
    pub day0: Date,
    /// The last model day on the timeline (days after `day0`).
    pub horizon: u32,
    /// The leader who posts the private messages.
    pub leaker: String,
    /// Who writes to the leaker, in model order: the named senders and any
    /// unnamed allies (no `name`), each with a weight in the model's means.
    pub senders: Vec<Sender>,
    /// The private messages; the first is the one the story opens on.
    pub messages: Vec<Message>,
    /// Experts quoted on what follows, with the model outputs their
    /// predictions map to.
    #[serde(default)]
    pub experts: Vec<Expert>,
    /// Facts reported afterwards.
    #[serde(default)]
    pub observed: Vec<Observed>,
    /// The scenarios on offer, as lists of leaks.
    pub scenarios: Vec<StoryScenario>,
    /// The steps of the story, in order.
    pub beats: Vec<Beat>,
    /// Model parameters that differ from the defaults, by id (`gamma`).
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::overrides_schema")
    )]
    pub params: Pairs<f64>,
    /// Per language code (`en`), every string a reader sees that is not a
    /// quotation or a name: `beat.<id>.title`, `beat.<id>.body`,
    /// `beat.<id>.note`, `beat.<id>.private_note`, `sender.<id>.role`,
    /// `message.<id>.label`, `message.<id>.sensitivity` (why the model gives
    /// it that sensitivity), `expert.<id>.role`, `expert.<id>.predicts`,
    /// `observed.<id>.text`, `scenario.<id>`, and any interface string the
    /// story words its own way (`effects.insight`).
    pub strings: Pairs<Pairs<String>>,
}

impl Pack {
    /// One line for editors: what the pack holds.
    pub fn summary(&self) -> String {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let languages: Vec<&str> = self.strings.keys().collect();
        format!(
            "{}: {}, {}, {}, {}, {}, {}; languages {}",
            self.id,
            count(self.senders.len(), "sender", "senders"),
            count(self.messages.len(), "message", "messages"),
            count(self.experts.len(), "expert", "experts"),
            count(self.observed.len(), "observed fact", "observed facts"),
            count(self.scenarios.len(), "scenario", "scenarios"),
            count(self.beats.len(), "beat", "beats"),
            crate::text::join(&languages, ", ")
        )
    }

    /// The message with this id.
    pub fn message(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }

    /// The index of the message with this id.
    pub fn message_index(&self, id: &str) -> Option<usize> {
        self.messages.iter().position(|m| m.id == id)
    }

    /// The message the story opens on.
    pub fn lead(&self) -> &Message {
        &self.messages[0]
    }

    /// The index of the message a beat is about (the lead message when it names none).
    pub fn message_of(&self, beat: &Beat) -> usize {
        self.index_or_lead(beat.message.as_deref())
    }

    /// The index of the message a comparison sets against the beat's own.
    pub fn against_of(&self, beat: &Beat) -> usize {
        self.index_or_lead(beat.against.as_deref())
    }

    /// The message named, or the lead message (index 0).
    fn index_or_lead(&self, id: Option<&str>) -> usize {
        id.and_then(|id| self.message_index(id)).unwrap_or(0)
    }

    /// The short name of sender `i`, or `None` for an unnamed ally.
    pub fn sender_name(&self, i: usize) -> Option<&str> {
        let s = self.senders.get(i)?;
        [&s.short_name, &s.name]
            .into_iter()
            .find(|n| !n.trim().is_empty())
            .map(String::as_str)
    }

    /// The index of the sender with this id.
    pub fn sender_index(&self, id: &str) -> Option<usize> {
        self.senders.iter().position(|s| s.id == id)
    }

    /// The scenario ids, in the pack's order.
    pub fn scenario_ids(&self) -> impl Iterator<Item = &str> {
        self.scenarios.iter().map(|s| s.id.as_str())
    }

    /// Every quotation in the pack with its language, by the stem of its
    /// strings (`message.<id>`, `message.<id>.caption`,
    /// `expert.<id>.quote.1`, `observed.<id>`): a reader of another language
    /// sees the string `<stem>.translation` beside it.
    pub fn quotations(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for m in &self.messages {
            let stem = format!("message.{}", m.id);
            out.push((stem.clone(), quote_lang(&m.lang)));
            // The poster's caption is in the message's language too.
            if !m.caption.is_empty() {
                out.push((stem + ".caption", quote_lang(&m.lang)));
            }
        }
        for e in &self.experts {
            for (kind, list) in [("quote", &e.quotes), ("reported", &e.reported)] {
                for (i, q) in list.iter().enumerate() {
                    out.push((
                        format!("expert.{}.{kind}.{}", e.id, i + 1),
                        quote_lang(&q.lang),
                    ));
                }
            }
        }
        for o in self.observed.iter().filter(|o| !o.quote.is_empty()) {
            out.push((format!("observed.{}", o.id), quote_lang(&o.lang)));
        }
        out
    }

    /// The calendar date of a model day.
    pub fn date(&self, day: u32) -> Date {
        self.day0.plus_days(i64::from(day))
    }

    /// The model day of a date (negative before day 0).
    pub fn day_of(&self, date: Date) -> i64 {
        self.day0.days_until(date)
    }
}
