use super::sms::{count, Encoding};
use super::template::TemplateProblem;
use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sams_appointment(date: NaiveDate, mode: Mode) -> Details {
    Details {
        name: "Sam".into(),
        date: Some(date),
        time: "2:30pm".into(),
        mode: Some(mode),
        room: "Room 4".into(),
        phone: "07700 900123".into(),
        sender: "Will".into(),
        practice: "Elm Surgery".into(),
        practice_phone: "0113 496 0123".into(),
    }
}

#[test]
fn the_default_reminder_confirms_and_stays_one_text() {
    let today = day(2026, 3, 2);
    let text = message(
        &Wording::default(),
        Purpose::Reminder,
        &sams_appointment(day(2026, 3, 3), Mode::FaceToFace),
        today,
    )
    .unwrap();
    assert_eq!(
        text,
        "Hi Sam, appointment confirmed tomorrow at 2:30pm at Elm Surgery, Room 4. See you then. To change it, call 0113 496 0123. Will"
    );
    let size = count(&text);
    assert_eq!((size.encoding, size.parts), (Encoding::Gsm7, 1));
    assert!(!text.contains("just a quick reminder"));
}

/// The longest details a practice is likely to have: a practice name of 30
/// characters, a room name of 12, and longer names than most.
fn long_details(date: NaiveDate, mode: Mode) -> Details {
    Details {
        name: "Samantha".into(),
        date: Some(date),
        time: "10:30am".into(),
        mode: Some(mode),
        room: "Room 12 East".into(),
        phone: "07700 900 123".into(),
        sender: "Margaret".into(),
        practice: "Oakwood Green Medical Practice".into(),
        practice_phone: "0113 496 0123".into(),
    }
}

#[test]
fn every_default_wording_is_one_text_with_a_long_practice_name_and_room() {
    assert_eq!(
        long_details(day(2026, 9, 29), Mode::FaceToFace)
            .practice
            .len(),
        30
    );
    assert_eq!(
        long_details(day(2026, 9, 29), Mode::FaceToFace).room.len(),
        12
    );
    // Monday 28 September 2026: "Wednesday 30 September" is the longest
    // date there is, and next year's comes with its year.
    let today = day(2026, 9, 28);
    let (yesterday, tomorrow) = (day(2026, 9, 27), day(2026, 9, 29));
    let (longest_this_year, longest) = (day(2026, 9, 30), day(2027, 9, 29));
    let cases: [(Purpose, &[NaiveDate], &[Mode]); 4] = [
        // Reminders go the day before, or on the morning of the day.
        (Purpose::Reminder, &[today, tomorrow], &Mode::ALL),
        // An introduction comes before a phone call only.
        (
            Purpose::Introduction,
            &[today, longest_this_year, longest],
            &[Mode::Telephone],
        ),
        (Purpose::Booked, &[tomorrow, longest_this_year], &Mode::ALL),
        (
            Purpose::MissedYou,
            &[yesterday, day(2026, 9, 23)],
            &Mode::ALL,
        ),
    ];
    for (purpose, dates, modes) in cases {
        for &date in dates {
            for &mode in modes {
                let text = message(
                    &Wording::default(),
                    purpose,
                    &long_details(date, mode),
                    today,
                )
                .unwrap();
                let size = count(&text);
                assert_eq!(
                    (size.encoding, size.parts),
                    (Encoding::Gsm7, 1),
                    "{purpose:?} {mode:?} {date}: {} characters: {text}",
                    size.units
                );
            }
        }
    }
}

