//! Prints volunteers' calendar files for a rota across the spring clock
//! change (two weekly sessions, two volunteers, four weeks, and a one-off
//! session at 1:30am on the Sunday the clocks go forward), for a test that
//! reads them with an independent iCalendar parser. Four files, each after
//! a line "== name": Ann's as kept, then Ann's and Bob's after Ann's Tuesday
//! 24 March is handed to Bob and Thursday 2 April is closed, then Bob's
//! after the Thursday session is changed to 2pm to 5:30pm in Room 5.

use chrono::{NaiveDate, NaiveDateTime};
use social_prescribing::domain::clinic::rota::{Usually, Volunteer};
use social_prescribing::domain::clinic::sessions::{ClosedDate, ExtraSession, WeeklySession};
use social_prescribing::domain::clinic::{ical, time::ClockTime, time::TimeRange, Clinic};

fn main() {
    let times = |a: (u16, u16), b: (u16, u16)| {
        TimeRange::new(ClockTime::at(a.0, a.1), ClockTime::at(b.0, b.1))
    };
    let weekly = |id, weekday, t| WeeklySession {
        id,
        weekday,
        times: t,
        room: "Room 4".into(),
        first: "2026-03-16".into(),
        last: String::new(),
    };
    let mut clinic = Clinic::default();
    clinic.sessions.weekly = vec![
        weekly(1, 1, times((9, 0), (12, 30))),
        weekly(2, 3, times((13, 30), (17, 0))),
    ];
    clinic.sessions.extra = vec![ExtraSession {
        id: 3,
        date: "2026-03-29".into(),
        times: times((1, 30), (3, 0)),
        room: "Room 4".into(),
    }];
    let volunteer = |id, name: &str, weekday| Volunteer {
        id,
        name: name.into(),
        usually: vec![Usually {
            weekday,
            times: times((8, 0), (18, 0)),
        }],
        ..Volunteer::default()
    };
    clinic.volunteers = vec![
        volunteer(10, "Ann O'Neil", 1),
        volunteer(11, "Bob, the Treasurer", 3),
    ];
    let (Some(from), Some(sunday), Some(tuesday_24)) = (
        NaiveDate::from_ymd_opt(2026, 3, 16),
        NaiveDate::from_ymd_opt(2026, 3, 29),
        NaiveDate::from_ymd_opt(2026, 3, 24),
    ) else {
        return;
    };
    let shown = clinic.rota_for(from, 4);
    clinic.put_on_duty(&shown, (3, sunday), Some(10));
    let made =
        |at: &str| NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S").unwrap_or_default();
    let practice = "Elm Surgery, Leeds";
    let file = |clinic: &Clinic, id, name: &str, at: &str| {
        let duties = clinic.calendar_duties(id, from);
        format!(
            "== {name}\n{}",
            ical::calendar(&duties, name, practice, made(at))
        )
    };
    print!("{}", file(&clinic, 10, "Ann O'Neil", "2026-03-15 18:00:00"));

    let shown = clinic.rota_for(from, 4);
    clinic.put_on_duty(&shown, (1, tuesday_24), Some(11));
    clinic
        .close(ClosedDate {
            date: "2026-04-02".into(),
            reason: "Room being painted".into(),
            room: String::new(),
        })
        .unwrap_or_default();
    print!("{}", file(&clinic, 10, "Ann O'Neil", "2026-03-16 09:00:00"));
    print!(
        "{}",
        file(&clinic, 11, "Bob, the Treasurer", "2026-03-16 09:00:00")
    );

    let changed = WeeklySession {
        room: "Room 5".into(),
        ..weekly(2, 3, times((14, 0), (17, 30)))
    };
    if clinic.change_weekly(changed, from).is_ok() {
        print!(
            "{}",
            file(&clinic, 11, "Bob, the Treasurer", "2026-03-16 10:00:00")
        );
    }
}
