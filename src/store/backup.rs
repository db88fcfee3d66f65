//! Backups: one file holding every document the app keeps, exactly as
//! stored (each in its envelope, with its kind and version), with the file's
//! own format version, the time it was made and a checksum. Restoring checks
//! the whole file before anything is written, and writes all of it or none.

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

/// "linkworker-backup-2026-03-03.json".
pub fn file_name(date_iso: &str) -> String {
    format!("linkworker-backup-{date_iso}.json")
}

#[derive(Serialize, Deserialize)]
struct BackupFile {
    format: String,
    format_version: u32,
    made: String,
    documents: Vec<Value>,
    checksum: String,
}

fn checksum(documents: &[Value]) -> String {
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
            BackupProblem::Unreadable(kind, why) => format!("The backup's {kind} cannot be used: {}", why.message()),
        }
    }
}

/// A backup that passed every check: the documents to write, by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restorable {
    pub made: String,
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
pub fn make(backend: &impl Backend, known: &[KnownKind], made: &str) -> Result<String, SaveError> {
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
        checksum: checksum(&documents),
        documents,
    };
    Ok(to_pretty_json(&file).unwrap_or_default())
}

/// The clinic and its ledger as stored, with the revisions to save them over.
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

/// Whether text holds web page code that would run if it were ever shown as
/// a page: a script, an embedded page or object, or a `javascript:` link.
/// (Text is always shown as text; a name such as "Sam <b>" is kept as typed.)
fn holds_active_markup(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["<script", "<iframe", "<object", "<embed", "javascript:"]
        .iter()
        .any(|code| lower.contains(code))
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
    if holds_active_markup(text) {
        return Err(BackupProblem::Markup);
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
        match check_envelope(&raw, &kind, Some(known.version)) {
            Ok(()) => documents.push((kind, raw)),
            Err(Unreadable::Newer { .. }) => return Err(BackupProblem::Newer),
            Err(why) => return Err(BackupProblem::Unreadable(kind, why)),
        }
    }
    Ok(Restorable {
        made: file.made,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::PlanBook;
    use crate::domain::referral::ClinicInbox;
    use crate::store::documents::KNOWN;
    use crate::store::envelope::{decode, encode};
    use crate::store::MemoryBackend;

    fn device_with_a_plan() -> MemoryBackend {
        let mut plans = PlanBook::default();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        plans.start("plan-1", today);
        plans.plans[0].about.called = "Sam \"Sammy\" O'Neil <b>".into();
        let backend = MemoryBackend::default();
        backend
            .write(
                &document_key("plans"),
                &encode(&plans, 4, "2026-03-03T10:00:00Z"),
            )
            .unwrap();
        backend
            .write(
                &document_key("clinic-inbox"),
                &encode(&ClinicInbox::default(), 1, "2026-03-03T10:00:00Z"),
            )
            .unwrap();
        backend.write("other-site-key", "not ours").unwrap();
        backend
    }

    #[test]
    fn a_backup_restores_every_document_word_for_word_on_another_device() {
        let old = device_with_a_plan();
        let file = make(&old, KNOWN, "2026-03-03T10:15:00Z").unwrap();
        assert_eq!(file_name("2026-03-03"), "linkworker-backup-2026-03-03.json");
        let backup = open(&file, KNOWN).unwrap();
        assert_eq!(backup.made, "2026-03-03T10:15:00Z");
        assert_eq!(backup.documents.len(), 2);

        let new = MemoryBackend::default();
        restore(&new, &backup).unwrap();
        let raw = new.read(&document_key("plans")).unwrap().unwrap();
        let plans = decode::<PlanBook>(&raw).unwrap();
        assert_eq!(
            plans.value.plans[0].about.called,
            "Sam \"Sammy\" O'Neil <b>"
        );
        assert_eq!(plans.revision, 4);
        assert_eq!(new.read("other-site-key").unwrap(), None);
        // Each envelope's own fields come first, to be read from its start.
        for kind in ["plans", "clinic-inbox"] {
            let raw = new.read(&document_key(kind)).unwrap().unwrap();
            let (head, _) = crate::store::envelope::quick_head(&raw).unwrap();
            assert_eq!(head.kind, kind);
        }
    }

    #[test]
    fn every_kind_of_bad_file_is_refused_and_nothing_is_written() {
        let file = make(&device_with_a_plan(), KNOWN, "2026-03-03T10:15:00Z").unwrap();
        let refused = |text: &str| open(text, KNOWN).unwrap_err();
        assert_eq!(refused(&file[..file.len() / 2]), BackupProblem::CutShort);
        assert_eq!(refused("Name,Phone\nSam,0770"), BackupProblem::NotABackup);
        assert_eq!(refused("{\"plans\": []}"), BackupProblem::NotABackup);
        assert_eq!(
            refused(&file.replacen("\"format_version\": 1", "\"format_version\": 2", 1)),
            BackupProblem::Newer
        );
        assert_eq!(
            refused(&file.replacen("O'Neil", "ONeil", 1)),
            BackupProblem::Damaged
        );
        assert_eq!(refused(&" ".repeat(LARGEST + 1)), BackupProblem::TooLarge);

        // A document written by a newer version of the app, with a correct checksum.
        let mut value: Value = serde_json::from_str(&file).unwrap();
        value["documents"][0]["version"] = Value::from(9);
        value["checksum"] = Value::from(checksum(value["documents"].as_array().unwrap()));
        assert_eq!(refused(&value.to_string()), BackupProblem::Newer);
        // A document of a kind this app does not keep.
        value["documents"][0]["kind"] = Value::from("passwords");
        value["documents"][0]["version"] = Value::from(1);
        value["checksum"] = Value::from(checksum(value["documents"].as_array().unwrap()));
        assert_eq!(refused(&value.to_string()), BackupProblem::NotABackup);
        // A file made to carry a script, with its checksum made to match.
        let mut crafted: Value = serde_json::from_str(&file).unwrap();
        let name = &mut crafted["documents"][1]["data"]["plans"][0]["about"]["called"];
        assert_eq!(name.as_str(), Some("Sam \"Sammy\" O'Neil <b>"));
        *name = Value::from("Sam <script>alert(1)</script>");
        crafted["checksum"] = Value::from(checksum(crafted["documents"].as_array().unwrap()));
        assert_eq!(refused(&crafted.to_string()), BackupProblem::Markup);
        assert!(BackupProblem::Damaged
            .message()
            .starts_with("The backup file has been changed"));
    }

    #[test]
    fn a_restore_that_fails_part_way_puts_back_what_was_there() {
        let backup = open(
            &make(&device_with_a_plan(), KNOWN, "2026-03-03T10:15:00Z").unwrap(),
            KNOWN,
        )
        .unwrap();
        let device = MemoryBackend::with(&[("sp.plans", "what was here before")]);
        // Room for the inbox (written first), not for the plans after it.
        let (first, raw) = &backup.documents[0];
        assert_eq!(first, "clinic-inbox");
        device.set_quota(Some(
            device.used() + document_key(first).len() + raw.len() + 10,
        ));
        assert_eq!(restore(&device, &backup), Err(SaveError::Full));
        assert_eq!(
            device.read("sp.plans").unwrap().as_deref(),
            Some("what was here before")
        );
        assert_eq!(device.read("sp.clinic-inbox").unwrap(), None);
    }

    #[test]
    fn a_backup_says_what_it_holds_before_it_is_restored() {
        use crate::domain::sample::{generate, Size};
        let size = Size {
            people: 12,
            appointments: 40,
            log_entries: 10,
            services: 0,
            plans: 0,
        };
        let mut clinic = generate(4, size).clinic;
        clinic.bookings[0].date.replace_range(..4, "2019");
        clinic.volunteers.truncate(2);
        let backend = device_with_a_plan();
        let store = super::super::Store::new(backend);
        store.save(&clinic, 0, "2026-03-03T10:00:00Z").unwrap();
        let file = make(store.backend(), KNOWN, "2026-03-03T10:15:00Z").unwrap();
        let backup = open(&file, KNOWN).unwrap();
        assert!(
            backup.parts_of::<Clinic>().len() >= 3,
            "two years and the log"
        );
        let weekly = clinic.sessions.weekly.len();
        assert_eq!(
            describe_all(&backup.documents),
            [
                "Self-referrals scanned in: 0".to_string(),
                "Plans kept on this device".to_string(),
                format!("The clinic: {weekly} weekly sessions, 2 volunteers, 12 people, 40 appointments"),
            ]
        );
        assert_eq!(backup.read::<Clinic>(), Some(Ok(clinic.as_read_back())));
    }
}
