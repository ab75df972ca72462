//! Robustness of every reader of host input (issue 10): arbitrary JSON, the
//! built-in pack and sound configs with random damage, parameter overrides of
//! any value, JSON nested 10 000 deep and 4 MB strings, fed to the pack
//! reader (`Story::parse`, what `validate-pack` and `validatePack` use), the
//! config reader (`Config::parse`, then `resolve` against the built-in story
//! and the explainer's start) and parameter validation (`Params::overridden`).
//!
//! The properties: nothing panics; a reader either accepts (and what it
//! accepted starts) or refuses with errors that each name a path — a field
//! path (`messages[1].source`, `config.params.gamma`), or, for a pack, the
//! empty path of the document itself with a problem about the whole
//! document (`not valid JSON (…)`, `expected an object, got a list`) — and
//! say what is wrong in words.
#![cfg(not(target_arch = "wasm32"))]

use backchannel::config::Config;
use backchannel::error::InputError;
use backchannel::model::{Params, DESCRIPTORS};
use backchannel::state::{Action, Explainer};
use backchannel::story::{Problems, Story, BUILTIN};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use std::sync::LazyLock;

// ---------------------------------------------------------------------------
// Names the generators draw on, so that random documents reach deep.

/// Every property name in the pack's and the config's JSON Schemas, which
/// are generated from the types: the generators follow the types as they change.
static FIELDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut names = Vec::new();
    for schema in [backchannel::schema::pack(), backchannel::schema::config()] {
        properties(&serde_json::from_str(&schema).unwrap(), &mut names);
    }
    names.sort();
    names.dedup();
    names
});

/// The names under every `properties` of a JSON Schema, at any depth.
fn properties(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|v| properties(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| properties(v, out)),
        _ => {}
    }
}

/// Strings with a meaning somewhere: the built-in story's ids, dates, views,
/// themes, languages, outputs, string keys and parameter ids.
static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let pack = builtin_json();
    let mut words: Vec<String> = [
        "",
        " ",
        "act",
        "network",
        "experts",
        "compare",
        "observed",
        "lab",
        "auto",
        "light",
        "dark",
        "en",
        "fr",
        "EN",
        "en-GB",
        "kept-private",
        "custom",
        "compromise",
        "trust",
        "candor",
        "sensitivity",
        "2025-06-24",
        "2026-01-20",
        "2026-02-30",
        "0000-01-01",
        "9999-12-31",
        "2025-6-1",
        "2026-01-20T00:00",
        "packs/x.json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for list in [
        "senders",
        "messages",
        "experts",
        "observed",
        "scenarios",
        "beats",
    ] {
        for item in pack[list].as_array().unwrap() {
            words.push(item["id"].as_str().unwrap().to_string());
        }
    }
    for m in pack["messages"].as_array().unwrap() {
        words.push(m["posted"].as_str().unwrap().to_string());
    }
    words.extend(pack["strings"]["en"].as_object().unwrap().keys().cloned());
    words.extend(DESCRIPTORS.iter().map(|d| d.key.to_string()));
    words
});

/// Keys: mostly real names, sometimes anything.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FIELDS.clone()),
        2 => prop::sample::select(WORDS.clone()),
        1 => any::<String>(),
        1 => "[a-z_.`, \\[\\]0-9]{0,12}",
    ]
}

/// Text of every kind: meaningful, empty, unicode, controls, markup.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS.clone()),
        2 => any::<String>(),
        1 => prop::sample::select(vec![
            "\u{202E}gnirts desrever",
            "\u{200B}\u{FEFF}",
            "<img src=x onerror=alert(1)>",
            "\"quoted\" \\ back\\slash",
            "line\nbreak\ttab\u{0}nul",
            "👩‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ÆØÅ",
            "\u{FFFD}\u{10FFFF}",
        ])
        .prop_map(str::to_string),
    ]
}

