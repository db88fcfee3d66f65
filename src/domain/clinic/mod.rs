//! A volunteer-run clinic: its sessions and closed dates, the volunteer rota, the
//! people it supports and their appointments. It is stored in [`parts`], and
//! a backup or a move to another device carries them all in one file.

pub mod bookings;
pub mod check;
pub mod corrections;
pub mod forms;
pub mod ical;
mod look_alikes;
pub mod merging;
pub mod parts;
pub mod people;
pub mod plans;
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
use bookings::{Booking, BookingProblem, Outcome};
use chrono::{Datelike, Days, NaiveDate};
use people::{Mode, Person, PersonStatus};
use rota::{RotaEntry, Volunteer};
use serde::{Deserialize, Serialize};
use sessions::{ExtraSession, SessionOn, Sessions, WeeklySession};
use slots::{Kind, SlotSettings};
use std::collections::HashMap;
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

/// The middle of sorted numbers (the mean of the middle two when there is an even count).
pub fn median(sorted: &[i64]) -> Option<f64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2] as f64),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// Each clash's message, as an error, when there are any.
fn refuse_clashes(clashes: &[sessions::Clash<'_>]) -> Result<(), Vec<String>> {
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(clashes.iter().map(|c| c.message()).collect())
    }
}

/// A person's attended appointments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attendance {
    pub count: usize,
    pub first: NaiveDate,
}

