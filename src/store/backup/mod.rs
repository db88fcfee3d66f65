//! Backups: one file holding every document the app keeps, exactly as
//! stored (each in its envelope, with its kind and version), with the file's
//! own format version, the time it was made and a checksum. Restoring checks
//! the whole file before anything is written ([`open`], then every document
//! read and checked by [`contents::read`]), keeps what the device held so
//! the restore can be undone, and writes all of it or none.

pub mod contents;

use super::envelope::{check_envelope, with_head_first};
use super::json::{to_json, to_pretty_json};
use super::{
    document_key, Backend, Document, KnownKind, Loaded, SaveError, SaveProblem, Unreadable,
};
use crate::domain::clinic::merging::Ledger;
use crate::domain::clinic::Clinic;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the file says it is.
pub const FORMAT: &str = "social-prescribing-backup";
/// Raise when the file's shape changes, and keep reading older ones.
pub const FORMAT_VERSION: u32 = 1;
/// A file bigger than this is refused unread.
pub const LARGEST: usize = 30 * 1024 * 1024;

/// A backup file's name, from when it was made (local time, as
/// "2026-03-03-1432"), the device's own name and whether its records are
/// locked: "linkworker-backup-2026-03-03-1432-reception-pc.json", and
/// "...-locked.json" for a locked one. Two devices backing up to one shared
/// drive on the same day then never write over each other's file.
pub fn file_name(when: &str, device: &str, locked: bool) -> String {
    let mut slug = String::new();
    for c in device.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let mut name = format!("linkworker-backup-{when}");
    for part in [slug, if locked { "locked" } else { "" }] {
        if !part.is_empty() {
            name.push('-');
            name.push_str(part);
        }
    }
    name + ".json"
}

/// The longest name a device can be given.
pub const DEVICE_NAME_LIMIT: usize = 30;

/// Checks the name a volunteer gives this device, to tell its backups apart.
pub fn check_device_name(typed: &str) -> Result<String, crate::domain::form::FieldError> {
    let name = typed.trim();
    let error = |message: &str| crate::domain::form::FieldError::new("device-name", message);
    if name.is_empty() {
        return Err(error("Enter a name for this device, such as Reception PC"));
    }
    if name.chars().count() > DEVICE_NAME_LIMIT {
        return Err(error("The device’s name must be 30 characters or fewer"));
    }
    if !name.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Err(error(
            "The device’s name must have a letter or a number in it, such as Tablet 2",
        ));
    }
    Ok(name.to_string())
}

#[derive(Serialize, Deserialize)]
struct BackupFile {
    format: String,
    format_version: u32,
    made: String,
    /// The name the volunteers gave the device it was made on, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    device: String,
    documents: Vec<Value>,
    checksum: String,
}

pub(crate) fn checksum(documents: &[Value]) -> String {
    let text = to_json(documents).unwrap_or_default();
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Why a backup file cannot be restored, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupProblem {
    TooLarge,
    NotABackup,
    CutShort,
    Newer,
    Damaged,
    /// It holds web page code (a script, an embedded page), which this app
    /// never writes: the file was made or changed to do harm.
    Markup,
    Unreadable(String, Unreadable),
    /// One record cannot be read at all: which, and why, in words.
    Record {
        record: String,
        why: String,
    },
    /// It is locked, but its lock (salt, check or work factor) is damaged.
    LockDamaged,
    /// The passphrase typed does not open it.
    WrongPassphrase,
    /// The passphrase opened it, but a locked document in it does not open:
    /// changed or damaged since it was made.
    SealedDamaged(String),
    /// The browser could not do the work of opening it (no WebCrypto).
    NoCrypto,
}

impl BackupProblem {
    pub fn message(&self) -> String {
        match self {
            BackupProblem::TooLarge => "The file is too large to be a backup from this app. Choose the backup file".to_string(),
            BackupProblem::NotABackup => "The file is not a backup from this app. Choose a file whose name starts with linkworker-backup".to_string(),
            BackupProblem::CutShort => "The backup file is incomplete: it may not have finished downloading or copying. Choose the file again, or another backup".to_string(),
            BackupProblem::Newer => "The backup was made by a newer version of this app. Reload the page to get the newer version, then restore it".to_string(),
            BackupProblem::Damaged => "The backup file has been changed or damaged since it was made, so it cannot be used. Choose another backup".to_string(),
            BackupProblem::Markup => "The backup file holds web page code, which this app never writes, so it may have been made to do harm. It cannot be used. Choose another backup".to_string(),
            BackupProblem::Unreadable(kind, why) => format!("The backup's {} cannot be used: {}", kind_words(kind), why.message()),
            BackupProblem::Record { record, why } => format!("The backup cannot be used, because a record in it cannot be read. {record}: {why}. Choose another backup"),
            BackupProblem::LockDamaged => "The backup is locked with a passphrase, but its lock has been changed or damaged, so it cannot be opened. Choose another backup".to_string(),
            BackupProblem::WrongPassphrase => "The passphrase does not open this backup. Enter the passphrase the clinic was locked with when the backup was made".to_string(),
            BackupProblem::NoCrypto => "This browser could not open the locked backup. Try again in an up-to-date browser".to_string(),
            BackupProblem::SealedDamaged(kind) => format!("The passphrase is right, but the backup's {} has been changed or damaged since it was made, so it cannot be used. Choose another backup", kind_words(kind)),
        }
    }
}

/// A stored kind in words: "clinic", "clinic appointments in 2024".
fn kind_words(kind: &str) -> String {
    super::clinic_parts::in_words(kind).unwrap_or_else(|| match kind {
        "clinic-inbox" => "self-referrals scanned in".to_string(),
        "reminder-wording" => "wording of texts".to_string(),
        "clinic-ledger" => "history of the clinic's records".to_string(),
        other => other.replace('-', " "),
    })
}

/// A backup that passed every check: the documents to write, by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restorable {
    pub made: String,
    /// The device it was made on, by the name its volunteers gave it.
    pub device: String,
    /// Each document's kind and its stored text.
    pub documents: Vec<(String, String)>,
}

