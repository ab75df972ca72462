//! The root component: subscribes to one explainer's store, reads it into a
//! frame (`view/frame.rs`), places the beat in view (`ui/views`), turns keys
//! into actions (`shortcuts.rs`) and announces state changes to screen
//! readers.

mod shortcuts;

pub use shortcuts::shortcut;

use super::about::About;
use super::after_paint::after_paint;
use super::beats::{Pager, StepList};
use super::language::Language;
use super::media::use_one_chart_at_a_time;
use super::playback::use_playback;
use super::views::{view, Ctx};
use crate::state::Action;
use crate::store::Store;
use crate::view::metric::Output;
use crate::view::{costly, markers, Frame, Labels};
use crate::words::Words;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// This explainer's state, shared with the host page's handle: with
    /// its language, words and theme, one source for each.
    pub store: Store,
    /// Called once, when the explainer is first on screen and interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
    /// Called with a language code when the reader chooses one: the host
    /// side loads its strings and speaks them through the store
    /// (`Action::SetLanguage`).
    #[prop_or_default]
    pub on_language: Callback<String>,
}

/// One explainer.
#[component]
pub fn App(props: &AppProps) -> Html {
    let update = use_force_update();
    let redraw = update.clone();
    use_effect_with(props.store.clone(), move |store| {
        store.subscribe(Rc::new(after_paint(move || update.force_update())));
        let store = store.clone();
        move || store.unsubscribe()
    });
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let store = &props.store;
    let (words, theme) = store.read(|s| (s.words().clone(), s.theme().class()));
    let words = &words;
    let f = store.read(Frame::read);
    // Titles and names depend on the story and the words only: made once,
    // not on every day of playback.
    let labels = use_memo((f.story.clone(), words.clone()), |(story, words)| {
        Labels::new(story, words)
    });
    use_playback(store.clone(), f.ticking);
    // The chart the reader picked, kept from step to step, and whether the
    // stylesheet shows one at a time, so that only that one is drawn. The
    // view's own state, not the store's: no reader of the state needs it.
    let charts = use_mut_ref(|| (Output::Trust, false));
    let on_chart = {
        let (charts, redraw) = (charts.clone(), redraw.clone());
        use_callback((), move |m: Output, _| {
            charts.borrow_mut().0 = m;
            redraw.force_update();
        })
    };
    {
        let charts = charts.clone();
        use_one_chart_at_a_time(Callback::from(move |one: bool| {
            if charts.borrow().1 != one {
                charts.borrow_mut().1 = one;
                redraw.force_update();
            }
        }));
    }
    let (chart, one_chart) = *charts.borrow();
    // The event marks, and whether the leaks cost candor, change with the
    // runs, not with the day: read once per revision.
    let run_notes = {
        let store = store.clone();
        use_memo((f.revision, words.clone()), move |(_, words)| {
            store.read(|s| (Rc::new(markers(s.story(), words, s.events())), costly(s)))
        })
    };
    let (markers, costly) = (&run_notes.0, run_notes.1);

    // Stable callbacks (same store, same callback), so children whose other
    // props did not change skip re-rendering on each tick of the clock.
    // Refusals show in the state (the parameter panel's error), so results
    // need no handling here.
    //
    // A step the reader moves to (Next, Back, a step, a button that opens
    // the lab) is brought into view with its heading focused once it has
    // rendered; the host's goToBeat moves nothing (it may be scrolling).
    let heading = use_node_ref();
    let moved = use_mut_ref(|| false);
    let on_action = use_callback(
        (store.clone(), moved.clone()),
        |action: Action, (store, moved)| {
            // Compared in the state, not the props: the render may not have
            // caught up with an earlier input yet.
            let before = store.read(|s| s.beat().0);
            let _ = store.input(action);
            *moved.borrow_mut() |= store.read(|s| s.beat().0 != before);
        },
    );
    let on_beat = use_callback(on_action.clone(), |n: usize, on_action| {
        on_action.emit(Action::GoToBeat(n));
    });
    {
        let (heading, moved, smooth) = (heading.clone(), moved.clone(), !f.reduced_motion);
        use_effect_with(f.beat, move |_| {
            if moved.replace(false) {
                #[cfg(target_arch = "wasm32")]
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    super::motion::bring_step(&h, smooth);
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (heading, smooth);
            }
        });
    }
    let onkeydown = {
        let on_action = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let modified = e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key();
            let tag = e
                .target_dyn_into::<Element>()
                .map(|el| el.tag_name())
                .unwrap_or_default();
            if let Some(action) = shortcut(&e.key(), modified, &tag) {
                e.prevent_default();
                on_action.emit(action);
            }
        })
    };

    // The view as an image (src/export.rs), handed to the reader as a file.
    // Stable, like the callbacks above: not remade on every tick.
    let on_export = use_callback(store.clone(), |_: MouseEvent, store| {
        #[cfg(target_arch = "wasm32")]
        super::download::save_view(store);
        let _ = store.dispatch(Action::Exported);
    });
    let body = view(&Ctx {
        f: &f,
        words,
        labels: &labels,
        markers,
        costly,
        chart,
        one_chart,
        on_chart: &on_chart,
        on_action: &on_action,
    });
    let beat_title = labels.titles.get(f.beat).cloned().unwrap_or_default();
    let key = |part: &str| format!("beat.{}.{part}", f.beat_id);
    html! {
        <ContextProvider<Rc<Words>> context={words.clone()}>
            <section class={classes!("bc-root", theme, f.public.then_some("is-public"))}
                lang={f.lang.clone()} aria-label={words.get("explainer.region").to_string()} {onkeydown}>
                <header class="bc-head">
                    // Room for the language control, which is placed over it
                    // (CSS): floated, it narrows only the title's first line,
                    // so a phone's first screen keeps the switch, while the
                    // control itself comes after the heading for readers.
                    if labels.languages.len() > 1 {
                        <span class="bc-lang-room" aria-hidden="true"></span>
                    }
                    <h2 class="bc-title">{ words.get("explainer.title") }</h2>
                    <Language current={f.lang.clone()} languages={labels.languages.clone()}
                        error={f.language_error.clone()} on_change={props.on_language.clone()} />
                    <p class="bc-intro">{ words.get("explainer.intro") }</p>
                </header>
                <StepList titles={labels.titles.iter().cloned().map(AttrValue::from).collect::<Vec<_>>()} current={f.beat} on_go={on_beat.clone()} />
                <div class={classes!("bc-beat", format!("bc-beat-{}", f.beat_id))}>
                    <h3 class="bc-beat-title" tabindex="-1" ref={heading}>{ beat_title.clone() }</h3>
                    <p class="bc-beat-body">{ words.get(&key("body")) }</p>
                    if let Some(note) = words.try_get(&key("note")) {
                        <p class="bc-hint">{ note }</p>
                    }
                    if !f.public {
                        if let Some(note) = words.try_get(&key("private_note")) {
                            <p class="bc-private-note">{ note }</p>
                        }
                    }
                    { body }
                </div>
                <p class="bc-export">
                    <button type="button" class="bc-button bc-secondary" onclick={on_export}>
                        { words.get("export.button") }
                    </button>
                </p>
                <Pager title={beat_title} current={f.beat} total={labels.titles.len()}
                    readout={f.readout.clone()} on_action={on_action.clone()} />
                <About />
                <p class="bc-sr-only" aria-live="polite">{ f.announcement.clone() }</p>
            </section>
        </ContextProvider<Rc<Words>>>
    }
}
