//! Backchannel: an interactive explainer of what happens to diplomacy when a
//! leader's private message is made public.
//!
//! Dependencies point down: `ui` → `store`/`state` → `model`. The model and the
//! state know nothing of the web; `embed` is the only module that touches the
//! host page.

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
pub mod ui;
pub mod view;
pub mod words;

#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod embed;

// Talc instead of dlmalloc: the same job in fewer bytes of wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
