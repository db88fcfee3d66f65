use super::*;
use crate::domain::clinic::merging::{merge_clinics, Collection, Ledger, Side};
use crate::domain::clinic::people::{Mode, Person};
use crate::domain::clinic::rota::RotaEntry;
use crate::domain::clinic::slots::Kind;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn times(a: (u16, u16), b: (u16, u16)) -> TimeRange {
    TimeRange::new(ClockTime::at(a.0, a.1), ClockTime::at(b.0, b.1))
}

const TUESDAY: u8 = 1;
const WEDNESDAY: u8 = 2;
const THURSDAY: u8 = 3;
const SESSION: Id = 10;
const SAM: Id = 20;
const PRIYA: Id = 21;

/// Tuesdays 9am to 12:30pm in Room 4, with Sam booked at 9:45am on 8
/// December and Priya at 11am on 15 December, and Sam's past appointment on
/// 1 December. "Today" is 3 December 2026.
fn clinic() -> Clinic {
    let mut clinic = Clinic::default();
    clinic
        .add_weekly(WeeklySession {
            id: SESSION,
            weekday: TUESDAY,
            times: times((9, 0), (12, 30)),
            room: "Room 4".into(),
            first: "2026-11-03".into(),
            last: String::new(),
        })
        .unwrap();
    for (id, name) in [(SAM, "Sam Taylor"), (PRIYA, "Priya Khan")] {
        clinic.people.push(Person {
            id,
            name: name.into(),
            ..Person::default()
        });
    }
    let mut book = |id: Id, person: Id, on: NaiveDate, t: TimeRange| {
        clinic
            .book(id, person, (SESSION, on), t, Kind::First, Mode::FaceToFace)
            .unwrap();
    };
    book(30, SAM, day(2026, 12, 1), times((9, 45), (10, 30)));
    book(31, SAM, day(2026, 12, 8), times((9, 45), (10, 30)));
    book(32, PRIYA, day(2026, 12, 15), times((11, 0), (11, 45)));
    clinic.bookings[1].reminder_sent = true;
    clinic
}

fn today() -> NaiveDate {
    day(2026, 12, 3)
}

fn changed(weekday: u8, t: TimeRange, room: &str) -> WeeklySession {
    WeeklySession {
        id: SESSION,
        weekday,
        times: t,
        room: room.into(),
        first: "2026-12-03".into(),
        last: String::new(),
    }
}

fn booking(clinic: &Clinic, id: Id) -> &crate::domain::clinic::bookings::Booking {
    clinic.bookings.iter().find(|b| b.id == id).unwrap()
}

#[test]
fn a_session_moved_to_the_afternoon_takes_its_appointments_with_it_and_names_who_to_tell() {
    let mut clinic = clinic();
    let moved = clinic
        .change_weekly(
            changed(TUESDAY, times((13, 0), (16, 30)), "Room 5"),
            today(),
        )
        .unwrap();
    let words: Vec<String> = moved.iter().map(MovedAppointment::words).collect();
    assert_eq!(
        words,
        [
            "Sam Taylor: Tuesday 8 December 2026, now 1:45pm to 2:30pm in Room 5 (was 9:45am to 10:30am in Room 4)",
            "Priya Khan: Tuesday 15 December 2026, now 3pm to 3:45pm in Room 5 (was 11am to 11:45am in Room 4)",
        ]
    );
    assert_eq!(booking(&clinic, 31).times, times((13, 45), (14, 30)));
    assert!(
        !booking(&clinic, 31).reminder_sent,
        "the reminder is to send again, with the new time"
    );
    // The past keeps its times, and the session keeps its history.
    assert_eq!(booking(&clinic, 30).times, times((9, 45), (10, 30)));
    assert_eq!(clinic.sessions.weekly[0].first, "2026-11-03");
    let on = clinic.sessions.find(SESSION, day(2026, 12, 8)).unwrap();
    assert_eq!(
        (on.times, on.room.as_str()),
        (times((13, 0), (16, 30)), "Room 5")
    );
    assert!(clinic.problems().is_empty(), "{:?}", clinic.problems());
}

