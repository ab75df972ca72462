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
    /// id (`gamma`) or an attribute name (`scenario`).
    pub path: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl InputError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, problem: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            problem: problem.into(),
        }
    }

    /// The same error one level down: `at("config")` turns `params.gamma`
    /// into `config.params.gamma`.
    pub fn at(mut self, parent: &str) -> Self {
        self.path = join(parent, &self.path);
        self
    }
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
}
