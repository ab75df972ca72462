//! The parameter table (`parameters!` in src/model/params.rs) generates the id
//! enum, the struct, the defaults, validation and `DESCRIPTORS`, so those
//! cannot disagree. Three copies of its facts live outside Rust and are held
//! to it here, so a parameter added to (or dropped from) the table and not
//! from them fails: the locale labels, docs/model.md's parameter table and the
//! committed JSON Schemas that host tools read.

use backchannel::model::{ParamId, Params, DESCRIPTORS};
use std::collections::BTreeSet;
use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn keys() -> BTreeSet<String> {
    DESCRIPTORS.iter().map(|d| d.key.to_string()).collect()
}

#[test]
fn the_table_has_every_parameter_once_in_one_order() {
    assert_eq!(keys().len(), DESCRIPTORS.len(), "a key is listed twice");
    assert_eq!(ParamId::ALL.len(), DESCRIPTORS.len());
    let defaults = Params::default();
    for (i, (id, d)) in ParamId::ALL.iter().zip(&DESCRIPTORS).enumerate() {
        assert_eq!((d.id, *id as usize), (*id, i), "{}", d.key);
        assert_eq!(ParamId::from_key(d.key), Some(*id));
        assert_eq!(defaults.get(*id), d.default, "{}", d.key);
    }
}

/// Each locale names exactly the table's parameters: `param.<key>` and
/// `param.<key>.source`, no more (a parameter dropped from the table would
/// leave its labels behind), no fewer.
#[test]
fn every_locale_labels_exactly_the_table_s_parameters() {
    let want: BTreeSet<String> = keys()
        .iter()
        .flat_map(|k| [format!("param.{k}"), format!("param.{k}.source")])
        .collect();
    for lang in ["en", "fr", "vi"] {
        let text = read(&format!("www/locales/{lang}.json"));
        let words: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).unwrap();
        let got: BTreeSet<String> = words
            .keys()
            .filter(|k| k.starts_with("param."))
            .cloned()
            .collect();
        assert_eq!(got, want, "{lang}.json");
        for key in &got {
            let value = words[key].as_str().unwrap_or("");
            assert!(!value.trim().is_empty(), "{lang}.json: {key} is empty");
        }
    }
}

/// docs/model.md's parameter table gives the same keys, symbols, defaults and
/// ranges (a row may hold several parameters: "`phi`, `psi`").
#[test]
fn the_model_document_lists_the_table_s_defaults_and_ranges() {
    let doc = read("docs/model.md");
    let section = doc
        .split("## Parameters")
        .nth(1)
        .expect("docs/model.md has a Parameters section");
    let mut seen = BTreeSet::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (keys, symbols, defaults, range) = (cells[1], cells[2], cells[3], cells[4]);
        let symbols: Vec<&str> = symbols.split(':').next().unwrap().split(", ").collect();
        let defaults: Vec<&str> = defaults.split(", ").collect();
        let (min, max) = range.split_once('–').expect(row);
        for (i, key) in keys.split(", ").enumerate() {
            let key = key.trim_matches('`');
            let d = ParamId::from_key(key)
                .unwrap_or_else(|| panic!("docs/model.md lists `{key}`, the table does not"))
                .descriptor();
            assert!(symbols[i].starts_with(d.symbol), "{key}: {}", symbols[i]);
            let number = |s: &str| s.parse::<f64>().unwrap_or_else(|_| panic!("{key}: {s}"));
            assert_eq!(number(defaults[i]), d.default, "{key}: default");
            assert_eq!((number(min), number(max)), (d.min, d.max), "{key}: range");
            assert!(seen.insert(key.to_string()), "{key} is listed twice");
        }
    }
    assert_eq!(seen, keys(), "docs/model.md's parameter table");
}

/// The committed schemas (what editors and host tools validate against) give
/// each parameter the table's range and default, and accept no other id.
#[test]
fn the_committed_schemas_give_the_table_s_ranges() {
    for path in ["www/config.schema.json", "www/pack.schema.json"] {
        let schema: serde_json::Value = serde_json::from_str(&read(path)).unwrap();
        let params = &schema["properties"]["params"];
        assert_eq!(params["additionalProperties"], false, "{path}");
        let properties = params["properties"].as_object().expect(path);
        let got: BTreeSet<String> = properties.keys().cloned().collect();
        assert_eq!(got, keys(), "{path}");
        for d in &DESCRIPTORS {
            let p = &properties[d.key];
            assert_eq!(
                (
                    p["minimum"].as_f64(),
                    p["maximum"].as_f64(),
                    p["default"].as_f64()
                ),
                (Some(d.min), Some(d.max), Some(d.default)),
                "{path}: {}",
                d.key
            );
        }
    }
}
