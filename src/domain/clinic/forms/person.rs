//! A person's details as a volunteer types them: when adding a person, and
//! when changing the details of one already on the caseload.

use super::{
    contact_errors, date_from_today, keep, number, required, When, NOTE, PREFERRED_MINUTES,
    SHORT_TEXT,
};
use crate::domain::clinic::people::{Mode, PartOfDay, Person, Source};
use crate::domain::clinic::Id;
use crate::domain::dates::{self, TypedDate};
use crate::domain::form::{too_long, FieldError};
use crate::domain::referral::validate::is_postcode;
use crate::domain::referral::{ContactMethod, YesNo};
use chrono::NaiveDate;

/// A person referred to the clinic, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonForm {
    pub name: String,
    pub preferred_name: String,
    /// Optional, but staff need it with the name to find the GP record.
    pub date_of_birth: TypedDate,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub contact_method: Option<ContactMethod>,
    pub contact_through: String,
    pub leave_message: Option<YesNo>,
    pub best_times: String,
    pub no_texts: bool,
    pub source: Option<Source>,
    pub referred: TypedDate,
    pub support: String,
    pub barriers: String,
    pub communication: String,
    pub language: String,
    pub interpreter: Option<YesNo>,
    pub practice: String,
    pub consent_contact: bool,
    pub consent_record: Option<YesNo>,
    pub mode: Option<Mode>,
    pub any_mode: bool,
    /// Days they can come (0 Monday to 6 Sunday); none ticked means any.
    pub days: Vec<u8>,
    /// Mornings or afternoons only; `None` for any time.
    pub part_of_day: Option<PartOfDay>,
    /// Their preferred appointment length in minutes, as typed; empty for the usual.
    pub preferred_minutes: String,
}

/// Short answers a person may give, with the words their errors use.
const SHORT_ANSWERS: [(&str, &str); 4] = [
    ("postcode", "Postcode"),
    ("contact-through", "Who to contact them through"),
    ("language", "Language"),
    ("practice", "GP practice"),
];

impl PersonForm {
    /// The form filled in with `person`'s details, to change them.
    pub fn from_person(person: &Person) -> PersonForm {
        let p = person.clone();
        PersonForm {
            name: p.name,
            preferred_name: p.preferred_name,
            date_of_birth: dates::parse_iso(&p.date_of_birth)
                .map(TypedDate::from_date)
                .unwrap_or_default(),
            phone: p.phone,
            email: p.email,
            address: p.address,
            postcode: p.postcode,
            contact_method: p.contact_method,
            contact_through: p.contact_through,
            leave_message: p.leave_message,
            best_times: p.best_times,
            no_texts: p.no_texts,
            source: Some(p.source),
            referred: dates::parse_iso(&p.referred_on)
                .map(TypedDate::from_date)
                .unwrap_or_default(),
            support: p.support,
            barriers: p.barriers,
            communication: p.communication,
            language: p.language,
            interpreter: p.interpreter,
            practice: p.practice,
            consent_contact: p.consent_contact,
            consent_record: p.consent_record,
            mode: Some(p.mode),
            any_mode: p.any_mode,
            days: p.days,
            part_of_day: p.part_of_day,
            preferred_minutes: p
                .preferred_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
        }
    }

    /// `person` with the details as typed here; everything the form does not
    /// show (their status, log, concerns, appointments) stays as it was.
    pub fn change(&self, person: &Person, today: NaiveDate) -> Result<Person, Vec<FieldError>> {
        let typed = self.check(person.id, today)?;
        Ok(Person {
            status: person.status,
            log: person.log.clone(),
            concerns: person.concerns.clone(),
            referral_reference: person.referral_reference.clone(),
            needs: person.needs.clone(),
            wellbeing: person.wellbeing.clone(),
            ..typed
        })
    }

    pub fn check(&self, id: Id, today: NaiveDate) -> Result<Person, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = keep(
            required(
                "name",
                &self.name,
                "Enter the person's full name",
                "Full name",
            ),
            &mut errors,
        );
        let date_of_birth = if self.date_of_birth.is_empty() {
            Some(String::new())
        } else {
            keep(
                date_from_today(
                    "date-of-birth-day",
                    "Date of birth",
                    &self.date_of_birth,
                    today,
                    When::TodayOrEarlier,
                ),
                &mut errors,
            )
            .map(dates::iso)
        };
        errors.extend(contact_errors(&self.phone, &self.email));
        if !self.postcode.trim().is_empty() && !is_postcode(&self.postcode) {
            errors.push(FieldError::new(
                "postcode",
                "Enter a real postcode, like LS1 4AP",
            ));
        }
        let short = [
            &self.postcode,
            &self.contact_through,
            &self.language,
            &self.practice,
        ];
        for ((field, name), typed) in SHORT_ANSWERS.into_iter().zip(short) {
            errors.extend(too_long(field, name, typed, SHORT_TEXT));
        }
        if self.source.is_none() {
            errors.push(FieldError::new("source", "Select who referred them"));
        }
        let referred = keep(
            date_from_today(
                "referred-day",
                "Date referred",
                &self.referred,
                today,
                When::TodayOrEarlier,
            ),
            &mut errors,
        );
        let notes = [
            ("address", "Address", &self.address),
            ("best-times", "Best times to contact them", &self.best_times),
            ("support", "What they want support with", &self.support),
            ("barriers", "What makes appointments hard", &self.barriers),
            ("communication", "Communication needs", &self.communication),
        ];
        for (field, name, typed) in notes {
            errors.extend(too_long(field, name, typed, NOTE));
        }
        let preferred_minutes = if self.preferred_minutes.trim().is_empty() {
            None
        } else {
            keep(
                number(
                    "preferred-minutes",
                    &self.preferred_minutes,
                    "their appointment length in minutes",
                    PREFERRED_MINUTES.0,
                    PREFERRED_MINUTES.1,
                ),
                &mut errors,
            )
            .and_then(|n| u16::try_from(n).ok())
        };
        if self.mode.is_none() {
            errors.push(FieldError::new(
                "mode",
                "Select how they would like to meet",
            ));
        }
        let trimmed = |text: &str| text.trim().to_string();
        let person = (|| {
            Some(Person {
                id,
                name: name?,
                preferred_name: trimmed(&self.preferred_name),
                date_of_birth: date_of_birth?,
                phone: trimmed(&self.phone),
                email: trimmed(&self.email),
                address: trimmed(&self.address),
                postcode: trimmed(&self.postcode),
                contact_method: self.contact_method,
                contact_through: trimmed(&self.contact_through),
                leave_message: self.leave_message,
                best_times: trimmed(&self.best_times),
                language: trimmed(&self.language),
                interpreter: self.interpreter,
                practice: trimmed(&self.practice),
                consent_contact: self.consent_contact,
                consent_record: self.consent_record,
                no_texts: self.no_texts,
                source: self.source?,
                referred_on: dates::iso(referred?),
                support: trimmed(&self.support),
                barriers: trimmed(&self.barriers),
                communication: trimmed(&self.communication),
                mode: self.mode?,
                any_mode: self.any_mode,
                days: self.days.iter().copied().filter(|d| *d <= 6).collect(),
                part_of_day: self.part_of_day,
                preferred_minutes,
                ..Person::default()
            })
        })();
        if errors.is_empty() {
            person.ok_or(errors)
        } else {
            Err(errors)
        }
    }
}
