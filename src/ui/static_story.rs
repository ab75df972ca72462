//! The whole story at once, for readers without JavaScript and for print:
//! every step rendered by the same views the live explainer uses, each from
//! the state a reader reaches there (the message made public, the months
//! after it settled), with the controls left inert and hidden by the
//! stylesheet. Rendered natively by yew's server renderer (src/bin/story.rs)
//! into `dist/story.<lang>.html` and into `embed.html`'s fallback.

use super::views::{view, Ctx};
use crate::state::{Action, Explainer};
use crate::story::{Story, View};
use crate::view::metric::Output;
use crate::view::{costly, markers, Frame, Labels};
use crate::words::Words;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct StaticStoryProps {
    pub story: Rc<Story>,
    pub words: Rc<Words>,
    pub lang: AttrValue,
}

impl PartialEq for StaticStoryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.story, &other.story)
            && Rc::ptr_eq(&self.words, &other.words)
            && self.lang == other.lang
    }
}

/// Every step but the lab (which is the reader's own to play with), each as
/// the reader sees it after making the message public.
#[component]
pub fn StaticStory(props: &StaticStoryProps) -> Html {
    let words = &props.words;
    let story = &props.story;
    let labels = Labels::new(story, words);
    // Reduced motion: a flip shows the settled months after the post at once.
    let Ok(mut e) = Explainer::new(story.clone(), story.resolved().params, true) else {
        return Html::default();
    };
    if e.speak(&props.lang, words.clone()).is_err() {
        return Html::default();
    }
    let beats = story
        .beats
        .iter()
        .enumerate()
        .filter(|(_, b)| b.view != View::Lab)
        .map(|(n, b)| {
            let _ = e.reduce(Action::GoToBeat(n));
            let _ = e.reduce(Action::SetPublic(true));
            let body = step_view(&e, &labels);
            let key = |part: &str| format!("beat.{}.{part}", b.id);
            html! {
                <section class={classes!("bc-beat", format!("bc-beat-{}", b.id))}>
                    <h3 class="bc-beat-title">{ words.get(&key("title")) }</h3>
                    <p class="bc-beat-body">{ words.get(&key("body")) }</p>
                    if let Some(note) = words.try_get(&key("note")) {
                        <p class="bc-hint">{ note }</p>
                    }
                    { body }
                </section>
            }
        });
    html! {
        <ContextProvider<Rc<Words>> context={words.clone()}>
            <div class="bc-root bc-static bc-theme-light" lang={props.lang.clone()}>
                <header class="bc-head">
                    <h2 class="bc-title">{ words.get("explainer.title") }</h2>
                    <p class="bc-intro">{ words.get("explainer.intro") }</p>
                    <p class="bc-static-note">{ words.get("static.note") }</p>
                </header>
                { for beats }
            </div>
        </ContextProvider<Rc<Words>>>
    }
}

/// The story's HTML in one language, by yew's server renderer (`ssr.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render(story: Rc<Story>, words: Rc<Words>, lang: &str) -> String {
    let props = StaticStoryProps {
        story,
        words,
        lang: lang.to_string().into(),
    };
    super::ssr::render::<StaticStory>(props)
}

/// The step in view, composed as the live explainer composes it, with
/// controls that do nothing: what the static story (and tests reading the
/// sentences of each step) render.
pub fn step_view(e: &Explainer, labels: &Labels) -> Html {
    let f = Frame::read(e);
    let words: &Words = e.words();
    let marks = Rc::new(markers(e.story(), words, e.events()));
    view(&Ctx {
        f: &f,
        words,
        labels,
        markers: &marks,
        costly: costly(e),
        // Print and no-JS: every chart, stacked.
        chart: Output::Trust,
        one_chart: false,
        on_chart: &Callback::from(|_: Output| ()),
        on_action: &Callback::from(|_: Action| ()),
    })
}
