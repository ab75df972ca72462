//! The clock the reader holds: play/pause, one day back or forward, a native
//! range input to scrub, the speed, and the events marked along the way.

use super::format::{fixed, short};
use super::use_words;
use crate::state::{Action, SPEEDS};
use crate::view::metric::Marker;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The current whole day.
    pub day: u32,
    /// The last day.
    pub horizon: u32,
    /// The current day as a date, for the scrubber's value text.
    pub date: AttrValue,
    /// Whether playback runs.
    pub playing: bool,
    /// Playback speed multiplier.
    pub speed: f64,
    /// Events to mark along the scrubber.
    pub markers: Rc<Vec<Marker>>,
    /// Where the reader's actions go.
    pub on_action: Callback<Action>,
}

/// Play, step, scrub and speed.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let words = use_words();
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let toggle = act(Action::TogglePlay);
    let oninput = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            // valueAsNumber: the browser parses, so no float parser ships.
            let input: HtmlInputElement = e.target_unchecked_into();
            let day = input.value_as_number();
            if day.is_finite() {
                // The reader's hand holds the day: playback must not pull
                // the thumb from under it (and releasing does not restart).
                on_action.emit(Action::Pause);
                on_action.emit(Action::Seek(day));
            }
        })
    };
    // Grabbing the thumb pauses at once, before it has moved.
    let onpointerdown = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: PointerEvent| on_action.emit(Action::Pause))
    };
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            // The option's index is the speed's in SPEEDS.
            let select: HtmlSelectElement = e.target_unchecked_into();
            let speed = usize::try_from(select.selected_index())
                .ok()
                .and_then(|i| SPEEDS.get(i));
            if let Some(speed) = speed {
                on_action.emit(Action::SetSpeed(*speed));
            }
        })
    };
    let horizon = f64::from(props.horizon.max(1));
    html! {
        <div class="bc-timeline" role="group" aria-label={words.get("timeline.label").to_string()}>
            <div class="bc-timeline-row">
                <button type="button" class="bc-button bc-play" onclick={toggle}>
                    { words.get(if props.playing { "timeline.pause" } else { "timeline.play" }) }
                </button>
                <button type="button" class="bc-icon-button" aria-label={words.get("timeline.back").to_string()}
                    onclick={act(Action::Step(-1))}>{ "‹" }</button>
                <button type="button" class="bc-icon-button" aria-label={words.get("timeline.forward").to_string()}
                    onclick={act(Action::Step(1))}>{ "›" }</button>
                <span class="bc-timeline-date">{ props.date.clone() }</span>
                <label class="bc-speed">
                    <span>{ words.get("timeline.speed") }</span>
                    <select {onchange}>
                        { for SPEEDS.iter().map(|s| html! {
                            <option value={short(*s)} selected={*s == props.speed}>{ format!("{}×", words.number(&short(*s))) }</option>
                        }) }
                    </select>
                </label>
            </div>
            // The marks lie over the track, inset by half the thumb so each
            // sits where the thumb's centre stands on its day.
            <div class="bc-scrub">
                <input type="range" class="bc-range bc-scrub-range" min="0" max={props.horizon.to_string()} step="1"
                    value={props.day.to_string()} aria-label={words.get("timeline.scrub").to_string()}
                    aria-valuetext={props.date.clone()} {oninput} {onpointerdown} />
                <svg class="bc-scrub-marks" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    { for props.markers.iter().map(|m| {
                        let x = fixed(f64::from(m.day) / horizon * 100.0, 2);
                        html! { <line class="bc-scrub-mark" x1={x.clone()} x2={x} y1="0" y2="6" /> }
                    }) }
                </svg>
            </div>
            // Only devices with a keyboard and a fine pointer show it (CSS).
            <p class="bc-hint bc-keys-hint">{ words.get("timeline.shortcuts") }</p>
        </div>
    }
}
