//! Number formatting shared by the meters and their accessible values.

pub use crate::num::{fixed, short};