impl Restorable {
    /// One kind of document in the backup, read as this app reads it.
    pub fn read<D: super::Document>(&self) -> Option<Result<D, Unreadable>> {
        let raw = self.document(D::KIND)?;
        Some(super::envelope::decode::<D>(raw).and_then(|decoded| {
            let mut value = decoded.value;
            if decoded.migrated_from.is_none() {
                super::read_parts_from(&mut value, &self.parts_of::<D>())?;
            }
            Ok(value)
        }))
    }

    /// The parts of `D` in the backup, each kind with its stored text.
    pub fn parts_of<D: super::Document>(&self) -> Vec<(String, String)> {
        if D::PARTS.is_empty() {
            return Vec::new();
        }
        self.documents
            .iter()
            .filter(|(kind, _)| kind.starts_with(D::PARTS))
            .cloned()
            .collect()
    }

    /// The stored text of one kind, to preview what it holds.
    pub fn document(&self, kind: &str) -> Option<&str> {
        self.documents
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, raw)| raw.as_str())
    }
}

/// What stored documents hold (each kind with its stored text), in words
/// for the preview before a restore, one line a document: "The clinic: 2
/// weekly sessions, 3 volunteers, 12 people, 40 appointments". The clinic's
/// parts are counted in its line. The app's own bookkeeping (when the last
/// backup was, each record's history for merging) goes unsaid.
pub fn describe_all(documents: &[(String, String)]) -> Vec<String> {
    let appointments: usize = documents
        .iter()
        .filter(|(kind, _)| kind.starts_with(super::clinic_parts::APPOINTMENTS))
        .map(|(_, raw)| {
            serde_json::from_str::<Value>(raw)
                .ok()
                .and_then(|v| v.get("data").and_then(Value::as_array).map(Vec::len))
                .unwrap_or(0)
        })
        .sum();
    documents
        .iter()
        .filter(|(kind, _)| !kind.starts_with(Clinic::PARTS))
        .filter_map(|(kind, raw)| describe(kind, raw, appointments))
        .collect()
}

/// What one stored document holds (see [`describe_all`]); a clinic's
/// `appointments` in parts are added to those in its own text.
fn describe(kind: &str, raw: &str, appointments: usize) -> Option<String> {
    if matches!(kind, "backup-habit" | "clinic-ledger" | "lock") {
        return None;
    }
    if super::sealed::sealed_part(raw).is_some() {
        let what = match kind {
            "clinic" => "The clinic",
            "clinic-inbox" => "Self-referrals scanned in",
            _ => "Saved information",
        };
        return Some(format!("{what}, locked with a passphrase"));
    }
    let data = serde_json::from_str::<Value>(raw)
        .ok()
        .and_then(|v| v.get("data").cloned())
        .unwrap_or(Value::Null);
    let count = |path: &[&str]| {
        let mut value = &data;
        for key in path {
            value = value.get(key).unwrap_or(&Value::Null);
        }
        value.as_array().map_or(0, Vec::len)
    };
    let some = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    Some(match kind {
        "clinic" => format!(
            "The clinic: {}, {}, {}, {}",
            some(
                count(&["sessions", "weekly"]),
                "weekly session",
                "weekly sessions"
            ),
            some(count(&["volunteers"]), "volunteer", "volunteers"),
            some(count(&["people"]), "person", "people"),
            some(
                count(&["bookings"]) + appointments,
                "appointment",
                "appointments"
            ),
        ),
        "clinic-inbox" => format!("Self-referrals scanned in: {}", count(&["referrals"])),
        "referral" => "A self-referral in progress on this device".to_string(),
        "plans" => "Plans kept on this device".to_string(),
        "directory" => format!(
            "The directory: {}",
            some(count(&["services"]), "service", "services")
        ),
        "reminder-wording" => "The wording of the clinic's texts".to_string(),
        other => format!("Saved information ({other})"),
    })
}

