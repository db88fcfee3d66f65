//! An appointment time chosen by hand: a session on a date, and a start time.

use super::{finish, keep, time};
use crate::domain::clinic::time::ClockTime;
use crate::domain::clinic::Id;
use crate::domain::dates::{self};
use crate::domain::form::FieldError;
use chrono::NaiveDate;

/// An appointment time chosen by hand: a session on a date and a start time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChosenTime {
    /// The session and date, as [`session_choice`] writes them.
    pub session: String,
    pub start: String,
}

/// A session on a date as one choice's value: "id/2026-03-03".
pub fn session_choice(session: Id, date: NaiveDate) -> String {
    format!("{session}/{}", dates::iso(date))
}

impl ChosenTime {
    /// The session and date, and the start time, or what to fix.
    pub fn check(&self) -> Result<((Id, NaiveDate), ClockTime), Vec<FieldError>> {
        let mut errors = Vec::new();
        let session = self
            .session
            .split_once('/')
            .and_then(|(id, date)| Some((id.parse::<Id>().ok()?, dates::parse_iso(date)?)));
        if session.is_none() {
            errors.push(FieldError::new("chosen-session", "Select a session"));
        }
        let start = keep(
            time("chosen-start", "a start time", &self.start),
            &mut errors,
        );
        finish(session.zip(start), errors)
    }
}
