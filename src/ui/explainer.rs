//! The root component: reads one explainer's store into a frame, lays out the
//! beat in view with the views it needs, handles the keyboard shortcuts and
//! announces state changes to screen readers.

use super::about::About;
use super::beats::{Pager, StepList};
use super::chart::Chart;
use super::compare::Compare;
use super::effects::{EffectsPanel, Phase};
use super::elapsed::after_post;
use super::experts::Experts;
use super::format::percent;
use super::lab::{sender_label, Lab};
use super::message::MessageCard;
use super::metric::{Marker, Metric, RunRef};
use super::network::Network;
use super::observed::ObservedFacts;
use super::params_panel::ParamsPanel;
use super::playback::use_playback;
use super::switch::PublicSwitch;
use super::timeline::Timeline;
use crate::dates::Date;
use crate::model::{Outputs, Params, SenderOutputs, Senders};
use crate::state::{Action, Announcement, Explainer, LabLeak};
use crate::store::Store;
use crate::story::{Story, View};
use crate::words::Words;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// This explainer's state, shared with the host page's handle.
    pub store: Store,
    /// The words in the reader's language.
    pub words: Rc<Words>,
    /// The theme class (`bc-theme-light`, `-dark` or `-auto`); `None` is light.
    #[prop_or_default]
    pub theme: Option<&'static str>,
    /// Called once, when the explainer is first on screen and interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// The charts shown under the timeline: the two effects the explainer is
