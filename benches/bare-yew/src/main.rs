//! A bare Yew app: a switch and a counter. It marks `bare:rendered` (and
//! dispatches that event on window) after its first render, the moment
//! scripts/bench/start.mjs compares with the explainer's `backchannel:ready`.
use yew::prelude::*;

#[component]
fn App() -> Html {
    let on = use_state(|| false);
    let count = use_state(|| 0u32);
    // Effects run after the DOM is committed: the first render is on screen.
    use_effect_with((), |_| {
        if let Some(window) = web_sys::window() {
            if let Some(performance) = window.performance() {
                let _ = performance.mark("bare:rendered");
            }
            if let Ok(event) = web_sys::Event::new("bare:rendered") {
                let _ = window.dispatch_event(&event);
            }
        }
    });
    let toggle = {
        let on = on.clone();
        Callback::from(move |_| on.set(!*on))
    };
    let add = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main>
            <button role="switch" aria-checked={(*on).to_string()} onclick={toggle}>
                { if *on { "Public" } else { "Private" } }
            </button>
            <button onclick={add}>{ "Count: " }{ *count }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
