//! The rota and closed dates on the clinic: who is on duty, choices made by
//! hand, a volunteer leaving, a session stopped or a date closed, and each
//! volunteer's duties for their calendar.

use super::rota::RotaEntry;
use super::sessions::SessionOn;
use super::{ical, rota, sessions, Clinic, Id};
use crate::domain::dates;
use chrono::{Days, NaiveDate};

impl Clinic {
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
    pub(super) fn set_duty(&mut self, entry: RotaEntry) {
        match self
            .rota
            .iter_mut()
            .find(|e| e.session == entry.session && e.date == entry.date)
        {
            Some(kept) => kept.hand_to(entry.volunteer, entry.by_hand),
            None => self.rota.push(entry),
        }
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
    pub(super) fn duties_under(&self, closed: &sessions::ClosedDate) -> Vec<(Id, String)> {
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

    pub(super) fn count_change_to_duties(&mut self, which: impl Fn(&RotaEntry) -> bool) {
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
}
