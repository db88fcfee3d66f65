//! The figures the overview and the reports show: each person's attended
//! appointments, and the caseload at a glance.

use super::bookings::Outcome;
use super::people::{Person, PersonStatus};
use super::{Clinic, Id};
use chrono::{Days, NaiveDate};
use std::collections::HashMap;

/// The middle of sorted numbers (the mean of the middle two when there is an even count).
pub fn median(sorted: &[i64]) -> Option<f64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2] as f64),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
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
