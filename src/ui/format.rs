//! Number formatting shared by the meters and their accessible values.

/// `x` (a share 0–1) as a percentage with `decimals` decimals, e.g. "7.8%".
pub fn percent(x: f64, decimals: usize) -> String {
    format!("{:.*}%", decimals, x * 100.0)
}
