//! Motion that CSS cannot express on its own: the FLIP transform that carries
//! the chat bubble into the post. Uses `Element.animate`, which a strict
//! Content-Security-Policy allows (no inline style attributes).

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// Length of the bubble's move (look.md: 150–600 ms).
const FLIP_MS: f64 = 480.0;

/// Plays `el` from its old box `[left, top, width]` to where it is now.
pub fn flip(el: &HtmlElement, before: [f64; 3], now: [f64; 3]) {
    let [x0, y0, w0] = before;
    let [x1, y1, w1] = now;
    if w1 <= 0.0 || w0 <= 0.0 {
        return;
    }
    let scale = w0 / w1;
    let from = format!(
        "translate({:.1}px, {:.1}px) scale({:.4})",
        x0 - x1,
        y0 - y1,
        scale
    );
    let frames = Array::of2(
        &keyframe(&[("transform", &from), ("transformOrigin", "0 0")]),
        &keyframe(&[("transform", "none"), ("transformOrigin", "0 0")]),
    );
    let options = keyframe(&[("easing", "cubic-bezier(0.2, 0.7, 0.2, 1)")]);
    let _ = Reflect::set(&options, &"duration".into(), &FLIP_MS.into());
    // Called through JS so the web-sys feature set stays small; an old browser
    // without `animate` simply gets no motion.
    if let Ok(animate) = Reflect::get(el, &"animate".into()) {
        if let Some(animate) = animate.dyn_ref::<Function>() {
            let _ = animate.call2(el, &frames, &options);
        }
    }
}

fn keyframe(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}
