//! The parameter table as JSON Schema, for the pack and config schemas.

use super::DESCRIPTORS;

/// The JSON Schema of parameter overrides (a pack's or a config's `params`):
/// an object of the table's parameter ids, each with its range, default and
/// source. Here, beside the table it is read from, so the types that take
/// overrides name it without reaching into the schema writer.
pub fn overrides_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut properties = serde_json::Map::new();
    for d in &DESCRIPTORS {
        properties.insert(
            d.key.to_string(),
            serde_json::json!({
                "type": "number",
                "minimum": d.min,
                "maximum": d.max,
                "default": d.default,
                "description": format!("{} ({}). Source: {}", d.label, d.symbol, d.source),
            }),
        );
    }
    schemars::json_schema!({
        "description": "Model parameters that differ from the defaults, by id.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false
    })
}