#[test]
fn the_preview_counts_a_message_with_a_mistake_as_far_as_it_goes() {
    let mut wording = Wording::default();
    let details = long_details(day(2026, 9, 29), Mode::FaceToFace);
    let today = day(2026, 9, 28);
    let fine = preview(&wording, Purpose::Reminder, &details, today);
    assert_eq!((fine.size.units, fine.size.over_one_text()), (160, None));
    // A mistake: the count stays, counting {tiem} as typed.
    wording.set_template(
        Purpose::Reminder,
        "Hi {name}, see you {day} at {tiem}. {sender}",
    );
    let typo = preview(&wording, Purpose::Reminder, &details, today);
    assert_eq!(
        typo.message,
        Err(vec![TemplateProblem::Unknown("tiem".into())])
    );
    assert_eq!(
        typo.size.units,
        "Hi Samantha, see you tomorrow at {tiem}. Margaret".len() + 2,
        "{{ and }} count twice each in a text"
    );
    // " Thank you." pushes the reminder over one text by its 11 characters.
    wording.set_template(
        Purpose::Reminder,
        &format!("{} Thank you.", Purpose::Reminder.default_template()),
    );
    let over = preview(&wording, Purpose::Reminder, &details, today);
    assert_eq!((over.size.parts, over.size.over_one_text()), (2, Some(11)));
}

#[test]
fn the_longest_room_is_the_one_a_preview_uses() {
    use crate::domain::clinic::sessions::{ExtraSession, Sessions};
    use crate::domain::clinic::time::{ClockTime, TimeRange};
    let mut sessions = Sessions::default();
    assert_eq!(longest_room(&sessions), None);
    let times = TimeRange::new(ClockTime::at(9, 0), ClockTime::at(12, 0));
    for (id, room) in [(1, "Room 4"), (2, "  "), (3, "Quiet room B")] {
        sessions.extra.push(ExtraSession {
            id,
            date: "2026-03-03".into(),
            times,
            room: room.into(),
        });
    }
    assert_eq!(longest_room(&sessions).as_deref(), Some("Quiet room B"));
}

#[test]
fn a_phone_or_home_appointment_says_so_instead_of_a_room() {
    let today = day(2026, 3, 2);
    let phone = message(
        &Wording::default(),
        Purpose::Reminder,
        &sams_appointment(day(2026, 3, 3), Mode::Telephone),
        today,
    )
    .unwrap();
    assert!(phone.contains(
        "tomorrow at 2:30pm by phone. I will call you on 07700 900123. Speak to you then."
    ));
    let home = message(
        &Wording::default(),
        Purpose::Reminder,
        &sams_appointment(day(2026, 3, 3), Mode::HomeVisit),
        today,
    )
    .unwrap();
    assert!(home.contains("at your home. I will come to you. See you then."));
    let mut no_number = sams_appointment(day(2026, 3, 3), Mode::Telephone);
    no_number.phone = String::new();
    assert_eq!(
        message(&Wording::default(), Purpose::Reminder, &no_number, today),
        Err(vec![TemplateProblem::Missing("place")])
    );
}

#[test]
fn tomorrow_is_said_as_tomorrow_and_other_days_by_name_across_weekends_and_month_ends() {
    // Friday 27 February 2026: Monday is named, Saturday is tomorrow.
    let friday = day(2026, 2, 27);
    assert_eq!(day_words(day(2026, 2, 28), friday), "tomorrow");
    assert_eq!(day_words(day(2026, 3, 2), friday), "on Monday 2 March");
    assert_eq!(day_words(friday, friday), "today");
    assert_eq!(day_words(day(2026, 2, 26), friday), "yesterday");
    // Across a month end and a year end.
    assert_eq!(day_words(day(2026, 4, 1), day(2026, 3, 31)), "tomorrow");
    assert_eq!(day_words(day(2027, 1, 1), day(2026, 12, 31)), "tomorrow");
    assert_eq!(
        day_words(day(2027, 1, 5), day(2026, 12, 31)),
        "on Tuesday 5 January 2027"
    );
}

