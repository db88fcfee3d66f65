//! Times of day as the clinic uses them: local UK wall-clock times with no
//! time zone, so a 9:00am session stays 9:00am either side of a clock change.
//! Written "9:30am" and "2pm", as GOV.UK does.

use serde::{Deserialize, Serialize};

/// Minutes in a day: a time of day is always fewer.
pub const DAY_MINUTES: u16 = 24 * 60;

/// A time of day to the minute, counted from midnight.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ClockTime(u16);

impl ClockTime {
    pub const fn at(hour: u16, minute: u16) -> ClockTime {
        ClockTime(hour * 60 + minute)
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// The time `minutes` after midnight, if that is still the same day.
    pub fn from_minutes(minutes: u32) -> Option<ClockTime> {
        u16::try_from(minutes)
            .ok()
            .filter(|m| *m < DAY_MINUTES)
            .map(ClockTime)
    }

    /// Whether it is a time of day at all (a damaged file can hold others).
    pub fn is_of_day(self) -> bool {
        self.0 < DAY_MINUTES
    }

    pub fn hour(self) -> u16 {
        self.0 / 60
    }

    pub fn minute(self) -> u16 {
        self.0 % 60
    }

    /// This time plus `minutes`, if it is still the same day.
    pub fn plus(self, minutes: u16) -> Option<ClockTime> {
        let total = self.0.checked_add(minutes)?;
        (total < DAY_MINUTES).then_some(ClockTime(total))
    }

    /// Minutes from `earlier` to this time (0 if `earlier` is later).
    pub fn since(self, earlier: ClockTime) -> u16 {
        self.0.saturating_sub(earlier.0)
    }

    /// "9:30am", "2pm", "12pm" (midday), "12:15am"; "no real time" for
    /// a value past the end of the day.
    pub fn words(self) -> String {
        if !self.is_of_day() {
            return "no real time".to_string();
        }
        let (hour, minute) = (self.hour(), self.minute());
        let suffix = if hour < 12 { "am" } else { "pm" };
        let hour12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        if minute == 0 {
            format!("{hour12}{suffix}")
        } else {
            format!("{hour12}:{minute:02}{suffix}")
        }
    }

    /// "09:30", as a time input and a calendar file want it.
    pub fn hh_mm(self) -> String {
        if !self.is_of_day() {
            return String::new();
        }
        format!("{:02}:{:02}", self.hour(), self.minute())
    }

    /// Reads what a person types: "9:30am", "9.30 am", "2pm", "14:00", "0930".
    pub fn parse(text: &str) -> Option<ClockTime> {
        let text = text.trim().to_ascii_lowercase().replace(' ', "");
        let (digits, half) = if let Some(t) = text.strip_suffix("am") {
            (t, Some(false))
        } else if let Some(t) = text.strip_suffix("pm") {
            (t, Some(true))
        } else {
            (text.as_str(), None)
        };
        let (hour, minute) = match digits.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 => (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?),
            Some(_) => return None,
            None if half.is_none() && digits.len() == 4 => {
                (digits[..2].parse().ok()?, digits[2..].parse().ok()?)
            }
            None if !digits.is_empty() && digits.len() <= 2 => (digits.parse().ok()?, 0),
            None => return None,
        };
        if minute > 59 {
            return None;
        }
        let hour = match half {
            Some(_) if !(1..=12).contains(&hour) => return None,
            Some(false) => hour % 12,
            Some(true) => hour % 12 + 12,
            None if hour > 23 => return None,
            None => hour,
        };
        Some(ClockTime::at(hour, minute))
    }
}

/// A stretch of one day, from `start` up to (not including) `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeRange {
    pub start: ClockTime,
    pub end: ClockTime,
}

impl TimeRange {
    pub fn new(start: ClockTime, end: ClockTime) -> TimeRange {
        TimeRange { start, end }
    }

    pub fn minutes(self) -> u16 {
        self.end.since(self.start)
    }

    pub fn overlaps(self, other: TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(self, other: TimeRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// "9am to 12:30pm".
    pub fn words(self) -> String {
        format!("{} to {}", self.start.words(), self.end.words())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_the_gov_uk_way() {
        assert_eq!(ClockTime::at(9, 30).words(), "9:30am");
        assert_eq!(ClockTime::at(14, 0).words(), "2pm");
        assert_eq!(ClockTime::at(12, 0).words(), "12pm");
        assert_eq!(ClockTime::at(0, 15).words(), "12:15am");
        assert_eq!(ClockTime::at(9, 5).hh_mm(), "09:05");
        assert_eq!(
            TimeRange::new(ClockTime::at(9, 0), ClockTime::at(12, 30)).words(),
            "9am to 12:30pm"
        );
    }

    #[test]
    fn times_are_read_however_a_person_types_them() {
        let t = ClockTime::at;
        assert_eq!(ClockTime::parse("9:30am"), Some(t(9, 30)));
        assert_eq!(ClockTime::parse(" 9.30 AM "), Some(t(9, 30)));
        assert_eq!(ClockTime::parse("2pm"), Some(t(14, 0)));
        assert_eq!(ClockTime::parse("12pm"), Some(t(12, 0)));
        assert_eq!(ClockTime::parse("12am"), Some(t(0, 0)));
        assert_eq!(ClockTime::parse("14:00"), Some(t(14, 0)));
        assert_eq!(ClockTime::parse("0930"), Some(t(9, 30)));
        assert_eq!(ClockTime::parse("9"), Some(t(9, 0)));
        for wrong in [
            "",
            "25:00",
            "9:60",
            "13pm",
            "0am",
            "9:3",
            "half nine",
            "9:30:00",
        ] {
            assert_eq!(ClockTime::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn ranges_that_touch_do_not_overlap() {
        let r = |a: u16, b: u16| TimeRange::new(ClockTime::at(a, 0), ClockTime::at(b, 0));
        assert!(r(9, 12).overlaps(r(11, 13)));
        assert!(!r(9, 12).overlaps(r(12, 13)));
        assert!(r(9, 12).contains(r(9, 10)));
        assert!(!r(9, 12).contains(r(11, 13)));
        assert_eq!(r(9, 12).minutes(), 180);
        assert_eq!(ClockTime::at(23, 50).plus(20), None);
    }
}
