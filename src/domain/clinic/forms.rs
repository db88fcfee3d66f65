//! What volunteers type into the clinic's forms, checked into clinic records
//! with GOV.UK-style messages. A form keeps the text as typed, so nothing is
//! lost when a message asks for a change.

mod person;
pub use person::PersonForm;

use super::check::{
    BUFFER_MINUTES, FIRST_MINUTES, FOLLOW_UP_MINUTES, PREFERRED_MINUTES, SAFE_YEARLY_MAXIMUM,
};
use super::people::EscalatedTo;
use super::rota::{Away, Usually, Volunteer};
use super::sessions::{weekday_name, ClosedDate, ExtraSession, WeeklySession};
use super::slots::SlotSettings;
use super::time::{ClockTime, TimeRange};
use super::Id;
use crate::domain::dates::{self, TypedDate, TypedDateProblem};
use crate::domain::form::{too_long, FieldError};
use crate::domain::referral::validate::{is_email, is_uk_phone};
use chrono::NaiveDate;

/// The longest name, room or reason a form takes.
const SHORT_TEXT: usize = 100;
/// The longest note a form takes.
const NOTE: usize = 1000;

/// A time as typed, or the error for `field`; `name` as in "Enter a start time".
fn time(field: &str, name: &str, typed: &str) -> Result<ClockTime, FieldError> {
    if typed.trim().is_empty() {
        return Err(FieldError::new(field, format!("Enter {name}, like 9:30am")));
    }
    ClockTime::parse(typed).ok_or_else(|| {
        FieldError::new(
            field,
            format!("Enter {name} in the right format, like 9:30am or 14:00"),
        )
    })
}

/// A start and end as typed: both real times, the end after the start.
fn times(prefix: &str, start: &str, end: &str) -> Result<TimeRange, Vec<FieldError>> {
    let start = time(&format!("{prefix}start"), "a start time", start);
    let end = time(&format!("{prefix}end"), "an end time", end);
    match (start, end) {
        (Ok(start), Ok(end)) if end.minutes() <= start.minutes() => Err(vec![FieldError::new(
            format!("{prefix}end"),
            "End time must be after the start time",
        )]),
        (Ok(start), Ok(end)) => Ok(TimeRange::new(start, end)),
        (start, end) => Err([start.err(), end.err()].into_iter().flatten().collect()),
    }
}

/// Text a person must give, trimmed, or the error for `field`.
fn required(field: &str, typed: &str, missing: &str, name: &str) -> Result<String, FieldError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, missing));
    }
    if let Some(error) = too_long(field, name, text, SHORT_TEXT) {
        return Err(error);
    }
    Ok(text.to_string())
}

/// A date as typed, the error naming it as `name` ("Date of the session").
fn date(field: &str, name: &str, typed: &TypedDate) -> Result<NaiveDate, FieldError> {
    typed.date().map_err(|problem| {
        let message = match problem {
            TypedDateProblem::Missing => format!("Enter the {}", name.to_lowercase()),
            TypedDateProblem::YearNotFourNumbers => "Year must include 4 numbers".to_string(),
            TypedDateProblem::NotReal => format!("{name} must be a real date"),
        };
        FieldError::new(field, message)
    })
}

/// The problems with an optional phone number and email address, as typed.
fn contact_errors(phone: &str, email: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !phone.trim().is_empty() && !is_uk_phone(phone) {
        errors.push(FieldError::new(
            "phone",
            "Enter a UK phone number, like 07700 900 982",
        ));
    }
    if !email.trim().is_empty() && !is_email(email) {
        errors.push(FieldError::new(
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ));
    }
    errors
}

/// Which side of today a date must be on.
#[derive(Clone, Copy, PartialEq)]
enum When {
    TodayOrLater,
    TodayOrEarlier,
}

/// A date as typed that must be on `when`'s side of `today`.
fn date_from_today(
    field: &str,
    name: &str,
    typed: &TypedDate,
    today: NaiveDate,
    when: When,
) -> Result<NaiveDate, FieldError> {
    let on = date(field, name, typed)?;
    match when {
        When::TodayOrLater if on < today => Err(FieldError::new(
            field,
            format!("{name} must be today or in the future"),
        )),
        When::TodayOrEarlier if on > today => Err(FieldError::new(
            field,
            format!("{name} must be today or in the past"),
        )),
        _ => Ok(on),
    }
}

