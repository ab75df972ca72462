//! Moving through the story: the steps as numbered buttons, and Back/Next.

use super::use_words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BeatNavProps {
    /// Each beat's title, in order.
    pub titles: Vec<AttrValue>,
    /// The beat in view.
    pub current: usize,
    /// Go to beat n.
    pub on_go: Callback<usize>,
}

/// The story's steps.
#[component]
pub fn BeatNav(props: &BeatNavProps) -> Html {
    let words = use_words();
    let total = props.titles.len();
    let go = |n: usize| {
        let on_go = props.on_go.clone();
        Callback::from(move |_: MouseEvent| on_go.emit(n))
    };
    let step = words.fill(
        "nav.step",
        &[
            ("n", &(props.current + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
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
            <div class="bc-nav-row">
                // aria-disabled, not disabled: a focused button that becomes
                // disabled drops the keyboard user's focus to the page.
                <button type="button" class="bc-button bc-secondary"
                    aria-disabled={(props.current == 0).then_some("true")}
                    onclick={go(props.current.saturating_sub(1))}>{ words.get("nav.back") }</button>
                <span class="bc-nav-count">{ step }</span>
                <button type="button" class="bc-button"
                    aria-disabled={(props.current + 1 >= total).then_some("true")}
                    onclick={go((props.current + 1).min(total.saturating_sub(1)))}>{ words.get("nav.next") }</button>
            </div>
        </nav>
    }
}
