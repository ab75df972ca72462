//! Calendar dates: model days as dates (day 0 is the story's first day), and
//! dates as story packs write them (`"2026-01-20"`). The arithmetic is the
//! proleptic Gregorian calendar.

use crate::words::Words;
use serde::de::{Deserialize, Deserializer, Error};

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
    /// Reads `YYYY-MM-DD`, refusing dates the calendar does not have
    /// (`2026-02-30`).
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("\"{text}\" is not a date written YYYY-MM-DD");
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(bad());
        }
        let number = |s: &str| s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
        let date = Date {
            year: number(y) as i32,
            month: number(m),
            day: number(d),
        };
        // A real date survives the round trip through a day count.
        if !(1..=12).contains(&date.month)
            || date.day == 0
            || Date::from_days(date.to_days()) != date
        {
            return Err(format!("{text} is not a day of the calendar"));
        }
        Ok(date)
    }

    /// Whole days from this date to `later` (negative when it is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.to_days() - self.to_days()
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

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let text = String::deserialize(de)?;
        Date::parse(&text).map_err(D::Error::custom)
    }
}

impl std::fmt::Display for Date {
    /// `YYYY-MM-DD`, as packs write dates.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
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
    fn dates_are_read_and_written_as_packs_write_them() {
        let d = Date::parse("2026-01-20").unwrap();
        assert_eq!(DAY0.days_until(d), 210);
        assert_eq!(d.to_string(), "2026-01-20");
        assert_eq!(Date::parse("2028-02-29").unwrap().day, 29);
        for bad in [
            "2026-02-30",
            "2027-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-20",
            "20 Jan 2026",
            "2026-01-20-1",
            "",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
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
