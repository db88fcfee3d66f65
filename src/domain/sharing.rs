//! Sharing the clinic live between volunteers' devices through the
//! practice's CouchDB: signing in, what can go wrong, and the status a
//! volunteer sees. The records shared are in `clinic::merging::shared`.

use crate::domain::clinic::time::ClockTime;
use crate::domain::counted;
use crate::domain::dates::long_date;
use crate::domain::form::FieldError;
use chrono::{NaiveDateTime, Timelike};

/// The account the practice gave the volunteer, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignInForm {
    pub name: String,
    pub password: String,
}

impl SignInForm {
    /// The name (trimmed) and password, or an error beside each field left empty.
    pub fn check(&self) -> Result<(String, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push(FieldError::new("sharing-name", "Enter your username"));
        }
        if self.password.is_empty() {
            errors.push(FieldError::new("sharing-password", "Enter your password"));
        }
        if errors.is_empty() {
            Ok((name, self.password.clone()))
        } else {
            Err(errors)
        }
    }
}

/// What stopped a round of sharing, or signing in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharingProblem {
    WrongPassword,
    SignedOut,
    NoDatabase,
    NotAllowed,
    NotCouchDb,
    Timeout,
    Unreachable,
    /// The clinic has no passphrase: nothing may leave the device unsealed.
    NoPassphrase,
    /// The clinic changed in another tab while this one was merging: tried again soon.
    ChangedElsewhere,
    /// A record on this device could not be read or saved.
    NotStored,
    /// Records on the server do not open with this clinic's key: locked
    /// with another passphrase (each device that sets its own passphrase
    /// gets its own key), or another clinic's.
    OtherLock,
}

impl SharingProblem {
    /// From the names js/sharing.js gives.
    pub fn from_name(name: &str) -> SharingProblem {
        match name {
            "wrong-password" => SharingProblem::WrongPassword,
            "signed-out" => SharingProblem::SignedOut,
            "no-database" => SharingProblem::NoDatabase,
            "not-allowed" => SharingProblem::NotAllowed,
            "timeout" => SharingProblem::Timeout,
            "unreachable" => SharingProblem::Unreachable,
            _ => SharingProblem::NotCouchDb,
        }
    }

    /// Whether sharing goes on by itself once the problem passes (the
    /// network or the server coming back), rather than needing a person.
    pub fn passes(self) -> bool {
        matches!(
            self,
            SharingProblem::Timeout
                | SharingProblem::Unreachable
                | SharingProblem::ChangedElsewhere
        )
    }

    pub fn message(self) -> &'static str {
        match self {
            SharingProblem::WrongPassword => "The username or password is not right. Check them and try again",
            SharingProblem::SignedOut => "You have been signed out of the practice’s server. Sign in again to carry on sharing",
            SharingProblem::NoDatabase => "The practice’s server has no clinic database at the address in config.json. Ask the practice to check the sharing setting",
            SharingProblem::NotAllowed => "This account is not allowed to use the clinic’s database. Ask the practice to add it to the database’s members",
            SharingProblem::NotCouchDb => "The sharing address in config.json does not answer as a CouchDB database. Ask the practice to check the sharing setting",
            SharingProblem::Timeout => "The practice’s server did not answer within 10 seconds. Changes stay on this device and are shared when it answers",
            SharingProblem::Unreachable => "The practice’s server cannot be reached. Changes stay on this device and are shared when it can be reached",
            SharingProblem::NoPassphrase => "Set a passphrase for the clinic first: everything shared is locked with it",
            SharingProblem::ChangedElsewhere => "The clinic was changed in another tab while sharing. It is shared again in a moment",
            SharingProblem::NotStored => "The clinic’s records on this device could not be read or saved, so nothing was shared. Download a backup, then ask for help",
            SharingProblem::OtherLock => "The clinic on the practice’s server is locked with a different passphrase from the clinic on this device, so nothing was shared: two clinics are never mixed. To share the server’s clinic, use a device with no clinic on it (open this page, sign in and type the clinic’s passphrase), or start this one from a backup made on a device that already shares",
        }
    }
}

/// "Last shared at 2:31pm on Sunday 6 December 2026. 3 changes waiting to
/// be shared." `last` is a local date and time. `choosing` counts the
/// records changed on this device and another that wait for a person's
/// choice: sharing waits for it, so it is said first and plainly.
pub fn status_words(last: Option<NaiveDateTime>, waiting: usize, choosing: usize) -> String {
    let when = match last {
        Some(at) => {
            let time = ClockTime::at(at.hour() as u16, at.minute() as u16);
            format!(
                "Last shared at {} on {}.",
                time.words(),
                long_date(at.date())
            )
        }
        None => "Not shared yet.".to_string(),
    };
    if choosing > 0 {
        return format!(
            "{when} A choice is waiting: {} changed on this device and another. Choose which version to keep on the sharing page. Nothing more is shared until you choose.",
            counted(choosing, "record", "records")
        );
    }
    let waiting = match waiting {
        0 => "Nothing waiting to be shared.".to_string(),
        n => format!("{} waiting to be shared.", counted(n, "change", "changes")),
    };
    format!("{when} {waiting}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_fields_must_be_filled_in() {
        let errors = SignInForm::default().check().unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages, ["Enter your username", "Enter your password"]);
        let form = SignInForm {
            name: " ana ".into(),
            password: " secret ".into(),
        };
        assert_eq!(form.check(), Ok(("ana".into(), " secret ".into())));
    }

    #[test]
    fn the_status_says_when_and_how_many_wait() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 6)
            .unwrap()
            .and_hms_opt(14, 31, 0)
            .unwrap();
        assert_eq!(
            status_words(Some(at), 3, 0),
            "Last shared at 2:31pm on Sunday 6 December 2026. 3 changes waiting to be shared."
        );
        assert_eq!(
            status_words(None, 1, 0),
            "Not shared yet. 1 change waiting to be shared."
        );
        assert_eq!(
            status_words(Some(at), 0, 0),
            "Last shared at 2:31pm on Sunday 6 December 2026. Nothing waiting to be shared."
        );
    }

    #[test]
    fn a_choice_waiting_is_never_called_nothing_waiting() {
        let words = status_words(None, 0, 1);
        assert_eq!(
            words,
            "Not shared yet. A choice is waiting: 1 record changed on this device and another. Choose which version to keep on the sharing page. Nothing more is shared until you choose."
        );
        assert!(!status_words(None, 0, 2).contains("Nothing waiting"));
        assert!(status_words(None, 0, 2).contains("2 records changed"));
    }

    #[test]
    fn only_a_lost_connection_passes_by_itself() {
        assert!(SharingProblem::from_name("unreachable").passes());
        assert!(SharingProblem::from_name("timeout").passes());
        assert!(!SharingProblem::from_name("wrong-password").passes());
        assert_eq!(
            SharingProblem::from_name("anything else"),
            SharingProblem::NotCouchDb
        );
    }
}
