//! Appointments holding the same time in one session. Each was free when it
//! was booked, but two devices can each book the same time: merging their
//! records, or live sharing, then brings both onto one device, and a
//! volunteer must move one.

use super::bookings::Booking;
use super::time::TimeRange;
use super::{Clinic, Id};
use chrono::NaiveDate;

/// Two people booked into the same time of one session on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoubleBooking {
    pub date: NaiveDate,
    /// Each person's id, name and appointment times, the earlier first.
    pub people: [(Id, String, TimeRange); 2],
}

impl Clinic {
    /// Every pair of appointments (not cancelled) that overlap in the same
    /// session on the same day, from `from` to `to`. Times that only touch
    /// do not overlap.
    pub fn double_bookings(&self, from: NaiveDate, to: NaiveDate) -> Vec<DoubleBooking> {
        // Pair by pair rather than sorted first: a day or the weeks ahead hold
        // few appointments, and a sort adds kilobytes to the app.
        let held: Vec<(NaiveDate, &Booking)> = self
            .bookings
            .iter()
            .filter(|b| b.outcome.holds_time())
            .filter_map(|b| Some((b.on()?, b)))
            .filter(|(date, _)| from <= *date && *date <= to)
            .collect();
        let mut found = Vec::new();
        for (n, (date, one)) in held.iter().enumerate() {
            for (other_date, other) in &held[n + 1..] {
                if other_date == date
                    && other.session == one.session
                    && other.times.overlaps(one.times)
                {
                    let (first, second) = if other.times.start < one.times.start {
                        (other, one)
                    } else {
                        (one, other)
                    };
                    found.push(DoubleBooking {
                        date: *date,
                        people: [self.booked(first), self.booked(second)],
                    });
                }
            }
        }
        found
    }

    fn booked(&self, booking: &Booking) -> (Id, String, TimeRange) {
        let name = self.person(booking.person).map_or_else(
            || "Someone not on the clinic's list".to_string(),
            |p| p.name.clone(),
        );
        (booking.person, name, booking.times)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clinic::bookings::Outcome;
    use crate::domain::clinic::people::{Mode, Person};
    use crate::domain::clinic::slots::Kind;
    use crate::domain::clinic::time::ClockTime;

    const MORNING: Id = 1;
    const AFTERNOON: Id = 2;

    fn times(from: (u16, u16), to: (u16, u16)) -> TimeRange {
        TimeRange::new(ClockTime::at(from.0, from.1), ClockTime::at(to.0, to.1))
    }

    /// A clinic as two devices' records leave it once merged: Sam Taylor
    /// and Priya Khan, and each appointment given as it was booked.
    fn merged(appointments: &[(Id, Id, &str, TimeRange, Outcome)]) -> Clinic {
        let mut clinic = Clinic::default();
        for (id, name) in [(10, "Sam Taylor"), (11, "Priya Khan"), (12, "Jo Bell")] {
            clinic.people.push(Person {
                id,
                name: name.into(),
                ..Person::default()
            });
        }
        for (n, (person, session, date, times, outcome)) in appointments.iter().enumerate() {
            clinic.bookings.push(Booking {
                id: 100 + n as Id,
                person: *person,
                session: *session,
                date: (*date).into(),
                times: *times,
                kind: Kind::First,
                mode: Mode::FaceToFace,
                outcome: *outcome,
                helpful: None,
                another: None,
                reminder_sent: false,
                missed_text_sent: false,
            });
        }
        clinic
    }

    #[test]
    fn two_people_booked_into_the_same_time_on_two_devices_are_found_once_merged() {
        let clinic = merged(&[
            (
                11,
                MORNING,
                "2026-03-03",
                times((10, 15), (11, 0)),
                Outcome::Booked,
            ),
            (
                10,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
        ]);
        let found = clinic.double_bookings(NaiveDate::MIN, NaiveDate::MAX);
        assert_eq!(
            found,
            vec![DoubleBooking {
                date: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
                people: [
                    (10, "Sam Taylor".into(), times((10, 0), (10, 45))),
                    (11, "Priya Khan".into(), times((10, 15), (11, 0))),
                ],
            }]
        );
    }

    #[test]
    fn an_appointment_ending_as_the_next_starts_is_not_a_double_booking() {
        let clinic = merged(&[
            (
                10,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
            (
                11,
                MORNING,
                "2026-03-03",
                times((10, 45), (11, 30)),
                Outcome::Booked,
            ),
        ]);
        assert!(clinic
            .double_bookings(NaiveDate::MIN, NaiveDate::MAX)
            .is_empty());
    }

    #[test]
    fn a_cancelled_appointment_no_longer_holds_its_time() {
        let clinic = merged(&[
            (
                10,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Cancelled,
            ),
            (
                11,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
        ]);
        assert!(clinic
            .double_bookings(NaiveDate::MIN, NaiveDate::MAX)
            .is_empty());
    }

    #[test]
    fn the_same_time_in_another_session_or_on_another_day_is_no_clash() {
        let clinic = merged(&[
            (
                10,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
            (
                11,
                AFTERNOON,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
            (
                12,
                MORNING,
                "2026-03-10",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
        ]);
        assert!(clinic
            .double_bookings(NaiveDate::MIN, NaiveDate::MAX)
            .is_empty());
    }

    #[test]
    fn a_long_appointment_over_two_short_ones_clashes_with_each() {
        let clinic = merged(&[
            (
                10,
                MORNING,
                "2026-03-03",
                times((10, 0), (11, 0)),
                Outcome::Booked,
            ),
            (
                11,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 20)),
                Outcome::Attended,
            ),
            (
                12,
                MORNING,
                "2026-03-03",
                times((10, 40), (11, 0)),
                Outcome::DidNotAttend,
            ),
        ]);
        let names: Vec<[String; 2]> = clinic
            .double_bookings(NaiveDate::MIN, NaiveDate::MAX)
            .into_iter()
            .map(|d| d.people.map(|(_, name, _)| name))
            .collect();
        assert_eq!(
            names,
            vec![["Sam Taylor", "Priya Khan"], ["Sam Taylor", "Jo Bell"]]
        );
    }

    #[test]
    fn only_the_days_asked_for_are_looked_at() {
        let clinic = merged(&[
            (
                10,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
            (
                11,
                MORNING,
                "2026-03-03",
                times((10, 0), (10, 45)),
                Outcome::Booked,
            ),
        ]);
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        assert_eq!(clinic.double_bookings(day(3), day(3)).len(), 1);
        assert!(clinic.double_bookings(day(4), NaiveDate::MAX).is_empty());
        assert!(clinic.double_bookings(NaiveDate::MIN, day(2)).is_empty());
    }
}
