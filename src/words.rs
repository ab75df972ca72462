//! The words on screen, looked up by key: the interface's strings from a
//! locale file (`www/locales/*.json`), with the story pack's strings for the
//! same language on top, so translators touch only data and a story can word
//! any interface string its own way.

use crate::error::InputError;
use crate::pairs::Pairs;
use crate::story::Story;
use std::rc::Rc;

/// The English interface strings, shipped inside the component.
const EN: &str = include_str!("../www/locales/en.json");

/// The languages the interface speaks.
pub const LANGUAGES: [&str; 1] = ["en"];

/// One language's strings. A plain list: a linear scan over a few hundred
/// keys is fast enough and ships less code than a hash map. `Eq`, so an
/// `Rc<Words>` (a context, a memo's dependency) compares by pointer first
/// instead of string by string on every render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    map: Vec<(String, String)>,
}

impl Words {
    /// Parses a locale file: a flat JSON object of key → string.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let pairs: Pairs<String> = crate::read::parse(text).map_err(|e| e.at("locale"))?;
        Ok(Words { map: pairs.0 })
    }

    /// The built-in English interface strings, read once per page (each
    /// mount, each pack check and each refusal needs them).
    pub fn english() -> Rc<Words> {
        thread_local! {
            // The file is part of the build and a native test parses it, so
            // a failure here would be a build mistake, not a reader's input.
            static ENGLISH: Rc<Words> = Rc::new(Words::parse(EN).unwrap_or_default());
        }
        ENGLISH.with(Rc::clone)
    }

    /// The interface strings of `lang` with the story's strings in that
    /// language on top (the story's win).
    pub fn for_story(interface: &Words, story: &Story, lang: &str) -> Words {
        let mut map: Vec<(String, String)> = story
            .strings
            .get(lang)
            .map(|s| s.0.clone())
            .unwrap_or_default();
        map.extend(interface.map.iter().cloned());
        Words { map }
    }

    /// The string for `key`; a missing key shows itself, so a gap in a
    /// translation is visible rather than blank.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.try_get(key).unwrap_or(key)
    }

    /// The string for `key`, if there is one.
    pub fn try_get(&self, key: &str) -> Option<&str> {
        self.map
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every key, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.iter().map(|(k, _)| k.as_str())
    }

    /// The string for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_parses_and_fills_placeholders() {
        let w = Words::english();
        assert_eq!(w.get("switch.label"), "Make it public");
        assert_eq!(
            w.fill("meter.valuetext", &[("value", "33%"), ("baseline", "66%")]),
            "33% (baseline 66%)"
        );
        assert_eq!(w.get("no.such.key"), "no.such.key");
    }

    #[test]
    fn a_story_words_its_own_strings_on_top() {
        let story = Story::builtin().unwrap();
        let ui = Words::english();
        let w = Words::for_story(&ui, &story, "en");
        assert_eq!(w.get("beat.act.title"), "Make it public");
        assert_ne!(w.get("effects.insight"), ui.get("effects.insight"));
        assert_eq!(w.get("switch.label"), ui.get("switch.label"));
        assert!(ui.try_get("beat.act.title").is_none());
    }
}