/// about first, then what drives them. All are shares on one 0–100 % scale.
const CHARTS: [Metric; 4] = [
    Metric::Trust,
    Metric::Compromise,
    Metric::Candor,
    Metric::Rhetoric,
];

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
    let f = store.read(|s| Frame::read(s, words));
    // Beat titles and sender names depend on the story and the words only:
    // made once, not on every day of playback.
    let labels = use_memo((f.story.clone(), words.clone()), |(story, words)| {
        Labels::new(story, words)
    });
    use_playback(store.clone(), f.ticking);
    // The event marks change with the leaks, not with the day: made once per
    // revision of the runs, not on every frame of playback.
    let markers = {
        let store = store.clone();
        use_memo((f.revision, words.clone()), move |(_, words)| {
            store.read(|s| markers(s, words))
        })
    };

    // Stable callbacks (same store, same callback), so children whose other
    // props did not change skip re-rendering on each tick of the clock.
    // Refusals show in the state (the parameter panel's error), so results
    // need no handling here.
    let on_action = use_callback(store.clone(), |action: Action, store| {
        let _ = store.dispatch(action);
    });
    let on_public = use_callback(store.clone(), |public: bool, store| {
        let _ = store.dispatch(Action::SetPublic(public));
    });
    let on_beat = use_callback(store.clone(), |n: usize, store| {
        let _ = store.dispatch(Action::GoToBeat(n));
    });
    let onkeydown = shortcuts(on_action.clone(), f.playing);

    // The act: the message with the switch under its bubble, and the effects
    // beside it (below it on a phone).
    let act = html! {
        <div class="bc-pair bc-act">
            <div class="bc-col">
                <MessageCard story={f.story.clone()} index={f.message} public={f.public} reduced_motion={f.reduced_motion}>
                    <PublicSwitch checked={f.public} on_change={on_public} />
                </MessageCard>
            </div>
            <EffectsPanel phase={f.phase} date={f.date.clone()} when={f.when.clone()}
                outputs={f.outputs} baseline={f.baseline} />
        </div>
    };
    let timeline = html! {
        <Timeline day={f.day} horizon={f.horizon} date={f.date.clone()} playing={f.playing}
            speed={f.speed} markers={markers.clone()} on_action={on_action.clone()} />
    };
    // The charts: the scenario in view against the baseline, or on a beat
    // comparing two texts, each text's effect alone, side by side.
    let charts = |compare: Option<Compared>| {
        let (run, other, run_label, other_label, markers) = match compare {
            Some(c) => (
                c.lead,
                Some(c.this),
                Some(c.lead_label),
                Some(c.this_label),
                labels.message_markers.clone(),
            ),
            None => (f.run.clone(), None, None, None, markers.clone()),
        };
        html! {
            <div class="bc-charts" role="group" tabindex="0" aria-label={words.get("charts.label").to_string()}>
                { for CHARTS.iter().map(|m| html! {
                    <Chart metric={*m} run={run.clone()} baseline={f.base_run.clone()} day={f.day}
                        markers={markers.clone()} day0={f.day0} compare={other.clone()}
                        run_label={run_label.clone()} compare_label={other_label.clone()} />
                }) }
            </div>
        }
    };
    let network = html! {
        <Network leaker={f.story.leaker.clone()} senders={labels.sender_names.clone()} channels={f.channels.clone()}
            candor0={f.candor0} rerouted={f.outputs.rerouted} leak_risk0={f.params.p0} />
    };
    let view = match f.view {
        View::Message | View::Act => html! { <>{ act }{ timeline }{ charts(None) }</> },
        View::Network => html! { <>{ network }{ timeline }</> },
        View::Experts => html! {
            <>
                { timeline }
                <Experts story={f.story.clone()} outputs={f.outputs} baseline={f.baseline}
                    sensitivities={f.sensitivities.clone()} />
            </>
        },
        View::Compare => {
            let alone = |i: usize| {
                let name = labels
                    .sender_names
                    .get(f.story.messages.get(i).map_or(0, |m| m.sender_index));
                AttrValue::from(words.fill(
                    "compare.alone",
                    &[("name", name.map_or("", |n| n.as_str()))],
                ))
            };
            let compared = f
                .message_runs
                .first()
                .zip(f.message_runs.get(f.message))
                .map(|(lead, this)| Compared {
                    lead: lead.clone(),
                    this: this.clone(),
                    lead_label: alone(0),
                    this_label: alone(f.message),
                });
            html! {
                <>
                    { act }
                    { timeline }
                    { charts(compared) }
                    <Compare story={f.story.clone()} runs={f.message_runs.clone()} sensitivities={f.sensitivities.clone()} />
                </>
            }
        }
        View::Observed => html! { <ObservedFacts facts={f.story.observed.clone()} /> },
        View::Lab => html! {
            <>
                <div class="bc-pair">
                    <Lab story={f.story.clone()} scenarios={f.scenario_ids.clone()} scenario={f.scenario.clone()} events={f.events.clone()}
                        lab={f.lab} date={f.date.clone()} on_action={on_action.clone()} />
                    <EffectsPanel phase={f.phase} date={f.date.clone()} when={f.when.clone()}
                        outputs={f.outputs} baseline={f.baseline} />
                </div>
                { timeline }
                <div class="bc-pair">{ charts(None) }{ network }</div>
                <ParamsPanel params={f.params} error={f.param_error.clone()} on_action={on_action.clone()} />
            </>
        },
    };
    let beat_title = labels.titles.get(f.beat).cloned().unwrap_or_default();
    html! {
        <ContextProvider<Rc<Words>> context={words.clone()}>
            <section class={classes!("bc-root", props.theme, f.public.then_some("is-public"))}
                aria-label={words.get("explainer.region").to_string()} {onkeydown}>
                <header class="bc-head">
                    <h2 class="bc-title">{ words.get("explainer.title") }</h2>
                    <p class="bc-intro">{ words.get("explainer.intro") }</p>
                </header>
                <StepList titles={labels.titles.clone()} current={f.beat} on_go={on_beat.clone()} />
                <div class={classes!("bc-beat", format!("bc-beat-{}", f.beat_id))}>
                    <h3 class="bc-beat-title">{ beat_title.clone() }</h3>
                    <p class="bc-beat-body">{ words.get(&format!("beat.{}.body", f.beat_id)) }</p>
                    if let Some(note) = words.try_get(&format!("beat.{}.note", f.beat_id)) {
                        <p class="bc-hint">{ note }</p>
                    }
                    if !f.public {
                        if let Some(note) = words.try_get(&format!("beat.{}.private_note", f.beat_id)) {
                            <p class="bc-private-note">{ note }</p>
                        }
                    }
                    { view }
                </div>
                <Pager title={beat_title} current={f.beat} total={labels.titles.len()}
                    readout={f.readout.clone()} on_go={on_beat} />
                <About />
                <p class="bc-sr-only" aria-live="polite">{ f.announcement.clone() }</p>
            </section>
        </ContextProvider<Rc<Words>>>
    }
}

