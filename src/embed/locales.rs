//! The languages an explainer has at hand: English, inside the wasm, and
//! each other language once the loader has fetched its file
//! (`locales/<code>.json`: interface strings and the built-in story's).

use crate::error::InputError;
use crate::story::Story;
use crate::words::Words;
use std::rc::Rc;

/// One language at hand: its interface strings, and the built-in story's
/// (id and strings) from the same file.
struct Locale {
    code: String,
    interface: Rc<Words>,
    story: Option<(String, Vec<(String, String)>)>,
}

/// The languages at hand: English always, others once loaded.
pub(crate) struct Locales(Vec<Locale>);

impl Locales {
    /// English, and the language the loader fetched before mounting.
    pub(crate) fn new(preloaded: Option<&(String, String)>) -> Locales {
        let mut locales = Locales(vec![Locale {
            code: "en".into(),
            interface: Words::english(),
            story: None,
        }]);
        locales.preload(preloaded);
        locales
    }

    /// The language file the loader fetched before a mount or a restart,
    /// for the language it starts in, kept unless that language is at hand
    /// already (a file that does not read is said in the console; the
    /// explainer then starts in English and asks the loader again).
    pub(crate) fn preload(&mut self, preloaded: Option<&(String, String)>) {
        let Some((code, text)) = preloaded else {
            return;
        };
        if self.0.iter().any(|l| &l.code == code) {
            return;
        }
        if let Err(e) = self.add(code, text) {
            console_error(&e.to_string());
        }
    }

    /// Reads a language's file and keeps it.
    pub(super) fn add(&mut self, code: &str, text: &str) -> Result<(), InputError> {
        // Named by its file: `locales/fr.json`, `locales/fr.json.key`.
        let bundle = Words::parse_bundle(text).map_err(|e| {
            let inner = e.path.strip_prefix("locale").unwrap_or(&e.path);
            InputError::new(format!("locales/{code}.json{inner}"), e.problem)
        })?;
        self.0.push(Locale {
            code: code.to_string(),
            interface: Rc::new(bundle.interface),
            story: Some((bundle.story_id, bundle.story)),
        });
        Ok(())
    }

    /// The words of `story` in `code`, if that language is at hand: the
    /// interface's with the story's on top (from the pack, or for the
    /// built-in story from the language's file).
    pub(crate) fn words(&self, story: &Story, code: &str) -> Option<Words> {
        let locale = self.0.iter().find(|l| l.code == code)?;
        Some(match (story.strings.get(code), &locale.story) {
            (Some(strings), _) => Words::with_story(&locale.interface, &strings.0),
            (None, Some((id, strings))) if *id == story.id => {
                Words::with_story(&locale.interface, strings)
            }
            // A story not told in `code` (switch refuses that first).
            (None, _) => Words::with_story(&locale.interface, &[]),
        })
    }
}

/// Says `text` in the console, as the explainer's.
pub(super) fn console_error(text: &str) {
    web_sys::console::error_1(&format!("backchannel: {text}").into());
}
