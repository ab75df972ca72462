//! A story pack: one leak story as one JSON document (`www/packs/*.json`).
//! These types are the file format — the built-in story, a pack a newsroom
//! writes, the editor page and `validate-pack` all read them — and, once
//! checked (`story/check.rs`) and resolved (`story/resolve.rs`), the story the
//! explainer tells. Quotations and proper names live in the data, verbatim;
//! every other word a reader sees lives per language in `strings`.
//!
//! Nothing in the code names a story: the built-in one is included by its
//! path below, and read like any other.

pub mod check;
mod resolve;
#[cfg(test)]
mod tests;

use crate::dates::Date;
use crate::error::InputError;
use crate::model::{Params, Scenario, Senders};
use crate::pairs::Pairs;
use serde::Deserialize;

/// The built-in story pack, compiled in: whole in native builds; in the
/// wasm with its English strings only (build.rs), the others arriving with
/// their language's interface strings when a reader asks for them.
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN: &str = include_str!("../www/packs/greenland-2026.json");
#[cfg(target_arch = "wasm32")]
pub const BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin-pack.json"));

/// The built-in story's languages whose strings the wasm leaves out.
pub const BUILTIN_DEFERRED: &[&str] = include!(concat!(env!("OUT_DIR"), "/builtin-deferred.rs"));

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

/// A pack that passed every check, with what checking worked out. Only
/// `Pack::checked` makes one, so what takes a `Story` (the reducer, the
/// views, the image writer) never meets an unchecked pack; it reads the
/// pack's fields through `Deref` and cannot change them.
///
/// Neither builds nor changes a story outside this module:
/// ```compile_fail
/// # use backchannel::story::{Pack, Story};
/// fn unchecked(pack: Pack) -> Story {
///     Story { pack, resolved: Default::default(), deferred: Vec::new() }
/// }
/// ```
/// ```compile_fail
/// # use backchannel::story::Story;
/// fn emptied(mut story: Story) {
///     story.beats.clear();
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pack: Pack,
    /// Indices, model days, runs, parameters.
    resolved: Resolved,
    /// Languages the story is told in whose strings come later, with the
    /// interface strings (the built-in story in the wasm: see `BUILTIN`).
    deferred: Vec<String>,
}

impl std::ops::Deref for Story {
    type Target = Pack;

    fn deref(&self) -> &Pack {
        &self.pack
    }
}

/// One person (or unnamed ally) who writes to the leaker.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// Stable id, used by messages and scenarios (`macron`).
    pub id: String,
    /// Full name; empty or absent for an unnamed ally ("Ally 3").
    #[serde(default)]
    pub name: String,
    /// The name used in labels and charts ("Macron"); the full name if absent.
    #[serde(default)]
    pub short_name: String,
    /// Weight in the model's averages over senders (default 1).
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// One private message the reader can make public.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Stable id (`macron`).
    pub id: String,
    /// The sender's id.
    pub sender: String,
    /// Who it was written to.
    pub recipient: String,
    /// When it was sent, if the sources say; otherwise it reads "before" the post.
    #[serde(default)]
    pub sent: Option<Date>,
    /// When the leaker posted it.
    pub posted: Date,
    /// Where it was posted (named as text, no branding).
    pub platform: String,
    /// Who posted it, and their handle there.
    pub poster: String,
    #[serde(default)]
    pub poster_handle: String,
    /// The poster's caption, verbatim; empty when the sources give none. In
    /// the message's language: a reader of another language also sees
    /// `message.<id>.caption.translation`.
    #[serde(default)]
    pub caption: String,
    /// The message, verbatim from the source.
    pub text: String,
    /// The language it was written in (`en` when absent). A reader of
    /// another language also sees the string `message.<id>.translation`.
    #[serde(default)]
    pub lang: String,
    /// Where the verbatim text comes from (`message.<id>.source` may word
    /// it in a reader's language).
    pub source: String,
    /// How costly its content was to reveal, 0 (harmless) to 1; the reason is
    /// the string `message.<id>.sensitivity`.
    pub sensitivity: f64,
    /// The scenario that making it public plays (it must post this message).
    /// Needed when a beat shows the message.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Where the sources disagree on how costly the content was: a scenario
    /// that posts this message with the other reading's sensitivity. The
    /// string `message.<id>.other_reading` says whose reading it is; the
    /// comparison shows both readings and opens this one in the lab.
    #[serde(default)]
    pub other_reading: Option<String>,
    /// The sender's index in the model.
    #[serde(skip)]
    pub sender_index: usize,
    /// The model day it was posted.
    #[serde(skip)]
    pub day: u32,
}

