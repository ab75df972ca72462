//! The story as data: who leaked what, the messages verbatim with their
//! sources, the beats the reader steps through, the experts' predictions and
//! the observed facts. Another leak story is another JSON file of this shape;
//! narration lives in the locale files under `beat.<id>.*`, `expert.<id>.*`
//! and `observed.<id>.*`, quotations live here, verbatim.

use crate::dates::Date;
use crate::json::{FieldError, Json};
use crate::model::{scenario, Senders};

/// The built-in story: the January 2026 Greenland texts.
const GREENLAND: &str = include_str!("../www/story/greenland.json");

/// One private message that the reader can make public.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Stable id (`macron`).
    pub id: String,
    pub sender: String,
    pub sender_role: String,
    /// The sender's index among the model's senders.
    pub sender_index: usize,
    pub recipient: String,
    /// When it was sent, as precisely as the sources allow.
    pub sent: String,
    /// Model day on which it was posted.
    pub posted_day: u32,
    /// Where it was posted (named as text, no branding).
    pub platform: String,
    pub poster: String,
    pub poster_handle: String,
    /// The poster's caption, verbatim; empty when the sources give none.
    pub caption: String,
    /// The message, verbatim from the source.
    pub text: String,
    /// Where the verbatim text comes from.
    pub source: String,
    /// The model scenario that making this message public plays.
    pub scenario: String,
}

/// What a beat shows besides its narration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The backchannel network at rest.
    Network,
    /// A message, private.
    Message,
    /// A message with the "make it public" switch and the model's effects.
    Act,
    /// The experts' predictions, each linked to a model output.
    Experts,
    /// A second message set against the first.
    Compare,
    /// What was observed afterwards.
    Observed,
    /// The reader's own scenarios and parameters.
    Lab,
}

/// One step of the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Beat {
    /// Stable id; narration keys are `beat.<id>.title` and `beat.<id>.body`.
    pub id: String,
    pub view: View,
    /// The message this beat is about, by id.
    pub message: Option<String>,
}

/// An expert's prediction, with the model outputs it is linked to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expert {
    /// Stable id; the narration of what they predict is `expert.<id>.predicts`.
    pub id: String,
    pub name: String,
    /// Role as the article gives it.
    pub role: String,
    /// Outlet the words were given to; empty when the article names none.
    pub outlet: String,
    /// Direct quotations, verbatim, each shown in quotation marks.
    pub quotes: Vec<String>,
    /// Reported speech, verbatim from the article, shown without quotation marks.
    pub reported: Vec<String>,
    /// Model outputs (CSV names) this prediction animates.
    pub metrics: Vec<String>,
}

/// A fact reported after the leak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    /// Stable id; the fact in words is `observed.<id>.text`.
    pub id: String,
    /// When, as the sources give it.
    pub date: String,
    /// A verbatim quotation, or empty.
    pub quote: String,
    /// Who reported it.
    pub source: String,
}

/// A whole story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    /// The calendar date of model day 0.
    pub day0: Date,
    /// The last model day on the timeline.
    pub horizon: u32,
    pub leaker: String,
    /// Short names of the named senders, by model index; the rest are
    /// unnamed "other allies".
    pub senders: Vec<String>,
    /// Scenario ids offered to the reader, in order.
    pub scenarios: Vec<String>,
    pub messages: Vec<Message>,
    pub beats: Vec<Beat>,
    pub experts: Vec<Expert>,
    pub observed: Vec<Observed>,
    /// The article the predictions are quoted from.
    pub article: String,
}

impl Message {
    fn read(json: &Json, path: &str) -> Result<Self, FieldError> {
        let f = json.object(
            path,
            &[
                "id",
                "sender",
                "sender_role",
                "sender_index",
                "recipient",
                "sent",
                "posted_day",
                "platform",
                "poster",
                "poster_handle",
                "caption",
                "text",
                "source",
                "scenario",
            ],
        )?;
        Ok(Message {
            id: f.string("id")?,
            sender: f.string("sender")?,
            sender_role: f.string("sender_role")?,
            sender_index: f.whole("sender_index")? as usize,
            recipient: f.string("recipient")?,
            sent: f.string("sent")?,
            posted_day: f.whole("posted_day")?,
            platform: f.string("platform")?,
            poster: f.string("poster")?,
            poster_handle: f.string("poster_handle")?,
            caption: f.string("caption")?,
            text: f.string("text")?,
            source: f.string("source")?,
            scenario: f.string("scenario")?,
        })
    }
}

