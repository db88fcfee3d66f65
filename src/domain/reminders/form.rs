//! The wording page's form: each message's template as typed, and the
//! optional line about what a missed appointment costs, checked before saving.

use super::template::{self, TemplateProblem};
use super::{sms, Purpose, Wording};
use crate::domain::form::{too_long, FieldError};

/// The longest template a form takes: four texts' worth.
const LONGEST: usize = 612;

impl Purpose {
    /// The id of the message's box on the wording page.
    pub fn field(self) -> &'static str {
        match self {
            Purpose::Reminder => "template-reminder",
            Purpose::Introduction => "template-introduction",
            Purpose::Booked => "template-booked",
            Purpose::MissedYou => "template-missed-you",
        }
    }
}

/// The wording as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct WordingForm {
    /// In the order of [`Purpose::ALL`].
    pub templates: Vec<String>,
    pub cost_line_on: bool,
    pub cost_line: String,
    /// Words to warn about, one a line.
    pub avoid: String,
}

impl WordingForm {
    pub fn from_wording(wording: &Wording) -> Self {
        WordingForm {
            templates: Purpose::ALL.iter().map(|p| wording.template(*p)).collect(),
            cost_line_on: wording.cost_line_on,
            cost_line: wording.cost_line.clone(),
            avoid: wording.avoid.join("\n"),
        }
    }

    /// What is typed for `purpose`.
    pub fn template(&self, purpose: Purpose) -> &str {
        Purpose::ALL
            .iter()
            .position(|p| *p == purpose)
            .and_then(|i| self.templates.get(i))
            .map_or("", String::as_str)
    }

    /// `wording` as typed: the templates and the words to warn about,
    /// cleaned of characters that would make a text cost more. Previews and
    /// warnings use it before anything is saved.
    pub fn as_typed(&self, wording: &Wording) -> Wording {
        let mut changed = wording.clone();
        for purpose in Purpose::ALL {
            changed.set_template(purpose, &sms::clean(self.template(purpose).trim()));
        }
        changed.cost_line_on = self.cost_line_on;
        changed.cost_line = sms::clean(self.cost_line.trim());
        changed.avoid = self
            .avoid
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        changed
    }

    /// The wording as typed, or what to fix first.
    pub fn check(&self, wording: &Wording) -> Result<Wording, Vec<FieldError>> {
        let mut errors = Vec::new();
        let changed = self.as_typed(wording);
        for purpose in Purpose::ALL {
            let field = purpose.field();
            let text = changed.template(purpose);
            if text.is_empty() {
                errors.push(FieldError::new(
                    field,
                    format!("Enter the message for \"{}\"", purpose.name()),
                ));
                continue;
            }
            errors.extend(too_long(field, purpose.name(), &text, LONGEST));
            if let Err(problems) = template::placeholders(&text) {
                errors.extend(
                    problems
                        .iter()
                        .map(|p| FieldError::new(field, message(purpose, p))),
                );
            }
        }
        if self.cost_line_on && self.cost_line.trim().is_empty() {
            errors.push(FieldError::new(
                "cost-line",
                "Enter the line about what a missed appointment costs, or untick it",
            ));
        }
        if errors.is_empty() {
            Ok(changed)
        } else {
            Err(errors)
        }
    }
}

/// A template's problem, naming the message it is in.
fn message(purpose: Purpose, problem: &TemplateProblem) -> String {
    format!("{}: {}", purpose.name(), problem.message())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_starts_from_the_wording_and_saves_cleaned_templates() {
        let wording = Wording::default();
        let mut form = WordingForm::from_wording(&wording);
        assert_eq!(
            form.template(Purpose::Reminder),
            Purpose::Reminder.default_template()
        );
        form.templates[1] = "Hi {name}, it’s {sender} – I’ll call {day} at {time}.".into();
        let saved = form.check(&wording).unwrap();
        assert_eq!(
            saved.template(Purpose::Introduction),
            "Hi {name}, it's {sender} - I'll call {day} at {time}."
        );
        assert_eq!(
            saved.template(Purpose::Reminder),
            Purpose::Reminder.default_template()
        );
    }

    #[test]
    fn an_unknown_placeholder_an_empty_message_or_an_empty_cost_line_is_refused() {
        let wording = Wording::default();
        let mut form = WordingForm::from_wording(&wording);
        form.templates[0] = "Hi {name}, see you at {tiem}".into();
        form.templates[3] = "  ".into();
        form.cost_line_on = true;
        form.cost_line = String::new();
        let errors = form.check(&wording).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["template-reminder", "template-missed-you", "cost-line"]
        );
        assert_eq!(
            errors[0].message,
            "Reminder the day before: The message has {tiem}, which is not a placeholder this app knows. Check its spelling"
        );
    }

    #[test]
    fn a_missed_appointment_is_previewed_as_yesterdays() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let details = super::super::sample_details(
            Purpose::MissedYou,
            today,
            "Will",
            "Elm Surgery",
            "0113 496 0123",
        );
        let text = super::super::message(&Wording::default(), Purpose::MissedYou, &details, today)
            .unwrap();
        assert!(
            text.starts_with("Hi Sam, sorry we missed you yesterday."),
            "{text}"
        );
    }
}