/// The value of one check, its error added to `errors`.
fn keep<T>(result: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// The value of a check with several errors, its errors added to `errors`.
fn keep_all<T>(result: Result<T, Vec<FieldError>>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.extend(e)).ok()
}

/// `value` when nothing was wrong, otherwise every error found.
fn finish<T>(value: Option<T>, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

/// A weekly session as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeeklySessionForm {
    /// Days after Monday, as ticked: the session runs on each.
    pub weekdays: Vec<u8>,
    pub start: String,
    pub end: String,
    pub room: String,
}

impl WeeklySessionForm {
    /// The form filled in with a session's day, times and room, to change it.
    pub fn from_session(session: &WeeklySession) -> Self {
        WeeklySessionForm {
            weekdays: vec![session.weekday],
            start: session.times.start.words(),
            end: session.times.end.words(),
            room: session.room.clone(),
        }
    }

    /// One weekly session for each day ticked, starting from `today` (the
    /// first with `id`, the others with ids from `more_ids`), or what to fix.
    pub fn check(
        &self,
        id: Id,
        mut more_ids: impl FnMut() -> Id,
        today: NaiveDate,
    ) -> Result<Vec<WeeklySession>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut days: Vec<u8> = self.weekdays.iter().copied().filter(|d| *d <= 6).collect();
        days.sort_unstable();
        days.dedup();
        if days.is_empty() {
            errors.push(FieldError::new(
                "weekday",
                "Select the days of the week the session runs",
            ));
        }
        let times = keep_all(times("", &self.start, &self.end), &mut errors);
        let room = keep(
            required("room", &self.room, "Enter the room, like Room 2", "Room"),
            &mut errors,
        );
        let sessions = (|| {
            let (times, room) = (times?, room?);
            Some(
                days.iter()
                    .enumerate()
                    .map(|(n, weekday)| WeeklySession {
                        id: if n == 0 { id } else { more_ids() },
                        weekday: *weekday,
                        times,
                        room: room.clone(),
                        first: dates::iso(today),
                        last: String::new(),
                    })
                    .collect(),
            )
        })();
        finish(sessions, errors)
    }
}

/// A one-off session as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExtraSessionForm {
    pub date: TypedDate,
    pub start: String,
    pub end: String,
    pub room: String,
}

impl ExtraSessionForm {
    /// The form filled in with a one-off session's date, times and room, to change it.
    pub fn from_session(session: &ExtraSession) -> Self {
        ExtraSessionForm {
            date: dates::parse_iso(&session.date)
                .map(TypedDate::from_date)
                .unwrap_or_default(),
            start: session.times.start.words(),
            end: session.times.end.words(),
            room: session.room.clone(),
        }
    }

    pub fn check(&self, id: Id, today: NaiveDate) -> Result<ExtraSession, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = keep(
            date_from_today(
                "extra-date-day",
                "Date of the session",
                &self.date,
                today,
                When::TodayOrLater,
            ),
            &mut errors,
        );
        let times = keep_all(times("extra-", &self.start, &self.end), &mut errors);
        let room = keep(
            required(
                "extra-room",
                &self.room,
                "Enter the room, like Room 2",
                "Room",
            ),
            &mut errors,
        );
        let session = (|| {
            Some(ExtraSession {
                id,
                date: dates::iso(on?),
                times: times?,
                room: room?,
            })
        })();
        finish(session, errors)
    }
}

/// A date the clinic is closed, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClosedDateForm {
    pub date: TypedDate,
    pub reason: String,
}

impl ClosedDateForm {
    pub fn check(&self) -> Result<ClosedDate, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = keep(
            date("closed-date-day", "Date the clinic is closed", &self.date),
            &mut errors,
        );
        let reason = keep(
            required(
                "closed-reason",
                &self.reason,
                "Enter why the clinic is closed, like Bank holiday",
                "Reason",
            ),
            &mut errors,
        );
        let closed = (|| {
            Some(ClosedDate {
                date: dates::iso(on?),
                reason: reason?,
                room: String::new(),
            })
        })();
        finish(closed, errors)
    }
}

