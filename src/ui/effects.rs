//! The predicted effects as the model plays them: the date, three meters
//! against their no-leak baselines, play/pause, and the "model" label.

use super::meter::Meter;
use super::use_words;
use crate::model::Outputs;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EffectsProps {
    /// Whether the message is public (the leak is playing) or private (baseline).
    pub public: bool,
    /// Whether playback runs.
    pub playing: bool,
    /// The date of the current model day, as the locale writes it.
    pub date: AttrValue,
    /// Days since the post.
    pub days_after: u32,
    /// Whether playback has reached its end.
    pub finished: bool,
    /// The model's outputs on the current day.
    pub outputs: Outputs,
    /// The no-leak outputs on the same day.
    pub baseline: Outputs,
    /// Start or stop playback.
    pub on_play: Callback<bool>,
}

/// The effects panel.
#[component]
pub fn EffectsPanel(props: &EffectsProps) -> Html {
    let words = use_words();
    let o = &props.outputs;
    let b = &props.baseline;
    let when = if props.public {
        words.fill(
            "effects.after_leak",
            &[("days", &props.days_after.to_string())],
        )
    } else {
        words.get("effects.kept_private").to_string()
    };
    let control = props.public.then(|| {
        let playing = props.playing;
        let onclick = {
            let on_play = props.on_play.clone();
            Callback::from(move |_: MouseEvent| on_play.emit(!playing))
        };
        let label = match (playing, props.finished) {
            (true, _) => "effects.pause",
            (false, true) => "effects.replay",
            (false, false) => "effects.play",
        };
        html! {
            <button type="button" class="bc-button" {onclick}>{ words.get(label) }</button>
        }
    });
    html! {
        <section class={classes!("bc-effects", props.public.then_some("is-public"))}
            aria-label={words.get("effects.title").to_string()}>
            <header class="bc-effects-head">
                <h3 class="bc-effects-title">{ words.get("effects.title") }</h3>
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
            </header>
            <p class="bc-when">
                <span class="bc-date">{ props.date.clone() }</span>
                <span class="bc-when-note">{ when }</span>
            </p>
            <Meter key_name="meter.compromise" value={o.compromise} baseline={b.compromise} scale={1.0} decimals={0} />
            <Meter key_name="meter.candor" value={o.candor} baseline={b.candor} scale={1.0} decimals={0} />
            <Meter key_name="meter.leak_risk" value={o.leak_risk} baseline={b.leak_risk} scale={0.2} decimals={1} />
            <div class="bc-controls">{ control }</div>
            <p class="bc-model-note">{ words.get("effects.model_note") }</p>
        </section>
    }
}
