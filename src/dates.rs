//! Model days as calendar dates. Day 0 is the story's first day (24 June 2025
//! for the Greenland story); the arithmetic is the proleptic Gregorian calendar.

use crate::json::{FieldError, Json};
use crate::words::Words;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl Date {
    /// Reads `{ "year", "month", "day" }`, checking the ranges.
    pub fn read(json: &Json, path: &str) -> Result<Date, FieldError> {
        let f = json.object(path, &["year", "month", "day"])?;
        let date = Date {
            year: f.whole("year")? as i32,
            month: f.whole("month")?,
            day: f.whole("day")?,
        };
        if !(1..=12).contains(&date.month) || !(1..=31).contains(&date.day) {
            return Err(FieldError::new(path, "not a calendar date"));
        }
        Ok(date)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (civil_from_days).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `offset` days after this one.
    pub fn plus_days(self, offset: i64) -> Date {
        Date::from_days(self.to_days() + offset)
    }

    /// The date as the locale writes it (e.g. "20 Jan 2026").
    pub fn label(self, words: &Words) -> String {
        let month = words.get(&format!("month.{}", self.month)).to_string();
        words.fill(
            "date.format",
            &[
                ("day", &self.day.to_string()),
                ("month", &month),
                ("year", &self.year.to_string()),
            ],
        )
    }
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
    fn day_210_is_20_january_2026() {
        assert_eq!(
            DAY0.plus_days(210),
            Date {
                year: 2026,
                month: 1,
                day: 20
            }
        );
        assert_eq!(DAY0.plus_days(210).label(&Words::english()), "20 Jan 2026");
    }

    #[test]
    fn round_trips_across_leap_years() {
        for offset in -1000..3000 {
            let d = DAY0.plus_days(offset);
            assert_eq!(d.plus_days(-offset), DAY0);
            assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day));
        }
        let leap = Date {
            year: 2028,
            month: 2,
            day: 28,
        };
        assert_eq!(leap.plus_days(1).day, 29);
    }
}