/// A JSON number written out: integers of any size (beyond 64 bits too),
/// negative, fractional, huge and tiny (never NaN: JSON has none).
fn number() -> impl Strategy<Value = String> {
    let float = prop::num::f64::NORMAL
        | prop::num::f64::SUBNORMAL
        | prop::num::f64::ZERO
        | prop::num::f64::NEGATIVE
        | prop::num::f64::POSITIVE;
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        (-3i32..40).prop_map(|n| n.to_string()),
        (0.0..1.0f64).prop_map(|x| format!("{x:?}")),
        (-1e3..1e4f64).prop_map(|x| format!("{x:?}")),
        float.prop_map(|x| format!("{x:?}")),
        prop::sample::select(vec![
            "1e400",
            "-1e400",
            "1e-400",
            "-0",
            "123456789012345678901234567890",
            "-123456789012345678901234567890",
            "4294967296",
            "4294967295",
            "18446744073709551616",
            "1E+2",
            "0.30000000000000004",
        ])
        .prop_map(str::to_string),
    ]
}

fn float_text() -> impl Strategy<Value = f64> {
    prop::num::f64::ANY
}

/// A JSON document as text, built from a tree (so that numbers can be
/// written as JSON allows and `serde_json::Value` does not keep, and keys
/// can repeat).
#[derive(Clone, Debug)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn write(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            J::Arr(items) => {
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    x.write(out);
                }
                out.push(']');
            }
            J::Obj(pairs) => {
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// As a `serde_json::Value` (for splicing into a real document; a
    /// number `Value` cannot hold becomes its nearest float, or a string).
    fn value(&self) -> Value {
        serde_json::from_str(&self.text()).unwrap_or_else(|_| match self {
            J::Num(n) => Value::String(n.clone()),
            _ => Value::Null,
        })
    }
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![
        1 => Just(J::Null),
        1 => any::<bool>().prop_map(J::Bool),
        3 => number().prop_map(J::Num),
        4 => text().prop_map(J::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(J::Arr),
            prop::collection::vec((key(), inner), 0..7).prop_map(J::Obj),
        ]
    })
}

// ---------------------------------------------------------------------------
// The properties.

/// The pack's top-level fields (its schema's): where every path into a pack starts.
static PACK_ROOTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(&backchannel::schema::pack()).unwrap();
    schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
});

/// The first step of a path (`messages` in `messages[1].source`).
fn head(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or_default()
}

/// A problem in words: not empty, and saying something.
fn readable(e: &InputError) -> Result<(), TestCaseError> {
    prop_assert!(
        e.problem.chars().any(char::is_alphabetic),
        "a problem without words: {e:?}"
    );
    prop_assert!(
        !e.problem.contains("panicked"),
        "a problem that is a panic: {e}"
    );
    Ok(())
}

/// A pack's problem names a path into the pack, or the document itself.
fn pack_error(e: &InputError) -> Result<(), TestCaseError> {
    readable(e)?;
    if e.path.is_empty() {
        prop_assert!(
            e.problem.starts_with("not valid JSON (")
                || e.problem.starts_with("expected ")
                || e.problem
                    .starts_with("unknown field \"\" (a key with no name)"),
            "the empty path is kept for the document itself: {e:?}"
        );
    } else {
        // A field the pack does not have is named by its own key.
        let unknown = e.problem.starts_with("unknown field");
        prop_assert!(
            PACK_ROOTS.iter().any(|r| r == head(&e.path)) || unknown,
            "a path that is not in a pack: {e:?}"
        );
    }
    Ok(())
}

/// A config's error names `config…`, or the attribute it came from.
fn config_error(e: &InputError) -> Result<(), TestCaseError> {
    readable(e)?;
    prop_assert!(
        e.path == "config" || e.path.starts_with("config.") || e.path.starts_with("config["),
        "a config error outside the config: {e:?}"
    );
    Ok(())
}

fn pack_result(result: Result<Story, Problems>) -> Result<Option<Story>, TestCaseError> {
    match result {
        Ok(story) => Ok(Some(story)),
        Err(Problems(problems)) => {
            prop_assert!(!problems.is_empty(), "refused without a problem");
            for p in &problems {
                pack_error(p)?;
            }
            Ok(None)
        }
    }
}

