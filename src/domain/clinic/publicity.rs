//! What the clinic prints to get known: a referral pad for the practice's
//! staff to hand out, and a poster for the waiting room. Both send a patient
//! to self-referral by a QR code and a short written address.

use super::sessions::{weekday_name, Sessions};
use crate::domain::dates;
use crate::domain::referral::suggested::SuggestedBy;
use chrono::NaiveDate;

/// Where the app is, for a link printed on paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAddress {
    /// An address a patient's phone can open, ending in "/".
    Public(String),
    /// This computer's own address, or one only the practice's own network
    /// reaches: a patient's phone at home cannot open it.
    OnlyHere(String),
}

impl AppAddress {
    /// The address, whether or not a phone can open it.
    pub fn text(&self) -> &str {
        match self {
            AppAddress::Public(address) | AppAddress::OnlyHere(address) => address,
        }
    }
}

/// The app's address: the practice's `app_address` setting when it has one,
/// otherwise the address the page is served from (`served_from`, the app's
/// base, such as "https://elm.example.nhs.uk/social/").
pub fn app_address(configured: Option<&str>, served_from: &str) -> AppAddress {
    let mut address = configured.unwrap_or(served_from).trim().to_string();
    if !address.ends_with('/') {
        address.push('/');
    }
    if reaches_only_here(&address) {
        AppAddress::OnlyHere(address)
    } else {
        AppAddress::Public(address)
    }
}

/// Whether an address names this computer or a private network.
fn reaches_only_here(address: &str) -> bool {
    let Some((scheme, rest)) = address.split_once("://") else {
        return true;
    };
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return true;
    }
    let authority = rest.split('/').next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or("");
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    }
    .to_ascii_lowercase();
    let octets: Vec<u8> = host
        .split('.')
        .filter_map(|part| part.parse().ok())
        .collect();
    let private_v4 = octets.len() == 4
        && matches!(
            (octets[0], octets[1]),
            (127, _) | (10, _) | (192, 168) | (169, 254) | (0, _)
        )
        || octets.len() == 4 && octets[0] == 172 && (16..=31).contains(&octets[1]);
    host.is_empty()
        || host == "localhost"
        || host.ends_with(".localhost")
        || host.ends_with(".local")
        || host == "::1"
        || host.starts_with("fe80:")
        || private_v4
}

/// The self-referral's address for a slip's or poster's QR code, naming who
/// suggested it when the pad is for one kind of referrer.
pub fn refer_link(address: &str, from: Option<SuggestedBy>) -> String {
    match from {
        Some(kind) => format!("{address}refer?from={}", kind.code()),
        None => format!("{address}refer"),
    }
}

/// The self-referral's address written short, for a person to type:
/// "elm.example.nhs.uk/social/refer".
pub fn written_refer_address(address: &str) -> String {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))
        .unwrap_or(address);
    format!("{}/refer", rest.trim_end_matches('/'))
}

/// When the clinic runs, from its weekly sessions still running on `today`:
/// "Tuesdays, 9am to 12:30pm, Room 4", in weekday and time order, each once.
pub fn clinic_times(sessions: &Sessions, today: NaiveDate) -> Vec<String> {
    let mut weekly: Vec<_> = sessions
        .weekly
        .iter()
        .filter(|session| dates::parse_iso(&session.last).is_none_or(|last| today <= last))
        .collect();
    weekly.sort_by_key(|session| (session.weekday, session.times.start));
    let mut lines: Vec<String> = Vec::new();
    for session in weekly {
        let mut line = format!(
            "{}s, {}",
            weekday_name(session.weekday),
            session.times.words()
        );
        if !session.room.trim().is_empty() {
            line.push_str(&format!(", {}", session.room.trim()));
        }
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// What a patient is told when the clinic has no weekly sessions to print.
pub const ASK_WHEN: &str = "Ask at reception when the clinic is on.";

/// When the clinic runs, in one line for a printed page: its weekly sessions,
/// or [`ASK_WHEN`] while it has none.
pub fn times_or_ask(sessions: &Sessions, today: NaiveDate) -> String {
    let times = clinic_times(sessions, today);
    if times.is_empty() {
        ASK_WHEN.to_string()
    } else {
        times.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clinic::sessions::WeeklySession;
    use crate::domain::clinic::time::{ClockTime, TimeRange};

    #[test]
    fn a_public_address_is_printed_and_this_computers_is_not() {
        let public = [
            "https://elm.example.nhs.uk/social/",
            "http://elmsurgery.co.uk",
            "https://10.example.org/",
        ];
        for address in public {
            assert!(
                matches!(app_address(None, address), AppAddress::Public(_)),
                "{address}"
            );
        }
        let here = [
            "http://localhost:8080/",
            "http://127.0.0.1:4173/app/",
            "http://[::1]:8000/",
            "http://192.168.1.20/",
            "http://172.20.0.5/",
            "http://10.0.0.2/",
            "http://surgery-pc.local/",
            "file:///C:/app/index.html",
            "not an address",
        ];
        for address in here {
            assert!(
                matches!(app_address(None, address), AppAddress::OnlyHere(_)),
                "{address}"
            );
        }
    }

    #[test]
    fn the_practices_setting_wins_over_where_the_page_is_served_from() {
        let address = app_address(
            Some("https://elm.example.nhs.uk/social"),
            "http://localhost:8080/",
        );
        assert_eq!(
            address,
            AppAddress::Public("https://elm.example.nhs.uk/social/".to_string())
        );
        assert_eq!(
            refer_link(address.text(), Some(SuggestedBy::Gp)),
            "https://elm.example.nhs.uk/social/refer?from=gp"
        );
        assert_eq!(
            refer_link(address.text(), None),
            "https://elm.example.nhs.uk/social/refer"
        );
        assert_eq!(
            written_refer_address(address.text()),
            "elm.example.nhs.uk/social/refer"
        );
    }

    fn weekly(
        id: u64,
        weekday: u8,
        start: &str,
        end: &str,
        room: &str,
        last: &str,
    ) -> WeeklySession {
        WeeklySession {
            id,
            weekday,
            times: TimeRange::new(
                ClockTime::parse(start).unwrap(),
                ClockTime::parse(end).unwrap(),
            ),
            room: room.to_string(),
            first: "2026-01-06".to_string(),
            last: last.to_string(),
        }
    }

    #[test]
    fn the_clinic_times_are_its_weekly_sessions_still_running() {
        let sessions = Sessions {
            weekly: vec![
                weekly(1, 3, "13:30", "17:00", "Room 4", ""),
                weekly(2, 1, "9:00", "12:30", "Room 4", ""),
                weekly(3, 0, "9:00", "12:00", "Room 1", "2026-02-23"),
                weekly(4, 1, "9:00", "12:30", "Room 4", "2026-12-31"),
            ],
            ..Sessions::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(
            clinic_times(&sessions, today),
            [
                "Tuesdays, 9am to 12:30pm, Room 4",
                "Thursdays, 1:30pm to 5pm, Room 4"
            ]
        );
        assert!(clinic_times(&Sessions::default(), today).is_empty());
        assert_eq!(
            times_or_ask(&sessions, today),
            "Tuesdays, 9am to 12:30pm, Room 4; Thursdays, 1:30pm to 5pm, Room 4"
        );
        assert_eq!(times_or_ask(&Sessions::default(), today), ASK_WHEN);
    }
}
