//! Two posted texts side by side: how sensitive each was in the model and
//! why, and how far each alone pushes the room for compromise down.

use super::elapsed::after_post;
use super::format::fixed;
use super::metric::{RunRef, StoryRef};
use super::use_words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The story (messages, dates).
    pub story: StoryRef,
    /// The messages compared, by index.
    pub messages: Vec<usize>,
    /// For each of them, the run of its leak alone.
    pub runs: Vec<RunRef>,
}

/// The comparison.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let words = use_words();
    let rows = props.messages.iter().zip(&props.runs).filter_map(|(&i, run)| {
        let m = props.story.messages.get(i)?;
        let (day, lowest) = run
            .0
            .days()
            .iter()
            .enumerate()
            .skip(m.day as usize)
            .map(|(d, o)| (d, o.compromise))
            .fold((m.day as usize, f64::INFINITY), |best, x| if x.1 < best.1 { x } else { best });
        // A model minimum is not an event: say how long after the post, in
        // months, never a calendar date that would read as a forecast.
        let when = after_post(&words, day as i64 - i64::from(m.day));
        let key = |part: &str| format!("message.{}.{part}", m.id);
        Some(html! {
            <li class="bc-compare-item">
                <p class="bc-compare-name">{ words.get(&key("label")) }</p>
                <p>{ words.fill("compare.sensitivity", &[("value", &words.number(&fixed(m.sensitivity, 2)))]) }</p>
                <p class="bc-hint">{ words.fill("compare.why", &[("reason", words.get(&key("sensitivity")))]) }</p>
                <p class="bc-compare-lowest">{ words.fill("compare.lowest", &[("value", &words.percent(lowest, 0)), ("when", &when)]) }</p>
            </li>
        })
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