#[test]
fn every_template_renders_with_every_placeholder_it_uses() {
    let details = sams_appointment(day(2026, 3, 10), Mode::FaceToFace);
    let today = day(2026, 3, 2);
    for purpose in Purpose::ALL {
        let text = message(&Wording::default(), purpose, &details, today).unwrap();
        assert!(!text.contains('{') && !text.contains('}'), "{text}");
        assert!(text.starts_with("Hi Sam, "), "{text}");
    }
    let intro = message(
        &Wording::default(),
        Purpose::Introduction,
        &sams_appointment(today, Mode::Telephone),
        today,
    )
    .unwrap();
    assert_eq!(intro, "Hi Sam, this is Will from Elm Surgery's link worker team. I will call you today around 2:30pm.");
    let missed = message(
        &Wording::default(),
        Purpose::MissedYou,
        &sams_appointment(day(2026, 3, 1), Mode::FaceToFace),
        today,
    )
    .unwrap();
    assert!(missed.starts_with("Hi Sam, sorry we missed you yesterday."));
}

#[test]
fn the_cost_line_is_never_on_unless_the_practice_turns_it_on() {
    let details = sams_appointment(day(2026, 3, 3), Mode::FaceToFace);
    let mut wording = Wording::default();
    let plain = message(&wording, Purpose::Reminder, &details, day(2026, 3, 2)).unwrap();
    assert!(!plain.contains("costs"));
    wording.cost_line_on = true;
    let with_cost = message(&wording, Purpose::Reminder, &details, day(2026, 3, 2)).unwrap();
    assert!(with_cost.ends_with("Will A missed appointment costs the NHS about £30."));
    // Not on the other messages.
    assert!(
        !message(&wording, Purpose::MissedYou, &details, day(2026, 3, 4))
            .unwrap()
            .contains("costs")
    );
}

#[test]
fn an_edited_template_with_a_mistake_is_caught_before_sending() {
    let mut wording = Wording::default();
    wording.set_template(
        Purpose::Reminder,
        "Hi {name}, see you {day} at {tiem} {place}. {sender}",
    );
    let details = sams_appointment(day(2026, 3, 3), Mode::FaceToFace);
    assert_eq!(
        message(&wording, Purpose::Reminder, &details, day(2026, 3, 2)),
        Err(vec![TemplateProblem::Unknown("tiem".into())])
    );
    let mut no_sender = details.clone();
    no_sender.sender = " ".into();
    wording.set_template(Purpose::Reminder, Purpose::Reminder.default_template());
    assert!(wording.templates.is_empty());
    assert_eq!(
        message(&wording, Purpose::Reminder, &no_sender, day(2026, 3, 2)),
        Err(vec![TemplateProblem::Missing("sender")])
    );
}

#[test]
fn wording_checks_warn_about_no_time_no_place_no_way_to_cancel_and_clinical_words() {
    let wording = Wording::default();
    assert!(wording
        .warnings(Purpose::Reminder, Purpose::Reminder.default_template())
        .is_empty());
    let warnings = wording.warnings(
        Purpose::Reminder,
        "Hi {name}, don't forget your diabetes check {day}. {sender}",
    );
    assert_eq!(
        warnings,
        [
            "The reminder does not say the time. Add {time}",
            "The reminder does not say where. Add {place}",
            "The message does not say how to change or cancel. Add \"reply to this text\" or {practice_phone}",
            "\"diabetes\" is a clinical detail. Texts can be read by others, so leave it out",
        ]
    );
    // A clinical word inside another word is not flagged.
    assert!(wording
        .warnings(Purpose::Booked, "Reply to the bloodhound club")
        .is_empty());
}

#[test]
fn the_sms_link_keeps_line_breaks_ampersands_and_symbols() {
    let link = sms_link(
        "07700 900 123",
        "Hi Sam & Jo,\nsee you at 2:30pm? £5 #1 100%",
    );
    assert_eq!(
        link,
        "sms:07700900123?body=Hi%20Sam%20%26%20Jo%2C%0Asee%20you%20at%202%3A30pm%3F%20%C2%A35%20%231%20100%25"
    );
    assert_eq!(
        sms_link("+44 7700 900123", "ok"),
        "sms:+447700900123?body=ok"
    );
}

