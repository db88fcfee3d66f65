//! Bad backup files, made from a genuine one: every field of every kind of
//! document set missing, to the wrong type, out of range, duplicated or
//! pointing nowhere, each with its checksum made to match (anyone can
//! recompute it). Every file is either refused, or its bad records named, or
//! it is harmless: whatever is restored reads back whole, and an undo puts
//! the device back as it was, byte for byte.

use super::contents::{self, Contents};
use super::*;
use crate::domain::clinic::merging::Ledger;
use crate::domain::directory::Directory;
use crate::domain::plan::PlanBook;
use crate::domain::referral::ClinicInbox;
use crate::domain::reminders::Wording;
use crate::domain::sample::{generate, Size};
use crate::store::documents::KNOWN;
use crate::store::{MemoryBackend, Store};

const NOW: &str = "2026-03-03T10:00:00Z";

const SMALL: Size = Size {
    people: 4,
    appointments: 8,
    log_entries: 5,
    services: 2,
    plans: 1,
};

/// A device with a clinic (two years of appointments and a log), its
/// ledger, a directory, plans and the texts' wording.
fn device(seed: u64) -> Store<MemoryBackend> {
    let mut sample = generate(seed, SMALL);
    // Five years of rota would make every file long and the test slow;
    // a few duties have every field a duty has.
    sample.clinic.rota.truncate(6);
    sample.clinic.volunteers.truncate(3);
    let store = Store::new(MemoryBackend::default());
    store.save(&sample.clinic, 0, NOW).unwrap();
    let mut ledger = Ledger::default();
    ledger.stamp(&sample.clinic, NOW);
    store.save(&ledger, 0, NOW).unwrap();
    store.save(&sample.directory, 0, NOW).unwrap();
    store.save(&sample.plans, 0, NOW).unwrap();
    store.save(&Wording::default(), 0, NOW).unwrap();
    store.save(&ClinicInbox::default(), 0, NOW).unwrap();
    store
}

fn snapshot(backend: &MemoryBackend) -> Vec<(String, Option<String>)> {
    let mut keys = backend.keys();
    keys.sort();
    keys.into_iter()
        .map(|k| {
            let v = backend.read_as_stored(&k).unwrap();
            (k, v)
        })
        .collect()
}

/// A file with its checksum made to match its documents.
fn with_checksum(mut file: Value) -> String {
    let sum = checksum(file["documents"].as_array().unwrap());
    file["checksum"] = Value::from(sum);
    file.to_string()
}

/// The ways one value is spoiled.
fn spoilt(value: &Value) -> Vec<(&'static str, Value)> {
    let mut ways = vec![
        ("null", Value::Null),
        ("NaN as text", Value::from("NaN")),
        ("negative", Value::from(-45)),
        ("past the end of a day", Value::from(65535)),
        ("too large", Value::from(1e20)),
        ("a list", Value::Array(Vec::new())),
        ("an object", serde_json::json!({})),
        ("true", Value::from(true)),
        ("an unknown word", Value::from("sometimes")),
        ("not a date", Value::from("2026-02-30")),
    ];
    if value.is_u64() {
        // An id or a reference that points at no record.
        ways.push(("pointing nowhere", Value::from(9_007_199_254_740_991u64)));
        ways.push(("zero", Value::from(0)));
    }
    ways
}

/// Every place in a document's data to spoil: each field of each object,
/// and the first item of each list (the others have its shape), as paths.
fn places(value: &Value, path: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                let mut here = path.clone();
                here.push(Value::from(key.as_str()));
                out.push(here.clone());
                places(field, here, out);
            }
        }
        // A record written as a row (an appointment, a log line, a rota
        // duty) is a list of its fields: each is spoiled.
        Value::Array(items)
            if items
                .first()
                .is_some_and(|f| !f.is_object() && !f.is_array()) =>
        {
            for (n, item) in items.iter().enumerate().take(16) {
                let mut here = path.clone();
                here.push(Value::from(n));
                out.push(here.clone());
                places(item, here, out);
            }
        }
        Value::Array(items) => {
            if let Some(first) = items.first() {
                let mut here = path.clone();
                here.push(Value::from(0));
                out.push(here.clone());
                places(first, here, out);
            }
        }
        _ => {}
    }
}

