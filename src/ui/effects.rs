//! The predicted effects as the model plays them: the date and how long after
//! the post it is, the meters led by trust and the room for compromise against
//! their no-leak baselines, what phase of the effect the reader is watching,
//! the model's central insight once there is something to read it against,
//! and the "model, not forecast" label.

use super::format::fixed;
use super::meter::Meter;
use super::metric::Output;
use super::use_words;
use crate::model::Outputs;
use yew::prelude::*;

/// What the reader is watching after a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// No leak in the scenario shown.
    Private,
    /// Before the first post of the scenario (the lab, scrubbed back).
    Before,
    /// The post has just moved the dispute into public; the shock eases.
    Shock,
    /// The quiet channels erode.
    Erosion,
}

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
}

/// The meters shown with every message: the two effects the explainer is
/// about first, then the mechanism between them. Every bar is a share on the
/// same 0–100 % scale; leak risk, a small quantity, is told as a change.
pub const METERS: [Output; 3] = [Output::Trust, Output::Compromise, Output::Candor];

/// The effects panel.
#[component]
pub fn EffectsPanel(props: &EffectsProps) -> Html {
    let words = use_words();
    let (o, b) = (&props.outputs, &props.baseline);
    let leaked = !matches!(props.phase, Phase::Private);
    let note = match props.phase {
        Phase::Private => words.get("effects.kept_private"),
        Phase::Before => "",
        Phase::Shock => words.get("effects.shock"),
        Phase::Erosion => words.get("effects.erosion"),
    };
    let ratio = if b.leak_risk > 0.0 {
        o.leak_risk / b.leak_risk
    } else {
        1.0
    };
    let leak_risk = if leaked {
        words.fill(
            "effects.leak_risk",
            &[
                ("value", &words.percent(o.leak_risk, 0)),
                ("ratio", &words.number(&fixed(ratio, 1))),
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
    let insight = matches!(props.phase, Phase::Shock | Phase::Erosion).then(|| {
        let withheld = if b.candor > 0.0 {
            (1.0 - o.candor / b.candor).max(0.0)
        } else {
            0.0
        };
        words.fill(
            if props.costly {
                "effects.insight"
            } else {
                "effects.insight_small"
            },
            &[
                ("trust0", &words.percent(b.trust, 0)),
                ("trust", &words.percent(o.trust, 0)),
                ("withheld", &words.percent(withheld, 0)),
                ("candor0", &words.percent(b.candor, 0)),
                ("candor", &words.percent(o.candor, 0)),
                ("compromise0", &words.percent(b.compromise, 0)),
                ("compromise", &words.percent(o.compromise, 0)),
            ],
        )
    });
    html! {
        <section class={classes!("bc-effects", leaked.then_some("is-public"))}
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
