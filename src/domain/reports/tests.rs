use super::*;
use crate::domain::clinic::bookings::Booking;
use crate::domain::clinic::people::{Mode, Person, WellbeingRecord};
use crate::domain::clinic::rota::{RotaEntry, Volunteer};
use crate::domain::clinic::sessions::WeeklySession;
use crate::domain::clinic::slots::Kind;
use crate::domain::clinic::time::{ClockTime, TimeRange};
use crate::domain::plan::wellbeing::Scores;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn figure(report: &Report, measure: &str) -> String {
    report
        .get(measure)
        .unwrap_or_else(|| panic!("no line {measure:?}"))
        .words()
}

/// March 2026 at Elm Surgery: 8 people referred in March (6 by GPs, 2 by
/// themselves) and 1 in February; the Tuesday clinic's appointments.
fn march() -> Clinic {
    let mut clinic = Clinic::default();
    clinic.sessions.weekly.push(WeeklySession {
        id: 1,
        weekday: 1,
        times: TimeRange::new(ClockTime::at(9, 0), ClockTime::at(12, 30)),
        room: "Room 4".into(),
        first: "2026-01-06".into(),
        last: String::new(),
    });
    clinic.volunteers.push(Volunteer {
        id: 2,
        name: "Ann".into(),
        ..Volunteer::default()
    });
    // Ann covers 3, 10 and 17 March; 24 and 31 March are not covered.
    for date in ["2026-03-03", "2026-03-10", "2026-03-17"] {
        clinic.rota.push(RotaEntry {
            session: 1,
            date: date.into(),
            volunteer: Some(2),
            by_hand: false,
            ..Default::default()
        });
    }
    let referred = [
        ("2026-03-01", Source::Gp, vec![SupportNeed::Lonely]),
        (
            "2026-03-02",
            Source::Gp,
            vec![SupportNeed::Lonely, SupportNeed::Money],
        ),
        ("2026-03-02", Source::Gp, vec![SupportNeed::Lonely]),
        (
            "2026-03-05",
            Source::Gp,
            vec![SupportNeed::Lonely, SupportNeed::Stress],
        ),
        ("2026-03-06", Source::Gp, vec![SupportNeed::Lonely]),
        ("2026-03-09", Source::Gp, vec![SupportNeed::Housing]),
        (
            "2026-03-10",
            Source::SelfReferral,
            vec![SupportNeed::Lonely],
        ),
        ("2026-03-12", Source::SelfReferral, vec![SupportNeed::Money]),
        ("2026-02-20", Source::Nurse, vec![SupportNeed::Caring]),
    ];
    for (n, (on, source, needs)) in referred.into_iter().enumerate() {
        clinic.people.push(Person {
            id: 100 + n as u64,
            name: format!("Person {n}"),
            referred_on: on.into(),
            source,
            needs,
            status: PersonStatus::Active,
            ..Person::default()
        });
    }
    clinic.people[5].status = PersonStatus::Declined;
    clinic.people[6].status = PersonStatus::Finished;
    // First appointments: people 0 to 5 and the February referral, in March.
    let firsts = [
        (100, "2026-03-03", Outcome::Attended, true),
        (101, "2026-03-03", Outcome::Attended, true),
        (102, "2026-03-10", Outcome::Attended, true),
        (103, "2026-03-10", Outcome::Attended, false),
        (104, "2026-03-17", Outcome::DidNotAttend, true),
        (105, "2026-03-17", Outcome::DidNotAttend, false),
        (108, "2026-03-03", Outcome::Attended, false),
        (104, "2026-03-24", Outcome::Attended, true),
        (106, "2026-03-24", Outcome::Cancelled, false),
        (107, "2026-04-07", Outcome::Booked, false),
    ];
    for (n, (person, date, outcome, texted)) in firsts.into_iter().enumerate() {
        let start = ClockTime::at(9, 0).plus(45 * n as u16 % 180).unwrap();
        clinic.bookings.push(Booking {
            id: 500 + n as u64,
            person,
            session: 1,
            date: date.into(),
            times: TimeRange::new(start, start.plus(45).unwrap()),
            kind: Kind::First,
            mode: Mode::FaceToFace,
            outcome,
            helpful: None,
            another: None,
            reminder_sent: texted,
            missed_text_sent: false,
        });
    }
    // Logged contacts in March: person 0 has 2, person 1 has 1.
    clinic.people[0].log(900, day(2026, 3, 4), "Ann", "Called, left message", None);
    clinic.people[0].log(
        901,
        day(2026, 3, 5),
        "Ann",
        "Introduced to the walking group",
        None,
    );
    clinic.people[1].log(902, day(2026, 3, 4), "Ann", "Called", None);
    clinic.people[1].log(903, day(2026, 2, 4), "Ann", "February, not counted", None);
    // Wellbeing: five people with a start and a latest score in March.
    let changes: [([u8; 4], [u8; 4]); 5] = [
        ([4, 5, 3, 8], [6, 6, 5, 5]),
        ([2, 3, 2, 9], [5, 5, 4, 7]),
        ([6, 6, 6, 4], [7, 7, 7, 3]),
        ([5, 5, 5, 5], [5, 5, 6, 5]),
        ([7, 7, 7, 2], [6, 7, 7, 6]),
    ];
    for (n, (start, latest)) in changes.into_iter().enumerate() {
        clinic.people[n].wellbeing = vec![
            WellbeingRecord {
                on: "2026-03-01".into(),
                scores: Scores::of(start),
            },
            WellbeingRecord {
                on: "2026-03-28".into(),
                scores: Scores::of(latest),
            },
        ];
    }
    clinic
}

