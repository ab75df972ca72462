//! The scenarios the explainer plays, as data: who was leaked, when, and how
//! sensitive the content was (sensitivities and their sources in model.md).

use super::params::ParamError;
use super::sim::Event;

/// Index of Emmanuel Macron among the default senders.
pub const MACRON: usize = 0;
/// Index of Mark Rutte among the default senders.
pub const RUTTE: usize = 1;
/// 20 January 2026, when both January texts were posted (day 0 = 24 June 2025).
pub const JANUARY_POSTS: f64 = 210.0;

/// Sensitivity of Macron's Greenland text (Schichan: admitted privately what he never said publicly).
pub const MACRON_JANUARY: f64 = 0.60;
/// Sensitivity of Rutte's January text (Lungescu: little different from his public statements).
pub const RUTTE_JANUARY: f64 = 0.15;
/// Sensitivity of Rutte's June 2025 text (Rutte: "nothing in it which had to stay secret").
pub const RUTTE_JUNE: f64 = 0.10;

/// A named list of leaks.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Stable id used by configs, the handle and the runner.
    pub id: String,
    /// The leaks, in any order.
    pub events: Vec<Event>,
}

const fn leak(day: f64, sender: usize, sensitivity: f64) -> Event {
    Event {
        day,
        sender,
        sensitivity,
    }
}

/// The built-in scenarios: ids and events exactly as model.md lists them.
pub const BUILTIN: [(&str, &[Event]); 4] = [
    (
        "what-happened",
        &[
            leak(0.0, RUTTE, RUTTE_JUNE),
            leak(JANUARY_POSTS, MACRON, MACRON_JANUARY),
            leak(JANUARY_POSTS, RUTTE, RUTTE_JANUARY),
        ],
    ),
    ("only-rutte", &[leak(JANUARY_POSTS, RUTTE, RUTTE_JANUARY)]),
    (
        "only-macron",
        &[leak(JANUARY_POSTS, MACRON, MACRON_JANUARY)],
    ),
    ("kept-private", &[]),
];

/// The ids of the built-in scenarios, in display order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(id, _)| *id)
}

/// The built-in scenario with this id, or an error listing the known ids.
pub fn builtin(id: &str) -> Result<Scenario, ParamError> {
    BUILTIN
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(id, events)| Scenario {
            id: (*id).to_string(),
            events: events.to_vec(),
        })
        .ok_or_else(|| {
            ParamError::new(
                "scenario",
                format!(
                    "unknown scenario \"{id}\" (known: {})",
                    ids().collect::<Vec<_>>().join(", ")
                ),
            )
        })
}