#[test]
fn a_new_room_alone_keeps_the_times_but_still_names_who_to_tell() {
    let mut clinic = clinic();
    let moved = clinic
        .change_weekly(changed(TUESDAY, times((9, 0), (12, 30)), "Room 5"), today())
        .unwrap();
    assert_eq!(moved.len(), 2);
    assert!(moved
        .iter()
        .all(|m| m.was == m.now && m.now_room == "Room 5"));
    // A later start that every appointment still fits: they keep their times.
    let moved = clinic
        .change_weekly(
            changed(TUESDAY, times((9, 30), (12, 30)), "Room 5"),
            today(),
        )
        .unwrap();
    assert!(moved.is_empty());
    assert_eq!(booking(&clinic, 31).times, times((9, 45), (10, 30)));
    // A later end only: nobody moves, nobody needs telling.
    let moved = clinic
        .change_weekly(changed(TUESDAY, times((9, 0), (13, 0)), "Room 5"), today())
        .unwrap();
    assert!(moved.is_empty());
}

#[test]
fn a_change_that_would_leave_an_appointment_outside_the_session_is_refused_and_names_it() {
    let mut clinic = clinic();
    let before = clinic.clone();
    // Shortened so Priya's 11am no longer fits.
    let refused = clinic
        .change_weekly(changed(TUESDAY, times((9, 0), (11, 0)), "Room 4"), today())
        .unwrap_err();
    assert_eq!(
        refused,
        ["Priya Khan\u{2019}s appointment on Tuesday 15 December 2026 at 11am would be outside the changed session. Move or cancel it first, or keep the session\u{2019}s day and times"]
    );
    // Moved to Wednesdays: both appointments still to come would be stranded.
    let refused = clinic
        .change_weekly(
            changed(WEDNESDAY, times((9, 0), (12, 30)), "Room 4"),
            today(),
        )
        .unwrap_err();
    assert_eq!(refused.len(), 2);
    assert_eq!(clinic, before, "nothing changes when a change is refused");
    // Once they are cancelled, the day can change; the past appointment stays on record.
    clinic.set_outcome(31, Outcome::Cancelled);
    clinic.set_outcome(32, Outcome::Cancelled);
    assert_eq!(
        clinic.change_weekly(
            changed(WEDNESDAY, times((9, 0), (12, 30)), "Room 4"),
            today()
        ),
        Ok(Vec::new())
    );
    assert!(clinic.bookings.iter().any(|b| b.id == 30));
}

#[test]
fn a_changed_session_is_checked_like_a_new_one() {
    let mut clinic = clinic();
    clinic
        .add_weekly(WeeklySession {
            id: 11,
            weekday: TUESDAY,
            times: times((13, 0), (17, 0)),
            room: "Room 5".into(),
            first: "2026-11-03".into(),
            last: String::new(),
        })
        .unwrap();
    assert_eq!(
        clinic.change_weekly(changed(TUESDAY, times((9, 0), (14, 0)), "room 5"), today()),
        Err(vec![
            "Room 5 is already booked on Tuesdays, 1pm to 5pm".to_string()
        ])
    );
    assert_eq!(
        clinic.change_weekly(changed(TUESDAY, times((9, 0), (9, 15)), "Room 4"), today()),
        Err(vec![
            "The session must be at least 20 minutes long, to fit an appointment".to_string()
        ])
    );
}

#[test]
fn ticking_another_day_adds_a_session_and_the_old_day_keeps_its_appointments() {
    let mut clinic = clinic();
    let both = vec![
        changed(TUESDAY, times((9, 0), (12, 30)), "Room 4"),
        WeeklySession {
            id: 12,
            ..changed(THURSDAY, times((9, 0), (12, 30)), "Room 4")
        },
    ];
    assert_eq!(
        clinic.change_weekly_days(SESSION, both, today()),
        Ok(Vec::new())
    );
    assert_eq!(clinic.sessions.weekly.len(), 2);
    let thursday = clinic
        .sessions
        .weekly
        .iter()
        .find(|w| w.weekday == THURSDAY)
        .unwrap();
    assert_eq!((thursday.id, thursday.first.as_str()), (12, "2026-12-03"));
    assert_eq!(clinic.sessions.weekly[0].id, SESSION);
    assert!(clinic.sessions.find(SESSION, day(2026, 12, 8)).is_some());
}

