//! The pack reader's wasm (feature `reader`; make dist builds it beside the
//! explainer's): reads and checks a host's story pack, from JSON text or a
//! JavaScript object, with the same rules and words as `validate-pack`, and
//! bakes a pack that passes into the bytes the explainer reads
//! (`story::unbake`); and reads a host's JSON config the same way. The
//! explainer's own wasm so carries no JSON reader for packs or configs and
//! no pack checks: a reader of the built-in story never downloads them.

use crate::codec;
use crate::config::Config;
use crate::error::InputError;
use crate::story::{bake, Problems, Story};
use js_sys::{Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `{ ok, summary, problems: [{ path, problem }] }`: every problem
/// `validate-pack` would print for the same pack (the pack editor and
/// `validatePack` show them); and for the explainer, `bytes` (the checked
/// story, baked) when it passes, else `refused` (`{ field, problem }`: the
/// first problem and how many more, as the explainer shows a refusal).
#[cfg_attr(feature = "reader", wasm_bindgen(js_name = checkPack))]
pub fn check_pack(pack: JsValue) -> JsValue {
    #[derive(Serialize)]
    struct Checked {
        ok: bool,
        summary: Option<String>,
        problems: Vec<InputError>,
        refused: Option<Refused>,
    }
    #[derive(Serialize)]
    struct Refused {
        field: String,
        problem: String,
    }
    let result = match pack.as_string() {
        Some(text) => Story::parse(&text),
        None => Story::from_js(pack),
    };
    let (checked, bytes) = match result {
        Ok(story) => (
            Checked {
                ok: true,
                summary: Some(story.summary()),
                problems: Vec::new(),
                refused: None,
            },
            Some(bake(&story)),
        ),
        Err(problems) => {
            let first = problems.summary().at("pack");
            let Problems(problems) = problems;
            (
                Checked {
                    ok: false,
                    summary: None,
                    problems,
                    refused: Some(Refused {
                        field: first.path,
                        problem: first.problem,
                    }),
                },
                None,
            )
        }
    };
    let out = serde_wasm_bindgen::to_value(&checked).unwrap_or(JsValue::NULL);
    with_bytes(out, bytes)
}

/// A host's config (its JSON text), read as the explainer would: `{ bytes }`
/// (the config in `codec`'s form) or `{ refused: { field, problem } }`.
/// Checked against the story later, by the explainer, which has it.
#[cfg_attr(feature = "reader", wasm_bindgen(js_name = checkConfig))]
pub fn check_config(text: &str) -> JsValue {
    let out = js_sys::Object::new();
    match Config::parse(text) {
        Ok(config) => with_bytes(out.into(), Some(codec::encode(&config))),
        Err(e) => {
            let refused = js_sys::Object::new();
            let _ = Reflect::set(&refused, &"field".into(), &e.path.into());
            let _ = Reflect::set(&refused, &"problem".into(), &e.problem.into());
            let _ = Reflect::set(&out, &"refused".into(), &refused);
            out.into()
        }
    }
}

fn with_bytes(out: JsValue, bytes: Option<Vec<u8>>) -> JsValue {
    if let Some(bytes) = bytes {
        let _ = Reflect::set(&out, &"bytes".into(), &Uint8Array::from(&bytes[..]));
    }
    out
}
