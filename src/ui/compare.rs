//! Two posted texts side by side: how sensitive each was in the model and
//! why (and, where the sources read a text otherwise, that reading too, one
//! tap from the lab), how far each alone moves trust and how low it takes
//! the room for compromise.

use super::elapsed::after_post;
use super::format::fixed;
use super::metric::{RunRef, StoryRef};
use super::use_words;
use crate::state::Action;
use crate::story::View;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The story (messages, dates).
    pub story: StoryRef,
    /// The messages compared, by index.
    pub messages: Vec<usize>,
    /// For each of them, the run of its leak alone.
    pub runs: Vec<RunRef>,
    /// The no-leak run, for trust's baseline.
    pub baseline: RunRef,
    /// Where the reader's actions go (opening another reading in the lab).
    pub on_action: Callback<Action>,
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
        // Trust on the day of the post: the belief moves at once, then fades.
        let trust = run.0.at(m.day as usize).trust;
        let trust0 = props.baseline.0.at(m.day as usize).trust;
        let reading = m.other_reading.as_ref().and_then(|id| {
            // The sensitivity that reading gives this message (its post in
            // the other scenario: same sender, same day).
            let s = props
                .story
                .scenario(id)?
                .events
                .iter()
                .find(|e| e.sender == m.sender_index && e.day == f64::from(m.day))?
                .sensitivity;
            let lab = props.story.beats.iter().position(|b| b.view == View::Lab);
            let on_action = props.on_action.clone();
            let id = id.clone();
            let open = lab.map(|lab| {
                Callback::from(move |_: MouseEvent| {
                    on_action.emit(Action::SelectScenario(id.clone()));
                    on_action.emit(Action::GoToBeat(lab));
                })
            });
            Some(html! {
                <div class="bc-compare-reading">
                    <p class="bc-hint">{ words.get(&key("other_reading")) }{ " " }
                        { words.fill("compare.reading_value", &[("value", &words.number(&fixed(s, 2)))]) }</p>
                    if let Some(open) = open {
                        <button type="button" class="bc-button bc-compare-try" onclick={open}>{ words.get("compare.try_reading") }</button>
                    }
                </div>
            })
        });
        Some(html! {
            <li class="bc-compare-item">
                <p class="bc-compare-name">{ words.get(&key("label")) }</p>
                <p>{ words.fill("compare.sensitivity", &[("value", &words.number(&fixed(m.sensitivity, 2)))]) }</p>
                <p class="bc-hint">{ words.fill("compare.why", &[("reason", words.get(&key("sensitivity")))]) }</p>
                { for reading }
                <p class="bc-compare-trust">{ words.fill("compare.trust", &[("value", &words.percent(trust, 0)), ("baseline", &words.percent(trust0, 0))]) }</p>
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
