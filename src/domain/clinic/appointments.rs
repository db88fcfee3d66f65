//! Booking appointments on the clinic's sessions: the times free, the next
//! that fits, follow-ups a sensible gap after the last, and outcomes.

use super::bookings::{Booking, BookingProblem, Outcome};
use super::people::{Mode, Person, PersonStatus};
use super::sessions::SessionOn;
use super::slots::Kind;
use super::time::TimeRange;
use super::{Clinic, Id, Offer, FOLLOW_UP_GAP_DAYS, WEEKS_AHEAD};
use crate::domain::dates;
use chrono::{Datelike, Days, NaiveDate};

impl Clinic {
    /// The appointments holding time in a session.
    pub(super) fn taken(&self, session: Id, date: NaiveDate) -> Vec<TimeRange> {
        self.bookings
            .iter()
            .filter(|b| b.session == session && b.on() == Some(date) && b.outcome.holds_time())
            .map(|b| b.times)
            .collect()
    }

    /// The free times in `session` for an appointment of `minutes`.
    pub fn free_slots(&self, session: &SessionOn, minutes: u16) -> Vec<TimeRange> {
        if session.closed.is_some() {
            return Vec::new();
        }
        self.slots.free_slots(
            session.times,
            &self.taken(session.session, session.date),
            minutes,
        )
    }

    /// Books `person` (the appointment to be `id`) into the session `at`
    /// (its id and date) at `times`, or says why not.
    pub fn book(
        &mut self,
        id: Id,
        person: Id,
        (session, date): (Id, NaiveDate),
        times: TimeRange,
        kind: Kind,
        mode: Mode,
    ) -> Result<Id, BookingProblem> {
        let on = self
            .sessions
            .find(session, date)
            .ok_or(BookingProblem::NoSuchSession)?;
        if let Some(reason) = on.closed {
            return Err(BookingProblem::SessionClosed(reason));
        }
        if !on.times.contains(times) || times.minutes() == 0 {
            return Err(BookingProblem::OutsideSession(on.times));
        }
        if !self.slots.fits(on.times, &self.taken(session, date), times) {
            return Err(BookingProblem::SlotTaken);
        }
        if let Some(other) = self.bookings.iter().find(|b| {
            b.person == person
                && b.on() == Some(date)
                && b.outcome.holds_time()
                && b.times.overlaps(times)
        }) {
            return Err(BookingProblem::PersonBusy(other.times));
        }
        self.bookings.push(Booking {
            id,
            person,
            session,
            date: dates::iso(date),
            times,
            kind,
            mode,
            outcome: Outcome::Booked,
            helpful: None,
            another: None,
            reminder_sent: false,
            missed_text_sent: false,
        });
        if let Some(p) = self.person_mut(person) {
            if p.status == PersonStatus::Waiting {
                p.status = PersonStatus::Active;
            }
        }
        Ok(id)
    }

    /// The first free time, from `from` for `weeks` weeks, that fits the
    /// person: the length for `kind` (or their own), on days and at a part
    /// of the day they can do, clear of their other appointments.
    pub fn next_fitting(
        &self,
        person: &Person,
        kind: Kind,
        from: NaiveDate,
        weeks: u64,
    ) -> Option<Offer> {
        let minutes = self.slots.length(kind, person.preferred_minutes);
        let to = from.checked_add_days(Days::new(weeks * 7))?;
        self.sessions
            .between(from, to)
            .into_iter()
            .find_map(|session| {
                let busy: Vec<TimeRange> = self
                    .bookings
                    .iter()
                    .filter(|b| {
                        b.person == person.id
                            && b.on() == Some(session.date)
                            && b.outcome.holds_time()
                    })
                    .map(|b| b.times)
                    .collect();
                let times = self
                    .free_slots(&session, minutes)
                    .into_iter()
                    .find(|slot| {
                        person.suits(session.date.weekday(), slot.start.hour())
                            && busy.iter().all(|b| !b.overlaps(*slot))
                    })?;
                Some(Offer { session, times })
            })
    }

