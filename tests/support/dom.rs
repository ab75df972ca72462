//! DOM helpers shared by the browser test files (included with `#[path]`).

use gloo_timers::future::TimeoutFuture;
use web_sys::Element;

/// A fresh element appended to the test page's body.
pub fn host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// Lets the explainer render: a change of the state renders after the next
/// paint (an animation frame, then a task: src/ui/after_paint.rs), and a
/// component's own change in a microtask.
pub async fn settle() {
    next_frame().await;
    TimeoutFuture::new(30).await;
}

/// Resolves in the next animation frame.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |ok, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&ok)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// The first element under `root` matching `selector`; panics naming it.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// The first element under `root` matching `selector`, waiting up to two
/// seconds for it: a render that follows an awaited promise can come after
/// `settle()` on a loaded machine.
#[allow(dead_code)]
pub async fn find_soon(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        TimeoutFuture::new(20).await;
    }
    find(root, selector)
}
