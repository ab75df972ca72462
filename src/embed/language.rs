//! Switching an explainer's language while it runs, from its language
//! control or the handle's `setLanguage(code)`. English ships inside the
//! wasm; another language's interface strings are fetched by the loader
//! (`loadLocale(code)`, a promise of `locales/<code>.json`'s text) the first
//! time someone asks, then kept. The state (day, scenario, flips) stays: only
//! the words change, and the live region says so in the new language.

use super::live::Slot;
use super::locales::console_error;
use crate::config::story_language;
use crate::state::Action;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Shows the explainer in `code` (a reader's choice or the host's): at once
/// when its strings are at hand, else through the loader, which fetches the
/// file and then calls `loaded` (or `failed`). The promise settles then; an
/// error here means it could not even start (a language the story is not
/// told in, an explainer destroyed). The latest request wins: a file that
/// arrives after the reader chose another language is kept, not shown.
pub(crate) fn switch(live: &Slot, code: &str) -> Result<Promise, String> {
    let (store, load) = {
        let mut slot = live.borrow_mut();
        let l = slot.as_mut().ok_or("this explainer was destroyed")?;
        let store = l.store.clone().ok_or("no story is shown")?;
        l.requested = Some(code.to_string());
        (store, l.options.load_locale.clone())
    };
    store
        .read(|s| story_language(s.story(), "lang", code))
        .map_err(|e| e.to_string())?;
    if apply(live, code) {
        return Ok(Promise::resolve(&JsValue::UNDEFINED));
    }
    let load = load.ok_or("languages other than English need the loader (backchannel.js)")?;
    load.call1(&JsValue::NULL, &code.into())
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or_else(|| "the loader's loadLocale did not return a promise".into())
}

/// The loader fetched `code`'s file (its text is `localeText(code)`): keeps
/// it, and shows it if it is still the language asked for. A file that does
/// not read is refused like a failed fetch (the loader then forgets it).
pub(crate) fn loaded(live: &Slot, code: &str) -> Result<(), String> {
    let added = {
        let mut slot = live.borrow_mut();
        let l = slot.as_mut().ok_or("this explainer was destroyed")?;
        let text = l
            .options
            .locale_text
            .as_ref()
            .and_then(|f| f.call1(&JsValue::NULL, &code.into()).ok())
            .and_then(|t| t.as_string())
            .ok_or_else(|| format!("the loader has no text for \"{code}\""))?;
        let wanted = l.requested.as_deref() == Some(code);
        l.locales.add(code, &text).map(|()| wanted)
    };
    match added {
        Ok(true) => {
            apply(live, code);
            Ok(())
        }
        Ok(false) => Ok(()),
        Err(e) => {
            let reason = e.to_string();
            failed(live, code, &reason);
            Err(reason)
        }
    }
}

/// `code` could not be shown: the console says why, and if it is still the
/// language asked for, the control says so beside it (in the reader's
/// language) and the language stays.
pub(crate) fn failed(live: &Slot, code: &str, reason: &str) {
    console_error(&format!("could not switch to \"{code}\": {reason}"));
    let store = {
        let mut slot = live.borrow_mut();
        let Some(l) = slot.as_mut() else { return };
        if l.requested.as_deref() != Some(code) {
            return;
        }
        l.requested = None;
        l.store.clone()
    };
    if let Some(store) = store {
        let _ = store.dispatch(Action::LanguageFailed(reason.to_string()));
    }
}

/// What the language control calls (its promise is the loader's business:
/// a failure comes back through `failed`).
pub(crate) fn choose(live: &Slot, code: String) {
    if let Err(reason) = switch(live, &code) {
        failed(live, &code, &reason);
    }
}

/// Speaks `code` through the store (its language and words in one action),
/// if its words are at hand (false if not); the host element's `lang`
/// attribute follows, and a pack loaded later keeps the reader's choice.
fn apply(live: &Slot, code: &str) -> bool {
    let (store, host, words) = {
        let mut slot = live.borrow_mut();
        let Some(l) = slot.as_mut() else { return true };
        let Some(store) = l.store.clone() else {
            return true;
        };
        let story = store.read(|s| s.story().clone());
        let Some(words) = l.locales.words(&story, code) else {
            return false;
        };
        l.options.set_lang(code);
        // The page's own value comes back when the explainer goes.
        if l.host_lang.is_none() {
            l.host_lang = Some(l.host.get_attribute("lang"));
        }
        (store, l.host.clone(), Rc::new(words))
    };
    let _ = host.set_attribute("lang", code);
    // One action, one render: the words and the language change together.
    let _ = store.dispatch(Action::SetLanguage(code.to_string(), words));
    true
}
