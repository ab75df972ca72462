//! How long after a post a model day is, in the precision the model can
//! support: days for the first weeks, then whole months ("about 5 months
//! after the post"), never a calendar date that would read as a forecast.

use crate::words::Words;

/// Days after which the explainer speaks in months.
const MONTHS_FROM: i64 = 60;
/// Average days in a month.
const MONTH_DAYS: f64 = 30.44;

/// "the day of the post", "12 days after the post", "about 5 months after the post".
pub fn after_post(words: &Words, days: i64) -> String {
    match days {
        ..=-1 => words.get("effects.before_post").to_string(),
        0 => words.get("effects.post_day").to_string(),
        1 => words.get("effects.after_one_day").to_string(),
        d if d < MONTHS_FROM => words.fill("effects.after_days", &[("days", &d.to_string())]),
        d => {
            let months = (d as f64 / MONTH_DAYS).round() as i64;
            words.fill("effects.after_months", &[("months", &months.to_string())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_then_whole_months() {
        let w = Words::english();
        assert_eq!(after_post(&w, 0), "the day of the post");
        assert_eq!(after_post(&w, 1), "1 day after the post");
        assert_eq!(after_post(&w, 12), "12 days after the post");
        assert_eq!(after_post(&w, 59), "59 days after the post");
        assert_eq!(after_post(&w, 60), "about 2 months after the post");
        assert_eq!(after_post(&w, 150), "about 5 months after the post");
        assert_eq!(after_post(&w, -3), "before the post");
    }
}