/// Words of a person, verbatim, with where they were published.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The words, verbatim, in their original language.
    pub text: String,
    /// That language (`en` when absent). A reader of another language also
    /// sees the string `expert.<id>.quote.<n>.translation` (or
    /// `.reported.<n>.`, counting from 1).
    #[serde(default)]
    pub lang: String,
    /// Where they were published (`expert.<id>.sources` may word the
    /// card's source line in a reader's language).
    pub source: String,
}

/// An expert's prediction, linked to the model outputs that animate it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Expert {
    /// Stable id; their role is `expert.<id>.role`, what they predict
    /// `expert.<id>.predicts`.
    pub id: String,
    pub name: String,
    /// The outlet they spoke to; empty when the reporting names none.
    #[serde(default)]
    pub outlet: String,
    /// Direct quotations, shown in quotation marks.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Reported speech, verbatim from the reporting, shown without quotation marks.
    #[serde(default)]
    pub reported: Vec<Quote>,
    /// Model outputs this prediction maps to (`compromise`, `candor`, …, or
    /// `sensitivity` for the sensitivity the model gives each message).
    #[serde(default)]
    pub outputs: Vec<String>,
}

/// A fact reported after a leak.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Observed {
    /// Stable id; the fact in words is `observed.<id>.text`.
    pub id: String,
    /// When it happened.
    pub date: Date,
    /// True when the sources give the date only roughly ("about 23 Jan").
    #[serde(default)]
    pub approximate: bool,
    /// A verbatim quotation, or empty.
    #[serde(default)]
    pub quote: String,
    /// The quotation's language (`en` when absent); a reader of another
    /// language also sees the string `observed.<id>.translation`.
    #[serde(default)]
    pub lang: String,
    /// Who reported it (`observed.<id>.source` may word it in a reader's
    /// language).
    pub source: String,
}

/// A quotation's language: the pack's `lang` field, `en` when absent.
pub fn quote_lang(lang: &str) -> &str {
    if lang.is_empty() {
        "en"
    } else {
        lang
    }
}

/// A scenario as a pack writes it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct StoryScenario {
    /// Stable id (`what-happened`); its label is the string `scenario.<id>`.
    pub id: String,
    /// The leaks.
    pub events: Vec<StoryEvent>,
}

/// One leak: a message of the pack posted on its day (`{"message": id}`,
/// with `"sensitivity"` where a scenario reads it another way), or a leak of
/// its own (`{"date", "sender", "sensitivity"}`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct StoryEvent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<f64>,
}

/// What a beat shows besides its narration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// A message with the "Make it public" switch and the model's effects.
    Act,
    /// The network of private channels around the leaker.
    Network,
    /// The experts' predictions, each with the model outputs it maps to.
    Experts,
    /// A second message set against another, each one's effect alone.
    Compare,
    /// What was observed afterwards.
    Observed,
    /// The reader's own scenarios and parameters.
    Lab,
}

/// One step of the story.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Beat {
    /// Stable id; its title and body are `beat.<id>.title` and `beat.<id>.body`.
    pub id: String,
    pub view: View,
    /// The message this beat is about (the first message when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// On a `compare` beat, the message set against it (the first message
    /// when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<String>,
    /// On an `experts` beat, which experts, in order (all when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experts: Option<Vec<String>>,
    /// On an `observed` beat, which facts, in order (all when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<Vec<String>>,
}

/// What checking a pack works out once, for the explainer to use.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The senders' weights, as the model takes them.
    pub senders: Senders,
    /// Every scenario with its leaks in model terms.
    pub scenarios: Vec<Scenario>,
    /// The default parameters with the pack's overrides.
    pub params: Params,
}

