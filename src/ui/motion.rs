//! Motion that CSS cannot express on its own: the FLIP transform that carries
//! the chat bubble into the post, morphing its box, corners and colour. Uses
//! `Element.animate`, which a strict Content-Security-Policy allows (no inline
//! style attributes). Browser-only: compiled for wasm32.

use crate::num::fixed;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// Length of the morph (look.md: 150–600 ms; the issue: at most 600).
const FLIP_MS: f64 = 520.0;

/// Where the bubble is inside its card and how it looks.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    left: f64,
    top: f64,
    width: f64,
    radius: String,
    background: String,
}

impl Shape {
    /// Reads the element's box (relative to its card) and computed look.
    pub fn of(el: &HtmlElement) -> Shape {
        let style = |name: &str| computed(el, name).unwrap_or_default();
        Shape {
            left: f64::from(el.offset_left()),
            top: f64::from(el.offset_top()),
            width: f64::from(el.offset_width()),
            radius: style("border-radius"),
            background: style("background-color"),
        }
    }
}

/// Plays `el` from its old shape to the one it has now; the animation, if
/// one runs, for its owner to `cancel`.
pub fn flip(el: &HtmlElement, before: &Shape, now: &Shape) -> Option<JsValue> {
    if now.width <= 0.0 || before.width <= 0.0 || before == now {
        return None;
    }
    let scale = before.width / now.width;
    let from = format!(
        "translate({}px, {}px) scale({})",
        fixed(before.left - now.left, 1),
        fixed(before.top - now.top, 1),
        fixed(scale, 4)
    );
    let frames = Array::of2(
        &keyframe(&[
            ("transform", &from),
            ("transformOrigin", "0 0"),
            ("borderRadius", &before.radius),
            ("backgroundColor", &before.background),
        ]),
        &keyframe(&[
            ("transform", "none"),
            ("transformOrigin", "0 0"),
            ("borderRadius", &now.radius),
            ("backgroundColor", &now.background),
        ]),
    );
    let options = keyframe(&[("easing", "cubic-bezier(0.2, 0.7, 0.2, 1)")]);
    let _ = Reflect::set(&options, &"duration".into(), &FLIP_MS.into());
    // Called through JS so the web-sys feature set stays small; an old browser
    // without `animate` simply gets no motion.
    call(el, "animate", &[frames.into(), options.into()])
}

/// Stops an animation `flip` started: a script animation outlives its
/// element's removal and would hold the removed tree until it ends.
pub fn cancel(animation: &JsValue) {
    call(animation, "cancel", &[]);
}

/// After a flip the card may have grown above the reader's screen (the post
/// header appears above the bubble): bring the bubble's top back into view,
/// without moving when it is already visible.
pub fn keep_in_view(el: &HtmlElement) {
    let Some(rect) = call(el, "getBoundingClientRect", &[]) else {
        return;
    };
    let top = Reflect::get(&rect, &"top".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    if top < 0.0 {
        let options = keyframe(&[("block", "start")]);
        call(el, "scrollIntoView", &[options.into()]);
    }
}

/// Brings `el` on screen, its top at the top, when its first meter (the
/// headline number) lies below the fold, under the pinned pager, while the
/// pair it belongs to (the post and its effects) is on screen.
pub fn reveal(el: &HtmlElement, smooth: bool) {
    let edges = |target: &JsValue| {
        let rect = call(target, "getBoundingClientRect", &[])?;
        let edge = |name: &str| Reflect::get(&rect, &name.into()).ok()?.as_f64();
        Some((edge("top")?, edge("bottom")?))
    };
    let Some(height) = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
    else {
        return;
    };
    // The pinned pager covers the bottom of a phone's screen (three lines
    // with its readout in French).
    const PAGER: f64 = 120.0;
    let pair = call(el, "closest", &[".bc-pair".into()]).filter(|p| !p.is_null());
    let pair_on_screen = pair
        .and_then(|p| edges(&p))
        .is_some_and(|(top, bottom)| top < height && bottom > 0.0);
    let headline = call(el, "querySelector", &["[role=meter]".into()])
        .filter(|m| !m.is_null())
        .unwrap_or_else(|| el.into());
    if pair_on_screen && edges(&headline).is_some_and(|(_, bottom)| bottom > height - PAGER) {
        let options = keyframe(&[
            ("block", "start"),
            ("behavior", if smooth { "smooth" } else { "auto" }),
        ]);
        call(el, "scrollIntoView", &[options.into()]);
    }
}

/// Brings a step the reader moved to into view: its heading at the top
/// (smoothly unless the reader asked for less motion) and focused, so a
/// keyboard or screen-reader user goes on from there. Then tells the page
/// around it (`backchannel:step`, composed, so it reaches the host element):
/// in an iframe, the page's script asks the parent page to scroll there too.
pub fn bring_step(el: &HtmlElement, smooth: bool) {
    let focus = keyframe(&[]);
    let _ = Reflect::set(&focus, &"preventScroll".into(), &true.into());
    call(el, "focus", &[focus.into()]);
    let options = keyframe(&[
        ("block", "start"),
        ("behavior", if smooth { "smooth" } else { "auto" }),
    ]);
    call(el, "scrollIntoView", &[options.into()]);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("backchannel:step", &init) {
        let _ = el.dispatch_event(&event);
    }
}

fn computed(el: &HtmlElement, name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let style = call(&window, "getComputedStyle", &[JsValue::from(el.clone())])?;
    call(&style, "getPropertyValue", &[name.into()])?.as_string()
}

/// Calls a method by name, ignoring its absence or a throw.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = Reflect::get(target, &method.into()).ok()?;
    let f = f.dyn_ref::<Function>()?;
    f.apply(target, &args.iter().collect::<Array>()).ok()
}

fn keyframe(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}
