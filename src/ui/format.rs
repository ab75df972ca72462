//! Number formatting shared by the meters and their accessible values.

pub use crate::num::{fixed, short};

/// `x` (a share 0–1) as a percentage with `decimals` decimals, e.g. "7.8%".
pub fn percent(x: f64, decimals: u32) -> String {
    let mut text = fixed(x * 100.0, decimals);
    text.push('%');
    text
}