impl Default for Resolved {
    fn default() -> Self {
        Resolved {
            senders: Senders::equal(1),
            scenarios: Vec::new(),
            params: Params::default(),
        }
    }
}

/// Every problem found in a pack, each with its path; never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems(pub Vec<InputError>);

impl Problems {
    /// The first problem, and how many more there are, in one line.
    pub fn summary(&self) -> InputError {
        let first = self
            .0
            .first()
            .cloned()
            .unwrap_or_else(|| InputError::new("", "refused"));
        match self.0.len() {
            0 | 1 => first,
            n => InputError::new(
                first.path,
                format!(
                    "{} (and {} more problems: run validate-pack or open pack-editor.html)",
                    first.problem,
                    n - 1
                ),
            ),
        }
    }
}

impl From<InputError> for Problems {
    fn from(e: InputError) -> Self {
        Problems(vec![e])
    }
}

impl Story {
    /// Reads, checks and resolves a pack's JSON text.
    pub fn parse(text: &str) -> Result<Story, Problems> {
        crate::read::parse::<Pack>(text)?.checked()
    }

    /// Reads a pack the host page passed as a JavaScript object.
    #[cfg(target_arch = "wasm32")]
    pub fn from_js(value: wasm_bindgen::JsValue) -> Result<Story, Problems> {
        crate::read::from_js::<Pack>(value)?.checked()
    }

    /// The built-in story. A failure here is a build mistake (a native test
    /// reads the same file), shown like any refused pack.
    pub fn builtin() -> Result<Story, Problems> {
        let mut story = Story::parse(BUILTIN)?;
        if cfg!(target_arch = "wasm32") {
            story.deferred = BUILTIN_DEFERRED.iter().map(|l| l.to_string()).collect();
        }
        Ok(story)
    }

    /// The pack as it was read (what `validate-pack --normalize` writes).
    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// What checking worked out.
    pub fn resolved(&self) -> &Resolved {
        &self.resolved
    }

    /// The story told with only the beats in `keep` (a host's config), in
    /// the pack's order. Nothing checking worked out refers to a beat, so
    /// the rest holds as checked, and a story keeps at least one beat (what
    /// the reducer counts on): keeping none is refused.
    pub fn with_beats(mut self, keep: &[String]) -> Result<Story, InputError> {
        self.pack.beats.retain(|b| keep.contains(&b.id));
        if self.pack.beats.is_empty() {
            return Err(InputError::new(
                "config.beats",
                "keeps none of the story's beats",
            ));
        }
        Ok(self)
    }

    /// The scenario with this id, in model terms.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.resolved.scenarios.iter().find(|s| s.id == id)
    }

    /// The languages a reader can switch between: the interface's that the
    /// story is told in, in the interface's order.
    pub fn interface_languages(&self) -> Vec<&'static str> {
        crate::words::LANGUAGES
            .iter()
            .copied()
            .filter(|l| self.speaks(l))
            .collect()
    }

    /// Whether the story can be told in `lang` (its strings here, or to come).
    pub fn speaks(&self, lang: &str) -> bool {
        self.strings.get(lang).is_some() || self.deferred.iter().any(|l| l == lang)
    }

    /// The languages the pack has strings for (here, or to come).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.strings
            .keys()
            .chain(self.deferred.iter().map(String::as_str))
    }
}

impl Pack {
    /// Checks every rule a pack must keep, reporting every problem at once,
    /// then works out what the explainer needs: the only way to a `Story`.
    pub fn checked(mut self) -> Result<Story, Problems> {
        let problems = check::problems(&self);
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let resolved = resolve::resolve(&mut self).map_err(Problems::from)?;
        Ok(Story {
            pack: self,
            resolved,
            deferred: Vec::new(),
        })
    }

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
            languages.join(", ")
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
    /// strings (`message.macron`, `message.macron.caption`,
    /// `expert.kleine.quote.1`, `observed.precedent`): a reader of another language sees the string
    /// `<stem>.translation` beside it.
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
