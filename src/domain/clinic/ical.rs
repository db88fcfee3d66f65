//! A volunteer's own duties as a calendar file (iCalendar, RFC 5545) that
//! phone calendars import: one event per duty, in UK time.
//!
//! A file is sent again after each change, so each event carries a SEQUENCE
//! (the duty's count of changes) that rises when its volunteer changes or its
//! session closes or opens again, and calendars replace the old event. A duty
//! handed on, or whose session no longer runs, is sent as cancelled. The file
//! uses METHOD:PUBLISH, whose events may be STATUS:CANCELLED (RFC 5546, 3.2.1),
//! rather than METHOD:CANCEL, which needs an organizer and attendees and may
//! hold nothing but cancellations, so it could not share a file with the
//! duties still to do.

use super::time::{ClockTime, TimeRange};
use super::Id;
use crate::domain::dates;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike, Weekday};

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

/// One duty as a volunteer's calendar gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarDuty {
    pub session: Id,
    pub date: NaiveDate,
    pub times: TimeRange,
    pub room: String,
    /// Rises with every change, so calendars take the latest.
    pub sequence: u32,
    /// Handed to someone else, or its session no longer runs.
    pub cancelled: bool,
}

/// The calendar file of `volunteer`'s duties. `practice` names the place;
/// `made_at` is the time (UTC) the file is made, which every event must carry.
pub fn calendar(
    duties: &[CalendarDuty],
    volunteer: &str,
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
        escape(&format!("{} clinic duties, {practice}", volunteer.trim()))
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
        let summary = if duty.cancelled {
            "Cancelled: link worker clinic duty".to_string()
        } else {
            "Link worker clinic duty".to_string()
        };
        let mut event = String::new();
        let mut line = |text: String| event.push_str(&fold(&text));
        line("BEGIN:VEVENT".into());
        line(format!(
            "UID:clinic-{}-{}@social-prescribing",
            duty.session,
            dates::iso(duty.date)
        ));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("SEQUENCE:{}", duty.sequence));
        line(format!("DTSTART{}", uk_time(duty.date, duty.times.start)));
        line(format!("DTEND{}", uk_time(duty.date, duty.times.end)));
        line(format!("SUMMARY:{}", escape(&summary)));
        line(format!(
            "LOCATION:{}",
            escape(&format!("{}, {practice}", duty.room.trim()))
        ));
        line(format!(
            "STATUS:{}",
            if duty.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ));
        line("END:VEVENT".into());
        out.push_str(&event);
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

/// The name a volunteer's calendar file is saved as: "clinic-duties-ann-jones.ics".
pub fn file_name(volunteer: &str) -> String {
    let mut name = String::from("clinic-duties");
    let mut dash = true;
    for c in volunteer.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash {
                name.push('-');
            }
            name.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    name + ".ics"
}

/// Whether `date` is the last Sunday of March or October, when UK clocks change.
fn clocks_change_on(date: NaiveDate) -> bool {
    date.weekday() == Weekday::Sun
        && matches!(date.month(), 3 | 10)
        && date
            .checked_add_days(Days::new(7))
            .is_some_and(|d| d.month() != date.month())
}

/// A time's value with its parameter (";TZID=Europe/London:20260317T090000").
/// A time in the hour the clocks skip (1am to 2am on the last Sunday of
/// March) or repeat (the same on the last Sunday of October) is written in
/// UTC, read as RFC 5545 reads it: a skipped time by the offset before the
/// change (GMT), a repeated one as its first occurrence (BST). No calendar
/// has to guess.
fn uk_time(date: NaiveDate, time: ClockTime) -> String {
    let (hour, minute) = (u32::from(time.hour()), u32::from(time.minute()));
    let local = format!("{}T{hour:02}{minute:02}00", compact_date(date));
    if !(clocks_change_on(date) && hour == 1) {
        return format!(";TZID=Europe/London:{local}");
    }
    let utc_hour = if date.month() == 3 { hour } else { hour - 1 };
    format!(":{}T{utc_hour:02}{minute:02}00Z", compact_date(date))
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
    fn a_time_in_the_hour_the_clocks_skip_or_repeat_is_written_in_utc() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // Sunday 28 March 2027: 1:30am does not happen in London; read as GMT.
        assert_eq!(
            uk_time(day(2027, 3, 28), ClockTime::at(1, 30)),
            ":20270328T013000Z"
        );
        // Sunday 31 October 2027: 1:30am happens twice; the first is BST.
        assert_eq!(
            uk_time(day(2027, 10, 31), ClockTime::at(1, 30)),
            ":20271031T003000Z"
        );
        // Any other hour, or a Sunday before the last, keeps its UK time.
        assert_eq!(
            uk_time(day(2027, 10, 31), ClockTime::at(2, 30)),
            ";TZID=Europe/London:20271031T023000"
        );
        assert_eq!(
            uk_time(day(2027, 10, 24), ClockTime::at(1, 30)),
            ";TZID=Europe/London:20271024T013000"
        );
    }

    #[test]
    fn a_calendar_file_is_named_for_its_volunteer() {
        assert_eq!(file_name("Ann O'Neil"), "clinic-duties-ann-o-neil.ics");
        assert_eq!(
            file_name("  Bob,  the Treasurer "),
            "clinic-duties-bob-the-treasurer.ics"
        );
    }

    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(
            escape("Room 4; Elm, Leeds\\\nUp"),
            "Room 4\\; Elm\\, Leeds\\\\\\nUp"
        );
    }
}
