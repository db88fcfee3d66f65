//! Putting mistakes right: a person taken off the caseload (with the reason
//! kept, so backups and merges carry the removal), and an appointment
//! cancelled with its reason written in the person's log.

use super::bookings::Outcome;
use super::{Clinic, Id};
use crate::domain::dates::{self, long_date};
use crate::domain::form::{too_long, FieldError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest reason a volunteer gives.
const REASON: usize = 500;

/// A person taken off the caseload, and why. Their name is not kept: a
/// person may have asked for their record to go.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Removal {
    /// The id the person had.
    pub person: Id,
    /// As "2026-03-03".
    pub on: String,
    pub reason: String,
}

impl Removal {
    /// "Removed on Tuesday 3 March 2026: Added twice by mistake".
    pub fn words(&self) -> String {
        let on = dates::parse_iso(&self.on).map_or_else(
            || "on a date not known".to_string(),
            |d| format!("on {}", long_date(d)),
        );
        format!("Removed {on}: {}", self.reason.trim())
    }
}

/// A reason as typed for `field`, or what to fix.
fn reason(field: &str, typed: &str, missing: &str, name: &str) -> Result<String, Vec<FieldError>> {
    if typed.trim().is_empty() {
        return Err(vec![FieldError::new(field, missing)]);
    }
    match too_long(field, name, typed, REASON) {
        Some(error) => Err(vec![error]),
        None => Ok(typed.trim().to_string()),
    }
}

impl super::bookings::Booking {
    /// Whether the appointment has not started yet at `minutes` past
    /// midnight on `today`: marking it "did not attend" then is asked first.
    pub fn not_started(&self, today: NaiveDate, minutes: u16) -> bool {
        match self.on() {
            Some(on) if on == today => self.times.start.minutes() > minutes,
            Some(on) => on > today,
            None => false,
        }
    }
}

/// Why a person is being removed, as typed, or what to fix.
pub fn removal_reason(typed: &str) -> Result<String, Vec<FieldError>> {
    reason(
        "removal-reason",
        typed,
        "Enter why you are removing them",
        "Why you are removing them",
    )
}

/// Why an appointment is cancelled, as typed, or what to fix.
pub fn cancel_reason(typed: &str) -> Result<String, Vec<FieldError>> {
    reason(
        "cancel-reason",
        typed,
        "Enter why the appointment is cancelled",
        "Why it is cancelled",
    )
}

impl Clinic {
    /// Takes a person and their appointments off the caseload, keeping the
    /// date and the reason. Returns `false` if they were not on it.
    pub fn remove_person(
        &mut self,
        person: Id,
        on: NaiveDate,
        typed_reason: &str,
    ) -> Result<bool, Vec<FieldError>> {
        let why = removal_reason(typed_reason)?;
        if self.person(person).is_none() {
            return Ok(false);
        }
        self.people.retain(|p| p.id != person);
        self.bookings.retain(|b| b.person != person);
        self.removals.push(Removal {
            person,
            on: dates::iso(on),
            reason: why,
        });
        Ok(true)
    }

    /// The people taken off the caseload, latest first, to list them.
    pub fn removals_latest_first(&self) -> Vec<&Removal> {
        let mut list: Vec<&Removal> = self.removals.iter().collect();
        list.sort_by(|a, b| b.on.cmp(&a.on));
        list
    }

    /// Cancels a booked appointment, writing why in the person's log (as
    /// `log_id`, on `today`). Returns `false` if there was no such appointment.
    pub fn cancel(
        &mut self,
        booking: Id,
        log_id: Id,
        today: NaiveDate,
        typed_reason: &str,
    ) -> Result<bool, Vec<FieldError>> {
        let why = cancel_reason(typed_reason)?;
        let Some(b) = self.booking_mut(booking) else {
            return Ok(false);
        };
        b.outcome = Outcome::Cancelled;
        let (person, when) = (b.person, b.on().map(long_date).unwrap_or_default());
        let when = format!("{when} at {}", b.times.start.words());
        if let Some(p) = self.person_mut(person) {
            p.log(
                log_id,
                today,
                "",
                &format!("Appointment on {when} cancelled: {why}"),
                None,
            );
        }
        Ok(true)
    }

