//! The view model: what the reader sees, worked out from the state as plain
//! data, between `state` and the two things that draw it, `ui` (the Yew
//! components) and `export` (the view as an SVG image). The frame of one
//! render, the words made from the story, the charts' and the network's
//! geometry, and the metrics. No Yew or browser types (`tests/layers.rs`
//! checks), so all of it is tested natively.

pub mod chart;
pub mod elapsed;
pub mod frame;
pub mod insight;
pub mod labels;
pub mod metric;
pub mod network;

pub use frame::{costly, Frame, Phase};
pub use labels::{markers, sender_label, Comparison, Labels};
