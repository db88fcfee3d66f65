//! A service as a volunteer types it into the directory, checked with
//! GOV.UK-style messages; and logging that a person was introduced to a
//! service on their record in the clinic. A form keeps the text as typed, so
//! nothing is lost when a message asks for a change.

use super::{Access, Category, Directory, Service};
use crate::domain::clinic::people::PersonStatus;
use crate::domain::clinic::{Clinic, Id};
use crate::domain::dates::{self, TypedDate, TypedDateProblem};
use crate::domain::form::{too_long, FieldError};
use crate::domain::referral::validate::{is_email, is_uk_phone};
use chrono::NaiveDate;

/// The longest name, organisation or cost.
const SHORT_TEXT: usize = 100;
/// The longest description, criteria, times, place or accessibility note.
const LONG_TEXT: usize = 500;

/// A service as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServiceForm {
    pub name: String,
    pub organisation: String,
    pub description: String,
    pub categories: Vec<Category>,
    pub who_for: String,
    /// Chosen "Free" (`Some(true)`) or "There is a cost" (`Some(false)`).
    pub free: Option<bool>,
    pub cost: String,
    pub days: Vec<u8>,
    pub when: String,
    pub place: String,
    pub phone: String,
    pub contact: String,
    pub email: String,
    pub website: String,
    pub languages: String,
    pub alert: String,
    pub access: Option<Access>,
    pub accessibility: String,
    pub checked: TypedDate,
}

/// A web address as people write them: "www.example.org" or "https://…", no spaces.
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or(text);
    let host = rest.split('/').next().unwrap_or("");
    !text.chars().any(char::is_whitespace)
        && host.split('.').count() >= 2
        && host.split('.').all(|part| !part.is_empty())
}

fn required(
    errors: &mut Vec<FieldError>,
    field: &str,
    typed: &str,
    missing: &str,
    name: &str,
    limit: usize,
) -> String {
    let text = typed.trim();
    if text.is_empty() {
        errors.push(FieldError::new(field, missing));
    }
    errors.extend(too_long(field, name, text, limit));
    text.to_string()
}

fn optional(errors: &mut Vec<FieldError>, field: &str, typed: &str, name: &str) -> String {
    let text = typed.trim();
    errors.extend(too_long(field, name, text, LONG_TEXT));
    text.to_string()
}

impl ServiceForm {
    /// An empty form for a new service, checked today.
    pub fn new(today: NaiveDate) -> Self {
        ServiceForm {
            checked: TypedDate::from_date(today),
            ..ServiceForm::default()
        }
    }

    /// The form filled in from a service, to change it.
    pub fn from_service(service: &Service) -> Self {
        ServiceForm {
            name: service.name.clone(),
            organisation: service.organisation.clone(),
            description: service.description.clone(),
            categories: service.categories.clone(),
            who_for: service.who_for.clone(),
            free: Some(service.free),
            cost: service.cost.clone(),
            days: service.days.clone(),
            when: service.when.clone(),
            place: service.place.clone(),
            phone: service.phone.clone(),
            contact: service.contact.clone(),
            email: service.email.clone(),
            website: service.website.clone(),
            languages: service.languages.clone(),
            alert: service.alert.clone(),
            access: Some(service.access),
            accessibility: service.accessibility.clone(),
            checked: dates::parse_iso(&service.checked_on)
                .map(TypedDate::from_date)
                .unwrap_or_default(),
        }
    }

