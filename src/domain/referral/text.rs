//! The referral as plain, readable text: for the email to the practice, for
//! copying into a message, and for the clinic to read.

use super::{Answers, Choice, ContactMethod, Referral, YesNo};
use chrono::{Datelike, NaiveDate};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as GOV.UK writes it: "Tuesday 3 March 2026".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        DAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// A date without the weekday: "3 March 1961".
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

pub const NOT_PROVIDED: &str = "Not provided";

fn or_not_provided(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        NOT_PROVIDED.to_string()
    } else {
        text.to_string()
    }
}

fn list<C: Choice>(items: &[C]) -> String {
    if items.is_empty() {
        NOT_PROVIDED.to_string()
    } else {
        items
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn yes_no(answer: Option<YesNo>) -> String {
    answer
        .map(|a| a.label().to_string())
        .unwrap_or_else(|| NOT_PROVIDED.to_string())
}

/// The answers as labelled rows, in the order they were asked: the check page,
/// the email and the clinic all show these.
pub fn rows(answers: &Answers) -> Vec<(&'static str, String)> {
    let mut rows = vec![
        ("Full name", or_not_provided(&answers.full_name)),
        (
            "Likes to be called",
            or_not_provided(&answers.preferred_name),
        ),
        (
            "Date of birth",
            answers
                .date_of_birth()
                .map(short_date)
                .unwrap_or_else(|| NOT_PROVIDED.to_string()),
        ),
        (
            "How to contact",
            answers
                .contact_method
                .map(|m| m.label().to_string())
                .unwrap_or_else(|| NOT_PROVIDED.to_string()),
        ),
    ];
    match answers.contact_method {
        Some(ContactMethod::Email) => rows.push(("Email address", or_not_provided(&answers.email))),
        Some(ContactMethod::Letter) => {
            let address = format!(
                "{}\n{}",
                answers.address.trim(),
                answers.postcode.trim().to_uppercase()
            );
            rows.push(("Address", or_not_provided(&address)));
        }
        Some(ContactMethod::SomeoneElse) => {
            rows.push(("Person to contact", or_not_provided(&answers.someone_else)));
            rows.push(("Their phone number", or_not_provided(&answers.phone)));
        }
        Some(_) => rows.push(("Phone number", or_not_provided(&answers.phone))),
        None => {}
    }
    if answers.asks_about_messages() {
        rows.push(("OK to leave a message", yes_no(answers.leave_message)));
    }
    let mut support = list(&answers.support);
    if !answers.support_other.trim().is_empty() {
        support = format!("{support}: {}", answers.support_other.trim());
    }
    rows.extend([
        ("Best days and times", or_not_provided(&answers.best_times)),
        ("Support with", support),
        ("In their own words", or_not_provided(&answers.own_words)),
        ("Hard to get to appointments", list(&answers.barriers)),
        (
            "Prefers to meet",
            answers
                .meeting
                .map(|m| m.label().to_string())
                .unwrap_or_else(|| NOT_PROVIDED.to_string()),
        ),
        ("Information format", list(&answers.formats)),
        ("Communication professional", list(&answers.professionals)),
        ("Other support", list(&answers.other_support)),
        (
            "Other communication needs",
            or_not_provided(&answers.communication_other),
        ),
        ("Language", or_not_provided(&answers.language)),
        ("Needs an interpreter", yes_no(answers.interpreter)),
        ("GP practice", or_not_provided(&answers.practice)),
        (
            "Agrees to be contacted",
            if answers.consent_contact { "Yes" } else { "No" }.to_string(),
        ),
        ("Can be added to GP record", yes_no(answers.consent_record)),
    ]);
    rows
}

/// The whole referral as text, for an email or a message.
pub fn plain_text(referral: &Referral) -> String {
    let mut text = format!(
        "Self-referral to social prescribing\nReference: {}\nSent: {}\n\n",
        referral.reference,
        long_date(referral.sent_on)
    );
    for (label, value) in rows(&referral.answers) {
        text.push_str(label);
        text.push(':');
        if value.contains('\n') {
            text.push('\n');
        } else {
            text.push(' ');
        }
        text.push_str(&value);
        text.push('\n');
    }
    text
}
