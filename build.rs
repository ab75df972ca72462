//! The wasm carries the English interface strings as Rust data, sorted by
//! key as `Words` keeps them, so start-up parses no JSON for them; without
//! the strings only the loader (`fallback.*`) or the native static render
//! (`static.*`) use. (The built-in story is baked too, by `cargo run --bin
//! bake -- --write`: that needs the crate's own types and checks, which a
//! build script cannot use; src/story/baked.rs.)

use std::{env, fs, path::Path};

const EN: &str = "www/locales/en.json";
/// Key prefixes of strings the wasm never shows.
const NOT_IN_WASM: [&str; 2] = ["fallback.", "static."];

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    println!("cargo:rerun-if-changed={EN}");
    let text = fs::read_to_string(EN).expect("the English strings are readable");
    let en: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("the English strings are a JSON object");
    let mut pairs: Vec<(&String, &str)> = en
        .iter()
        .filter(|(key, _)| !NOT_IN_WASM.iter().any(|p| key.starts_with(p)))
        .map(|(key, value)| {
            (
                key,
                value.as_str().expect("every English string is a string"),
            )
        })
        .collect();
    // Byte order, as `Words` sorts and searches its keys.
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    // One string, key and value after value, each ended by a NUL (which no
    // string has): text compresses as text, where a table of (key, value)
    // slices would add 16 bytes of pointers per string that do not.
    let mut all = String::new();
    for (k, v) in pairs {
        assert!(!k.contains('\0') && !v.contains('\0'), "no NUL in {k}");
        all.push_str(k);
        all.push('\0');
        all.push_str(v);
        all.push('\0');
    }
    fs::write(out.join("en-wasm.txt"), all).expect("OUT_DIR is writable");
}