#[test]
fn a_one_off_session_can_change_its_date_times_and_room() {
    let mut clinic = clinic();
    clinic
        .add_extra(ExtraSession {
            id: 40,
            date: "2026-12-12".into(),
            times: times((10, 0), (12, 0)),
            room: "Room 2".into(),
        })
        .unwrap();
    clinic
        .book(
            41,
            SAM,
            (40, day(2026, 12, 12)),
            times((10, 0), (10, 45)),
            Kind::FollowUp,
            Mode::FaceToFace,
        )
        .unwrap();
    let to = |date: &str, t: TimeRange| ExtraSession {
        id: 40,
        date: date.into(),
        times: t,
        room: "Room 2".into(),
    };
    // Another date would leave Sam's appointment behind.
    assert_eq!(
        clinic
            .change_extra(to("2026-12-19", times((10, 0), (12, 0))), today())
            .unwrap_err()
            .len(),
        1
    );
    let moved = clinic
        .change_extra(to("2026-12-12", times((14, 0), (16, 0))), today())
        .unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(booking(&clinic, 41).times, times((14, 0), (14, 45)));
    assert_eq!(clinic.sessions.extra[0].times, times((14, 0), (16, 0)));
}

#[test]
fn duties_on_a_changed_session_keep_their_volunteer_and_rise_in_sequence() {
    let mut clinic = clinic();
    for (date, by_hand) in [
        ("2026-12-01", false),
        ("2026-12-08", true),
        ("2026-12-15", false),
    ] {
        clinic.rota.push(RotaEntry {
            session: SESSION,
            date: date.into(),
            volunteer: Some(7),
            by_hand,
            ..RotaEntry::default()
        });
    }
    clinic
        .change_weekly(
            changed(TUESDAY, times((13, 0), (16, 30)), "Room 5"),
            today(),
        )
        .unwrap();
    let seen: Vec<(&str, Option<Id>, bool, u32)> = clinic
        .rota
        .iter()
        .map(|e| (e.date.as_str(), e.volunteer, e.by_hand, e.changes))
        .collect();
    assert_eq!(
        seen,
        [
            ("2026-12-01", Some(7), false, 0),
            ("2026-12-08", Some(7), true, 1),
            ("2026-12-15", Some(7), false, 1),
        ]
    );
    let file = clinic.calendar_duties(7, today());
    assert_eq!(file.len(), 2);
    assert!(file
        .iter()
        .all(|d| d.sequence == 1 && !d.cancelled && d.room == "Room 5"));
    assert_eq!(file[0].times, times((13, 0), (16, 30)));
}

#[test]
fn a_session_changed_on_one_device_reaches_the_other_in_a_merge_and_both_ways_end_the_same() {
    let start = clinic();
    let mut ledger = Ledger::default();
    ledger.stamp(&start, "2026-12-03T09:00:00Z");
    let (mut a, mut b) = (start.clone(), start);
    a.change_weekly(
        changed(TUESDAY, times((13, 0), (16, 30)), "Room 5"),
        today(),
    )
    .unwrap();
    // Meanwhile the other device books someone in the morning session.
    b.book(
        33,
        PRIYA,
        (SESSION, day(2026, 12, 22)),
        times((9, 0), (9, 45)),
        Kind::FollowUp,
        Mode::FaceToFace,
    )
    .unwrap();
    let mut a_ledger = ledger.clone();
    a_ledger.stamp(&a, "2026-12-03T10:00:00Z");
    let mut b_ledger = ledger.clone();
    b_ledger.stamp(&b, "2026-12-03T10:05:00Z");
    let into_b = merge_clinics(&b, &b_ledger, &a, &a_ledger, "2026-12-03T11:00:00Z");
    assert!(into_b.conflicts.is_empty(), "{:?}", into_b.conflicts);
    assert!(
        into_b
            .changed
            .iter()
            .any(|c| c.contains("Tuesdays, 1pm to 4:30pm, Room 5")),
        "{:?}",
        into_b.changed
    );
    let (merged, _) = into_b.finish(&[], "2026-12-03T11:00:00Z");
    let on = merged.sessions.find(SESSION, day(2026, 12, 8)).unwrap();
    assert_eq!(on.room, "Room 5");
    assert_eq!(booking(&merged, 31).times, times((13, 45), (14, 30)));
    assert!(merged.bookings.iter().any(|b| b.id == 33));
    let (other_way, _) = merge_clinics(&a, &a_ledger, &b, &b_ledger, "2026-12-03T11:00:00Z")
        .finish(&[], "2026-12-03T11:00:00Z");
    assert!(crate::domain::clinic::merging::same_records(
        &merged, &other_way
    ));
}

