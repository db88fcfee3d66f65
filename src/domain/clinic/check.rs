//! Checking a whole clinic that came from outside this device (a backup to
//! restore, another volunteer's backup to merge) with the same rules the
//! forms apply as each record is typed: times within the day and ending after
//! they start, lengths and limits within what the forms allow, real dates,
//! ids used once, and appointments that point at a person and a session the
//! clinic has. Each problem names its record and field in a volunteer's
//! words, so they can choose to go on without that record.

use super::people::Person;
use super::time::TimeRange;
use super::{Clinic, Id};
use crate::domain::dates;
use std::collections::HashSet;

/// Where a record is in the clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The appointment lengths and the safe caseload.
    Settings,
    Weekly(usize),
    OneOff(usize),
    Closed(usize),
    Volunteer(usize),
    Rota(usize),
    Person(usize),
    /// A person's log line: the person, then the line.
    Log(usize, usize),
    /// A safeguarding concern: the person, then the concern.
    Concern(usize, usize),
    Appointment(usize),
    /// The plans made with one person at the clinic.
    Plans(usize),
    /// A record that could not be read at all, so is not in the clinic.
    NotRead,
}

/// A record that breaks a rule, in words: "Sam Taylor's appointment on
/// Tuesday 3 March 2026: its end time is before its start time".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordProblem {
    pub place: Place,
    /// The record, as a volunteer would name it.
    pub record: String,
    /// What is wrong with it.
    pub why: String,
}

impl RecordProblem {
    pub fn message(&self) -> String {
        format!("{}: {}", self.record, self.why)
    }
}

/// The limits the forms put on what is typed (`forms.rs`), lowest and highest.
pub const FIRST_MINUTES: (u32, u32) = (10, 180);
pub const FOLLOW_UP_MINUTES: (u32, u32) = (5, 180);
pub const BUFFER_MINUTES: (u32, u32) = (0, 60);
pub const PREFERRED_MINUTES: (u32, u32) = (10, 180);
pub const SAFE_YEARLY_MAXIMUM: (u32, u32) = (1, 2000);
/// Why a stretch of time cannot be, if it cannot.
fn times_problem(times: TimeRange) -> Option<&'static str> {
    if !times.start.is_of_day() || !times.end.is_of_day() {
        Some("its times are not times of day")
    } else if times.end <= times.start {
        Some("it ends before it starts")
    } else {
        None
    }
}

fn real_date(text: &str) -> bool {
    dates::parse_iso(text).is_some()
}

/// "Tuesday 3 March 2026", or the text as stored when it is not a date.
fn date_words(text: &str) -> String {
    dates::parse_iso(text).map_or_else(|| format!("\"{text}\""), dates::long_date)
}

fn within<T: PartialOrd>(value: T, (low, high): (T, T)) -> bool {
    low <= value && value <= high
}

/// "Sam Taylor", or "A person with no name" where the name is missing.
fn person_words(person: &Person) -> String {
    if person.name.trim().is_empty() {
        "A person with no name".to_string()
    } else {
        person.name.trim().to_string()
    }
}

struct Found(Vec<RecordProblem>);

impl Found {
    fn say(&mut self, place: Place, record: impl Into<String>, why: impl Into<String>) {
        self.0.push(RecordProblem {
            place,
            record: record.into(),
            why: why.into(),
        });
    }
}

impl Clinic {
    /// Every record that breaks a rule, in the clinic's order; none for a
    /// clinic the app itself made.
    pub fn problems(&self) -> Vec<RecordProblem> {
        let mut found = Found(Vec::new());
        self.settings_problems(&mut found);
        let sessions = self.session_problems(&mut found);
        self.volunteer_problems(&mut found);
        let people = self.people_problems(&mut found);
        self.appointment_problems(&mut found, &sessions, &people);
        self.plan_problems(&mut found, &people);
        found.0
    }

