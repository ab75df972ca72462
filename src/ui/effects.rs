//! The predicted effects as the model plays them: the date, three meters
//! against their no-leak baselines, and the "model, not forecast" label.

use super::meter::Meter;
use super::metric::Metric;
use super::use_words;
use crate::model::Outputs;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EffectsProps {
    /// Whether any leak is in the scenario shown.
    pub leaked: bool,
    /// The date of the current model day, as the locale writes it.
    pub date: AttrValue,
    /// Days since the message in view was posted (negative: before).
    pub days_after: i64,
    /// The model's outputs on the current day.
    pub outputs: Outputs,
    /// The no-leak outputs on the same day.
    pub baseline: Outputs,
}

/// The meters shown with every message.
pub const METERS: [Metric; 3] = [Metric::Compromise, Metric::Candor, Metric::LeakRisk];

/// The effects panel.
#[component]
pub fn EffectsPanel(props: &EffectsProps) -> Html {
    let words = use_words();
    let when = if !props.leaked {
        words.get("effects.kept_private").to_string()
    } else if props.days_after >= 0 {
        words.fill(
            "effects.after_leak",
            &[("days", &props.days_after.to_string())],
        )
    } else {
        String::new()
    };
    html! {
        <section class={classes!("bc-effects", props.leaked.then_some("is-public"))}
            aria-label={words.get("effects.title").to_string()}>
            <header class="bc-effects-head">
                <h4 class="bc-effects-title">{ words.get("effects.title") }</h4>
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
            </header>
            <p class="bc-when">
                <span class="bc-date">{ props.date.clone() }</span>
                <span class="bc-when-note">{ when }</span>
            </p>
            { for METERS.iter().map(|m| html! {
                <Meter key_name={format!("meter.{}", m.key())} value={m.value(&props.outputs)}
                    baseline={m.value(&props.baseline)} scale={m.scale()} decimals={m.decimals()} />
            }) }
            <p class="bc-model-note">{ words.get("effects.model_note") }</p>
        </section>
    }
}
