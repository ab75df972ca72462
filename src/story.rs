//! The story as data: who leaked what, the messages verbatim with their
//! sources, and which model scenario each message's publication plays.
//! Another leak story is another JSON file of this shape.

use crate::data::parse_json;
use crate::dates::Date;
use crate::model::scenario;
use serde::Deserialize;

/// The built-in story: the January 2026 Greenland texts.
const GREENLAND: &str = include_str!("../www/story/greenland.json");

/// One private message that the reader can make public.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Stable id (`macron`).
    pub id: String,
    pub sender: String,
    pub sender_role: String,
    pub recipient: String,
    /// When it was sent, as precisely as the sources allow.
    pub sent: String,
    /// Model day on which it was posted.
    pub posted_day: u32,
    /// Where it was posted (named as text, no branding).
    pub platform: String,
    pub poster: String,
    pub poster_handle: String,
    /// The poster's caption, verbatim.
    pub caption: String,
    /// The message, verbatim from the source.
    pub text: String,
    /// Where the verbatim text comes from.
    pub source: String,
    /// The model scenario that making this message public plays.
    pub scenario: String,
}

/// A whole story.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub id: String,
    /// The calendar date of model day 0.
    pub day0: Date,
    pub leaker: String,
    /// How many model days playback runs after a post.
    pub play_days: u32,
    pub messages: Vec<Message>,
}

impl Story {
    /// Parses and checks a story file; errors name the field.
    pub fn parse(text: &str) -> Result<Self, String> {
        let story: Story = parse_json(text).map_err(|e| format!("story: {e}"))?;
        if story.messages.is_empty() {
            return Err("story.messages: needs at least one message".into());
        }
        for (i, m) in story.messages.iter().enumerate() {
            scenario::builtin(&m.scenario)
                .map_err(|e| format!("story.messages[{i}].{}: {}", e.field, e.problem))?;
        }
        Ok(story)
    }

    /// The built-in Greenland story.
    pub fn greenland() -> Result<Self, String> {
        Story::parse(GREENLAND)
    }

    /// The message the explainer opens on.
    pub fn lead(&self) -> &Message {
        &self.messages[0]
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
    fn greenland_parses_and_plays_only_macron() {
        let s = Story::greenland().expect("built-in story parses");
        assert_eq!(s.lead().id, "macron");
        assert_eq!(s.lead().scenario, "only-macron");
        assert_eq!(s.lead().posted_day, 210);
    }

    #[test]
    fn unknown_scenario_is_named() {
        let bad = GREENLAND.replace("\"only-macron\"", "\"nope\"");
        let err = Story::parse(&bad).unwrap_err();
        assert!(err.contains("messages[0].scenario"), "{err}");
    }
}