/// A volunteer as typed: the weekly sessions they can usually do are chosen
/// from the clinic's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VolunteerForm {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The ids of the weekly sessions they can usually do.
    pub sessions: Vec<Id>,
    pub away_from: TypedDate,
    pub away_to: TypedDate,
    /// A relief volunteer, with no regular session: they cover when asked.
    pub relief: bool,
}

impl VolunteerForm {
    /// The form filled in with `volunteer`'s details, to change them.
    pub fn from_volunteer(volunteer: &Volunteer, weekly: &[WeeklySession]) -> VolunteerForm {
        let typed = |date: &str| {
            dates::parse_iso(date)
                .map(TypedDate::from_date)
                .unwrap_or_default()
        };
        let away = volunteer.away.first();
        VolunteerForm {
            name: volunteer.name.clone(),
            phone: volunteer.phone.clone(),
            email: volunteer.email.clone(),
            sessions: weekly
                .iter()
                .filter(|s| {
                    volunteer
                        .usually
                        .iter()
                        .any(|u| u.weekday == s.weekday && u.times == s.times)
                })
                .map(|s| s.id)
                .collect(),
            away_from: away.map(|a| typed(&a.from)).unwrap_or_default(),
            away_to: away.map(|a| typed(&a.to)).unwrap_or_default(),
            relief: !weekly.is_empty() && volunteer.usually.is_empty(),
        }
    }

    /// `volunteer` with the details as typed; times away the form does not
    /// show (after the first) are kept.
    pub fn change(
        &self,
        volunteer: &Volunteer,
        weekly: &[WeeklySession],
    ) -> Result<Volunteer, Vec<FieldError>> {
        let mut changed = self.check(volunteer.id, weekly)?;
        changed.away.extend(volunteer.away.iter().skip(1).cloned());
        Ok(changed)
    }

    pub fn check(&self, id: Id, weekly: &[WeeklySession]) -> Result<Volunteer, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = keep(
            required("name", &self.name, "Enter the volunteer's name", "Name"),
            &mut errors,
        );
        errors.extend(contact_errors(&self.phone, &self.email));
        let usually: Vec<Usually> = weekly
            .iter()
            .filter(|s| !self.relief && self.sessions.contains(&s.id))
            .map(|s| Usually {
                weekday: s.weekday,
                times: s.times,
            })
            .collect();
        if !weekly.is_empty() && usually.is_empty() && !self.relief {
            errors.push(FieldError::new(
                "sessions",
                "Select the sessions they can usually do",
            ));
        }
        let away = match (self.away_from.is_empty(), self.away_to.is_empty()) {
            (true, true) => None,
            _ => {
                let from = keep(
                    date("away-from-day", "First day away", &self.away_from),
                    &mut errors,
                );
                let to = keep(
                    date("away-to-day", "Last day away", &self.away_to),
                    &mut errors,
                );
                match (from, to) {
                    (Some(from), Some(to)) if to < from => {
                        errors.push(FieldError::new(
                            "away-to-day",
                            "Last day away must be the same as or after the first day away",
                        ));
                        None
                    }
                    (Some(from), Some(to)) => Some(Away {
                        from: dates::iso(from),
                        to: dates::iso(to),
                    }),
                    _ => None,
                }
            }
        };
        let volunteer = name.map(|name| Volunteer {
            id,
            name,
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
            usually,
            away: away.into_iter().collect(),
        });
        finish(volunteer, errors)
    }
}

/// How a weekly session reads in a list or a choice: "Tuesday, 9am to 12:30pm, Room 2".
pub fn weekly_words(session: &WeeklySession) -> String {
    format!(
        "{}, {}, {}",
        weekday_name(session.weekday),
        session.times.words(),
        session.room
    )
}

/// A line for a person's log, as typed: what happened, and when to follow up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogForm {
    pub note: String,
    pub follow_up: TypedDate,
}

