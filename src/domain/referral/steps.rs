//! The pages of the self-referral, in order.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Name,
    DateOfBirth,
    Contact,
    ContactTimes,
    Support,
    OwnWords,
    Barriers,
    Meeting,
    Communication,
    Language,
    Practice,
    Consent,
    Check,
    Done,
}

impl Step {
    /// The question pages, in the order they are asked.
    pub const QUESTIONS: &'static [Step] = &[
        Step::Name,
        Step::DateOfBirth,
        Step::Contact,
        Step::ContactTimes,
        Step::Support,
        Step::OwnWords,
        Step::Barriers,
        Step::Meeting,
        Step::Communication,
        Step::Language,
        Step::Practice,
        Step::Consent,
    ];

    /// The page's path under the app, also listed in `site::PAGE_PATHS`.
    pub fn path(self) -> &'static str {
        match self {
            Step::Name => "refer/name",
            Step::DateOfBirth => "refer/date-of-birth",
            Step::Contact => "refer/contact",
            Step::ContactTimes => "refer/contact-times",
            Step::Support => "refer/support",
            Step::OwnWords => "refer/own-words",
            Step::Barriers => "refer/barriers",
            Step::Meeting => "refer/meeting",
            Step::Communication => "refer/communication",
            Step::Language => "refer/language",
            Step::Practice => "refer/practice",
            Step::Consent => "refer/consent",
            Step::Check => "refer/check",
            Step::Done => "refer/done",
        }
    }

    /// The page after this one.
    pub fn next(self) -> Step {
        match Step::QUESTIONS.iter().position(|s| *s == self) {
            Some(i) if i + 1 < Step::QUESTIONS.len() => Step::QUESTIONS[i + 1],
            Some(_) => Step::Check,
            None if self == Step::Check => Step::Done,
            None => Step::Done,
        }
    }

    /// The page before this one, or `None` for the first question (whose
    /// back link goes to the start page).
    pub fn previous(self) -> Option<Step> {
        match self {
            Step::Check => Step::QUESTIONS.last().copied(),
            Step::Done => Some(Step::Check),
            _ => {
                let i = Step::QUESTIONS.iter().position(|s| *s == self)?;
                i.checked_sub(1).map(|i| Step::QUESTIONS[i])
            }
        }
    }
}
