//! Reading what a backup holds, for restore and merge alike: every document
//! turned into the app's own types (a locked one once opened with its
//! passphrase), every text looked at as it will be shown, and the clinic
//! checked record by record with the rules its forms apply. Nothing is
//! written until all of this has passed, or the person has chosen to go on
//! without the records named.

use super::{BackupProblem, Restorable};
use crate::domain::backup_habit::BackupHabit;
use crate::domain::clinic::bookings::Booking;
use crate::domain::clinic::check::{Place, RecordProblem};
use crate::domain::clinic::corrections::Removal;
use crate::domain::clinic::merging::Ledger;
use crate::domain::clinic::parts::Held;
use crate::domain::clinic::people::{LogEntry, Person};
use crate::domain::clinic::plans::PersonPlans;
use crate::domain::clinic::rota::{RotaEntry, Volunteer};
use crate::domain::clinic::sessions::{ClosedDate, ExtraSession, WeeklySession};
use crate::domain::clinic::slots::SlotSettings;
use crate::domain::clinic::{Clinic, Id};
use crate::domain::directory::Directory;
use crate::domain::plan::PlanBook;
use crate::domain::referral::{ClinicInbox, ReferralDraft};
use crate::domain::reminders::Wording;
use crate::store::clinic_parts::{APPOINTMENTS, LOG_KIND, PLANS_KIND};
use crate::store::envelope::{encode, peek_revision};
use crate::store::sealed::{sealed_part, LockSettings};
use crate::store::{Document, Unreadable};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What a backup holds, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Contents {
    pub clinic: Option<Clinic>,
    pub ledger: Option<Ledger>,
    pub inbox: Option<ClinicInbox>,
    /// The clinic's records that break a rule (each named), and those that
    /// go with them (a person's appointments); empty for a clinic the app made.
    pub problems: Vec<RecordProblem>,
}

impl Contents {
    /// The clinic without the records named in [`Contents::problems`], and
    /// its ledger without their history (see [`Ledger::forget_taken_out`]):
    /// records left out for breaking a rule were not deleted by anyone.
    pub fn without_problems(&self) -> Option<(Clinic, Option<Ledger>)> {
        let clinic = self.clinic.as_ref()?.without_all_problems().0;
        let ledger = self.ledger.clone().map(|mut ledger| {
            ledger.forget_taken_out(&clinic);
            ledger
        });
        Some((clinic, ledger))
    }
}

/// The PBKDF2 work a backup's lock may ask for: the app uses 600,000; a
/// file asking for far more would hold the page for minutes.
const ITERATIONS: (u32, u32) = (100_000, 5_000_000);

impl Restorable {
    /// The kinds in the backup stored locked with a passphrase.
    pub fn sealed_kinds(&self) -> Vec<String> {
        self.documents
            .iter()
            .filter(|(_, raw)| sealed_part(raw).is_some())
            .map(|(kind, _)| kind.clone())
            .collect()
    }

    /// The backup's lock, when it is locked: its settings, checked to be
    /// ones a passphrase can open.
    pub fn lock(&self) -> Result<Option<LockSettings>, BackupProblem> {
        if self.sealed_kinds().is_empty() {
            return Ok(None);
        }
        let lock = match self.read::<LockSettings>() {
            Some(Ok(lock)) => lock,
            _ => return Err(BackupProblem::LockDamaged),
        };
        let salt = crate::store::sealed::from_base64(&lock.salt);
        let whole = salt.is_some_and(|s| s.len() >= 16)
            && lock.check.bytes().is_some()
            && (ITERATIONS.0..=ITERATIONS.1).contains(&lock.iterations);
        if whole {
            Ok(Some(lock))
        } else {
            Err(BackupProblem::LockDamaged)
        }
    }

    /// The backup with each locked document's text replaced by its opened
    /// text (`opened`: each kind with its plain text).
    pub fn with_opened(&self, opened: &[(String, String)]) -> Result<Restorable, BackupProblem> {
        let mut documents = Vec::with_capacity(self.documents.len());
        for (kind, raw) in &self.documents {
            let text = if sealed_part(raw).is_some() {
                let found = opened.iter().find(|(k, _)| k == kind);
                found
                    .map(|(_, plain)| plain.clone())
                    .ok_or(BackupProblem::LockDamaged)?
            } else {
                raw.clone()
            };
            documents.push((kind.clone(), text));
        }
        Ok(Restorable {
            made: self.made.clone(),
            device: self.device.clone(),
            documents,
        })
    }
}