fn at<'a>(value: &'a mut Value, path: &[Value]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Value::String(key) => v.get_mut(key.as_str()),
        Value::Number(n) => v.get_mut(n.as_u64()? as usize),
        _ => None,
    })
}

/// Every bad file made from `file`: (what was done, the file's text).
fn bad_files(file: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let documents = file["documents"].as_array().unwrap();
    for (d, document) in documents.iter().enumerate() {
        let kind = document["kind"].as_str().unwrap_or_default().to_string();
        let mut paths = vec![Vec::new()];
        places(&document["data"], Vec::new(), &mut paths);
        for path in paths {
            let mut full = vec![
                Value::from("documents"),
                Value::from(d),
                Value::from("data"),
            ];
            full.extend(path.iter().cloned());
            let name = |how: &str| format!("{kind} {} {how}", Value::Array(path.clone()));
            let original = at(&mut file.clone(), &full).cloned().unwrap_or(Value::Null);
            for (how, spoilt_value) in spoilt(&original) {
                let mut bad = file.clone();
                if let Some(place) = at(&mut bad, &full) {
                    *place = spoilt_value;
                    out.push((name(how), with_checksum(bad)));
                }
            }
            // Missing: a field taken out, or a list item taken out.
            let (parent, last) = full.split_at(full.len() - 1);
            let mut bad = file.clone();
            if let Some(parent) = at(&mut bad, parent) {
                let removed = match (&last[0], parent) {
                    (Value::String(key), Value::Object(fields)) => {
                        fields.remove(key.as_str()).is_some()
                    }
                    _ => false,
                };
                if removed {
                    out.push((name("missing"), with_checksum(bad)));
                }
            }
            // Duplicated: a list's first item written twice.
            if original.is_array() && !original.as_array().unwrap().is_empty() {
                let mut bad = file.clone();
                if let Some(Value::Array(items)) = at(&mut bad, &full) {
                    let first = items[0].clone();
                    items.push(first);
                    out.push((name("first item twice"), with_checksum(bad)));
                }
            }
        }
    }
    out
}

/// What became of one bad file.
#[derive(Debug, PartialEq)]
enum Fate {
    Refused,
    RecordsNamed,
    Harmless,
}

/// Tries `text` on `device` as restore does, and checks the promise: a
/// refused file changes nothing; whatever is written reads back whole and
/// breaks no rule; undoing it gives back the device byte for byte.
fn try_restore(store: &Store<MemoryBackend>, text: &str, what: &str) -> Fate {
    let device = store.backend();
    let before = snapshot(device);
    let read = open(text, KNOWN).and_then(|b| contents::read(&b, &[]).map(|c| (b, c)));
    let (backup, contents): (Restorable, Contents) = match read {
        Err(why) => {
            if std::env::var("SHOW_FATES").is_ok() {
                eprintln!("refused {what}: {}", why.message());
            }
            assert_eq!(
                snapshot(device),
                before,
                "{what}: a refused file changed the device"
            );
            return Fate::Refused;
        }
        Ok(read) => read,
    };
    let fate = if contents.problems.is_empty() {
        Fate::Harmless
    } else {
        Fate::RecordsNamed
    };
    let texts = contents::clinic_texts_without_problems(&backup, &contents, NOW);
    let writing = if contents.problems.is_empty() {
        backup.clone()
    } else {
        contents::with_clinic_texts(&backup, &texts)
    };
    restore_keeping_undo(device, KNOWN, &writing, NOW).unwrap();
    match store.load::<Clinic>(NOW) {
        Loaded::Ready { value, .. } => {
            assert_eq!(
                value.problems(),
                vec![],
                "{what}: the restored clinic breaks a rule"
            )
        }
        Loaded::Empty => {}
        other => panic!("{what}: the restored clinic does not read: {other:?}"),
    }
    fn reads<D: crate::store::Document + std::fmt::Debug>(
        store: &Store<MemoryBackend>,
        what: &str,
    ) {
        let loaded = store.load::<D>(NOW);
        assert!(
            matches!(loaded, Loaded::Ready { .. } | Loaded::Empty),
            "{what}: the restored {} does not read: {loaded:?}",
            D::KIND
        );
    }
    reads::<PlanBook>(store, what);
    reads::<Directory>(store, what);
    reads::<Wording>(store, what);
    reads::<Ledger>(store, what);
    reads::<ClinicInbox>(store, what);
    assert!(
        crate::store::kept::list(device).is_empty(),
        "{what}: something was kept aside"
    );
    undo_restore(device, KNOWN).unwrap();
    assert_eq!(
        snapshot(device),
        before,
        "{what}: the undo did not give the device back"
    );
    fate
}

