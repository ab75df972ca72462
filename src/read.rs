//! Reading JSON into the explainer's types — packs, configs, locale files —
//! with serde: natively from text through serde_json, in the browser from
//! JavaScript values through serde-wasm-bindgen. Both name the path of what
//! is wrong (`messages[1].source: is missing`) however the input arrived:
//! natively through serde_path_to_error, in the browser through the vendored
//! serde-wasm-bindgen, which tracks the path the same way (PATCHED.md).

use crate::error::InputError;
use serde::de::DeserializeOwned;

/// Reads JSON text. Errors carry the path inside the document (no prefix).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(text).map_err(|e| {
            let js: &js_sys::Error = wasm_bindgen::JsCast::unchecked_ref(&e);
            InputError::new(
                "",
                format!("not valid JSON ({})", String::from(js.message())),
            )
        })?;
        from_js(value)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut de = serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let well_formed = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
            if (inner.is_syntax() || inner.is_eof()) && !well_formed {
                InputError::new("", format!("not valid JSON ({inner})"))
            } else if inner.is_syntax() {
                // serde_json reports a value of the wrong kind where it
                // expected an enum's name as a syntax error ("expected value").
                let at = inner.to_string();
                let place = at.rfind(" at line ").map_or("", |i| &at[i..]);
                refusal(
                    &path,
                    &format!("expected one of the names allowed here{place}"),
                )
            } else {
                refusal(&path, &inner.to_string())
            }
        })?;
        de.end()
            .map_err(|e| InputError::new("", format!("not valid JSON ({e})")))?;
        Ok(value)
    }
}

/// A flat JSON object of strings (a locale file). In the browser read by
/// hand from `JSON.parse`'s value: the explainer's wasm carries no serde
/// reader (packs and configs are read by the pack reader's wasm), and this
/// is the one JSON it reads itself. Natively through serde, as `parse`.
pub fn strings(text: &str) -> Result<crate::pairs::Pairs<String>, InputError> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let value = js_sys::JSON::parse(text).map_err(|e| {
            let js: &js_sys::Error = e.unchecked_ref();
            InputError::new(
                "",
                format!("not valid JSON ({})", String::from(js.message())),
            )
        })?;
        strings_of(&value).map(crate::pairs::Pairs)
    }
    #[cfg(not(target_arch = "wasm32"))]
    parse(text)
}

/// A JavaScript object's fields, each a string (`undefined` ones left
/// out): a parsed locale file, or options a host passed (`exportSvg`'s).
#[cfg(target_arch = "wasm32")]
pub fn strings_of(value: &wasm_bindgen::JsValue) -> Result<Vec<(String, String)>, InputError> {
    use wasm_bindgen::JsCast;
    // What a value is, in the words of a refusal (JSON, cut short).
    let got = |v: &wasm_bindgen::JsValue| {
        let json: String = js_sys::JSON::stringify(v)
            .map(String::from)
            .unwrap_or_default();
        json.chars().take(40).collect::<String>()
    };
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(InputError::new(
            "",
            format!("expected an object of strings, got {}", got(value)),
        ));
    }
    let mut pairs = Vec::new();
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        match value.as_string() {
            Some(text) => pairs.push((key, text)),
            None if value.is_undefined() => {}
            None => {
                let problem = format!("expected a string, got {}", got(&value));
                return Err(InputError::new(key, problem));
            }
        }
    }
    Ok(pairs)
}

/// Reads a JavaScript value (a parsed pack or config from the host page).
#[cfg(target_arch = "wasm32")]
pub fn from_js<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Result<T, InputError> {
    // The vendored serde-wasm-bindgen tracks the path itself (PATCHED.md):
    // serde_path_to_error's wrappers doubled every reader in the wasm.
    T::deserialize(serde_wasm_bindgen::Deserializer::from(value))
        .map_err(|e| refusal(&e.path(), &e.to_string()))
}