/// The backup of every known document in `backend`, made at `made` (ISO time).
pub fn make(
    backend: &impl Backend,
    known: &[KnownKind],
    made: &str,
    device: &str,
) -> Result<String, SaveError> {
    let mut documents = Vec::new();
    for kind in super::stored_kinds(backend, known) {
        if let Some(raw) = backend.read_as_stored(&document_key(&kind))? {
            // What is stored is an envelope; one that is not valid JSON is
            // kept as a string so the backup holds it word for word.
            documents.push(serde_json::from_str(&raw).unwrap_or(Value::String(raw)));
        }
    }
    let file = BackupFile {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        made: made.to_string(),
        device: device.to_string(),
        checksum: checksum(&documents),
        documents,
    };
    Ok(to_pretty_json(&file).unwrap_or_default())
}

/// The clinic and its ledger as stored, with the revisions to save them over.
#[derive(Clone, Debug)]
pub struct Stamped {
    pub clinic: Clinic,
    pub clinic_revision: u64,
    pub ledger: Ledger,
    pub ledger_revision: u64,
}

/// Brings the clinic's ledger up to date before the clinic leaves the device
/// in a backup or takes in another device's records, so each record carries
/// its history of versions (see `domain::clinic::merging`).
pub fn stamp_ledger<B: Backend>(
    store: &super::Store<B>,
    now: &str,
) -> Result<Stamped, SaveProblem> {
    let (clinic, clinic_revision) = match store.load::<Clinic>(now) {
        Loaded::Ready {
            value, revision, ..
        } => (value, revision),
        Loaded::Empty | Loaded::KeptAside(_) => (Clinic::default(), 0),
        Loaded::Stuck(_) => return Err(SaveProblem::UnreadableInTheWay),
    };
    let (mut ledger, ledger_revision) = match store.load::<Ledger>(now) {
        Loaded::Ready {
            value, revision, ..
        } => (value, revision),
        Loaded::Empty | Loaded::KeptAside(_) => (Ledger::default(), 0),
        Loaded::Stuck(_) => return Err(SaveProblem::UnreadableInTheWay),
    };
    let before = ledger.clone();
    ledger.stamp(&clinic, now);
    let ledger_revision = if ledger == before || clinic_revision == 0 {
        ledger_revision
    } else {
        store.save(&ledger, ledger_revision, now)?
    };
    Ok(Stamped {
        clinic,
        clinic_revision,
        ledger,
        ledger_revision,
    })
}

/// Checks a backup file from end to end without writing anything.
pub fn open(text: &str, known: &[KnownKind]) -> Result<Restorable, BackupProblem> {
    if text.len() > LARGEST {
        return Err(BackupProblem::TooLarge);
    }
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        if e.is_eof() {
            BackupProblem::CutShort
        } else {
            BackupProblem::NotABackup
        }
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupProblem::NotABackup);
    }
    if value
        .get("format_version")
        .and_then(Value::as_u64)
        .is_some_and(|v| v > u64::from(FORMAT_VERSION))
    {
        return Err(BackupProblem::Newer);
    }
    let file: BackupFile = serde_json::from_value(value).map_err(|_| BackupProblem::NotABackup)?;
    if checksum(&file.documents) != file.checksum {
        return Err(BackupProblem::Damaged);
    }
    let mut documents = Vec::new();
    for document in &file.documents {
        let kind = document
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let Some(known) = known.iter().find(|k| k.matches(&kind)) else {
            return Err(BackupProblem::NotABackup);
        };
        let raw = with_head_first(document);
        // A locked document whose nonce or sealed text is missing or not
        // whole would else be read as an empty document.
        let sealed_but_broken = document.get("sealed").is_some()
            && super::sealed::sealed_part(&raw).is_none_or(|s| s.bytes().is_none());
        if sealed_but_broken {
            return Err(BackupProblem::SealedDamaged(kind));
        }
        match check_envelope(&raw, &kind, Some(known.version)) {
            Ok(()) => documents.push((kind, raw)),
            Err(Unreadable::Newer { .. }) => return Err(BackupProblem::Newer),
            Err(why) => return Err(BackupProblem::Unreadable(kind, why)),
        }
    }
    Ok(Restorable {
        made: file.made,
        device: file.device,
        documents,
    })
}

