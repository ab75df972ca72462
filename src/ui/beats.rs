//! Moving through the story: the steps as titled buttons at the top (wide
//! screens), and a pager that sticks to the bottom of the screen, within
//! thumb reach wherever the reader is in a long beat, with Back, where they
//! are, and Next. While a leak plays, the pager also carries the two headline
//! numbers, so the effect of a flip shows even when the meters are below the
//! fold on a phone.

use super::use_words;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    /// Each beat's title, in order.
    pub titles: Vec<AttrValue>,
    /// The beat in view.
    pub current: usize,
    /// Go to beat n.
    pub on_go: Callback<usize>,
}

/// The story's steps, each with its number and title.
#[component]
pub fn StepList(props: &StepsProps) -> Html {
    let words = use_words();
    let go = |n: usize| {
        let on_go = props.on_go.clone();
        Callback::from(move |_: MouseEvent| on_go.emit(n))
    };
    html! {
        <nav class="bc-nav" aria-label={words.get("nav.label").to_string()}>
            <ol class="bc-steps">
                { for props.titles.iter().enumerate().map(|(i, title)| html! {
                    <li>
                        <button type="button" class={classes!("bc-step", (i == props.current).then_some("is-current"))}
                            aria-current={(i == props.current).then_some("step")} onclick={go(i)}>
                            <span class="bc-step-n" aria-hidden="true">{ i + 1 }</span>
                            <span class="bc-step-title">{ title.clone() }</span>
                        </button>
                    </li>
                }) }
            </ol>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// Title of the beat in view.
    pub title: AttrValue,
    /// The beat in view and how many there are.
    pub current: usize,
    pub total: usize,
    /// The headline numbers while a leak is in view (shown to sighted
    /// readers only: the meters and the live region carry them otherwise).
    #[prop_or_default]
    pub readout: Option<AttrValue>,
    /// Where Back and Next go: `Action::MoveBeat`, counted from the state
    /// when applied, so two quick presses move two steps.
    pub on_action: Callback<Action>,
}

/// Back, where the reader is, Next.
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let words = use_words();
    let (current, total) = (props.current, props.total);
    let go = |delta: i32| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::MoveBeat(delta)))
    };
    let step = words.fill(
        "nav.step",
        &[
            ("n", &(current + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    html! {
        <nav class="bc-pager" aria-label={words.get("nav.pager").to_string()}>
            // aria-disabled, not disabled: a focused button that becomes
            // disabled drops the keyboard user's focus to the page.
            <button type="button" class="bc-button bc-secondary"
                aria-disabled={(current == 0).then_some("true")}
                onclick={go(-1)}>{ words.get("nav.back") }</button>
            <p class="bc-pager-where">
                <span class="bc-pager-count">{ step }</span>
                if let Some(readout) = &props.readout {
                    <span class="bc-pager-readout" aria-hidden="true">{ readout.clone() }</span>
                } else {
                    <span class="bc-pager-title">{ props.title.clone() }</span>
                }
            </p>
            <button type="button" class="bc-button"
                aria-disabled={(current + 1 >= total).then_some("true")}
                onclick={go(1)}>{ words.get("nav.next") }</button>
        </nav>
    }
}
