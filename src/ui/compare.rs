//! Two posted texts side by side: how sensitive each was in the model and
//! why (and, where the sources read a text otherwise, that reading too, one
//! tap from the lab), how far each alone, and both together, move trust and
//! how low they take the room for compromise; a button on each shows it
//! above, so the meters, charts and this list tell one story.

use super::format::fixed;
use super::use_words;
use crate::state::Action;
use crate::story::View;
use crate::view::elapsed::after_post;
use crate::view::metric::{RunRef, StoryRef};
use crate::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The story (messages, dates).
    pub story: StoryRef,
    /// The messages compared, by index.
    pub messages: Vec<usize>,
    /// For each of them, the run of its leak alone.
    pub runs: Vec<RunRef>,
    /// The scenario posting them all (as happened), and its run.
    #[prop_or_default]
    pub paired: Option<(AttrValue, RunRef)>,
    /// The no-leak run, for trust's baseline.
    pub baseline: RunRef,
    /// The scenario in view: its row is the one pressed.
    pub scenario: AttrValue,
    /// Where the reader's actions go (showing a row, opening another
    /// reading in the lab).
    pub on_action: Callback<Action>,
}

/// The comparison: each text alone, then both together, each with a button
/// that shows it in the meters and charts above.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let words = use_words();
    let story = &props.story;
    let show = |posts: Vec<usize>, current: bool| {
        let on_action = props.on_action.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| on_action.emit(Action::PostOnly(posts.clone())));
        html! {
            <button type="button" class="bc-button bc-secondary bc-compare-show" aria-pressed={current.to_string()} {onclick}>
                { words.get("compare.show") }</button>
        }
    };
    let rows = props.messages.iter().zip(&props.runs).filter_map(|(&i, run)| {
        let m = story.messages.get(i)?;
        let key = |part: &str| format!("message.{}.{part}", m.id);
        let reading = m.other_reading.as_ref().and_then(|id| {
            // The sensitivity that reading gives this message (its post in
            // the other scenario: same sender, same day).
            let s = story
                .scenario(id)?
                .events
                .iter()
                .find(|e| e.sender == m.sender_index && e.day == f64::from(m.day))?
                .sensitivity;
            let lab = story.beats.iter().position(|b| b.view == View::Lab);
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
        let current = m.scenario.as_deref() == Some(props.scenario.as_str());
        Some(html! {
            <li class="bc-compare-item">
                <p class="bc-compare-name">{ words.get(&key("label")) }</p>
                <p>{ words.fill("compare.sensitivity", &[("value", &words.number(&fixed(m.sensitivity, 2)))]) }</p>
                <p class="bc-hint">{ words.fill("compare.why", &[("reason", words.get(&key("sensitivity")))]) }</p>
                { for reading }
                { effect(&words, props, run, m.day, m.day) }
                { show(vec![i], current) }
            </li>
        })
    });
    // Both texts posted, as happened: what the reader sees when they make
    // the second public after the first.
    let together = props.paired.as_ref().map(|(id, run)| {
        let days = props
            .messages
            .iter()
            .filter_map(|&i| story.messages.get(i))
            .map(|m| m.day);
        let (first, last) = (days.clone().min().unwrap_or(0), days.max().unwrap_or(0));
        let name = words.try_get(&format!("scenario.{id}")).unwrap_or(id);
        html! {
            <li class="bc-compare-item">
                <p class="bc-compare-name">{ name }</p>
                { effect(&words, props, run, first, last) }
                { show(props.messages.clone(), *id == props.scenario) }
            </li>
        }
    });
    html! {
        <section class="bc-compare" aria-label={words.get("compare.title").to_string()}>
            <p class="bc-compare-head">
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
                <span class="bc-compare-title">{ words.get("compare.title") }</span>
            </p>
            <ul class="bc-compare-list">{ for rows }{ for together }</ul>
        </section>
    }
}

/// How far a run moves trust on the day of the (last) post, and how low it
/// takes the room for compromise after the first.
fn effect(words: &Words, props: &CompareProps, run: &RunRef, first: u32, last: u32) -> Html {
    let (day, lowest) = run
        .0
        .days()
        .iter()
        .enumerate()
        .skip(first as usize)
        .map(|(d, o)| (d, o.compromise))
        .fold((first as usize, f64::INFINITY), |best, x| {
            if x.1 < best.1 {
                x
            } else {
                best
            }
        });
    // A model minimum is not an event: say how long after the post, in
    // months, never a calendar date that would read as a forecast.
    let when = after_post(words, day as i64 - i64::from(first));
    // Trust on the day of the post: the belief moves at once, then fades.
    let trust = run.0.at(last as usize).trust;
    let trust0 = props.baseline.0.at(last as usize).trust;
    html! {
        <>
            <p class="bc-compare-trust">{ words.fill("compare.trust", &[("value", &words.percent(trust, 0)), ("baseline", &words.percent(trust0, 0))]) }</p>
            <p class="bc-compare-lowest">{ words.fill("compare.lowest", &[("value", &words.percent(lowest, 0)), ("when", &when)]) }</p>
        </>
    }
}
