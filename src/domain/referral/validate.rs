//! The checks made when a person presses Continue, with messages in the
//! GOV.UK style: an instruction, the same words in the summary and by the field.

use super::{age_on, Answers, Barrier, ContactMethod, Step, SupportNeed, OWN_WORDS_LIMIT};
use chrono::{Datelike, NaiveDate};

use crate::domain::form::too_long;
pub use crate::domain::form::{error_for, FieldError};

/// Where a question page goes after Continue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Show these errors and stay.
    Errors(Vec<FieldError>),
    /// The person is under 16: tell them who to talk to instead.
    TooYoung,
    /// On to the next page.
    Next,
}

/// Checks the answers on `step`'s page.
pub fn check(step: Step, answers: &Answers, today: NaiveDate) -> Outcome {
    let errors = match step {
        Step::Name => name(answers),
        Step::DateOfBirth => match date_of_birth(answers, today) {
            Ok(born) if age_on(born, today) < 16 => return Outcome::TooYoung,
            Ok(_) => Vec::new(),
            Err(error) => vec![error],
        },
        Step::Contact => contact(answers),
        Step::ContactTimes => contact_times(answers),
        Step::Support => support(answers),
        Step::OwnWords => too_long(
            "own-words",
            "Tell us more",
            &answers.own_words,
            OWN_WORDS_LIMIT,
        )
        .into_iter()
        .collect(),
        Step::Barriers => barriers(answers),
        Step::Meeting if answers.meeting.is_none() => {
            vec![FieldError::new(
                "meeting",
                "Select how you would prefer to meet",
            )]
        }
        Step::Communication => too_long(
            "communication-other",
            "Other support",
            &answers.communication_other,
            200,
        )
        .into_iter()
        .collect::<Vec<_>>(),
        Step::Language => language(answers),
        Step::Practice => required(
            "practice",
            "Enter the name of your GP practice",
            &answers.practice,
            100,
            "Practice name",
        ),
        Step::Consent => consent(answers),
        Step::Meeting | Step::Check | Step::Done => Vec::new(),
    };
    if errors.is_empty() {
        Outcome::Next
    } else {
        Outcome::Errors(errors)
    }
}

/// Every question page's errors at once: what stops a referral being sent.
pub fn all_errors(answers: &Answers, today: NaiveDate) -> Vec<(Step, FieldError)> {
    Step::QUESTIONS
        .iter()
        .flat_map(|&step| match check(step, answers, today) {
            Outcome::Errors(errors) => errors.into_iter().map(|e| (step, e)).collect(),
            Outcome::TooYoung => vec![(
                step,
                FieldError::new("dob-day", "You must be 16 or over to use this form"),
            )],
            Outcome::Next => Vec::new(),
        })
        .collect()
}

fn required(
    field: &'static str,
    empty: &str,
    value: &str,
    limit: usize,
    name: &str,
) -> Vec<FieldError> {
    if value.trim().is_empty() {
        vec![FieldError::new(field, empty)]
    } else {
        too_long(field, name, value, limit).into_iter().collect()
    }
}

fn name(answers: &Answers) -> Vec<FieldError> {
    let mut errors = required(
        "full-name",
        "Enter your full name",
        &answers.full_name,
        100,
        "Full name",
    );
    errors.extend(too_long(
        "preferred-name",
        "The name you like to be called",
        &answers.preferred_name,
        50,
    ));
    errors
}

/// The date of birth, or the one error that says what is wrong with it.
pub fn date_of_birth(answers: &Answers, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let parts = [
        ("dob-day", "day", answers.dob_day.trim()),
        ("dob-month", "month", answers.dob_month.trim()),
        ("dob-year", "year", answers.dob_year.trim()),
    ];
    if parts.iter().all(|(_, _, value)| value.is_empty()) {
        return Err(FieldError::new("dob-day", "Enter your date of birth"));
    }
    let missing: Vec<_> = parts
        .iter()
        .filter(|(_, _, value)| value.is_empty())
        .collect();
    if let Some((field, _, _)) = missing.first() {
        let names: Vec<&str> = missing.iter().map(|(_, name, _)| *name).collect();
        let message = match names.as_slice() {
            [one] => format!("Date of birth must include a {one}"),
            _ => format!("Date of birth must include a {} and {}", names[0], names[1]),
        };
        return Err(FieldError::new(*field, message));
    }
    if answers.dob_year.trim().len() != 4
        || !answers.dob_year.trim().chars().all(|c| c.is_ascii_digit())
    {
        return Err(FieldError::new("dob-year", "Year must include 4 numbers"));
    }
    let Some(born) = answers.date_of_birth() else {
        return Err(FieldError::new(
            "dob-day",
            "Date of birth must be a real date",
        ));
    };
    if born >= today {
        return Err(FieldError::new(
            "dob-day",
            "Date of birth must be in the past",
        ));
    }
    if born.year() < today.year() - 120 {
        return Err(FieldError::new(
            "dob-year",
            "Date of birth must be a real date",
        ));
    }
    Ok(born)
}