/// Turns serde's wording into the explainer's: the missing or unknown field
/// goes into the path, the rest reads as plain words.
fn refusal(path: &str, message: &str) -> InputError {
    // serde_path_to_error writes "." for the document itself, and
    // serde-wasm-bindgen's errors are JavaScript errors ("Error: …").
    let path = if path == "." { "" } else { path };
    let message = message.strip_prefix("Error: ").unwrap_or(message);
    // serde_json adds where it was; keep it, in words.
    let (message, place) = match message.rfind(" at line ") {
        Some(at) => (
            &message[..at],
            Some(message[at + 4..].replace(" column", ", column")),
        ),
        None => (message, None),
    };
    let field = |rest: &str| rest.split('`').nth(1).unwrap_or_default().to_string();
    let (path, problem) = if let Some(rest) = message.strip_prefix("missing field ") {
        (
            crate::error::join(path, &field(rest)),
            "is missing".to_string(),
        )
    } else if let Some(rest) = message.strip_prefix("unknown field `") {
        // serde writes "unknown field `NAME`, expected …" (or ", there are
        // no fields"); the name is the host's and may hold anything,
        // backticks and dots included.
        let end = ["`, expected", "`, there are no fields"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap_or(rest.len().saturating_sub(1));
        let (name, expected) = (&rest[..end], rest.get(end + 1..).unwrap_or_default());
        let parent = parent_of(path, name);
        if name.is_empty() {
            // A key with no name (`{"": 1}`) adds nothing to a path: say so,
            // or the refusal reads as if the object itself were unknown.
            let problem = format!("unknown field \"\" (a key with no name){expected}");
            return InputError::new(parent, with_place(problem, place));
        }
        (
            crate::error::join(parent, name),
            format!("unknown field{expected}"),
        )
    } else if let Some(rest) = message.strip_prefix("duplicate field `") {
        let name = rest.strip_suffix('`').unwrap_or(rest);
        (
            crate::error::join(parent_of(path, name), name),
            "appears twice".to_string(),
        )
    } else {
        (path.to_string(), plain(message))
    };
    InputError::new(path, with_place(problem, place))
}

/// The object holding key `name`: serde_path_to_error's path may already end
/// at the key (`items[0].n`) or not (`items[0]`).
fn parent_of<'a>(path: &'a str, name: &str) -> &'a str {
    if path == name {
        return "";
    }
    path.strip_suffix(name)
        .and_then(|p| p.strip_suffix('.'))
        .unwrap_or(path)
}

/// The problem with where serde_json found it, if it said.
fn with_place(problem: String, place: Option<String>) -> String {
    match place {
        Some(place) => format!("{problem} ({place})"),
        None => problem,
    }
}