    fn settings_problems(&self, found: &mut Found) {
        let slots = &self.slots;
        let settings = [
            (
                "a first appointment",
                u32::from(slots.first_minutes),
                FIRST_MINUTES,
                " minutes",
            ),
            (
                "a follow-up",
                u32::from(slots.follow_up_minutes),
                FOLLOW_UP_MINUTES,
                " minutes",
            ),
            (
                "the minutes between appointments",
                u32::from(slots.buffer_minutes),
                BUFFER_MINUTES,
                "",
            ),
            (
                "the safe number of people a year",
                self.safe_yearly_maximum,
                SAFE_YEARLY_MAXIMUM,
                "",
            ),
        ];
        let why: Vec<String> = settings
            .into_iter()
            .filter(|(_, value, range, _)| !within(*value, *range))
            .map(|(what, value, (low, high), unit)| {
                format!("{what} must be between {low} and {high}{unit}, not {value}")
            })
            .collect();
        if !why.is_empty() {
            found.say(Place::Settings, "The appointment settings", why.join("; "));
        }
    }

    /// Checks the sessions; returns the ids of those appointments may be in.
    fn session_problems(&self, found: &mut Found) -> HashSet<Id> {
        let mut ids = HashSet::new();
        for (n, s) in self.sessions.weekly.iter().enumerate() {
            let name = if s.weekday <= 6 {
                format!(
                    "The weekly session on {}s in {}",
                    super::sessions::weekday_name(s.weekday),
                    s.room.trim()
                )
            } else {
                format!("A weekly session in {}", s.room.trim())
            };
            let why = if !ids.insert(s.id) {
                Some("another session has the same id".to_string())
            } else if s.weekday > 6 {
                Some(format!("its day of the week ({}) is not a day", s.weekday))
            } else if let Some(why) = times_problem(s.times) {
                Some(why.to_string())
            } else if !real_date(&s.first) {
                Some(format!(
                    "its first date {} is not a real date",
                    date_words(&s.first)
                ))
            } else if !s.last.is_empty() && !real_date(&s.last) {
                Some(format!(
                    "its last date {} is not a real date",
                    date_words(&s.last)
                ))
            } else {
                None
            };
            if let Some(why) = why {
                found.say(Place::Weekly(n), name, why);
            }
        }
        for (n, s) in self.sessions.extra.iter().enumerate() {
            let name = format!("The one-off session on {}", date_words(&s.date));
            let why = if !ids.insert(s.id) {
                Some("another session has the same id")
            } else if !real_date(&s.date) {
                Some("its date is not a real date")
            } else {
                times_problem(s.times)
            };
            if let Some(why) = why {
                found.say(Place::OneOff(n), name, why);
            }
        }
        for (n, c) in self.sessions.closed.iter().enumerate() {
            if !real_date(&c.date) {
                found.say(
                    Place::Closed(n),
                    format!("The closed date {}", date_words(&c.date)),
                    "it is not a real date",
                );
            }
        }
        for (n, r) in self.rota.iter().enumerate() {
            if !real_date(&r.date) {
                found.say(
                    Place::Rota(n),
                    format!("A rota duty on {}", date_words(&r.date)),
                    "its date is not a real date",
                );
            }
        }
        ids
    }

    fn volunteer_problems(&self, found: &mut Found) {
        let mut ids = HashSet::new();
        for (n, v) in self.volunteers.iter().enumerate() {
            let name = if v.name.trim().is_empty() {
                "A volunteer with no name".to_string()
            } else {
                format!("The volunteer {}", v.name.trim())
            };
            let why = if !ids.insert(v.id) {
                Some("another volunteer has the same id".to_string())
            } else if v.name.trim().is_empty() {
                Some("their name is missing".to_string())
            } else if let Some(u) = v
                .usually
                .iter()
                .find(|u| u.weekday > 6 || times_problem(u.times).is_some())
            {
                Some(format!(
                    "a time they can usually do is not a time on a day of the week ({})",
                    u.times.words()
                ))
            } else if !v.photo.is_empty() && !super::faces::is_kept_photo(&v.photo) {
                Some("their photo is not a small picture kept by this app".to_string())
            } else {
                v.away
                    .iter()
                    .find(|a| !real_date(&a.from) || !real_date(&a.to))
                    .map(|a| {
                        format!(
                            "the dates they are away, {} to {}, are not real dates",
                            date_words(&a.from),
                            date_words(&a.to)
                        )
                    })
            };
            if let Some(why) = why {
                found.say(Place::Volunteer(n), name, why);
            }
        }
    }

