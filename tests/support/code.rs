//! A source file's code without its unit tests, for the tests that read
//! `src/` as text (no story names, every literal key in English).

use std::path::Path;

/// Whether `path` is a file of unit tests (`foo/tests.rs`, declared by
/// `#[cfg(test)] mod tests;`).
pub fn is_tests_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "tests.rs")
}

/// `text` up to its inline test module (`#[cfg(test)] mod tests {`). A
/// file's `#[cfg(test)] mod tests;` near its top cuts nothing: its code
/// follows.
pub fn without_inline_tests(text: &str) -> &str {
    text.match_indices("#[cfg(test)]")
        .find(|(at, m)| {
            let rest = text[at + m.len()..].trim_start();
            rest.starts_with("mod ") && rest.find('{') < rest.find(';')
        })
        .map_or(text, |(at, _)| &text[..at])
}
