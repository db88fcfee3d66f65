//! Dates stored and passed on as "2026-03-03". Written by hand: chrono's own
//! formatting and parsing would add about 12 KB to the app.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serializer};

pub fn format(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

pub fn parse(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(*date))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| serde::de::Error::custom("not a date like 2026-03-03"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_go_out_and_come_back_the_same() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        assert_eq!(format(date), "2026-03-03");
        assert_eq!(parse("2026-03-03"), Some(date));
        assert_eq!(parse("2026-02-30"), None);
        assert_eq!(parse("2026-03"), None);
        assert_eq!(parse("3 March 2026"), None);
    }
}
