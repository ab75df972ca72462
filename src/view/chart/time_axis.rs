//! The dated time axis: ticks on the first of a month at a step that leaves
//! few ticks whose labels do not touch on the narrowest chart, each naming
//! its month and, where the year changes, the year ("Jul 2025", "Oct",
//! "Jan 2026").

use super::labels::{apart, text_width, LabelBox};
use super::scale::{frac, x_share};
use crate::dates::Date;
use crate::words::Words;

/// Most date ticks on the axis.
pub const MAX_X_TICKS: usize = 5;

/// The first day of every month between day 0 and `last`, with its date.
pub fn firsts_of_months(day0: Date, last: u32) -> Vec<(u32, Date)> {
    (0..=last)
        .map(|d| (d, day0.plus_days(i64::from(d))))
        .filter(|(_, date)| date.day == 1)
        .collect()
}

/// The months ticked at a step of `step` months: January and every
/// `step`th month counted from it (every `step / 12`th year from year 0).
pub fn every(firsts: &[(u32, Date)], step: u32) -> Vec<(u32, Date)> {
    firsts
        .iter()
        .copied()
        .filter(|(_, date)| (date.year * 12 + date.month as i32 - 1).rem_euclid(step as i32) == 0)
        .collect()
}

/// Labels for ticks on these dates: the month, with the year on the first
/// tick and on the first tick of each new year; only years once ticks are a
/// year or more apart.
pub fn tick_labels(dates: &[Date], step: u32, words: &Words) -> Vec<String> {
    let mut year = None;
    dates
        .iter()
        .map(|date| {
            let new_year = year != Some(date.year);
            year = Some(date.year);
            if step >= 12 {
                return date.year.to_string();
            }
            let month = words.get(&format!("month.{}", date.month)).to_string();
            if new_year {
                words.fill(
                    "date.month_year",
                    &[("month", &month), ("year", &date.year.to_string())],
                )
            } else {
                month
            }
        })
        .collect()
}

/// Dated ticks with their labels: the first step that leaves at most
/// `MAX_X_TICKS` ticks whose labels do not touch on the narrowest chart.
pub fn x_ticks(firsts: &[(u32, Date)], last: u32, words: &Words) -> Vec<(u32, String)> {
    let mut fallback = Vec::new();
    for step in [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200] {
        let picked = every(firsts, step);
        let dates: Vec<Date> = picked.iter().map(|(_, d)| *d).collect();
        let ticks: Vec<(u32, String)> = picked
            .iter()
            .map(|(d, _)| *d)
            .zip(tick_labels(&dates, step, words))
            .collect();
        if ticks.len() <= MAX_X_TICKS && apart(&boxes(&ticks, last)) {
            return ticks;
        }
        fallback = ticks;
    }
    fallback
}

/// The ticks' label boxes on the narrowest chart.
pub fn boxes(ticks: &[(u32, String)], last: u32) -> Vec<LabelBox> {
    ticks
        .iter()
        .map(|(d, l)| LabelBox::new(x_share(frac(*d, last)), text_width(l), 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY0: Date = Date {
        year: 2025,
        month: 6,
        day: 24,
    };

    #[test]
    fn month_ticks_fall_on_firsts_of_months_at_a_step() {
        let firsts = firsts_of_months(DAY0, 390);
        assert_eq!(firsts.len(), 13);
        assert_eq!(firsts[0].0, 7); // 1 July 2025
        assert!(firsts.iter().all(|t| t.1.day == 1));
        let quarters = every(&firsts, 3);
        let months: Vec<(i32, u32)> = quarters.iter().map(|t| (t.1.year, t.1.month)).collect();
        assert_eq!(
            months,
            vec![(2025, 7), (2025, 10), (2026, 1), (2026, 4), (2026, 7)]
        );
        assert_eq!(quarters[2].0, 191); // 1 January 2026
        assert_eq!(
            every(&firsts, 6)
                .iter()
                .map(|t| t.1.month)
                .collect::<Vec<_>>(),
            vec![7, 1, 7]
        );
    }

    #[test]
    fn the_year_shows_on_the_first_tick_and_where_it_changes() {
        let w = Words::english();
        let d = |year, month| Date {
            year,
            month,
            day: 1,
        };
        assert_eq!(
            tick_labels(&[d(2025, 7), d(2025, 10), d(2026, 1), d(2026, 4)], 3, &w),
            ["Jul 2025", "Oct", "Jan 2026", "Apr"]
        );
        // A new year need not start in January: the first tick in it says so.
        assert_eq!(
            tick_labels(&[d(2025, 4), d(2025, 10), d(2026, 4), d(2026, 10)], 6, &w),
            ["Apr 2025", "Oct", "Apr 2026", "Oct"]
        );
        assert_eq!(
            tick_labels(&[d(2026, 1), d(2027, 1)], 12, &w),
            ["2026", "2027"]
        );
    }

    #[test]
    fn x_ticks_are_few_and_their_labels_never_touch() {
        let w = Words::english();
        // 390 days: quarterly "Jul 2025" and "Oct" would touch at 256 px, so
        // every sixth month.
        let ticks = x_ticks(&firsts_of_months(DAY0, 390), 390, &w);
        let labels: Vec<&str> = ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(labels, ["Jul 2025", "Jan 2026", "Jul"]);
        assert_eq!(ticks[1].0, 191);
        // A short run (to 2 September) gets every month.
        let short = x_ticks(&firsts_of_months(DAY0, 70), 70, &w);
        assert_eq!(
            short.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(),
            ["Jul 2025", "Aug", "Sep"]
        );
        let long = x_ticks(&firsts_of_months(DAY0, 2000), 2000, &w);
        assert_eq!(long[0].1, "2026");
        // Whatever the length, at most five ticks, none touching, none
        // sticking out of the chart.
        for last in [30, 100, 200, 390, 420, 730, 2000, 36_500] {
            let ticks = x_ticks(&firsts_of_months(DAY0, last), last, &w);
            let b = boxes(&ticks, last);
            assert!(ticks.len() <= MAX_X_TICKS, "{last}: {ticks:?}");
            assert!(apart(&b), "{last}: {ticks:?}");
            assert!(b.iter().all(|b| b.overflow() == 0.0), "{last}: {ticks:?}");
        }
    }
}
