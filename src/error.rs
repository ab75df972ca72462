//! One error for every input the explainer refuses — a story pack, a host
//! config, a parameter, a command-line flag — so every refusal reads the same
//! way: the path of what is wrong, then what is wrong with it
//! (`messages[1].source: is missing`, `config.params.gamma: 7 is outside its
//! range 0.3 to 1`).

use std::fmt;

/// Why an input was refused (as `validatePack` hands it to JavaScript too).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct InputError {
    /// Where the problem is: a field path (`beats[2].message`), a parameter
    /// id (`gamma`) or an attribute name (`scenario`); empty for a document
    /// as a whole (`not valid JSON (…)`).
    pub path: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl InputError {
    /// An error at `path`. Either is shortened in the middle past
    /// `MAX_CHARS` characters: refusals quote the host's values, and a 4 MB
    /// id must not become a 4 MB message.
    pub fn new(path: impl Into<String>, problem: impl Into<String>) -> Self {
        InputError {
            path: clip(path.into()),
            problem: clip(problem.into()),
        }
    }

    /// The same error one level down: `at("config")` turns `params.gamma`
    /// into `config.params.gamma`.
    pub fn at(mut self, parent: &str) -> Self {
        self.path = join(parent, &self.path);
        self
    }
}

/// The most characters of a path or a problem shown in full.
pub const MAX_CHARS: usize = 600;

/// `text`, or its start and end around " … " when longer than `MAX_CHARS`.
fn clip(text: String) -> String {
    if text.len() <= MAX_CHARS {
        return text;
    }
    let mut chars = text.char_indices().map(|(i, _)| i);
    let (Some(head), Some(tail)) = (
        chars.nth(MAX_CHARS * 2 / 3),
        text.char_indices().rev().map(|(i, _)| i).nth(MAX_CHARS / 3),
    ) else {
        return text;
    };
    if head >= tail {
        return text;
    }
    // `get`: char boundaries by construction, and no slice-panic path.
    let (Some(start), Some(end)) = (text.get(..head), text.get(tail..)) else {
        return text;
    };
    format!("{start} … {end}")
}

/// `parent.child`, `parent[0]`, or whichever of the two is not empty.
pub fn join(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_string(),
        (_, true) => parent.to_string(),
        _ if child.starts_with('[') => format!("{parent}{child}"),
        _ => format!("{parent}.{child}"),
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "{}: {}", self.path, self.problem)
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_and_display() {
        let e = InputError::new("params.gamma", "is too high").at("config");
        assert_eq!(e.to_string(), "config.params.gamma: is too high");
        assert_eq!(join("beats", "[2]"), "beats[2]");
        assert_eq!(join("", "id"), "id");
        assert_eq!(InputError::new("", "not JSON").to_string(), "not JSON");
    }

    #[test]
    fn long_values_are_clipped_in_the_middle() {
        let id = "ß".repeat(4_000_000);
        let e = InputError::new(
            format!("strings.en.{id}"),
            format!("no beat \"{id}\" (line 1, column 9)"),
        );
        assert!(e.path.starts_with("strings.en.ßß") && e.path.chars().count() < MAX_CHARS + 5);
        assert!(
            e.problem.starts_with("no beat \"ßß") && e.problem.ends_with("ß\" (line 1, column 9)")
        );
        assert!(e.problem.contains(" … ") && e.problem.chars().count() < MAX_CHARS + 5);
        let short = "x".repeat(MAX_CHARS);
        assert_eq!(InputError::new(short.clone(), short.clone()).problem, short);
    }
}
