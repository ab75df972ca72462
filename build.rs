//! The wasm carries the built-in story's strings in English only. Its other
//! languages reach a reader together with the interface strings of that
//! language (dist/locales/<code>.json, written by scripts/postbuild.mjs), so
//! nobody downloads a language they do not read. This writes the English-only
//! copy that `story::BUILTIN` compiles into the wasm, and the list of the
//! languages left out.

use std::{env, fs, path::Path};

const PACK: &str = "www/packs/greenland-2026.json";

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
}
