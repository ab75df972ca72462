//! The committed JSON Schemas are the ones the types generate: editing a
//! pack or config type without `cargo run --bin schema -- --write` fails here.

use std::fs;

#[test]
fn committed_schemas_equal_the_generated_ones() {
    for (path, generated) in backchannel::schema::files() {
        let committed = fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| {
                panic!("{path} is missing ({e}): run cargo run --bin schema -- --write")
            });
        assert!(
            committed == generated,
            "{path} differs from the types: run cargo run --bin schema -- --write"
        );
    }
}

#[test]
fn the_schemas_describe_what_the_readers_check() {
    let pack: serde_json::Value = serde_json::from_str(&backchannel::schema::pack()).unwrap();
    let required = pack["required"].as_array().unwrap();
    for field in [
        "id",
        "day0",
        "horizon",
        "leaker",
        "senders",
        "messages",
        "scenarios",
        "beats",
        "strings",
    ] {
        assert!(required.iter().any(|r| r == field), "{field} not required");
    }
    assert_eq!(pack["additionalProperties"], false);
    let config: serde_json::Value = serde_json::from_str(&backchannel::schema::config()).unwrap();
    let gamma = &config["properties"]["params"]["properties"]["gamma"];
    assert_eq!(
        (gamma["minimum"].as_f64(), gamma["maximum"].as_f64()),
        (Some(0.3), Some(1.0))
    );
}
