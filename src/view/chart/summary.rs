//! What a chart says to a screen reader: the value before the first event,
//! now, the baseline now, a comparison's value now, then the events marked.

use crate::words::Words;

/// What the screen-reader summary says.
pub struct Summary<'a> {
    pub name: &'a str,
    pub before: Option<&'a str>,
    pub value: &'a str,
    pub date: &'a str,
    pub baseline: &'a str,
    /// The comparison's label and value on the same day.
    pub compare: Option<(&'a str, &'a str)>,
    pub events: &'a [String],
}

/// The screen-reader summary: the value before the first event, now, and the
/// baseline now, the comparison now, then the events.
pub fn summary(words: &Words, s: &Summary) -> String {
    let mut text = match s.before {
        Some(before) => words.fill(
            "chart.summary",
            &[
                ("name", s.name),
                ("before", before),
                ("value", s.value),
                ("date", s.date),
                ("baseline", s.baseline),
            ],
        ),
        None => words.fill(
            "chart.summary_plain",
            &[
                ("name", s.name),
                ("value", s.value),
                ("date", s.date),
                ("baseline", s.baseline),
            ],
        ),
    };
    if let Some((label, value)) = s.compare {
        text = words.fill(
            "chart.with_compare",
            &[("summary", &text), ("label", label), ("value", value)],
        );
    }
    if s.events.is_empty() {
        text
    } else {
        words.fill(
            "chart.with_events",
            &[
                ("summary", &text),
                (
                    "events",
                    &crate::text::join(s.events, words.get("chart.event_sep")),
                ),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_reads_in_order() {
        let w = Words::english();
        let events = vec!["Macron's text posted, 20 Jan 2026".to_string()];
        let s = Summary {
            name: "Room for compromise",
            before: Some("66%"),
            value: "12%",
            date: "20 Apr 2026",
            baseline: "66%",
            compare: None,
            events: &events,
        };
        assert_eq!(
            summary(&w, &s),
            "Room for compromise: 66% before, 12% on 20 Apr 2026 (baseline 66%). \
             Marked: Macron's text posted, 20 Jan 2026"
        );
        let plain = Summary {
            name: "Candor",
            before: None,
            value: "80%",
            date: "24 Jun 2025",
            baseline: "80%",
            compare: None,
            events: &[],
        };
        assert_eq!(
            summary(&w, &plain),
            "Candor: 80% on 24 Jun 2025 (baseline 80%)"
        );
        let name = w.fill(
            "chart.name_run",
            &[("name", "Trust"), ("run", "Macron's text alone")],
        );
        let compared = Summary {
            name: &name,
            compare: Some(("Rutte's text alone", "93%")),
            ..plain
        };
        assert_eq!(
            summary(&w, &compared),
            "Trust, Macron's text alone: 80% on 24 Jun 2025 (baseline 80%); \
             Rutte's text alone: 93%"
        );
    }
}
