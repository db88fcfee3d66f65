//! Changing a weekly or one-off session that is already running. The
//! session keeps its id, so backups and merges see one record changed.
//! Appointments booked from today on stay at their times when they all still
//! fit; otherwise they move with it, each keeping its place in the session
//! (the same minutes after its start), so a session moved from 9am to 1pm
//! moves a 9:45am appointment to 1:45pm. A change that would leave one
//! outside the session (a day it no longer runs, or past its new end) is
//! refused, naming each one, so no booking is lost.

use super::bookings::Outcome;
use super::sessions::{ExtraSession, WeeklySession};
use super::time::{ClockTime, TimeRange};
use super::{refuse_clashes, Clinic, Id};
use crate::domain::dates::{self, long_date};
use chrono::NaiveDate;

/// An appointment a session change moved or put in another room: the
/// person needs telling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedAppointment {
    pub booking: Id,
    pub person: Id,
    /// "Sam Taylor", as the record had it when the change was made.
    pub name: String,
    pub date: NaiveDate,
    pub was: TimeRange,
    pub now: TimeRange,
    pub was_room: String,
    pub now_room: String,
}

impl MovedAppointment {
    /// "Sam Taylor: Tuesday 8 December 2026, now 1:45pm to 2:30pm in Room 5
    /// (was 9:45am to 10:30am in Room 4)".
    pub fn words(&self) -> String {
        format!(
            "{}: {}, now {} in {} (was {} in {})",
            self.name,
            long_date(self.date),
            self.now.words(),
            self.now_room.trim(),
            self.was.words(),
            self.was_room.trim()
        )
    }
}

/// What a session is changed to: when it runs, its times and its room.
struct Changed<'a> {
    id: Id,
    runs_on: &'a dyn Fn(NaiveDate) -> bool,
    times: TimeRange,
    room: &'a str,
}

/// `times` moved by `shift` minutes (later when positive), if it stays in the day.
fn shifted(times: TimeRange, shift: i32) -> Option<TimeRange> {
    let move_by = |t: ClockTime| {
        let minutes = i32::from(t.minutes()) + shift;
        ClockTime::from_minutes(u32::try_from(minutes).ok()?).filter(|c| c.is_of_day())
    };
    Some(TimeRange::new(move_by(times.start)?, move_by(times.end)?))
}

impl Clinic {
    /// Changes a weekly session (`changed` carries its id) from `today` on,
    /// or says why not: a room clash, a session too short for a first
    /// appointment, or the appointments that would be left outside it.
    /// Returns the appointments moved, for the volunteer to tell people.
    pub fn change_weekly(
        &mut self,
        mut changed: WeeklySession,
        today: NaiveDate,
    ) -> Result<Vec<MovedAppointment>, Vec<String>> {
        let Some(was) = self.sessions.weekly.iter().find(|w| w.id == changed.id) else {
            return Err(vec!["This session is no longer in the clinic".to_string()]);
        };
        // It keeps its history: it started when it started, and ends as set.
        changed.first.clone_from(&was.first);
        changed.last.clone_from(&was.last);
        refuse_clashes(&self.sessions.clashes_with_weekly(&changed))?;
        let runs_on = |date: NaiveDate| changed.runs_on(date);
        let moved = self.move_appointments(
            Changed {
                id: changed.id,
                runs_on: &runs_on,
                times: changed.times,
                room: &changed.room,
            },
            today,
        )?;
        if let Some(w) = self.sessions.weekly.iter_mut().find(|w| w.id == changed.id) {
            *w = changed;
        }
        Ok(moved)
    }

    /// Changes a weekly session to run on the days of `sessions` (as the
    /// form made them, one for each day ticked): the day it ran on, when
    /// still ticked, stays this session with its appointments and duties;
    /// each other day is a new session. All of it, or nothing.
    pub fn change_weekly_days(
        &mut self,
        id: Id,
        mut sessions: Vec<WeeklySession>,
        today: NaiveDate,
    ) -> Result<Vec<MovedAppointment>, Vec<String>> {
        let old_day = self
            .sessions
            .weekly
            .iter()
            .find(|w| w.id == id)
            .map(|w| w.weekday);
        let kept = sessions
            .iter()
            .position(|s| Some(s.weekday) == old_day)
            .unwrap_or(0);
        if sessions.is_empty() {
            return Err(vec![
                "Select the days of the week the session runs".to_string()
            ]);
        }
        let mut this = sessions.remove(kept);
        if let Some(other) = sessions.iter_mut().find(|s| s.id == id) {
            other.id = this.id;
        }
        this.id = id;
        // The other days are days this session does not run on, so they
        // meet only the clinic's other sessions: checked before anything changes.
        for other in &sessions {
            refuse_clashes(&self.sessions.clashes_with_weekly(other))?;
        }
        let moved = self.change_weekly(this, today)?;
        self.sessions.weekly.extend(sessions);
        Ok(moved)
    }

