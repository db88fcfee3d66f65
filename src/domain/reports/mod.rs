//! What the clinic did in a period, for the practice and funders: referrals,
//! waiting times, appointments and did-not-attends, contacts, outcomes,
//! wellbeing change and the rota. A count from 1 to 4 is shown as "fewer than
//! 5", and a rate, average or median worked out from fewer than 5 is not shown
//! at all ("not shown: fewer than 5 people"), so a report can never point to
//! one person.

pub mod chart;
pub mod choose;
pub mod csv;

#[cfg(test)]
mod tests;

use crate::domain::clinic::bookings::Outcome;
use crate::domain::clinic::people::{PersonStatus, Source};
use crate::domain::clinic::{median, Clinic, Id};
use crate::domain::dates;
use crate::domain::plan::wellbeing::Question;
use crate::domain::referral::suggested::SuggestedBy;
use crate::domain::referral::{Choice, SupportNeed};
use chrono::{Datelike, Months, NaiveDate};

/// The dates a report covers, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn this_month(today: NaiveDate) -> Period {
        let from = today.with_day(1).unwrap_or(today);
        let to = from
            .checked_add_months(Months::new(1))
            .and_then(|next| next.pred_opt())
            .unwrap_or(today);
        Period { from, to }
    }

    /// The last whole quarter (January to March, April to June...) before today's.
    pub fn last_quarter(today: NaiveDate) -> Period {
        let this_quarter =
            NaiveDate::from_ymd_opt(today.year(), (today.month0() / 3) * 3 + 1, 1).unwrap_or(today);
        let from = this_quarter
            .checked_sub_months(Months::new(3))
            .unwrap_or(this_quarter);
        Period {
            from,
            to: this_quarter.pred_opt().unwrap_or(this_quarter),
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    fn has(&self, iso: &str) -> bool {
        dates::parse_iso(iso).is_some_and(|d| self.contains(d))
    }

    /// "1 March 2026 to 31 March 2026".
    pub fn words(&self) -> String {
        format!(
            "{} to {}",
            dates::short_date(self.from),
            dates::short_date(self.to)
        )
    }
}

/// A figure as it may be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// A number, with the words to show it in.
    Figure(f64, String),
    /// A count from 1 to 4.
    FewerThan5,
    /// A rate, average or median worked out from fewer than 5 of these
    /// ("people", "appointments"): not shown at all.
    TooFewToShow(&'static str),
    /// Nothing to show (for example no one with two wellbeing records).
    NoData,
}

impl Shown {
    pub fn words(&self) -> String {
        match self {
            Shown::Figure(_, words) => words.clone(),
            Shown::FewerThan5 => "fewer than 5".to_string(),
            Shown::TooFewToShow(what) => format!("not shown: fewer than 5 {what}"),
            Shown::NoData => "no data".to_string(),
        }
    }

    /// The number, for a chart; `None` when it must not be shown.
    pub fn number(&self) -> Option<f64> {
        match self {
            Shown::Figure(n, _) => Some(*n),
            _ => None,
        }
    }
}

/// A count of people (or of their appointments), hidden from 1 to 4.
pub fn count(n: usize) -> Shown {
    match n {
        1..=4 => Shown::FewerThan5,
        n => Shown::Figure(n as f64, n.to_string()),
    }
}

/// A rate, average or median worked out from `people` people: not shown
/// when they are fewer than 5. Every such figure of a report, wellbeing's
/// too, goes through this or [`resting_on_counted`].
pub fn resting_on(people: usize, value: Option<f64>, words: impl FnOnce(f64) -> String) -> Shown {
    resting_on_counted(people, "people", value, words)
}

/// A figure worked out from `n` of `what` ("appointments"): not shown when
/// they are fewer than 5.
pub fn resting_on_counted(
    n: usize,
    what: &'static str,
    value: Option<f64>,
    words: impl FnOnce(f64) -> String,
) -> Shown {
    match value {
        _ if (1..5).contains(&n) => Shown::TooFewToShow(what),
        Some(v) if n > 0 => Shown::Figure(v, words(v)),
        _ => Shown::NoData,
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 100.0 / whole as f64).round())
}

/// One line of a report: the part it belongs to, what it measures, and the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub part: &'static str,
    pub measure: String,
    pub shown: Shown,
}

pub struct Report {
    pub period: Period,
    pub lines: Vec<Line>,
}

impl Report {
    /// The line for `measure`, for tests and charts.
    pub fn get(&self, measure: &str) -> Option<&Shown> {
        self.lines
            .iter()
            .find(|l| l.measure == measure)
            .map(|l| &l.shown)
    }

    /// The lines of one part, in order.
    pub fn part(&self, part: &str) -> Vec<&Line> {
        self.lines.iter().filter(|l| l.part == part).collect()
    }