fn contact(answers: &Answers) -> Vec<FieldError> {
    let Some(method) = answers.contact_method else {
        return vec![FieldError::new(
            "contact-method",
            "Select how you would like us to contact you",
        )];
    };
    let mut errors = Vec::new();
    match method {
        ContactMethod::Text => {
            if answers.phone.trim().is_empty() {
                errors.push(FieldError::new("phone", "Enter your mobile number"));
            } else if !is_uk_mobile(&answers.phone) {
                errors.push(FieldError::new(
                    "phone",
                    "Enter a UK mobile number, like 07700 900 982",
                ));
            }
        }
        ContactMethod::PhoneCall | ContactMethod::TextRelay | ContactMethod::SomeoneElse => {
            if method == ContactMethod::SomeoneElse {
                errors.extend(required(
                    "someone-else",
                    "Enter the name of the person we should contact",
                    &answers.someone_else,
                    100,
                    "Their name",
                ));
            }
            if answers.phone.trim().is_empty() {
                errors.push(FieldError::new("phone", "Enter a phone number"));
            } else if !is_uk_phone(&answers.phone) {
                errors.push(FieldError::new(
                    "phone",
                    "Enter a UK phone number, like 01632 960 001 or 07700 900 982",
                ));
            }
        }
        ContactMethod::Email => {
            if answers.email.trim().is_empty() {
                errors.push(FieldError::new("email", "Enter your email address"));
            } else if !is_email(&answers.email) {
                errors.push(FieldError::new(
                    "email",
                    "Enter an email address in the correct format, like name@example.com",
                ));
            }
        }
        ContactMethod::Letter => {
            errors.extend(required(
                "address",
                "Enter your address",
                &answers.address,
                300,
                "Address",
            ));
            if answers.postcode.trim().is_empty() {
                errors.push(FieldError::new("postcode", "Enter your postcode"));
            } else if !is_postcode(&answers.postcode) {
                errors.push(FieldError::new(
                    "postcode",
                    "Enter a real postcode, like LS1 4AP",
                ));
            }
        }
    }
    errors
}

fn contact_times(answers: &Answers) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if answers.asks_about_messages() && answers.leave_message.is_none() {
        errors.push(FieldError::new(
            "leave-message",
            "Select yes if we can leave a message",
        ));
    }
    errors.extend(too_long(
        "best-times",
        "Best days and times",
        &answers.best_times,
        200,
    ));
    errors
}

fn support(answers: &Answers) -> Vec<FieldError> {
    if answers.support.is_empty() {
        return vec![FieldError::new(
            "support",
            "Select what you would like support with",
        )];
    }
    if answers.support.contains(&SupportNeed::SomethingElse) {
        return required(
            "support-other",
            "Enter what else you would like support with",
            &answers.support_other,
            200,
            "Something else",
        );
    }
    Vec::new()
}

fn barriers(answers: &Answers) -> Vec<FieldError> {
    if answers.barriers.is_empty() {
        return vec![FieldError::new(
            "barriers",
            "Select what makes it hard to get to appointments, or select none of these",
        )];
    }
    if answers.barriers.contains(&Barrier::None) && answers.barriers.len() > 1 {
        return vec![FieldError::new(
            "barriers",
            "Select what makes it hard to get to appointments, or select none of these, not both",
        )];
    }
    Vec::new()
}

fn language(answers: &Answers) -> Vec<FieldError> {
    let mut errors = required(
        "language",
        "Enter the language you would like to use",
        &answers.language,
        50,
        "Language",
    );
    if answers.interpreter.is_none() {
        errors.push(FieldError::new(
            "interpreter",
            "Select yes if you need an interpreter",
        ));
    }
    errors
}

fn consent(answers: &Answers) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !answers.consent_contact {
        errors.push(FieldError::new(
            "consent-contact",
            "Confirm that a link worker can contact you",
        ));
    }
    if answers.consent_record.is_none() {
        errors.push(FieldError::new(
            "consent-record",
            "Select yes if the practice can add this referral to your GP record",
        ));
    }
    errors
}

/// The digits of a UK phone number written in any usual way, from 0.
fn uk_digits(number: &str) -> Option<String> {
    let kept: String = number
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let national = if let Some(rest) = kept.strip_prefix("+44") {
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else if let Some(rest) = kept.strip_prefix("0044") {
        format!("0{rest}")
    } else {
        kept
    };
    national
        .chars()
        .all(|c| c.is_ascii_digit())
        .then_some(national)
}

/// A UK landline or mobile number: 11 digits from 0, or 10 for some 01 and
/// 08 numbers.
pub fn is_uk_phone(number: &str) -> bool {
    uk_digits(number).is_some_and(|d| match d.get(..2) {
        Some("01" | "08") => d.len() == 10 || d.len() == 11,
        Some("02" | "03" | "07") => d.len() == 11,
        _ => false,
    })
}

/// A UK mobile number: 07 and 11 digits in all.
pub fn is_uk_mobile(number: &str) -> bool {
    uk_digits(number).is_some_and(|d| d.len() == 11 && d.starts_with("07"))
}

/// An email address in the usual shape: something@domain.tld, no spaces.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

/// A UK postcode, such as "LS1 4AP" or "sw1a1aa".
pub fn is_postcode(text: &str) -> bool {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let (outward, inward) = match code.len() {
        5..=7 => code.split_at(code.len() - 3),
        _ => return false,
    };
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let o = outward.as_bytes();
    let outward_ok = o[0].is_ascii_alphabetic()
        && o.iter().all(u8::is_ascii_alphanumeric)
        && o.iter().any(u8::is_ascii_digit)
        && (2..=4).contains(&o.len());
    inward_ok && outward_ok
}
