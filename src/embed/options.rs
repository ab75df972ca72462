//! What the loader read from the host element: its attributes, and its
//! config and story pack as the pack reader left them (a URL that did not
//! load never reaches the explainer: the loader keeps the fallback and
//! reports it). Kept for the explainer's life, so a pack loaded later
//! (`loadPack`) starts under the same config.

use crate::codec::{self, Decode};
use crate::config::{story_language, Config};
use crate::error::InputError;
use crate::story::{unbake, Story};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// A host's story pack or config, read (and a pack checked) by the pack
/// reader (its wasm: `src/reader.rs`, `checkPack`, `checkConfig`): the
/// value in `codec`'s form, or why it was refused.
#[derive(Clone)]
pub enum Checked {
    Baked(Vec<u8>),
    Refused(InputError),
}

impl Checked {
    /// `{ bytes }` or `{ refused: { field, problem } }`, as the pack reader
    /// gives them (anything else: none).
    pub fn read(checked: &JsValue) -> Option<Checked> {
        let get = |name: &str| Reflect::get(checked, &name.into()).ok();
        if let Some(bytes) = get("bytes").and_then(|b| b.dyn_into::<Uint8Array>().ok()) {
            return Some(Checked::Baked(bytes.to_vec()));
        }
        get("refused")
            .as_ref()
            .and_then(refusal)
            .map(Checked::Refused)
    }

    /// The bytes the pack reader gave, or why it refused.
    fn bytes(&self) -> Result<&[u8], InputError> {
        match self {
            Checked::Baked(bytes) => Ok(bytes),
            Checked::Refused(e) => Err(e.clone()),
        }
    }

    /// The story, or the refusal (a pack's path starts with `pack`).
    pub fn story(&self) -> Result<Story, InputError> {
        unbake(self.bytes()?).map_err(|problems| problems.summary().at("pack"))
    }

    /// The value read, or the refusal (bytes that do not read: `what`).
    fn value<T: Decode>(&self, what: &str) -> Result<T, InputError> {
        codec::decode(self.bytes()?)
            .ok_or_else(|| InputError::new(what, "the pack reader's bytes do not read"))
    }
}

/// `{ field, problem }`, as the loader and the pack reader say why
/// something cannot be used (a refusal, a URL that did not load).
pub fn refusal(said: &JsValue) -> Option<InputError> {
    let text = |name: &str| Reflect::get(said, &name.into()).ok()?.as_string();
    Some(InputError::new(text("field")?, text("problem")?))
}

/// The mount options, as Rust values.
pub struct Options {
    config: Option<Checked>,
    pack: Option<Checked>,
    scenario: Option<String>,
    lang: Option<String>,
    theme: Option<String>,
    autoplay: Option<bool>,
    /// The interface strings the loader fetched before mounting (or the
    /// latest restart), for the language it expects the explainer to start
    /// in: `(code, JSON text)`.
    pub locale: Option<(String, String)>,
    /// The loader's `loadLocale(code)`: fetches a language's file, then
    /// calls the handle's `setLanguage(code)` again; a promise of that.
    pub load_locale: Option<Function>,
    /// The loader's `localeText(code)`: a fetched language file's text, or
    /// undefined.
    pub locale_text: Option<Function>,
}

impl Options {
    pub fn read(options: &JsValue) -> Options {
        let get = |name: &str| Reflect::get(options, &name.into()).ok();
        let text = |name: &str| get(name).and_then(|v| v.as_string());
        Options {
            config: get("config").as_ref().and_then(Checked::read),
            pack: get("pack").as_ref().and_then(Checked::read),
            scenario: text("scenario"),
            lang: text("lang"),
            theme: text("theme"),
            autoplay: get("autoplay").and_then(|v| v.as_bool()),
            locale: text("localeLang").zip(text("locale")),
            load_locale: get("loadLocale").and_then(|f| f.dyn_into().ok()),
            locale_text: get("localeText").and_then(|f| f.dyn_into().ok()),
        }
    }

    /// What the host asks for now (its attributes or properties changed
    /// after mount), with the language file fetched for it: the loader's
    /// functions stay.
    pub fn update(&mut self, options: &JsValue) {
        let fresh = Options::read(options);
        self.locale = fresh.locale;
        self.config = fresh.config;
        self.pack = fresh.pack;
        self.scenario = fresh.scenario;
        self.lang = fresh.lang;
        self.theme = fresh.theme;
    }

    /// The story the element asked for (`pack` attribute or config field),
    /// or the built-in one. A refusal's path starts with `pack`.
    pub fn story(&self) -> Result<Story, InputError> {
        match &self.pack {
            Some(pack) => pack.story(),
            None => Story::builtin().map_err(|problems| problems.summary().at("pack")),
        }
    }

    /// The language the reader switched to, for a pack loaded later.
    pub fn set_lang(&mut self, code: &str) {
        self.lang = Some(code.to_string());
    }

    /// Whether the scenario came from the element's attribute (an error
    /// then names the attribute, not the config).
    pub fn scenario_attribute(&self) -> bool {
        self.scenario.is_some()
    }

    /// The config with the element's attributes on top (they win).
    pub fn config(&self, story: &Story) -> Result<Config, InputError> {
        let mut config = match &self.config {
            Some(checked) => checked.value::<Config>("config")?,
            None => Config::default(),
        };
        if let Some(id) = &self.scenario {
            // Checked against the story with the rest of the config; an
            // error names the attribute.
            config.scenario = Some(id.clone());
        }
        // `lang` is also HTML's own attribute (a French article may set it
        // on every element): take its primary subtag, and fall back to the
        // story's language with a warning rather than refuse to start, when
        // the interface does not speak it or the story has no strings in it.
        if let Some(lang) = &self.lang {
            let primary = lang
                .split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if story_language(story, "lang", &primary).is_err()
                || config.set_lang("lang", &primary).is_err()
            {
                web_sys::console::warn_1(
                    &format!("backchannel: lang \"{lang}\" is not available; showing the story's language").into(),
                );
            }
        }
        if let Some(theme) = &self.theme {
            config.set_theme("theme", theme)?;
        }
        if let Some(autoplay) = self.autoplay {
            config.autoplay = autoplay;
        }
        // The flip is the reader's: nothing plays before it, so `autoplay`
        // has nothing left to start. Say so rather than ignore it silently.
        if config.autoplay {
            web_sys::console::warn_1(
                &"backchannel: autoplay is ignored: playback starts when the reader makes the message public".into(),
            );
        }
        Ok(config)
    }
}
