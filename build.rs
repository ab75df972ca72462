//! The wasm carries the built-in story's strings in English only. Its other
//! languages reach a reader together with the interface strings of that
//! language (dist/locales/<code>.json, written by scripts/postbuild.mjs), so
//! nobody downloads a language they do not read. This writes the English-only
//! copy that `story::BUILTIN` compiles into the wasm, and the list of the
//! languages left out; and the English interface strings the wasm reads,
//! without those only the loader (`fallback.*`) or the native static render
//! (`static.*`) use.

use std::{env, fs, path::Path};

const PACK: &str = "www/packs/greenland-2026.json";
const EN: &str = "www/locales/en.json";
/// Key prefixes of strings the wasm never shows.
const NOT_IN_WASM: [&str; 2] = ["fallback.", "static."];

fn main() {
    println!("cargo:rerun-if-changed={PACK}");
    let text = fs::read_to_string(PACK).expect("the built-in pack is readable");
    let mut pack: serde_json::Value =
        serde_json::from_str(&text).expect("the built-in pack is JSON");
    let strings = pack["strings"]
        .as_object_mut()
        .expect("the built-in pack has strings");
    let deferred: Vec<String> = strings.keys().filter(|l| *l != "en").cloned().collect();
    strings.retain(|lang, _| lang == "en");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    fs::write(out.join("builtin-pack.json"), pack.to_string()).expect("OUT_DIR is writable");
    fs::write(out.join("builtin-deferred.rs"), format!("&{deferred:?}"))
        .expect("OUT_DIR is writable");

    println!("cargo:rerun-if-changed={EN}");
    let text = fs::read_to_string(EN).expect("the English strings are readable");
    let mut en: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("the English strings are a JSON object");
    en.retain(|key, _| !NOT_IN_WASM.iter().any(|p| key.starts_with(p)));
    fs::write(
        out.join("en-wasm.json"),
        serde_json::Value::Object(en).to_string(),
    )
    .expect("OUT_DIR is writable");
}