fn march_report() -> Report {
    report(
        &march(),
        Period {
            from: day(2026, 3, 1),
            to: day(2026, 3, 31),
        },
    )
}

#[test]
fn referrals_are_counted_by_source_and_reason_with_small_numbers_hidden() {
    let r = march_report();
    assert_eq!(figure(&r, "People referred"), "8");
    assert_eq!(figure(&r, "Referred by: GP"), "6");
    assert_eq!(figure(&r, "Referred by: Self-referral"), "fewer than 5");
    assert_eq!(figure(&r, "Referred by: Nurse"), "0");
    assert_eq!(figure(&r, "Support with: Feeling lonely or isolated"), "6");
    assert_eq!(
        figure(&r, "Support with: Money, debt or benefits"),
        "fewer than 5"
    );
    // 2 of 8 is 25%, resting on 8 people.
    assert_eq!(
        figure(&r, "Self-referrals as a share of all referrals"),
        "25%"
    );
}

#[test]
fn waiting_times_count_people_first_seen_in_the_period() {
    let r = march_report();
    // First attended: 2, 1, 8, 5, 18 (person 4 on 24 March) and 11 (February's referral) days.
    assert_eq!(
        figure(&r, "Median wait from referral to first appointment"),
        "6.5 days"
    );
    assert_eq!(
        figure(&r, "Longest wait from referral to first appointment"),
        "18 days"
    );
}

#[test]
fn appointments_and_did_not_attend_rates_are_worked_out_from_the_days_in_the_period() {
    let r = march_report();
    assert_eq!(figure(&r, "Appointments offered"), "9");
    assert_eq!(figure(&r, "Attended"), "6");
    assert_eq!(figure(&r, "Did not attend"), "fewer than 5");
    assert_eq!(figure(&r, "Cancelled"), "fewer than 5");
    // 2 of 8 did not attend.
    assert_eq!(figure(&r, "Did-not-attend rate"), "25%");
    // Texted: 4 attended, 1 did not (20%). Not texted: 2 attended, 1 did not: only 3.
    assert_eq!(
        figure(&r, "Did-not-attend rate after a reminder text"),
        "20%"
    );
    assert_eq!(
        figure(&r, "Did-not-attend rate with no reminder text"),
        "not shown: fewer than 5 appointments"
    );
}

#[test]
fn contacts_outcomes_and_the_rota_are_counted() {
    let r = march_report();
    // Contacts: person 0: 2 logs + 1 attended; person 1: 1 + 1; persons 2, 3, 4, 8: 1 each.
    assert_eq!(figure(&r, "People contacted"), "6");
    assert_eq!(figure(&r, "Contacts per person"), "1.5");
    assert_eq!(figure(&r, "Finished (of those referred)"), "fewer than 5");
    assert_eq!(figure(&r, "Declined (of those referred)"), "fewer than 5");
    assert_eq!(
        figure(&r, "Sessions held from 1 March 2026 to 31 March 2026"),
        "5"
    );
    assert_eq!(figure(&r, "Sessions covered"), "3");
    assert_eq!(figure(&r, "Sessions nobody covered"), "2");
    assert_eq!(figure(&r, "Sessions for Ann"), "3");
}

