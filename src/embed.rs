//! The only module that touches the host page: finds the elements to mount
//! on, starts one explainer per element, hangs the `backchannel` handle on the
//! element, and tells the page when it is ready or why it could not start.

pub mod motion;

use crate::model::Params;
use crate::state::{Action, Explainer};
use crate::store::Store;
use crate::story::Story;
use crate::ui::{App, AppProps, Failure, FailureProps};
use crate::words::Words;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The attribute that marks (and is set on) every host element.
pub const HOST_ATTRIBUTE: &str = "data-backchannel";

/// Mounts an explainer on every `[data-backchannel]` element not yet mounted.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all(&format!("[{HOST_ATTRIBUTE}]")) else {
        return;
    };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if !has_handle(&host) {
                let _ = mount(host);
            }
        }
    }
}

/// Mounts one explainer on `host` and returns its handle (also set as
/// `host.backchannel`). If it cannot start, the host shows why, the console
/// says so and the returned error carries the same message.
#[wasm_bindgen]
pub fn mount(host: Element) -> Result<JsValue, JsValue> {
    let _ = host.set_attribute(HOST_ATTRIBUTE, "");
    let words = Rc::new(Words::english());
    let explainer = Story::greenland().and_then(|story| {
        Explainer::new(Rc::new(story), Params::default(), prefers_reduced_motion())
            .map_err(|e| e.to_string())
    });
    let explainer = match explainer {
        Ok(explainer) => explainer,
        Err(message) => {
            web_sys::console::error_1(&format!("backchannel: {message}").into());
            yew::Renderer::<Failure>::with_root_and_props(
                host,
                FailureProps {
                    title: words.get("error.title").to_string().into(),
                    message: message.clone().into(),
                },
            )
            .render();
            return Err(JsValue::from_str(&message));
        }
    };
    let store = Store::new(explainer);
    // The handle goes on the element before the first render, so a listener
    // of `backchannel:ready` can already use it.
    let handle = JsValue::from(Handle {
        store: store.clone(),
    });
    js_sys::Reflect::set(&host, &"backchannel".into(), &handle)?;
    let ready_host = host.clone();
    let props = AppProps {
        store,
        words,
        on_ready: Callback::from(move |()| announce_ready(&ready_host)),
    };
    yew::Renderer::<App>::with_root_and_props(host, props).render();
    Ok(handle)
}

use yew::Callback;

fn has_handle(host: &Element) -> bool {
    js_sys::Reflect::get(host, &"backchannel".into())
        .map(|v| !v.is_undefined())
        .unwrap_or(false)
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .map(|q| q.matches())
        .unwrap_or(false)
}

fn announce_ready(host: &Element) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("backchannel:ready");
    }
    dispatch(host, "backchannel:ready", &JsValue::NULL);
}

/// Sends a bubbling, composed `CustomEvent` from the host element.
fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The host page's handle on one explainer, found at `element.backchannel`.
#[wasm_bindgen]
pub struct Handle {
    store: Store,
}

#[wasm_bindgen]
impl Handle {
    /// `{ public, scenario, day, playing, outputs: {...} }`, current at the call.
    pub fn state(&self) -> Result<JsValue, JsValue> {
        serde_wasm_bindgen::to_value(&self.store.snapshot()).map_err(JsValue::from)
    }

    /// Makes the message public (true) or private (false).
    #[wasm_bindgen(js_name = setPublic)]
    pub fn set_public(&self, public: bool) {
        self.store.dispatch(Action::SetPublic(public));
    }

    /// Starts playback (when public).
    pub fn play(&self) {
        self.store.dispatch(Action::Play);
    }

    /// Stops playback.
    pub fn pause(&self) {
        self.store.dispatch(Action::Pause);
    }
}
