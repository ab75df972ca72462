//! What a mounted explainer holds while it lives, shared by the handle,
//! `mount` and the language switch, and what tearing it down means: the Yew
//! app destroyed (its effects cancel their animation frames), the store and
//! every closure that holds the host element dropped, the handle taken off
//! the element, and the loader told so it can disconnect its observers and
//! listeners.

use super::locales::Locales;
use super::options::Options;
use crate::store::Store;
use crate::ui::{App, Failure};
use js_sys::{Function, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// What a mounted explainer holds while it lives. Dropping it releases the
/// store (and with it the notice closure that holds the host element), so
/// nothing on the Rust side keeps the page's nodes alive afterwards.
pub(super) struct Live {
    /// The explainer's state; `None` while a refused pack is shown.
    pub(super) store: Option<Store>,
    pub(super) host: Element,
    pub(super) root: Element,
    pub(super) app: Option<AppHandle<App>>,
    /// The refusal shown instead of the explainer, if any.
    pub(super) failure: Option<AppHandle<Failure>>,
    /// The loader's own clean-up, called once after ours.
    pub(super) on_destroy: Option<Function>,
    /// What the loader read, for packs loaded later.
    pub(super) options: Options,
    /// The interface strings loaded so far, by language.
    pub(super) locales: Locales,
    /// The language last asked for (a file still on its way shows only if
    /// nobody asked for another since).
    pub(super) requested: Option<String>,
    /// The host element's own `lang` attribute before a switch changed it,
    /// restored when the explainer goes.
    pub(super) host_lang: Option<Option<String>>,
}

impl Live {
    /// Unmounts what is shown (the explainer or a refusal) and lets the store go.
    pub(super) fn clear(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(failure) = self.failure.take() {
            failure.destroy();
        }
        if let Some(store) = self.store.take() {
            store.unsubscribe();
        }
    }
}

/// Shared between the handle and `mount`.
pub(super) type Slot = Rc<RefCell<Option<Live>>>;

/// Tears the explainer down, once; later calls do nothing.
pub(super) fn tear_down(slot: &Slot) {
    // Taken out before anything runs: destroying the app or the loader's
    // clean-up may call back into the handle.
    let Some(mut live) = slot.borrow_mut().take() else {
        return;
    };
    live.clear();
    match live.host_lang.take() {
        Some(Some(lang)) => {
            let _ = live.host.set_attribute("lang", &lang);
        }
        Some(None) => {
            let _ = live.host.remove_attribute("lang");
        }
        None => {}
    }
    super::panic::forget();
    let _ = Reflect::delete_property(&live.host, &"backchannel".into());
    if let Some(f) = live.on_destroy.take() {
        let _ = f.call0(&JsValue::NULL);
    }
}