/// The caseload at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct Caseload {
    pub waiting: usize,
    pub active: usize,
    pub finished: usize,
    pub declined: usize,
    /// Days from referral to first attended appointment: the median and the longest.
    pub median_wait: Option<f64>,
    pub longest_wait: Option<i64>,
    /// Contacts (log entries and attended appointments) per person seen.
    pub contacts_per_person: Option<f32>,
    /// People referred in the last 12 months and not declined.
    pub this_year: u32,
    /// Set when `this_year` reaches 80% of the safe maximum.
    pub nearing_maximum: bool,
}

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

    /// The appointments holding time in a session.
    fn taken(&self, session: Id, date: NaiveDate) -> Vec<TimeRange> {
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

    /// The volunteer the stored rota has on duty at `session`, if anyone.
    pub fn on_duty(&self, session: &SessionOn) -> Option<Id> {
        let date = dates::iso(session.date);
        self.rota
            .iter()
            .find(|e| e.session == session.session && e.date == date)
            .and_then(|e| e.volunteer)
    }

    /// Who is on duty at `session`, in words for a booking: "Ann Jones on
    /// duty", or "nobody on duty yet" when the kept rota has nobody.
    pub fn duty_words(&self, session: &SessionOn) -> String {
        self.on_duty(session)
            .and_then(|id| self.volunteers.iter().find(|v| v.id == id))
            .map_or("nobody on duty yet".to_string(), |v| {
                format!("{} on duty", v.name.trim())
            })
    }

    /// The rota for the `weeks` from `from`: duties kept before stay as they
    /// are, the other sessions get a suggestion.
    pub fn rota_for(&self, from: NaiveDate, weeks: u64) -> Vec<rota::Duty> {
        let to = from
            .checked_add_days(Days::new(weeks * 7))
            .and_then(|d| d.pred_opt())
            .unwrap_or(from);
        rota::suggest(
            &self.sessions.between(from, to),
            &self.volunteers,
            &self.rota,
        )
    }

    /// Keeps `duties` as the rota. A duty already kept stays as it is: a
    /// suggestion only fills a session nobody has been put on.
    pub fn keep_rota(&mut self, duties: &[rota::Duty]) {
        for entry in rota::entries(duties) {
            let kept = self
                .rota
                .iter()
                .find(|e| e.session == entry.session && e.date == entry.date);
            if kept.is_none_or(|k| !k.by_hand && k.volunteer.is_none()) {
                self.set_duty(entry);
            }
        }
    }

    /// Puts `volunteer` (or nobody) on a session by hand. The rest of the
    /// rota as it was `shown` is kept as it is, so choosing one session
    /// never moves anyone on another.
    pub fn put_on_duty(
        &mut self,
        shown: &[rota::Duty],
        (session, date): (Id, NaiveDate),
        volunteer: Option<Id>,
    ) {
        let others: Vec<rota::Duty> = shown
            .iter()
            .filter(|d| d.session.key() != (session, date))
            .cloned()
            .collect();
        self.keep_rota(&others);
        self.set_duty(RotaEntry {
            session,
            date: dates::iso(date),
            volunteer,
            by_hand: true,
            ..RotaEntry::default()
        });
    }

    /// Stores a duty. A duty that changes hands keeps who had it before and
    /// counts the change, so their calendar files can say so.
    fn set_duty(&mut self, entry: RotaEntry) {
        match self
            .rota
            .iter_mut()
            .find(|e| e.session == entry.session && e.date == entry.date)
        {
            Some(kept) => kept.hand_to(entry.volunteer, entry.by_hand),
            None => self.rota.push(entry),
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

    /// Takes a volunteer off the clinic from `today`: their duties from then
    /// on are handed to nobody, so the rota suggests someone else; past duties stay.
    pub fn remove_volunteer(&mut self, volunteer: Id, today: NaiveDate) {
        self.volunteers.retain(|v| v.id != volunteer);
        for entry in self.rota.iter_mut().filter(|e| {
            e.volunteer == Some(volunteer) && dates::parse_iso(&e.date).is_none_or(|d| d >= today)
        }) {
            entry.hand_to(None, false);
        }
    }

    /// Stops a weekly session after `last`: later weeks no longer run, and
    /// weeks already past keep their history.
    pub fn stop_weekly(&mut self, session: Id, last: NaiveDate) {
        if let Some(weekly) = self.sessions.weekly.iter_mut().find(|w| w.id == session) {
            weekly.last = dates::iso(last);
        }
        self.count_change_to_duties(|e| {
            e.session == session && dates::parse_iso(&e.date).is_some_and(|d| d > last)
        });
    }

    /// Closes the clinic on a date (in one room, or all); the duties that day
    /// count the change, so calendar files send them as cancelled. A date
    /// with no session to close is refused, with the reason.
    pub fn close(&mut self, closed: sessions::ClosedDate) -> Result<(), String> {
        let date = dates::parse_iso(&closed.date);
        if let Some(date) = date.filter(|d| self.sessions.between(*d, *d).is_empty()) {
            return Err(format!(
                "There is no session on {}, so there is nothing to close. Enter a date the clinic runs",
                dates::long_date(date)
            ));
        }
        let affected = self.duties_under(&closed);
        self.sessions.closed.push(closed);
        self.count_change_to_duties(|e| affected.contains(&(e.session, e.date.clone())));
        Ok(())
    }

    /// The sessions (id and date) a closed date falls on.
    fn duties_under(&self, closed: &sessions::ClosedDate) -> Vec<(Id, String)> {
        let Some(date) = dates::parse_iso(&closed.date) else {
            return Vec::new();
        };
        let only = sessions::Sessions {
            closed: vec![closed.clone()],
            ..self.sessions.clone()
        };
        only.between(date, date)
            .into_iter()
            .filter(|s| s.closed.is_some())
            .map(|s| (s.session, closed.date.clone()))
            .collect()
    }

    fn count_change_to_duties(&mut self, which: impl Fn(&RotaEntry) -> bool) {
        for entry in self.rota.iter_mut().filter(|e| which(e)) {
            entry.changes = entry.changes.saturating_add(1);
        }
    }

    /// `volunteer`'s kept duties from `from` on, for their calendar file,
    /// with those handed on or no longer running marked cancelled.
    pub fn calendar_duties(&self, volunteer: Id, from: NaiveDate) -> Vec<ical::CalendarDuty> {
        let mut duties: Vec<ical::CalendarDuty> = self
            .rota
            .iter()
            .filter(|e| e.volunteer == Some(volunteer) || e.earlier.contains(&volunteer))
            .filter_map(|e| {
                let date = dates::parse_iso(&e.date).filter(|d| *d >= from)?;
                let running = self.sessions.find(e.session, date);
                let (times, room) = match &running {
                    Some(on) => (on.times, on.room.clone()),
                    None => self.sessions.times_and_room(e.session)?,
                };
                let runs = running.is_some_and(|on| on.closed.is_none());
                Some(ical::CalendarDuty {
                    session: e.session,
                    date,
                    times,
                    room,
                    sequence: e.changes,
                    cancelled: !runs || e.volunteer != Some(volunteer),
                })
            })
            .collect();
        duties.sort_by_key(|d| (d.date, d.times.start, d.session));
        duties
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
    fn last_appointment(&self, person: Id) -> Option<NaiveDate> {
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

    /// For each person who attended any appointment: how many they attended,
    /// and the date of the first. One pass over the appointments, so the
    /// caseload and reports stay quick with years of them.
    pub fn attendance(&self) -> HashMap<Id, Attendance> {
        let mut seen: HashMap<Id, Attendance> = HashMap::new();
        for booking in self
            .bookings
            .iter()
            .filter(|b| b.outcome == Outcome::Attended)
        {
            let Some(on) = booking.on() else { continue };
            seen.entry(booking.person)
                .and_modify(|a| {
                    a.count += 1;
                    a.first = a.first.min(on);
                })
                .or_insert(Attendance {
                    count: 1,
                    first: on,
                });
        }
        seen
    }

    /// The caseload's figures on `today`.
    pub fn caseload(&self, today: NaiveDate) -> Caseload {
        let attendance = self.attendance();
        let count =
            |status: PersonStatus| self.people.iter().filter(|p| p.status == status).count();
        let mut waits: Vec<i64> = self
            .people
            .iter()
            .filter_map(|p| {
                let referred = p.referred()?;
                let first = attendance.get(&p.id)?.first;
                Some((first - referred).num_days().max(0))
            })
            .collect();
        waits.sort_unstable();
        let median_wait = median(&waits);
        let seen: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| matches!(p.status, PersonStatus::Active | PersonStatus::Finished))
            .collect();
        let contacts: usize = seen
            .iter()
            .map(|p| p.log.len() + attendance.get(&p.id).map_or(0, |a| a.count))
            .sum();
        let year_ago = today.checked_sub_days(Days::new(365)).unwrap_or(today);
        let this_year = self
            .people
            .iter()
            .filter(|p| {
                p.status != PersonStatus::Declined
                    && p.referred().is_some_and(|d| d > year_ago && d <= today)
            })
            .count() as u32;
        Caseload {
            waiting: count(PersonStatus::Waiting),
            active: count(PersonStatus::Active),
            finished: count(PersonStatus::Finished),
            declined: count(PersonStatus::Declined),
            median_wait,
            longest_wait: waits.last().copied(),
            contacts_per_person: (!seen.is_empty()).then(|| contacts as f32 / seen.len() as f32),
            this_year,
            nearing_maximum: self.safe_yearly_maximum > 0
                && this_year * 5 >= self.safe_yearly_maximum * 4,
        }
    }
}
