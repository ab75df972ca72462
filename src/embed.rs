//! The only module that touches the host page: mounts one explainer per host
//! element (the loader, dist/backchannel.js, calls `mount`), hangs the
//! `backchannel` handle on the element, turns store notices into DOM events,
//! and shows a readable error instead of a blank box when a config or a
//! parameter is refused.

use crate::config::{Config, ConfigError};
use crate::model::{ParamId, OUTPUT_NAMES};
use crate::state::{Action, Explainer};
use crate::store::{Notice, Store};
use crate::story::Story;
use crate::ui::{App, AppProps, Failure, FailureProps};
use crate::words::Words;
use js_sys::{Object, Reflect};
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
/// `{ config?, configError?, scenario?, lang?, theme?, autoplay? }`.
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
    // The handle goes on the element before the first render, so a listener
    // of `backchannel:ready` can already use it.
    let handle = JsValue::from(Handle {
        store: store.clone(),
    });
    Reflect::set(&host, &"backchannel".into(), &handle)?;
    let ready_host = host.clone();
    let props = AppProps {
        store,
        words,
        theme: theme.class(),
        on_ready: Callback::from(move |()| announce_ready(&ready_host)),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
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
fn set(object: &Object, key: &str, value: JsValue) {
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

/// The host page's handle on one explainer, found at `element.backchannel`.
/// Methods that can be refused throw an `Error` whose message names the
/// parameter or field at fault.
#[wasm_bindgen]
pub struct Handle {
    store: Store,
}

impl Handle {
    fn act(&self, action: Action) -> Result<(), JsError> {
        self.store
            .dispatch(action)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

#[wasm_bindgen]
impl Handle {
    /// `{ public, scenario, day, playing, beat, speed, outputs: {...} }`, current at the call.
    pub fn state(&self) -> JsValue {
        let s = self.store.snapshot();
        let outputs = Object::new();
        for (name, value) in OUTPUT_NAMES.iter().zip(s.outputs.values()) {
            set(&outputs, name, value.into());
        }
        let state = Object::new();
        set(&state, "public", s.public.into());
        set(&state, "scenario", s.scenario.as_str().into());
        set(&state, "day", s.day.into());
        set(&state, "playing", s.playing.into());
        set(&state, "beat", s.beat.as_str().into());
        set(&state, "speed", s.speed.into());
        set(&state, "outputs", outputs.into());
        state.into()
    }

    /// Makes the message in view public (true) or private (false).
    #[wasm_bindgen(js_name = setPublic)]
    pub fn set_public(&self, public: bool) -> Result<(), JsError> {
        self.act(Action::SetPublic(public))
    }

    /// The scenarios on offer: `[{ id, events: [{ day, sender, sensitivity }] }]`.
    pub fn scenarios(&self) -> JsValue {
        let list = js_sys::Array::new();
        for info in self.store.read(|s| s.scenarios()) {
            let events = js_sys::Array::new();
            for e in &info.events {
                let event = Object::new();
                set(&event, "day", e.day.into());
                set(&event, "sender", (e.sender as u32).into());
                set(&event, "sensitivity", e.sensitivity.into());
                events.push(&event);
            }
            let scenario = Object::new();
            set(&scenario, "id", info.id.as_str().into());
            set(&scenario, "events", events.into());
            list.push(&scenario);
        }
        list.into()
    }

    /// Shows a scenario by id; throws for an unknown id.
    #[wasm_bindgen(js_name = selectScenario)]
    pub fn select_scenario(&self, id: &str) -> Result<(), JsError> {
        self.act(Action::SelectScenario(id.to_string()))
    }

    /// Jumps to a model day (clamped to the timeline).
    pub fn seek(&self, day: f64) -> Result<(), JsError> {
        self.act(Action::Seek(day))
    }

    /// Starts playback.
    pub fn play(&self) -> Result<(), JsError> {
        self.act(Action::Play)
    }

    /// Stops playback.
    pub fn pause(&self) -> Result<(), JsError> {
        self.act(Action::Pause)
    }

    /// Changes a model parameter by id; throws the validation message.
    #[wasm_bindgen(js_name = setParam)]
    pub fn set_param(&self, id: &str, value: f64) -> Result<(), JsError> {
        let id = ParamId::from_key(id)
            .ok_or_else(|| JsError::new(&format!("{id}: unknown parameter")))?;
        self.act(Action::SetParam(id, value))
    }

    /// Every parameter back to its default.
    #[wasm_bindgen(js_name = resetParams)]
    pub fn reset_params(&self) -> Result<(), JsError> {
        self.act(Action::ResetParams)
    }

    /// Tells the explainer whether it is on screen (the loader calls this
    /// from its IntersectionObserver and on tab visibility changes).
    #[wasm_bindgen(js_name = setVisible)]
    pub fn set_visible(&self, visible: bool) -> Result<(), JsError> {
        self.act(Action::SetVisible(visible))
    }

    /// Shows beat `n` of the story (0-based, clamped).
    #[wasm_bindgen(js_name = goToBeat)]
    pub fn go_to_beat(&self, n: u32) -> Result<(), JsError> {
        self.act(Action::GoToBeat(n as usize))
    }
}
