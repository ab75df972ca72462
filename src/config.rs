//! What a host page can ask of one explainer: the element's attributes and an
//! optional JSON config (a `config` URL or an inline
//! `<script type="application/json">`). Reading checks the config's shape;
//! `resolve` checks it against the story it configures (its scenarios,
//! senders, beats, languages and timeline). Every refusal names its path
//! (`config.params.gamma: 7 is outside its range 0.3 to 1`). The schema,
//! `www/config.schema.json`, is generated from these types.

use crate::error::InputError;
use crate::model::{Event, Params, Scenario, CUSTOM, KEPT_PRIVATE};
use crate::pairs::Pairs;
use crate::story::Story;
use crate::words::LANGUAGES;
use serde::de::{Deserialize, Deserializer, Error, Visitor};
use std::fmt;

/// Colour theme. Light unless the host asks: many articles are light-only
/// while the reader's device is dark, and a dark box in a light page reads as
/// a hole (Datawrapper makes automatic dark mode opt-in for the same reason).
/// `Auto` follows the reader's `prefers-color-scheme`; `Dark` always is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Auto,
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// An image's theme by name: `light` or `dark` (an image has no reader's
    /// setting to follow, so no `auto`).
    pub fn of_image(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The CSS class on the explainer's root that selects this theme.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "bc-theme-auto",
            Theme::Light => "bc-theme-light",
            Theme::Dark => "bc-theme-dark",
        }
    }
}

/// A sender named by its id in the story pack (`"ally-3"`) or by its index
/// in the model (`0`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(untagged))]
pub enum SenderRef {
    Id(String),
    Index(u32),
}

/// A leak of the host's own scenario.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct CustomEvent {
    /// Model day of the post (0 is the story's first day).
    pub day: f64,
    /// The sender, by the story's id or by index.
    pub sender: SenderRef,
    /// How costly the content was to reveal, 0 to 1.
    pub sensitivity: f64,
}

/// A scenario the host adds to the story's.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct CustomScenario {
    /// A new id (not one of the story's, `kept-private` or `custom`).
    pub id: String,
    pub events: Vec<CustomEvent>,
}

/// Everything a host can set; defaults everywhere.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The scenario a reader's flip plays, when it posts that message, and
    /// what the lab opens on: one of the story's, or `custom_scenario`'s id.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Language code (`en`).
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub theme: Theme,
    /// Accepted from older embed codes and ignored (with a console warning):
    /// playback starts when the reader makes the message public.
    #[serde(default)]
    pub autoplay: bool,
    /// Model parameters by id, on top of the story pack's.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::overrides_schema")
    )]
    pub params: Pairs<f64>,
    /// Ids of the beats to show, in the story's order; all when absent.
    #[serde(default)]
    pub beats: Option<Vec<String>>,
    #[serde(default)]
    pub custom_scenario: Option<CustomScenario>,
    /// URL of a story pack (same origin as the page or the explainer);
    /// the built-in story when absent.
    #[serde(default)]
    pub pack: Option<String>,
}

/// What a config asks of a given story, checked against it.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// The story's parameters with the config's on top.
    pub params: Params,
    /// The scenario chosen by the host, if any.
    pub scenario: Option<String>,
    /// The host's own scenario, in model terms.
    pub custom: Option<Scenario>,
    /// The beats to keep, by id.
    pub beats: Option<Vec<String>>,
    /// The language in use.
    pub lang: String,
    /// The colour theme.
    pub theme: Theme,
}

impl Config {
    /// Reads a config file's text; errors are prefixed `config`.
    pub fn parse(text: &str) -> Result<Config, InputError> {
        crate::read::parse(text).map_err(|e| e.at("config"))
    }

    /// Sets the language from an attribute or a config field.
    pub fn set_lang(&mut self, path: &str, lang: &str) -> Result<(), InputError> {
        interface_language(path, lang)?;
        self.lang = Some(lang.to_string());
        Ok(())
    }

    /// Sets the theme from an attribute.
    pub fn set_theme(&mut self, path: &str, theme: &str) -> Result<(), InputError> {
        self.theme = match theme {
            "auto" => Theme::Auto,
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            other => {
                return Err(InputError::new(
                    path,
                    format!("\"{other}\" is not auto, light or dark"),
                ))
            }
        };
        Ok(())
    }

    /// Checks the config against the story it configures.
    pub fn resolve(&self, story: &Story) -> Result<Setup, InputError> {
        let params = story
            .resolved()
            .params
            .overridden(&self.params.0)
            .map_err(|e| e.at("config.params"))?;
        let lang = match &self.lang {
            Some(lang) => {
                interface_language("config.lang", lang)?;
                lang.clone()
            }
            None => story
                .languages()
                .find(|l| LANGUAGES.contains(l))
                .unwrap_or(LANGUAGES[0])
                .to_string(),
        };
        story_language(story, "config.lang", &lang)?;
        let custom = match &self.custom_scenario {
            Some(c) => Some(custom(c, story).map_err(|e| e.at("config.custom_scenario"))?),
            None => None,
        };
        if let Some(id) = &self.scenario {
            let mine = custom.as_ref().is_some_and(|c| &c.id == id);
            if !mine && story.scenario(id).is_none() {
                return Err(unknown_scenario("config.scenario", id, story));
            }
        }
        if let Some(keep) = &self.beats {
            if keep.is_empty() {
                return Err(InputError::new("config.beats", "needs at least one beat"));
            }
            let known: Vec<&str> = story.beats.iter().map(|b| b.id.as_str()).collect();
            for (i, id) in keep.iter().enumerate() {
                if !known.contains(&id.as_str()) {
                    return Err(InputError::new(
                        format!("config.beats[{i}]"),
                        format!(
                            "no beat \"{id}\" (known: {})",
                            crate::text::join(&known, ", ")
                        ),
                    ));
                }
            }
        }
        Ok(Setup {
            params,
            scenario: self.scenario.clone(),
            custom,
            beats: self.beats.clone(),
            lang,
            theme: self.theme,
        })
    }
}

