//! Appointments: booked into a session's free time, never on top of another
//! appointment in the same session or another appointment of the same person,
//! and marked attended, did not attend, or cancelled on the day.

use super::people::Mode;
use super::slots::Kind;
use super::time::TimeRange;
use super::Id;
use crate::domain::dates;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    #[default]
    Booked,
    Attended,
    DidNotAttend,
    Cancelled,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Booked => "Booked",
            Outcome::Attended => "Attended",
            Outcome::DidNotAttend => "Did not attend",
            Outcome::Cancelled => "Cancelled",
        }
    }

    /// Whether the appointment still holds its time.
    pub fn holds_time(self) -> bool {
        self != Outcome::Cancelled
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Booking {
    pub id: Id,
    pub person: Id,
    /// The session it is in, and the session's date as "2026-03-03".
    pub session: Id,
    pub date: String,
    pub times: TimeRange,
    pub kind: Kind,
    pub mode: Mode,
    #[serde(default)]
    pub outcome: Outcome,
    /// After a first appointment: "Was that helpful today?"
    #[serde(default)]
    pub helpful: Option<bool>,
    /// After a first appointment: "Would it be useful to have another appointment?"
    #[serde(default)]
    pub another: Option<bool>,
    /// Ticked when the reminder text was sent.
    #[serde(default)]
    pub reminder_sent: bool,
    /// Ticked when the "sorry we missed you" text was sent, after a did not attend.
    #[serde(default)]
    pub missed_text_sent: bool,
}

impl Booking {
    pub fn on(&self) -> Option<NaiveDate> {
        dates::parse_iso(&self.date)
    }
}

/// Why a booking cannot be made, in words for the volunteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookingProblem {
    NoSuchSession,
    SessionClosed(String),
    OutsideSession(TimeRange),
    SlotTaken,
    PersonBusy(TimeRange),
}

impl BookingProblem {
    pub fn message(&self) -> String {
        match self {
            BookingProblem::NoSuchSession => {
                "There is no session at that time. Choose another time".to_string()
            }
            BookingProblem::SessionClosed(reason) => {
                format!(
                    "The clinic is closed that day ({}). Choose another time",
                    reason.trim()
                )
            }
            BookingProblem::OutsideSession(session) => format!(
                "The appointment must be within the session, {}",
                session.words()
            ),
            BookingProblem::SlotTaken => {
                "That time is already booked. Choose a free time".to_string()
            }
            BookingProblem::PersonBusy(times) => format!(
                "This person already has an appointment that day, {}",
                times.words()
            ),
        }
    }
}