    /// Checks the people, their logs and concerns; returns the ids of the
    /// people appointments may be for.
    fn people_problems(&self, found: &mut Found) -> HashSet<Id> {
        let mut ids = HashSet::new();
        let mut log_ids = HashSet::new();
        for (n, p) in self.people.iter().enumerate() {
            let name = person_words(p);
            let why = if !ids.insert(p.id) {
                Some("another person has the same id, so only one of them could be opened".into())
            } else if p.name.trim().is_empty() {
                Some("their name is missing".to_string())
            } else if !p.referred_on.is_empty() && !real_date(&p.referred_on) {
                Some(format!(
                    "the date they were referred, {}, is not a real date",
                    date_words(&p.referred_on)
                ))
            } else if !p.date_of_birth.is_empty() && !real_date(&p.date_of_birth) {
                Some(format!(
                    "their date of birth, {}, is not a real date",
                    date_words(&p.date_of_birth)
                ))
            } else if p
                .preferred_minutes
                .is_some_and(|m| !within(u32::from(m), PREFERRED_MINUTES))
            {
                Some(format!(
                    "their appointment length must be between {} and {} minutes",
                    PREFERRED_MINUTES.0, PREFERRED_MINUTES.1
                ))
            } else if p.days.iter().any(|d| *d > 6) {
                Some("a day they can come is not a day of the week".to_string())
            } else if p
                .wellbeing
                .iter()
                .any(|w| !real_date(&w.on) || scores_out_of_range(&w.scores))
            {
                Some("a wellbeing score is not a score from 0 to 10 on a real date".to_string())
            } else {
                None
            };
            if let Some(why) = why {
                found.say(Place::Person(n), name.clone(), why);
            }
            for (line, entry) in p.log.iter().enumerate() {
                let why = if !log_ids.insert(entry.id) {
                    Some("another log entry has the same id")
                } else if !real_date(&entry.on) {
                    Some("its date is not a real date")
                } else if !entry.follow_up.is_empty() && !real_date(&entry.follow_up) {
                    Some("its follow-up date is not a real date")
                } else {
                    None
                };
                if let Some(why) = why {
                    found.say(
                        Place::Log(n, line),
                        format!("{name}’s log entry of {}", date_words(&entry.on)),
                        why,
                    );
                }
            }
            for (c, concern) in p.concerns.iter().enumerate() {
                let cleared_badly = concern
                    .cleared
                    .as_ref()
                    .is_some_and(|(on, _)| !real_date(on));
                if !real_date(&concern.raised_on) || cleared_badly {
                    found.say(
                        Place::Concern(n, c),
                        format!("{name}’s safeguarding concern"),
                        "its date is not a real date",
                    );
                }
            }
        }
        ids
    }

    fn appointment_problems(
        &self,
        found: &mut Found,
        sessions: &HashSet<Id>,
        people: &HashSet<Id>,
    ) {
        let mut ids = HashSet::new();
        for (n, b) in self.bookings.iter().enumerate() {
            let whose = self.person(b.person).map_or_else(
                || "An appointment".to_string(),
                |p| format!("{}’s appointment", person_words(p)),
            );
            let name = format!("{whose} on {}", date_words(&b.date));
            let why = if !ids.insert(b.id) {
                Some("another appointment has the same id")
            } else if !people.contains(&b.person) {
                Some("it is for a person who is not in the clinic")
            } else if !sessions.contains(&b.session) {
                Some("it is in a session the clinic does not have")
            } else if !real_date(&b.date) {
                Some("its date is not a real date")
            } else {
                times_problem(b.times)
            };
            if let Some(why) = why {
                found.say(Place::Appointment(n), name, why);
            }
        }
    }