/// Refuses a language the interface does not speak or the story has no
/// strings in.
pub fn story_language(story: &Story, path: &str, lang: &str) -> Result<(), InputError> {
    interface_language(path, lang)?;
    if !story.speaks(lang) {
        let known: Vec<&str> = story.languages().collect();
        return Err(InputError::new(
            path,
            format!(
                "the story \"{}\" has no strings in \"{lang}\" (it has: {})",
                story.id,
                crate::text::join(&known, ", ")
            ),
        ));
    }
    Ok(())
}

/// Refuses a language the interface does not speak.
fn interface_language(path: &str, lang: &str) -> Result<(), InputError> {
    if LANGUAGES.contains(&lang) {
        return Ok(());
    }
    Err(InputError::new(
        path,
        format!(
            "\"{lang}\" is not a language of this build (known: {})",
            crate::text::join(&LANGUAGES, ", ")
        ),
    ))
}

/// "no scenario …" with the story's ids.
pub fn unknown_scenario(path: &str, id: &str, story: &Story) -> InputError {
    let known: Vec<&str> = story.scenario_ids().collect();
    InputError::new(
        path,
        format!(
            "unknown scenario \"{id}\" (known: {})",
            crate::text::join(&known, ", ")
        ),
    )
}

/// The host's scenario in model terms, checked against the story.
fn custom(c: &CustomScenario, story: &Story) -> Result<Scenario, InputError> {
    let taken = story.scenario(&c.id).is_some() || c.id == CUSTOM || c.id == KEPT_PRIVATE;
    if taken || c.id.trim().is_empty() {
        return Err(InputError::new(
            "id",
            format!("\"{}\" is empty or already taken (by the story, \"{KEPT_PRIVATE}\" or \"{CUSTOM}\")", c.id),
        ));
    }
    let events = c
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = format!("events[{i}]");
            let sender = match &e.sender {
                SenderRef::Id(id) => story.sender_index(id).ok_or_else(|| {
                    let known: Vec<&str> = story.senders.iter().map(|s| s.id.as_str()).collect();
                    InputError::new(
                        format!("{at}.sender"),
                        format!(
                            "no sender \"{id}\" (known: {}, or an index)",
                            crate::text::join(&known, ", ")
                        ),
                    )
                })?,
                SenderRef::Index(i) => *i as usize,
            };
            let event = Event {
                day: e.day,
                sender,
                sensitivity: e.sensitivity,
            };
            event.validate(story.senders.len(), &at)?;
            if e.day > f64::from(story.horizon) {
                return Err(InputError::new(
                    format!("{at}.day"),
                    format!(
                        "{} is after the timeline's last day ({})",
                        crate::num::short(e.day),
                        story.horizon
                    ),
                ));
            }
            Ok(event)
        })
        .collect::<Result<_, _>>()?;
    Ok(Scenario {
        id: c.id.clone(),
        events,
    })
}

impl<'de> Deserialize<'de> for SenderRef {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct Either;
        impl Visitor<'_> for Either {
            type Value = SenderRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sender's id or index")
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<SenderRef, E> {
                Ok(SenderRef::Id(v.to_string()))
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<SenderRef, E> {
                u32::try_from(v)
                    .map(SenderRef::Index)
                    .map_err(|_| E::custom(format!("{v} is not a sender")))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<SenderRef, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("{v} is not a sender")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<SenderRef, E> {
                if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                    Ok(SenderRef::Index(v as u32))
                } else {
                    Err(E::custom(format!(
                        "{} is not a sender",
                        crate::num::short(v)
                    )))
                }
            }
        }
        de.deserialize_any(Either)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for SenderRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SenderRef".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A sender: the story pack's id, or an index from 0.",
            "anyOf": [{ "type": "string" }, { "type": "integer", "minimum": 0 }]
        })
    }
}

#[cfg(test)]
mod tests;

// The compact form (`codec`) a config takes from the pack reader's wasm,
// which reads and checks the host's JSON: the explainer's own wasm carries
// no JSON reader for configs.
use crate::codec::{self, record, Decode, Encode, Reader};

record!(CustomEvent {
    day,
    sender,
    sensitivity
});
record!(CustomScenario { id, events });
record!(Config {
    scenario,
    lang,
    theme,
    autoplay,
    params,
    beats,
    custom_scenario,
    pack
});

/// Every theme, in the order of their bytes.
const THEMES: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

impl Decode for Theme {
    fn decode(r: &mut Reader) -> Self {
        codec::one_of(r, &THEMES)
    }
}

impl Encode for Theme {
    fn encode(&self, out: &mut Vec<u8>) {
        codec::put_one_of(self, &THEMES, out);
    }
}

impl Decode for SenderRef {
    fn decode(r: &mut Reader) -> Self {
        match Option::<String>::decode(r) {
            Some(id) => SenderRef::Id(id),
            None => SenderRef::Index(u32::decode(r)),
        }
    }
}

impl Encode for SenderRef {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            SenderRef::Id(id) => Some(id).encode(out),
            SenderRef::Index(i) => {
                None::<&String>.encode(out);
                i.encode(out);
            }
        }
    }
}
