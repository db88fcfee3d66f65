//! What volunteers type into the clinic's forms, checked into clinic records
//! with GOV.UK-style messages. A form keeps the text as typed, so nothing is
//! lost when a message asks for a change.
//!
//! What is where: this file holds the checks every form shares (times,
//! dates, required text, contact details); each form is in a file of its own:
//! `person` (a person's details), `sessions` (weekly and one-off sessions,
//! closed dates), `volunteer`, `log` (a log line, a concern and clearing it),
//! `settings` (the appointment settings) and `booking` (a time chosen by hand).

mod booking;
mod log;
mod person;
mod sessions;
mod settings;
mod volunteer;

pub use booking::{session_choice, ChosenTime};
pub use log::{clearing_note, ConcernForm, LogForm};
pub use person::PersonForm;
pub use sessions::{weekly_words, ClosedDateForm, ExtraSessionForm, WeeklySessionForm};
pub use settings::SettingsForm;
pub use volunteer::VolunteerForm;

use super::check::PREFERRED_MINUTES;
use super::time::{ClockTime, TimeRange};
use crate::domain::dates::{TypedDate, TypedDateProblem};
use crate::domain::form::{too_long, FieldError};
use crate::domain::referral::validate::{is_email, is_uk_phone};
use chrono::NaiveDate;

/// The longest name, room or reason a form takes.
const SHORT_TEXT: usize = 100;
/// The longest note a form takes.
const NOTE: usize = 1000;

/// A time as typed, or the error for `field`; `name` as in "Enter a start time".
fn time(field: &str, name: &str, typed: &str) -> Result<ClockTime, FieldError> {
    if typed.trim().is_empty() {
        return Err(FieldError::new(field, format!("Enter {name}, like 9:30am")));
    }
    ClockTime::parse(typed).ok_or_else(|| {
        FieldError::new(
            field,
            format!("Enter {name} in the right format, like 9:30am or 14:00"),
        )
    })
}

/// A start and end as typed: both real times, the end after the start.
fn times(prefix: &str, start: &str, end: &str) -> Result<TimeRange, Vec<FieldError>> {
    let start = time(&format!("{prefix}start"), "a start time", start);
    let end = time(&format!("{prefix}end"), "an end time", end);
    match (start, end) {
        (Ok(start), Ok(end)) if end.minutes() <= start.minutes() => Err(vec![FieldError::new(
            format!("{prefix}end"),
            "End time must be after the start time",
        )]),
        (Ok(start), Ok(end)) => Ok(TimeRange::new(start, end)),
        (start, end) => Err([start.err(), end.err()].into_iter().flatten().collect()),
    }
}

/// Text a person must give, trimmed, or the error for `field`.
fn required(field: &str, typed: &str, missing: &str, name: &str) -> Result<String, FieldError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, missing));
    }
    if let Some(error) = too_long(field, name, text, SHORT_TEXT) {
        return Err(error);
    }
    Ok(text.to_string())
}

/// A date as typed, the error naming it as `name` ("Date of the session").
fn date(field: &str, name: &str, typed: &TypedDate) -> Result<NaiveDate, FieldError> {
    typed.date().map_err(|problem| {
        let message = match problem {
            TypedDateProblem::Missing => format!("Enter the {}", name.to_lowercase()),
            TypedDateProblem::YearNotFourNumbers => "Year must include 4 numbers".to_string(),
            TypedDateProblem::NotReal => format!("{name} must be a real date"),
        };
        FieldError::new(field, message)
    })
}

/// The problems with an optional phone number and email address, as typed.
fn contact_errors(phone: &str, email: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !phone.trim().is_empty() && !is_uk_phone(phone) {
        errors.push(FieldError::new(
            "phone",
            "Enter a UK phone number, like 07700 900 982",
        ));
    }
    if !email.trim().is_empty() && !is_email(email) {
        errors.push(FieldError::new(
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ));
    }
    errors
}

/// Which side of today a date must be on.
#[derive(Clone, Copy, PartialEq)]
enum When {
    TodayOrLater,
    TodayOrEarlier,
}

/// A date as typed that must be on `when`'s side of `today`.
fn date_from_today(
    field: &str,
    name: &str,
    typed: &TypedDate,
    today: NaiveDate,
    when: When,
) -> Result<NaiveDate, FieldError> {
    let on = date(field, name, typed)?;
    match when {
        When::TodayOrLater if on < today => Err(FieldError::new(
            field,
            format!("{name} must be today or in the future"),
        )),
        When::TodayOrEarlier if on > today => Err(FieldError::new(
            field,
            format!("{name} must be today or in the past"),
        )),
        _ => Ok(on),
    }
}

/// The value of one check, its error added to `errors`.
fn keep<T>(result: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// The value of a check with several errors, its errors added to `errors`.
fn keep_all<T>(result: Result<T, Vec<FieldError>>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.extend(e)).ok()
}

/// `value` when nothing was wrong, otherwise every error found.
fn finish<T>(value: Option<T>, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

/// A whole number as typed, between `low` and `high`, or the error for `field`.
pub(crate) fn number(
    field: &str,
    typed: &str,
    what: &str,
    low: u32,
    high: u32,
) -> Result<u32, FieldError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, format!("Enter {what}")));
    }
    match text.parse::<u32>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n),
        Ok(_) => Err(FieldError::new(
            field,
            format!("{} must be between {low} and {high}", capitalised(what)),
        )),
        Err(_) => Err(FieldError::new(
            field,
            format!("{} must be a number, like {low}", capitalised(what)),
        )),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
