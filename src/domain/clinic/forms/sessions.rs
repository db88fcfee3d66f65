//! The clinic's sessions as typed: a weekly session (on one or more days),
//! a one-off session, and a date the clinic is closed.

use super::{date, date_from_today, finish, keep, keep_all, required, times, When};
use crate::domain::clinic::sessions::{weekday_name, ClosedDate, ExtraSession, WeeklySession};
use crate::domain::clinic::Id;
use crate::domain::dates::{self, TypedDate};
use crate::domain::form::FieldError;
use chrono::NaiveDate;

/// A weekly session as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeeklySessionForm {
    /// Days after Monday, as ticked: the session runs on each.
    pub weekdays: Vec<u8>,
    pub start: String,
    pub end: String,
    pub room: String,
}

impl WeeklySessionForm {
    /// The form filled in with a session's day, times and room, to change it.
    pub fn from_session(session: &WeeklySession) -> Self {
        WeeklySessionForm {
            weekdays: vec![session.weekday],
            start: session.times.start.words(),
            end: session.times.end.words(),
            room: session.room.clone(),
        }
    }

    /// One weekly session for each day ticked, starting from `today` (the
    /// first with `id`, the others with ids from `more_ids`), or what to fix.
    pub fn check(
        &self,
        id: Id,
        mut more_ids: impl FnMut() -> Id,
        today: NaiveDate,
    ) -> Result<Vec<WeeklySession>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut days: Vec<u8> = self.weekdays.iter().copied().filter(|d| *d <= 6).collect();
        days.sort_unstable();
        days.dedup();
        if days.is_empty() {
            errors.push(FieldError::new(
                "weekday",
                "Select the days of the week the session runs",
            ));
        }
        let times = keep_all(times("", &self.start, &self.end), &mut errors);
        let room = keep(
            required("room", &self.room, "Enter the room, like Room 2", "Room"),
            &mut errors,
        );
        let sessions = (|| {
            let (times, room) = (times?, room?);
            Some(
                days.iter()
                    .enumerate()
                    .map(|(n, weekday)| WeeklySession {
                        id: if n == 0 { id } else { more_ids() },
                        weekday: *weekday,
                        times,
                        room: room.clone(),
                        first: dates::iso(today),
                        last: String::new(),
                    })
                    .collect(),
            )
        })();
        finish(sessions, errors)
    }
}

/// A one-off session as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExtraSessionForm {
    pub date: TypedDate,
    pub start: String,
    pub end: String,
    pub room: String,
}

impl ExtraSessionForm {
    /// The form filled in with a one-off session's date, times and room, to change it.
    pub fn from_session(session: &ExtraSession) -> Self {
        ExtraSessionForm {
            date: dates::parse_iso(&session.date)
                .map(TypedDate::from_date)
                .unwrap_or_default(),
            start: session.times.start.words(),
            end: session.times.end.words(),
            room: session.room.clone(),
        }
    }

    pub fn check(&self, id: Id, today: NaiveDate) -> Result<ExtraSession, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = keep(
            date_from_today(
                "extra-date-day",
                "Date of the session",
                &self.date,
                today,
                When::TodayOrLater,
            ),
            &mut errors,
        );
        let times = keep_all(times("extra-", &self.start, &self.end), &mut errors);
        let room = keep(
            required(
                "extra-room",
                &self.room,
                "Enter the room, like Room 2",
                "Room",
            ),
            &mut errors,
        );
        let session = (|| {
            Some(ExtraSession {
                id,
                date: dates::iso(on?),
                times: times?,
                room: room?,
            })
        })();
        finish(session, errors)
    }
}

/// A date the clinic is closed, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClosedDateForm {
    pub date: TypedDate,
    pub reason: String,
}

impl ClosedDateForm {
    pub fn check(&self) -> Result<ClosedDate, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = keep(
            date("closed-date-day", "Date the clinic is closed", &self.date),
            &mut errors,
        );
        let reason = keep(
            required(
                "closed-reason",
                &self.reason,
                "Enter why the clinic is closed, like Bank holiday",
                "Reason",
            ),
            &mut errors,
        );
        let closed = (|| {
            Some(ClosedDate {
                date: dates::iso(on?),
                reason: reason?,
                room: String::new(),
            })
        })();
        finish(closed, errors)
    }
}

/// How a weekly session reads in a list or a choice: "Tuesday, 9am to 12:30pm, Room 2".
pub fn weekly_words(session: &WeeklySession) -> String {
    format!(
        "{}, {}, {}",
        weekday_name(session.weekday),
        session.times.words(),
        session.room
    )
}
