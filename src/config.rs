//! What a host page can ask of one explainer: the element's attributes and an
//! optional JSON config (a `config` URL or an inline
//! `<script type="application/json">`). Every field is checked here, and an
//! error names the field (`config.params.gamma: 7 is outside its range 0.3 to 1`).
//! The schema is documented in `www/config.schema.json`.

use crate::json::Json;
use crate::model::{scenario, Event, ParamId, Params, Senders};
use crate::state::CUSTOM;
use std::fmt;

/// Colour theme: follow the reader's setting, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The CSS class that forces this theme, if any.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("bc-theme-light"),
            Theme::Dark => Some("bc-theme-dark"),
        }
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
    /// Start playing as soon as the explainer is on screen.
    pub autoplay: bool,
    /// Parameter overrides, checked as a whole.
    pub params: Params,
    /// Ids of the beats to show, in the story's order; `None` shows all.
    pub beats: Option<Vec<String>>,
    pub custom_scenario: Option<CustomScenario>,
}

/// Why a config was refused: the field's path and the problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    pub path: String,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

fn err<T>(path: &str, problem: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError {
        path: path.to_string(),
        problem: problem.into(),
    })
}

/// The languages the explainer speaks.
pub const LANGUAGES: [&str; 1] = ["en"];

impl Config {
    /// Parses a config file's text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let json = Json::parse(text).map_err(|problem| ConfigError {
            path: "config".into(),
            problem,
        })?;
        let mut config = Config::default();
        config.apply_json(&json)?;
        Ok(config)
    }

    /// Applies a parsed config on top of this one.
    pub fn apply_json(&mut self, json: &Json) -> Result<(), ConfigError> {
        let Json::Obj(fields) = json else {
            return err("config", format!("must be an object, not {}", json.kind()));
        };
        for (key, value) in fields {
            let path = format!("config.{key}");
            match key.as_str() {
                "scenario" => self.scenario = Some(string(&path, value)?),
                "lang" => self.set_lang(&path, &string(&path, value)?)?,
                "theme" => self.set_theme(&path, &string(&path, value)?)?,
                "autoplay" => match value {
                    Json::Bool(b) => self.autoplay = *b,
                    other => return err(&path, format!("must be true or false, not {}", other.kind())),
                },
                "params" => self.set_params(&path, value)?,
                "beats" => {
                    let Json::Arr(items) = value else {
                        return err(&path, format!("must be a list of beat ids, not {}", value.kind()));
                    };
                    let ids = items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| string(&format!("{path}[{i}]"), v))
                        .collect::<Result<Vec<_>, _>>()?;
                    self.beats = Some(ids);
                }
                "custom_scenario" => self.custom_scenario = Some(custom(&path, value)?),
                _ => {
                    return err(
                        &path,
                        "unknown field (known: scenario, lang, theme, autoplay, params, beats, custom_scenario)",
                    )
                }
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
            let Json::Num(x) = v else {
                return err(&field, format!("must be a number, not {}", v.kind()));
            };
            params.set(id, *x).map_err(|e| ConfigError {
                path: field,
                problem: e.problem,
            })?;
        }
        params.validate().map_err(|e| ConfigError {
            path: format!("{path}.{}", e.field),
            problem: e.problem,
        })?;
        self.params = params;
        Ok(())
    }
}

fn string(path: &str, value: &Json) -> Result<String, ConfigError> {
    match value {
        Json::Str(s) => Ok(s.clone()),
        other => err(path, format!("must be a string, not {}", other.kind())),
    }
}

fn number(path: &str, value: Option<&Json>) -> Result<f64, ConfigError> {
    match value {
        Some(Json::Num(x)) => Ok(*x),
        Some(other) => err(path, format!("must be a number, not {}", other.kind())),
        None => err(path, "is missing"),
    }
}

fn field<'a>(fields: &'a [(String, Json)], name: &str) -> Option<&'a Json> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

fn custom(path: &str, value: &Json) -> Result<CustomScenario, ConfigError> {
    let Json::Obj(fields) = value else {
        return err(
            path,
            format!("must be an object with id and events, not {}", value.kind()),
        );
    };
    for (key, _) in fields {
        if key != "id" && key != "events" {
            return err(
                &format!("{path}.{key}"),
                "unknown field (known: id, events)",
            );
        }
    }
    let id = match field(fields, "id") {
        Some(v) => string(&format!("{path}.id"), v)?,
        None => return err(&format!("{path}.id"), "is missing"),
    };
    if scenario::builtin(&id).is_ok() || id == CUSTOM || id.trim().is_empty() {
        return err(
            &format!("{path}.id"),
            format!("\"{id}\" is empty or already taken (by a built-in scenario or \"{CUSTOM}\")"),
        );
    }
    let Some(Json::Arr(items)) = field(fields, "events") else {
        return err(&format!("{path}.events"), "must be a list of events");
    };
    let mut events = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}.events[{i}]");
        let Json::Obj(e) = item else {
            return err(&at, format!("must be an object, not {}", item.kind()));
        };
        for (key, _) in e {
            if !matches!(key.as_str(), "day" | "sender" | "sensitivity") {
                return err(
                    &format!("{at}.{key}"),
                    "unknown field (known: day, sender, sensitivity)",
                );
            }
        }
        let sender = match field(e, "sender") {
            Some(Json::Str(s)) if s == "macron" => scenario::MACRON,
            Some(Json::Str(s)) if s == "rutte" => scenario::RUTTE,
            Some(Json::Num(x)) if x.fract() == 0.0 && *x >= 0.0 => *x as usize,
            Some(other) => {
                return err(
                    &format!("{at}.sender"),
                    format!(
                        "must be \"macron\", \"rutte\" or an index, not {}",
                        other.kind()
                    ),
                )
            }
            None => return err(&format!("{at}.sender"), "is missing"),
        };
        let event = Event {
            day: number(&format!("{at}.day"), field(e, "day"))?,
            sender,
            sensitivity: number(&format!("{at}.sensitivity"), field(e, "sensitivity"))?,
        };
        event
            .validate(Senders::DEFAULT_COUNT, &at)
            .map_err(|e| ConfigError {
                path: e.field,
                problem: e.problem,
            })?;
        events.push(event);
    }
    Ok(CustomScenario { id, events })
}

#[cfg(test)]
mod tests;