/// The same file locked as the lock locks it: the clinic's documents sealed
/// (the encryption itself is the browser's, tried in the browser tests),
/// with a lock, and each sealed document's text as its passphrase opens it.
fn locked_twin(text: &str) -> Option<(String, Vec<(String, String)>)> {
    use crate::store::sealed::{base64, seal_envelope, LockSettings, SealedBytes};
    let mut file: Value = serde_json::from_str(text).ok()?;
    let mut opened = Vec::new();
    for document in file["documents"].as_array_mut()? {
        let kind = document["kind"].as_str().unwrap_or_default().to_string();
        if kind == "clinic" || kind.starts_with("clinic-part-") {
            let plain = crate::store::envelope::with_head_first(document);
            let sealed = SealedBytes::new(&[7; 12], b"sealed");
            *document = serde_json::from_str(&seal_envelope(&plain, sealed)).ok()?;
            opened.push((kind, plain));
        }
    }
    let lock = LockSettings {
        salt: base64(&[1; 16]),
        check: SealedBytes::new(&[2; 12], b"check"),
        ..LockSettings::default()
    };
    let lock = crate::store::envelope::encode(&lock, 1, NOW);
    file["documents"]
        .as_array_mut()?
        .push(serde_json::from_str(&lock).ok()?);
    Some((with_checksum(file), opened))
}

/// What reading a file found: refused, or the records it names.
fn outcome(read: Result<Contents, BackupProblem>) -> Result<Vec<String>, BackupProblem> {
    read.map(|c| c.problems.iter().map(|p| p.message()).collect())
}

#[test]
fn a_locked_bad_backup_once_opened_is_refused_or_named_as_the_same_file_unlocked() {
    let genuine = make(device(1).backend(), KNOWN, NOW, "").unwrap();
    let file: Value = serde_json::from_str(&genuine).unwrap();
    let mut compared = 0;
    for (what, text) in bad_files(&file) {
        if !what.starts_with("clinic ") && !what.starts_with("clinic-part-") {
            continue;
        }
        let unlocked = open(&text, KNOWN).and_then(|b| contents::read(&b, &[]));
        let (locked_text, opened) = locked_twin(&text).unwrap();
        let locked = open(&locked_text, KNOWN).and_then(|b| contents::read(&b, &opened));
        assert_eq!(outcome(locked), outcome(unlocked), "{what}");
        compared += 1;
    }
    eprintln!("bad locked backups: {compared} compared with the same files unlocked");
    assert!(compared > 1000, "only {compared}");
}

#[test]
fn every_bad_backup_is_refused_or_named_and_never_costs_the_device_its_data() {
    let genuine = make(device(1).backend(), KNOWN, NOW, "").unwrap();
    eprintln!("genuine backup: {} bytes", genuine.len());
    let file: Value = serde_json::from_str(&genuine).unwrap();
    let bad = bad_files(&file);
    let on_device = device(2);
    let mut fates = [0usize; 3];
    for (what, text) in &bad {
        let fate = try_restore(&on_device, text, what);
        if std::env::var("SHOW_FATES").is_ok() {
            eprintln!("{fate:?}: {what}");
        }
        fates[fate as usize] += 1;
    }
    eprintln!(
        "bad unlocked backups: {} made, {} refused, {} with their bad records named, {} harmless",
        bad.len(),
        fates[0],
        fates[1],
        fates[2]
    );
    assert!(bad.len() > 2000, "only {} bad files were made", bad.len());
    assert!(fates[0] > 0 && fates[1] > 0);
}
