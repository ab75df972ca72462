//! The model's central point after a post, as words: what the effects panel
//! says beneath its meters (and the sentence tests read next to the quotes).

use crate::model::Outputs;
use crate::words::Words;

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
    let sentences: Vec<String> = [
        Some("effects.insight"),
        words.try_get(expert).map(|_| expert),
        Some(candor),
    ]
    .into_iter()
    .flatten()
    .map(|key| words.fill(key, &values))
    .collect();
    crate::text::join(&sentences, " ")
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
