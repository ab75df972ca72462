//! The words on screen, looked up by key: the interface's strings from a
//! locale file (`www/locales/*.json`), with the story pack's strings for the
//! same language on top, so translators touch only data and a story can word
//! any interface string its own way.

use crate::error::InputError;
use std::rc::Rc;

#[cfg(test)]
mod tests;

/// The English interface strings, shipped inside the component. The other
/// languages' files stay out of the wasm: the loader fetches the one a
/// reader asks for (`locales/<code>.json` beside it), so nobody downloads a
/// language they do not read.
#[cfg(not(target_arch = "wasm32"))]
const EN: &str = include_str!("../www/locales/en.json");
/// In the wasm, sorted by key, each key and value ended by a NUL (build.rs),
/// without the strings only the loader and the native static render use:
/// nothing to parse.
#[cfg(target_arch = "wasm32")]
const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en-wasm.txt"));

/// The languages the interface speaks, English first (the built-in one).
pub const LANGUAGES: [&str; 3] = ["en", "fr", "vi"];

/// Each language's name in itself, for the language control: a reader looks
/// for their own language's name, not its name in the language on screen.
pub const ENDONYMS: [&str; 3] = ["English", "Français", "Tiếng Việt"];

/// Every locale file, for native builds (tests, the static render).
#[cfg(not(target_arch = "wasm32"))]
pub const LOCALE_FILES: [(&str, &str); 3] = [
    ("en", EN),
    ("fr", include_str!("../www/locales/fr.json")),
    ("vi", include_str!("../www/locales/vi.json")),
];

/// A language's file as `make dist` writes it (`Words::parse_bundle`).
pub struct Bundle {
    pub interface: Words,
    /// The built-in story's id, and its strings in this language.
    pub story_id: String,
    pub story: Vec<(String, String)>,
}

/// One language's strings, sorted by key: a render looks up hundreds of
/// them, and a binary search over a sorted list is as fast as a hash map here
/// for less code (a linear scan cost about a millisecond of every lab
/// render at 4x CPU). `Eq`, so an `Rc<Words>` (a context, a memo's
/// dependency) compares by pointer first instead of string by string on
/// every render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    map: Vec<(String, String)>,
}

impl Words {
    /// Sorts `list` by key; of equal keys the first stays (a story's string
    /// is listed before the interface's, and wins).
    fn from_list(mut list: Vec<(String, String)>) -> Words {
        // Stable, so equal keys keep their order; the crate's small sort,
        // not std's (1.9 KB brotli more). A file's few hundred keys sort
        // once per language, and a story's strings on top of sorted ones
        // cost a pass each.
        crate::sort::sort_by(&mut list, |a, b| a.0 < b.0);
        list.dedup_by(|later, kept| later.0 == kept.0);
        Words { map: list }
    }

    /// Parses a locale file: a flat JSON object of key → string.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let pairs = crate::read::strings(text).map_err(|e| e.at("locale"))?;
        Ok(Words::from_list(pairs.0))
    }

    /// Reads a language's file as `make dist` writes it
    /// (`dist/locales/<code>.json`, scripts/postbuild.mjs): one flat object
    /// of the interface strings, the built-in story's id under `story` and
    /// its strings under `story:<key>`. Flat, so the one reader of locale
    /// files reads it.
    pub fn parse_bundle(text: &str) -> Result<Bundle, InputError> {
        let mut story_id = String::new();
        let mut story = Vec::new();
        let mut map = Vec::new();
        let pairs = crate::read::strings(text).map_err(|e| e.at("locale"))?;
        for (key, value) in pairs.0 {
            if key == "story" {
                story_id = value;
            } else if let Some(key) = key.strip_prefix("story:") {
                story.push((key.to_string(), value));
            } else {
                map.push((key, value));
            }
        }
        Ok(Bundle {
            interface: Words::from_list(map),
            story_id,
            story,
        })
    }

    /// The built-in English interface strings, read once per page (each
    /// mount, each pack check and each refusal needs them).
    pub fn english() -> Rc<Words> {
        thread_local! {
            // The file is part of the build and a native test parses it, so
            // a failure here would be a build mistake, not a reader's input.
            #[cfg(not(target_arch = "wasm32"))]
            static ENGLISH: Rc<Words> = Rc::new(Words::parse(EN).unwrap_or_default());
            // Sorted already.
            #[cfg(target_arch = "wasm32")]
            static ENGLISH: Rc<Words> = Rc::new({
                let mut parts = EN.split_terminator('\0').map(String::from);
                let mut map = Vec::new();
                while let (Some(k), Some(v)) = (parts.next(), parts.next()) {
                    map.push((k, v));
                }
                Words { map }
            });
        }
        ENGLISH.with(Rc::clone)
    }

    /// The interface strings with a story's strings on top (the story's win):
    /// the story's few sorted, then merged into the interface's, which are
    /// sorted already (made at each mount and language switch).
    pub fn with_story(interface: &Words, story: &[(String, String)]) -> Words {
        let story = Words::from_list(story.to_vec()).map;
        let mut map = Vec::with_capacity(interface.map.len() + story.len());
        let mut theirs = interface.map.iter().peekable();
        for pair in story {
            while let Some(next) = theirs.next_if(|(k, _)| *k < pair.0) {
                map.push(next.clone());
            }
            // The story's string wins over the interface's of the same key.
            theirs.next_if(|(k, _)| *k == pair.0);
            map.push(pair);
        }
        map.extend(theirs.cloned());
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
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| self.map[i].1.as_str())
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.iter().map(|(k, _)| k.as_str())
    }

    /// A number written with `.` (as `num::fixed` writes it) in the
    /// locale's way: `0,6` in French and Vietnamese.
    pub fn number(&self, text: &str) -> String {
        match self.try_get("num.decimal") {
            Some(mark) if mark != "." => text.replace('.', mark),
            _ => text.to_string(),
        }
    }

    /// `x` (a share 0–1) as a percentage with `decimals` decimals, in the
    /// locale's way ("7.8%", "7,8 %").
    pub fn percent(&self, x: f64, decimals: u32) -> String {
        let value = self.number(&crate::num::fixed(x * 100.0, decimals));
        self.fill("num.percent", &[("value", &value)])
    }

    /// The string for `key` with each `{name}` replaced by its value, in one
    /// pass (labels are filled on every render): a value is never read for
    /// placeholders of its own, and a `{name}` with no value stays as it is.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        // split_once, not indexing: no slice-panic path (and the char
        // formatting its message needs) in the wasm.
        let mut rest = self.get(key);
        let mut out = String::with_capacity(rest.len() + 16);
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            let value = after.split_once('}').and_then(|(name, tail)| {
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v, tail))
            });
            match value {
                Some((v, tail)) => {
                    out.push_str(v);
                    rest = tail;
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}