/// Reads every document of `backup` as the app will, with the texts of its
/// locked documents `opened` (none when it is not locked), and checks the
/// clinic's records. A document that cannot be read refuses the whole file.
pub fn read(backup: &Restorable, opened: &[(String, String)]) -> Result<Contents, BackupProblem> {
    backup.lock()?;
    let plain = backup.with_opened(opened)?;
    for (kind, text) in &plain.documents {
        if holds_active_markup(text) {
            return Err(BackupProblem::Markup);
        }
        let is_clinic = kind == Clinic::KIND || kind.starts_with(Clinic::PARTS);
        if is_clinic && plain.document(Clinic::KIND).is_none() {
            return Err(BackupProblem::Unreadable(
                "clinic".into(),
                Unreadable::Corrupt("parts without their head".into()),
            ));
        }
        match kind.as_str() {
            "referral" => whole::<ReferralDraft>(&plain)?,
            "clinic-inbox" => whole::<ClinicInbox>(&plain)?,
            "plans" => whole::<PlanBook>(&plain)?,
            "clinic-ledger" => whole::<Ledger>(&plain)?,
            "backup-habit" => whole::<BackupHabit>(&plain)?,
            "lock" => whole::<LockSettings>(&plain)?,
            "directory" => whole::<Directory>(&plain)?,
            "reminder-wording" => whole::<Wording>(&plain)?,
            _ => {}
        }
    }
    let mut problems = Vec::new();
    let clinic = match plain.read::<Clinic>() {
        None => None,
        Some(Ok(clinic)) => Some(clinic),
        Some(Err(Unreadable::Newer { .. })) => return Err(BackupProblem::Newer),
        // Records that cannot be read are taken out and named, and the rest read again.
        Some(Err(why)) => {
            let (salvaged, not_read) = salvage_clinic(&plain)?;
            problems.extend(not_read);
            match salvaged.read::<Clinic>() {
                Some(Ok(clinic)) => Some(clinic),
                _ => return Err(BackupProblem::Unreadable("clinic".into(), why)),
            }
        }
    };
    if let Some(clinic) = &clinic {
        problems.extend(logs_left_out(&plain, clinic));
        // Cloned only where there is something to take out.
        if !clinic.problems().is_empty() {
            problems.extend(clinic.without_all_problems().1);
        }
    }
    Ok(Contents {
        ledger: plain.read::<Ledger>().and_then(Result::ok),
        inbox: plain.read::<ClinicInbox>().and_then(Result::ok),
        clinic,
        problems,
    })
}

/// Reads one whole document of the backup, or says why it cannot be used.
fn whole<D: Document>(plain: &Restorable) -> Result<(), BackupProblem> {
    match plain.read::<D>() {
        Some(Err(Unreadable::Newer { .. })) => Err(BackupProblem::Newer),
        Some(Err(why)) => Err(BackupProblem::Unreadable(D::KIND.to_string(), why)),
        _ => Ok(()),
    }
}

/// Whether any text in a document holds web page code that would run if it
/// were ever shown as a page: a script, an embedded page or object, or a
/// `javascript:` link. The texts are looked at as read (JSON's escapes
/// undone). The app shows every text as text, which is what keeps such
/// code from running; this refuses a file made to carry it.
pub(super) fn holds_active_markup(text: &str) -> bool {
    const CODE: [&str; 5] = ["<script", "<iframe", "<object", "<embed", "javascript:"];
    let found = |text: &str| {
        let lower = text.to_ascii_lowercase();
        CODE.iter().any(|code| lower.contains(code))
    };
    // Only a \u escape can hide a letter, `<` or `:` in JSON text; without
    // one, the text as stored is the text as read.
    if !text.contains("\\u") {
        return found(text);
    }
    fn any_string(value: &Value, found: &dyn Fn(&str) -> bool) -> bool {
        match value {
            Value::String(s) => found(s),
            Value::Array(items) => items.iter().any(|v| any_string(v, found)),
            Value::Object(fields) => fields.iter().any(|(k, v)| found(k) || any_string(v, found)),
            _ => false,
        }
    }
    serde_json::from_str::<Value>(text).is_ok_and(|v| any_string(&v, &found))
}