/// An accepted pack starts and goes through every beat and scenario: every
/// step, flip and scenario of a pack the checks let through must work (a
/// refusal there would be a check that let a broken pack in).
fn starts(story: Story) -> Result<(), TestCaseError> {
    let mut e = match Explainer::with_config(story, &Config::default(), false) {
        Ok(e) => e,
        Err(e) => return Err(TestCaseError::fail(format!("accepted, then: {e}"))),
    };
    let act = |e: &mut Explainer, action: Action| {
        let what = format!("{action:?}");
        e.reduce(action)
            .map_err(|err| TestCaseError::fail(format!("accepted, then {what}: {err}")))
    };
    for n in 0..e.story().beats.len() {
        act(&mut e, Action::GoToBeat(n))?;
        prop_assert_eq!(e.beat().0, n);
        act(&mut e, Action::SetPublic(true))?;
        let _ = e.snapshot();
    }
    let ids: Vec<String> = e.story().scenario_ids().map(str::to_string).collect();
    for id in ids {
        act(&mut e, Action::SelectScenario(id.clone()))?;
        let _ = e.snapshot();
    }
    Ok(())
}

/// A config read, fitted to the built-in story and started.
fn config_result(text: &str) -> Result<(), TestCaseError> {
    let config = match Config::parse(text) {
        Ok(c) => c,
        Err(e) => return config_error(&e),
    };
    let story = builtin();
    let setup = match config.resolve(&story) {
        Ok(s) => s,
        Err(e) => return config_error(&e),
    };
    match Explainer::with_setup(story, &setup, false) {
        Ok(mut e) => {
            let _ = e.reduce(Action::SetPublic(true));
            let _ = e.snapshot();
            Ok(())
        }
        Err(e) => {
            // A config that resolved may still be refused by the model
            // (parameters that fit their ranges but not each other).
            readable(&e)?;
            prop_assert!(!e.path.is_empty(), "{e:?}");
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------
// Documents to damage.

fn builtin_json() -> Value {
    serde_json::from_str(BUILTIN).unwrap()
}

fn builtin() -> Story {
    static STORY: LazyLock<Story> = LazyLock::new(|| Story::builtin().unwrap());
    STORY.clone()
}

/// Configs the built-in story accepts.
const CONFIGS: &[&str] = &[
    "{}",
    r#"{"scenario": "only-rutte", "lang": "en", "theme": "auto", "beats": ["act", "pillars", "lab"]}"#,
    r#"{"theme": "dark", "autoplay": true, "params": {"gamma": 0.5, "half_life": 200, "d": 0.6}, "pack": "packs/x.json"}"#,
    r#"{"scenario": "mine", "custom_scenario": {"id": "mine", "events": [
        {"day": 30, "sender": "rutte", "sensitivity": 0.9},
        {"day": 60.5, "sender": 4, "sensitivity": 0}]}}"#,
];

