//! The predicted effects as the model plays them: the date and how long after
//! the post it is, the meters led by trust and the room for compromise against
//! their no-leak baselines, what phase of the effect the reader is watching,
//! the model's central insight once there is something to read it against,
//! and the "model, not forecast" label.

use super::meter::Meter;
use super::use_words;
use crate::model::Outputs;
use crate::view::metric::Output;
use crate::view::Phase;
use crate::words::Words;
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

/// The model's central point after a post, in up to three sentences: what
/// allies now believe (trust and leak risk against the baseline); where the
/// story names the expert this agrees with, whether it still does (leak
/// risk above even odds is what "unlikely to remain confidential" means);
/// and what allies do about it. On the day of the post candor has not moved
/// yet, and the words say so instead of "hold back 0 %". A text with
/// nothing costly in it gets one hedged sentence that holds on every day,
/// its first included.
pub fn insight(words: &Words, o: &Outputs, b: &Outputs, costly: bool) -> String {
    let pct = |x: f64| words.percent(x, 0);
    let (trust0, trust) = (pct(b.trust), pct(o.trust));
    // A run is costly if any of its posts is; the post the reader is
    // watching may not be (a harmless text months before the costly one).
    // Trust that reads the same as with no leak has learnt little: the
    // words say so rather than "Trust 95 % → 95 %" and what a costly post shows.
    let costly = costly && trust != trust0;
    let values = [
        ("trust0", trust0),
        ("trust", trust),
        ("risk0", pct(b.leak_risk)),
        ("risk", pct(o.leak_risk)),
        ("withheld", pct(withheld(o, b))),
        ("candor0", pct(b.candor)),
        ("candor", pct(o.candor)),
        ("compromise0", pct(b.compromise)),
        ("compromise", pct(o.compromise)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if !costly {
        return words.fill("effects.insight_small", &values);
    }
    let expert = if o.leak_risk > 0.5 {
        "effects.insight_expert"
    } else {
        "effects.insight_expert_below"
    };
    // Candor moves over weeks (τ_κ): until half a percent is held back the
    // share would read "0 %", so the words say it has not moved yet.
    let candor = if withheld(o, b) >= 0.005 {
        "effects.insight_candor"
    } else {
        "effects.insight_candor_pending"
    };
    [
        Some("effects.insight"),
        words.try_get(expert).map(|_| expert),
        Some(candor),
    ]
    .into_iter()
    .flatten()
    .map(|key| words.fill(key, &values))
    .collect::<Vec<_>>()
    .join(" ")
}

/// The share of the baseline's candor that allies hold back.
fn withheld(o: &Outputs, b: &Outputs) -> f64 {
    if b.candor > 0.0 {
        (1.0 - o.candor / b.candor).max(0.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, Event, Params, Senders};
    use crate::story::Story;

    /// Only Macron's text, and the baseline, on `day`.
    fn outputs(day: usize) -> (Outputs, Outputs) {
        let post = Event {
            day: 210.0,
            sender: 0,
            sensitivity: 0.6,
        };
        let run = |events: &[Event]| {
            simulate(&Params::default(), &Senders::equal(6), events, 420, 1.0).unwrap()
        };
        (*run(&[post]).at(day), *run(&[]).at(day))
    }

    fn story_words() -> Words {
        Story::builtin().unwrap().words(&Words::english(), "en")
    }

    #[test]
    fn on_the_day_of_the_post_candor_has_not_moved_and_the_words_say_so() {
        let (o, b) = outputs(210);
        let text = insight(&story_words(), &o, &b, true);
        assert!(text.starts_with("Trust 95% → 25%."), "{text}");
        assert!(text.contains("Candor has not moved yet (80%)"), "{text}");
        assert!(!text.contains("hold back 0%"), "{text}");
        // Risk above even odds: the sentence agrees with Kleine, in her words.
        assert!(text.contains("That is what Mareike Kleine warned: “anything said to him is unlikely to remain confidential”."), "{text}");
    }

    #[test]
    fn months_on_allies_hold_back_most_of_what_they_sent() {
        let (o, b) = outputs(300);
        let text = insight(&story_words(), &o, &b, true);
        assert!(
            text.contains("They hold back 93% of the sensitive content"),
            "{text}"
        );
        assert!(text.contains("(candor 80% → 6%)"), "{text}");
    }

    #[test]
    fn below_even_odds_the_words_do_not_claim_the_expert_s_warning() {
        let (mut o, b) = outputs(300);
        o.leak_risk = 0.3;
        o.trust = 0.7;
        let text = insight(&story_words(), &o, &b, true);
        assert!(!text.contains("That is what"), "{text}");
        assert!(
            text.contains("below even odds, short of what Mareike Kleine warned"),
            "{text}"
        );
        // Without a story that names an expert, no expert is named.
        let plain = insight(&Words::english(), &o, &b, true);
        assert!(!plain.contains("Kleine"), "{plain}");
    }

    #[test]
    fn a_harmless_post_before_a_costly_one_reads_as_harmless() {
        // A run with a costly post later on, watched after an earlier
        // harmless one: trust still reads as with no leak.
        let (_, b) = outputs(100);
        let mut o = b;
        o.compromise = 0.62;
        let text = insight(&story_words(), &o, &b, true);
        assert!(
            text.starts_with("A text with nothing costly in it"),
            "{text}"
        );
        assert!(!text.contains("Trust 95% → 95%"), "{text}");
        assert!(
            text.contains("candor dips a little at most (80% → 80%)"),
            "{text}"
        );
    }

    #[test]
    fn a_harmless_text_reads_as_one() {
        let (o, b) = outputs(300);
        let text = insight(&Words::english(), &o, &b, false);
        assert!(
            text.starts_with("A text with nothing costly in it"),
            "{text}"
        );
    }
}