/// Space plays or pauses and the arrows move a day, while focus is inside the
/// explainer and not in a control that uses those keys itself.
fn shortcuts(on_action: Callback<Action>, playing: bool) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        // Leave the browser's own shortcuts (Alt+← is Back) alone.
        if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() {
            return;
        }
        let tag = e
            .target_dyn_into::<Element>()
            .map(|el| el.tag_name())
            .unwrap_or_default();
        let typing = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA");
        let pressable = matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
        let action = match e.key().as_str() {
            " " if !typing && !pressable => {
                Some(if playing { Action::Pause } else { Action::Play })
            }
            "ArrowLeft" if !typing => Some(Action::Step(-1)),
            "ArrowRight" if !typing => Some(Action::Step(1)),
            _ => None,
        };
        if let Some(action) = action {
            e.prevent_default();
            on_action.emit(action);
        }
    })
}

/// Two texts' runs, each alone, for a comparison, with their labels.
struct Compared {
    lead: RunRef,
    this: RunRef,
    lead_label: AttrValue,
    this_label: AttrValue,
}

/// Words that depend on the story alone.
struct Labels {
    titles: Vec<AttrValue>,
    sender_names: Rc<Vec<String>>,
    /// Each text posted on its day, for the charts that compare them.
    message_markers: Rc<Vec<Marker>>,
}

impl Labels {
    fn new(story: &Story, words: &Words) -> Labels {
        Labels {
            titles: story
                .beats
                .iter()
                .map(|b| {
                    words
                        .get(&format!("beat.{}.title", b.id))
                        .to_string()
                        .into()
                })
                .collect(),
            sender_names: Rc::new(
                (0..Senders::DEFAULT_COUNT)
                    .map(|i| sender_label(story, words, i))
                    .collect(),
            ),
            message_markers: Rc::new(message_markers(story, words)),
        }
    }
}

/// Everything the layout needs, read from the state in one borrow.
struct Frame {
    story: Rc<Story>,
    beat: usize,
    beat_id: String,
    view: View,
    message: usize,
    public: bool,
    playing: bool,
    ticking: bool,
    reduced_motion: bool,
    day: u32,
    horizon: u32,
    day0: Date,
    date: AttrValue,
    when: AttrValue,
    phase: Phase,
    readout: Option<AttrValue>,
    speed: f64,
    outputs: Outputs,
    baseline: Outputs,
    run: RunRef,
    base_run: RunRef,
    message_runs: Vec<RunRef>,
    sensitivities: Vec<f64>,
    revision: u64,
    channels: Rc<Vec<SenderOutputs>>,
    candor0: f64,
    scenario: AttrValue,
    scenario_ids: Vec<String>,
    events: Vec<crate::model::Event>,
    lab: LabLeak,
    params: Params,
    param_error: Option<AttrValue>,
    announcement: String,
}

