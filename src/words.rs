//! The words on screen, looked up by key from a locale file (`www/locales/*.json`),
//! so translators touch only data and every language shares one set of keys.

use crate::json::Json;

/// The English strings, shipped inside the component.
const EN: &str = include_str!("../www/locales/en.json");

/// One locale's strings. A plain list: a linear scan over a few hundred keys
/// is fast enough and ships less code than a hash map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    map: Vec<(String, String)>,
}

impl Words {
    /// Parses a locale file: a flat JSON object of key → string.
    pub fn parse(text: &str) -> Result<Self, String> {
        let Json::Obj(fields) = Json::parse(text).map_err(|e| format!("locale file: {e}"))? else {
            return Err("locale file: must be an object of key → string".into());
        };
        let map = fields
            .iter()
            .map(|(k, v)| Ok((k.clone(), v.string(&format!("locale file: {k}"))?)))
            .collect::<Result<_, String>>()?;
        Ok(Words { map })
    }

    /// The built-in English strings.
    pub fn english() -> Self {
        // The file is part of the build and a native test parses it, so a
        // failure here would be a build mistake, not a reader's input.
        Words::parse(EN).unwrap_or_default()
    }

    /// The string for `key`; a missing key shows itself, so a gap in a
    /// translation is visible rather than blank.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.try_get(key).unwrap_or(key)
    }

    /// The string for `key`, if the locale has one.
    pub fn try_get(&self, key: &str) -> Option<&str> {
        self.map
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
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
}
