//! The experts' predictions: who said what, where, verbatim, and the model
//! output each prediction animates, read at the timeline's day.

use super::format::percent;
use super::metric::Metric;
use super::use_words;
use crate::model::Outputs;
use crate::story::{Expert, Story};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExpertsProps {
    /// The story (experts, article, messages).
    pub story: Rc<Story>,
    /// The model's outputs at the current day.
    pub outputs: Outputs,
    /// The no-leak outputs at the same day.
    pub baseline: Outputs,
    /// Sensitivity of each message's leak in the model, by message index.
    pub sensitivities: Vec<f64>,
}

/// One card per expert.
#[component]
pub fn Experts(props: &ExpertsProps) -> Html {
    html! {
        <ul class="bc-experts">
            { for props.story.experts.iter().map(|e| html! {
                <li class="bc-expert"><ExpertCard expert={e.clone()} article={props.story.article.clone()}
                    outputs={props.outputs} baseline={props.baseline}
                    sensitivities={props.sensitivities.clone()} /></li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    expert: Expert,
    article: String,
    outputs: Outputs,
    baseline: Outputs,
    sensitivities: Vec<f64>,
}

#[component]
fn ExpertCard(props: &CardProps) -> Html {
    let words = use_words();
    let e = &props.expert;
    let where_said = if e.outlet.is_empty() {
        words.fill("expert.quoted_in", &[("article", &props.article)])
    } else {
        words.fill("expert.told", &[("outlet", &e.outlet)])
    };
    let metrics = e.metrics.iter().filter_map(|m| Metric::from_key(m)).map(|m| {
        let now = m.value(&props.outputs);
        let base = m.value(&props.baseline);
        html! {
            <li>
                <span class="bc-expert-metric">{ words.get(&format!("meter.{}", m.key())) }</span>
                { " " }
                <strong>{ percent(now, 0) }</strong>
                <span class="bc-expert-base">{ format!(" ({})", words.fill("effects.baseline", &[("value", &percent(base, 0))])) }</span>
            </li>
        }
    });
    let sensitivity = (e.id == "schichan" && props.sensitivities.len() >= 2).then(|| {
        html! {
            <p class="bc-expert-model-text">{ words.fill("expert.schichan.model", &[
                ("macron", &format!("{:.2}", props.sensitivities[0])),
                ("rutte", &format!("{:.2}", props.sensitivities[1])),
            ]) }</p>
        }
    });
    html! {
        <article class="bc-card">
            <header class="bc-card-head">
                <span class="bc-badge bc-badge-quoted">{ words.get("badge.quoted") }</span>
                <h4 class="bc-card-name">{ e.name.clone() }</h4>
                <p class="bc-card-role">{ format!("{} · {}", e.role, where_said) }</p>
            </header>
            { for e.quotes.iter().map(|q| html! { <blockquote class="bc-quote">{ format!("“{q}”") }</blockquote> }) }
            { for e.reported.iter().map(|r| html! {
                <p class="bc-reported"><span class="bc-reported-label">{ words.get("expert.reported") }{ ": " }</span>{ r.clone() }</p>
            }) }
            <p class="bc-predicts">{ words.get(&format!("expert.{}.predicts", e.id)) }</p>
            <div class="bc-expert-model">
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
                <ul class="bc-expert-metrics">{ for metrics }</ul>
                { sensitivity }
            </div>
        </article>
    }
}