    /// Opens the clinic again on a date it was closed (in `room`, or every
    /// room when empty). The duties it had cancelled come back, each
    /// counted as changed so that calendars take them again.
    pub fn reopen(&mut self, date: &str, room: &str) {
        let Some(n) = self
            .sessions
            .closed
            .iter()
            .position(|c| c.date == date && c.room == room)
        else {
            return;
        };
        let closed = self.sessions.closed.remove(n);
        let affected = self.duties_under(&closed);
        self.count_change_to_duties(|e| affected.contains(&(e.session, e.date.clone())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clinic::merging::{merge_clinics, Ledger};
    use crate::domain::sample::{generate, Size};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn small() -> Clinic {
        let size = Size {
            people: 10,
            appointments: 30,
            log_entries: 10,
            services: 0,
            plans: 0,
        };
        generate(3, size).clinic
    }

    #[test]
    fn a_person_removed_with_a_reason_goes_with_their_appointments_and_the_removal_is_merged() {
        let clinic = small();
        let mut ledger = Ledger::default();
        ledger.stamp(&clinic, "2026-03-03T09:00:00Z");
        let (mut here, there) = (clinic.clone(), clinic);
        let sam = here.bookings[0].person;

        assert_eq!(
            here.remove_person(sam, day(2026, 3, 3), "  "),
            Err(vec![FieldError::new(
                "removal-reason",
                "Enter why you are removing them"
            )])
        );
        assert!(here.person(sam).is_some());
        assert_eq!(
            here.remove_person(sam, day(2026, 3, 3), "Added twice by mistake"),
            Ok(true)
        );
        assert!(here.person(sam).is_none());
        assert!(here.bookings.iter().all(|b| b.person != sam));
        assert_eq!(
            here.removals,
            [Removal {
                person: sam,
                on: "2026-03-03".into(),
                reason: "Added twice by mistake".into()
            }]
        );
        assert!(here.problems().is_empty(), "{:?}", here.problems());

        // The other device, merging this one's backup, removes them too and keeps why.
        let mut here_ledger = ledger.clone();
        here_ledger.stamp(&here, "2026-03-03T10:00:00Z");
        let merge = merge_clinics(&there, &ledger, &here, &here_ledger, "2026-03-03T11:00:00Z");
        assert!(merge.conflicts.is_empty());
        let (merged, _) = merge.finish(&[], "2026-03-03T11:00:00Z");
        assert!(merged.person(sam).is_none());
        assert_eq!(merged.removals, here.removals);
        assert!(merged.bookings.iter().all(|b| b.person != sam));
    }

    #[test]
    fn removals_are_listed_latest_first_with_the_date_and_reason_and_no_name() {
        let mut clinic = small();
        let (first, second) = (clinic.people[0].id, clinic.people[1].id);
        clinic
            .remove_person(first, day(2026, 3, 3), "Added twice by mistake")
            .unwrap();
        clinic
            .remove_person(second, day(2026, 11, 24), "Asked for their record to go")
            .unwrap();
        let words: Vec<String> = clinic
            .removals_latest_first()
            .iter()
            .map(|r| r.words())
            .collect();
        assert_eq!(
            words,
            [
                "Removed on Tuesday 24 November 2026: Asked for their record to go",
                "Removed on Tuesday 3 March 2026: Added twice by mistake",
            ]
        );
        let bad = Removal {
            person: 1,
            on: "not a date".into(),
            reason: "Duplicate".into(),
        };
        assert_eq!(bad.words(), "Removed on a date not known: Duplicate");
    }

    #[test]
    fn a_cancelled_appointment_keeps_its_reason_in_the_persons_log() {
        let mut clinic = small();
        let booking = clinic.bookings[0].clone();
        assert!(clinic.cancel(booking.id, 77, day(2026, 3, 3), "").is_err());
        assert_eq!(
            clinic.cancel(
                booking.id,
                77,
                day(2026, 3, 3),
                "She has a hospital appointment"
            ),
            Ok(true)
        );
        let after = clinic.bookings.iter().find(|b| b.id == booking.id).unwrap();
        assert_eq!(after.outcome, Outcome::Cancelled);
        let line = clinic
            .person(booking.person)
            .unwrap()
            .log
            .iter()
            .find(|e| e.id == 77)
            .unwrap();
        assert!(line.note.starts_with("Appointment on "), "{}", line.note);
        assert!(
            line.note
                .ends_with("cancelled: She has a hospital appointment"),
            "{}",
            line.note
        );
        assert_eq!(line.on, "2026-03-03");
    }

    #[test]
    fn did_not_attend_is_asked_first_only_before_the_appointment_starts() {
        let mut booking = small().bookings[0].clone();
        booking.date = "2026-03-03".into();
        booking.times = crate::domain::clinic::time::TimeRange::new(
            crate::domain::clinic::time::ClockTime::at(9, 45),
            crate::domain::clinic::time::ClockTime::at(10, 30),
        );
        assert!(booking.not_started(day(2026, 3, 3), 9 * 60));
        assert!(!booking.not_started(day(2026, 3, 3), 9 * 60 + 45));
        assert!(!booking.not_started(day(2026, 3, 3), 11 * 60));
        assert!(booking.not_started(day(2026, 3, 2), 23 * 60));
        assert!(!booking.not_started(day(2026, 3, 4), 0));
    }

    #[test]
    fn a_closed_date_can_be_opened_again() {
        let mut clinic = Clinic::default();
        for room in ["", "Room 4"] {
            clinic
                .sessions
                .closed
                .push(crate::domain::clinic::sessions::ClosedDate {
                    date: "2026-04-06".into(),
                    reason: "Bank holiday".into(),
                    room: room.into(),
                });
        }
        clinic.reopen("2026-04-06", "Room 4");
        assert_eq!(clinic.sessions.closed.len(), 1);
        assert_eq!(clinic.sessions.closed[0].room, "");
    }
}
