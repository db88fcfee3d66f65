//! Dates as the app writes them: "2026-03-03" where they are stored or passed
//! on, "Tuesday 3 March 2026" where a person reads them, and dates typed as
//! day, month and year boxes. Written by hand: chrono's own formatting and
//! parsing would add about 12 KB to the app.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The days of the week, Monday first.
pub const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as GOV.UK writes it: "Tuesday 3 March 2026".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {}",
        DAYS[date.weekday().num_days_from_monday() as usize],
        short_date(date)
    )
}

/// A date without the weekday: "3 March 1961".
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "2026-03-03".
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads [`iso`]'s form back; `None` for anything else or a date that does not exist.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    // The form the app writes, read digit by digit: a year's report reads
    // tens of thousands of dates, and splitting each costs four times as much.
    if let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = text.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let number = |ds: &[u8]| ds.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            let year = i32::try_from(number(&digits[..4])).ok()?;
            return NaiveDate::from_ymd_opt(year, number(&digits[4..6]), number(&digits[6..]));
        }
    }
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// For `#[serde(with = "crate::domain::dates::iso_form")]` on a `NaiveDate`.
pub mod iso_form {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&iso(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_iso(&text).ok_or_else(|| serde::de::Error::custom("not a date like 2026-03-03"))
    }
}

/// A date as typed into day, month and year boxes, kept exactly as typed so
/// that a mistake never clears what the person wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TypedDate {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// What is wrong with a [`TypedDate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedDateProblem {
    Missing,
    YearNotFourNumbers,
    NotReal,
}

impl TypedDate {
    pub fn from_date(date: NaiveDate) -> Self {
        TypedDate {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    /// Whether all three boxes are empty.
    pub fn is_empty(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|part| part.trim().is_empty())
    }

    /// The date, or what is wrong with it.
    pub fn date(&self) -> Result<NaiveDate, TypedDateProblem> {
        if self.is_empty() {
            return Err(TypedDateProblem::Missing);
        }
        let year = self.year.trim();
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TypedDateProblem::YearNotFourNumbers);
        }
        let number = |part: &str| part.trim().parse::<u32>().ok();
        match (number(&self.day), number(&self.month), year.parse::<i32>()) {
            (Some(day), Some(month), Ok(year)) => {
                NaiveDate::from_ymd_opt(year, month, day).ok_or(TypedDateProblem::NotReal)
            }
            _ => Err(TypedDateProblem::NotReal),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_go_out_and_come_back_the_same() {
        assert_eq!(iso(date(2026, 3, 3)), "2026-03-03");
        assert_eq!(parse_iso("2026-03-03"), Some(date(2026, 3, 3)));
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(parse_iso("2026-13-01"), None);
        assert_eq!(parse_iso("2026-00-10"), None);
        assert_eq!(parse_iso("2026-3-3"), Some(date(2026, 3, 3)));
        assert_eq!(parse_iso("2026-03-0x"), None);
        assert_eq!(parse_iso("2026-03"), None);
        assert_eq!(parse_iso("3 March 2026"), None);
    }

    #[test]
    fn a_person_reads_dates_the_gov_uk_way() {
        assert_eq!(long_date(date(2026, 3, 3)), "Tuesday 3 March 2026");
        assert_eq!(short_date(date(1961, 3, 3)), "3 March 1961");
    }

    #[test]
    fn a_typed_date_says_what_is_wrong_with_it() {
        let typed = |d: &str, m: &str, y: &str| TypedDate {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        };
        assert_eq!(typed(" 3", "3 ", "2026").date(), Ok(date(2026, 3, 3)));
        assert_eq!(typed("", "", " ").date(), Err(TypedDateProblem::Missing));
        assert_eq!(
            typed("3", "3", "26").date(),
            Err(TypedDateProblem::YearNotFourNumbers)
        );
        assert_eq!(
            typed("30", "2", "2026").date(),
            Err(TypedDateProblem::NotReal)
        );
        assert_eq!(
            typed("3", "", "2026").date(),
            Err(TypedDateProblem::NotReal)
        );
        assert_eq!(
            TypedDate::from_date(date(2026, 3, 3)),
            typed("3", "3", "2026")
        );
    }
}
