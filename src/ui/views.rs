//! What each kind of beat shows, composed from the components: the act (the
//! message, its switch and the effects), the network, the experts, a
//! comparison of two texts, the observed facts and the lab. Plain functions
//! of the frame: the components they place do the rendering.

mod compare;
mod lab;

use super::chart::Chart;
use super::effects::EffectsPanel;
use super::experts::Experts;
use super::message::MessageCard;
use super::network::Network;
use super::observed::ObservedFacts;
use super::switch::PublicSwitch;
use super::timeline::Timeline;
use crate::state::Action;
use crate::story::View;
use crate::view::metric::{Marker, Output, RunRef};
use crate::view::{Frame, Labels};
use crate::words::Words;
use std::rc::Rc;
use yew::prelude::*;

/// What the views share: the frame, the words and the ways back to the state.
pub struct Ctx<'a> {
    pub f: &'a Frame,
    pub words: &'a Words,
    pub labels: &'a Labels,
    /// The markers of the scenario in view.
    pub markers: &'a Rc<Vec<Marker>>,
    /// Whether the leaks in view cost a real share of candor at the worst.
    pub costly: bool,
    /// The chart the reader picked (trust until they pick another).
    pub chart: Output,
    /// Whether the stylesheet shows one chart at a time (a phone).
    pub one_chart: bool,
    pub on_chart: &'a Callback<Output>,
    pub on_action: &'a Callback<Action>,
}

/// The beat in view.
pub fn view(c: &Ctx) -> Html {
    let f = c.f;
    match f.view {
        View::Act => html! { <>{ act(c) }{ timeline(c) }{ charts(c, None) }</> },
        View::Network => html! { <>{ network(c) }{ timeline(c) }</> },
        View::Experts => html! {
            <>
                { timeline(c) }
                <Experts story={f.story.clone()} beat={f.beat} outputs={f.outputs} baseline={f.baseline} />
            </>
        },
        View::Compare => compare::view(c),
        View::Observed => html! { <ObservedFacts story={f.story.clone()} beat={f.beat} /> },
        View::Lab => lab::view(c),
    }
}

/// The act: the message with the switch under its bubble, and the effects
/// beside it (below it on a phone).
fn act(c: &Ctx) -> Html {
    let f = c.f;
    html! {
        <div class="bc-pair bc-act">
            <div class="bc-col">
                <MessageCard story={f.story.clone()} index={f.message} public={f.public} reduced_motion={f.reduced_motion}>
                    <PublicSwitch checked={f.public} on_action={c.on_action.clone()} />
                </MessageCard>
            </div>
            { effects(c) }
        </div>
    }
}

fn effects(c: &Ctx) -> Html {
    let f = c.f;
    html! {
        <EffectsPanel phase={f.phase} date={f.date.clone()} when={f.when.clone()}
            outputs={f.outputs} baseline={f.baseline} costly={c.costly}
            reveal={f.effects_due} reduced_motion={f.reduced_motion} />
    }
}

fn timeline(c: &Ctx) -> Html {
    let f = c.f;
    html! {
        <Timeline day={f.day} horizon={f.horizon} date={f.date.clone()} playing={f.playing}
            speed={f.speed} markers={c.markers.clone()} on_action={c.on_action.clone()} />
    }
}

fn network(c: &Ctx) -> Html {
    let f = c.f;
    html! {
        <Network leaker={f.story.leaker.clone()} senders={c.labels.sender_names.clone()} channels={f.channels.clone()}
            candor0={f.candor0} rerouted={f.outputs.rerouted} leak_risk0={f.params.p0} date={f.date.clone()} />
    }
}

/// A text's run alone, drawn beside the scenario in view, with its label.
struct Compared {
    this: RunRef,
    this_label: AttrValue,
    markers: Rc<Vec<Marker>>,
}

/// The charts shown under the timeline: the two effects the explainer is
/// about first, then what drives them. All are shares on one 0–100 % scale.
const CHARTS: [Output; 4] = [
    Output::Trust,
    Output::Compromise,
    Output::Candor,
    Output::Rhetoric,
];

/// The charts: the scenario in view against the baseline, and on a
/// comparison a text posted alone beside it. Where the stylesheet shows one
/// chart at a time (a phone), only the one the reader picked is drawn; the
/// others are their captions, the radios that pick them: on a phone at 4x
/// CPU a scenario change's longest task fell by about a sixth (a median of
/// 52 ms to 44 over six alternating runs of `scripts/bench/change.mjs`),
/// and each day of playback redraws one chart, not four.
fn charts(c: &Ctx, compare: Option<Compared>) -> Html {
    let f = c.f;
    let run = f.run.clone();
    let (other, other_label, markers) = match compare {
        Some(x) => (Some(x.this), Some(x.this_label), x.markers),
        None => (None, None, c.markers.clone()),
    };
    // A form, for the captions' radios: Chromium keeps every removed radio
    // group of a shadow root, and each step's whole old tree with it, unless
    // a form holds the group (tests/e2e/lifecycle.test.js). `dialog`: Enter
    // on a radio submits nothing, outside a dialog.
    html! {
        <form method="dialog">
            <div class="bc-charts" role="group" tabindex="0" aria-label={c.words.get("charts.label").to_string()}>
                { for CHARTS.iter().map(|m| {
                    let picked = c.chart == *m;
                    html! {
                        <Chart metric={*m} run={run.clone()} baseline={f.base_run.clone()} day={f.day}
                            markers={markers.clone()} day0={f.story.day0} compare={other.clone()}
                            compare_label={other_label.clone()} {picked} drawn={picked || !c.one_chart}
                            on_pick={c.on_chart.clone()} />
                    }
                }) }
            </div>
        </form>
    }
}