/// Every place in a document: the path of keys and indices to each value.
fn places(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(Step::Key(k.clone()));
                out.push(at.clone());
                places(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(Step::Index(i));
                out.push(at.clone());
                places(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at_mut<'a>(doc: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(doc, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// One change to a document.
#[derive(Clone, Debug)]
enum Mutation {
    /// Put any value in place of one (its type changes, mostly).
    Replace(prop::sample::Index, J),
    /// Take a field or an item out.
    Delete(prop::sample::Index),
    /// Add a field (a real name or any) to an object, or an item to a list.
    Insert(prop::sample::Index, String, J),
    /// Put a meaningful string (an id, a date…) where another one was.
    Rename(prop::sample::Index, String),
    /// Repeat an item of a list (ids then repeat).
    Duplicate(prop::sample::Index),
    /// Put a number of any kind where one was.
    Renumber(prop::sample::Index, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), json()).prop_map(|(i, j)| Mutation::Replace(i, j)),
        2 => any::<prop::sample::Index>().prop_map(Mutation::Delete),
        2 => (any::<prop::sample::Index>(), key(), json()).prop_map(|(i, k, j)| Mutation::Insert(i, k, j)),
        3 => (any::<prop::sample::Index>(), text()).prop_map(|(i, s)| Mutation::Rename(i, s)),
        1 => any::<prop::sample::Index>().prop_map(Mutation::Duplicate),
        2 => (any::<prop::sample::Index>(), number()).prop_map(|(i, n)| Mutation::Renumber(i, n)),
    ]
}

fn mutate(doc: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    places(doc, &mut Vec::new(), &mut all);
    // The document itself is a place too (for inserts).
    all.push(Vec::new());
    let pick = |i: &prop::sample::Index| i.get(&all).clone();
    match m {
        Mutation::Replace(i, j) => {
            let path = pick(i);
            *at_mut(doc, &path) = j.value();
        }
        Mutation::Delete(i) => {
            let path = pick(i);
            if let Some((last, parent)) = path.split_last() {
                match (at_mut(doc, parent), last) {
                    (Value::Object(o), Step::Key(k)) => {
                        o.remove(k);
                    }
                    (Value::Array(a), Step::Index(n)) => {
                        a.remove(*n);
                    }
                    _ => {}
                }
            }
        }
        Mutation::Insert(i, k, j) => match at_mut(doc, &pick(i)) {
            Value::Object(o) => {
                o.insert(k.clone(), j.value());
            }
            Value::Array(a) => a.push(j.value()),
            other => *other = j.value(),
        },
        Mutation::Rename(i, s) => {
            let v = at_mut(doc, &pick(i));
            if v.is_string() || v.is_null() {
                *v = Value::String(s.clone());
            }
        }
        Mutation::Duplicate(i) => {
            if let Value::Array(a) = at_mut(doc, &pick(i)) {
                if let Some(first) = a.first().cloned() {
                    a.push(first);
                }
            }
        }
        Mutation::Renumber(i, n) => {
            let v = at_mut(doc, &pick(i));
            if v.is_number() {
                *v = J::Num(n.clone()).value();
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Random inputs.

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any JSON at all, as a pack and as a config.
    #[test]
    fn any_json_is_read_or_refused_with_a_path(doc in json()) {
        let text = doc.text();
        if let Some(story) = pack_result(Story::parse(&text))? {
            starts(story)?;
        }
        config_result(&text)?;
    }

    /// Any JSON in a document that looks like a pack or a config: an object
    /// with the right field names, so readers go past the first field.
    #[test]
    fn documents_with_real_field_names_are_read_or_refused(
        fields in prop::collection::vec((prop::sample::select(PACK_ROOTS.clone()), json()), 0..14),
        config in prop::collection::vec((prop::sample::select(FIELDS.clone()), json()), 0..8),
    ) {
        let pack = J::Obj(fields.into_iter().collect());
        if let Some(story) = pack_result(Story::parse(&pack.text()))? {
            starts(story)?;
        }
        let config = J::Obj(config.into_iter().collect());
        config_result(&config.text())?;
    }

    /// Text that is not quite JSON: the built-in pack cut short or with a
    /// byte changed.
    #[test]
    fn broken_text_is_refused_as_not_json(cut in 0..BUILTIN.len(), at in 0..BUILTIN.len(), byte in prop::sample::select(b"{}[]\",:0a\\ ".to_vec())) {
        let cut = BUILTIN.floor_char_boundary(cut);
        pack_result(Story::parse(&BUILTIN[..cut]))?;
        let at = BUILTIN.floor_char_boundary(at);
        let mut changed = BUILTIN.as_bytes().to_vec();
        changed[at] = byte;
        if let Ok(text) = String::from_utf8(changed) {
            if let Some(story) = pack_result(Story::parse(&text))? {
                starts(story)?;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// The built-in pack with one to four random changes anywhere.
    #[test]
    fn mutated_packs_are_refused_with_paths_or_start(mutations in prop::collection::vec(mutation(), 1..5)) {
        let mut doc = builtin_json();
        for m in &mutations {
            mutate(&mut doc, m);
        }
        if let Some(story) = pack_result(Story::parse(&doc.to_string()))? {
            starts(story)?;
        }
    }

    /// Sound configs with one to four random changes anywhere.
    #[test]
    fn mutated_configs_are_refused_with_paths_or_start(
        base in prop::sample::select(CONFIGS),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let mut doc: Value = serde_json::from_str(base).unwrap();
        for m in &mutations {
            mutate(&mut doc, m);
        }
        config_result(&doc.to_string())?;
    }

    /// Parameter overrides of any id and any float (NaN and infinities
    /// too, as a JavaScript caller can pass them): refused naming an id, or
    /// a set that validates.
    #[test]
    fn any_parameter_overrides_are_checked(
        overrides in prop::collection::vec(
            (
                prop_oneof![
                    4 => prop::sample::select(DESCRIPTORS.iter().map(|d| d.key.to_string()).collect::<Vec<_>>()),
                    1 => any::<String>(),
                ],
                prop_oneof![
                    2 => float_text(),
                    3 => prop::sample::select(DESCRIPTORS.to_vec()).prop_flat_map(|d| d.min - 0.1 * (d.max - d.min)..d.max + 0.1 * (d.max - d.min)),
                ],
            ),
            0..6,
        )
    ) {
        let keys: Vec<&str> = DESCRIPTORS.iter().map(|d| d.key).collect();
        match Params::default().overridden(&overrides) {
            Ok(p) => {
                prop_assert!(p.validate().is_ok());
            }
            Err(e) => {
                readable(&e)?;
                prop_assert!(
                    keys.contains(&e.path.as_str()) || overrides.iter().any(|(k, _)| *k == e.path),
                    "not a parameter's id: {e:?}"
                );
            }
        }
        // The same through a config, as a host writes it.
        let config = Config { params: backchannel::pairs::Pairs(overrides.clone()), ..Config::default() };
        if let Err(e) = config.resolve(&builtin()) {
            config_error(&e)?;
            prop_assert!(e.path.starts_with("config.params"), "{e:?}");
        }
    }

    /// Attribute values of any kind (`lang`, `theme`), as the element hands
    /// them over.
    #[test]
    fn any_attribute_is_taken_or_refused_by_name(lang in text(), theme in text()) {
        let mut config = Config::default();
        if let Err(e) = config.set_lang("lang", &lang) {
            readable(&e)?;
            prop_assert_eq!(e.path, "lang");
        }
        if let Err(e) = config.set_theme("theme", &theme) {
            readable(&e)?;
            prop_assert_eq!(e.path, "theme");
        }
    }
}

// ---------------------------------------------------------------------------
// Extremes: nesting far past any stack, and strings of 4 MB.

const DEEP: usize = 10_000;

fn deep_arrays() -> String {
    format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP))
}

fn deep_objects() -> String {
    format!("{}1{}", r#"{"id":"#.repeat(DEEP), "}".repeat(DEEP))
}

/// Nesting 10 000 deep as the whole document, as a field's value, as an
/// unknown field and inside the pack's strings: refused with a message,
/// never a stack overflow.
#[test]
fn deeply_nested_json_is_refused_with_a_message() {
    let check = |name: &str, text: &str| {
        let pack = Story::parse(text);
        match &pack {
            Ok(_) => panic!("{name}: accepted as a pack"),
            Err(Problems(p)) => {
                assert!(!p.is_empty());
                for e in p {
                    pack_error(e).unwrap_or_else(|f| panic!("{name}: {f}"));
                }
            }
        }
        match Config::parse(text) {
            // A document that is nothing but nesting is no config.
            Ok(_) if name == "root" => panic!("{name}: accepted as a config"),
            // A pack's fields, read as a config: what it takes resolves
            // against the built-in story or is refused by name.
            Ok(c) => {
                if let Err(e) = c.resolve(&builtin()) {
                    config_error(&e).unwrap_or_else(|f| panic!("{name}: {f}"));
                }
            }
            Err(e) => config_error(&e).unwrap_or_else(|f| panic!("{name}: {f}")),
        }
        let summary = pack.unwrap_err().summary();
        assert!(summary.to_string().len() < 2000, "{name}: {summary}");
    };
    for nested in [deep_arrays(), deep_objects()] {
        check("root", &nested);
        for field in PACK_ROOTS
            .iter()
            .map(String::as_str)
            .chain(["zzz", "custom_scenario"])
        {
            let mut doc = builtin_json();
            doc[field] = Value::Null;
            let text = doc.to_string().replacen(
                &format!("\"{field}\":null"),
                &format!("\"{field}\":{nested}"),
                1,
            );
            check(field, &text);
        }
        // Deep inside: a message's text, a string of the pack, an event.
        for (path, within) in [
            ("messages", r#""text":"#),
            ("strings", r#""beat.act.title":"#),
            ("scenarios", r#""message":"#),
        ] {
            let text = BUILTIN.replacen(within, &format!("{within}{nested},\"x\":"), 1);
            assert_ne!(text, BUILTIN, "{path}");
            check(path, &text);
        }
    }
}

/// Every string leaf of a document, as a path.
fn string_places(doc: &Value) -> Vec<Vec<Step>> {
    let mut all = Vec::new();
    places(doc, &mut Vec::new(), &mut all);
    all.into_iter()
        .filter(|p| at_mut(&mut doc.clone(), p).is_string())
        .collect()
}

/// A 4 MB string in every string field of the built-in pack in turn (and as
/// a string key and a field name), and in every string of a full config:
/// accepted, or refused with a message; never a panic.
#[test]
fn four_megabyte_strings_are_read_or_refused() {
    let unit = "Ω<b>x</b>\u{202E}";
    let huge = unit.repeat(4 * 1024 * 1024 / unit.len() + 1);
    assert!(huge.len() >= 4 * 1024 * 1024);
    let doc = builtin_json();
    let places = string_places(&doc);
    assert!(places.len() > 100, "{}", places.len());
    let (mut accepted, mut refused) = (0, 0);
    for path in &places {
        let mut changed = doc.clone();
        *at_mut(&mut changed, path) = Value::String(huge.clone());
        match Story::parse(&changed.to_string()) {
            Ok(story) => {
                accepted += 1;
                // A story this size starts too (the explainer shows the text).
                Explainer::with_config(story, &Config::default(), false)
                    .unwrap_or_else(|e| panic!("{path:?}: accepted, then {e}"));
            }
            Err(Problems(p)) => {
                refused += 1;
                for e in &p {
                    pack_error(e).unwrap_or_else(|f| panic!("{path:?}: {f}"));
                }
            }
        }
    }
    // As a string's key, and as a field the pack does not have.
    for (at, key) in [("strings", "en"), ("", "")] {
        let mut changed = doc.clone();
        let object = if at.is_empty() {
            &mut changed
        } else {
            &mut changed[at][key]
        };
        object
            .as_object_mut()
            .unwrap()
            .insert(huge.clone(), Value::from("x"));
        let Err(Problems(p)) = Story::parse(&changed.to_string()) else {
            panic!("a 4 MB key accepted in {at}");
        };
        for e in &p {
            pack_error(e).unwrap();
        }
    }
    assert!(accepted > 0 && refused > 0, "{accepted} {refused}");

    let config: Value = serde_json::from_str(CONFIGS[3]).unwrap();
    let full: Value = serde_json::from_str(CONFIGS[1]).unwrap();
    for base in [config, full] {
        for path in string_places(&base) {
            let mut changed = base.clone();
            *at_mut(&mut changed, &path) = Value::String(huge.clone());
            config_result(&changed.to_string()).unwrap_or_else(|f| panic!("{path:?}: {f}"));
        }
    }
    let mut params = serde_json::Map::new();
    params.insert(huge.clone(), Value::from(0.5));
    let text = serde_json::json!({ "params": params }).to_string();
    config_result(&text).unwrap();
    config_result(&serde_json::json!({ "lang": huge }).to_string()).unwrap();
}
