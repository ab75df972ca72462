//! The reader's own experiments: pick a scenario, or leak messages of your
//! own (whose, how sensitive, which day), and see the list of leaks.

use super::format::{fixed, short};
use super::use_words;
use crate::model::{Event, CUSTOM};
use crate::state::{Action, LabLeak};
use crate::view::metric::StoryRef;
use crate::view::sender_label;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LabProps {
    /// The story (senders, scenarios, dates).
    pub story: StoryRef,
    /// The scenario ids on offer (with `custom` while the reader's leaks are shown).
    pub scenarios: Vec<String>,
    /// The scenario shown.
    pub scenario: AttrValue,
    /// The leaks of the scenario shown.
    pub events: Vec<Event>,
    /// The reader's next leak.
    pub lab: LabLeak,
    /// The current day as a date.
    pub date: AttrValue,
    /// Where the reader's actions go.
    pub on_action: Callback<Action>,
}

/// Scenario choice and the reader's leaks.
#[component]
pub fn Lab(props: &LabProps) -> Html {
    let words = use_words();
    let story = &props.story;
    let ids = props.scenarios.clone();
    let choose = |id: String| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: Event_| on_action.emit(Action::SelectScenario(id.clone())))
    };
    let on_victim = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event_| {
            // The option's index is the sender's: no text to parse.
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = usize::try_from(select.selected_index()) {
                on_action.emit(Action::SetVictim(i));
            }
        })
    };
    let on_sensitivity = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            // valueAsNumber: the browser parses, so no float parser ships.
            let input: HtmlInputElement = e.target_unchecked_into();
            let s = input.value_as_number();
            if s.is_finite() {
                on_action.emit(Action::SetSensitivity(s));
            }
        })
    };
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let senders = story.senders.len();
    // A <form>, so the scenario radios group inside it: radios grouped by
    // name alone register with the shadow root, which in Chromium kept every
    // removed Lab view (and the whole beat around it) alive after the reader
    // moved on. Nothing is ever submitted.
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="bc-lab" {onsubmit}>
            <fieldset class="bc-fieldset">
                <legend>{ words.get("scenario.label") }</legend>
                { for ids.into_iter().map(|id| {
                    let checked = props.scenario == id.as_str();
                    let disabled = id == CUSTOM;
                    html! {
                        <label class="bc-radio">
                            <input type="radio" name="bc-scenario" value={id.clone()} {checked} {disabled}
                                onchange={choose(id.clone())} />
                            <span>{ words.try_get(&format!("scenario.{id}")).unwrap_or(&id).to_string() }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <fieldset class="bc-fieldset">
                <legend>{ words.get("lab.title") }</legend>
                <label class="bc-field">
                    <span>{ words.get("lab.victim") }</span>
                    <select onchange={on_victim}>
                        { for (0..senders).map(|i| html! {
                            <option value={i.to_string()} selected={i == props.lab.victim}>{ sender_label(story, &words, i) }</option>
                        }) }
                    </select>
                </label>
                <label class="bc-field">
                    <span>{ words.fill("label.colon", &[("label", words.get("lab.sensitivity"))]) }<strong class="bc-num">{ words.number(&fixed(props.lab.sensitivity, 2)) }</strong></span>
                    <input type="range" class="bc-range" min="0" max="1" step="0.05"
                        value={short(props.lab.sensitivity)} oninput={on_sensitivity}
                        aria-valuetext={words.number(&fixed(props.lab.sensitivity, 2))} />
                    <span class="bc-hint">{ words.get("lab.sensitivity.hint") }</span>
                </label>
                <div class="bc-lab-buttons">
                    <button type="button" class="bc-button" onclick={act(Action::AddLeak)}>
                        { words.fill("lab.add", &[("date", &props.date)]) }
                    </button>
                    <button type="button" class="bc-button bc-secondary" onclick={act(Action::ClearLeaks)}>
                        { words.get("lab.clear") }
                    </button>
                </div>
            </fieldset>
            <div class="bc-lab-events">
                <p class="bc-lab-events-title">{ words.get("lab.events") }</p>
                if props.events.is_empty() {
                    <p class="bc-hint">{ words.get("lab.no_events") }</p>
                } else {
                    <ul>
                        { for props.events.iter().map(|e| html! {
                            <li>{ words.fill("lab.event", &[
                                ("date", &story.date(e.day.floor() as u32).label(&words)),
                                ("name", &sender_label(story, &words, e.sender)),
                                ("sensitivity", &words.number(&fixed(e.sensitivity, 2))),
                            ]) }</li>
                        }) }
                    </ul>
                }
            </div>
        </form>
    }
}

/// The DOM event type, named apart from the model's `Event`.
type Event_ = yew::events::Event;