#[test]
fn typographic_characters_in_names_or_templates_are_cleaned_before_sending() {
    let mut details = sams_appointment(day(2026, 3, 3), Mode::FaceToFace);
    details.room = "O’Brien Room – first floor".into();
    let text = message(
        &Wording::default(),
        Purpose::Reminder,
        &details,
        day(2026, 3, 2),
    )
    .unwrap();
    assert!(text.contains("O'Brien Room - first floor"));
    assert_eq!(count(&text).encoding, Encoding::Gsm7);
}

mod the_day_list {
    use super::*;
    use crate::domain::clinic::bookings::Outcome;
    use crate::domain::clinic::people::Person;
    use crate::domain::clinic::sessions::WeeklySession;
    use crate::domain::clinic::slots::Kind;
    use crate::domain::clinic::time::{ClockTime, TimeRange};
    use crate::domain::clinic::Clinic;
    use crate::domain::reminders::day_list::{
        day_heading, day_list, days_to_text, missed_list, next_clinic_day, person_texts, How,
        Sender,
    };

    fn clinic() -> Clinic {
        let mut clinic = Clinic::default();
        clinic
            .add_weekly(WeeklySession {
                id: 1,
                weekday: 1,
                times: TimeRange::new(ClockTime::at(9, 0), ClockTime::at(12, 30)),
                room: "Room 4".into(),
                first: "2026-03-02".into(),
                last: String::new(),
            })
            .unwrap();
        for (id, name, phone, no_texts) in [
            (10, "Samantha Jones", "07700 900123", false),
            (11, "Jo Bloggs", "0113 496 0000", false),
            (12, "Kim Lee", "07700 900456", true),
        ] {
            clinic.people.push(Person {
                id,
                name: name.into(),
                phone: phone.into(),
                no_texts,
                ..Person::default()
            });
        }
        let tuesday = day(2026, 3, 3);
        let at = |h, m| TimeRange::new(ClockTime::at(h, m), ClockTime::at(h, m).plus(20).unwrap());
        clinic
            .book(
                20,
                11,
                (1, tuesday),
                at(9, 20),
                Kind::FollowUp,
                Mode::FaceToFace,
            )
            .unwrap();
        clinic
            .book(
                21,
                10,
                (1, tuesday),
                at(10, 0),
                Kind::FollowUp,
                Mode::FaceToFace,
            )
            .unwrap();
        clinic
            .book(
                22,
                12,
                (1, tuesday),
                at(11, 0),
                Kind::FollowUp,
                Mode::Telephone,
            )
            .unwrap();
        let cancelled = clinic
            .book(
                23,
                10,
                (1, tuesday),
                at(12, 0),
                Kind::FollowUp,
                Mode::FaceToFace,
            )
            .unwrap();
        clinic.set_outcome(cancelled, Outcome::Cancelled);
        clinic
    }