impl LogForm {
    /// The note and the follow-up date, if one was given.
    pub fn check(&self, today: NaiveDate) -> Result<(String, Option<NaiveDate>), Vec<FieldError>> {
        let mut errors = Vec::new();
        let note = self.note.trim();
        if note.is_empty() {
            errors.push(FieldError::new(
                "log-note",
                "Enter what happened, like called, left message",
            ));
        }
        errors.extend(too_long("log-note", "What happened", note, NOTE));
        let follow_up = if self.follow_up.is_empty() {
            None
        } else {
            keep(
                date_from_today(
                    "follow-up-day",
                    "Follow-up date",
                    &self.follow_up,
                    today,
                    When::TodayOrLater,
                ),
                &mut errors,
            )
        };
        finish(Some((note.to_string(), follow_up)), errors)
    }
}

/// A safeguarding concern as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConcernForm {
    pub escalated_to: Option<EscalatedTo>,
    pub note: String,
}

impl ConcernForm {
    pub fn check(&self) -> Result<(EscalatedTo, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.escalated_to.is_none() {
            errors.push(FieldError::new(
                "escalated-to",
                "Select who the concern was escalated to, or ‘Not yet’",
            ));
        }
        let note = self.note.trim();
        if note.is_empty() {
            errors.push(FieldError::new("concern-note", "Enter what the concern is"));
        }
        errors.extend(too_long("concern-note", "The concern", note, NOTE));
        finish(self.escalated_to.map(|to| (to, note.to_string())), errors)
    }
}

/// The note needed to clear a concern.
pub fn clearing_note(typed: &str) -> Result<String, Vec<FieldError>> {
    let note = typed.trim();
    if note.is_empty() {
        return Err(vec![FieldError::new(
            "clear-note",
            "Enter why the concern can be cleared",
        )]);
    }
    if let Some(error) = too_long("clear-note", "Why it can be cleared", note, NOTE) {
        return Err(vec![error]);
    }
    Ok(note.to_string())
}

/// A whole number as typed, between `low` and `high`, or the error for `field`.
pub(crate) fn number(
    field: &str,
    typed: &str,
    what: &str,
    low: u32,
    high: u32,
) -> Result<u32, FieldError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, format!("Enter {what}")));
    }
    match text.parse::<u32>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n),
        Ok(_) => Err(FieldError::new(
            field,
            format!("{} must be between {low} and {high}", capitalised(what)),
        )),
        Err(_) => Err(FieldError::new(
            field,
            format!("{} must be a number, like {low}", capitalised(what)),
        )),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The clinic's settings as typed: appointment lengths, the gap between
/// appointments, and the safe number of people a year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SettingsForm {
    pub first: String,
    pub follow_up: String,
    pub buffer: String,
    pub safe_yearly_maximum: String,
}

impl SettingsForm {
    pub fn from_clinic(slots: SlotSettings, safe_yearly_maximum: u32) -> Self {
        SettingsForm {
            first: slots.first_minutes.to_string(),
            follow_up: slots.follow_up_minutes.to_string(),
            buffer: slots.buffer_minutes.to_string(),
            safe_yearly_maximum: safe_yearly_maximum.to_string(),
        }
    }

    pub fn check(&self) -> Result<(SlotSettings, u32), Vec<FieldError>> {
        let mut errors = Vec::new();
        let first = keep(
            number(
                "first",
                &self.first,
                "the minutes for a first appointment",
                FIRST_MINUTES.0,
                FIRST_MINUTES.1,
            ),
            &mut errors,
        );
        let follow_up = keep(
            number(
                "follow-up",
                &self.follow_up,
                "the minutes for a follow-up",
                FOLLOW_UP_MINUTES.0,
                FOLLOW_UP_MINUTES.1,
            ),
            &mut errors,
        );
        let buffer = keep(
            number(
                "buffer",
                &self.buffer,
                "the minutes between appointments",
                BUFFER_MINUTES.0,
                BUFFER_MINUTES.1,
            ),
            &mut errors,
        );
        let maximum = keep(
            number(
                "safe-maximum",
                &self.safe_yearly_maximum,
                "the number of people a year",
                SAFE_YEARLY_MAXIMUM.0,
                SAFE_YEARLY_MAXIMUM.1,
            ),
            &mut errors,
        );
        let settings = (|| {
            Some((
                SlotSettings {
                    first_minutes: u16::try_from(first?).ok()?,
                    follow_up_minutes: u16::try_from(follow_up?).ok()?,
                    buffer_minutes: u16::try_from(buffer?).ok()?,
                },
                maximum?,
            ))
        })();
        finish(settings, errors)
    }
}

