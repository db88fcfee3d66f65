//! A volunteer as typed: their details, the weekly sessions they usually do,
//! the dates they are away, and how they are shown to patients (`faces.rs`).

use super::{contact_errors, date, finish, keep, required};
use crate::domain::clinic::faces::{is_kept_photo, ABOUT_LIMIT, SHOWN_NAME_LIMIT};
use crate::domain::clinic::rota::{Away, Usually, Volunteer};
use crate::domain::clinic::sessions::WeeklySession;
use crate::domain::clinic::Id;
use crate::domain::dates::{self, TypedDate};
use crate::domain::form::{too_long, FieldError};

/// A volunteer as typed: the weekly sessions they can usually do are chosen
/// from the clinic's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VolunteerForm {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The ids of the weekly sessions they can usually do.
    pub sessions: Vec<Id>,
    pub away_from: TypedDate,
    pub away_to: TypedDate,
    /// A relief volunteer, with no regular session: they cover when asked.
    pub relief: bool,
    /// The first name shown on the board.
    pub shown_name: String,
    /// One line about them.
    pub about: String,
    /// Their photo, made small on the device (empty for none).
    pub photo: String,
    /// They agree to their first name, line and photo being shown.
    pub agreed_to_show: bool,
}

impl VolunteerForm {
    /// The form filled in with `volunteer`'s details, to change them.
    pub fn from_volunteer(volunteer: &Volunteer, weekly: &[WeeklySession]) -> VolunteerForm {
        let typed = |date: &str| {
            dates::parse_iso(date)
                .map(TypedDate::from_date)
                .unwrap_or_default()
        };
        let away = volunteer.away.first();
        VolunteerForm {
            name: volunteer.name.clone(),
            phone: volunteer.phone.clone(),
            email: volunteer.email.clone(),
            sessions: weekly
                .iter()
                .filter(|s| {
                    volunteer
                        .usually
                        .iter()
                        .any(|u| u.weekday == s.weekday && u.times == s.times)
                })
                .map(|s| s.id)
                .collect(),
            away_from: away.map(|a| typed(&a.from)).unwrap_or_default(),
            away_to: away.map(|a| typed(&a.to)).unwrap_or_default(),
            relief: !weekly.is_empty() && volunteer.usually.is_empty(),
            shown_name: volunteer.shown_name.clone(),
            about: volunteer.about.clone(),
            photo: volunteer.photo.clone(),
            agreed_to_show: volunteer.agreed_to_show,
        }
    }

    /// `volunteer` with the details as typed; times away the form does not
    /// show (after the first) are kept.
    pub fn change(
        &self,
        volunteer: &Volunteer,
        weekly: &[WeeklySession],
    ) -> Result<Volunteer, Vec<FieldError>> {
        let mut changed = self.check(volunteer.id, weekly)?;
        changed.away.extend(volunteer.away.iter().skip(1).cloned());
        Ok(changed)
    }

    pub fn check(&self, id: Id, weekly: &[WeeklySession]) -> Result<Volunteer, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = keep(
            required("name", &self.name, "Enter the volunteer's name", "Name"),
            &mut errors,
        );
        errors.extend(contact_errors(&self.phone, &self.email));
        let usually: Vec<Usually> = weekly
            .iter()
            .filter(|s| !self.relief && self.sessions.contains(&s.id))
            .map(|s| Usually {
                weekday: s.weekday,
                times: s.times,
            })
            .collect();
        if !weekly.is_empty() && usually.is_empty() && !self.relief {
            errors.push(FieldError::new(
                "sessions",
                "Select the sessions they can usually do",
            ));
        }
        let away = match (self.away_from.is_empty(), self.away_to.is_empty()) {
            (true, true) => None,
            _ => {
                let from = keep(
                    date("away-from-day", "First day away", &self.away_from),
                    &mut errors,
                );
                let to = keep(
                    date("away-to-day", "Last day away", &self.away_to),
                    &mut errors,
                );
                match (from, to) {
                    (Some(from), Some(to)) if to < from => {
                        errors.push(FieldError::new(
                            "away-to-day",
                            "Last day away must be the same as or after the first day away",
                        ));
                        None
                    }
                    (Some(from), Some(to)) => Some(Away {
                        from: dates::iso(from),
                        to: dates::iso(to),
                    }),
                    _ => None,
                }
            }
        };
        errors.extend(self.face_errors());
        let volunteer = name.map(|name| Volunteer {
            id,
            name,
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
            usually,
            away: away.into_iter().collect(),
            shown_name: self.shown_name.trim().to_string(),
            about: self.about.trim().to_string(),
            photo: self.photo.clone(),
            agreed_to_show: self.agreed_to_show,
        });
        finish(volunteer, errors)
    }
}

impl VolunteerForm {
    /// What is wrong with how they are to be shown: a first name is needed
    /// once they agree to be shown.
    fn face_errors(&self) -> Vec<FieldError> {
        let shown_name = self.shown_name.trim();
        let mut errors: Vec<FieldError> = [
            too_long(
                "shown-name",
                "First name to show",
                shown_name,
                SHOWN_NAME_LIMIT,
            ),
            too_long(
                "about",
                "The line about them",
                self.about.trim(),
                ABOUT_LIMIT,
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        if self.agreed_to_show && shown_name.is_empty() {
            errors.push(FieldError::new(
                "shown-name",
                "Enter the first name to show, as they agree to be shown",
            ));
        }
        if !self.photo.is_empty() && !is_kept_photo(&self.photo) {
            errors.push(FieldError::new(
                "photo",
                "The photo could not be kept. Choose the photo again",
            ));
        }
        errors
    }
}
