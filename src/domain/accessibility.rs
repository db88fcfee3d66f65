//! The accessibility statement's dates (`/accessibility`): when it was
//! prepared, and when it was last checked against the app as it is. Change
//! `LAST_REVIEWED` whenever the statement is checked again.
//!
//! Read without chrono: the statement's part of the app uses no other date,
//! and chrono's dates would add several KB to its first visit.

use super::dates::MONTHS;

/// When the statement was first written.
pub const PREPARED: &str = "2026-12-06";
/// When the statement was last checked against the app and its tests.
pub const LAST_REVIEWED: &str = "2026-12-06";

/// A date of the statement as year, month and day, if `iso` is a real date
/// written as "2026-12-06".
fn parts(iso: &str) -> Option<(u32, u32, u32)> {
    let mut numbers = iso.split('-').map(|part| {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    });
    let (year, month, day) = (numbers.next()??, numbers.next()??, numbers.next()??);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (numbers.next().is_none() && iso.len() == 10 && (1..=days).contains(&day))
        .then_some((year, month, day))
}

/// A date of the statement as a person reads it: "6 December 2026".
pub fn as_read(iso: &str) -> Option<String> {
    parts(iso).map(|(year, month, day)| format!("{day} {} {year}", MONTHS[month as usize - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::{parse_iso, short_date};

    #[test]
    fn the_statement_is_reviewed_on_or_after_the_day_it_was_prepared() {
        let prepared = parts(PREPARED).expect("PREPARED is a date like 2026-12-06");
        let reviewed = parts(LAST_REVIEWED).expect("LAST_REVIEWED is a date like 2026-12-06");
        assert!(
            reviewed >= prepared,
            "last reviewed {LAST_REVIEWED} is before it was prepared {PREPARED}"
        );
    }

    #[test]
    fn a_statement_date_reads_as_the_rest_of_the_app_writes_dates() {
        for iso in [
            PREPARED,
            LAST_REVIEWED,
            "2024-02-29",
            "2026-01-01",
            "2026-12-31",
        ] {
            assert_eq!(as_read(iso), parse_iso(iso).map(short_date), "{iso}");
        }
        for not_a_date in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-6-1",
            "6 December 2026",
            "2026-12-06-01",
            "",
        ] {
            assert_eq!(as_read(not_a_date), None, "{not_a_date}");
        }
    }
}