impl Frame {
    fn read(s: &Explainer, words: &Words) -> Frame {
        let story = s.story().clone();
        let (beat, b) = s.beat();
        let title = |id: &str| words.get(&format!("beat.{id}.title")).to_string();
        let date = story.date(s.day()).label(words);
        let phase = phase(s);
        let outputs = s.outputs();
        let readout = matches!(phase, Phase::Shock | Phase::Erosion).then(|| {
            words
                .fill(
                    "nav.readout",
                    &[
                        ("trust", &percent(outputs.trust, 0)),
                        ("compromise", &percent(outputs.compromise, 0)),
                    ],
                )
                .into()
        });
        let since = i64::from(s.day()) - i64::from(latest_post(s).unwrap_or(s.day()));
        let announcement = match s.announcement() {
            Announcement::None => String::new(),
            Announcement::WentPublic => words.fill(
                "announce.public",
                &[("date", &story.date(s.message().posted_day).label(words))],
            ),
            Announcement::WentPrivate => words.get("announce.private").to_string(),
            Announcement::Finished(day) => words.fill(
                "announce.finished",
                &[("date", &story.date(day).label(words))],
            ),
            Announcement::Scenario => words.fill(
                "announce.scenario",
                &[(
                    "scenario",
                    words
                        .try_get(&format!("scenario.{}", s.scenario()))
                        .unwrap_or(s.scenario()),
                )],
            ),
            Announcement::LeakAdded(day) => {
                words.fill("announce.leak", &[("date", &story.date(day).label(words))])
            }
            Announcement::ParamsChanged => words.get("announce.params").to_string(),
            Announcement::Beat => words.fill(
                "announce.beat",
                &[
                    ("n", &(beat + 1).to_string()),
                    ("total", &story.beats.len().to_string()),
                    ("title", &title(&b.id)),
                ],
            ),
        };
        Frame {
            beat,
            beat_id: b.id.clone(),
            view: b.view,
            message: s.message_index(),
            public: s.public(),
            playing: s.playing(),
            ticking: s.ticking(),
            reduced_motion: s.reduced_motion(),
            day: s.day(),
            horizon: s.horizon(),
            day0: story.day0,
            date: date.into(),
            when: after_post(words, since).into(),
            phase,
            readout,
            speed: s.speed(),
            outputs,
            baseline: s.baseline(),
            run: RunRef(s.run()),
            base_run: RunRef(s.baseline_run()),
            message_runs: s.message_runs().iter().cloned().map(RunRef).collect(),
            sensitivities: s.sensitivities().to_vec(),
            revision: s.revision(),
            channels: Rc::new(s.channels().to_vec()),
            candor0: s.candor0(),
            scenario: s.scenario().to_string().into(),
            scenario_ids: s.scenario_ids(),
            events: s.events().to_vec(),
            lab: s.lab(),
            params: *s.params(),
            param_error: s.param_error().map(|e| e.to_string().into()),
            announcement,
            story,
        }
    }
}

/// The last post on or before the current day, if any.
fn latest_post(s: &Explainer) -> Option<u32> {
    s.events()
        .iter()
        .map(|e| e.day.floor() as u32)
        .filter(|d| *d <= s.day())
        .max()
}

/// Where the reader is in the effect of the latest post: the shock (the
/// dispute moves into public at once, then eases a little, so compromise
/// rebounds) lasts until the room for compromise turns down again; after
/// that the quiet channels erode.
fn phase(s: &Explainer) -> Phase {
    if s.events().is_empty() {
        return Phase::Private;
    }
    let Some(post) = latest_post(s) else {
        return Phase::Before;
    };
    let run = s.run();
    let compromise = |d: u32| run.at(d as usize).compromise;
    let turn = (post + 1..s.horizon()).find(|&d| compromise(d + 1) < compromise(d));
    match turn {
        Some(turn) if s.day() >= turn => Phase::Erosion,
        _ => Phase::Shock,
    }
}

/// One marker per day with posts, naming whose texts were posted: same-day
/// posts (Macron's and Rutte's on 20 January 2026) share one annotation.
fn markers(s: &Explainer, words: &Words) -> Vec<Marker> {
    let posts = s.events().iter().map(|e| (e.day.floor() as u32, e.sender));
    markers_of(s.story(), words, posts)
}

/// The markers of the story's messages, each posted on its day: what a chart
/// comparing the texts, each alone, annotates.
fn message_markers(story: &Story, words: &Words) -> Vec<Marker> {
    let posts = story
        .messages
        .iter()
        .map(|m| (m.posted_day, m.sender_index));
    markers_of(story, words, posts)
}

fn markers_of(
    story: &Story,
    words: &Words,
    posts: impl Iterator<Item = (u32, usize)>,
) -> Vec<Marker> {
    let mut days: Vec<(u32, Vec<String>)> = Vec::new();
    for (day, sender) in posts {
        let name = sender_label(story, words, sender);
        match days.iter_mut().find(|(d, _)| *d == day) {
            Some((_, names)) if !names.contains(&name) => names.push(name),
            Some(_) => {}
            None => days.push((day, vec![name])),
        }
    }
    days.sort_by_key(|(d, _)| *d);
    days.into_iter()
        .map(|(day, names)| Marker {
            day,
            label: match names.as_slice() {
                [one] => words.fill("marker.leak", &[("name", one)]),
                _ => words.fill(
                    "marker.leaks",
                    &[("names", &names.join(words.get("marker.and")))],
                ),
            },
        })
        .collect()
}
