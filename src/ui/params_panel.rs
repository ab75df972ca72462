//! The model's assumptions as sliders, generated from the parameter
//! descriptors (label, range, source), with a reset and a readable error
//! when a combination is refused.

use super::format::short;
use super::use_words;
use crate::model::{ParamDescriptor, Params, DESCRIPTORS};
use crate::state::Action;
use crate::words::Words;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParamsPanelProps {
    /// The parameters in force.
    pub params: Params,
    /// The last refused change, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Where the reader's changes go.
    pub on_action: Callback<Action>,
}

/// A slider step of about a hundredth of the range, rounded to a plain number.
pub fn step(d: &ParamDescriptor) -> f64 {
    let raw = (d.max - d.min) / 100.0;
    let magnitude = crate::math::pow(10.0, crate::math::log10(raw).floor());
    let lead = raw / magnitude;
    let nice = if lead < 2.0 {
        1.0
    } else if lead < 5.0 {
        2.0
    } else {
        5.0
    };
    nice * magnitude
}

/// Prints a parameter value without float noise ("0.05", "365").
pub fn show(value: f64) -> String {
    let text = crate::num::fixed(value, 4);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A value with its unit, if any, as the locale writes them ("0.05",
/// "365 days", "0,05 par jour"): units are locale keys (`unit.per_day`).
pub fn with_unit(words: &Words, value: f64, unit: &str) -> String {
    let value = words.number(&show(value));
    if unit.is_empty() {
        value
    } else {
        words.fill(
            &format!("unit.{}", unit.replace(' ', "_")),
            &[("value", &value)],
        )
    }
}

/// The sliders.
#[component]
pub fn ParamsPanel(props: &ParamsPanelProps) -> Html {
    let words = use_words();
    let rows = DESCRIPTORS.iter().map(|d| {
        let id = d.id;
        let oninput = {
            let on_action = props.on_action.clone();
            Callback::from(move |e: InputEvent| {
                // valueAsNumber: the browser parses, so no float parser ships.
                let input: HtmlInputElement = e.target_unchecked_into();
                let v = input.value_as_number();
                if v.is_finite() {
                    on_action.emit(Action::SetParam(id, v));
                }
            })
        };
        let label = words.get(&format!("param.{}", d.key)).to_string();
        let value = props.params.get(id);
        html! {
            <li class="bc-param">
                <label class="bc-field">
                    <span class="bc-param-head">
                        <span>{ label }{ " " }<span class="bc-symbol">{ format!("({})", d.symbol) }</span></span>
                        <strong class="bc-param-value bc-num">{ with_unit(&words, value, d.unit) }</strong>
                    </span>
                    <input type="range" class="bc-range" min={short(d.min)} max={short(d.max)}
                        step={short(step(d))} value={short(value)} {oninput} />
                </label>
                <p class="bc-hint">
                    <span class="bc-num">{ words.fill("params.default", &[("value", &words.number(&show(d.default)))]) }</span>
                    { format!(" · {}", words.get(&format!("param.{}.source", d.key))) }
                </p>
            </li>
        }
    });
    let reset = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ResetParams))
    };
    html! {
        <details class="bc-params">
            <summary>{ words.get("params.title") }</summary>
            <p class="bc-param-error" role="status">
                { props.error.as_ref().map(|e| words.fill("params.error", &[("error", e)])) }
            </p>
            <button type="button" class="bc-button bc-secondary" onclick={reset}>{ words.get("params.reset") }</button>
            <ul class="bc-param-list">{ for rows }</ul>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_plain_and_fit_every_range() {
        for d in &DESCRIPTORS {
            let s = step(d);
            assert!(s > 0.0 && s <= (d.max - d.min) / 20.0, "{}: {s}", d.key);
            let text = show(s);
            assert!(text.len() <= 6, "{}: {text}", d.key);
        }
        assert_eq!(show(0.05), "0.05");
        assert_eq!(show(365.0), "365");
        let w = crate::words::Words::english();
        assert_eq!(with_unit(&w, 365.0, "days"), "365 days");
        assert_eq!(with_unit(&w, 0.5, ""), "0.5");
        assert_eq!(with_unit(&w, 0.5, "per day"), "0.5 per day");
    }
}
