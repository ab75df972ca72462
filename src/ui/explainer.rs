//! The root component: reads one explainer's store, lays out the message, the
//! switch and the effects, and announces state changes to screen readers.

use super::effects::EffectsPanel;
use super::message::MessageCard;
use super::playback::use_playback;
use super::switch::PublicSwitch;
use crate::state::{Action, Announcement};
use crate::store::Store;
use crate::words::Words;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// This explainer's state, shared with the host page's handle.
    pub store: Store,
    /// The words in the reader's language.
    pub words: Rc<Words>,
    /// Called once, when the explainer is first on screen and interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// One explainer.
#[component]
pub fn App(props: &AppProps) -> Html {
    let update = use_force_update();
    use_effect_with(props.store.clone(), move |store| {
        store.subscribe(Rc::new(move || update.force_update()));
        let store = store.clone();
        move || store.unsubscribe()
    });
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let store = &props.store;
    let words = &props.words;
    let view = store.read(|s| {
        let date = s.story().date(s.day()).label(words);
        let announcement = match s.announcement() {
            Announcement::None => String::new(),
            Announcement::WentPublic => words.fill(
                "announce.public",
                &[("date", &s.story().date(s.start_day()).label(words))],
            ),
            Announcement::WentPrivate => words.get("announce.private").to_string(),
            Announcement::Finished => words.fill("announce.finished", &[("date", &date)]),
        };
        View {
            public: s.public(),
            playing: s.playing(),
            reduced_motion: s.reduced_motion(),
            message: s.message(),
            date,
            days_after: s.day() - s.start_day(),
            finished: s.day() >= s.end_day(),
            outputs: s.outputs(),
            baseline: s.baseline(),
            announcement,
        }
    });
    use_playback(store.clone(), view.playing);

    let on_public = {
        let store = store.clone();
        Callback::from(move |public| store.dispatch(Action::SetPublic(public)))
    };
    let on_play = {
        let store = store.clone();
        Callback::from(move |play| store.dispatch(if play { Action::Play } else { Action::Pause }))
    };
    html! {
        <ContextProvider<Rc<Words>> context={words.clone()}>
            <section class={classes!("bc-root", view.public.then_some("is-public"))}
                aria-label={words.get("explainer.region").to_string()}>
                <header class="bc-head">
                    <h2 class="bc-title">{ words.get("explainer.title") }</h2>
                    <p class="bc-intro">{ words.get("explainer.intro") }</p>
                </header>
                <div class="bc-body">
                    <div class="bc-col bc-col-message">
                        <MessageCard message={view.message} public={view.public} reduced_motion={view.reduced_motion} />
                        <PublicSwitch checked={view.public} on_change={on_public} />
                    </div>
                    <div class="bc-col bc-col-effects">
                        <EffectsPanel public={view.public} playing={view.playing}
                            date={view.date} days_after={view.days_after} finished={view.finished}
                            outputs={view.outputs} baseline={view.baseline} {on_play} />
                    </div>
                </div>
                <p class="bc-sr-only" aria-live="polite">{ view.announcement }</p>
            </section>
        </ContextProvider<Rc<Words>>>
    }
}

/// Everything the layout needs, read from the store in one borrow.
struct View {
    public: bool,
    playing: bool,
    reduced_motion: bool,
    message: Rc<crate::story::Message>,
    date: String,
    days_after: u32,
    finished: bool,
    outputs: crate::model::Outputs,
    baseline: crate::model::Outputs,
    announcement: String,
}
