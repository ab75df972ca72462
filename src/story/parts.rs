//! The parts of a pack, as its JSON writes them: senders, messages,
//! quotations, experts, observed facts, scenarios and beats.

use crate::dates::Date;
use serde::Deserialize;

/// One person (or unnamed ally) who writes to the leaker.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// Stable id, used by messages and scenarios (`sender-1`).
    pub id: String,
    /// Full name; empty or absent for an unnamed ally ("Ally 3").
    #[serde(default)]
    pub name: String,
    /// The name used in labels and charts (a surname); the full name if absent.
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
    /// Stable id (`letter-1`).
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
