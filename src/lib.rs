//! Backchannel: an interactive explainer of what happens to diplomacy when a
//! leader's private message is made public.
//!
//! `model` is the pure simulation; everything web-facing builds on it.

pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