    /// The service with id `id`, or every problem found, in the order of the form.
    pub fn check(&self, id: Id, today: NaiveDate) -> Result<Service, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let name = required(
            e,
            "name",
            &self.name,
            "Enter the name of the service or group",
            "Name",
            SHORT_TEXT,
        );
        let organisation = required(
            e,
            "organisation",
            &self.organisation,
            "Enter the organisation that runs it",
            "Organisation",
            SHORT_TEXT,
        );
        let description = required(
            e,
            "description",
            &self.description,
            "Enter what it offers, like a weekly walk then tea",
            "What it offers",
            LONG_TEXT,
        );
        if self.categories.is_empty() {
            e.push(FieldError::new("categories", "Select what it helps with"));
        }
        let who_for = optional(e, "who-for", &self.who_for, "Who it is for");
        let cost = match self.free {
            None => {
                e.push(FieldError::new("free", "Select whether it is free"));
                String::new()
            }
            Some(false) => required(
                e,
                "cost",
                &self.cost,
                "Enter what it costs, like £2 a session",
                "What it costs",
                SHORT_TEXT,
            ),
            Some(true) => String::new(),
        };
        let when = optional(e, "when", &self.when, "When it runs");
        let place = optional(e, "place", &self.place, "Where it runs");
        let (phone, email, website) = (self.phone.trim(), self.email.trim(), self.website.trim());
        if phone.is_empty() && email.is_empty() && website.is_empty() {
            e.push(FieldError::new(
                "phone",
                "Enter a phone number, email address or website, so people can get in touch",
            ));
        }
        if !phone.is_empty() && !is_uk_phone(phone) {
            e.push(FieldError::new(
                "phone",
                "Enter a UK phone number, like 0113 496 0000",
            ));
        }
        if !email.is_empty() && !is_email(email) {
            e.push(FieldError::new(
                "email",
                "Enter an email address in the correct format, like name@example.com",
            ));
        }
        if !website.is_empty() && !is_web_address(website) {
            e.push(FieldError::new(
                "website",
                "Enter a website address in the correct format, like www.example.org",
            ));
        }
        if self.access.is_none() {
            e.push(FieldError::new(
                "access",
                "Select whether people can refer themselves",
            ));
        }
        let contact = optional(e, "contact", &self.contact, "Who to ask for");
        let languages = optional(e, "languages", &self.languages, "Languages spoken");
        let alert = optional(e, "alert", &self.alert, "Notice");
        let accessibility = optional(e, "accessibility", &self.accessibility, "Accessibility");
        let checked = match self.checked.date() {
            Err(problem) => {
                e.push(FieldError::new(
                    "checked-day",
                    match problem {
                        TypedDateProblem::Missing => "Enter the date the entry was last checked",
                        TypedDateProblem::YearNotFourNumbers => "Year must include 4 numbers",
                        TypedDateProblem::NotReal => "Date last checked must be a real date",
                    },
                ));
                None
            }
            Ok(on) if on > today => {
                e.push(FieldError::new(
                    "checked-day",
                    "Date last checked must be today or in the past",
                ));
                None
            }
            Ok(on) => Some(on),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut days: Vec<u8> = self.days.iter().copied().filter(|d| *d < 7).collect();
        days.sort_unstable();
        days.dedup();
        Ok(Service {
            id,
            name,
            organisation,
            description,
            categories: self.categories.clone(),
            who_for,
            free: self.free == Some(true),
            cost,
            days,
            when,
            place,
            phone: phone.to_string(),
            contact,
            email: email.to_string(),
            website: website.to_string(),
            languages,
            alert,
            access: self.access.unwrap_or_default(),
            accessibility,
            checked_on: checked.map(dates::iso).unwrap_or_default(),
            oruk_id: String::new(),
        })
    }
}

impl Directory {
    pub fn service(&self, id: Id) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// Adds a service, or changes the one with its id (keeping the id it has
    /// in an Open Referral UK file, for the next import).
    pub fn save(&mut self, mut service: Service) {
        match self.services.iter_mut().find(|s| s.id == service.id) {
            Some(existing) => {
                if service.oruk_id.is_empty() {
                    service.oruk_id = std::mem::take(&mut existing.oruk_id);
                }
                *existing = service;
            }
            None => self.services.push(service),
        }
    }

    /// Takes a service out of the directory, such as one that has closed.
    /// Returns whether it was there.
    pub fn remove(&mut self, id: Id) -> bool {
        let before = self.services.len();
        self.services.retain(|s| s.id != id);
        self.services.len() < before
    }

    /// Writes what an import preview showed: changed entries replaced, new
    /// ones added with ids from `new_id`. Returns how many were written.
    pub fn import(
        &mut self,
        preview: super::oruk::Preview,
        mut new_id: impl FnMut() -> Id,
    ) -> usize {
        let written = preview.new.len() + preview.changed.len();
        for (id, service) in preview.changed {
            if let Some(existing) = self.services.iter_mut().find(|s| s.id == id) {
                *existing = service;
            }
        }
        for service in preview.new {
            self.services.push(Service {
                id: new_id(),
                ..service
            });
        }
        written
    }
}

/// The people a service can be logged against: those waiting or active in
/// the caseload, by name.
pub fn caseload_choices(clinic: &Clinic) -> Vec<(Id, String)> {
    let mut people: Vec<(Id, String)> = clinic
        .people
        .iter()
        .filter(|p| matches!(p.status, PersonStatus::Waiting | PersonStatus::Active))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    people.sort_by_key(|(_, name)| name.to_lowercase());
    people
}

/// The log line for an introduction: "Introduced to Rainbow Choir (Leeds Arts)".
pub fn introduction_note(service: &Service) -> String {
    if service.organisation.trim().is_empty() {
        format!("Introduced to {}", service.name.trim())
    } else {
        format!(
            "Introduced to {} ({})",
            service.name.trim(),
            service.organisation.trim()
        )
    }
}

/// Logs on `person`'s record that they were introduced to `service`, in one
/// step; the person's name for the confirmation, or what to fix.
pub fn log_introduction(
    clinic: &mut Clinic,
    person: Option<Id>,
    entry: Id,
    on: NaiveDate,
    service: &Service,
) -> Result<String, Vec<FieldError>> {
    let chosen = person.and_then(|id| clinic.person_mut(id));
    let Some(person) = chosen else {
        return Err(vec![FieldError::new(
            "person",
            "Select the person you introduced to this service",
        )]);
    };
    person.log(entry, on, "", &introduction_note(service), None);
    Ok(person.name.clone())
}
