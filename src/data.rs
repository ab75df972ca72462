//! Reading JSON data (locale files, stories, configs) into typed values.
//!
//! In the browser the text goes through the browser's own `JSON.parse` and
//! serde-wasm-bindgen, so the shipped wasm carries no JSON parser of its own;
//! natively (tests, server rendering, the runner) serde_json does the same job.

use serde::de::DeserializeOwned;

/// Parses JSON text into `T`; the error is one readable line.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(text).map_err(|e| {
            let js: &js_sys::Error = wasm_bindgen::JsCast::unchecked_ref(&e);
            format!("not valid JSON ({})", String::from(js.message()))
        })?;
        serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}
