//! The rules of the clinic's lock a person meets: what makes a passphrase
//! acceptable, and how long the records may stay open without use.

use crate::domain::clinic::forms::number;
use crate::domain::form::FieldError;

/// Long enough that a few words make one; length matters more than symbols.
pub const SHORTEST: usize = 12;

/// A new passphrase as typed, twice, with the warning understood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PassphraseForm {
    pub passphrase: String,
    pub again: String,
    pub understood: bool,
}

impl PassphraseForm {
    /// The passphrase, or what to fix in the GOV.UK style.
    pub fn check(&self) -> Result<String, Vec<FieldError>> {
        self.check_understood(
            "Confirm that you understand a forgotten passphrase means the records cannot be read",
        )
    }

    /// As [`PassphraseForm::check`], for a person locking their own plan.
    pub fn check_plan(&self) -> Result<String, Vec<FieldError>> {
        self.check_understood(
            "Tick the box to show you understand that if you forget the passphrase, nobody can open your plan",
        )
    }

    fn check_understood(&self, not_understood: &str) -> Result<String, Vec<FieldError>> {
        let mut errors = Vec::new();
        let length = self.passphrase.chars().count();
        if self.passphrase.is_empty() {
            errors.push(FieldError::new("passphrase", "Enter a passphrase"));
        } else if length < SHORTEST {
            errors.push(FieldError::new(
                "passphrase",
                format!("The passphrase must be {SHORTEST} characters or more"),
            ));
        } else if self.passphrase.trim() != self.passphrase {
            errors.push(FieldError::new(
                "passphrase",
                "The passphrase must not start or end with a space",
            ));
        }
        if self.again.is_empty() {
            errors.push(FieldError::new(
                "passphrase-again",
                "Enter the passphrase again",
            ));
        } else if errors.is_empty() && self.again != self.passphrase {
            errors.push(FieldError::new(
                "passphrase-again",
                "The passphrases do not match. Enter the same passphrase twice",
            ));
        }
        if !self.understood {
            errors.push(FieldError::new("understood", not_understood));
        }
        if errors.is_empty() {
            Ok(self.passphrase.clone())
        } else {
            Err(errors)
        }
    }
}

/// Minutes without use before the records lock, as typed.
pub fn check_idle_minutes(typed: &str) -> Result<u32, FieldError> {
    number("idle-minutes", typed, "the number of minutes", 1, 120)
}

/// What the lock page says of the records once locked.
pub fn locked_words(idle_minutes: u32) -> String {
    let after = if idle_minutes == 1 {
        "1 minute".to_string()
    } else {
        format!("{idle_minutes} minutes")
    };
    format!(
        "A passphrase is set: the records are stored encrypted on this device. They are open in this window until you lock them, or after {after} without use."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(passphrase: &str, again: &str, understood: bool) -> PassphraseForm {
        PassphraseForm {
            passphrase: passphrase.into(),
            again: again.into(),
            understood,
        }
    }

    fn messages(form: PassphraseForm) -> Vec<String> {
        form.check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.message)
            .collect()
    }

    #[test]
    fn a_long_passphrase_typed_twice_with_the_warning_understood_is_accepted() {
        let ok = form("correct horse battery", "correct horse battery", true);
        assert_eq!(ok.check().unwrap(), "correct horse battery");
    }

    #[test]
    fn each_problem_with_a_new_passphrase_says_how_to_fix_it() {
        assert_eq!(
            messages(form("", "", false)),
            [
                "Enter a passphrase",
                "Enter the passphrase again",
                "Confirm that you understand a forgotten passphrase means the records cannot be read"
            ]
        );
        assert_eq!(
            messages(form("elm surgery", "elm surgery", true)),
            ["The passphrase must be 12 characters or more"]
        );
        assert_eq!(
            messages(form("correct horse battery", "correct horse batery", true)),
            ["The passphrases do not match. Enter the same passphrase twice"]
        );
        assert_eq!(
            messages(form(
                " correct horse battery",
                " correct horse battery",
                true
            )),
            ["The passphrase must not start or end with a space"]
        );
        assert_eq!(
            check_idle_minutes("0").unwrap_err().message,
            "The number of minutes must be between 1 and 120"
        );
        assert_eq!(check_idle_minutes("15"), Ok(15));
    }

    #[test]
    fn the_time_before_the_records_lock_is_said_in_plain_words() {
        assert!(locked_words(15).ends_with("after 15 minutes without use."));
        assert!(locked_words(1).ends_with("after 1 minute without use."));
    }

    #[test]
    fn a_person_locking_their_plan_is_told_in_plain_words_what_to_tick() {
        let errors: Vec<String> = form("my garden in spring", "my garden in spring", false)
            .check_plan()
            .unwrap_err()
            .into_iter()
            .map(|e| e.message)
            .collect();
        assert_eq!(
            errors,
            ["Tick the box to show you understand that if you forget the passphrase, nobody can open your plan"]
        );
        assert_eq!(
            form("my garden in spring", "my garden in spring", true).check_plan(),
            Ok("my garden in spring".to_string())
        );
        assert_eq!(
            form("short", "short", true).check_plan().unwrap_err()[0].message,
            "The passphrase must be 12 characters or more"
        );
    }
}
