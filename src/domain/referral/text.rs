//! The referral as plain, readable text: for the email to the practice, for
//! copying into a message, and for the clinic to read.

use super::{Answers, Choice, ContactMethod, Referral, Step, YesNo};
use crate::domain::dates::{long_date, short_date};

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

/// What a "Change" link on the check page changes, as heard after "Change":
/// the row's label with a small first letter ("Change full name"), except a
/// first word in capitals ("Change GP practice", "Change OK to leave a message").
pub fn change_link_words(label: &str) -> String {
    let first_word = label.split(' ').next().unwrap_or("");
    if first_word.len() > 1 && first_word.chars().all(|c| c.is_ascii_uppercase()) {
        return label.to_string();
    }
    // ASCII rules: the labels are the app's own words, and Unicode's case
    // tables would cost self-referral about 17 KB.
    let mut words = label.to_string();
    if let Some(first) = words.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    words
}

/// The answers as labelled rows, in the order they were asked, each with the
/// page it was given on: the check page, the email and the clinic show these.
pub fn rows(answers: &Answers) -> Vec<(Step, &'static str, String)> {
    use Step::*;
    let chosen = |label: Option<&'static str>| {
        label
            .map(str::to_string)
            .unwrap_or_else(|| NOT_PROVIDED.to_string())
    };
    let date_of_birth = answers
        .date_of_birth()
        .map(short_date)
        .unwrap_or_else(|| NOT_PROVIDED.to_string());
    let mut rows = vec![
        (Name, "Full name", or_not_provided(&answers.full_name)),
        (
            Name,
            "Likes to be called",
            or_not_provided(&answers.preferred_name),
        ),
        (DateOfBirth, "Date of birth", date_of_birth),
        (
            Contact,
            "How to contact",
            chosen(answers.contact_method.map(Choice::label)),
        ),
    ];
    match answers.contact_method {
        Some(ContactMethod::Email) => {
            rows.push((Contact, "Email address", or_not_provided(&answers.email)))
        }
        Some(ContactMethod::Letter) => {
            let address = format!(
                "{}\n{}",
                answers.address.trim(),
                answers.postcode.trim().to_ascii_uppercase()
            );
            rows.push((Contact, "Address", or_not_provided(&address)));
        }
        Some(ContactMethod::SomeoneElse) => {
            rows.push((
                Contact,
                "Person to contact",
                or_not_provided(&answers.someone_else),
            ));
            rows.push((
                Contact,
                "Their phone number",
                or_not_provided(&answers.phone),
            ));
        }
        Some(_) => rows.push((Contact, "Phone number", or_not_provided(&answers.phone))),
        None => {}
    }
    if answers.asks_about_messages() {
        rows.push((
            ContactTimes,
            "OK to leave a message",
            yes_no(answers.leave_message),
        ));
    }
    let mut support = list(&answers.support);
    if !answers.support_other.trim().is_empty() {
        support = format!("{support}: {}", answers.support_other.trim());
    }
    rows.extend([
        (
            ContactTimes,
            "Best days and times",
            or_not_provided(&answers.best_times),
        ),
        (Support, "Support with", support),
        (
            OwnWords,
            "In their own words",
            or_not_provided(&answers.own_words),
        ),
        (
            Barriers,
            "Hard to get to appointments",
            list(&answers.barriers),
        ),
        (
            Meeting,
            "Prefers to meet",
            chosen(answers.meeting.map(Choice::label)),
        ),
        (Communication, "Information format", list(&answers.formats)),
        (
            Communication,
            "Communication professional",
            list(&answers.professionals),
        ),
        (Communication, "Other support", list(&answers.other_support)),
        (
            Communication,
            "Other communication needs",
            or_not_provided(&answers.communication_other),
        ),
        (Language, "Language", or_not_provided(&answers.language)),
        (
            Language,
            "Needs an interpreter",
            yes_no(answers.interpreter),
        ),
        (Practice, "GP practice", or_not_provided(&answers.practice)),
        (
            Practice,
            "Who suggested it",
            chosen(answers.suggested_by.map(Choice::label)),
        ),
        (
            Consent,
            "Agrees to be contacted",
            if answers.consent_contact { "Yes" } else { "No" }.to_string(),
        ),
        (
            Consent,
            "Can be added to GP record",
            yes_no(answers.consent_record),
        ),
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
    for (_, label, value) in rows(&referral.answers) {
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
