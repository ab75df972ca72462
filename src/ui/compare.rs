//! Two posted texts side by side: how sensitive each was in the model, and
//! how far each alone pushes the room for compromise down.

use super::elapsed::after_post;
use super::format::percent;
use super::metric::RunRef;
use super::use_words;
use crate::story::Story;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The story (messages, dates).
    pub story: Rc<Story>,
    /// For each message, the run of its scenario alone.
    pub runs: Vec<RunRef>,
    /// Sensitivity of each message in the model.
    pub sensitivities: Vec<f64>,
}

/// The comparison.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let words = use_words();
    let rows = props.story.messages.iter().zip(&props.runs).enumerate().map(|(i, (m, run))| {
        let (day, lowest) = run
            .0
            .days()
            .iter()
            .enumerate()
            .skip(m.posted_day as usize)
            .map(|(d, o)| (d, o.compromise))
            .fold((m.posted_day as usize, f64::INFINITY), |best, x| if x.1 < best.1 { x } else { best });
        // A model minimum is not an event: say how long after the post, in
        // months, never a calendar date that would read as a forecast.
        let when = after_post(&words, day as i64 - i64::from(m.posted_day));
        html! {
            <li class="bc-compare-item">
                <p class="bc-compare-name">{ m.sender.clone() }</p>
                <p>{ words.fill("compare.sensitivity", &[("value", &format!("{:.2}", props.sensitivities.get(i).copied().unwrap_or(0.0)))]) }</p>
                <p class="bc-compare-lowest">{ words.fill("compare.lowest", &[("value", &percent(lowest, 0)), ("when", &when)]) }</p>
            </li>
        }
    });
    html! {
        <section class="bc-compare" aria-label={words.get("compare.title").to_string()}>
            <p class="bc-compare-head">
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
                <span class="bc-compare-title">{ words.get("compare.title") }</span>
            </p>
            <ul class="bc-compare-list">{ for rows }</ul>
        </section>
    }
}