    fn plan_problems(&self, found: &mut Found, people: &HashSet<Id>) {
        let mut seen = HashSet::new();
        for (n, book) in self.plans.iter().enumerate() {
            let record = self.person(book.person).map_or_else(
                || "Plans made at the clinic".to_string(),
                |p| format!("The plans made with {}", person_words(p)),
            );
            let mut ids = HashSet::new();
            let why = if !people.contains(&book.person) {
                Some("they are for a person who is not in the clinic")
            } else if !seen.insert(book.person) {
                Some("the clinic holds a second set of plans for the same person")
            } else if book.book.plans.iter().any(|p| !ids.insert(p.id.as_str())) {
                Some("two of the plans have the same id")
            } else if book.book.plans.iter().any(|plan| {
                plan.wellbeing_history()
                    .iter()
                    .any(|r| scores_out_of_range(r.scores))
            }) {
                Some("a wellbeing score is not a score from 0 to 10")
            } else {
                None
            };
            if let Some(why) = why {
                found.say(Place::Plans(n), record, why);
            }
        }
    }

    /// The clinic without the records named in `problems`; the settings, if
    /// named, go back to the usual ones. Taking a person out takes their
    /// appointments with them, which [`Clinic::problems`] would name next:
    /// see [`Clinic::without_all_problems`].
    pub fn without(&self, problems: &[RecordProblem]) -> Clinic {
        let mut clinic = self.clone();
        let mut places: Vec<Place> = problems.iter().map(|p| p.place).collect();
        places.sort_unstable();
        places.dedup();
        // From the last place to the first, so earlier places stay where they are.
        for place in places.into_iter().rev() {
            match place {
                Place::Settings => {
                    let usual = Clinic::default();
                    clinic.slots = usual.slots;
                    clinic.safe_yearly_maximum = usual.safe_yearly_maximum;
                }
                Place::Weekly(n) => drop_at(&mut clinic.sessions.weekly, n),
                Place::OneOff(n) => drop_at(&mut clinic.sessions.extra, n),
                Place::Closed(n) => drop_at(&mut clinic.sessions.closed, n),
                Place::Volunteer(n) => drop_at(&mut clinic.volunteers, n),
                Place::Rota(n) => drop_at(&mut clinic.rota, n),
                Place::Person(n) => drop_at(&mut clinic.people, n),
                Place::Log(n, line) => {
                    if let Some(p) = clinic.people.get_mut(n) {
                        drop_at(&mut p.log, line);
                    }
                }
                Place::Concern(n, c) => {
                    if let Some(p) = clinic.people.get_mut(n) {
                        drop_at(&mut p.concerns, c);
                    }
                }
                Place::Appointment(n) => drop_at(&mut clinic.bookings, n),
                Place::Plans(n) => drop_at(&mut clinic.plans, n),
                Place::NotRead => {}
            }
        }
        clinic
    }

    /// Every problem, including those that taking a record out causes (the
    /// appointments of a person taken out), and the clinic without them all.
    pub fn without_all_problems(&self) -> (Clinic, Vec<RecordProblem>) {
        let mut clinic = self.clone();
        let mut all = Vec::new();
        // Each round takes records out; a record is never named twice, so this ends.
        for _ in 0..4 {
            let problems = clinic.problems();
            if problems.is_empty() {
                break;
            }
            clinic = clinic.without(&problems);
            all.extend(problems);
        }
        (clinic, all)
    }
}

/// Whether any of the four wellbeing answers is a score above 10.
fn scores_out_of_range(scores: &crate::domain::plan::wellbeing::Scores) -> bool {
    crate::domain::plan::wellbeing::Question::ALL
        .into_iter()
        .any(|q| {
            scores
                .get(q)
                .and_then(|a| a.score())
                .is_some_and(|s| s > 10)
        })
}

