//! The volunteer rota: who is on duty at each session. A suggested rota
//! covers every session someone can do, shares sessions out evenly, and
//! respects when each volunteer can usually come and the dates they are away.

use super::sessions::{weekday_name, SessionOn};
use super::time::{ClockTime, TimeRange};
use super::Id;
use crate::domain::dates;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A time a volunteer can usually do, every week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usually {
    /// Days after Monday, as in a weekly session.
    pub weekday: u8,
    pub times: TimeRange,
}

/// Dates a volunteer is away, both included, as "2026-03-03".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Away {
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Volunteer {
    pub id: Id,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub usually: Vec<Usually>,
    pub away: Vec<Away>,
    /// "Meet the volunteers" (`faces.rs`): the first name shown, one line
    /// about them, a small photo as a `data:` address, and whether they
    /// agree to be shown. Left out of the stored record while empty, so a
    /// volunteer from before keeps the same fingerprint for merging.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub shown_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub about: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub photo: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub agreed_to_show: bool,
}

/// Why a volunteer cannot do a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CannotDo {
    NotUsually,
    Away,
    AlreadyOnDuty(TimeRange, String),
}

impl Volunteer {
    pub fn is_away(&self, date: NaiveDate) -> bool {
        self.away.iter().any(
            |a| match (dates::parse_iso(&a.from), dates::parse_iso(&a.to)) {
                (Some(from), Some(to)) => from <= date && date <= to,
                (Some(day), None) | (None, Some(day)) => day == date,
                (None, None) => false,
            },
        )
    }

    pub fn usually_can(&self, session: &SessionOn) -> bool {
        let weekday = session.date.weekday().num_days_from_monday();
        self.usually
            .iter()
            .any(|u| u32::from(u.weekday) == weekday && u.times.contains(session.times))
    }

    /// Whether the volunteer can do `session`, given the duties in `rota`.
    pub fn can_do(&self, session: &SessionOn, rota: &[Duty]) -> Result<(), CannotDo> {
        if self.is_away(session.date) {
            return Err(CannotDo::Away);
        }
        if let Some(other) = rota.iter().find(|d| {
            d.volunteer == Some(self.id)
                && d.session.date == session.date
                && d.session.key() != session.key()
                && d.session.times.overlaps(session.times)
        }) {
            return Err(CannotDo::AlreadyOnDuty(
                other.session.times,
                other.session.room.clone(),
            ));
        }
        if !self.usually_can(session) {
            return Err(CannotDo::NotUsually);
        }
        Ok(())
    }

    /// The warning shown when this volunteer is put on `session` by hand.
    pub fn warning(&self, session: &SessionOn, rota: &[Duty]) -> Option<String> {
        let name = self.name.trim();
        match self.can_do(session, rota).err()? {
            CannotDo::Away => Some(format!(
                "{name} is away on {}",
                dates::long_date(session.date)
            )),
            CannotDo::AlreadyOnDuty(times, room) => Some(format!(
                "{name} is already on duty {} in {} that day",
                times.words(),
                room.trim()
            )),
            CannotDo::NotUsually => Some(format!(
                "{name} does not usually come on {}s, {}",
                weekday_name(session.date.weekday().num_days_from_monday() as u8),
                session.times.words()
            )),
        }
    }
}

/// Who is on duty at a session; stored for the sessions the rota has covered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotaEntry {
    pub session: Id,
    /// As "2026-03-03".
    pub date: String,
    pub volunteer: Option<Id>,
    /// Put there by a person, rather than suggested.
    #[serde(default)]
    pub by_hand: bool,
    /// How many times the duty has changed since it was first kept (its
    /// volunteer, or the session closed or opened again): a calendar file
    /// gives it as the event's SEQUENCE, so a phone's calendar takes the change.
    #[serde(default)]
    pub changes: u32,
    /// Volunteers who had this duty before: their calendar files give it as cancelled.
    #[serde(default)]
    pub earlier: Vec<Id>,
}

impl RotaEntry {
    /// Gives the duty to `volunteer` (or nobody), remembering who had it.
    pub fn hand_to(&mut self, volunteer: Option<Id>, by_hand: bool) {
        self.by_hand = by_hand;
        if self.volunteer == volunteer {
            return;
        }
        if let Some(before) = self.volunteer {
            if !self.earlier.contains(&before) {
                self.earlier.push(before);
            }
        }
        self.volunteer = volunteer;
        self.changes = self.changes.saturating_add(1);
    }
}

/// A session with the volunteer on duty, if anyone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duty {
    pub session: SessionOn,
    pub volunteer: Option<Id>,
    pub by_hand: bool,
}

