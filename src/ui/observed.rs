//! What happened after the leak, as reported: facts with their sources,
//! badged *Observed*, apart from predictions and from the model.

use super::use_words;
use crate::story::Observed;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ObservedProps {
    /// The reported facts, in order.
    pub facts: Vec<Observed>,
}

/// The list of observed facts.
#[component]
pub fn ObservedFacts(props: &ObservedProps) -> Html {
    let words = use_words();
    html! {
        <ul class="bc-observed">
            { for props.facts.iter().map(|f| html! {
                <li class="bc-card bc-fact">
                    <p class="bc-fact-head">
                        <span class="bc-badge bc-badge-observed">{ words.get("badge.observed") }</span>
                        <span class="bc-fact-date">{ f.date.clone() }</span>
                    </p>
                    <p>{ words.get(&format!("observed.{}.text", f.id)) }</p>
                    { (!f.quote.is_empty()).then(|| html! { <blockquote class="bc-quote">{ format!("“{}”", f.quote) }</blockquote> }) }
                    <p class="bc-source">{ words.fill("observed.source", &[("source", &f.source)]) }</p>
                </li>
            }) }
        </ul>
    }
}
