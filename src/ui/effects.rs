//! The predicted effects as the model plays them: the date and how long after
//! the post it is, the meters led by trust and the room for compromise against
//! their no-leak baselines, what phase of the effect the reader is watching,
//! the model's central insight (`view::insight`) once there is something to
//! read it against, and the "model, not forecast" label.

use super::meter::Meter;
use super::use_words;
use crate::model::Outputs;
use crate::view::insight::insight;
use crate::view::metric::Output;
use crate::view::Phase;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EffectsProps {
    /// Where the reader is in the effect.
    pub phase: Phase,
    /// The date of the current model day, as the locale writes it.
    pub date: AttrValue,
    /// How long after the post, in words ("about 5 months after the post").
    pub when: AttrValue,
    /// The model's outputs on the current day.
    pub outputs: Outputs,
    /// The no-leak outputs on the same day.
    pub baseline: Outputs,
    /// Whether the leaks in view cost allies a real share of their candor
    /// at the worst (the central insight), or reveal little (a text with
    /// nothing costly in it).
    #[prop_or(true)]
    pub costly: bool,
    /// True once the reader's flip has shown: on a phone, where the panel
    /// sits below the post, it is then brought on screen (once per flip).
    #[prop_or(false)]
    pub reveal: bool,
    /// Scroll without smoothing when the reader asked for reduced motion.
    #[prop_or(false)]
    pub reduced_motion: bool,
}

/// The meters shown with every message: the two effects the explainer is
/// about first, then the mechanism between them. Every bar is a share on the
/// same 0–100 % scale; leak risk, a small quantity, is told as a change.
pub const METERS: [Output; 3] = [Output::Trust, Output::Compromise, Output::Candor];

/// The effects panel.
#[component]
pub fn EffectsPanel(props: &EffectsProps) -> Html {
    let words = use_words();
    let panel = use_node_ref();
    use_reveal(panel.clone(), props.reveal, props.reduced_motion);
    let (o, b) = (&props.outputs, &props.baseline);
    let leaked = !matches!(props.phase, Phase::Private);
    let note = match props.phase {
        Phase::Private => words.get("effects.kept_private"),
        Phase::Before => "",
        Phase::Shock => words.get("effects.shock"),
        Phase::Erosion => words.get("effects.erosion"),
    };
    let leak_risk = if leaked {
        words.fill(
            "effects.leak_risk",
            &[
                ("value", &words.percent(o.leak_risk, 0)),
                ("baseline", &words.percent(b.leak_risk, 0)),
            ],
        )
    } else {
        words.fill(
            "effects.leak_risk_base",
            &[("value", &words.percent(b.leak_risk, 0))],
        )
    };
    // The insight needs something to explain: a post, and a day after it.
    let insight = matches!(props.phase, Phase::Shock | Phase::Erosion)
        .then(|| insight(&words, o, b, props.costly));
    html! {
        <section ref={panel} class={classes!("bc-effects", leaked.then_some("is-public"))}
            aria-label={words.get("effects.title").to_string()}>
            <header class="bc-effects-head">
                <h4 class="bc-effects-title">{ words.get("effects.title") }</h4>
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
            </header>
            <p class="bc-when">
                <span class="bc-date">{ props.date.clone() }</span>
                if leaked {
                    <span class="bc-when-note">{ props.when.clone() }</span>
                }
            </p>
            if !note.is_empty() {
                <p class="bc-phase">{ note }</p>
            }
            { for METERS.iter().map(|m| html! {
                <Meter key_name={format!("meter.{}", m.name())} value={m.value(o)} baseline={m.value(b)} />
            }) }
            <p class="bc-leak-risk">{ leak_risk }</p>
            if let Some(insight) = insight {
                <p class="bc-insight">{ insight }</p>
            }
            <p class="bc-model-note">{ words.get("effects.model_note") }</p>
        </section>
    }
}

/// When `due` turns true after the panel was first drawn (the reader's flip
/// has shown), brings the panel on screen if it sits below it: on a phone
/// the post fills the screen and the numbers are under it. Nothing moves
/// where the panel is already visible (beside the post on a wide screen) or
/// where the explainer itself is off screen (a host's call, not the reader).
#[hook]
fn use_reveal(panel: NodeRef, due: bool, reduced_motion: bool) {
    let last = use_mut_ref(|| due);
    use_effect_with(due, move |&due| {
        let was = std::mem::replace(&mut *last.borrow_mut(), due);
        #[cfg(target_arch = "wasm32")]
        if due && !was {
            if let Some(el) = panel.cast::<web_sys::HtmlElement>() {
                crate::ui::motion::reveal(&el, !reduced_motion);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (was, &panel, reduced_motion);
    });
}
