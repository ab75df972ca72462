//! The only module that touches the host page: mounts one explainer per host
//! element (the loader, dist/backchannel.js, calls `mount`), hangs the
//! `backchannel` handle on the element, turns store notices into DOM events,
//! and shows a readable error instead of a blank box when a story pack, a
//! config or a parameter is refused.

mod handle;
mod language;
mod live;
mod locales;
mod options;
mod panic;

pub use handle::Handle;

use crate::error::InputError;
use crate::state::Explainer;
use crate::store::{Notice, Store};
use crate::story::Story;
use crate::ui::{App, AppProps, Failure, FailureProps};
use crate::words::Words;
use js_sys::{Function, Object, Reflect};
use options::Options;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback};

/// The attribute that marks (and is set on) every host element.
pub const HOST_ATTRIBUTE: &str = "data-backchannel";

/// Mounts one explainer. `host` is the element the page placed (it gets the
/// `backchannel` handle and dispatches the events); the explainer renders
/// into `root` (a node in the host's shadow root), or into `host` itself.
/// `options` carries what the loader read: `{ config?, pack?, scenario?,
/// lang?, theme?, autoplay?, onDestroy?, onPanic? }` (`config` and `pack`
/// as the pack reader left them, `{ bytes }` or `{ refused }`: see
/// `options::Checked`); `onDestroy` is called once the
/// explainer has been torn down, whether the loader or the host page asked
/// for it; `onPanic(message)` if a Rust panic stops this wasm instance (see
/// `panic.rs`: the loader gives each explainer an instance of its own).
///
/// If it cannot start, `root` shows why, the console says so, the host
/// dispatches `backchannel:error`, and the returned error has the message.
#[wasm_bindgen]
pub fn mount(host: Element, root: Option<Element>, options: JsValue) -> Result<JsValue, JsValue> {
    let _ = host.set_attribute(HOST_ATTRIBUTE, "");
    let root = root.unwrap_or_else(|| host.clone());
    let function = |name: &str| {
        Reflect::get(&options, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    let on_destroy = function("onDestroy");
    panic::report_to(function("onPanic"));
    let options = Options::read(&options);
    let locales = locales::Locales::new(options.locale.as_ref());
    let story = options.story();
    let started = story.and_then(|story| start(&options, &locales, story));
    let (explainer, pending) = match started {
        Ok(started) => started,
        Err(e) => {
            let _failure = fail(&host, &root, &e);
            return Err(JsValue::from_str(&e.to_string()));
        }
    };
    let live: live::Slot = Rc::new(RefCell::new(Some(live::Live {
        store: None,
        host: host.clone(),
        root,
        app: None,
        failure: None,
        on_destroy,
        options,
        locales,
        requested: None,
        host_lang: None,
    })));
    // The handle goes on the element before the first render, so a listener
    // of `backchannel:ready` can already use it.
    let handle = JsValue::from(Handle::new(live.clone()));
    Reflect::set(&host, &"backchannel".into(), &handle)?;
    show(&live, explainer, pending);
    Ok(handle)
}

/// What `start` makes: the state (with its theme, language and words), and
/// the language still to load when its interface strings are not at hand
/// yet (English shows meanwhile).
type Started = (Explainer, Option<String>);

/// Builds the state the options ask for with this story; errors name the
/// attribute or field.
fn start(
    options: &Options,
    locales: &locales::Locales,
    story: Story,
) -> Result<Started, InputError> {
    let config = options.config(&story)?;
    let setup = config.resolve(&story).map_err(|e| {
        if e.path == "config.scenario" && options.scenario_attribute() {
            InputError::new("scenario", e.problem)
        } else {
            e
        }
    })?;
    let mut setup = setup;
    let words = locales.words(&story, &setup.lang);
    let pending = words.is_none().then(|| setup.lang.clone());
    // Until its strings arrive, English shows, and says it is English.
    if pending.is_some() && story.speaks("en") {
        setup.lang = "en".into();
    }
    let mut explainer = Explainer::with_setup(story, &setup, prefers_reduced_motion())?;
    if let Some(words) = words {
        explainer.speak(&setup.lang, Rc::new(words))?;
    }
    Ok((explainer, pending))
}

/// Renders a started explainer into the live slot's root, replacing what was
/// there (an earlier story, or a refusal), then loads its language if
/// `pending`.
fn show(live: &live::Slot, explainer: Explainer, pending: Option<String>) {
    let store = Store::new(explainer);
    let (host, root) = {
        let mut slot = live.borrow_mut();
        let Some(l) = slot.as_mut() else { return };
        l.clear();
        l.store = Some(store.clone());
        (l.host.clone(), l.root.clone())
    };
    let events_host = host.clone();
    store.on_notice(Rc::new(move |n: &Notice| notify(&events_host, n)));
    // Weak: the app lives in the slot, which must not keep itself alive.
    let weak = Rc::downgrade(live);
    let props = AppProps {
        store,
        on_ready: Callback::from(move |()| announce_ready(&host)),
        on_language: Callback::from(move |code: String| {
            if let Some(live) = weak.upgrade() {
                language::choose(&live, code);
            }
        }),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    // A `backchannel:ready` listener may already have destroyed the
    // explainer during that first render.
    match live.borrow_mut().as_mut() {
        Some(l) => l.app = Some(app),
        None => app.destroy(),
    }
    if let Some(code) = pending {
        language::choose(live, code);
    }
}

/// Shows a refusal in the live slot's root in place of what was there (the
/// explainer, or an earlier refusal).
fn refuse(live: &live::Slot, e: &InputError) {
    let (host, root) = {
        let mut slot = live.borrow_mut();
        let Some(l) = slot.as_mut() else { return };
        l.clear();
        (l.host.clone(), l.root.clone())
    };
    let failure = fail(&host, &root, e);
    // A `backchannel:error` listener may have destroyed the explainer.
    match live.borrow_mut().as_mut() {
        Some(l) => l.failure = Some(failure),
        None => failure.destroy(),
    }
}

/// Shows the error in the element, logs it, and tells the host page.
fn fail(host: &Element, root: &Element, e: &InputError) -> AppHandle<Failure> {
    let message = e.to_string();
    web_sys::console::error_1(&format!("backchannel: {message}").into());
    let words = Words::english();
    let title = if e.path.starts_with("pack") {
        "pack.title"
    } else {
        "error.title"
    };
    let failure = yew::Renderer::<Failure>::with_root_and_props(
        root.clone(),
        FailureProps {
            title: words.get(title).to_string().into(),
            message: message.clone().into(),
        },
    )
    .render();
    let detail = Object::new();
    set(&detail, "message", message.as_str().into());
    set(&detail, "field", e.path.as_str().into());
    dispatch(host, "backchannel:error", &detail);
    failure
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

/// Sets a property on a plain JS object.
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
