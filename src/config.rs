//! What a host page can ask of one explainer: the element's attributes and an
//! optional JSON config (a `config` URL or an inline
//! `<script type="application/json">`). Every field is checked here, and an
//! error names the field (`config.params.gamma: 7 is outside its range 0.3 to 1`).
//! The schema is documented in `www/config.schema.json`.

use crate::json::{FieldError, Json};
use crate::model::{scenario, Event, ParamId, Params, Senders};
use crate::state::CUSTOM;

/// Colour theme. Light unless the host asks: many articles are light-only
/// while the reader's device is dark, and a dark box in a light page reads as
/// a hole (Datawrapper makes automatic dark mode opt-in for the same reason).
/// `Auto` follows the reader's `prefers-color-scheme`; `Dark` always is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Auto,
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// The CSS class on the explainer's root that selects this theme (the
    /// stylesheet paints no class, or `bc-theme-light`, light).
    pub fn class(self) -> Option<&'static str> {
        Some(match self {
            Theme::Auto => "bc-theme-auto",
            Theme::Light => "bc-theme-light",
            Theme::Dark => "bc-theme-dark",
        })
    }
}

/// A scenario the host adds to the built-in ones.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomScenario {
    pub id: String,
    pub events: Vec<Event>,
}

/// Everything a host can set; defaults everywhere.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Scenario shown first (a built-in id or the custom scenario's id).
    pub scenario: Option<String>,
    /// Language code (`en`; other locales arrive later).
    pub lang: Option<String>,
    pub theme: Theme,
    /// Asked for by older embed codes; ignored (with a console warning):
    /// playback starts when the reader makes the message public.
    pub autoplay: bool,
    /// Parameter overrides, checked as a whole.
    pub params: Params,
    /// Ids of the beats to show, in the story's order; `None` shows all.
    pub beats: Option<Vec<String>>,
    pub custom_scenario: Option<CustomScenario>,
}

/// Why a config was refused: the field's path and the problem (the same
/// error the JSON reader gives, so its messages pass through unchanged).
pub type ConfigError = FieldError;

fn err<T>(path: &str, problem: impl Into<String>) -> Result<T, ConfigError> {
    Err(FieldError::new(path, problem))
}

/// The fields a config may have.
const FIELDS: [&str; 7] = [
    "scenario",
    "lang",
    "theme",
    "autoplay",
    "params",
    "beats",
    "custom_scenario",
];

/// The languages the explainer speaks.
pub const LANGUAGES: [&str; 1] = ["en"];

impl Config {
    /// Parses a config file's text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let json = Json::parse(text).map_err(|problem| FieldError::new("config", problem))?;
        let mut config = Config::default();
        config.apply_json(&json)?;
        Ok(config)
    }

    /// Applies a parsed config on top of this one.
    pub fn apply_json(&mut self, json: &Json) -> Result<(), ConfigError> {
        let f = json.object("config", &FIELDS)?;
        for key in FIELDS {
            let Some(value) = f.get(key) else { continue };
            let path = f.path(key);
            match key {
                "scenario" => self.scenario = Some(value.string(&path)?),
                "lang" => self.set_lang(&path, &value.string(&path)?)?,
                "theme" => self.set_theme(&path, &value.string(&path)?)?,
                "autoplay" => match value {
                    Json::Bool(b) => self.autoplay = *b,
                    other => {
                        return err(
                            &path,
                            format!("must be true or false, not {}", other.kind()),
                        )
                    }
                },
                "params" => self.set_params(&path, value)?,
                "beats" => self.beats = Some(f.list("beats", &|v, p| v.string(p))?),
                _ => self.custom_scenario = Some(custom(&path, value)?),
            }
        }
        self.check_scenario("config.scenario")
    }

    /// Sets the language from an attribute or a config field.
    pub fn set_lang(&mut self, path: &str, lang: &str) -> Result<(), ConfigError> {
        if !LANGUAGES.contains(&lang) {
            return err(
                path,
                format!(
                    "\"{lang}\" is not a language of this build (known: {})",
                    LANGUAGES.join(", ")
                ),
            );
        }
        self.lang = Some(lang.to_string());
        Ok(())
    }

    /// Sets the theme from an attribute or a config field.
    pub fn set_theme(&mut self, path: &str, theme: &str) -> Result<(), ConfigError> {
        self.theme = match theme {
            "auto" => Theme::Auto,
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            other => return err(path, format!("\"{other}\" is not auto, light or dark")),
        };
        Ok(())
    }

    /// Sets the first scenario from an attribute and checks it exists.
    pub fn set_scenario(&mut self, path: &str, id: &str) -> Result<(), ConfigError> {
        self.scenario = Some(id.to_string());
        self.check_scenario(path)
    }

    fn check_scenario(&self, path: &str) -> Result<(), ConfigError> {
        let Some(id) = &self.scenario else {
            return Ok(());
        };
        let custom = self.custom_scenario.as_ref().is_some_and(|c| &c.id == id);
        if !custom && scenario::builtin(id).is_err() {
            let known: Vec<_> = scenario::ids().collect();
            return err(
                path,
                format!("unknown scenario \"{id}\" (known: {})", known.join(", ")),
            );
        }
        Ok(())
    }

    fn set_params(&mut self, path: &str, value: &Json) -> Result<(), ConfigError> {
        let Json::Obj(fields) = value else {
            return err(
                path,
                format!(
                    "must be an object of parameter values, not {}",
                    value.kind()
                ),
            );
        };
        let mut params = self.params;
        for (key, v) in fields {
            let field = format!("{path}.{key}");
            let Some(id) = ParamId::from_key(key) else {
                return err(&field, "unknown parameter");
            };
            let x = v.number(&field)?;
            params
                .set(id, x)
                .map_err(|e| FieldError::new(field, e.problem))?;
        }
        params
            .validate()
            .map_err(|e| FieldError::new(format!("{path}.{}", e.field), e.problem))?;
        self.params = params;
        Ok(())
    }
}

fn custom(path: &str, value: &Json) -> Result<CustomScenario, ConfigError> {
    let f = value.object(path, &["id", "events"])?;
    let id = f.string("id")?;
    if scenario::builtin(&id).is_ok() || id == CUSTOM || id.trim().is_empty() {
        return err(
            &f.path("id"),
            format!("\"{id}\" is empty or already taken (by a built-in scenario or \"{CUSTOM}\")"),
        );
    }
    let events = f.list("events", &|item, at| {
        let e = item.object(at, &["day", "sender", "sensitivity"])?;
        let sender = match e.required("sender")? {
            Json::Str(s) if s == "macron" => scenario::MACRON,
            Json::Str(s) if s == "rutte" => scenario::RUTTE,
            Json::Num(x) if x.fract() == 0.0 && *x >= 0.0 => *x as usize,
            other => {
                return err(
                    &e.path("sender"),
                    format!(
                        "must be \"macron\", \"rutte\" or an index, not {}",
                        other.kind()
                    ),
                )
            }
        };
        let event = Event {
            day: e.number("day")?,
            sender,
            sensitivity: e.number("sensitivity")?,
        };
        event
            .validate(Senders::DEFAULT_COUNT, at)
            .map_err(|e| FieldError::new(e.field, e.problem))?;
        Ok(event)
    })?;
    Ok(CustomScenario { id, events })
}

#[cfg(test)]
mod tests;
