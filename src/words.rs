//! The words on screen, looked up by key: the interface's strings from a
//! locale file (`www/locales/*.json`), with the story pack's strings for the
//! same language on top, so translators touch only data and a story can word
//! any interface string its own way.

use crate::error::InputError;
use crate::pairs::Pairs;
use std::rc::Rc;

/// The English interface strings, shipped inside the component. The other
/// languages' files stay out of the wasm: the loader fetches the one a
/// reader asks for (`locales/<code>.json` beside it), so nobody downloads a
/// language they do not read.
#[cfg(not(target_arch = "wasm32"))]
const EN: &str = include_str!("../www/locales/en.json");
/// In the wasm, without the strings only the loader and the native static
/// render use (build.rs).
#[cfg(target_arch = "wasm32")]
const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en-wasm.json"));

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
        let pairs: Pairs<String> = crate::read::parse(text).map_err(|e| e.at("locale"))?;
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
        let pairs: Pairs<String> = crate::read::parse(text).map_err(|e| e.at("locale"))?;
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
            static ENGLISH: Rc<Words> = Rc::new(Words::parse(EN).unwrap_or_default());
        }
        ENGLISH.with(Rc::clone)
    }

    /// The interface strings with a story's strings on top (the story's win).
    pub fn with_story(interface: &Words, story: &[(String, String)]) -> Words {
        let mut map = story.to_vec();
        map.extend(interface.map.iter().cloned());
        Words::from_list(map)
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
        let mut rest = self.get(key);
        let mut out = String::with_capacity(rest.len() + 16);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v, close))
            });
            match value {
                Some((v, close)) => {
                    out.push_str(v);
                    rest = &after[close + 1..];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

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

    /// `{name}`s in a string, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    /// What one locale lacks or words differently from another: keys, and
    /// `{placeholder}` names.
    fn gaps(locales: &[(&str, Words)]) -> Vec<String> {
        let mut problems = Vec::new();
        for (code, words) in locales {
            for (other, theirs) in locales {
                for key in theirs.keys() {
                    match words.try_get(key) {
                        None => problems.push(format!("{code} lacks {key} (in {other})")),
                        Some(mine) => {
                            let (a, b) = (placeholders(mine), placeholders(theirs.get(key)));
                            if a != b {
                                problems.push(format!("{code} {key}: {a:?}, {other}: {b:?}"));
                            }
                        }
                    }
                }
            }
        }
        problems.dedup();
        problems
    }

    #[test]
    fn every_locale_has_every_key_and_the_same_placeholders() {
        let locales: Vec<(&str, Words)> = LOCALE_FILES
            .iter()
            .map(|(code, text)| (*code, Words::parse(text).expect(code)))
            .collect();
        assert_eq!(
            locales.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            LANGUAGES
        );
        let problems = gaps(&locales);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Words keeps one string per key, so a key written twice in a file
    /// would hide one of them: read the files' raw pairs.
    #[test]
    fn no_locale_file_has_a_key_twice() {
        for (code, text) in LOCALE_FILES {
            let pairs: Pairs<String> = crate::read::parse(text).unwrap();
            let mut keys: Vec<&str> = pairs.0.iter().map(|(k, _)| k.as_str()).collect();
            let count = keys.len();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), count, "{code} has a key twice");
            assert!(count > 100, "{code}: {count} keys");
        }
    }

    #[test]
    fn fill_replaces_each_placeholder_once_and_leaves_the_rest() {
        let w = Words::parse(
            r#"{"a": "{x} and {y}, {x} again; {unknown} {", "b": "", "c": "{x}{x}", "d": "}{x}{"}"#,
        )
        .unwrap();
        let v = [("x", "1"), ("y", "{x}")];
        // A value's own braces are text, not a placeholder.
        assert_eq!(w.fill("a", &v), "1 and {x}, 1 again; {unknown} {");
        assert_eq!(w.fill("b", &v), "");
        assert_eq!(w.fill("c", &v), "11");
        assert_eq!(w.fill("d", &v), "}1{");
        assert_eq!(w.fill("c", &[]), "{x}{x}");
        // Non-ASCII text around placeholders.
        let fr = Words::parse(r#"{"p": "{value}\u202f% — «{q}»"}"#).unwrap();
        assert_eq!(
            fr.fill("p", &[("value", "7,8"), ("q", "é")]),
            "7,8\u{202f}% — «é»"
        );
    }

    #[test]
    fn every_key_is_found_and_the_story_s_string_wins() {
        let interface = Words::parse(r#"{"z": "Z", "b": "B", "a": "A", "m": "M"}"#).unwrap();
        for (key, value) in [("a", "A"), ("b", "B"), ("m", "M"), ("z", "Z")] {
            assert_eq!(interface.try_get(key), Some(value));
        }
        assert_eq!(interface.try_get("c"), None);
        assert_eq!(interface.try_get(""), None);
        let story = [
            ("m".to_string(), "Mine".to_string()),
            ("n".to_string(), "N".to_string()),
        ];
        let both = Words::with_story(&interface, &story);
        assert_eq!(both.get("m"), "Mine");
        assert_eq!(both.get("n"), "N");
        assert_eq!(both.get("z"), "Z");
        assert_eq!(both.keys().count(), 5);
        // A file's own repeated key: the first one stays, as a scan would find.
        assert_eq!(
            Words::parse(r#"{"k": "first", "k": "second"}"#)
                .unwrap()
                .get("k"),
            "first"
        );
    }

    /// Every English key found again in the full English file: a broken
    /// sort or search would lose some of several hundred.
    #[test]
    fn every_english_key_is_found() {
        let pairs: Pairs<String> = crate::read::parse(LOCALE_FILES[0].1).unwrap();
        let words = Words::parse(LOCALE_FILES[0].1).unwrap();
        for (key, value) in &pairs.0 {
            assert_eq!(words.try_get(key), Some(value.as_str()), "{key}");
        }
    }

    #[test]
    fn the_completeness_check_catches_a_gap_an_extra_key_and_a_wrong_placeholder() {
        assert_eq!(placeholders("{a} et {b}"), ["a", "b"]);
        let en = Words::parse(r#"{"a": "On {date}", "b": "Yes"}"#).unwrap();
        let fr = Words::parse(r#"{"a": "Le {day}", "c": "En trop"}"#).unwrap();
        let problems = gaps(&[("en", en), ("fr", fr)]);
        assert_eq!(
            problems,
            [
                "en a: [\"date\"], fr: [\"day\"]",
                "en lacks c (in fr)",
                "fr a: [\"day\"], en: [\"date\"]",
                "fr lacks b (in en)",
            ]
        );
    }

    #[test]
    fn numbers_and_dates_are_written_the_locale_s_way() {
        let load = |code: &str| {
            let text = LOCALE_FILES.iter().find(|(c, _)| *c == code).unwrap().1;
            Words::parse(text).unwrap()
        };
        let (en, fr, vi) = (load("en"), load("fr"), load("vi"));
        let day = crate::dates::Date::parse("2026-01-20").unwrap();
        assert_eq!(day.label(&en), "20 Jan 2026");
        assert_eq!(day.label(&fr), "20 janv. 2026");
        assert_eq!(day.label(&vi), "20 thg 1, 2026");
        assert_eq!(en.percent(0.078, 1), "7.8%");
        assert_eq!(fr.percent(0.078, 1), "7,8\u{202f}%");
        assert_eq!(vi.percent(0.078, 1), "7,8%");
        assert_eq!(fr.number("0.60"), "0,60");
    }

    #[test]
    fn a_language_file_from_make_dist_splits_into_interface_and_story() {
        let b = Words::parse_bundle(
            r#"{"switch.label": "Rendre public", "story": "greenland-2026", "story:beat.act.title": "Le rendre public"}"#,
        )
        .unwrap();
        assert_eq!(b.interface.get("switch.label"), "Rendre public");
        assert!(b.interface.try_get("story").is_none());
        assert_eq!(b.story_id, "greenland-2026");
        assert_eq!(
            b.story,
            [("beat.act.title".to_string(), "Le rendre public".to_string())]
        );
        let e = Words::parse_bundle("{ nope").err().unwrap();
        assert!(e.problem.contains("not valid JSON"), "{e}");
    }

    #[test]
    fn the_english_file_gives_each_parameter_the_model_s_label_and_source() {
        let en = Words::english();
        for d in &crate::model::DESCRIPTORS {
            assert_eq!(en.get(&format!("param.{}", d.key)), d.label, "{}", d.key);
            assert_eq!(
                en.get(&format!("param.{}.source", d.key)),
                d.source,
                "{}",
                d.key
            );
        }
    }

    #[test]
    fn a_story_words_its_own_strings_on_top() {
        let story = Story::builtin().unwrap();
        let ui = Words::english();
        let w = story.words(&ui, "en");
        assert_eq!(w.get("beat.act.title"), "Make it public");
        // The story names the expert its insight agrees with; the
        // interface has no words of its own for that.
        assert!(w.try_get("effects.insight_expert").is_some());
        assert!(ui.try_get("effects.insight_expert").is_none());
        assert_eq!(w.get("switch.label"), ui.get("switch.label"));
        assert!(ui.try_get("beat.act.title").is_none());
    }
}