    pub fn to_csv(&self) -> String {
        let mut rows = vec![vec![
            "Part".to_string(),
            "Measure".to_string(),
            "Value".to_string(),
        ]];
        rows.push(vec!["Period".into(), "Dates".into(), self.period.words()]);
        rows.extend(
            self.lines
                .iter()
                .map(|l| vec![l.part.to_string(), l.measure.clone(), l.shown.words()]),
        );
        csv::table(&rows)
    }
}

fn days(n: f64) -> String {
    if n == 1.0 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// The report on `clinic` for `period`, as it reads once the period is over.
pub fn report(clinic: &Clinic, period: Period) -> Report {
    report_on(clinic, period, period.to)
}

/// The report on `clinic` for `period` as it reads on `today`: the rota
/// counts only the sessions up to today, and says which dates it counted.
pub fn report_on(clinic: &Clinic, period: Period, today: NaiveDate) -> Report {
    let mut lines = Vec::new();
    let mut line = |part: &'static str, measure: String, shown: Shown| {
        lines.push(Line {
            part,
            measure,
            shown,
        })
    };

    // Referrals.
    let referred: Vec<_> = clinic
        .people
        .iter()
        .filter(|p| period.has(&p.referred_on))
        .collect();
    line("Referrals", "People referred".into(), count(referred.len()));
    for source in Source::ALL {
        let n = referred.iter().filter(|p| p.source == source).count();
        line(
            "Referrals",
            format!("Referred by: {}", source.name()),
            count(n),
        );
    }
    // Who suggested self-referring, as the referral pads' codes or the
    // person said.
    let own: Vec<_> = referred
        .iter()
        .filter(|p| p.source == Source::SelfReferral)
        .collect();
    for kind in SuggestedBy::ALL {
        let n = own.iter().filter(|p| p.suggested_by == Some(kind)).count();
        line(
            "Referrals",
            format!("Self-referrals suggested by: {}", kind.report_name()),
            count(n),
        );
    }
    line(
        "Referrals",
        "Self-referrals suggested by: not said".into(),
        count(own.iter().filter(|p| p.suggested_by.is_none()).count()),
    );
    for need in SupportNeed::ALL {
        let n = referred.iter().filter(|p| p.needs.contains(need)).count();
        line(
            "Referrals",
            format!("Support with: {}", need.label()),
            count(n),
        );
    }
    let own = own.len();
    line(
        "Referrals",
        "Self-referrals as a share of all referrals".into(),
        resting_on(referred.len(), percent(own, referred.len()), |v| {
            format!("{v}%")
        }),
    );

    // Waiting from referral to first appointment, for people first seen in the period.
    let attendance = clinic.attendance();
    let mut waits: Vec<i64> = clinic
        .people
        .iter()
        .filter_map(|p| {
            let first = attendance.get(&p.id)?.first;
            period
                .contains(first)
                .then(|| p.referred().map(|r| (first - r).num_days().max(0)))
                .flatten()
        })
        .collect();
    waits.sort_unstable();
    line(
        "Waiting",
        "Median wait from referral to first appointment".into(),
        resting_on(waits.len(), median(&waits), days),
    );
    line(
        "Waiting",
        "Longest wait from referral to first appointment".into(),
        resting_on(waits.len(), waits.last().map(|w| *w as f64), days),
    );

    // Appointments in the period.
    let booked: Vec<_> = clinic
        .bookings
        .iter()
        .filter(|b| period.has(&b.date))
        .collect();
    let with = |outcome: Outcome| booked.iter().filter(|b| b.outcome == outcome).count();
    let (attended, missed, cancelled) = (
        with(Outcome::Attended),
        with(Outcome::DidNotAttend),
        with(Outcome::Cancelled),
    );
    line(
        "Appointments",
        "Appointments offered".into(),
        count(booked.len()),
    );
    line("Appointments", "Attended".into(), count(attended));
    line("Appointments", "Did not attend".into(), count(missed));
    line("Appointments", "Cancelled".into(), count(cancelled));
    line(
        "Appointments",
        "Did-not-attend rate".into(),
        resting_on_counted(
            attended + missed,
            "appointments",
            percent(missed, attended + missed),
            |v| format!("{v}%"),
        ),
    );
    for (texted, measure) in [
        (true, "Did-not-attend rate after a reminder text"),
        (false, "Did-not-attend rate with no reminder text"),
    ] {
        let due: Vec<_> = booked
            .iter()
            .filter(|b| {
                b.reminder_sent == texted
                    && matches!(b.outcome, Outcome::Attended | Outcome::DidNotAttend)
            })
            .collect();
        let missed = due
            .iter()
            .filter(|b| b.outcome == Outcome::DidNotAttend)
            .count();
        line(
            "Appointments",
            measure.into(),
            resting_on_counted(due.len(), "appointments", percent(missed, due.len()), |v| {
                format!("{v}%")
            }),
        );
    }

    // Contacts: log entries and attended appointments in the period, per person with any.
    let mut attended_in_period: std::collections::HashMap<u64, usize> = Default::default();
    for b in booked.iter().filter(|b| b.outcome == Outcome::Attended) {
        *attended_in_period.entry(b.person).or_default() += 1;
    }
    let contacts: Vec<usize> = clinic
        .people
        .iter()
        .map(|p| {
            p.log.iter().filter(|e| period.has(&e.on)).count()
                + attended_in_period.get(&p.id).copied().unwrap_or(0)
        })
        .filter(|n| *n > 0)
        .collect();
    let average = (!contacts.is_empty()).then(|| {
        let total: usize = contacts.iter().sum();
        (total as f64 / contacts.len() as f64 * 10.0).round() / 10.0
    });
    line("Contacts", "People contacted".into(), count(contacts.len()));
    line(
        "Contacts",
        "Contacts per person".into(),
        resting_on(contacts.len(), average, |v| v.to_string()),
    );

    // Outcomes of the people referred in the period.
    for status in [PersonStatus::Finished, PersonStatus::Declined] {
        let n = referred.iter().filter(|p| p.status == status).count();
        line(
            "Outcomes",
            format!("{} (of those referred)", status.name()),
            count(n),
        );
    }

    // Wellbeing: first and latest scores, for people whose latest is in the period.
    // Each person's answers, from their record and the plans made with them.
    let answers: Vec<_> = clinic
        .people
        .iter()
        .map(|p| clinic.wellbeing_of(p.id))
        .filter(|answers| answers.len() >= 2)
        .collect();
    for question in Question::ALL {
        let pairs: Vec<(u8, u8)> = answers
            .iter()
            .filter_map(|answers| {
                let latest = answers.last()?;
                if !period.has(&latest.on) {
                    return None;
                }
                let first = answers.first()?.scores.get(question)?.score()?;
                Some((first, latest.scores.get(question)?.score()?))
            })
            .collect();
        let change = (!pairs.is_empty()).then(|| {
            let total: i32 = pairs
                .iter()
                .map(|(a, b)| i32::from(*b) - i32::from(*a))
                .sum();
            (f64::from(total) / pairs.len() as f64 * 10.0).round() / 10.0
        });
        let n = pairs.len();
        line(
            "Wellbeing",
            format!("{}: average change", question.name()),
            resting_on(n, change, |v| format!("{v:+} (from {n} people)")),
        );
        let moved = |better: bool| {
            pairs
                .iter()
                .filter(|(a, b)| {
                    let (from, to) = (question.band(*a).rank(), question.band(*b).rank());
                    let up = if question.lower_is_better() {
                        to < from
                    } else {
                        to > from
                    };
                    let down = if question.lower_is_better() {
                        to > from
                    } else {
                        to < from
                    };
                    if better {
                        up
                    } else {
                        down
                    }
                })
                .count()
        };
        line(
            "Wellbeing",
            format!("{}: people moving to a better band", question.name()),
            count(moved(true)),
        );
        line(
            "Wellbeing",
            format!("{}: people moving to a worse band", question.name()),
            count(moved(false)),
        );
    }

    // The rota: only the sessions that have happened, up to today.
    let happened = (period.from <= today).then(|| Period {
        from: period.from,
        to: period.to.min(today),
    });
    let sessions: Vec<_> = happened
        .map(|h| clinic.sessions.between(h.from, h.to))
        .unwrap_or_default()
        .into_iter()
        .filter(|s| s.closed.is_none())
        .collect();
    let on_duty: Vec<Option<Id>> = sessions.iter().map(|s| clinic.on_duty(s)).collect();
    let covered = on_duty.iter().filter(|v| v.is_some()).count();
    let plain = |n: usize| Shown::Figure(n as f64, n.to_string());
    let held = match happened {
        Some(h) => format!("Sessions held from {}", h.words()),
        None => "Sessions held: none yet, the period has not started".to_string(),
    };
    line("Rota", held, plain(sessions.len()));
    line("Rota", "Sessions covered".into(), plain(covered));
    line(
        "Rota",
        "Sessions nobody covered".into(),
        plain(sessions.len() - covered),
    );
    for volunteer in &clinic.volunteers {
        let n = on_duty.iter().filter(|v| **v == Some(volunteer.id)).count();
        line(
            "Rota",
            format!("Sessions for {}", volunteer.name.trim()),
            plain(n),
        );
    }
    Report { period, lines }
}
