//! A volunteer-run clinic: its sessions and closed dates, the volunteer rota, the
//! people it supports and their appointments. It is stored in [`parts`], and
//! a backup or a move to another device carries them all in one file.
//!
//! What is where: this file holds the [`Clinic`] itself, its sessions and
//! people, and a day's sessions; `appointments` books and finds appointment
//! times; `duties` keeps the rota and closed dates; `caseload` counts the
//! figures the overview and reports show; `publicity` and `faces` what the
//! clinic prints to get known. Each kind of record has its own module
//! (`people`, `bookings`, `sessions`, `rota`...).

mod appointments;
pub mod bookings;
mod caseload;
pub mod check;
pub mod corrections;
pub mod double_bookings;
mod duties;
pub mod faces;
pub mod forms;
pub mod ical;
mod look_alikes;
pub mod merging;
pub mod parts;
pub mod people;
pub mod plans;
pub mod publicity;
pub mod rota;
mod rows;
pub mod session_changes;
pub mod sessions;
pub mod setup;
pub mod slots;
pub mod time;

#[cfg(test)]
mod tests;

use crate::domain::dates;
use crate::domain::referral::Referral;
use bookings::Booking;
use chrono::{Days, NaiveDate};
use people::Person;
use rota::{RotaEntry, Volunteer};
use serde::{Deserialize, Serialize};
use sessions::{ExtraSession, SessionOn, Sessions, WeeklySession};
use slots::SlotSettings;
use time::TimeRange;

/// Names a session, volunteer, person, appointment or log entry for good,
/// on every device: made at random by the device that creates the record
/// (53 bits, so it survives a trip through JavaScript), so records from two
/// volunteers' devices never share one.
pub type Id = u64;

/// Days between a person's appointment and the follow-up offered after it.
pub const FOLLOW_UP_GAP_DAYS: u64 = 7;

/// How far ahead the rota is drawn and free times are looked for.
pub const WEEKS_AHEAD: u64 = 12;

/// A full-time link worker's safe caseload in a year, before the practice sets its own.
pub const SAFE_YEARLY_MAXIMUM: u32 = 250;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clinic {
    pub sessions: Sessions,
    pub slots: SlotSettings,
    pub volunteers: Vec<Volunteer>,
    #[serde(serialize_with = "rows::as_rows")]
    pub rota: Vec<RotaEntry>,
    pub people: Vec<Person>,
    #[serde(serialize_with = "rows::as_rows")]
    pub bookings: Vec<Booking>,
    /// People a year the clinic can safely support.
    pub safe_yearly_maximum: u32,
    /// People taken off the caseload, and why.
    pub removals: Vec<corrections::Removal>,
    /// The plans made with people at the clinic, stored in a part of their own.
    pub plans: Vec<plans::PersonPlans>,
    /// How much of what is stored has been read (see [`parts`]).
    #[serde(skip)]
    pub held: parts::Held,
    /// What the device holds of each part (see [`parts::Prints`]).
    #[serde(skip)]
    pub prints: parts::Prints,
}

impl Default for Clinic {
    fn default() -> Self {
        Clinic {
            sessions: Sessions::default(),
            slots: SlotSettings::default(),
            volunteers: Vec::new(),
            rota: Vec::new(),
            people: Vec::new(),
            bookings: Vec::new(),
            safe_yearly_maximum: SAFE_YEARLY_MAXIMUM,
            removals: Vec::new(),
            plans: Vec::new(),
            held: parts::Held::Whole,
            prints: parts::Prints::default(),
        }
    }
}

/// An appointment time offered for booking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub session: SessionOn,
    pub times: TimeRange,
}

/// One session on the day view: who is on duty and each appointment.
#[derive(Debug)]
pub struct DaySession<'a> {
    pub session: SessionOn,
    pub volunteer: Option<&'a Volunteer>,
    pub appointments: Vec<(&'a Booking, Option<&'a Person>)>,
}