#[test]
fn a_session_changed_on_both_devices_is_a_choice_shown_in_words() {
    let start = clinic();
    let mut ledger = Ledger::default();
    ledger.stamp(&start, "2026-12-03T09:00:00Z");
    let (mut a, mut b) = (start.clone(), start);
    a.change_weekly(changed(TUESDAY, times((9, 0), (12, 30)), "Room 5"), today())
        .unwrap();
    b.change_weekly(changed(TUESDAY, times((9, 0), (12, 30)), "Room 6"), today())
        .unwrap();
    let mut a_ledger = ledger.clone();
    a_ledger.stamp(&a, "2026-12-03T10:00:00Z");
    let mut b_ledger = ledger;
    b_ledger.stamp(&b, "2026-12-03T10:05:00Z");
    let merge = merge_clinics(&a, &a_ledger, &b, &b_ledger, "2026-12-03T11:00:00Z");
    let session = merge
        .conflicts
        .iter()
        .find(|c| c.collection == Collection::Weekly)
        .unwrap();
    assert_eq!(
        session.label,
        "The session on Tuesdays, 9am to 12:30pm, Room 5"
    );
    assert_eq!(
        session
            .differences
            .iter()
            .map(|d| (
                d.field.as_str(),
                d.this_device.as_str(),
                d.other_device.as_str()
            ))
            .collect::<Vec<_>>(),
        [("Room", "Room 5", "Room 6")]
    );
    let choices: Vec<Side> = merge.conflicts.iter().map(|_| Side::OtherDevice).collect();
    let (merged, _) = merge.finish(&choices, "2026-12-03T11:00:00Z");
    assert_eq!(merged.sessions.weekly[0].room, "Room 6");
}

#[test]
fn the_change_form_starts_filled_in_with_the_session_as_it_is() {
    use crate::domain::clinic::forms::{ExtraSessionForm, WeeklySessionForm};
    let clinic = clinic();
    let weekly = &clinic.sessions.weekly[0];
    let form = WeeklySessionForm::from_session(weekly);
    assert_eq!((form.start.as_str(), form.end.as_str()), ("9am", "12:30pm"));
    let again = form.check(SESSION, || 99, today()).unwrap();
    assert_eq!(
        (again[0].weekday, again[0].times, again[0].room.as_str()),
        (weekly.weekday, weekly.times, "Room 4")
    );
    let extra = ExtraSession {
        id: 40,
        date: "2026-12-12".into(),
        times: times((10, 0), (12, 0)),
        room: "Room 2".into(),
    };
    assert_eq!(
        ExtraSessionForm::from_session(&extra).check(40, today()),
        Ok(extra)
    );
}

#[test]
fn another_day_that_clashes_refuses_the_whole_change() {
    let mut clinic = clinic();
    clinic
        .add_weekly(WeeklySession {
            id: 11,
            weekday: THURSDAY,
            times: times((9, 0), (12, 0)),
            room: "Room 4".into(),
            first: "2026-11-03".into(),
            last: String::new(),
        })
        .unwrap();
    let before = clinic.clone();
    let both = vec![
        changed(TUESDAY, times((13, 0), (16, 30)), "Room 4"),
        WeeklySession {
            id: 12,
            ..changed(THURSDAY, times((9, 0), (12, 30)), "Room 4")
        },
    ];
    assert_eq!(
        clinic.change_weekly_days(SESSION, both, today()),
        Err(vec![
            "Room 4 is already booked on Thursdays, 9am to 12pm".to_string()
        ])
    );
    assert_eq!(clinic, before);
}
