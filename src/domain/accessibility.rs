//! The accessibility statement's dates (`/accessibility`): when it was
//! prepared, and when it was last checked against the app as it is. Change
//! `LAST_REVIEWED` whenever the statement is checked again.

use super::dates::parse_iso;
use chrono::NaiveDate;

/// When the statement was first written.
pub const PREPARED: &str = "2026-12-06";
/// When the statement was last checked against the app and its tests.
pub const LAST_REVIEWED: &str = "2026-12-06";

/// The date the statement was prepared.
pub fn prepared() -> Option<NaiveDate> {
    parse_iso(PREPARED)
}

/// The date the statement was last reviewed.
pub fn last_reviewed() -> Option<NaiveDate> {
    parse_iso(LAST_REVIEWED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_is_reviewed_on_or_after_the_day_it_was_prepared() {
        let prepared = prepared().expect("PREPARED is a date like 2026-12-06");
        let reviewed = last_reviewed().expect("LAST_REVIEWED is a date like 2026-12-06");
        assert!(
            reviewed >= prepared,
            "last reviewed {reviewed} is before it was prepared {prepared}"
        );
    }
}