/// Log entries in the backup's log part that reading the clinic leaves
/// out: those for a person the clinic does not have, and a second list
/// for the same person.
fn logs_left_out(plain: &Restorable, clinic: &Clinic) -> Vec<RecordProblem> {
    let Some(raw) = plain.document(LOG_KIND) else {
        return Vec::new();
    };
    let logs: Vec<(Id, Vec<LogEntry>)> = data_of(raw).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (person, entries) in &logs {
        let why = if clinic.person(*person).is_none() {
            "they are for a person who is not in the clinic"
        } else if !seen.insert(*person) {
            "the backup holds a second log for the same person"
        } else {
            continue;
        };
        out.push(RecordProblem {
            place: Place::NotRead,
            record: crate::domain::counted(entries.len(), "log entry", "log entries"),
            why: why.to_string(),
        });
    }
    out
}

fn data_of<T: DeserializeOwned>(raw: &str) -> Option<T> {
    let value: Value = serde_json::from_str(raw).ok()?;
    // Read from text, as the store reads: one reader of each type in the bundle.
    serde_json::from_str(&value.get("data")?.to_string()).ok()
}

/// How each list of the clinic is read, record by record.
type ReadOne = fn(&Value) -> Result<(), String>;

/// The clinic's lists, where they are in its head, and what a record of each is.
const HEAD_LISTS: [(&[&str], &str, ReadOne); 8] = [
    (
        &["sessions", "weekly"],
        "weekly session",
        each::<WeeklySession>,
    ),
    (
        &["sessions", "extra"],
        "one-off session",
        each::<ExtraSession>,
    ),
    (&["sessions", "closed"], "closed date", each::<ClosedDate>),
    (&["volunteers"], "volunteer", each::<Volunteer>),
    (&["rota"], "rota duty", each::<RotaEntry>),
    (&["people"], "person", each::<Person>),
    (&["bookings"], "appointment", each::<Booking>),
    (&["removals"], "removal of a person", each::<Removal>),
];

/// The backup with every record of its clinic that cannot be read taken
/// out, each named; refused when a whole list or the clinic itself is not
/// of its shape.
fn salvage_clinic(plain: &Restorable) -> Result<(Restorable, Vec<RecordProblem>), BackupProblem> {
    let damaged = || BackupProblem::Unreadable("clinic".into(), Unreadable::Corrupt(String::new()));
    let mut not_read = Vec::new();
    let mut documents = Vec::new();
    for (kind, text) in &plain.documents {
        let is_clinic = kind == Clinic::KIND || kind.starts_with(Clinic::PARTS);
        if !is_clinic {
            documents.push((kind.clone(), text.clone()));
            continue;
        }
        let mut envelope: Value = serde_json::from_str(text).map_err(|_| damaged())?;
        let data = envelope.get_mut("data").ok_or_else(damaged)?;
        if kind == Clinic::KIND {
            if !data.is_object() {
                return Err(BackupProblem::Record {
                    record: "The clinic".into(),
                    why: "its records are missing".into(),
                });
            }
            // Settings that cannot be read go back to the usual ones, said.
            for (field, read) in [
                ("slots", each::<SlotSettings> as ReadOne),
                ("safe_yearly_maximum", each::<u32>),
            ] {
                let Some(why) = data.get(field).and_then(|v| read(v).err()) else {
                    continue;
                };
                if let Some(fields) = data.as_object_mut() {
                    fields.remove(field);
                }
                not_read.push(RecordProblem {
                    place: Place::NotRead,
                    record: "The appointment settings".into(),
                    why: format!("{why}, so the usual settings are used"),
                });
            }
            for (path, what, read) in HEAD_LISTS {
                let list = path.iter().try_fold(&mut *data, |v, key| v.get_mut(*key));
                if let Some(list) = list {
                    keep_readable(list, what, read, &mut not_read)?;
                }
            }
        } else if let Some(year) = kind.strip_prefix(APPOINTMENTS) {
            keep_readable(
                data,
                &format!("appointment in {year}"),
                each::<Booking>,
                &mut not_read,
            )?;
        } else if kind == LOG_KIND {
            keep_readable(
                data,
                "person’s log",
                each::<(Id, Vec<LogEntry>)>,
                &mut not_read,
            )?;
        } else if kind == PLANS_KIND {
            keep_readable(
                data,
                "set of plans made at the clinic",
                each::<PersonPlans>,
                &mut not_read,
            )?;
        }
        documents.push((kind.clone(), envelope.to_string()));
    }
    let salvaged = Restorable {
        made: plain.made.clone(),
        device: plain.device.clone(),
        documents,
    };
    Ok((salvaged, not_read))
}

