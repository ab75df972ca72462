//! What a Rust panic does to an explainer. Panics abort (the release profile
//! says so, for size): the wasm instance stops for good at the first one.
//! The loader runs each explainer in an instance of its own, so this hook
//! only has to tell that explainer's loader, which swaps it for a readable
//! error; other explainers and the host page go on.

use js_sys::Function;
use std::cell::RefCell;
use std::panic::PanicHookInfo;
use std::sync::Once;
use wasm_bindgen::JsValue;

thread_local! {
    /// The loader's `onPanic` for the explainer this instance runs.
    static ON_PANIC: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// From now on a panic is reported to `on_panic` (the latest mount's: an
/// instance runs one explainer at a time), or to the console alone.
pub(super) fn report_to(on_panic: Option<Function>) {
    static HOOK: Once = Once::new();
    // Through Yew, which otherwise puts its own hook (console only) in place
    // at the first render.
    HOOK.call_once(|| yew::set_custom_panic_hook(Box::new(hook)));
    ON_PANIC.with(|f| *f.borrow_mut() = on_panic);
}

/// The explainer is gone: a later panic has no one to tell.
pub(super) fn forget() {
    ON_PANIC.with(|f| f.borrow_mut().take());
}

fn hook(info: &PanicHookInfo) {
    let message = info.payload_as_str().unwrap_or("a panic with no message");
    // try_borrow: the panic may have struck while the slot was borrowed.
    let told = ON_PANIC.with(|f| match f.try_borrow().ok().and_then(|f| f.clone()) {
        Some(f) => f.call1(&JsValue::NULL, &message.into()).is_ok(),
        None => false,
    });
    if !told {
        web_sys::console::error_1(
            &format!("backchannel: stopped after an internal error ({message})").into(),
        );
    }
}
