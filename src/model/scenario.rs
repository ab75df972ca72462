//! A scenario: a named list of leaks. Which scenarios a story offers, and
//! the leaks in them, come from its story pack; the model knows only two
//! ids of its own.

use super::sim::Event;
use serde::Serialize;

/// The scenario with no leak: the baseline every other run is drawn against.
pub const KEPT_PRIVATE: &str = "kept-private";

/// The scenario the reader builds in the lab with leaks of their own.
pub const CUSTOM: &str = "custom";

/// A named list of leaks (as the handle's `scenarios()` returns them).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    /// Stable id used by packs, configs, the handle and the runner.
    pub id: String,
    /// The leaks, in any order.
    pub events: Vec<Event>,
}
