//! The only module that touches the host page: mounts one explainer per host
//! element (the loader, dist/backchannel.js, calls `mount`), hangs the
//! `backchannel` handle on the element, turns store notices into DOM events,
//! and shows a readable error instead of a blank box when a config or a
//! parameter is refused.

mod handle;

pub use handle::Handle;

use crate::config::{Config, ConfigError};
use crate::state::Explainer;
use crate::store::{Notice, Store};
use crate::story::Story;
use crate::ui::{App, AppProps, Failure, FailureProps};
use crate::words::Words;
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::Callback;

/// The attribute that marks (and is set on) every host element.
pub const HOST_ATTRIBUTE: &str = "data-backchannel";

/// Mounts one explainer. `host` is the element the page placed (it gets the
/// `backchannel` handle and dispatches the events); the explainer renders
/// into `root` (a node in the host's shadow root), or into `host` itself.
/// `options` carries the attributes and config text the loader read:
/// `{ config?, configError?, scenario?, lang?, theme?, autoplay?, onDestroy? }`;
/// `onDestroy` is called once the explainer has been torn down (the loader's
/// own clean-up), whether the loader or the host page asked for it.
///
/// If it cannot start, `root` shows why, the console says so, the host
/// dispatches `backchannel:error`, and the returned error has the message.
#[wasm_bindgen]
pub fn mount(host: Element, root: Option<Element>, options: JsValue) -> Result<JsValue, JsValue> {
    let _ = host.set_attribute(HOST_ATTRIBUTE, "");
    let root = root.unwrap_or_else(|| host.clone());
    let words = Rc::new(Words::english());
    let (explainer, theme) = match start(&options) {
        Ok(started) => started,
        Err(e) => return Err(fail(&host, root, &words, &e)),
    };
    let store = Store::new(explainer);
    let events_host = host.clone();
    store.on_notice(Rc::new(move |n: &Notice| notify(&events_host, n)));
    let live: handle::Slot = Rc::new(RefCell::new(Some(handle::Live {
        store: store.clone(),
        host: host.clone(),
        app: None,
        on_destroy: Reflect::get(&options, &"onDestroy".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok()),
    })));
    // The handle goes on the element before the first render, so a listener
    // of `backchannel:ready` can already use it.
    let handle = JsValue::from(Handle::new(live.clone()));
    Reflect::set(&host, &"backchannel".into(), &handle)?;
    let ready_host = host.clone();
    let props = AppProps {
        store,
        words,
        theme: theme.class(),
        on_ready: Callback::from(move |()| announce_ready(&ready_host)),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    // Kept for `destroy`; a `backchannel:ready` listener may already have
    // destroyed the explainer during that first render.
    match live.borrow_mut().as_mut() {
        Some(live) => live.app = Some(app),
        None => app.destroy(),
    }
    Ok(handle)
}

/// Builds the state the options ask for; errors name the attribute or field.
fn start(options: &JsValue) -> Result<(Explainer, crate::config::Theme), ConfigError> {
    let text = |name: &str| {
        Reflect::get(options, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    if let Some(problem) = text("configError") {
        return Err(ConfigError {
            path: "config".into(),
            problem,
        });
    }
    let mut config = match text("config") {
        Some(json) => Config::parse(&json)?,
        None => Config::default(),
    };
    // Attributes on the element win over the config file.
    if let Some(id) = text("scenario") {
        config.set_scenario("scenario", &id)?;
    }
    // `lang` is also HTML's own attribute (a French article may set it on
    // every element): take its primary subtag, and fall back to English
    // with a warning rather than refuse to start.
    if let Some(lang) = text("lang") {
        let primary = lang
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if config.set_lang("lang", &primary).is_err() {
            web_sys::console::warn_1(
                &format!("backchannel: lang \"{lang}\" is not available yet; showing English")
                    .into(),
            );
        }
    }
    if let Some(theme) = text("theme") {
        config.set_theme("theme", &theme)?;
    }
    if let Some(autoplay) = Reflect::get(options, &"autoplay".into())
        .ok()
        .and_then(|v| v.as_bool())
    {
        config.autoplay = autoplay;
    }
    // The flip is the reader's: nothing plays before it, so `autoplay` has
    // nothing left to start. Say so rather than ignore it silently.
    if config.autoplay {
        web_sys::console::warn_1(
            &"backchannel: autoplay is ignored: playback starts when the reader makes the message public"
                .into(),
        );
    }
    let story = Story::greenland().map_err(|problem| ConfigError {
        path: "story".into(),
        problem,
    })?;
    let explainer = Explainer::with_config(story, &config, prefers_reduced_motion())?;
    Ok((explainer, config.theme))
}

/// Shows the error in the element, logs it, and tells the host page.
fn fail(host: &Element, root: Element, words: &Words, e: &ConfigError) -> JsValue {
    let message = e.to_string();
    web_sys::console::error_1(&format!("backchannel: {message}").into());
    yew::Renderer::<Failure>::with_root_and_props(
        root,
        FailureProps {
            title: words.get("error.title").to_string().into(),
            message: message.clone().into(),
        },
    )
    .render();
    let detail = Object::new();
    set(&detail, "message", message.as_str().into());
    set(&detail, "field", e.path.as_str().into());
    dispatch(host, "backchannel:error", &detail);
    JsValue::from_str(&message)
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

/// Turns a store notice into the host event of the same meaning.
fn notify(host: &Element, notice: &Notice) {
    let detail = Object::new();
    let set = |k: &str, v: JsValue| set(&detail, k, v);
    let name = match notice {
        Notice::Public { message, public } => {
            set("message", message.as_str().into());
            set("public", (*public).into());
            "backchannel:public"
        }
        Notice::Scenario { scenario } => {
            set("scenario", scenario.as_str().into());
            "backchannel:scenario"
        }
        Notice::Complete { beat } => {
            set("beat", beat.as_str().into());
            "backchannel:complete"
        }
    };
    dispatch(host, name, &detail);
}

/// Sets a property on a plain JS object (built by hand: no serializer ships).
pub(crate) fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &key.into(), &value);
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