/// An appointment time chosen by hand: a session on a date and a start time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChosenTime {
    /// The session and date, as [`session_choice`] writes them.
    pub session: String,
    pub start: String,
}

/// A session on a date as one choice's value: "id/2026-03-03".
pub fn session_choice(session: Id, date: NaiveDate) -> String {
    format!("{session}/{}", dates::iso(date))
}

impl ChosenTime {
    /// The session and date, and the start time, or what to fix.
    pub fn check(&self) -> Result<((Id, NaiveDate), ClockTime), Vec<FieldError>> {
        let mut errors = Vec::new();
        let session = self
            .session
            .split_once('/')
            .and_then(|(id, date)| Some((id.parse::<Id>().ok()?, dates::parse_iso(date)?)));
        if session.is_none() {
            errors.push(FieldError::new("chosen-session", "Select a session"));
        }
        let start = keep(
            time("chosen-start", "a start time", &self.start),
            &mut errors,
        );
        finish(session.zip(start), errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relief_volunteer_needs_no_regular_session_and_a_volunteer_can_be_changed() {
        let weekly = vec![WeeklySession {
            id: 5,
            weekday: 1,
            times: TimeRange::new(ClockTime::at(9, 0), ClockTime::at(12, 30)),
            room: "Room 4".into(),
            first: "2026-03-03".into(),
            last: String::new(),
        }];
        let form = VolunteerForm {
            name: "Dee Patel".into(),
            ..VolunteerForm::default()
        };
        let errors = form.check(1, &weekly).unwrap_err();
        assert_eq!(errors[0].message, "Select the sessions they can usually do");
        let relief = VolunteerForm {
            relief: true,
            sessions: vec![5],
            ..form
        };
        let dee = relief.check(1, &weekly).unwrap();
        assert!(dee.usually.is_empty());

        let mut again = VolunteerForm::from_volunteer(&dee, &weekly);
        assert!(again.relief);
        again.relief = false;
        again.sessions = vec![5];
        again.phone = "07700 900 982".into();
        let changed = again.change(&dee, &weekly).unwrap();
        assert_eq!((changed.id, changed.usually.len()), (1, 1));
        assert_eq!(changed.phone, "07700 900 982");
        assert_eq!(
            VolunteerForm::from_volunteer(&changed, &weekly).sessions,
            [5]
        );
    }
    use crate::domain::clinic::people::{Mode, PartOfDay, Source};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn typed(d: &str, m: &str, y: &str) -> TypedDate {
        TypedDate {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }

    fn messages(errors: Vec<FieldError>) -> Vec<(String, String)> {
        errors.into_iter().map(|e| (e.field, e.message)).collect()
    }

    const TODAY: (i32, u32, u32) = (2026, 3, 2);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn a_weekly_session_reads_times_as_people_type_them() {
        let form = WeeklySessionForm {
            weekdays: vec![1],
            start: "9.00am".into(),
            end: "12:30 pm".into(),
            room: " Room 2 ".into(),
        };
        let sessions = form.check(7, || 8, today()).unwrap();
        assert_eq!(
            weekly_words(&sessions[0]),
            "Tuesday, 9am to 12:30pm, Room 2"
        );
        assert_eq!(sessions[0].first, "2026-03-02");
    }

    #[test]
    fn one_session_can_run_on_several_days_of_the_week() {
        let mut next = 20;
        let form = WeeklySessionForm {
            weekdays: vec![3, 1, 3],
            start: "9am".into(),
            end: "12pm".into(),
            room: "Room 2".into(),
        };
        let sessions = form
            .check(
                7,
                || {
                    next += 1;
                    next
                },
                today(),
            )
            .unwrap();
        let words: Vec<String> = sessions.iter().map(weekly_words).collect();
        assert_eq!(
            words,
            [
                "Tuesday, 9am to 12pm, Room 2",
                "Thursday, 9am to 12pm, Room 2"
            ]
        );
        assert_eq!(sessions.iter().map(|s| s.id).collect::<Vec<_>>(), [7, 21]);
    }

    #[test]
    fn an_empty_weekly_session_says_what_to_fill_in_for_each_field() {
        let errors = WeeklySessionForm::default()
            .check(7, || 8, today())
            .unwrap_err();
        assert_eq!(
            messages(errors),
            [
                ("weekday", "Select the days of the week the session runs"),
                ("start", "Enter a start time, like 9:30am"),
                ("end", "Enter an end time, like 9:30am"),
                ("room", "Enter the room, like Room 2"),
            ]
            .map(|(f, m)| (f.to_string(), m.to_string()))
        );
    }

    #[test]
    fn an_end_before_the_start_or_a_time_that_is_not_a_time_is_refused() {
        let mut form = WeeklySessionForm {
            weekdays: vec![3],
            start: "1:30pm".into(),
            end: "1pm".into(),
            room: "Room 2".into(),
        };
        assert_eq!(
            messages(form.check(7, || 8, today()).unwrap_err()),
            [(
                "end".to_string(),
                "End time must be after the start time".to_string()
            )]
        );
        form.end = "25:00".into();
        assert_eq!(
            form.check(7, || 8, today()).unwrap_err()[0].message,
            "Enter an end time in the right format, like 9:30am or 14:00"
        );
    }

    #[test]
    fn a_one_off_session_must_be_on_a_real_date_not_in_the_past() {
        let mut form = ExtraSessionForm {
            date: typed("30", "2", "2026"),
            start: "10am".into(),
            end: "12pm".into(),
            room: "Room 1".into(),
        };
        assert_eq!(
            form.check(1, today()).unwrap_err()[0].message,
            "Date of the session must be a real date"
        );
        form.date = typed("1", "3", "2026");
        assert_eq!(
            form.check(1, today()).unwrap_err()[0].message,
            "Date of the session must be today or in the future"
        );
        form.date = typed("", "", "");
        assert_eq!(
            form.check(1, today()).unwrap_err()[0].message,
            "Enter the date of the session"
        );
        form.date = typed("6", "3", "2026");
        assert_eq!(form.check(1, today()).unwrap().date, "2026-03-06");
    }

    #[test]
    fn a_closed_date_needs_a_reason() {
        let form = ClosedDateForm {
            date: typed("6", "4", "2026"),
            reason: " ".into(),
        };
        assert_eq!(
            messages(form.check().unwrap_err()),
            [(
                "closed-reason".to_string(),
                "Enter why the clinic is closed, like Bank holiday".to_string()
            )]
        );
    }

    fn tuesday_and_thursday() -> Vec<WeeklySession> {
        let at = |weekday, start: &str, end: &str, id| {
            WeeklySessionForm {
                weekdays: vec![weekday],
                start: start.into(),
                end: end.into(),
                room: "Room 2".into(),
            }
            .check(id, || id, today())
            .unwrap()
            .remove(0)
        };
        vec![at(1, "9am", "12:30pm", 1), at(3, "1:30pm", "5pm", 2)]
    }

    #[test]
    fn a_volunteer_can_usually_do_the_sessions_ticked() {
        let weekly = tuesday_and_thursday();
        let form = VolunteerForm {
            name: "Ann Jones".into(),
            phone: "07700 900 123".into(),
            sessions: vec![2],
            away_from: typed("9", "3", "2026"),
            away_to: typed("13", "3", "2026"),
            ..VolunteerForm::default()
        };
        let ann = form.check(5, &weekly).unwrap();
        assert_eq!(ann.usually.len(), 1);
        assert_eq!(ann.usually[0].weekday, 3);
        assert!(ann.is_away(day(2026, 3, 12)));
        assert!(!ann.is_away(day(2026, 3, 14)));
    }

    #[test]
    fn a_volunteer_with_no_sessions_a_bad_number_or_a_return_before_leaving_is_refused() {
        let weekly = tuesday_and_thursday();
        let form = VolunteerForm {
            name: "Ann Jones".into(),
            phone: "0113".into(),
            email: "ann at example".into(),
            away_from: typed("13", "3", "2026"),
            away_to: typed("9", "3", "2026"),
            ..VolunteerForm::default()
        };
        let fields: Vec<String> = form
            .check(5, &weekly)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["phone", "email", "sessions", "away-to-day"]);
    }

    #[test]
    fn a_person_needs_a_name_who_referred_them_a_past_date_and_how_to_meet() {
        let mut form = PersonForm {
            referred: typed("3", "3", "2026"),
            ..PersonForm::default()
        };
        let fields: Vec<String> = form
            .check(9, today())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["name", "source", "referred-day", "mode"]);
        form.name = "Sam Patel".into();
        form.source = Some(Source::Nurse);
        form.mode = Some(Mode::Telephone);
        form.referred = typed("27", "2", "2026");
        form.days = vec![1, 3];
        form.part_of_day = Some(PartOfDay::Morning);
        form.preferred_minutes = "5".into();
        assert_eq!(
            form.check(9, today()).unwrap_err()[0].message,
            "Their appointment length in minutes must be between 10 and 180"
        );
        form.preferred_minutes = "60".into();
        let sam = form.check(9, today()).unwrap();
        assert_eq!(sam.referred_on, "2026-02-27");
        assert_eq!(sam.preferred_minutes, Some(60));
        assert!(sam.suits(chrono::Weekday::Tue, 9) && !sam.suits(chrono::Weekday::Tue, 14));
        assert!(!sam.suits(chrono::Weekday::Wed, 9));
        assert_eq!(sam.status, super::super::people::PersonStatus::Waiting);
    }

    #[test]
    fn a_log_line_needs_words_and_a_follow_up_cannot_be_in_the_past() {
        let mut form = LogForm::default();
        assert_eq!(
            form.check(today()).unwrap_err()[0].message,
            "Enter what happened, like called, left message"
        );
        form.note = "Called, left message".into();
        form.follow_up = typed("1", "3", "2026");
        assert_eq!(
            form.check(today()).unwrap_err()[0].message,
            "Follow-up date must be today or in the future"
        );
        form.follow_up = typed("9", "3", "2026");
        assert_eq!(
            form.check(today()).unwrap(),
            ("Called, left message".to_string(), Some(day(2026, 3, 9)))
        );
    }

    #[test]
    fn a_concern_says_who_it_went_to_and_is_cleared_only_with_a_note() {
        let form = ConcernForm {
            escalated_to: None,
            note: String::new(),
        };
        assert_eq!(form.check().unwrap_err().len(), 2);
        assert_eq!(
            clearing_note("  ").unwrap_err()[0].message,
            "Enter why the concern can be cleared"
        );
    }

    #[test]
    fn settings_are_whole_minutes_within_sensible_limits() {
        let mut form = SettingsForm::from_clinic(SlotSettings::default(), 250);
        assert_eq!(form.check().unwrap().0.first_minutes, 45);
        form.first = "an hour".into();
        form.buffer = "90".into();
        form.safe_yearly_maximum = String::new();
        assert_eq!(
            messages(form.check().unwrap_err()),
            [
                (
                    "first",
                    "The minutes for a first appointment must be a number, like 10"
                ),
                (
                    "buffer",
                    "The minutes between appointments must be between 0 and 60"
                ),
                ("safe-maximum", "Enter the number of people a year"),
            ]
            .map(|(f, m)| (f.to_string(), m.to_string()))
        );
    }

    #[test]
    fn a_chosen_time_names_a_session_and_a_start() {
        let chosen = ChosenTime {
            session: session_choice(42, day(2026, 3, 3)),
            start: "10:15am".into(),
        };
        let ((session, on), start) = chosen.check().unwrap();
        assert_eq!(
            (session, on, start.hh_mm()),
            (42, day(2026, 3, 3), "10:15".to_string())
        );
        let fields: Vec<String> = ChosenTime::default()
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["chosen-session", "chosen-start"]);
    }
}