/// Writes a checked backup in place of what is stored: every document, or
/// (if a write fails part-way, such as when storage is full) none, with what
/// was there before put back.
pub fn restore(backend: &impl Backend, backup: &Restorable) -> Result<(), SaveError> {
    let writes: Vec<(String, String)> = backup
        .documents
        .iter()
        .map(|(kind, raw)| (document_key(kind), raw.clone()))
        .collect();
    super::write_all(backend, &writes, true)?;
    // Everything as it was in the backup: a device locked since the backup
    // was made is unlocked with it, and its records with it.
    if backup.document("lock").is_none() {
        backend.remove(&document_key("lock"))?;
    }
    // The clinic's parts are the backup's alone: a part only this device
    // had (a year the backup's clinic has no appointments in) would else
    // be read into the clinic restored.
    if backup.document(Clinic::KIND).is_some() {
        let theirs = backup.parts_of::<Clinic>();
        let parts = [KnownKind::parts(Clinic::PARTS, 0)];
        for kind in super::stored_kinds(backend, &parts) {
            if !theirs.iter().any(|(k, _)| *k == kind) {
                backend.remove(&document_key(&kind))?;
            }
        }
    }
    Ok(())
}

/// Where what a restore replaced is kept, word for word as stored (locked
/// documents stay locked), until the person makes a new backup or lets it
/// go: a restore is never the step where the device's data is lost.
pub const BEFORE_RESTORE: &str = "sp.before-restore";

/// What the device held before a restore.
#[derive(Serialize, Deserialize)]
struct BeforeRestore {
    /// When the restore was made, as an ISO time.
    restored: String,
    /// When the backup restored was made.
    backup_made: String,
    /// Each storage key the app's documents had, with its text as stored.
    documents: Vec<(String, String)>,
}

/// Restores a checked backup as [`restore`] does, after keeping what the
/// device holds now so that the restore can be undone. When there is no
/// room to keep it, nothing is restored.
pub fn restore_keeping_undo(
    backend: &impl Backend,
    known: &[KnownKind],
    backup: &Restorable,
    now: &str,
) -> Result<(), SaveError> {
    let mut documents = Vec::new();
    for kind in super::stored_kinds(backend, known) {
        let key = document_key(&kind);
        if let Some(raw) = backend.read_as_stored(&key)? {
            documents.push((key, raw));
        }
    }
    let before = BeforeRestore {
        restored: now.to_string(),
        backup_made: backup.made.clone(),
        documents,
    };
    let text = to_json(&before).ok_or(SaveError::Unavailable)?;
    backend.write_as_stored(BEFORE_RESTORE, &text)?;
    if let Err(error) = restore(backend, backup) {
        let _ = backend.remove(BEFORE_RESTORE);
        return Err(error);
    }
    Ok(())
}

/// When the last restore was made and when its backup was, if it can still
/// be undone.
pub fn undoable(backend: &impl Backend) -> Option<(String, String)> {
    let text = backend.read_as_stored(BEFORE_RESTORE).ok()??;
    let before: BeforeRestore = serde_json::from_str(&text).ok()?;
    Some((before.restored, before.backup_made))
}

/// Puts back what the device held before the last restore, word for word:
/// every document the restore wrote goes, every one it replaced returns.
pub fn undo_restore(backend: &impl Backend, known: &[KnownKind]) -> Result<(), SaveError> {
    let text = backend
        .read_as_stored(BEFORE_RESTORE)?
        .ok_or(SaveError::Unavailable)?;
    let before: BeforeRestore = serde_json::from_str(&text).map_err(|_| SaveError::Unavailable)?;
    super::write_all(backend, &before.documents, true)?;
    for kind in super::stored_kinds(backend, known) {
        let key = document_key(&kind);
        if !before.documents.iter().any(|(k, _)| *k == key) {
            backend.remove(&key)?;
        }
    }
    backend.remove(BEFORE_RESTORE)
}

/// Lets go of what the device held before the last restore.
pub fn forget_undo(backend: &impl Backend) -> Result<(), SaveError> {
    backend.remove(BEFORE_RESTORE)
}

#[cfg(test)]
mod bad_files;
#[cfg(test)]
mod tests;
