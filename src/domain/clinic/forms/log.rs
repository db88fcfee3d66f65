//! A line of a person's log, a safeguarding concern, and the note that
//! clears a concern, as typed.

use super::{date_from_today, finish, keep, When, NOTE};
use crate::domain::clinic::people::EscalatedTo;
use crate::domain::dates::TypedDate;
use crate::domain::form::{too_long, FieldError};
use chrono::NaiveDate;

/// A line for a person's log, as typed: what happened, and when to follow up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogForm {
    pub note: String,
    pub follow_up: TypedDate,
}

impl LogForm {
    /// The note and the follow-up date, if one was given.
    pub fn check(&self, today: NaiveDate) -> Result<(String, Option<NaiveDate>), Vec<FieldError>> {
        let mut errors = Vec::new();
        let note = self.note.trim();
        if note.is_empty() {
            errors.push(FieldError::new(
                "log-note",
                "Enter what happened, like called, left message",
            ));
        }
        errors.extend(too_long("log-note", "What happened", note, NOTE));
        let follow_up = if self.follow_up.is_empty() {
            None
        } else {
            keep(
                date_from_today(
                    "follow-up-day",
                    "Follow-up date",
                    &self.follow_up,
                    today,
                    When::TodayOrLater,
                ),
                &mut errors,
            )
        };
        finish(Some((note.to_string(), follow_up)), errors)
    }
}

/// A safeguarding concern as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConcernForm {
    pub escalated_to: Option<EscalatedTo>,
    pub note: String,
}

impl ConcernForm {
    pub fn check(&self) -> Result<(EscalatedTo, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.escalated_to.is_none() {
            errors.push(FieldError::new(
                "escalated-to",
                "Select who the concern was escalated to, or ‘Not yet’",
            ));
        }
        let note = self.note.trim();
        if note.is_empty() {
            errors.push(FieldError::new("concern-note", "Enter what the concern is"));
        }
        errors.extend(too_long("concern-note", "The concern", note, NOTE));
        finish(self.escalated_to.map(|to| (to, note.to_string())), errors)
    }
}

/// The note needed to clear a concern.
pub fn clearing_note(typed: &str) -> Result<String, Vec<FieldError>> {
    let note = typed.trim();
    if note.is_empty() {
        return Err(vec![FieldError::new(
            "clear-note",
            "Enter why the concern can be cleared",
        )]);
    }
    if let Some(error) = too_long("clear-note", "Why it can be cleared", note, NOTE) {
        return Err(vec![error]);
    }
    Ok(note.to_string())
}
