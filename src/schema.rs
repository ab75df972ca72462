//! The JSON Schemas of a story pack and of a host config, generated from the
//! very types that read them (`cargo run --bin schema -- --write` writes
//! `www/pack.schema.json` and `www/config.schema.json`; a test fails when the
//! committed files differ). Parameter ranges come from the model's table
//! (`model::overrides_schema`).

use crate::config::Config;
use crate::story::Pack;
use schemars::Schema;

/// Where each schema is committed, and its text.
pub fn files() -> [(&'static str, String); 2] {
    [
        ("www/pack.schema.json", pack()),
        ("www/config.schema.json", config()),
    ]
}

/// The story pack's schema.
pub fn pack() -> String {
    let mut schema = schemars::schema_for!(Pack);
    schema.insert("title".into(), "Backchannel story pack".into());
    text(schema)
}

/// The host config's schema.
pub fn config() -> String {
    let mut schema = schemars::schema_for!(Config);
    schema.insert("title".into(), "Backchannel host config".into());
    text(schema)
}

fn text(schema: Schema) -> String {
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
