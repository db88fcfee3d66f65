//! Clinic sessions: the weekly ones, one-off extras, and closed dates that
//! cancel a session without deleting it. A room is never double-booked.

use super::time::TimeRange;
use super::Id;
use crate::domain::dates;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A session that happens every week on the same day, at the same time, in
/// the same room, from `first` (as "2026-03-03") until `last` if there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklySession {
    pub id: Id,
    /// Days after Monday: 0 for Monday, 1 for Tuesday, up to 6 for Sunday.
    pub weekday: u8,
    pub times: TimeRange,
    pub room: String,
    pub first: String,
    #[serde(default)]
    pub last: String,
}

/// A session on one date only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraSession {
    pub id: Id,
    pub date: String,
    pub times: TimeRange,
    pub room: String,
}

/// A date the clinic does not run, in one room or (with no room) anywhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedDate {
    pub date: String,
    pub reason: String,
    #[serde(default)]
    pub room: String,
}

/// One session on one date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionOn {
    /// The weekly or extra session's id.
    pub session: Id,
    pub date: NaiveDate,
    pub times: TimeRange,
    pub room: String,
    /// Why it is not running, when a closed date falls on it.
    pub closed: Option<String>,
}

impl SessionOn {
    /// Its key in the rota and in bookings: session id and date.
    pub fn key(&self) -> (Id, NaiveDate) {
        (self.session, self.date)
    }
}

pub fn weekday_of(days_from_monday: u8) -> Weekday {
    Weekday::try_from(days_from_monday.min(6)).unwrap_or(Weekday::Mon)
}

/// "Tuesday", for a session's weekday.
pub fn weekday_name(days_from_monday: u8) -> &'static str {
    dates::DAYS[usize::from(days_from_monday.min(6))]
}

impl WeeklySession {
    /// Whether it runs (before closed dates) on `date`.
    pub fn runs_on(&self, date: NaiveDate) -> bool {
        date.weekday().num_days_from_monday() == u32::from(self.weekday)
            && dates::parse_iso(&self.first).is_some_and(|first| first <= date)
            && dates::parse_iso(&self.last).is_none_or(|last| date <= last)
    }
}

/// The sessions of a clinic.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sessions {
    pub weekly: Vec<WeeklySession>,
    pub extra: Vec<ExtraSession>,
    pub closed: Vec<ClosedDate>,
}

