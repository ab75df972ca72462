//! The experts' predictions: who said what, where, verbatim, and the model
//! outputs each prediction maps to, read at the timeline's day. An expert
//! mapped to `sensitivity` shows the sensitivity the model gives each text.

use super::format::fixed;
use super::quote::translation;
use super::use_words;
use crate::model::Outputs;
use crate::story::check::SENSITIVITY;
use crate::story::quote_lang;
use crate::view::metric::{Output, StoryRef};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExpertsProps {
    /// The story (experts, messages).
    pub story: StoryRef,
    /// The beat in view (it may choose which experts it shows).
    pub beat: usize,
    /// The model's outputs at the current day.
    pub outputs: Outputs,
    /// The no-leak outputs at the same day.
    pub baseline: Outputs,
}

/// One card per expert.
#[component]
pub fn Experts(props: &ExpertsProps) -> Html {
    let story = &props.story;
    let chosen = story.beats.get(props.beat).and_then(|b| b.experts.as_ref());
    let shown = story
        .experts
        .iter()
        .enumerate()
        .filter(|(_, e)| chosen.is_none_or(|ids| ids.contains(&e.id)));
    // On a phone one card at a time: each card's radio, ahead of it, is a
    // chip with the expert's name, and the stylesheet shows the checked
    // one's card (arrow keys move between them natively). `Checked` is the
    // attribute, set once on the first card, so Yew's renders do not undo
    // the reader's pick; where every card shows, the chips are hidden. In a
    // form, as the charts' radios are (ui/views.rs: Chromium otherwise keeps
    // each removed group, and its step's tree).
    html! {
        <form method="dialog"><ul class="bc-experts">
            { for shown.enumerate().map(|(k, (i, e))| html! {
                <li class="bc-expert">
                    <label class="bc-expert-pick">
                        <input type="radio" name="bc-expert" Checked={(k == 0).then_some("")} />{ e.name.clone() }
                    </label>
                    <ExpertCard story={story.clone()} index={i}
                        outputs={props.outputs} baseline={props.baseline} />
                </li>
            }) }
        </ul></form>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    story: StoryRef,
    index: usize,
    outputs: Outputs,
    baseline: Outputs,
}

#[component]
fn ExpertCard(props: &CardProps) -> Html {
    let words = use_words();
    let story = &props.story;
    let Some(e) = story.experts.get(props.index) else {
        return Html::default();
    };
    // The card's source line: each quotation's source once, or the line as
    // the pack words it in the reader's language.
    let sources = match words.try_get(&format!("expert.{}.sources", e.id)) {
        Some(line) => line.to_string(),
        None => {
            let mut sources: Vec<&str> = Vec::new();
            for q in e.quotes.iter().chain(&e.reported) {
                if !sources.contains(&q.source.as_str()) {
                    sources.push(&q.source);
                }
            }
            crate::text::join(&sources, words.get("sources.sep"))
        }
    };
    // The outlet they spoke to, when the reporting names one; where the
    // words were printed is the card's source line.
    let role = if e.outlet.is_empty() {
        words.get(&format!("expert.{}.role", e.id)).to_string()
    } else {
        let told = words.fill("expert.told", &[("outlet", &e.outlet)]);
        format!("{} · {told}", words.get(&format!("expert.{}.role", e.id)))
    };
    let outputs = e.outputs.iter().filter_map(|m| Output::from_name(m)).map(|m| {
        let now = m.value(&props.outputs);
        let base = m.value(&props.baseline);
        html! {
            <li>
                <span class="bc-expert-metric">{ words.get(&format!("meter.{}", m.name())) }</span>
                { " " }
                <strong>{ words.percent(now, 0) }</strong>
                <span class="bc-expert-base">{ format!(" ({})", words.fill("effects.baseline", &[("value", &words.percent(base, 0))])) }</span>
            </li>
        }
    });
    let sensitivity = e.outputs.iter().any(|m| m == SENSITIVITY).then(|| {
        let list: Vec<String> = story
            .messages
            .iter()
            .map(|m| {
                words.fill(
                    "expert.sensitivity_item",
                    &[
                        ("label", words.get(&format!("message.{}.label", m.id))),
                        ("value", &words.number(&fixed(m.sensitivity, 2))),
                    ],
                )
            })
            .collect();
        html! {
            <p class="bc-expert-model-text">{ words.fill("expert.sensitivity", &[("list", &crate::text::join(&list, words.get("chart.label_sep")))]) }</p>
        }
    });
    html! {
        <article class="bc-card">
            <header class="bc-card-head">
                <span class="bc-badge bc-badge-quoted">{ words.get("badge.quoted") }</span>
                <h4 class="bc-card-name">{ e.name.clone() }</h4>
                <p class="bc-card-role">{ role }</p>
            </header>
            { for e.quotes.iter().enumerate().map(|(i, q)| html! { <>
                <blockquote class="bc-quote" lang={quote_lang(&q.lang).to_string()}>{ words.fill("quote.marks", &[("text", &q.text)]) }</blockquote>
                { translation(&words, &format!("expert.{}.quote.{}", e.id, i + 1)) }
            </> }) }
            { for e.reported.iter().enumerate().map(|(i, r)| html! { <>
                <p class="bc-reported"><span class="bc-reported-label">{ words.fill("label.colon", &[("label", words.get("expert.reported"))]) }</span><span lang={quote_lang(&r.lang).to_string()}>{ r.text.clone() }</span></p>
                { translation(&words, &format!("expert.{}.reported.{}", e.id, i + 1)) }
            </> }) }
            <p class="bc-card-source">{ words.fill("expert.sources", &[("sources", &sources)]) }</p>
            <p class="bc-predicts">{ words.get(&format!("expert.{}.predicts", e.id)) }</p>
            <div class="bc-expert-model">
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
                <ul class="bc-expert-metrics">{ for outputs }</ul>
                { sensitivity }
                // Where the model meets these words, and where it is our
                // assumption, said beside them.
                if let Some(note) = words.try_get(&format!("expert.{}.model", e.id)) {
                    <p class="bc-expert-model-text">{ note }</p>
                }
            </div>
        </article>
    }
}