#[test]
fn wellbeing_change_is_the_average_over_people_with_two_scores() {
    let r = march_report();
    // Satisfaction: +2, +3, +1, 0, -1 = +5 over 5 people.
    assert_eq!(
        figure(&r, "Life satisfaction: average change"),
        "+1 (from 5 people)"
    );
    // Anxiety: -3, -2, -1, 0, +4 = -2 over 5: lower is better.
    assert_eq!(
        figure(&r, "Anxiety: average change"),
        "-0.4 (from 5 people)"
    );
    // Anxiety bands: 8 high to 5 medium, 9 high to 7 high, 4 medium to 3 low,
    // 5 medium to 5 medium, 2 low to 6 high: 2 better, 1 worse.
    assert_eq!(
        figure(&r, "Anxiety: people moving to a better band"),
        "fewer than 5"
    );
    // With a sixth person gone, nothing rests on enough people.
    let mut clinic = march();
    clinic.people[4].wellbeing.clear();
    let smaller = report(
        &clinic,
        Period {
            from: day(2026, 3, 1),
            to: day(2026, 3, 31),
        },
    );
    assert_eq!(
        figure(&smaller, "Life satisfaction: average change"),
        "not shown: fewer than 5 people"
    );
    let empty = report(
        &Clinic::default(),
        Period {
            from: day(2026, 3, 1),
            to: day(2026, 3, 31),
        },
    );
    assert_eq!(
        figure(&empty, "Life satisfaction: average change"),
        "no data"
    );
    assert_eq!(figure(&empty, "People referred"), "0");
}

#[test]
fn wellbeing_answers_in_plans_made_at_the_clinic_count_once_each() {
    let mut clinic = march();
    // The fifth person's answers were given in a plan and its review instead.
    let fifth = clinic.people[4].id;
    let answers = std::mem::take(&mut clinic.people[4].wellbeing);
    let plan = clinic.plans_of_mut(fifth).start("plan-1", day(2026, 3, 1));
    let id = plan.id.clone();
    let plan = clinic.plans_of_mut(fifth).get_mut(&id).unwrap();
    plan.wellbeing = answers[0].scores.clone();
    plan.wellbeing_on = answers[0].on.clone();
    plan.record_review(
        day(2026, 3, 28),
        answers[1].scores.clone(),
        String::new(),
        &[],
    );
    let period = Period {
        from: day(2026, 3, 1),
        to: day(2026, 3, 31),
    };
    let from_plans = report(&clinic, period);
    for measure in [
        "Life satisfaction: average change",
        "Anxiety: average change",
    ] {
        assert_eq!(
            figure(&from_plans, measure),
            figure(&march_report(), measure)
        );
    }
    // The same answers also on the record are not counted twice.
    clinic.people[4].wellbeing = answers;
    assert_eq!(
        figure(
            &report(&clinic, period),
            "Life satisfaction: average change"
        ),
        "+1 (from 5 people)"
    );
    // Without the review, only four people have two answers.
    clinic.people[4].wellbeing.clear();
    clinic.plans_of_mut(fifth).plans[0].reviews.clear();
    assert_eq!(
        figure(
            &report(&clinic, period),
            "Life satisfaction: average change"
        ),
        "not shown: fewer than 5 people"
    );
}

#[test]
fn the_report_downloads_as_csv_with_every_line() {
    let r = march_report();
    let file = r.to_csv();
    let lines: Vec<&str> = file.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "Part,Measure,Value");
    assert_eq!(lines[1], "Period,Dates,1 March 2026 to 31 March 2026");
    assert_eq!(lines.len(), r.lines.len() + 2);
    assert!(lines.contains(&"Referrals,\"Support with: Money, debt or benefits\",fewer than 5"));
}