    pub fn set_outcome(&mut self, booking: Id, outcome: Outcome) -> bool {
        match self.bookings.iter_mut().find(|b| b.id == booking) {
            Some(b) => {
                b.outcome = outcome;
                true
            }
            None => false,
        }
    }

    /// Free times in the sessions of the `weeks` from `from` that a
    /// `kind` appointment for `person` fits, session by session.
    pub fn free_times(
        &self,
        person: &Person,
        kind: Kind,
        from: NaiveDate,
        weeks: u64,
    ) -> Vec<(SessionOn, Vec<TimeRange>)> {
        let minutes = self.slots.length(kind, person.preferred_minutes);
        let to = from.checked_add_days(Days::new(weeks * 7)).unwrap_or(from);
        self.sessions
            .between(from, to)
            .into_iter()
            .filter(|s| s.closed.is_none())
            .map(|s| {
                let free = self.free_slots(&s, minutes);
                (s, free)
            })
            .filter(|(_, free)| !free.is_empty())
            .collect()
    }

    /// A person's appointments from `from` on that are still to happen, soonest first.
    pub fn upcoming(&self, person: Id, from: NaiveDate) -> Vec<&Booking> {
        let mut list: Vec<&Booking> = self
            .bookings
            .iter()
            .filter(|b| {
                b.person == person
                    && b.outcome == Outcome::Booked
                    && b.on().is_some_and(|d| d >= from)
            })
            .collect();
        list.sort_by_key(|b| (b.on(), b.times.start));
        list
    }

    /// The kind of appointment a person books next: a first one until they
    /// have one attended or booked (one missed or cancelled leaves them still
    /// to be seen), then follow-ups.
    pub fn next_kind(&self, person: Id) -> Kind {
        if self.last_appointment(person).is_some() {
            Kind::FollowUp
        } else {
            Kind::First
        }
    }

    /// The day of a person's latest appointment, attended or booked.
    pub(super) fn last_appointment(&self, person: Id) -> Option<NaiveDate> {
        self.bookings
            .iter()
            .filter(|b| {
                b.person == person && matches!(b.outcome, Outcome::Attended | Outcome::Booked)
            })
            .filter_map(Booking::on)
            .max()
    }

    /// The first day a follow-up is offered from `today`: a week after the
    /// person's last appointment, so it is never the same morning.
    pub fn follow_up_from(&self, person: Id, today: NaiveDate) -> NaiveDate {
        self.last_appointment(person)
            .and_then(|last| last.checked_add_days(Days::new(FOLLOW_UP_GAP_DAYS)))
            .map_or(today, |gap| gap.max(today))
    }

    /// Where the search for a `kind` appointment starts from `today`.
    pub fn offer_from(&self, person: Id, kind: Kind, today: NaiveDate) -> NaiveDate {
        match kind {
            Kind::First => today,
            Kind::FollowUp => self.follow_up_from(person, today),
        }
    }

    pub fn booking_mut(&mut self, id: Id) -> Option<&mut Booking> {
        self.bookings.iter_mut().find(|b| b.id == id)
    }

    /// After an appointment: books the person's next follow-up at the first
    /// free time that fits them, a week or more after their last appointment.
    /// Returns the new booking's id, or `None` when nothing fits in the
    /// [`WEEKS_AHEAD`] after that.
    pub fn book_follow_up_after(&mut self, booking: Id, new_id: Id) -> Option<Id> {
        let (person, day) = self
            .bookings
            .iter()
            .find(|b| b.id == booking)
            .and_then(|b| Some((self.person(b.person)?.clone(), b.on()?)))?;
        let from = self.follow_up_from(person.id, day.succ_opt()?);
        let offer = self.next_fitting(&person, Kind::FollowUp, from, WEEKS_AHEAD)?;
        self.book(
            new_id,
            person.id,
            offer.session.key(),
            offer.times,
            Kind::FollowUp,
            person.mode,
        )
        .ok()
    }
}