impl View {
    fn read(json: &Json, path: &str) -> Result<Self, FieldError> {
        Ok(match json.string(path)?.as_str() {
            "network" => View::Network,
            "message" => View::Message,
            "act" => View::Act,
            "experts" => View::Experts,
            "compare" => View::Compare,
            "observed" => View::Observed,
            "lab" => View::Lab,
            other => {
                return Err(FieldError::new(
                    path,
                    format!("\"{other}\" is not a view (known: network, message, act, experts, compare, observed, lab)"),
                ))
            }
        })
    }
}

impl Beat {
    fn read(json: &Json, path: &str) -> Result<Self, FieldError> {
        let f = json.object(path, &["id", "view", "message"])?;
        Ok(Beat {
            id: f.string("id")?,
            view: View::read(f.required("view")?, &f.path("view"))?,
            message: f
                .get("message")
                .map(|m| m.string(&f.path("message")))
                .transpose()?,
        })
    }
}

impl Expert {
    fn read(json: &Json, path: &str) -> Result<Self, FieldError> {
        let f = json.object(
            path,
            &[
                "id", "name", "role", "outlet", "quotes", "reported", "metrics",
            ],
        )?;
        let strings = |name: &str| f.list(name, &|v, p| v.string(p));
        Ok(Expert {
            id: f.string("id")?,
            name: f.string("name")?,
            role: f.string("role")?,
            outlet: f.string("outlet")?,
            quotes: strings("quotes")?,
            reported: strings("reported")?,
            metrics: strings("metrics")?,
        })
    }
}

impl Observed {
    fn read(json: &Json, path: &str) -> Result<Self, FieldError> {
        let f = json.object(path, &["id", "date", "quote", "source"])?;
        Ok(Observed {
            id: f.string("id")?,
            date: f.string("date")?,
            quote: f.string("quote")?,
            source: f.string("source")?,
        })
    }
}

/// The output names an expert card may link to.
const METRICS: [&str; 8] = [
    "compromise",
    "candor",
    "leak_risk",
    "rhetoric",
    "leaker_share",
    "rerouted",
    "safety_valve",
    "progress",
];

impl Story {
    /// Parses and checks a story file; errors name the field.
    pub fn parse(text: &str) -> Result<Self, String> {
        let json = Json::parse(text).map_err(|e| format!("story: {e}"))?;
        let story = Story::read(&json, "story").map_err(String::from)?;
        story.check()?;
        Ok(story)
    }

    fn read(json: &Json, path: &str) -> Result<Self, FieldError> {
        let f = json.object(
            path,
            &[
                "id",
                "day0",
                "horizon",
                "leaker",
                "senders",
                "scenarios",
                "messages",
                "beats",
                "experts",
                "observed",
                "article",
            ],
        )?;
        Ok(Story {
            id: f.string("id")?,
            day0: Date::read(f.required("day0")?, &f.path("day0"))?,
            horizon: f.whole("horizon")?,
            leaker: f.string("leaker")?,
            senders: f.list("senders", &|v, p| v.string(p))?,
            scenarios: f.list("scenarios", &|v, p| v.string(p))?,
            messages: f.list("messages", &Message::read)?,
            beats: f.list("beats", &Beat::read)?,
            experts: f.list("experts", &Expert::read)?,
            observed: f.list("observed", &Observed::read)?,
            article: f.string("article")?,
        })
    }

