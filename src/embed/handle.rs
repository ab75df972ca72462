//! The host page's handle on one explainer, found at `element.backchannel`,
//! and what tearing an explainer down means: the Yew app destroyed (its
//! effects cancel their animation frames), the store and every closure that
//! holds the host element dropped, the handle taken off the element, and the
//! loader told so it can disconnect its observers and listeners.

use super::set;
use crate::model::{ParamId, OUTPUT_NAMES};
use crate::state::Action;
use crate::store::Store;
use crate::ui::App;
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// What a mounted explainer holds while it lives. Dropping it releases the
/// store (and with it the notice closure that holds the host element), so
/// nothing on the Rust side keeps the page's nodes alive afterwards.
pub(super) struct Live {
    pub(super) store: Store,
    pub(super) host: Element,
    /// Set right after the first render (the handle exists before it).
    pub(super) app: Option<AppHandle<App>>,
    /// The loader's own clean-up, called once after ours.
    pub(super) on_destroy: Option<Function>,
}

/// Shared between the handle and `mount`, which fills in the app handle.
pub(super) type Slot = Rc<RefCell<Option<Live>>>;

/// Tears the explainer down, once; later calls do nothing.
pub(super) fn tear_down(slot: &Slot) {
    // Taken out before anything runs: destroying the app or the loader's
    // clean-up may call back into the handle.
    let Some(live) = slot.borrow_mut().take() else {
        return;
    };
    let Live {
        store,
        host,
        app,
        on_destroy,
    } = live;
    if let Some(app) = app {
        app.destroy();
    }
    store.unsubscribe();
    drop(store);
    let _ = Reflect::delete_property(&host, &"backchannel".into());
    if let Some(f) = on_destroy {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// The host page's handle on one explainer, found at `element.backchannel`.
/// Methods that can be refused throw an `Error` whose message names the
/// parameter or field at fault; after `destroy()` every method but `destroy`
/// throws.
#[wasm_bindgen]
pub struct Handle {
    live: Slot,
}

impl Handle {
    pub(super) fn new(live: Slot) -> Handle {
        Handle { live }
    }

    /// The store, cloned out so no borrow is held while an action runs (an
    /// action's event may reach a host listener that calls `destroy`).
    fn store(&self) -> Result<Store, JsError> {
        self.live
            .borrow()
            .as_ref()
            .map(|l| l.store.clone())
            .ok_or_else(|| JsError::new("backchannel: this explainer was destroyed"))
    }

    fn act(&self, action: Action) -> Result<(), JsError> {
        self.store()?
            .dispatch(action)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

#[wasm_bindgen]
impl Handle {
    /// `{ public, scenario, day, playing, beat, speed, outputs: {...} }`, current at the call.
    pub fn state(&self) -> Result<JsValue, JsError> {
        let s = self.store()?.snapshot();
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
        Ok(state.into())
    }

    /// Makes the message in view public (true) or private (false).
    #[wasm_bindgen(js_name = setPublic)]
    pub fn set_public(&self, public: bool) -> Result<(), JsError> {
        self.act(Action::SetPublic(public))
    }

    /// The scenarios on offer: `[{ id, events: [{ day, sender, sensitivity }] }]`.
    pub fn scenarios(&self) -> Result<JsValue, JsError> {
        let list = js_sys::Array::new();
        for info in self.store()?.read(|s| s.scenarios()) {
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
        Ok(list.into())
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

    /// Unmounts the explainer and frees what it holds: the element is left
    /// empty and `element.backchannel` is removed. Safe to call twice.
    pub fn destroy(&self) {
        tear_down(&self.live);
    }
}
