use super::bookings::{BookingProblem, Outcome};
use super::ical;
use super::people::Mode;
use super::people::{
    more_people_words, people_by_status, people_found_words, ClearError, EscalatedTo, PartOfDay,
    Person, PersonStatus,
};
use super::rota::{self, Away, Usually, Volunteer};
use super::sessions::{ClosedDate, ExtraSession, WeeklySession};
use super::slots::Kind;
use super::time::{ClockTime, TimeRange};
use super::*;
use chrono::NaiveDateTime;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn times(a: (u16, u16), b: (u16, u16)) -> TimeRange {
    TimeRange::new(ClockTime::at(a.0, a.1), ClockTime::at(b.0, b.1))
}

const TUESDAY: u8 = 1;
const THURSDAY: u8 = 3;

/// A new id for each record a test makes.
fn fresh() -> Id {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn weekly(weekday: u8, t: TimeRange, room: &str) -> WeeklySession {
    WeeklySession {
        id: fresh(),
        weekday,
        times: t,
        room: room.into(),
        first: "2026-03-02".into(),
        last: String::new(),
    }
}

/// Elm Surgery's clinic: Tuesday 9am to 12:30pm and Thursday 1:30pm to 5pm in Room 4.
fn elm_clinic() -> (Clinic, Id, Id) {
    let mut clinic = Clinic::default();
    let tuesday = weekly(TUESDAY, times((9, 0), (12, 30)), "Room 4");
    let thursday = weekly(THURSDAY, times((13, 30), (17, 0)), "Room 4");
    let ids = (tuesday.id, thursday.id);
    clinic.add_weekly(tuesday).unwrap();
    clinic.add_weekly(thursday).unwrap();
    (clinic, ids.0, ids.1)
}

fn volunteer(id: Id, name: &str, usually: &[(u8, TimeRange)]) -> Volunteer {
    Volunteer {
        id,
        name: name.into(),
        usually: usually
            .iter()
            .map(|(weekday, times)| Usually {
                weekday: *weekday,
                times: *times,
            })
            .collect(),
        ..Volunteer::default()
    }
}

/// Books a first appointment, face to face.
fn book_first(
    clinic: &mut Clinic,
    person: Id,
    at: (Id, NaiveDate),
    t: TimeRange,
) -> Result<Id, BookingProblem> {
    clinic.book(fresh(), person, at, t, Kind::First, Mode::FaceToFace)
}

/// Books a follow-up by telephone.
fn book_follow_up(
    clinic: &mut Clinic,
    person: Id,
    at: (Id, NaiveDate),
    t: TimeRange,
) -> Result<Id, BookingProblem> {
    clinic.book(fresh(), person, at, t, Kind::FollowUp, Mode::Telephone)
}

fn person(clinic: &mut Clinic, name: &str, referred: &str) -> Id {
    let id = fresh();
    clinic.people.push(Person {
        id,
        name: name.into(),
        referred_on: referred.into(),
        ..Person::default()
    });
    id
}

#[test]
fn weekly_sessions_run_on_their_day_and_a_closed_date_cancels_without_deleting() {
    let (mut clinic, tuesday, thursday) = elm_clinic();
    let fortnight = clinic.sessions.between(day(2026, 3, 2), day(2026, 3, 15));
    let keys: Vec<(Id, NaiveDate)> = fortnight.iter().map(|s| s.key()).collect();
    assert_eq!(
        keys,
        [
            (tuesday, day(2026, 3, 3)),
            (thursday, day(2026, 3, 5)),
            (tuesday, day(2026, 3, 10)),
            (thursday, day(2026, 3, 12)),
        ]
    );
    clinic.sessions.closed.push(ClosedDate {
        date: "2026-04-07".into(),
        reason: "Easter".into(),
        room: String::new(),
    });
    let easter = clinic.sessions.find(tuesday, day(2026, 4, 7)).unwrap();
    assert_eq!(easter.closed.as_deref(), Some("Easter"));
    assert!(clinic.free_slots(&easter, 45).is_empty());
    assert_eq!(clinic.sessions.weekly.len(), 2);
}

#[test]
fn two_sessions_can_never_double_book_a_room() {
    let (mut clinic, _, _) = elm_clinic();
    let clash = clinic.add_weekly(weekly(TUESDAY, times((12, 0), (13, 0)), " room 4 "));
    assert_eq!(
        clash,
        Err(vec![
            "Room 4 is already booked on Tuesdays, 9am to 12:30pm".to_string()
        ])
    );
    // The same time in another room, or straight after in the same room, is fine.
    assert!(clinic
        .add_weekly(weekly(TUESDAY, times((9, 0), (12, 30)), "Room 2"))
        .is_ok());
    assert!(clinic
        .add_weekly(weekly(TUESDAY, times((12, 30), (13, 0)), "Room 4"))
        .is_ok());
    // A weekly session that has ended does not clash with one starting later.
    let mut ended = weekly(3 + 2, times((9, 0), (10, 0)), "Room 4");
    ended.last = "2026-03-31".into();
    assert!(clinic.add_weekly(ended).is_ok());
    let mut later = weekly(5, times((9, 0), (10, 0)), "Room 4");
    later.first = "2026-04-01".into();
    assert!(clinic.add_weekly(later).is_ok());

    let extra = ExtraSession {
        id: fresh(),
        date: "2026-03-05".into(),
        times: times((16, 0), (18, 0)),
        room: "Room 4".into(),
    };
    assert_eq!(
        clinic.add_extra(extra.clone()),
        Err(vec![
            "Room 4 is already booked on Thursdays, 1:30pm to 5pm".to_string()
        ])
    );
    let evening = ExtraSession {
        times: times((17, 0), (19, 0)),
        ..extra
    };
    assert!(clinic.add_extra(evening.clone()).is_ok());
    assert_eq!(
        clinic.add_extra(ExtraSession {
            id: fresh(),
            ..evening
        }),
        Err(vec![
            "Room 4 is already booked on Thursday 5 March 2026, 5pm to 7pm".to_string()
        ])
    );
}

#[test]
fn the_rota_covers_every_session_someone_can_do_and_shares_them_fairly() {
    let (clinic, tuesday, _) = elm_clinic();
    let mornings = times((8, 30), (13, 0));
    let afternoons = times((13, 0), (17, 30));
    let mut volunteers = vec![
        volunteer(101, "Ann", &[(TUESDAY, mornings), (THURSDAY, afternoons)]),
        volunteer(102, "Bob", &[(TUESDAY, mornings)]),
        volunteer(103, "Cath", &[(THURSDAY, afternoons)]),
    ];
    volunteers[1].away.push(Away {
        from: "2026-03-09".into(),
        to: "2026-03-22".into(),
    });
    let sessions = clinic.sessions.between(day(2026, 3, 2), day(2026, 3, 29));
    assert_eq!(sessions.len(), 8);
    let duties = rota::suggest(&sessions, &volunteers, &[]);

    assert!(rota::uncovered(&duties).is_empty());
    for duty in &duties {
        let v = volunteers
            .iter()
            .find(|v| Some(v.id) == duty.volunteer)
            .unwrap();
        assert_eq!(
            v.can_do(&duty.session, &duties),
            Ok(()),
            "{} on {}",
            v.name,
            duty.session.date
        );
    }
    // Bob is away for two Tuesdays, so Ann takes those; the rest is shared.
    let bob_away = duties
        .iter()
        .find(|d| d.session.key() == (tuesday, day(2026, 3, 10)))
        .unwrap();
    assert_eq!(bob_away.volunteer, Some(101));
    let shares: Vec<usize> = rota::shares(&duties, &volunteers)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(shares.iter().sum::<usize>(), 8);
    assert!(
        shares.iter().max().unwrap() - shares.iter().min().unwrap() <= 1,
        "{shares:?}"
    );
}

#[test]
fn a_session_nobody_can_do_is_flagged_and_a_hand_swap_warns_of_a_clash() {
    let (clinic, _, thursday) = elm_clinic();
    let ann = volunteer(101, "Ann", &[(TUESDAY, times((9, 0), (12, 30)))]);
    let sessions = clinic.sessions.between(day(2026, 3, 2), day(2026, 3, 8));
    let duties = rota::suggest(&sessions, std::slice::from_ref(&ann), &[]);
    let uncovered = rota::uncovered(&duties);
    assert_eq!(uncovered.len(), 1);
    assert_eq!(uncovered[0].session.session, thursday);
    assert_eq!(
        ann.warning(&uncovered[0].session, &duties).as_deref(),
        Some("Ann does not usually come on Thursdays, 1:30pm to 5pm")
    );

    // Entries kept from before (or set by hand) are not changed by a new suggestion.
    let mut kept = rota::entries(&duties);
    kept[0].volunteer = None;
    kept[0].by_hand = true;
    let again = rota::suggest(&sessions, &[ann], &kept);
    assert_eq!(again[0].volunteer, None);
}

#[test]
fn a_new_person_is_offered_the_next_free_time_that_fits_them() {
    let (mut clinic, tuesday, thursday) = elm_clinic();
    let sam = person(&mut clinic, "Sam Jones", "2026-03-01");
    let offer = clinic
        .next_fitting(clinic.person(sam).unwrap(), Kind::First, day(2026, 3, 2), 4)
        .unwrap();
    assert_eq!(
        (offer.session.session, offer.session.date),
        (tuesday, day(2026, 3, 3))
    );
    assert_eq!(offer.times, times((9, 0), (9, 45)));

    // Sam can only do afternoons: Thursday it is.
    clinic.person_mut(sam).unwrap().part_of_day = Some(PartOfDay::Afternoon);
    let offer = clinic
        .next_fitting(clinic.person(sam).unwrap(), Kind::First, day(2026, 3, 2), 4)
        .unwrap();
    assert_eq!(
        (offer.session.session, offer.times),
        (thursday, times((13, 30), (14, 15)))
    );

    let booked = book_first(&mut clinic, sam, (thursday, day(2026, 3, 5)), offer.times).unwrap();
    assert_eq!(clinic.person(sam).unwrap().status, PersonStatus::Active);
    // The follow-up goes after it, at Sam's own preferred length.
    clinic.person_mut(sam).unwrap().preferred_minutes = Some(30);
    let follow_up = clinic
        .next_fitting(
            clinic.person(sam).unwrap(),
            Kind::FollowUp,
            day(2026, 3, 5),
            4,
        )
        .unwrap();
    assert_eq!(follow_up.times, times((14, 15), (14, 45)));
    assert!(clinic.set_outcome(booked, Outcome::Cancelled));
    let after_cancel = clinic
        .next_fitting(
            clinic.person(sam).unwrap(),
            Kind::FollowUp,
            day(2026, 3, 5),
            4,
        )
        .unwrap();
    assert_eq!(after_cancel.times, times((13, 30), (14, 0)));
}

#[test]
fn nobody_can_be_double_booked() {
    let (mut clinic, tuesday, _) = elm_clinic();
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    let jo = person(&mut clinic, "Jo", "2026-03-01");
    let date = day(2026, 3, 3);
    book_first(&mut clinic, sam, (tuesday, date), times((9, 0), (9, 45))).unwrap();
    assert_eq!(
        book_follow_up(&mut clinic, jo, (tuesday, date), times((9, 30), (9, 50))),
        Err(BookingProblem::SlotTaken)
    );
    assert_eq!(
        book_follow_up(&mut clinic, jo, (tuesday, date), times((12, 15), (12, 45))),
        Err(BookingProblem::OutsideSession(times((9, 0), (12, 30))))
    );
    assert_eq!(
        book_follow_up(
            &mut clinic,
            jo,
            (tuesday, day(2026, 3, 4)),
            times((9, 0), (9, 20))
        ),
        Err(BookingProblem::NoSuchSession)
    );
    // Sam is already booked at 9am in this room; another room at the same time is no help.
    clinic
        .add_extra(ExtraSession {
            id: fresh(),
            date: "2026-03-03".into(),
            times: times((9, 0), (12, 0)),
            room: "Room 2".into(),
        })
        .unwrap();
    let room_2 = clinic.sessions.extra[0].id;
    assert_eq!(
        clinic.book(
            fresh(),
            sam,
            (room_2, date),
            times((9, 30), (9, 50)),
            Kind::FollowUp,
            Mode::FaceToFace
        ),
        Err(BookingProblem::PersonBusy(times((9, 0), (9, 45))))
    );
    assert!(book_follow_up(&mut clinic, jo, (tuesday, date), times((9, 45), (10, 5))).is_ok());
    assert_eq!(
        BookingProblem::SlotTaken.message(),
        "That time is already booked. Choose a free time"
    );
}

#[test]
fn a_9am_session_stays_at_9am_across_the_clock_changes() {
    let (clinic, tuesday, _) = elm_clinic();
    // The clocks go forward on 29 March 2026 and back on 25 October 2026.
    for date in [
        day(2026, 3, 24),
        day(2026, 3, 31),
        day(2026, 10, 20),
        day(2026, 10, 27),
    ] {
        let session = clinic.sessions.find(tuesday, date).unwrap();
        assert_eq!(session.times.start.words(), "9am");
    }
    let mut clinic = clinic;
    clinic.volunteers = vec![volunteer(
        101,
        "Ann",
        &[
            (TUESDAY, times((9, 0), (12, 30))),
            (THURSDAY, times((13, 0), (17, 0))),
        ],
    )];
    clinic.keep_rota(&clinic.rota_for(day(2026, 3, 24), 2));
    let duties = clinic.calendar_duties(101, day(2026, 3, 24));
    let made = NaiveDateTime::parse_from_str("2026-03-20 10:15:00", "%Y-%m-%d %H:%M:%S").unwrap();
    let file = ical::calendar(&duties, "Ann", "Elm Surgery, Leeds", made);
    assert!(file.contains("DTSTART;TZID=Europe/London:20260324T090000\r\n"));
    assert!(file.contains("DTSTART;TZID=Europe/London:20260331T090000\r\n"));
    assert!(file.contains("TZID:Europe/London\r\nBEGIN:DAYLIGHT"));
}

#[test]
fn a_volunteers_calendar_file_has_one_event_per_duty_of_theirs() {
    let (mut clinic, _, _) = elm_clinic();
    clinic.volunteers = vec![
        volunteer(101, "Ann O'Neil", &[(TUESDAY, times((9, 0), (12, 30)))]),
        volunteer(102, "Bob", &[(THURSDAY, times((13, 30), (17, 0)))]),
    ];
    clinic.keep_rota(&clinic.rota_for(day(2026, 3, 2), 1));
    let duties = clinic.calendar_duties(101, day(2026, 3, 2));
    let made = NaiveDateTime::parse_from_str("2026-03-01 18:05:09", "%Y-%m-%d %H:%M:%S").unwrap();
    let file = ical::calendar(&duties, "Ann O'Neil", "Elm Surgery, Leeds", made);
    assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(file.ends_with("END:VCALENDAR\r\n"));
    assert!(file.contains("METHOD:PUBLISH\r\n"));
    assert!(file.contains("X-WR-CALNAME:Ann O'Neil clinic duties\\, Elm Surgery\\, Leeds\r\n"));
    assert_eq!(
        file.matches("BEGIN:VEVENT").count(),
        1,
        "Bob's Thursday is not in Ann's file"
    );
    assert!(file.contains("SUMMARY:Link worker clinic duty\r\n"));
    assert!(file.contains("SEQUENCE:0\r\nDTSTART;TZID=Europe/London:20260303T090000\r\n"));
    assert!(file.contains("STATUS:CONFIRMED\r\n"));
    assert!(file.contains("LOCATION:Room 4\\, Elm Surgery\\, Leeds\r\n"));
    assert!(file.contains("DTSTAMP:20260301T180509Z\r\n"));
    assert!(file.contains("DTEND;TZID=Europe/London:20260303T123000\r\n"));
    // Every line ends in CRLF and none is longer than 75 octets.
    assert!(!file.replace("\r\n", "").contains('\n'));
    assert!(file.split("\r\n").all(|line| line.len() <= 75));
}

#[test]
fn a_concern_stays_visible_until_cleared_with_a_note() {
    let mut sam = Person::default();
    sam.raise_concern(
        day(2026, 3, 3),
        "Will",
        "Mentioned money worries and threats from a lender",
        EscalatedTo::GpSupervisor,
    );
    assert!(sam.open_concern().is_some());
    assert_eq!(
        sam.clear_concern(day(2026, 3, 4), "  "),
        Err(ClearError::NoNote)
    );
    assert!(sam.open_concern().is_some());
    assert_eq!(
        sam.clear_concern(day(2026, 3, 4), "GP spoke to Sam; debt advice booked"),
        Ok(())
    );
    assert!(sam.open_concern().is_none());
    assert_eq!(sam.concerns.len(), 1);
    assert_eq!(
        sam.clear_concern(day(2026, 3, 5), "again"),
        Err(ClearError::NoOpenConcern)
    );
}

#[test]
fn open_concerns_are_listed_for_the_whole_clinic_those_not_escalated_first() {
    let mut clinic = Clinic::default();
    let person = |id, name: &str| Person {
        id,
        name: name.into(),
        ..Person::default()
    };
    let (mut ann, mut bob, mut cat, dan) = (
        person(1, "Ann"),
        person(2, "Bob"),
        person(3, "Cat"),
        person(4, "Dan"),
    );
    ann.raise_concern(
        day(2026, 3, 2),
        "Will",
        "Bruises",
        EscalatedTo::GpSupervisor,
    );
    bob.raise_concern(
        day(2026, 3, 5),
        "Will",
        "Said a lender threatened him",
        EscalatedTo::NotYet,
    );
    cat.raise_concern(
        day(2026, 3, 1),
        "Jo",
        "Left alone at home",
        EscalatedTo::NotYet,
    );
    let mut cleared = person(5, "Eve");
    cleared.raise_concern(day(2026, 3, 1), "Jo", "Worried", EscalatedTo::NotYet);
    cleared
        .clear_concern(day(2026, 3, 2), "Spoke to her GP")
        .unwrap();
    clinic.people = vec![ann, bob, cat, dan, cleared];
    let names: Vec<&str> = clinic
        .open_concerns()
        .iter()
        .map(|(p, _)| p.name.as_str())
        .collect();
    assert_eq!(names, ["Cat", "Bob", "Ann"]);
}

#[test]
fn follow_ups_come_back_on_the_day_they_are_due() {
    let mut sam = Person::default();
    sam.log(
        1,
        day(2026, 3, 3),
        "Will",
        "Called, left message",
        Some(day(2026, 3, 5)),
    );
    sam.log(2, day(2026, 3, 3), "Will", "Met, made a plan", None);
    assert!(sam.follow_ups_due(day(2026, 3, 4)).is_empty());
    assert_eq!(
        sam.follow_ups_due(day(2026, 3, 5))[0].note,
        "Called, left message"
    );
    assert_eq!(sam.follow_ups_due(day(2026, 3, 9)).len(), 1);
    sam.log[0].follow_up_done = true;
    assert!(sam.follow_ups_due(day(2026, 3, 9)).is_empty());
}

#[test]
fn the_caseload_counts_waits_contacts_and_the_yearly_limit() {
    let (mut clinic, tuesday, _) = elm_clinic();
    clinic.safe_yearly_maximum = 5;
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    let jo = person(&mut clinic, "Jo", "2026-02-20");
    let kim = person(&mut clinic, "Kim", "2026-03-02");
    let _waiting = person(&mut clinic, "Lee", "2026-03-09");
    clinic.person_mut(kim).unwrap().status = PersonStatus::Declined;
    let a = book_first(
        &mut clinic,
        sam,
        (tuesday, day(2026, 3, 3)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    let b = book_first(
        &mut clinic,
        jo,
        (tuesday, day(2026, 3, 10)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    clinic.set_outcome(a, Outcome::Attended);
    clinic.set_outcome(b, Outcome::Attended);
    clinic.person_mut(sam).unwrap().log(
        99,
        day(2026, 3, 3),
        "Will",
        "Introduced to the walking group",
        None,
    );

    let caseload = clinic.caseload(day(2026, 3, 20));
    assert_eq!(
        (
            caseload.waiting,
            caseload.active,
            caseload.finished,
            caseload.declined
        ),
        (1, 2, 0, 1)
    );
    // Sam waited 2 days, Jo 18.
    assert_eq!(caseload.median_wait, Some(10.0));
    assert_eq!(caseload.longest_wait, Some(18));
    assert_eq!(caseload.contacts_per_person, Some(1.5));
    assert_eq!(caseload.this_year, 3);
    assert!(!caseload.nearing_maximum);
    person(&mut clinic, "Max", "2026-03-10");
    assert!(clinic.caseload(day(2026, 3, 20)).nearing_maximum);
}

#[test]
fn the_day_view_lists_each_session_with_its_volunteer_and_appointments_in_order() {
    let (mut clinic, tuesday, _) = elm_clinic();
    clinic.volunteers.push(volunteer(101, "Ann", &[]));
    clinic.rota.push(rota::RotaEntry {
        session: tuesday,
        date: "2026-03-03".into(),
        volunteer: Some(101),
        by_hand: true,
        ..Default::default()
    });
    let on_tuesday = clinic.sessions.find(tuesday, day(2026, 3, 3)).unwrap();
    assert_eq!(clinic.duty_words(&on_tuesday), "Ann on duty");
    let next_tuesday = clinic.sessions.find(tuesday, day(2026, 3, 10)).unwrap();
    assert_eq!(clinic.duty_words(&next_tuesday), "nobody on duty yet");
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    let jo = person(&mut clinic, "Jo", "2026-03-01");
    book_follow_up(
        &mut clinic,
        jo,
        (tuesday, day(2026, 3, 3)),
        times((10, 0), (10, 20)),
    )
    .unwrap();
    book_first(
        &mut clinic,
        sam,
        (tuesday, day(2026, 3, 3)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    let view = clinic.day(day(2026, 3, 3));
    assert_eq!(view.len(), 1);
    assert_eq!(view[0].volunteer.map(|v| v.name.as_str()), Some("Ann"));
    let names: Vec<&str> = view[0]
        .appointments
        .iter()
        .map(|(_, p)| p.unwrap().name.as_str())
        .collect();
    assert_eq!(names, ["Sam", "Jo"]);
    assert!(clinic.day(day(2026, 3, 4)).is_empty());
}

#[test]
fn a_self_referral_becomes_a_person_once() {
    use crate::domain::referral::*;
    let mut answers = Answers {
        full_name: "Samantha Jones".into(),
        preferred_name: "Sam".into(),
        phone: "07700 900123".into(),
        support: vec![SupportNeed::Lonely, SupportNeed::SomethingElse],
        support_other: "Gardening".into(),
        barriers: vec![Barrier::SchoolRun],
        meeting: Some(Meeting::Telephone),
        interpreter: Some(YesNo::Yes),
        language: "Polish".into(),
        ..Answers::default()
    };
    answers.formats = vec![Format::LargePrint];
    let referral = Referral {
        reference: Reference::from_random(12345),
        sent_on: day(2026, 3, 3),
        answers,
    };
    let mut clinic = Clinic::default();
    let id = clinic.add_referral(fresh(), &referral);
    assert_eq!(clinic.add_referral(fresh(), &referral), id);
    assert_eq!(clinic.people.len(), 1);
    let sam = clinic.person(id).unwrap();
    assert_eq!(sam.called(), "Sam");
    assert_eq!(sam.source, super::people::Source::SelfReferral);
    assert_eq!(sam.referred_on, "2026-03-03");
    assert_eq!(sam.mode, Mode::Telephone);
    assert_eq!(
        sam.support,
        "Feeling lonely or isolated\nSomething else\nGardening"
    );
    assert_eq!(sam.barriers, "The school run");
    assert_eq!(sam.communication, "Large print");
    assert_eq!(
        (sam.language.as_str(), sam.interpreter),
        ("Polish", Some(YesNo::Yes))
    );
    assert_eq!(sam.status, PersonStatus::Waiting);
}

#[test]
fn a_shared_rota_carries_the_duties_and_nothing_about_the_people_supported() {
    let (mut clinic, tuesday, _) = elm_clinic();
    let sam = person(&mut clinic, "Sam Jones", "2026-03-01");
    book_first(
        &mut clinic,
        sam,
        (tuesday, day(2026, 3, 3)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    let ann = volunteer(101, "Ann", &[(TUESDAY, times((9, 0), (12, 30)))]);
    let sessions = clinic.sessions.between(day(2026, 3, 2), day(2026, 3, 8));
    let duties = rota::suggest(&sessions, std::slice::from_ref(&ann), &[]);
    let shared = rota::SharedRota::from_duties(&duties, &[ann], "Elm Surgery");
    let link = shared.link("https://surgery.example/support/");
    let (address, fragment) = link.split_once('#').unwrap();
    assert_eq!(address, "https://surgery.example/support/clinic/rota/");
    let opened = rota::SharedRota::open(fragment).unwrap();
    assert_eq!(opened, shared);
    assert_eq!(
        opened.lines()[0],
        (
            "Tuesday 3 March 2026, 9am to 12:30pm, Room 4".to_string(),
            "Ann".to_string()
        )
    );
    assert_eq!(
        opened.rows[0],
        (
            "2026-03-03".into(),
            "09:00".into(),
            "12:30".into(),
            "Room 4".into(),
            "Ann".into()
        )
    );
    assert_eq!(opened.rows[1].4, "");
    let payload = serde_json::to_string(&opened).unwrap();
    assert!(!payload.contains("Sam"));
}

#[test]
fn a_kept_rota_puts_a_volunteer_on_duty_and_a_hand_swap_stays_through_a_new_suggestion() {
    let (mut clinic, tuesday, thursday) = elm_clinic();
    clinic.volunteers = vec![
        volunteer(101, "Ann", &[(TUESDAY, times((9, 0), (12, 30)))]),
        volunteer(
            102,
            "Bob",
            &[
                (TUESDAY, times((9, 0), (12, 30))),
                (THURSDAY, times((13, 30), (17, 0))),
            ],
        ),
    ];
    let duties = clinic.rota_for(day(2026, 3, 2), 2);
    assert_eq!(duties.len(), 4, "two sessions a week for two weeks");
    assert!(
        clinic.on_duty(&duties[0].session).is_none(),
        "nothing is on duty until kept"
    );
    clinic.keep_rota(&duties);
    assert_eq!(clinic.rota.len(), 4);
    let first_thursday = clinic.sessions.find(thursday, day(2026, 3, 5)).unwrap();
    assert_eq!(clinic.on_duty(&first_thursday), Some(102));

    clinic.put_on_duty(&duties, (tuesday, day(2026, 3, 3)), Some(102));
    let again = clinic.rota_for(day(2026, 3, 2), 2);
    let first_tuesday = again
        .iter()
        .find(|d| d.session.key() == (tuesday, day(2026, 3, 3)))
        .unwrap();
    assert_eq!(
        (first_tuesday.volunteer, first_tuesday.by_hand),
        (Some(102), true)
    );
    clinic.keep_rota(&again);
    assert_eq!(
        clinic.rota.len(),
        4,
        "keeping again replaces, never repeats"
    );
}

#[test]
fn free_times_list_each_open_session_with_room_for_the_appointment() {
    let (mut clinic, tuesday, _) = elm_clinic();
    clinic.sessions.closed.push(sessions::ClosedDate {
        date: "2026-03-05".into(),
        reason: "Room repairs".into(),
        room: String::new(),
    });
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    let other = person(&mut clinic, "Jo", "2026-03-01");
    book_first(
        &mut clinic,
        other,
        (tuesday, day(2026, 3, 3)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    let sam_record = clinic.person(sam).unwrap().clone();
    let free = clinic.free_times(&sam_record, Kind::First, day(2026, 3, 2), 1);
    let dates: Vec<NaiveDate> = free.iter().map(|(s, _)| s.date).collect();
    assert_eq!(
        dates,
        [day(2026, 3, 3)],
        "Thursday is closed; next Tuesday is past the week"
    );
    assert_eq!(free[0].1[0], times((9, 45), (10, 30)));

    let booked = book_first(&mut clinic, sam, (tuesday, day(2026, 3, 3)), free[0].1[0]).unwrap();
    assert_eq!(
        clinic
            .upcoming(sam, day(2026, 3, 3))
            .iter()
            .map(|b| b.id)
            .collect::<Vec<_>>(),
        [booked]
    );
    clinic.set_outcome(booked, Outcome::Cancelled);
    assert!(clinic.upcoming(sam, day(2026, 3, 3)).is_empty());
}

#[test]
fn after_a_first_appointment_one_tap_books_the_next_follow_up_that_fits() {
    let (mut clinic, tuesday, _) = elm_clinic();
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    let first = book_first(
        &mut clinic,
        sam,
        (tuesday, day(2026, 3, 3)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    clinic.set_outcome(first, Outcome::Attended);
    let follow_up = clinic.book_follow_up_after(first, 555).unwrap();
    let booked = clinic.bookings.iter().find(|b| b.id == follow_up).unwrap();
    // A week on, not two days: Tuesday 10 March at 9am, the first free time that day.
    assert_eq!(
        (booked.session, booked.on()),
        (tuesday, Some(day(2026, 3, 10)))
    );
    assert_eq!(
        (booked.kind, booked.times),
        (Kind::FollowUp, times((9, 0), (9, 20)))
    );
    assert_eq!(
        clinic.next_session_day(day(2026, 3, 3)),
        Some(day(2026, 3, 5))
    );
    assert_eq!(
        clinic.previous_session_day(day(2026, 3, 5)),
        Some(day(2026, 3, 3))
    );
    assert_eq!(
        clinic.previous_session_day(day(2026, 3, 3)),
        None,
        "the sessions start on 2 March"
    );
}

#[test]
fn an_appointment_marked_on_the_day_is_no_longer_upcoming() {
    let (mut clinic, tuesday, _) = elm_clinic();
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    let first = book_first(
        &mut clinic,
        sam,
        (tuesday, day(2026, 3, 3)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    assert_eq!(clinic.upcoming(sam, day(2026, 3, 3)).len(), 1);
    clinic.set_outcome(first, Outcome::DidNotAttend);
    assert!(clinic.upcoming(sam, day(2026, 3, 3)).is_empty());
}

#[test]
fn a_volunteer_who_leaves_is_taken_off_future_duties_and_a_stopped_session_no_longer_runs() {
    let (mut clinic, tuesday, thursday) = elm_clinic();
    clinic.volunteers = vec![
        volunteer(101, "Ann", &[(TUESDAY, times((9, 0), (12, 30)))]),
        volunteer(
            102,
            "Bob",
            &[
                (TUESDAY, times((9, 0), (12, 30))),
                (THURSDAY, times((13, 30), (17, 0))),
            ],
        ),
    ];
    let duties = clinic.rota_for(day(2026, 3, 2), 2);
    clinic.keep_rota(&duties);
    clinic.remove_volunteer(102, day(2026, 3, 6));
    assert!(clinic.volunteers.iter().all(|v| v.id != 102));
    let kept_for_bob: Vec<&str> = clinic
        .rota
        .iter()
        .filter(|e| e.volunteer == Some(102))
        .map(|e| e.date.as_str())
        .collect();
    assert_eq!(
        kept_for_bob,
        ["2026-03-05"],
        "the duty he did stays in the history"
    );
    let again = clinic.rota_for(day(2026, 3, 9), 1);
    assert!(again.iter().all(|d| d.volunteer != Some(102)));

    clinic.stop_weekly(thursday, day(2026, 3, 8));
    let later: Vec<Id> = clinic
        .sessions
        .between(day(2026, 3, 9), day(2026, 3, 15))
        .iter()
        .map(|s| s.session)
        .collect();
    assert_eq!(later, [tuesday]);
    assert_eq!(
        clinic
            .sessions
            .between(day(2026, 3, 5), day(2026, 3, 5))
            .len(),
        1,
        "a past Thursday still ran"
    );
}

#[test]
fn the_clinic_day_is_today_when_a_session_runs_otherwise_the_next_and_a_first_comes_before_follow_ups(
) {
    let (mut clinic, tuesday, _) = elm_clinic();
    assert_eq!(
        clinic.clinic_day_from(day(2026, 3, 3)),
        Some(day(2026, 3, 3))
    );
    assert_eq!(
        clinic.clinic_day_from(day(2026, 3, 4)),
        Some(day(2026, 3, 5))
    );
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    assert_eq!(clinic.next_kind(sam), Kind::First);
    let first = book_first(
        &mut clinic,
        sam,
        (tuesday, day(2026, 3, 3)),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    assert_eq!(
        clinic.next_kind(sam),
        Kind::FollowUp,
        "a first appointment booked: the next one follows it"
    );
    clinic.set_outcome(first, Outcome::DidNotAttend);
    assert_eq!(clinic.next_kind(sam), Kind::First, "still to be seen");
    clinic.set_outcome(first, Outcome::Cancelled);
    assert_eq!(clinic.next_kind(sam), Kind::First);
    clinic.set_outcome(first, Outcome::Attended);
    assert_eq!(clinic.next_kind(sam), Kind::FollowUp);
}

#[test]
fn a_follow_up_is_offered_a_week_after_the_last_appointment_never_the_same_morning() {
    let (mut clinic, tuesday, _) = elm_clinic();
    let sam = person(&mut clinic, "Sam", "2026-03-01");
    let tuesday_3 = day(2026, 3, 3);
    assert_eq!(
        clinic.offer_from(sam, Kind::FollowUp, tuesday_3),
        tuesday_3,
        "nothing to follow yet"
    );
    let first = book_first(
        &mut clinic,
        sam,
        (tuesday, tuesday_3),
        times((9, 0), (9, 45)),
    )
    .unwrap();
    clinic.set_outcome(first, Outcome::Attended);
    // On the morning of the first appointment, a follow-up is offered from a week later.
    let record = clinic.person(sam).unwrap().clone();
    let from = clinic.offer_from(sam, Kind::FollowUp, tuesday_3);
    assert_eq!(from, day(2026, 3, 10));
    let offer = clinic
        .next_fitting(&record, Kind::FollowUp, from, WEEKS_AHEAD)
        .unwrap();
    assert_eq!(
        (offer.session.date, offer.times.start.words()),
        (day(2026, 3, 10), "9am".to_string())
    );
    // A first appointment is still offered from today.
    assert_eq!(clinic.offer_from(sam, Kind::First, tuesday_3), tuesday_3);
    // Booked from the clinic day: a week on too, and the next from the week after that one.
    let follow_up = clinic.book_follow_up_after(first, fresh()).unwrap();
    let booked = clinic.bookings.iter().find(|b| b.id == follow_up).unwrap();
    assert_eq!(booked.on(), Some(day(2026, 3, 10)));
    assert_eq!(
        clinic.offer_from(sam, Kind::FollowUp, tuesday_3),
        day(2026, 3, 17)
    );
    // Long after the last one, the search starts today.
    assert_eq!(
        clinic.offer_from(sam, Kind::FollowUp, day(2026, 6, 1)),
        day(2026, 6, 1)
    );
}

/// A person of `status`, referred on `referred_on`.
fn listed(id: u64, name: &str, preferred: &str, status: PersonStatus, referred_on: &str) -> Person {
    Person {
        id,
        name: name.to_string(),
        preferred_name: preferred.to_string(),
        status,
        referred_on: referred_on.to_string(),
        ..Person::default()
    }
}

#[test]
fn the_people_page_finds_people_by_any_part_of_their_names_in_any_case() {
    let people = vec![
        listed(
            1,
            "Margaret O'Neil",
            "Peggy",
            PersonStatus::Active,
            "2026-01-05",
        ),
        listed(2, "Sam Jones", "", PersonStatus::Active, "2026-02-01"),
        listed(3, "Samira Khan", "", PersonStatus::Finished, "2025-06-01"),
        listed(4, "Jo Samson", "", PersonStatus::Declined, "2025-07-01"),
    ];
    let names = |find: &str| -> Vec<Vec<&str>> {
        people_by_status(&people, find)
            .into_iter()
            .map(|(_, found)| found.iter().map(|p| p.name.as_str()).collect())
            .collect()
    };
    // Waiting, active, finished, declined, whatever was typed.
    assert_eq!(
        names(""),
        vec![
            vec![],
            vec!["Margaret O'Neil", "Sam Jones"],
            vec!["Samira Khan"],
            vec!["Jo Samson"]
        ]
    );
    assert_eq!(
        names("SAM"),
        vec![
            vec![],
            vec!["Sam Jones"],
            vec!["Samira Khan"],
            vec!["Jo Samson"]
        ]
    );
    assert_eq!(
        names("  sam   jon "),
        vec![vec![], vec!["Sam Jones"], vec![], vec![]]
    );
    assert_eq!(
        names("peggy"),
        vec![vec![], vec!["Margaret O'Neil"], vec![], vec![]]
    );
    assert_eq!(names("o'neil")[1], vec!["Margaret O'Neil"]);
    // Typed without the accents or the curly apostrophe a referral gave.
    let referred = [listed(
        5,
        "Siobhán O’Neill",
        "",
        PersonStatus::Waiting,
        "2026-03-01",
    )];
    let found = people_by_status(&referred, "siobhan o'neill");
    assert_eq!(found[0].1.len(), 1);
    assert!(names("priya").iter().all(Vec::is_empty));
}

#[test]
fn the_caseload_is_worked_through_oldest_first_and_looked_back_on_latest_first() {
    let people = vec![
        listed(1, "Bea", "", PersonStatus::Waiting, "2026-02-01"),
        listed(2, "Al", "", PersonStatus::Waiting, "2026-01-01"),
        listed(3, "Cy", "", PersonStatus::Waiting, "2026-01-01"),
        listed(4, "Di", "", PersonStatus::Finished, "2025-01-01"),
        listed(5, "Ed", "", PersonStatus::Finished, "2025-09-01"),
        listed(6, "Fay", "", PersonStatus::Declined, "2025-03-01"),
        listed(7, "Gus", "", PersonStatus::Declined, "2025-04-01"),
    ];
    let groups = people_by_status(&people, "");
    let order = |i: usize| -> Vec<&str> { groups[i].1.iter().map(|p| p.name.as_str()).collect() };
    assert_eq!(groups[0].0, PersonStatus::Waiting);
    assert_eq!(order(0), vec!["Al", "Cy", "Bea"]);
    assert_eq!(order(2), vec!["Ed", "Di"]);
    assert_eq!(order(3), vec!["Gus", "Fay"]);
}

#[test]
fn the_people_page_says_how_many_it_holds_and_found() {
    assert_eq!(people_found_words(0, 0, ""), "Nobody has been added yet.");
    assert_eq!(
        people_found_words(0, 0, "sam"),
        "Nobody has been added yet."
    );
    assert_eq!(people_found_words(1, 1, ""), "1 person");
    assert_eq!(people_found_words(1250, 1250, "   "), "1250 people");
    assert_eq!(people_found_words(1, 1250, "sam"), "1 person found of 1250");
    assert_eq!(
        people_found_words(0, 1250, "priya"),
        "0 people found of 1250"
    );
    assert_eq!(
        more_people_words(20, PersonStatus::Finished),
        "Show 20 more finished people"
    );
    assert_eq!(
        more_people_words(1, PersonStatus::Declined),
        "Show 1 more declined person"
    );
}

#[test]
fn who_referred_a_person_reads_as_words() {
    use super::people::Source;
    assert_eq!(Source::Gp.referred_by(), "by their GP");
    assert_eq!(Source::Nurse.referred_by(), "by a nurse");
    assert_eq!(Source::SelfReferral.referred_by(), "by self-referral");
    assert!(Source::ALL
        .iter()
        .all(|s| s.referred_by().starts_with("by ")));
}

#[test]
fn a_concern_is_written_down_before_it_is_escalated_and_escalated_later() {
    use super::forms::ConcernForm;
    let form = ConcernForm {
        escalated_to: Some(EscalatedTo::NotYet),
        note: "Said they have not eaten for two days.".into(),
    };
    let (to, note) = form.check().unwrap();
    let mut person = Person::default();
    person.raise_concern(
        chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
        "",
        &note,
        to,
    );
    assert_eq!(
        person.open_concern().unwrap().escalated_to,
        EscalatedTo::NotYet
    );
    assert!(!person.escalate_concern(EscalatedTo::NotYet));
    assert!(person.escalate_concern(EscalatedTo::GpSupervisor));
    assert_eq!(
        person.open_concern().unwrap().escalated_to,
        EscalatedTo::GpSupervisor
    );
    let unanswered = ConcernForm {
        escalated_to: None,
        note: "A worry".into(),
    };
    assert_eq!(
        unanswered.check().unwrap_err()[0].message,
        "Select who the concern was escalated to, or ‘Not yet’"
    );
}

/// Three volunteers who can each do both weekly sessions, for December.
fn december_rota() -> (Clinic, Id, Id) {
    let (mut clinic, tuesday, thursday) = elm_clinic();
    let both = [
        (TUESDAY, times((9, 0), (12, 30))),
        (THURSDAY, times((13, 30), (17, 0))),
    ];
    clinic.volunteers = vec![
        volunteer(101, "Ann", &both),
        volunteer(102, "Bob", &both),
        volunteer(103, "Cat", &both),
    ];
    (clinic, tuesday, thursday)
}

#[test]
fn choosing_one_sessions_volunteer_never_moves_anyone_on_another() {
    let (mut clinic, tuesday, thursday) = december_rota();
    let from = day(2026, 12, 1);
    let shown = clinic.rota_for(from, 4);
    let others_of =
        |duties: &[rota::Duty], key: (Id, NaiveDate)| -> Vec<(Id, NaiveDate, Option<Id>)> {
            duties
                .iter()
                .filter(|d| d.session.key() != key)
                .map(|d| (d.session.session, d.session.date, d.volunteer))
                .collect()
        };
    // Thursday 17 December to Bob: every other session stays as shown.
    let thursday_17 = (thursday, day(2026, 12, 17));
    let before = others_of(&shown, thursday_17);
    clinic.put_on_duty(&shown, thursday_17, Some(102));
    let after = clinic.rota_for(from, 4);
    assert_eq!(others_of(&after, thursday_17), before);
    // Only a suggestion was on it before: nobody's calendar has it to cancel.
    let entry = clinic
        .rota
        .iter()
        .find(|e| (e.session, e.date.as_str()) == (thursday, "2026-12-17"))
        .unwrap();
    assert_eq!(
        (entry.volunteer, entry.changes, entry.earlier.len()),
        (Some(102), 0, 0)
    );
    // Thursday 24 December to Ann: Thursday 17 is still Bob, and nothing else moved.
    let thursday_24 = (thursday, day(2026, 12, 24));
    let before = others_of(&after, thursday_24);
    clinic.put_on_duty(&after, thursday_24, Some(101));
    let again = clinic.rota_for(from, 4);
    assert_eq!(others_of(&again, thursday_24), before);
    let volunteer_at = |duties: &[rota::Duty], key| {
        duties
            .iter()
            .find(|d| d.session.key() == key)
            .and_then(|d| d.volunteer)
    };
    assert_eq!(volunteer_at(&again, thursday_17), Some(102));
    assert_eq!(volunteer_at(&again, thursday_24), Some(101));
    // Nobody, chosen by hand, stays nobody: no suggestion fills it.
    let tuesday_1 = (tuesday, day(2026, 12, 1));
    clinic.put_on_duty(&again, tuesday_1, None);
    assert_eq!(volunteer_at(&clinic.rota_for(from, 4), tuesday_1), None);
}

#[test]
fn a_choice_made_by_hand_survives_any_later_choice_or_keeping() {
    let (mut clinic, tuesday, thursday) = december_rota();
    let from = day(2026, 12, 1);
    let stale = clinic.rota_for(from, 4);
    let keys: Vec<(Id, NaiveDate)> = stale.iter().map(|d| d.session.key()).collect();
    // Every session chosen by hand in turn, each the volunteer the suggestion did not pick.
    let mut chosen = Vec::new();
    for (n, key) in keys.iter().enumerate() {
        let shown = clinic.rota_for(from, 4);
        let suggested = shown
            .iter()
            .find(|d| d.session.key() == *key)
            .and_then(|d| d.volunteer);
        let pick = [101, 102, 103]
            .into_iter()
            .find(|v| Some(*v) != suggested && (n % 2 == 0 || *v != 101))
            .unwrap();
        clinic.put_on_duty(&shown, *key, Some(pick));
        chosen.push((*key, pick));
        let now = clinic.rota_for(from, 4);
        for (key, pick) in &chosen {
            let duty = now.iter().find(|d| d.session.key() == *key).unwrap();
            assert_eq!((duty.volunteer, duty.by_hand), (Some(*pick), true));
        }
    }
    // Keeping a suggestion made before, in another tab, changes none of them.
    clinic.keep_rota(&stale);
    let now = clinic.rota_for(from, 4);
    for (key, pick) in &chosen {
        let duty = now.iter().find(|d| d.session.key() == *key).unwrap();
        assert_eq!(duty.volunteer, Some(*pick));
    }
    assert!(keys.contains(&(tuesday, day(2026, 12, 1))));
    assert!(keys.contains(&(thursday, day(2026, 12, 24))));
}

#[test]
fn each_volunteers_calendar_holds_their_own_duties_and_a_change_rises_in_sequence() {
    let (mut clinic, _, thursday) = december_rota();
    let from = day(2026, 12, 1);
    clinic.keep_rota(&clinic.rota_for(from, 4));
    let mine = |clinic: &Clinic, v: Id| clinic.calendar_duties(v, from);
    for v in [101, 102, 103] {
        let duties = mine(&clinic, v);
        assert!(!duties.is_empty());
        assert!(duties.iter().all(|d| !d.cancelled && d.sequence == 0));
        for d in &duties {
            let on = clinic.sessions.find(d.session, d.date).unwrap();
            assert_eq!(clinic.on_duty(&on), Some(v), "only their own duties");
        }
    }
    // Thursday 10 December handed from whoever had it to another.
    let thursday_10 = (thursday, day(2026, 12, 10));
    let had = clinic
        .on_duty(&clinic.sessions.find(thursday_10.0, thursday_10.1).unwrap())
        .unwrap();
    let to = if had == 101 { 102 } else { 101 };
    clinic.put_on_duty(&clinic.rota_for(from, 4), thursday_10, Some(to));
    let find = |duties: Vec<ical::CalendarDuty>| {
        duties
            .into_iter()
            .find(|d| (d.session, d.date) == thursday_10)
            .unwrap()
    };
    let old = find(mine(&clinic, had));
    let new = find(mine(&clinic, to));
    assert!(old.cancelled && !new.cancelled);
    assert_eq!((old.sequence, new.sequence), (1, 1));
    // Closed that day: cancelled for its volunteer too; opened again, it is back with a higher sequence.
    clinic
        .close(ClosedDate {
            date: "2026-12-10".into(),
            reason: "Room being painted".into(),
            room: String::new(),
        })
        .unwrap();
    let closed = find(mine(&clinic, to));
    assert!(closed.cancelled);
    assert_eq!(closed.sequence, 2);
    clinic.reopen("2026-12-10", "");
    assert!(clinic.sessions.closed.is_empty());
    let open = find(mine(&clinic, to));
    assert!(!open.cancelled);
    assert_eq!(open.sequence, 3);
    // A volunteer who leaves: their later duties are handed on and counted.
    clinic.remove_volunteer(to, from);
    let left = clinic
        .rota
        .iter()
        .find(|e| (e.session, e.date.as_str()) == (thursday, "2026-12-10"))
        .unwrap();
    assert_eq!((left.volunteer, left.changes), (None, 4));
    assert!(left.earlier.contains(&to) && left.earlier.contains(&had));
}

#[test]
fn a_closed_date_on_a_day_with_no_session_says_so_and_one_can_be_opened_again() {
    let (mut clinic, tuesday, _) = elm_clinic();
    let monday = ClosedDate {
        date: "2026-03-09".into(),
        reason: "Bank holiday".into(),
        room: String::new(),
    };
    assert_eq!(
        clinic.close(monday),
        Err("There is no session on Monday 9 March 2026, so there is nothing to close. Enter a date the clinic runs".to_string())
    );
    assert!(clinic.sessions.closed.is_empty());
    let tuesday_10 = ClosedDate {
        date: "2026-03-10".into(),
        reason: "Bank holiday".into(),
        room: String::new(),
    };
    clinic.close(tuesday_10).unwrap();
    assert!(clinic
        .sessions
        .find(tuesday, day(2026, 3, 10))
        .unwrap()
        .closed
        .is_some());
    clinic.reopen("2026-03-10", "");
    assert!(clinic
        .sessions
        .find(tuesday, day(2026, 3, 10))
        .unwrap()
        .closed
        .is_none());
    clinic.reopen("2026-03-10", "");
    assert!(clinic.sessions.closed.is_empty());
}

#[test]
fn a_session_on_two_days_is_added_whole_or_not_at_all() {
    let (mut clinic, _, _) = elm_clinic();
    let mut twice = weekly(0, times((9, 0), (12, 0)), "Room 4");
    let monday = twice.clone();
    twice.id = fresh();
    twice.weekday = TUESDAY;
    // Tuesday's Room 4 is taken: Monday is not added either.
    assert!(clinic.add_weekly_days(vec![monday.clone(), twice]).is_err());
    assert_eq!(clinic.sessions.weekly.len(), 2);
    let mut friday = monday.clone();
    friday.id = fresh();
    friday.weekday = 4;
    clinic.add_weekly_days(vec![monday, friday]).unwrap();
    assert_eq!(
        clinic
            .sessions
            .between(day(2026, 3, 9), day(2026, 3, 13))
            .len(),
        4
    );
}
