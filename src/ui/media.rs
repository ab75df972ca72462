//! What the stylesheet decides from the screen, followed as it changes (a
//! phone turned, a window resized, the page printed).

use yew::prelude::*;

/// The stylesheet's conditions for one chart at a time (`backchannel.css`,
/// "On a phone, one chart at a time"): a screen at most 640 px wide, in a
/// browser with `:has()`.
const ONE_CHART: &str = "screen and (max-width: 640px)";
const PICKER: &str = "selector(:has(*))";

/// Tells `on` whether the stylesheet shows one chart at a time, once
/// mounted and on every change. Nothing before: the first render, like the
/// server's, draws the first view whole, as make dist pre-rendered it.
#[hook]
pub fn use_one_chart_at_a_time(on: Callback<bool>) {
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let watch = browser::supports(PICKER)
            .then(|| browser::watch(ONE_CHART, move |m| on.emit(m)))
            .flatten();
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (on, PICKER, ONE_CHART);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(watch);
        }
    });
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::MediaQueryList;

    /// A media query followed; dropping it removes its listener.
    pub struct Watch {
        list: MediaQueryList,
        listener: Closure<dyn FnMut()>,
    }

    impl Drop for Watch {
        fn drop(&mut self) {
            let listener = self.listener.as_ref().unchecked_ref();
            let _ = self
                .list
                .remove_event_listener_with_callback("change", listener);
        }
    }

    /// Calls `on` with whether `query` matches now and on every change.
    /// `None` where the browser cannot read the query.
    pub fn watch(query: &str, on: impl Fn(bool) + 'static) -> Option<Watch> {
        let list = web_sys::window()?.match_media(query).ok().flatten()?;
        on(list.matches());
        let read = list.clone();
        let listener = Closure::<dyn FnMut()>::new(move || on(read.matches()));
        list.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref())
            .ok()?;
        Some(Watch { list, listener })
    }

    /// Whether the browser supports a CSS condition.
    pub fn supports(condition: &str) -> bool {
        web_sys::css::supports(condition).unwrap_or(false)
    }
}