#[test]
fn periods_are_whole_months_and_quarters() {
    assert_eq!(
        Period::this_month(day(2026, 2, 14)),
        Period {
            from: day(2026, 2, 1),
            to: day(2026, 2, 28)
        }
    );
    assert_eq!(
        Period::last_quarter(day(2026, 5, 20)),
        Period {
            from: day(2026, 1, 1),
            to: day(2026, 3, 31)
        }
    );
    assert_eq!(
        Period::last_quarter(day(2026, 2, 1)),
        Period {
            from: day(2025, 10, 1),
            to: day(2025, 12, 31)
        }
    );
}

#[test]
fn charts_draw_the_counts_with_hidden_figures_left_without_a_bar() {
    let r = march_report();
    let charts = r.charts();
    let titles: Vec<&str> = charts.iter().map(|c| c.title).collect();
    assert_eq!(
        titles,
        [
            "Who referred people",
            "What people wanted support with",
            "What happened to appointments",
            "Sessions covered",
            "Sessions per volunteer"
        ],
        "every wellbeing band figure is fewer than 5: no empty chart is drawn"
    );
    let who = &charts[0];
    assert_eq!(who.bars.len(), Source::ALL.len());
    assert_eq!(who.bars[0].label, "GP");
    assert_eq!(
        (who.bars[0].words.as_str(), who.bars[0].share),
        ("6", Some(1.0))
    );
    // Self-referrals are fewer than 5: no bar, the words only.
    let own = who
        .bars
        .iter()
        .find(|b| b.label == "Self-referral")
        .unwrap();
    assert_eq!((own.words.as_str(), own.share), ("fewer than 5", None));
    let nurse = who.bars.iter().find(|b| b.label == "Nurse").unwrap();
    assert_eq!(nurse.share, Some(0.0));
    let appointments = &charts[2];
    assert_eq!(
        appointments
            .bars
            .iter()
            .map(|b| (b.label.as_str(), b.words.as_str()))
            .collect::<Vec<_>>(),
        [
            ("Attended", "6"),
            ("Did not attend", "fewer than 5"),
            ("Cancelled", "fewer than 5")
        ]
    );
    let rota = &charts[3];
    assert_eq!(rota.bars[1].label, "Sessions nobody covered");
    assert!((rota.bars[1].share.unwrap() - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_rate_or_median_from_fewer_than_5_is_not_shown_and_says_so() {
    assert_eq!(
        resting_on(4, Some(50.0), |v| format!("{v}%")).words(),
        "not shown: fewer than 5 people"
    );
    assert_eq!(
        resting_on(5, Some(40.0), |v| format!("{v}%")).words(),
        "40%"
    );
    assert_eq!(resting_on(0, None, |v| v.to_string()).words(), "no data");
    assert_eq!(resting_on(4, Some(1.0), |v| v.to_string()).number(), None);
    // A count of 1 to 4 is still "fewer than 5": the words differ.
    assert_eq!(count(3).words(), "fewer than 5");
}

#[test]
fn the_rota_counts_only_sessions_that_have_happened_and_says_from_when_to_when() {
    let clinic = march();
    let march = Period {
        from: day(2026, 3, 1),
        to: day(2026, 3, 31),
    };
    let whole = report(&clinic, march);
    let held = |r: &Report, dates: &str| figure(r, &format!("Sessions held from {dates}"));
    assert_eq!(held(&whole, "1 March 2026 to 31 March 2026"), "5");
    // On 10 March, the sessions still to come are not counted as uncovered.
    let so_far = report_on(&clinic, march, day(2026, 3, 10));
    // The Tuesdays 3 and 10 March.
    assert_eq!(held(&so_far, "1 March 2026 to 10 March 2026"), "2");
    let covered: usize = figure(&so_far, "Sessions covered").parse().unwrap();
    let nobody: usize = figure(&so_far, "Sessions nobody covered").parse().unwrap();
    assert_eq!(covered + nobody, 2);
    // Before the period starts, nothing has happened.
    let before = report_on(&clinic, march, day(2026, 2, 20));
    assert_eq!(
        figure(
            &before,
            "Sessions held: none yet, the period has not started"
        ),
        "0"
    );
    assert_eq!(figure(&before, "Sessions covered"), "0");
    assert!(before.charts().iter().all(|c| c.part != "Rota"));
}
