//! The explainer's components. They read the state through the store and
//! send actions back; they hold no rules of the story or the model, and touch
//! browser APIs only inside effects, so they also render on the server.

pub mod about;
pub mod after_paint;
pub mod beats;
pub mod chart;
pub mod compare;
#[cfg(target_arch = "wasm32")]
pub mod download;
pub mod effects;
pub mod experts;
pub mod explainer;
pub mod failure;
#[cfg(not(target_arch = "wasm32"))]
pub mod first_view;
pub mod format;
pub mod lab;
pub mod language;
pub mod media;
pub mod message;
pub mod meter;
#[cfg(target_arch = "wasm32")]
pub mod motion;
pub mod network;
pub mod network_table;
pub mod observed;
pub mod params_panel;
pub mod playback;
pub mod quote;
#[cfg(not(target_arch = "wasm32"))]
pub mod ssr;
pub mod static_story;
pub mod switch;
pub mod table_disclosure;
pub mod timeline;
pub mod views;

pub use explainer::{App, AppProps};
pub use failure::{Failure, FailureProps};

use crate::words::Words;
use std::rc::Rc;
use yew::prelude::*;

/// The words in force, provided by the root component.
#[hook]
pub fn use_words() -> Rc<Words> {
    use_context::<Rc<Words>>().unwrap_or_else(Words::english)
}
