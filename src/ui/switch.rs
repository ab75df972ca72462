//! The "Make it public" switch: a native button with the switch role, so
//! Space, Enter, pointer and assistive technology all work without extra code.

use super::use_words;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SwitchProps {
    /// Whether the message is public.
    pub checked: bool,
    /// Where the flip goes: `Action::TogglePublic`, resolved against the
    /// state when applied, so a double tap before the render flips twice.
    pub on_action: Callback<Action>,
}

/// A labelled on/off switch.
#[component]
pub fn PublicSwitch(props: &SwitchProps) -> Html {
    let words = use_words();
    let onclick = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::TogglePublic))
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
