//! One predicted effect as a meter: its value now, its no-leak baseline, and
//! an accessible name and value text for screen readers.

use super::use_words;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct MeterProps {
    /// Locale key of the effect's name (`meter.compromise`); its hint is `<key>.hint`.
    pub key_name: AttrValue,
    /// The value now, a share from 0 to 1.
    pub value: f64,
    /// The no-leak value at the same day.
    pub baseline: f64,
}

/// A horizontal meter drawn in SVG (attributes, not inline styles, so it works
/// under a strict Content-Security-Policy).
#[component]
pub fn Meter(props: &MeterProps) -> Html {
    let words = use_words();
    let name = words.get(&props.key_name).to_string();
    let hint = words.get(&format!("{}.hint", props.key_name)).to_string();
    // Whole percents: the model supports no finer reading.
    let value = words.percent(props.value, 0);
    let baseline = words.percent(props.baseline, 0);
    let valuetext = words.fill(
        "meter.valuetext",
        &[("value", &value), ("baseline", &baseline)],
    );
    // Every meter is a share on one 0–100 % scale, so bars side by side
    // always mean the same thing.
    let to_width = |x: f64| crate::num::fixed(crate::num::clamp(x, 0.0, 1.0) * 100.0, 2);
    let fill = to_width(props.value);
    let mark = to_width(props.baseline);
    let direction = if props.value > props.baseline + 1e-4 {
        "is-up"
    } else if props.value < props.baseline - 1e-4 {
        "is-down"
    } else {
        "is-level"
    };
    html! {
        <div class={classes!("bc-meter", direction)} role="meter" aria-label={name.clone()}
            aria-valuemin="0" aria-valuemax="100"
            aria-valuenow={crate::num::fixed(crate::num::clamp(props.value, 0.0, 1.0) * 100.0, 0)} aria-valuetext={valuetext}>
            <div class="bc-meter-head" aria-hidden="true">
                <span class="bc-meter-name">{ name }</span>
                <span class="bc-meter-value">{ value }</span>
            </div>
            <svg class="bc-meter-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="bc-meter-track" x="0" y="0" width="100" height="10" />
                <rect class="bc-meter-fill" x="0" y="0" width={fill} height="10" />
                <line class="bc-meter-mark" x1={mark.clone()} x2={mark} y1="-2" y2="12" />
            </svg>
            <p class="bc-meter-hint" aria-hidden="true">
                { hint }{ " · " }{ words.fill("effects.baseline", &[("value", &baseline)]) }
            </p>
        </div>
    }
}
