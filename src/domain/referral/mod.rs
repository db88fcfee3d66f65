//! A self-referral: the answers a person gives, page by page, the rules that
//! check them, and the forms it is handed over in (text, QR link).

pub mod choices;
pub mod crisis;
pub mod email;
pub mod handover;
pub mod pasted;
pub mod reference;
pub mod steps;
pub mod suggested;
pub mod text;
pub mod validate;

pub use crate::domain::form::character_count;
pub use choices::*;
pub use reference::Reference;
pub use steps::Step;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest "Tell us more in your own words" answer, in characters.
pub const OWN_WORDS_LIMIT: usize = 500;

/// Every answer, kept exactly as typed so that an error never clears one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub full_name: String,
    pub preferred_name: String,
    pub dob_day: String,
    pub dob_month: String,
    pub dob_year: String,
    pub contact_method: Option<ContactMethod>,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub someone_else: String,
    pub leave_message: Option<YesNo>,
    pub best_times: String,
    pub support: Vec<SupportNeed>,
    pub support_other: String,
    pub own_words: String,
    pub barriers: Vec<Barrier>,
    pub meeting: Option<Meeting>,
    pub formats: Vec<Format>,
    pub professionals: Vec<Professional>,
    pub other_support: Vec<OtherSupport>,
    pub communication_other: String,
    pub language: String,
    pub interpreter: Option<YesNo>,
    pub practice: String,
    /// Who suggested the person refer themselves: from a referral pad's
    /// code, or chosen by the person.
    pub suggested_by: Option<suggested::SuggestedBy>,
    pub consent_contact: bool,
    pub consent_record: Option<YesNo>,
}

impl Answers {
    /// The date of birth, when it is a real date.
    pub fn date_of_birth(&self) -> Option<NaiveDate> {
        let day = self.dob_day.trim().parse().ok()?;
        let month = self.dob_month.trim().parse().ok()?;
        let year = self.dob_year.trim().parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// Whether the contact method uses a phone number.
    pub fn needs_phone(&self) -> bool {
        matches!(
            self.contact_method,
            Some(
                ContactMethod::PhoneCall
                    | ContactMethod::Text
                    | ContactMethod::TextRelay
                    | ContactMethod::SomeoneElse
            )
        )
    }

    /// Whether "can we leave a message" makes sense for the contact method.
    pub fn asks_about_messages(&self) -> bool {
        self.needs_phone()
    }

    /// Copies the answers given on `step`'s page from `page`, leaving every
    /// other answer as it is (another tab may have changed those).
    pub fn take_page(&mut self, step: Step, page: &Answers) {
        let p = page.clone();
        match step {
            Step::Name => {
                self.full_name = p.full_name;
                self.preferred_name = p.preferred_name;
            }
            Step::DateOfBirth => {
                self.dob_day = p.dob_day;
                self.dob_month = p.dob_month;
                self.dob_year = p.dob_year;
            }
            Step::Contact => {
                self.contact_method = p.contact_method;
                self.phone = p.phone;
                self.email = p.email;
                self.address = p.address;
                self.postcode = p.postcode;
                self.someone_else = p.someone_else;
            }
            Step::ContactTimes => {
                self.leave_message = p.leave_message;
                self.best_times = p.best_times;
            }
            Step::Support => {
                self.support = p.support;
                self.support_other = p.support_other;
            }
            Step::OwnWords => self.own_words = p.own_words,
            Step::Barriers => self.barriers = p.barriers,
            Step::Meeting => self.meeting = p.meeting,
            Step::Communication => {
                self.formats = p.formats;
                self.professionals = p.professionals;
                self.other_support = p.other_support;
                self.communication_other = p.communication_other;
            }
            Step::Language => {
                self.language = p.language;
                self.interpreter = p.interpreter;
            }
            Step::Practice => {
                self.practice = p.practice;
                self.suggested_by = p.suggested_by;
            }
            Step::Consent => {
                self.consent_contact = p.consent_contact;
                self.consent_record = p.consent_record;
            }
            Step::Check | Step::Done => {}
        }
    }
}

/// Age in whole years on `today`.
pub fn age_on(born: NaiveDate, today: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut age = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// A referral the person has confirmed: their answers, its reference and the day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Referral {
    pub reference: Reference,
    /// The day it was confirmed, stored as YYYY-MM-DD.
    #[serde(with = "crate::domain::dates::iso_form")]
    pub sent_on: NaiveDate,
    pub answers: Answers,
}

/// The self-referral as kept on the person's phone while they fill it in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralDraft {
    pub answers: Answers,
    /// The pages the person has completed, so they can resume where they left off.
    pub completed: Vec<Step>,
    /// Set once they confirm on the check page.
    pub sent: Option<Referral>,
    /// Who suggested referring, from the referral pad's code the person
    /// opened this with: offered as their answer when they reach that
    /// question, and not counted as having started.
    pub from_link: Option<suggested::SuggestedBy>,
}

impl ReferralDraft {
    /// Where to carry on: the first question page not yet completed, or the
    /// check page when all are done.
    pub fn resume_at(&self) -> Step {
        if self.sent.is_some() {
            return Step::Done;
        }
        Step::QUESTIONS
            .iter()
            .copied()
            .find(|step| !self.completed.contains(step))
            .unwrap_or(Step::Check)
    }

    /// Whether the person has started.
    pub fn started(&self) -> bool {
        !self.completed.is_empty() || self.answers != Answers::default()
    }

    pub fn complete(&mut self, step: Step) {
        if !self.completed.contains(&step) {
            self.completed.push(step);
        }
    }
}

/// Referrals passed to the clinic's device by QR code, waiting for the clinic.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClinicInbox {
    pub referrals: Vec<Referral>,
}

impl ClinicInbox {
    /// Keeps a referral once: the same code scanned twice is one referral.
    /// Returns whether it was new.
    pub fn keep(&mut self, referral: Referral) -> bool {
        if self
            .referrals
            .iter()
            .any(|r| r.reference == referral.reference)
        {
            return false;
        }
        self.referrals.push(referral);
        true
    }

    /// Takes in the referrals scanned on another volunteer's device, each
    /// once. Referrals are only ever added, so nothing here can be deleted
    /// on one device and come back from the other. Returns how many were new.
    pub fn take_in(&mut self, other: &ClinicInbox) -> usize {
        other
            .referrals
            .iter()
            .filter(|r| self.keep((*r).clone()))
            .count()
    }
}

#[cfg(test)]
mod handover_tests;
#[cfg(test)]
mod tests;
