//! The rota as a calendar file (iCalendar, RFC 5545) that phone calendars
//! import: one event per session, in UK time, with the volunteer's name.

use super::rota::{Duty, Volunteer};
use crate::domain::dates;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// UK time with its clock changes (last Sunday of March and of October), so
/// a 9am session shows at 9am all year round.
const LONDON: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/London\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0000\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:BST\r\n\
DTSTART:19810329T010000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0000\r\n\
TZNAME:GMT\r\n\
DTSTART:19961027T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// The calendar file for `duties`. `practice` names the place; `made_at` is
/// the time (UTC) the file is made, which every event must carry.
pub fn calendar(
    duties: &[Duty],
    volunteers: &[Volunteer],
    practice: &str,
    made_at: NaiveDateTime,
) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold(&text));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Social prescribing app//Clinic rota//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!(
        "X-WR-CALNAME:{}",
        escape(&format!("{practice} link worker clinic rota"))
    ));
    out.push_str(LONDON);
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        compact_date(made_at.date()),
        made_at.hour(),
        made_at.minute(),
        made_at.second()
    );
    for duty in duties {
        let session = &duty.session;
        let who = duty
            .volunteer
            .and_then(|id| volunteers.iter().find(|v| v.id == id))
            .map(|v| v.name.trim().to_string());
        let summary = match &who {
            Some(name) => format!("Link worker clinic: {name}"),
            None => "Link worker clinic: nobody on duty yet".to_string(),
        };
        let time = |t: super::time::ClockTime| {
            format!(
                "{}T{:02}{:02}00",
                compact_date(session.date),
                t.hour(),
                t.minute()
            )
        };
        let mut event = String::new();
        let mut line = |text: String| event.push_str(&fold(&text));
        line("BEGIN:VEVENT".into());
        line(format!(
            "UID:clinic-{}-{}@social-prescribing",
            session.session,
            dates::iso(session.date)
        ));
        line(format!("DTSTAMP:{stamp}"));
        line(format!(
            "DTSTART;TZID=Europe/London:{}",
            time(session.times.start)
        ));
        line(format!(
            "DTEND;TZID=Europe/London:{}",
            time(session.times.end)
        ));
        line(format!("SUMMARY:{}", escape(&summary)));
        line(format!(
            "LOCATION:{}",
            escape(&format!("{}, {practice}", session.room.trim()))
        ));
        line("END:VEVENT".into());
        out.push_str(&event);
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

fn compact_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A TEXT value with the characters iCalendar reserves escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no line is longer than 75 octets (never
/// inside a character), ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for part in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(
            escape("Room 4; Elm, Leeds\\\nUp"),
            "Room 4\\; Elm\\, Leeds\\\\\\nUp"
        );
    }
}
