//! Backchannel: an interactive explainer of what happens to diplomacy when a
//! leader's private message is made public.
//!
//! Dependencies point one way: `ui` (the Yew components) and `export` (the
//! view as an SVG image) → `view` (the pure view model, read from the state,
//! the story and the words) → `state` → `model`.
//! `store` shares the state between `ui` and `embed`; `ui` calls `export`
//! for its download button, and `export` imports nothing from `ui`.
//! `model`, `state`, `store`, `view` and `export` use no Yew or browser
//! types: those stay in `ui` (its own elements), `embed` (the only module
//! that mounts into the host page and speaks to it) and the JavaScript
//! bridges in `math`, `read` and `story`. Below them, `story` (packs,
//! checked into a `Story`) → `words` and `dates` → `words`. `tests/layers.rs`
//! checks these directions and that no import circle exists anywhere in
//! `src/`.

pub mod codec;
pub mod config;
pub mod dates;
pub mod error;
pub mod export;
pub mod math;
pub mod model;
pub mod num;
pub mod pairs;
pub mod read;
pub mod sort;
pub mod state;
pub mod store;
pub mod story;
pub mod text;
pub mod ui;
pub mod view;
pub mod words;

#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

// The explainer's wasm mounts explainers; the pack reader's (feature
// `reader`) only reads packs and configs, exporting `checkPack` and
// `checkConfig` and nothing of `embed`. (`reader` is in both: the
// explainer's leaves it out unused, and its browser tests call it as the
// loader would.)
#[cfg(all(target_arch = "wasm32", not(feature = "reader")))]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod reader;

// Talc instead of dlmalloc: the same job in fewer bytes of wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
