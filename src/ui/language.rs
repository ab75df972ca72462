//! The language control: a labelled select of the languages this story can
//! be read in, each named in itself. Choosing one keeps the day, the
//! scenario and the flips; the explainer fetches the strings it lacks.

use super::use_words;
use crate::words::{ENDONYMS, LANGUAGES};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageProps {
    /// The language on screen.
    pub current: AttrValue,
    /// The languages on offer (codes of `LANGUAGES`).
    pub languages: Vec<&'static str>,
    /// Why the last choice could not be loaded, in the current language.
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
}

/// Nothing when the story is told in one language only.
#[component]
pub fn Language(props: &LanguageProps) -> Html {
    let words = use_words();
    // After a choice that failed the state still says the old language,
    // which Yew sees as no change: put the select back by hand.
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(
            (props.current.clone(), props.error.clone()),
            move |(current, _)| {
                if let Some(el) = select.cast::<HtmlSelectElement>() {
                    el.set_value(current);
                }
            },
        );
    }
    if props.languages.len() < 2 {
        return Html::default();
    }
    let onchange = props.on_change.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        select.value()
    });
    let options = props.languages.iter().map(|code| {
        let name = LANGUAGES
            .iter()
            .position(|l| l == code)
            .map_or(*code, |i| ENDONYMS[i]);
        html! {
            <option value={*code} lang={*code} selected={props.current == *code}>{ name }</option>
        }
    });
    let invalid = props.error.as_ref().map(|_| "true");
    let described = props.error.as_ref().map(|_| "bc-lang-error");
    html! {
        <div class="bc-lang">
            <label class="bc-lang-field">
                <span class="bc-lang-label">{ words.get("language.label") }</span>
                <select class="bc-select" ref={select} {onchange}
                    aria-invalid={invalid} aria-describedby={described}>{ for options }</select>
            </label>
            if let Some(error) = &props.error {
                <p class="bc-lang-error" id="bc-lang-error">{ error.clone() }</p>
            }
        </div>
    }
}
