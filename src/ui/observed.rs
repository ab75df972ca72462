//! What happened after the leak, as reported: facts with their dates and
//! sources, badged *Observed*, apart from predictions and from the model.

use super::quote::{source, translation};
use super::use_words;
use crate::story::quote_lang;
use crate::view::metric::StoryRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ObservedProps {
    /// The story holding the facts.
    pub story: StoryRef,
    /// The beat in view (it may choose which facts it shows).
    pub beat: usize,
}

/// The list of observed facts.
#[component]
pub fn ObservedFacts(props: &ObservedProps) -> Html {
    let words = use_words();
    let story = &props.story;
    let chosen = story
        .beats
        .get(props.beat)
        .and_then(|b| b.observed.as_ref());
    let facts = story
        .observed
        .iter()
        .filter(|o| chosen.is_none_or(|ids| ids.contains(&o.id)));
    html! {
        <ul class="bc-observed">
            { for facts.map(|f| {
                let stem = format!("observed.{}", f.id);
                let date = f.date.label(&words);
                let date = if f.approximate { words.fill("observed.about", &[("date", &date)]) } else { date };
                html! {
                    <li class="bc-card bc-fact">
                        <p class="bc-fact-head">
                            <span class="bc-badge bc-badge-observed">{ words.get("badge.observed") }</span>
                            <span class="bc-fact-date">{ date }</span>
                        </p>
                        <p>{ words.get(&format!("observed.{}.text", f.id)) }</p>
                        if !f.quote.is_empty() {
                            <blockquote class="bc-quote" lang={quote_lang(&f.lang).to_string()}>{ words.fill("quote.marks", &[("text", &f.quote)]) }</blockquote>
                            { translation(&words, &stem) }
                        }
                        <p class="bc-source">{ words.fill("observed.source", &[("source", source(&words, &stem, &f.source))]) }</p>
                    </li>
                }
            }) }
        </ul>
    }
}
