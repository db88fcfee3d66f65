//! Prints the calendar file for a rota across the spring clock change (two
//! weekly sessions, two volunteers, four weeks), for a test that reads it
//! with an independent iCalendar parser.

use chrono::{NaiveDate, NaiveDateTime};
use social_prescribing::domain::clinic::rota::{self, Usually, Volunteer};
use social_prescribing::domain::clinic::sessions::{Sessions, WeeklySession};
use social_prescribing::domain::clinic::{ical, time::ClockTime, time::TimeRange};

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
    let sessions = Sessions {
        weekly: vec![
            weekly(1, 1, times((9, 0), (12, 30))),
            weekly(2, 3, times((13, 30), (17, 0))),
        ],
        ..Sessions::default()
    };
    let volunteer = |id, name: &str, weekday| Volunteer {
        id,
        name: name.into(),
        usually: vec![Usually {
            weekday,
            times: times((8, 0), (18, 0)),
        }],
        ..Volunteer::default()
    };
    let volunteers = [
        volunteer(10, "Ann O'Neil", 1),
        volunteer(11, "Bob, the Treasurer", 3),
    ];
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(2026, 3, 16),
        NaiveDate::from_ymd_opt(2026, 4, 12),
    ) else {
        return;
    };
    let duties = rota::suggest(&sessions.between(from, to), &volunteers, &[]);
    let made = NaiveDateTime::parse_from_str("2026-03-15 18:00:00", "%Y-%m-%d %H:%M:%S")
        .unwrap_or_default();
    print!(
        "{}",
        ical::calendar(&duties, &volunteers, "Elm Surgery, Leeds", made)
    );
}