    const WILL: Sender<'static> = Sender {
        name: "Will",
        practice: "Elm Surgery",
        practice_phone: "0113 496 0123",
    };

    #[test]
    fn tomorrows_texts_are_ready_to_send_and_the_rest_are_listed_to_call() {
        let clinic = clinic();
        let monday = day(2026, 3, 2);
        assert_eq!(next_clinic_day(&clinic, monday), Some(day(2026, 3, 3)));
        let list = day_list(&clinic, &Wording::default(), day(2026, 3, 3), monday, &WILL);
        let hows: Vec<&How> = list.iter().map(|t| &t.how).collect();
        assert_eq!(list.len(), 3, "the cancelled appointment is left out");
        assert_eq!(hows[0], &How::Call("No mobile number"));
        let How::Text { text, link } = hows[1] else {
            panic!("Sam should get a text: {:?}", hows[1]);
        };
        assert_eq!(
            text,
            "Hi Samantha, appointment confirmed tomorrow at 10am at Elm Surgery, Room 4. See you then. To change it, call 0113 496 0123. Will"
        );
        assert!(link.starts_with("sms:07700900123?body=Hi%20Samantha%2C%20appointment"));
        assert_eq!(hows[2], &How::Call("Asked not to be texted"));
    }

    #[test]
    fn on_the_morning_of_a_clinic_day_its_texts_come_first_then_the_next_days() {
        let mut clinic = clinic();
        let (monday, tuesday) = (day(2026, 3, 2), day(2026, 3, 3));
        let in_two_weeks = day(2026, 3, 17);
        assert_eq!(days_to_text(&clinic, monday), [tuesday]);
        assert_eq!(days_to_text(&clinic, tuesday), [tuesday]);
        clinic
            .book(
                30,
                10,
                (1, in_two_weeks),
                TimeRange::new(ClockTime::at(9, 0), ClockTime::at(9, 20)),
                Kind::FollowUp,
                Mode::FaceToFace,
            )
            .unwrap();
        assert_eq!(days_to_text(&clinic, tuesday), [tuesday, in_two_weeks]);
        assert_eq!(day_heading(tuesday, tuesday), "Today, Tuesday 3 March 2026");
        assert_eq!(
            day_heading(in_two_weeks, tuesday),
            "Next clinic day: Tuesday 17 March 2026"
        );
        assert_eq!(
            day_heading(tuesday, monday),
            "Next clinic day: tomorrow, Tuesday 3 March 2026"
        );
        // Once everyone today is marked, today's texts are done with.
        let today: Vec<u64> = clinic
            .bookings
            .iter()
            .filter(|b| b.on() == Some(tuesday))
            .map(|b| b.id)
            .collect();
        for id in today {
            clinic.set_outcome(id, Outcome::Attended);
        }
        assert_eq!(days_to_text(&clinic, tuesday), [in_two_weeks]);
        // Today's reminder says "today".
        let list = day_list(
            &clinic,
            &Wording::default(),
            in_two_weeks,
            in_two_weeks,
            &WILL,
        );
        let How::Text { text, .. } = &list[0].how else {
            panic!("a text: {:?}", list[0].how);
        };
        assert!(
            text.contains("appointment confirmed today at 9am"),
            "{text}"
        );
    }

    #[test]
    fn a_missing_detail_is_shown_instead_of_a_broken_text() {
        let clinic = clinic();
        let nobody = Sender { name: "", ..WILL };
        let list = day_list(
            &clinic,
            &Wording::default(),
            day(2026, 3, 3),
            day(2026, 3, 2),
            &nobody,
        );
        assert_eq!(
            list[1].how,
            How::Problem(vec![
                "Enter your name, so the person knows who the text is from".to_string()
            ])
        );
        assert_eq!(next_clinic_day(&clinic, day(2026, 3, 3)), None);
    }

    #[test]
    fn a_missed_appointment_gets_a_sorry_we_missed_you_text_for_a_week() {
        let mut clinic = clinic();
        let sam = clinic
            .bookings
            .iter()
            .find(|b| b.times.start == ClockTime::at(10, 0))
            .map(|b| b.id)
            .unwrap();
        clinic.set_outcome(sam, Outcome::DidNotAttend);
        let wednesday = day(2026, 3, 4);
        let list = missed_list(&clinic, &Wording::default(), wednesday, &WILL);
        assert_eq!(list.len(), 1);
        let How::Text { text, .. } = &list[0].how else {
            panic!("Sam should get a text: {:?}", list[0].how);
        };
        assert_eq!(
            text,
            "Hi Samantha, sorry we missed you yesterday. We would still like to help. Reply or call 0113 496 0123 to find a time that suits you. Will"
        );
        assert!(missed_list(&clinic, &Wording::default(), day(2026, 3, 11), &WILL).is_empty());
    }

    #[test]
    fn a_person_called_by_phone_is_sent_an_introduction_and_one_coming_in_is_not() {
        let mut clinic = clinic();
        let next = |clinic: &Clinic, at: ClockTime| {
            let b = clinic
                .bookings
                .iter()
                .find(|b| b.times.start == at)
                .unwrap();
            (b.person, b.id)
        };
        let (sam, _) = next(&clinic, ClockTime::at(10, 0));
        let purposes = |clinic: &Clinic, person| {
            person_texts(clinic, &Wording::default(), person, day(2026, 3, 2), &WILL)
                .into_iter()
                .map(|(p, t)| (p, t.how))
                .collect::<Vec<_>>()
        };
        // Sam comes in face to face: no "I will call you", only the booking.
        let texts = purposes(&clinic, sam);
        assert_eq!(texts.len(), 1, "{texts:?}");
        let (Purpose::Booked, How::Text { text, .. }) = &texts[0] else {
            panic!("a booked text: {texts:?}");
        };
        assert_eq!(
            text,
            "Hi Samantha, link worker appointment booked for tomorrow at 10am at Elm Surgery, Room 4. Reply to change it. Will"
        );
        // Jo is called: the introduction first, then the booking.
        let (jo, booking) = next(&clinic, ClockTime::at(9, 20));
        clinic.people.iter_mut().find(|p| p.id == jo).unwrap().phone = "07700 900789".into();
        clinic.booking_mut(booking).unwrap().mode = Mode::Telephone;
        let texts = purposes(&clinic, jo);
        let kinds: Vec<Purpose> = texts.iter().map(|(p, _)| *p).collect();
        assert_eq!(kinds, [Purpose::Introduction, Purpose::Booked]);
        let How::Text { text, .. } = &texts[0].1 else {
            panic!("an introduction text: {texts:?}");
        };
        assert_eq!(
            text,
            "Hi Jo, this is Will from Elm Surgery's link worker team. I will call you tomorrow around 9:20am."
        );
        assert!(person_texts(&clinic, &Wording::default(), sam, day(2026, 3, 4), &WILL).is_empty());
    }
}