impl Sessions {
    /// Every session from `from` to `to` (both included), in date and time
    /// order, with closed ones marked.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> Vec<SessionOn> {
        let mut out = Vec::new();
        let mut date = from;
        while date <= to {
            for weekly in self.weekly.iter().filter(|w| w.runs_on(date)) {
                out.push(self.on(weekly.id, date, weekly.times, &weekly.room));
            }
            for extra in &self.extra {
                if dates::parse_iso(&extra.date) == Some(date) {
                    out.push(self.on(extra.id, date, extra.times, &extra.room));
                }
            }
            let Some(next) = date.checked_add_days(Days::new(1)) else {
                break;
            };
            date = next;
        }
        out.sort_by_key(|s| (s.date, s.times.start, s.session));
        out
    }

    fn on(&self, session: Id, date: NaiveDate, times: TimeRange, room: &str) -> SessionOn {
        let closed = self
            .closed
            .iter()
            .find(|c| {
                dates::parse_iso(&c.date) == Some(date)
                    && (c.room.trim().is_empty() || c.room.trim().eq_ignore_ascii_case(room.trim()))
            })
            .map(|c| c.reason.clone());
        SessionOn {
            session,
            date,
            times,
            room: room.to_string(),
            closed,
        }
    }

    /// A weekly or one-off session's times and room, whether or not it runs now.
    pub fn times_and_room(&self, session: Id) -> Option<(TimeRange, String)> {
        let weekly = self.weekly.iter().find(|w| w.id == session);
        let extra = self.extra.iter().find(|e| e.id == session);
        weekly
            .map(|w| (w.times, w.room.clone()))
            .or_else(|| extra.map(|e| (e.times, e.room.clone())))
    }

    /// The one session with this key, if it runs on that date.
    pub fn find(&self, session: Id, date: NaiveDate) -> Option<SessionOn> {
        self.between(date, date)
            .into_iter()
            .find(|s| s.session == session)
    }

    /// The sessions that would be in the same room at the same time as
    /// `weekly` on some date (the session with its own id is left out, so an
    /// edit is not a clash with itself).
    pub fn clashes_with_weekly(&self, weekly: &WeeklySession) -> Vec<Clash<'_>> {
        let (first, last) = (
            dates::parse_iso(&weekly.first),
            dates::parse_iso(&weekly.last),
        );
        self.clashes(
            (weekly.id, &weekly.room, weekly.times),
            |w| {
                w.weekday == weekly.weekday
                    && periods_meet(
                        first,
                        last,
                        dates::parse_iso(&w.first),
                        dates::parse_iso(&w.last),
                    )
            },
            |e| dates::parse_iso(&e.date).is_some_and(|d| weekly.runs_on(d)),
        )
    }

    /// The sessions that would be in the same room at the same time as `extra`.
    pub fn clashes_with_extra(&self, extra: &ExtraSession) -> Vec<Clash<'_>> {
        let Some(date) = dates::parse_iso(&extra.date) else {
            return Vec::new();
        };
        self.clashes(
            (extra.id, &extra.room, extra.times),
            |w| w.runs_on(date),
            |e| e.date == extra.date,
        )
    }

    /// The other sessions in `room` overlapping `times` on a shared date, as
    /// told by `weekly_meets` and `extra_meets`.
    fn clashes(
        &self,
        (id, room, times): (Id, &str, TimeRange),
        weekly_meets: impl Fn(&WeeklySession) -> bool,
        extra_meets: impl Fn(&ExtraSession) -> bool,
    ) -> Vec<Clash<'_>> {
        let in_the_way = |other: Id, other_room: &str, other_times: TimeRange| {
            other != id && same_room(other_room, room) && other_times.overlaps(times)
        };
        let weekly = self
            .weekly
            .iter()
            .filter(|w| in_the_way(w.id, &w.room, w.times) && weekly_meets(w))
            .map(Clash::Weekly);
        let extra = self
            .extra
            .iter()
            .filter(|e| in_the_way(e.id, &e.room, e.times) && extra_meets(e))
            .map(Clash::Extra);
        weekly.chain(extra).collect()
    }
}

/// A session that is in the way of another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clash<'a> {
    Weekly(&'a WeeklySession),
    Extra(&'a ExtraSession),
}

impl Clash<'_> {
    /// "Room 4 is already booked on Tuesdays, 9am to 12:30pm".
    pub fn message(&self) -> String {
        match self {
            Clash::Weekly(w) => format!(
                "{} is already booked on {}s, {}",
                w.room.trim(),
                weekday_name(w.weekday),
                w.times.words()
            ),
            Clash::Extra(e) => format!(
                "{} is already booked on {}, {}",
                e.room.trim(),
                dates::parse_iso(&e.date)
                    .map(dates::long_date)
                    .unwrap_or_default(),
                e.times.words()
            ),
        }
    }
}

/// Whether two date periods (an open end runs for ever) share a day.
fn periods_meet(
    a_first: Option<NaiveDate>,
    a_last: Option<NaiveDate>,
    b_first: Option<NaiveDate>,
    b_last: Option<NaiveDate>,
) -> bool {
    let starts_before_other_ends =
        |first: Option<NaiveDate>, other_last: Option<NaiveDate>| match (first, other_last) {
            (Some(first), Some(last)) => first <= last,
            _ => true,
        };
    starts_before_other_ends(a_first, b_last) && starts_before_other_ends(b_first, a_last)
}

fn same_room(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}