/// serde's "invalid type: X, expected Y" (or "invalid value: …") in a
/// reader's words, what was expected first: `expected a string, got the
/// number 0`, a number written as the host wrote it (`0`, not serde's
/// `0.0`), serde's type names plain.
fn plain(message: &str) -> String {
    let message = [
        ("expected u32", "expected a whole number of 0 or more"),
        ("expected usize", "expected a whole number of 0 or more"),
        ("expected f64", "expected a number"),
        ("expected a boolean", "expected true or false"),
        ("expected a sequence", "expected a list"),
    ]
    .iter()
    .fold(message.to_string(), |m, (from, to)| m.replace(from, to));
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    // The last ", expected ": the host's text before it may hold one.
    let Some((value, expected)) =
        rest.and_then(|r| r.rfind(", expected ").map(|at| (&r[..at], &r[at + 2..])))
    else {
        return message;
    };
    // serde names the Rust type it reads into: `struct Config`, `enum Theme`.
    let expected = if expected.starts_with("expected struct ") {
        "expected an object"
    } else if expected.starts_with("expected enum ") {
        "expected one of the names allowed here"
    } else {
        expected
    };
    let quoted = |kind: &str| {
        value
            .strip_prefix(kind)
            .and_then(|v| v.strip_prefix('`')?.strip_suffix('`'))
    };
    let got = if let Some(n) = quoted("floating point ").or_else(|| quoted("integer ")) {
        // serde writes a whole float with ".0"; the host wrote `0`.
        format!("the number {}", n.strip_suffix(".0").unwrap_or(n))
    } else if let Some(b) = quoted("boolean ") {
        b.to_string()
    } else {
        match value {
            "sequence" => "a list".into(),
            "map" => "an object".into(),
            "unit value" => "null".into(),
            _ if value.starts_with("string ") => format!("the {value}"),
            _ => value.to_string(),
        }
    };
    format!("{expected}, got {got}")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: u32,
    }

    fn error(text: &str) -> String {
        parse::<Doc>(text).unwrap_err().to_string()
    }

    #[test]
    fn errors_name_their_path() {
        assert!(parse::<Doc>(r#"{"name": "a", "items": [{"n": 1}]}"#).is_ok());
        assert_eq!(
            error(r#"{"name": "a", "items": [{"n": 1}, {}]}"#),
            "items[1].n: is missing (line 1, column 36)"
        );
        let e = error(r#"{"name": "a", "items": [{"n": 1, "m": 2}]}"#);
        assert!(
            e.starts_with("items[0].m: unknown field, expected `n`"),
            "{e}"
        );
        let e = error(r#"{"name": "a", "items": [{"n": "x"}]}"#);
        assert!(
            e.starts_with("items[0].n: expected a whole number of 0 or more, got the string \"x\""),
            "{e}"
        );
        assert!(error("{").starts_with("not valid JSON"));
        assert!(error(r#"{"name": "a", "items": []} x"#).starts_with("not valid JSON"));
        assert!(
            error("[]").starts_with("expected an object, got a list"),
            "{}",
            error("[]")
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_reads_as_the_host_wrote_it() {
        // What was expected, then what came: a number as written (`0`, not
        // serde's `0.0`), a text quoted, a list or object by its kind.
        for (text, want) in [
            (r#"{"name": 0, "items": []}"#, "name: expected a string, got the number 0"),
            (r#"{"name": 0.0, "items": []}"#, "name: expected a string, got the number 0"),
            (r#"{"name": -2.5, "items": []}"#, "name: expected a string, got the number -2.5"),
            (r#"{"name": true, "items": []}"#, "name: expected a string, got true"),
            (r#"{"name": null, "items": []}"#, "name: expected a string, got null"),
            (r#"{"name": [], "items": []}"#, "name: expected a string, got a list"),
            (r#"{"name": "a", "items": {}}"#, "items: expected a list, got an object"),
            (r#"{"name": "a", "items": [{"n": 1.5}]}"#, "items[0].n: expected a whole number of 0 or more, got the number 1.5"),
            (r#"{"name": "a", "items": [{"n": -1}]}"#, "items[0].n: expected a whole number of 0 or more, got the number -1"),
            (r#"{"name": "a, expected b", "items": [{"n": "x, expected y"}]}"#, "items[0].n: expected a whole number of 0 or more, got the string \"x, expected y\""),
        ] {
            let e = error(text);
            assert!(e.starts_with(want), "{text}: {e}");
            assert!(!e.contains("invalid") && !e.contains(".0 "), "{text}: {e}");
        }
    }

    #[test]
    fn unknown_keys_of_any_name_are_named() {
        let e = parse::<Doc>(r#"{"name": "a", "items": [{"n": 1, "": 2}]}"#).unwrap_err();
        assert_eq!(e.path, "items[0]");
        assert!(
            e.problem
                .starts_with("unknown field \"\" (a key with no name), expected `n`"),
            "{e}"
        );
        let e = parse::<Doc>(r#"{"": 1}"#).unwrap_err();
        assert_eq!(e.path, "");
        assert!(e.problem.starts_with("unknown field \"\""), "{e}");
        let e = parse::<Doc>(r#"{"name": "a", "items": [{"a`b, c": 2}]}"#).unwrap_err();
        assert_eq!(e.path, "items[0].a`b, c");
        assert!(e.problem.starts_with("unknown field, expected `n`"), "{e}");
        let e = parse::<Doc>(r#"{"name": "a", "items": [{"n": 1, "items": 2}]}"#).unwrap_err();
        assert_eq!(e.path, "items[0].items");
        let e = parse::<Doc>(r#"{"name": "a", "items": [], "name": "b"}"#).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.problem.as_str()),
            ("name", "appears twice (line 1, column 33)")
        );
        let e = parse::<Doc>(r#"{"name": "a", "items": [{"n": 1, "n": 2}]}"#).unwrap_err();
        assert_eq!(e.path, "items[0].n");
    }
}
