//! The "Make it public" switch: a native button with the switch role, so
//! Space, Enter, pointer and assistive technology all work without extra code.

use super::use_words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SwitchProps {
    /// Whether the message is public.
    pub checked: bool,
    /// Called with the new value when the reader flips the switch.
    pub on_change: Callback<bool>,
}

/// A labelled on/off switch.
#[component]
pub fn PublicSwitch(props: &SwitchProps) -> Html {
    let words = use_words();
    let onclick = {
        let on_change = props.on_change.clone();
        let checked = props.checked;
        Callback::from(move |_: MouseEvent| on_change.emit(!checked))
    };
    let state = if props.checked {
        words.get("switch.on")
    } else {
        words.get("switch.off")
    };
    html! {
        <button type="button" role="switch" class="bc-switch"
            aria-checked={if props.checked { "true" } else { "false" }} {onclick}>
            <span class="bc-switch-track" aria-hidden="true">
                <span class="bc-switch-thumb"></span>
            </span>
            <span class="bc-switch-label">{ words.get("switch.label") }</span>
            <span class="bc-switch-state" aria-hidden="true">{ state.to_string() }</span>
        </button>
    }
}