#[test]
fn every_text_reads_right_whichever_day_the_appointment_is() {
    // Monday 30 November 2026; the texts go out for each kind of day.
    let today = day(2026, 11, 30);
    let days = [
        (today, "today"),
        (day(2026, 12, 1), "tomorrow"),
        (day(2026, 12, 3), "on Thursday 3 December"),
        (day(2026, 12, 8), "on Tuesday 8 December"),
        (day(2027, 1, 5), "on Tuesday 5 January 2027"),
        (day(2026, 11, 29), "yesterday"),
        (day(2026, 11, 24), "on Tuesday 24 November"),
    ];
    let wording = Wording::default();
    for purpose in Purpose::ALL {
        // A missed appointment was in the past; the others are still to come.
        let fitting = days
            .iter()
            .filter(|(date, _)| (purpose == Purpose::MissedYou) == (*date < today));
        for &(date, said) in fitting {
            let mut details =
                sample_details(purpose, today, "Will", "Elm Surgery", "0113 496 0123");
            details.date = Some(date);
            let text = message(&wording, purpose, &details, today).unwrap();
            for wrong in ["for on ", "on on ", "you on today", "for yesterday"] {
                assert!(!text.contains(wrong), "{purpose:?} {said}: {text}");
            }
            let date_alone = said.strip_prefix("on ").unwrap_or(said);
            assert!(text.contains(date_alone), "{purpose:?} {said}: {text}");
        }
    }
    let mut details = sample_details(
        Purpose::Reminder,
        today,
        "Will",
        "Elm Surgery",
        "0113 496 0123",
    );
    details.date = Some(day(2026, 12, 8));
    assert_eq!(
        message(&wording, Purpose::Reminder, &details, today).unwrap(),
        "Hi Sam, appointment confirmed on Tuesday 8 December at 2:30pm at Elm Surgery, Room 4. See you then. To change it, call 0113 496 0123. Will"
    );
    details.date = Some(day(2026, 12, 1));
    assert!(message(&wording, Purpose::Booked, &details, today)
        .unwrap()
        .contains("booked for tomorrow at 2:30pm"));
}