    /// Changes a one-off session (`changed` carries its id), as [`Clinic::change_weekly`].
    pub fn change_extra(
        &mut self,
        changed: ExtraSession,
        today: NaiveDate,
    ) -> Result<Vec<MovedAppointment>, Vec<String>> {
        if !self.sessions.extra.iter().any(|e| e.id == changed.id) {
            return Err(vec!["This session is no longer in the clinic".to_string()]);
        }
        refuse_clashes(&self.sessions.clashes_with_extra(&changed))?;
        let on = dates::parse_iso(&changed.date);
        let runs_on = |date: NaiveDate| Some(date) == on;
        let moved = self.move_appointments(
            Changed {
                id: changed.id,
                runs_on: &runs_on,
                times: changed.times,
                room: &changed.room,
            },
            today,
        )?;
        if let Some(e) = self.sessions.extra.iter_mut().find(|e| e.id == changed.id) {
            *e = changed;
        }
        Ok(moved)
    }

    /// Moves the session's appointments from `today` on with it, or changes
    /// nothing and names those that would not fit. Moved appointments have
    /// their reminder to send again, and the session's duties from `today`
    /// count the change, so calendar files send the new time and room.
    fn move_appointments(
        &mut self,
        changed: Changed<'_>,
        today: NaiveDate,
    ) -> Result<Vec<MovedAppointment>, Vec<String>> {
        let Some((was_times, was_room)) = self.sessions.times_and_room(changed.id) else {
            return Err(vec!["This session is no longer in the clinic".to_string()]);
        };
        let shortest = self.slots.first_minutes.min(self.slots.follow_up_minutes);
        if changed.times.minutes() < shortest {
            return Err(vec![format!(
                "The session must be at least {shortest} minutes long, to fit an appointment"
            )]);
        }
        let shift = i32::from(changed.times.start.minutes()) - i32::from(was_times.start.minutes());
        let booked: Vec<&super::bookings::Booking> = self
            .bookings
            .iter()
            .filter(|b| {
                b.session == changed.id
                    && b.outcome == Outcome::Booked
                    && b.on().is_some_and(|d| d >= today)
            })
            .collect();
        // Where each appointment would be, by one rule for all of them so
        // none lands on another: where it is, if every one still fits;
        // otherwise the same place in the moved session.
        let placed_by = |shift: i32| -> Option<Vec<TimeRange>> {
            booked
                .iter()
                .map(|b| {
                    let date = b.on()?;
                    let now = shifted(b.times, shift)?;
                    let clear_of_their_others = !self.bookings.iter().any(|o| {
                        o.person == b.person
                            && o.session != changed.id
                            && o.on() == Some(date)
                            && o.outcome.holds_time()
                            && o.times.overlaps(now)
                    });
                    ((changed.runs_on)(date)
                        && changed.times.contains(now)
                        && clear_of_their_others)
                        .then_some(now)
                })
                .collect()
        };
        let Some(placed) = placed_by(0).or_else(|| placed_by(shift)) else {
            let outside = booked.iter().filter(|b| {
                !(b.on().is_some_and(|d| (changed.runs_on)(d)) && changed.times.contains(b.times))
            });
            let mut named: Vec<String> = outside
                .map(|b| {
                    let name = self.person(b.person).map_or("Someone", |p| p.name.trim());
                    format!(
                        "{name}\u{2019}s appointment on {} at {} would be outside the changed session. Move or cancel it first, or keep the session\u{2019}s day and times",
                        b.on().map(long_date).unwrap_or_default(),
                        b.times.start.words()
                    )
                })
                .collect();
            if named.is_empty() {
                named.push("The appointments in this session would not all fit once it is changed. Move or cancel some first".to_string());
            }
            return Err(named);
        };
        let new_room = !changed.room.trim().eq(was_room.trim());
        let moved: Vec<MovedAppointment> = booked
            .iter()
            .zip(placed)
            .filter(|(b, now)| *now != b.times || new_room)
            .filter_map(|(b, now)| {
                Some(MovedAppointment {
                    booking: b.id,
                    person: b.person,
                    name: self
                        .person(b.person)
                        .map_or("Someone", |p| p.name.trim())
                        .to_string(),
                    date: b.on()?,
                    was: b.times,
                    now,
                    was_room: was_room.clone(),
                    now_room: changed.room.to_string(),
                })
            })
            .collect();
        for m in &moved {
            if let Some(b) = self.booking_mut(m.booking) {
                b.times = m.now;
                b.reminder_sent = false;
            }
        }
        let session_changed = changed.times != was_times || changed.room.trim() != was_room.trim();
        let id = changed.id;
        let runs_before = |date: NaiveDate| self.sessions.find(id, date).is_some();
        let changed_days: Vec<String> = self
            .rota
            .iter()
            .filter_map(|e| {
                let date = dates::parse_iso(&e.date).filter(|d| *d >= today)?;
                let runs_now = (changed.runs_on)(date);
                (e.session == id && (session_changed || runs_now != runs_before(date)))
                    .then(|| e.date.clone())
            })
            .collect();
        self.count_change_to_duties(|e| e.session == id && changed_days.contains(&e.date));
        let mut moved = moved;
        moved.sort_by_key(|m| (m.date, m.now.start));
        Ok(moved)
    }
}

#[cfg(test)]
mod tests;
