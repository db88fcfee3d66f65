//! A gentle reminder to back up: when the clinic's records on this device
//! were last downloaded in a backup, and after how many days to say so.

use crate::domain::clinic::forms::number;
use crate::domain::dates::{iso, long_date, parse_iso};
use crate::domain::form::FieldError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days before the reminder shows, until the practice chooses its own.
pub const REMIND_AFTER_DAYS: u32 = 7;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupHabit {
    /// The day of the last backup from this device, as "2026-03-02", or empty.
    pub last_backup: String,
    pub remind_after_days: u32,
}

impl Default for BackupHabit {
    fn default() -> Self {
        BackupHabit {
            last_backup: String::new(),
            remind_after_days: REMIND_AFTER_DAYS,
        }
    }
}

impl BackupHabit {
    pub fn backed_up(&mut self, today: NaiveDate) {
        self.last_backup = iso(today);
    }

    /// The reminder to show today, if one is due: never when there is
    /// nothing to back up.
    pub fn reminder(&self, today: NaiveDate, has_records: bool) -> Option<String> {
        if !has_records {
            return None;
        }
        let Some(last) = parse_iso(&self.last_backup) else {
            return Some(
                "The clinic’s records on this device have never been backed up.".to_string(),
            );
        };
        let days = (today - last).num_days();
        (days > i64::from(self.remind_after_days)).then(|| {
            format!(
                "The clinic’s records on this device were last backed up {days} days ago, on {}.",
                long_date(last)
            )
        })
    }

    /// When the last backup was, for the backup page.
    pub fn last_words(&self) -> String {
        match parse_iso(&self.last_backup) {
            Some(day) => format!(
                "The last backup from this device was on {}.",
                long_date(day)
            ),
            None => "No backup has been made from this device yet.".to_string(),
        }
    }
}

/// The number of days as typed on the backup page.
pub fn check_remind_after(typed: &str) -> Result<u32, FieldError> {
    number("remind-after", typed, "the number of days", 1, 90)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn a_clinic_never_backed_up_is_reminded_but_an_empty_one_is_not() {
        let mut clinic = crate::domain::clinic::Clinic::default();
        assert!(!clinic.has_records());
        clinic.people.push(Default::default());
        assert!(clinic.has_records());
        let habit = BackupHabit::default();
        assert_eq!(
            habit.reminder(day(2), true).as_deref(),
            Some("The clinic’s records on this device have never been backed up.")
        );
        assert_eq!(habit.reminder(day(2), false), None);
        assert_eq!(
            habit.last_words(),
            "No backup has been made from this device yet."
        );
    }

    #[test]
    fn the_reminder_shows_only_once_the_last_backup_is_older_than_the_setting() {
        let mut habit = BackupHabit::default();
        habit.backed_up(day(2));
        assert_eq!(habit.reminder(day(9), true), None);
        assert_eq!(
            habit.reminder(day(10), true).as_deref(),
            Some("The clinic’s records on this device were last backed up 8 days ago, on Monday 2 March 2026.")
        );
        habit.remind_after_days = 14;
        assert_eq!(habit.reminder(day(10), true), None);
        assert_eq!(
            habit.last_words(),
            "The last backup from this device was on Monday 2 March 2026."
        );
    }

    #[test]
    fn the_number_of_days_is_checked_with_a_message_a_person_can_act_on() {
        assert_eq!(check_remind_after(" 10 "), Ok(10));
        assert_eq!(
            check_remind_after("").unwrap_err().message,
            "Enter the number of days"
        );
        assert_eq!(
            check_remind_after("0").unwrap_err().message,
            "The number of days must be between 1 and 90"
        );
        assert_eq!(
            check_remind_after("a week").unwrap_err().message,
            "The number of days must be a number, like 1"
        );
    }
}