/// The rota for `sessions` (closed ones left out). Entries in `kept` stay as
/// they are; every other session gets the volunteer who can do it and has
/// the fewest sessions so far, the hardest sessions to cover first.
pub fn suggest(sessions: &[SessionOn], volunteers: &[Volunteer], kept: &[RotaEntry]) -> Vec<Duty> {
    let open: Vec<&SessionOn> = sessions.iter().filter(|s| s.closed.is_none()).collect();
    let mut duties: Vec<Duty> = open
        .iter()
        .map(|s| {
            let kept = kept
                .iter()
                .find(|k| k.session == s.session && dates::parse_iso(&k.date) == Some(s.date));
            Duty {
                session: (*s).clone(),
                volunteer: kept.and_then(|k| k.volunteer),
                by_hand: kept.is_some_and(|k| k.by_hand),
            }
        })
        .collect();
    let mut counts: Vec<(Id, usize)> = volunteers
        .iter()
        .map(|v| {
            (
                v.id,
                duties.iter().filter(|d| d.volunteer == Some(v.id)).count(),
            )
        })
        .collect();

    let mut to_fill: Vec<usize> = (0..duties.len())
        .filter(|i| duties[*i].volunteer.is_none() && !duties[*i].by_hand)
        .collect();
    let possible = |i: usize, duties: &[Duty]| {
        volunteers
            .iter()
            .filter(|v| v.can_do(&duties[i].session, duties).is_ok())
            .count()
    };
    while !to_fill.is_empty() {
        // The session fewest volunteers can do goes first, then the earliest.
        let (pick, _) = to_fill
            .iter()
            .enumerate()
            .min_by_key(|(_, i)| {
                (
                    possible(**i, &duties),
                    duties[**i].session.date,
                    duties[**i].session.times.start,
                )
            })
            .map(|(n, i)| (n, *i))
            .unwrap_or((0, to_fill[0]));
        let i = to_fill.remove(pick);
        let chosen = volunteers
            .iter()
            .filter(|v| v.can_do(&duties[i].session, &duties).is_ok())
            .min_by_key(|v| {
                let count = counts
                    .iter()
                    .find(|(id, _)| *id == v.id)
                    .map_or(0, |(_, c)| *c);
                (count, v.id)
            })
            .map(|v| v.id);
        if let Some(id) = chosen {
            duties[i].volunteer = Some(id);
            if let Some(count) = counts.iter_mut().find(|(v, _)| *v == id) {
                count.1 += 1;
            }
        }
    }
    duties
}

/// The sessions nobody is on, for the warning at the top of the rota.
pub fn uncovered(duties: &[Duty]) -> Vec<&Duty> {
    duties.iter().filter(|d| d.volunteer.is_none()).collect()
}

/// Sessions per volunteer in a rota, in the order of `volunteers`.
pub fn shares<'a>(duties: &[Duty], volunteers: &'a [Volunteer]) -> Vec<(&'a Volunteer, usize)> {
    volunteers
        .iter()
        .map(|v| {
            (
                v,
                duties.iter().filter(|d| d.volunteer == Some(v.id)).count(),
            )
        })
        .collect()
}

/// The rota as entries to store.
pub fn entries(duties: &[Duty]) -> Vec<RotaEntry> {
    duties
        .iter()
        .map(|d| RotaEntry {
            session: d.session.session,
            date: dates::iso(d.session.date),
            volunteer: d.volunteer,
            by_hand: d.by_hand,
            ..RotaEntry::default()
        })
        .collect()
}

/// A rota as shared with volunteers by link: what each needs to see on
/// their own phone, and nothing about the people the clinic supports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedRota {
    pub practice: String,
    /// Date ("2026-03-03"), start and end ("09:00"), room, and who is on duty ("" for nobody).
    pub rows: Vec<(String, String, String, String, String)>,
}

/// The payload format of a shared rota link.
pub const SHARE_VERSION: u32 = 1;

impl SharedRota {
    pub fn from_duties(duties: &[Duty], volunteers: &[Volunteer], practice: &str) -> SharedRota {
        SharedRota {
            practice: practice.to_string(),
            rows: duties
                .iter()
                .map(|d| {
                    let who = d
                        .volunteer
                        .and_then(|id| volunteers.iter().find(|v| v.id == id))
                        .map(|v| v.name.trim().to_string())
                        .unwrap_or_default();
                    (
                        dates::iso(d.session.date),
                        d.session.times.start.hh_mm(),
                        d.session.times.end.hh_mm(),
                        d.session.room.trim().to_string(),
                        who,
                    )
                })
                .collect(),
        }
    }

    /// The link that opens the rota on a volunteer's phone; `app_root` ends in `/`.
    pub fn link(&self, app_root: &str) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!(
            "{app_root}clinic/rota/#{}",
            crate::domain::fragment::seal("o", SHARE_VERSION, json.as_bytes())
        )
    }

    /// Reads a shared rota from a page's fragment.
    /// Each duty as a volunteer reads it on their phone:
    /// ("Tuesday 3 March 2026, 9am to 12:30pm, Room 4", "Ann Jones" or "Nobody yet").
    pub fn lines(&self) -> Vec<(String, String)> {
        self.rows
            .iter()
            .map(|(date, start, end, room, who)| {
                let day = dates::parse_iso(date)
                    .map(dates::long_date)
                    .unwrap_or_else(|| date.clone());
                let times = match (ClockTime::parse(start), ClockTime::parse(end)) {
                    (Some(start), Some(end)) => TimeRange::new(start, end).words(),
                    _ => format!("{start} to {end}"),
                };
                let who = if who.trim().is_empty() {
                    "Nobody yet".to_string()
                } else {
                    who.clone()
                };
                (format!("{day}, {times}, {room}"), who)
            })
            .collect()
    }

    pub fn open(fragment: &str) -> Result<SharedRota, crate::domain::fragment::FragmentError> {
        use crate::domain::fragment::{open, FragmentError};
        let (_, json) = open(fragment, "o", SHARE_VERSION)?;
        serde_json::from_slice(&json).map_err(|_| FragmentError::Damaged)
    }
}