/// Each clash's message, as an error, when there are any.
fn refuse_clashes(clashes: &[sessions::Clash<'_>]) -> Result<(), Vec<String>> {
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(clashes.iter().map(|c| c.message()).collect())
    }
}

pub use caseload::{median, Attendance, Caseload};

impl Clinic {
    /// Adds a weekly session, unless its room is already booked then.
    pub fn add_weekly(&mut self, session: WeeklySession) -> Result<(), Vec<String>> {
        refuse_clashes(&self.sessions.clashes_with_weekly(&session))?;
        self.sessions.weekly.push(session);
        Ok(())
    }

    /// Adds a session that runs on several days of the week (one weekly
    /// session for each), or none of them if any clashes.
    pub fn add_weekly_days(&mut self, sessions: Vec<WeeklySession>) -> Result<(), Vec<String>> {
        for session in &sessions {
            refuse_clashes(&self.sessions.clashes_with_weekly(session))?;
        }
        self.sessions.weekly.extend(sessions);
        Ok(())
    }

    /// Adds a one-off session, unless its room is already booked then.
    pub fn add_extra(&mut self, session: ExtraSession) -> Result<(), Vec<String>> {
        refuse_clashes(&self.sessions.clashes_with_extra(&session))?;
        self.sessions.extra.push(session);
        Ok(())
    }

    /// Whether the clinic holds anything worth backing up yet.
    pub fn has_records(&self) -> bool {
        !self.people.is_empty() || !self.sessions.weekly.is_empty()
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn person_mut(&mut self, id: Id) -> Option<&mut Person> {
        self.people.iter_mut().find(|p| p.id == id)
    }

    /// Adds a person (as `id`) from a self-referral, once: the same referral
    /// imported twice gives the person already there.
    pub fn add_referral(&mut self, id: Id, referral: &Referral) -> Id {
        let reference = referral.reference.to_string();
        if let Some(person) = self
            .people
            .iter()
            .find(|p| p.referral_reference == reference)
        {
            return person.id;
        }
        self.people.push(Person::from_referral(id, referral));
        id
    }

    /// The day the day view shows: the date `asked` for in its address
    /// ("2026-03-03"), or else the clinic day from `today`.
    pub fn day_to_show(&self, asked: Option<&str>, today: NaiveDate) -> NaiveDate {
        asked
            .and_then(dates::parse_iso)
            .unwrap_or_else(|| self.clinic_day_from(today).unwrap_or(today))
    }

    /// The clinic day to show from `today`: today if a session runs today,
    /// otherwise the next day one does.
    pub fn clinic_day_from(&self, today: NaiveDate) -> Option<NaiveDate> {
        if self.sessions.between(today, today).is_empty() {
            self.next_session_day(today)
        } else {
            Some(today)
        }
    }

    /// The first date after `date` with a session, within a year.
    pub fn next_session_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        let from = date.succ_opt()?;
        let to = from.checked_add_days(Days::new(365))?;
        self.sessions.between(from, to).first().map(|s| s.date)
    }

    /// The last date before `date` with a session, within a year.
    pub fn previous_session_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        let to = date.pred_opt()?;
        let from = to.checked_sub_days(Days::new(365))?;
        self.sessions.between(from, to).last().map(|s| s.date)
    }

    /// Every session on `date` with its volunteer and appointments in time order.
    pub fn day(&self, date: NaiveDate) -> Vec<DaySession<'_>> {
        self.sessions
            .between(date, date)
            .into_iter()
            .map(|session| {
                let volunteer = self
                    .on_duty(&session)
                    .and_then(|id| self.volunteers.iter().find(|v| v.id == id));
                let mut appointments: Vec<(&Booking, Option<&Person>)> = self
                    .bookings
                    .iter()
                    .filter(|b| b.session == session.session && b.on() == Some(date))
                    .map(|b| (b, self.person(b.person)))
                    .collect();
                appointments.sort_by_key(|(b, _)| (b.times.start, b.id));
                DaySession {
                    session,
                    volunteer,
                    appointments,
                }
            })
            .collect()
    }
}