/// Reads one record as the app reads it, or why not in words.
fn each<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    // Read from text, as the store reads: one reader of each type in the bundle.
    serde_json::from_str::<T>(&value.to_string())
        .map(|_| ())
        .map_err(|e| reason_in_words(&e.to_string()))
}

/// What is wrong with a record, from what the reader said.
fn reason_in_words(said: &str) -> String {
    if let Some(field) = said.strip_prefix("missing field `") {
        let field = field.split('`').next().unwrap_or_default();
        format!("its {} is missing", field.replace('_', " "))
    } else if said.starts_with("unknown variant") {
        "it holds a word the app does not know (such as a status, kind or day)".into()
    } else if said.contains("expected u") || said.contains("expected i") || said.contains("integer")
    {
        "a number in it is not a whole number the app can use".into()
    } else {
        "a detail in it is not of the kind the app keeps there".into()
    }
}

/// Takes out of `list` each record that cannot be read, naming it in
/// `not_read`. A list that is not a list at all refuses the file (one
/// left out of the file altogether is read as empty).
fn keep_readable(
    list: &mut Value,
    what: &str,
    read: ReadOne,
    not_read: &mut Vec<RecordProblem>,
) -> Result<(), BackupProblem> {
    let items = match list {
        Value::Array(items) => items,
        _ => {
            return Err(BackupProblem::Record {
                record: format!("The clinic’s list of each {what}"),
                why: "it is not a list".into(),
            })
        }
    };
    let mut n = 0;
    items.retain(|item| {
        n += 1;
        let Err(why) = read(item) else {
            return true;
        };
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let record = match name {
            Some(name) => format!("The {what} {name} (number {n} in the backup)"),
            None => format!("The {what} number {n} in the backup"),
        };
        not_read.push(RecordProblem {
            place: Place::NotRead,
            record,
            why,
        });
        false
    });
    Ok(())
}

/// The texts to write for the clinic without the records named in
/// `contents`: its head and every part, at the revision after the backup's,
/// in place of the backup's own, and its ledger without the history of the
/// records taken out (see [`Ledger::forget_taken_out`]). Locked texts are
/// sealed by the caller.
pub fn clinic_texts_without_problems(
    backup: &Restorable,
    contents: &Contents,
    now: &str,
) -> Vec<(String, String)> {
    let Some((mut clinic, ledger)) = contents.without_problems() else {
        return Vec::new();
    };
    let revision = |kind: &str| backup.document(kind).and_then(peek_revision).unwrap_or(0) + 1;
    clinic.held = Held::Whole;
    // Every part is written, none taken as already stored.
    clinic.forget_stored();
    let mut texts = clinic.stored_texts(revision(Clinic::KIND), now, &[]);
    if let Some(ledger) = ledger {
        texts.push((
            Ledger::KIND.to_string(),
            encode(&ledger, revision(Ledger::KIND), now),
        ));
    }
    texts
}

/// The backup with its clinic's documents (and its ledger) replaced by
/// `texts` (each kind with its stored text): the clinic's parts the backup
/// had and `texts` lacks go.
pub fn with_clinic_texts(backup: &Restorable, texts: &[(String, String)]) -> Restorable {
    let mut documents: Vec<(String, String)> = backup
        .documents
        .iter()
        .filter(|(kind, _)| {
            !texts.iter().any(|(k, _)| k == kind) && !kind.starts_with(Clinic::PARTS)
        })
        .cloned()
        .collect();
    documents.extend(texts.iter().cloned());
    Restorable {
        made: backup.made.clone(),
        device: backup.device.clone(),
        documents,
    }
}
