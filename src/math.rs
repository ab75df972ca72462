//! The few transcendental functions the model and the views use. In the
//! browser they are the JavaScript engine's own `Math` functions, so the wasm
//! carries no copy of libm (about 4 KB brotli); natively they are std's. The
//! two may differ in the last bit, which no output shown (whole percents) or
//! tested (tolerances) can see.

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn exp(x: f64) -> f64 {
        js_sys::Math::exp(x)
    }
    pub fn pow(x: f64, y: f64) -> f64 {
        js_sys::Math::pow(x, y)
    }
    pub fn cos(x: f64) -> f64 {
        js_sys::Math::cos(x)
    }
    pub fn sin(x: f64) -> f64 {
        js_sys::Math::sin(x)
    }
    pub fn log10(x: f64) -> f64 {
        js_sys::Math::log10(x)
    }
    pub fn ln(x: f64) -> f64 {
        js_sys::Math::log(x)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
}

pub use imp::{cos, exp, ln, log10, pow, sin};
