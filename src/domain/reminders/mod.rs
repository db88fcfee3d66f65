//! The texts a link worker sends from their own phone: reminders worded to
//! confirm ("appointment confirmed for tomorrow at 2:30pm"), introductions
//! before a first call, booking confirmations and a blame-free "sorry we
//! missed you". Each is counted in texts and opened in the phone's messaging app.

pub mod day_list;
pub mod form;
pub mod sms;
pub mod template;

#[cfg(test)]
mod tests;

use crate::domain::clinic::people::Mode;
use crate::domain::dates;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// What a message is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    Reminder,
    Introduction,
    Booked,
    MissedYou,
}

impl Purpose {
    pub const ALL: [Purpose; 4] = [
        Purpose::Reminder,
        Purpose::Introduction,
        Purpose::Booked,
        Purpose::MissedYou,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Purpose::Reminder => "Reminder the day before",
            Purpose::Introduction => "Introduction before a first call",
            Purpose::Booked => "First appointment booked",
            Purpose::MissedYou => "Sorry we missed you",
        }
    }

    /// The wording the app starts with: confirming and accountable, never
    /// "just a quick reminder".
    pub fn default_template(self) -> &'static str {
        match self {
            Purpose::Reminder => {
                "Hi {name}, appointment confirmed {day} at {time} {place}. {see_you} To change it, call {practice_phone}. {sender}"
            }
            Purpose::Introduction => {
                "Hi {name}, this is {sender} from {practice}'s link worker team. I will call you {day} around {time}."
            }
            Purpose::Booked => {
                "Hi {name}, link worker appointment booked for {day} at {time} {place}. Reply to change it. {sender}"
            }
            Purpose::MissedYou => {
                "Hi {name}, sorry we missed you {day}. We would still like to help. Reply or call {practice_phone} to find a time that suits you. {sender}"
            }
        }
    }
}

/// The words a practice has chosen, or the app's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Wording {
    /// Templates the practice has changed; the others use the defaults.
    pub templates: Vec<(Purpose, String)>,
    /// A line about what a missed appointment costs, added to reminders
    /// only when switched on.
    pub cost_line: String,
    pub cost_line_on: bool,
    /// Words a volunteer should not put in a text (clinical details).
    pub avoid: Vec<String>,
    /// The name that ends each text: the volunteer using this device.
    pub sender: String,
}

impl Default for Wording {
    fn default() -> Self {
        Wording {
            templates: Vec::new(),
            cost_line: "A missed appointment costs the NHS about £30.".to_string(),
            cost_line_on: false,
            avoid: [
                "depression",
                "anxiety",
                "diabetes",
                "cancer",
                "mental health",
                "medication",
                "diagnosis",
                "test results",
                "blood",
                "suicide",
                "self-harm",
                "overdose",
                "pregnancy",
                "dementia",
                "HIV",
                "alcohol",
            ]
            .map(String::from)
            .to_vec(),
            sender: String::new(),
        }
    }
}

impl Wording {
    pub fn template(&self, purpose: Purpose) -> String {
        self.templates
            .iter()
            .find(|(p, _)| *p == purpose)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| purpose.default_template().to_string())
    }

    pub fn set_template(&mut self, purpose: Purpose, text: &str) {
        self.templates.retain(|(p, _)| *p != purpose);
        if text.trim() != purpose.default_template() {
            self.templates.push((purpose, text.trim().to_string()));
        }
    }

    /// What to check before a template is saved.
    pub fn warnings(&self, purpose: Purpose, text: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        let uses = |name: &str| template::mentions(text, name);
        if purpose == Purpose::Reminder {
            if !uses("time") {
                warnings.push("The reminder does not say the time. Add {time}".to_string());
            }
            if !uses("place") {
                warnings.push("The reminder does not say where. Add {place}".to_string());
            }
        }
        let lower = text.to_lowercase();
        if purpose != Purpose::Introduction && !uses("practice_phone") && !lower.contains("reply") {
            warnings.push(
                "The message does not say how to change or cancel. Add \"reply to this text\" or {practice_phone}"
                    .to_string(),
            );
        }
        for word in &self.avoid {
            if contains_word(&lower, &word.to_lowercase()) {
                warnings.push(format!(
                    "\"{}\" is a clinical detail. Texts can be read by others, so leave it out",
                    word.trim()
                ));
            }
        }
        warnings
    }
}