fn drop_at<T>(list: &mut Vec<T>, n: usize) {
    if n < list.len() {
        list.remove(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clinic::slots::SlotSettings;
    use crate::domain::clinic::time::{ClockTime, TimeRange};
    use crate::domain::sample::{generate, Size};

    /// A small clinic of three people, one of whom has a plan made there.
    fn three_people_one_plan() -> Clinic {
        let size = Size {
            people: 3,
            appointments: 0,
            log_entries: 0,
            services: 0,
            plans: 1,
        };
        generate(4, size).clinic
    }

    #[test]
    fn a_clinic_the_app_made_breaks_no_rule() {
        let size = Size {
            people: 60,
            appointments: 300,
            log_entries: 100,
            services: 0,
            plans: 1,
        };
        let clinic = generate(3, size).clinic;
        assert!(
            !clinic.plans.is_empty(),
            "the sample has a plan made at the clinic"
        );
        assert_eq!(clinic.problems(), vec![]);
    }

    #[test]
    fn plans_for_a_person_not_in_the_clinic_are_named_and_go_with_their_person() {
        let mut clinic = three_people_one_plan();
        let whose = clinic.plans[0].person;
        clinic.person_mut(whose).unwrap().name = String::new();
        let (without, problems) = clinic.without_all_problems();
        assert_eq!(
            problems.last().unwrap().message(),
            "Plans made at the clinic: they are for a person who is not in the clinic"
        );
        assert!(without.plans.is_empty() && without.problems().is_empty());
    }

    #[test]
    fn a_volunteers_photo_that_is_not_a_small_picture_is_named() {
        let mut clinic = three_people_one_plan();
        let name = clinic.volunteers[0].name.clone();
        clinic.volunteers[0].photo = "https://tracker.example/jo.png".to_string();
        assert_eq!(
            clinic.problems()[0].message(),
            format!("The volunteer {name}: their photo is not a small picture kept by this app")
        );
        clinic.volunteers[0].photo = "data:image/jpeg;base64,/9j/4AAQ".to_string();
        assert_eq!(clinic.problems(), vec![]);
    }

    #[test]
    fn a_wellbeing_score_above_10_in_a_plan_is_named() {
        let mut clinic = three_people_one_plan();
        let name = clinic.person(clinic.plans[0].person).unwrap().name.clone();
        let plan = &mut clinic.plans[0].book.plans[0];
        plan.wellbeing.happy = Some(crate::domain::plan::wellbeing::Answer::Score(11));
        let problems = clinic.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message(),
            format!("The plans made with {name}: a wellbeing score is not a score from 0 to 10")
        );
    }

    #[test]
    fn a_session_ending_past_the_end_of_the_day_is_named_and_cannot_stop_a_page() {
        let mut clinic = generate(
            3,
            Size {
                people: 2,
                appointments: 2,
                log_entries: 0,
                services: 0,
                plans: 0,
            },
        )
        .clinic;
        let stored = serde_json::json!({ "start": 540, "end": 65535 });
        let times: TimeRange = serde_json::from_value(stored).unwrap();
        clinic.sessions.weekly[0].times = times;
        let problems = clinic.problems();
        assert_eq!(problems[0].place, Place::Weekly(0));
        assert!(problems[0].why.contains("not times of day"));
        assert_eq!(times.words(), "9am to no real time");
        // Cutting it into slots ends at the end of the day, at once.
        let slots = SlotSettings::default().free_slots(times, &[], 20);
        assert_eq!(slots.last().map(|s| s.end), ClockTime::at(23, 40).into());
        let near_the_top = TimeRange::new(ClockTime::at(9, 0), times.end);
        let settings = SlotSettings {
            buffer_minutes: u16::MAX,
            ..SlotSettings::default()
        };
        assert!(settings
            .free_slots(near_the_top, &[near_the_top], u16::MAX)
            .is_empty());
        assert!(!settings.fits(near_the_top, &[near_the_top], near_the_top));
    }

    #[test]
    fn taking_out_a_person_takes_their_appointments_and_says_so() {
        let mut clinic = generate(
            5,
            Size {
                people: 3,
                appointments: 6,
                log_entries: 0,
                services: 0,
                plans: 0,
            },
        )
        .clinic;
        let whose = clinic.bookings[0].person;
        let person = clinic.people.iter().position(|p| p.id == whose).unwrap();
        clinic.people[person].name = "  ".into();
        let theirs = clinic.bookings.iter().filter(|b| b.person == whose).count();
        let (without, problems) = clinic.without_all_problems();
        assert_eq!(
            problems[0].message(),
            "A person with no name: their name is missing"
        );
        let gone = problems
            .iter()
            .filter(|p| p.why == "it is for a person who is not in the clinic")
            .count();
        assert_eq!(gone, theirs);
        assert_eq!(without.bookings.len(), clinic.bookings.len() - theirs);
        assert!(without.problems().is_empty());
    }
}
