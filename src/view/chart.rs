//! A chart's maths, apart from its drawing: where values and days land
//! (`scale.rs`), how labels are measured and stacked (`labels.rs`), the
//! event annotations (`annotations.rs`), the date axis (`time_axis.rs`) and
//! what the chart says to a screen reader (`summary.rs`). The screen
//! (`ui/chart.rs`) and the image (`export/chart.rs`) both draw from these.

pub mod annotations;
pub mod labels;
pub mod scale;
pub mod summary;
pub mod time_axis;

pub use scale::MAX_POINTS;
