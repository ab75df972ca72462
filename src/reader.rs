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

/// Why a pack or a config cannot be used, as the explainer shows it
/// (`options::refusal` reads it there).
#[derive(Serialize)]
struct Refused {
    field: String,
    problem: String,
}

impl From<InputError> for Refused {
    fn from(e: InputError) -> Refused {
        Refused {
            field: e.path,
            problem: e.problem,
        }
    }
}

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
            let refused = Some(first.into());
            (
                Checked {
                    ok: false,
                    summary: None,
                    problems,
                    refused,
                },
                None,
            )
        }
    };
    with_bytes(&checked, bytes)
}

/// A host's config (its JSON text), read as the explainer would: `{ bytes }`
/// (the config in `codec`'s form) or `{ refused: { field, problem } }`.
/// Checked against the story later, by the explainer, which has it.
#[cfg_attr(feature = "reader", wasm_bindgen(js_name = checkConfig))]
pub fn check_config(text: &str) -> JsValue {
    #[derive(Serialize)]
    struct Checked {
        refused: Option<Refused>,
    }
    let (refused, bytes) = match Config::parse(text) {
        Ok(config) => (None, Some(codec::encode(&config))),
        Err(e) => (Some(e.into()), None),
    };
    with_bytes(&Checked { refused }, bytes)
}

/// `checked` as a JavaScript object, with `bytes` when there are some.
fn with_bytes(checked: &impl Serialize, bytes: Option<Vec<u8>>) -> JsValue {
    let out = serde_wasm_bindgen::to_value(checked).unwrap_or(JsValue::NULL);
    if let Some(bytes) = bytes {
        let _ = Reflect::set(&out, &"bytes".into(), &Uint8Array::from(&bytes[..]));
    }
    out
}
