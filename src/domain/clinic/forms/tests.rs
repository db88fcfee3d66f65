//! The clinic's forms: what each accepts, and the message for what it does not.

use super::*;
use crate::domain::clinic::sessions::WeeklySession;
use crate::domain::clinic::slots::SlotSettings;

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

#[test]
fn a_volunteer_who_agrees_to_be_shown_needs_a_first_name_to_show() {
    let form = VolunteerForm {
        name: "Jo Bloggs".into(),
        agreed_to_show: true,
        about: "x".repeat(121),
        ..VolunteerForm::default()
    };
    let errors = form.check(1, &[]).unwrap_err();
    assert!(errors.contains(&FieldError::new(
        "shown-name",
        "Enter the first name to show, as they agree to be shown"
    )));
    assert!(errors.contains(&FieldError::new(
        "about",
        "The line about them must be 120 characters or less"
    )));
}

#[test]
fn a_volunteers_face_is_kept_as_typed_and_carried_through_a_change() {
    let form = VolunteerForm {
        name: "Jo Bloggs".into(),
        shown_name: " Jo ".into(),
        about: "I like walking.".into(),
        photo: "data:image/jpeg;base64,/9j/4AAQ".into(),
        agreed_to_show: true,
        ..VolunteerForm::default()
    };
    let jo = form.check(1, &[]).unwrap();
    assert_eq!(jo.shown_name, "Jo");
    assert_eq!(
        jo.face().unwrap().photo.as_deref(),
        Some("data:image/jpeg;base64,/9j/4AAQ")
    );
    // Withdrawing agreement takes them off the board; the photo stays on the device.
    let mut again = VolunteerForm::from_volunteer(&jo, &[]);
    again.agreed_to_show = false;
    let changed = again.change(&jo, &[]).unwrap();
    assert_eq!(changed.face(), None);
    // A photo that is not one the app made is refused, not stored.
    again.photo = "https://example.com/jo.jpg".into();
    assert_eq!(again.change(&jo, &[]).unwrap_err()[0].field, "photo");
}