    fn check(&self) -> Result<(), String> {
        if self.messages.is_empty() {
            return Err("story.messages: needs at least one message".into());
        }
        if self.beats.is_empty() {
            return Err("story.beats: needs at least one beat".into());
        }
        if self.senders.len() > Senders::DEFAULT_COUNT {
            return Err(format!(
                "story.senders: at most {} named senders",
                Senders::DEFAULT_COUNT
            ));
        }
        let known = |id: &str, field: String| {
            scenario::builtin(id)
                .map(|_| ())
                .map_err(|e| format!("{field}: {}", e.problem))
        };
        for (i, m) in self.messages.iter().enumerate() {
            known(&m.scenario, format!("story.messages[{i}].scenario"))?;
            if m.sender_index >= Senders::DEFAULT_COUNT {
                return Err(format!(
                    "story.messages[{i}].sender_index: {} is not a sender",
                    m.sender_index
                ));
            }
            if m.posted_day > self.horizon {
                return Err(format!(
                    "story.messages[{i}].posted_day: after the horizon ({})",
                    self.horizon
                ));
            }
        }
        for (i, id) in self.scenarios.iter().enumerate() {
            known(id, format!("story.scenarios[{i}]"))?;
        }
        for (i, b) in self.beats.iter().enumerate() {
            if let Some(id) = &b.message {
                if self.message(id).is_none() {
                    return Err(format!("story.beats[{i}].message: no message \"{id}\""));
                }
            }
        }
        for (i, e) in self.experts.iter().enumerate() {
            for (j, m) in e.metrics.iter().enumerate() {
                if !METRICS.contains(&m.as_str()) {
                    return Err(format!(
                        "story.experts[{i}].metrics[{j}]: \"{m}\" is not one of {}",
                        METRICS.join(", ")
                    ));
                }
            }
        }
        Ok(())
    }

    /// The built-in Greenland story.
    pub fn greenland() -> Result<Self, String> {
        Story::parse(GREENLAND)
    }

    /// The message with this id.
    pub fn message(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }

    /// The message the explainer opens on.
    pub fn lead(&self) -> &Message {
        &self.messages[0]
    }

    /// The message a beat is about, or the lead message.
    pub fn message_of(&self, beat: &Beat) -> &Message {
        beat.message
            .as_deref()
            .and_then(|id| self.message(id))
            .unwrap_or_else(|| self.lead())
    }

    /// The short name of sender `i`, or `None` for an unnamed ally.
    pub fn sender_name(&self, i: usize) -> Option<&str> {
        self.senders.get(i).map(String::as_str)
    }

    /// The calendar date of a model day.
    pub fn date(&self, day: u32) -> Date {
        self.day0.plus_days(i64::from(day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greenland_parses_with_its_beats_and_messages() {
        let s = Story::greenland().expect("built-in story parses");
        assert_eq!(s.lead().id, "macron");
        assert_eq!(s.lead().scenario, "only-macron");
        assert_eq!(s.lead().posted_day, 210);
        assert_eq!(s.message("rutte").unwrap().sender_index, 1);
        let ids: Vec<_> = s.beats.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(
            ids,
            ["act", "pillars", "predictions", "rutte", "observed", "lab"]
        );
        assert_eq!(s.message_of(&s.beats[3]).id, "rutte");
    }

    #[test]
    fn bad_references_are_named() {
        let cases = [
            (
                "\"scenario\": \"only-macron\"",
                "\"scenario\": \"nope\"",
                "messages[0].scenario",
            ),
            (
                "\"message\": \"rutte\"",
                "\"message\": \"nobody\"",
                "beats[3].message",
            ),
            ("\"rhetoric\"", "\"mood\"", "experts[1].metrics[1]"),
            ("\"horizon\": 420", "\"horizon\": 100", "posted_day"),
            (
                "\"horizon\": 420",
                "\"horizon\": \"soon\"",
                "story.horizon: must be a whole number",
            ),
            ("\"view\": \"lab\"", "\"view\": \"garden\"", "beats[5].view"),
            (
                "\"id\": \"pillars\"",
                "\"id\": \"pillars\", \"colour\": 1",
                "beats[1].colour: unknown field",
            ),
        ];
        for (from, to, field) in cases {
            let bad = GREENLAND.replacen(from, to, 1);
            let err = Story::parse(&bad).unwrap_err();
            assert!(err.contains(field), "{from} -> {to}: {err}");
        }
    }
}