/// Whether `text` has `word` (already lower case) as a whole word or phrase.
fn contains_word(text: &str, word: &str) -> bool {
    let word = word.trim();
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The day in words: "today", "tomorrow", "yesterday", or "on Tuesday 3 March"
/// (with the year only when it is not this year's).
pub fn day_words(date: NaiveDate, today: NaiveDate) -> String {
    let shifted = |n: i64| {
        if n >= 0 {
            today.checked_add_days(Days::new(n as u64))
        } else {
            today.checked_sub_days(Days::new((-n) as u64))
        }
    };
    if date == today {
        "today".to_string()
    } else if Some(date) == shifted(1) {
        "tomorrow".to_string()
    } else if Some(date) == shifted(-1) {
        "yesterday".to_string()
    } else {
        let long = dates::long_date(date);
        if date.year() == today.year() {
            let year = format!(" {}", date.year());
            format!("on {}", long.strip_suffix(&year).unwrap_or(&long))
        } else {
            format!("on {long}")
        }
    }
}

/// Where the appointment is, in the words of a text.
pub fn place_words(mode: Mode, practice: &str, room: &str, phone: &str) -> Option<String> {
    match mode {
        Mode::FaceToFace => {
            let practice = practice.trim();
            let room = room.trim();
            match (practice.is_empty(), room.is_empty()) {
                (true, true) => None,
                (false, true) => Some(format!("at {practice}")),
                (true, false) => Some(format!("in {room}")),
                (false, false) => Some(format!("at {practice}, {room}")),
            }
        }
        Mode::Telephone => {
            let phone = phone.trim();
            (!phone.is_empty()).then(|| format!("by phone. I will call you on {phone}"))
        }
        Mode::HomeVisit => Some("at your home. I will come to you".to_string()),
    }
}

/// What a message needs filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub name: String,
    pub date: Option<NaiveDate>,
    pub time: String,
    pub mode: Option<Mode>,
    pub room: String,
    pub phone: String,
    pub sender: String,
    pub practice: String,
    pub practice_phone: String,
}

/// The appointment a template is previewed with: Sam, at 2:30pm in Room 4
/// on the day after `today` (the day before, for a missed one), by
/// telephone for an introduction.
pub fn sample_details(
    purpose: Purpose,
    today: NaiveDate,
    sender: &str,
    practice: &str,
    practice_phone: &str,
) -> Details {
    Details {
        name: "Sam".to_string(),
        // A missed appointment is in the past: yesterday's.
        date: if purpose == Purpose::MissedYou {
            today.pred_opt()
        } else {
            today.succ_opt()
        },
        time: "2:30pm".to_string(),
        mode: Some(if purpose == Purpose::Introduction {
            Mode::Telephone
        } else {
            Mode::FaceToFace
        }),
        room: "Room 4".to_string(),
        phone: "07700 900 982".to_string(),
        sender: if sender.trim().is_empty() {
            "Will".to_string()
        } else {
            sender.trim().to_string()
        },
        practice: practice.to_string(),
        practice_phone: practice_phone.to_string(),
    }
}

/// The template for `purpose`, with the line about cost when it is on.
fn template_for(wording: &Wording, purpose: Purpose) -> String {
    let text = wording.template(purpose);
    if purpose == Purpose::Reminder && wording.cost_line_on && !wording.cost_line.trim().is_empty()
    {
        format!("{text} {}", wording.cost_line.trim())
    } else {
        text
    }
}

/// What each placeholder stands for in a message about `details`.
fn value_of(details: &Details, today: NaiveDate) -> impl Fn(&str) -> Option<String> + '_ {
    move |name| match name {
        "name" => Some(details.name.clone()),
        "day" => details.date.map(|d| day_words(d, today)),
        "time" => Some(details.time.clone()),
        "place" => place_words(
            details.mode?,
            &details.practice,
            &details.room,
            &details.phone,
        ),
        "see_you" => Some(
            match details.mode {
                Some(Mode::Telephone) => "Speak to you then.",
                _ => "See you then.",
            }
            .to_string(),
        ),
        "sender" => Some(details.sender.clone()),
        "practice" => Some(details.practice.clone()),
        "practice_phone" => Some(details.practice_phone.clone()),
        _ => None,
    }
}

/// A message ready to send, or what stops it.
pub fn message(
    wording: &Wording,
    purpose: Purpose,
    details: &Details,
    today: NaiveDate,
) -> Result<String, Vec<template::TemplateProblem>> {
    let rendered = template::render(&template_for(wording, purpose), value_of(details, today))?;
    Ok(sms::clean(&rendered))
}

/// A message as the wording page shows it while it is typed: the finished
/// text or what stops it, and its size either way (counted as far as it can
/// be filled in, so the count stays in sight while a problem is fixed).
pub struct Preview {
    pub message: Result<String, Vec<template::TemplateProblem>>,
    pub size: sms::SmsCount,
}

pub fn preview(
    wording: &Wording,
    purpose: Purpose,
    details: &Details,
    today: NaiveDate,
) -> Preview {
    let message = message(wording, purpose, details, today);
    let size = match &message {
        Ok(text) => sms::count(text),
        Err(_) => sms::count(&sms::clean(&template::as_far_as_it_goes(
            &template_for(wording, purpose),
            value_of(details, today),
        ))),
    };
    Preview { message, size }
}

/// The longest name of a room the clinic runs sessions in, to preview texts
/// at their longest.
pub fn longest_room(sessions: &crate::domain::clinic::sessions::Sessions) -> Option<String> {
    sessions
        .weekly
        .iter()
        .map(|s| s.room.trim())
        .chain(sessions.extra.iter().map(|s| s.room.trim()))
        .filter(|room| !room.is_empty())
        .max_by_key(|room| room.chars().count())
        .map(String::from)
}

/// A link that opens the phone's messaging app with `number` and `text`
/// filled in (RFC 5724): `sms:07700900123?body=Hi%20Sam...`.
pub fn sms_link(number: &str, text: &str) -> String {
    let number: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let mut body = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                body.push(byte as char)
            }
            _ => body.push_str(&format!("%{byte:02X}")),
        }
    }
    format!("sms:{number}?body={body}")
}
