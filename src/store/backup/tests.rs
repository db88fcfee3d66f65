//! Making, checking and restoring backup files.

use super::*;
use crate::domain::clinic::Clinic;
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
    let file = make(&old, KNOWN, "2026-03-03T10:15:00Z", "").unwrap();
    assert_eq!(
        file_name("2026-03-03-1015", "", false),
        "linkworker-backup-2026-03-03-1015.json"
    );
    assert_eq!(
        file_name("2026-03-03-1015", " Reception PC (Room 2) ", false),
        "linkworker-backup-2026-03-03-1015-reception-pc-room-2.json"
    );
    assert_eq!(
        file_name("2026-03-03-1015", "Tablet", true),
        "linkworker-backup-2026-03-03-1015-tablet-locked.json"
    );
    assert_eq!(
        file_name("2026-03-03-1015", "Zoë’s", true),
        "linkworker-backup-2026-03-03-1015-zo-s-locked.json"
    );
    assert_eq!(
        check_device_name("  Reception PC ").unwrap(),
        "Reception PC"
    );
    assert!(check_device_name("").is_err());
    assert!(check_device_name("---").is_err());
    assert!(check_device_name(&"x".repeat(31)).is_err());
    // The device's name travels in the file, and an older file without one reads.
    let named = make(&old, KNOWN, "2026-03-03T10:15:00Z", "Reception PC").unwrap();
    assert_eq!(open(&named, KNOWN).unwrap().device, "Reception PC");
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
    let file = make(&device_with_a_plan(), KNOWN, "2026-03-03T10:15:00Z", "").unwrap();
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
    // The check looks at texts as read, so JSON's escapes do not hide it.
    let read = |text: &str| contents::read(&open(text, KNOWN).unwrap(), &[]).unwrap_err();
    assert_eq!(read(&crafted.to_string()), BackupProblem::Markup);
    let escaped = crafted.to_string().replace("<script", "\\u003cscript");
    assert!(escaped.contains("u003cscript"));
    assert_eq!(read(&escaped), BackupProblem::Markup);
    assert!(BackupProblem::Damaged
        .message()
        .starts_with("The backup file has been changed"));
}

#[test]
fn a_restore_that_fails_part_way_puts_back_what_was_there() {
    let backup = open(
        &make(&device_with_a_plan(), KNOWN, "2026-03-03T10:15:00Z", "").unwrap(),
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
    let file = make(store.backend(), KNOWN, "2026-03-03T10:15:00Z", "").unwrap();
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
            format!(
                "The clinic: {weekly} weekly sessions, 2 volunteers, 12 people, 40 appointments"
            ),
        ]
    );
    assert_eq!(backup.read::<Clinic>(), Some(Ok(clinic.as_read_back())));
}

/// A backup of a small clinic, with a plan, as the app makes it.
fn clinic_backup(locked: bool) -> Value {
    use crate::domain::sample::{generate, Size};
    let size = Size {
        people: 3,
        appointments: 6,
        log_entries: 3,
        services: 0,
        plans: 1,
    };
    let mut clinic = generate(7, size).clinic;
    clinic.rota.truncate(4);
    let store = super::super::Store::new(device_with_a_plan());
    store.save(&clinic, 0, "2026-03-03T10:00:00Z").unwrap();
    let mut file: Value =
        serde_json::from_str(&make(store.backend(), KNOWN, "2026-03-03T10:15:00Z", "").unwrap())
            .unwrap();
    if locked {
        // Sealed as the lock seals them (the encryption itself is the
        // browser's, tried in the browser tests): the open envelope with
        // a nonce and the sealed bytes.
        let documents = file["documents"].as_array_mut().unwrap();
        for document in documents.iter_mut() {
            let kind = document["kind"].as_str().unwrap().to_string();
            if super::super::sealed::is_sealed_key(&document_key(&kind)) {
                let plain = document.to_string();
                let sealed = super::super::sealed::SealedBytes::new(&[7; 12], plain.as_bytes());
                *document =
                    serde_json::from_str(&super::super::sealed::seal_envelope(&plain, sealed))
                        .unwrap();
            }
        }
        let lock = super::super::sealed::LockSettings {
            salt: super::super::sealed::base64(&[1; 16]),
            check: super::super::sealed::SealedBytes::new(&[2; 12], b"check"),
            ..Default::default()
        };
        documents.push(serde_json::from_str(&encode(&lock, 1, "2026-03-03T10:00:00Z")).unwrap());
    }
    file["checksum"] = Value::from(checksum(file["documents"].as_array().unwrap()));
    file
}

fn document_of<'a>(file: &'a mut Value, kind: &str) -> &'a mut Value {
    file["documents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["kind"] == kind)
        .unwrap()
}

fn resummed(mut file: Value) -> String {
    file["checksum"] = Value::from(checksum(file["documents"].as_array().unwrap()));
    file.to_string()
}

#[test]
fn a_locked_backup_with_a_damaged_lock_or_nonce_is_refused_before_any_passphrase() {
    let file = clinic_backup(true);
    let backup = open(&file.to_string(), KNOWN).unwrap();
    assert!(
        backup.sealed_kinds().len() >= 3,
        "the head, its appointments and the log"
    );
    assert!(backup.lock().unwrap().is_some());
    // The clinic cannot be read without its passphrase.
    assert_eq!(
        contents::read(&backup, &[]),
        Err(BackupProblem::LockDamaged)
    );

    let mut no_iv = file.clone();
    document_of(&mut no_iv, "clinic")["sealed"]
        .as_object_mut()
        .unwrap()
        .remove("iv");
    assert_eq!(
        open(&resummed(no_iv), KNOWN).unwrap_err(),
        BackupProblem::SealedDamaged("clinic".into())
    );
    let mut not_base64 = file.clone();
    document_of(&mut not_base64, "clinic")["sealed"]["data"] = Value::from("not*base64!");
    assert_eq!(
        open(&resummed(not_base64), KNOWN).unwrap_err(),
        BackupProblem::SealedDamaged("clinic".into())
    );
    for (field, spoilt) in [
        ("salt", Value::from("")),
        ("iterations", Value::from(4_000_000_000u32)),
        ("iterations", Value::from(10)),
    ] {
        let mut bad = file.clone();
        document_of(&mut bad, "lock")["data"][field] = spoilt;
        let backup = open(&resummed(bad), KNOWN).unwrap();
        assert_eq!(backup.lock(), Err(BackupProblem::LockDamaged), "{field}");
    }
    let mut no_lock = file.clone();
    no_lock["documents"]
        .as_array_mut()
        .unwrap()
        .retain(|d| d["kind"] != "lock");
    let backup = open(&resummed(no_lock), KNOWN).unwrap();
    assert_eq!(backup.lock(), Err(BackupProblem::LockDamaged));
    assert!(BackupProblem::LockDamaged
        .message()
        .contains("lock has been changed or damaged"));
}

#[test]
fn a_plan_locked_on_the_phone_is_backed_up_locked_and_read_back_only_once_opened() {
    let file = clinic_backup(true);
    let text = file.to_string();
    assert!(!text.contains("Sammy"), "the person's plan in clear");
    let backup = open(&text, KNOWN).unwrap();
    assert!(backup.sealed_kinds().contains(&"plans".to_string()));
    assert!(backup.lock().unwrap().is_some());
    let plain = open(&clinic_backup(false).to_string(), KNOWN).unwrap();
    let opened: Vec<(String, String)> = backup
        .sealed_kinds()
        .into_iter()
        .map(|kind| (kind.clone(), plain.document(&kind).unwrap().to_string()))
        .collect();
    let read = backup.with_opened(&opened).unwrap();
    let plans = read.read::<PlanBook>().unwrap().unwrap();
    assert_eq!(plans.plans[0].about.called, "Sam \"Sammy\" O'Neil <b>");
    assert!(contents::read(&backup, &opened)
        .unwrap()
        .problems
        .is_empty());
}

#[test]
fn a_locked_backup_once_opened_is_read_and_checked_like_any_other() {
    let file = clinic_backup(true);
    let plain_file = clinic_backup(false);
    let backup = open(&file.to_string(), KNOWN).unwrap();
    let plain = open(&plain_file.to_string(), KNOWN).unwrap();
    // What the passphrase opens: each locked document's own text.
    let opened: Vec<(String, String)> = backup
        .sealed_kinds()
        .into_iter()
        .map(|kind| (kind.clone(), plain.document(&kind).unwrap().to_string()))
        .collect();
    let read = contents::read(&backup, &opened).unwrap();
    assert_eq!(read.clinic, contents::read(&plain, &[]).unwrap().clinic);
    assert!(read.problems.is_empty());

    // A person whose status the app does not know, inside the locked clinic.
    let mut spoilt = opened.clone();
    let (_, head) = spoilt.iter_mut().find(|(k, _)| k == "clinic").unwrap();
    let mut value: Value = serde_json::from_str(head).unwrap();
    value["data"]["people"][1]["status"] = Value::from("sometimes");
    *head = value.to_string();
    let read = contents::read(&backup, &spoilt).unwrap();
    let named: Vec<String> = read.problems.iter().map(|p| p.message()).collect();
    assert!(named[0].starts_with("The person "), "{named:?}");
    assert!(
        named[0].contains("(number 2 in the backup): it holds a word the app does not know"),
        "{named:?}"
    );
    assert_eq!(read.clinic.as_ref().unwrap().people.len(), 2);
}

#[test]
fn a_restore_can_be_undone_and_gives_back_the_device_word_for_word() {
    let store = super::super::Store::new(device_with_a_plan());
    let device = store.backend();
    device
        .write(
            &document_key("directory"),
            &encode(&crate::domain::directory::Directory::default(), 3, "x"),
        )
        .unwrap();
    let before: Vec<(String, Option<String>)> = device
        .keys()
        .into_iter()
        .map(|k| (k.clone(), device.read(&k).unwrap()))
        .collect();
    let backup = open(&clinic_backup(false).to_string(), KNOWN).unwrap();
    assert_eq!(undoable(device), None);
    restore_keeping_undo(device, KNOWN, &backup, "2026-03-04T09:00:00Z").unwrap();
    assert!(device.read(&document_key("clinic")).unwrap().is_some());
    // The next page's look over what is stored leaves it be.
    assert_eq!(store.sweep(KNOWN, "2026-03-04T09:01:00Z"), vec![]);
    assert_eq!(
        undoable(device),
        Some((
            "2026-03-04T09:00:00Z".to_string(),
            "2026-03-03T10:15:00Z".to_string()
        ))
    );
    undo_restore(device, KNOWN).unwrap();
    let after: Vec<(String, Option<String>)> = device
        .keys()
        .into_iter()
        .map(|k| (k.clone(), device.read(&k).unwrap()))
        .collect();
    assert_eq!(after, before);
    assert_eq!(undoable(device), None);

    // With no room to keep what is there, nothing is restored.
    let full = device_with_a_plan();
    full.set_quota(Some(full.used() + 100));
    let was: Vec<String> = full.keys();
    assert_eq!(
        restore_keeping_undo(&full, KNOWN, &backup, "2026-03-04T09:00:00Z"),
        Err(SaveError::Full)
    );
    assert_eq!(full.keys(), was);
}

#[test]
fn records_that_break_the_rules_are_named_and_the_rest_restored_without_them() {
    let mut file = clinic_backup(false);
    let head = document_of(&mut file, "clinic");
    let people = head["data"]["people"].as_array_mut().unwrap();
    let twin = people[0].clone();
    let first_name = twin["name"].as_str().unwrap().to_string();
    let mut second = twin;
    second["name"] = Value::from("Second Person");
    people.push(second);
    head["data"]["sessions"]["weekly"][0]["times"]["end"] = Value::from(65535);
    let backup = open(&resummed(file), KNOWN).unwrap();
    let read = contents::read(&backup, &[]).unwrap();
    let said: Vec<String> = read.problems.iter().map(|p| p.message()).collect();
    assert!(
        said.iter()
            .any(|s| s.contains("its times are not times of day")),
        "{said:?}"
    );
    assert!(
        said.contains(
            &"Second Person: another person has the same id, so only one of them could be opened"
                .to_string()
        ),
        "{said:?}"
    );
    // The session's appointments go with it, each named.
    assert!(
        said.iter()
            .any(|s| s.contains("it is in a session the clinic does not have")),
        "{said:?}"
    );

    let texts = contents::clinic_texts_without_problems(&backup, &read, "2026-03-04T09:00:00Z");
    let writing = contents::with_clinic_texts(&backup, &texts);
    let device = MemoryBackend::default();
    restore_keeping_undo(&device, KNOWN, &writing, "2026-03-04T09:00:00Z").unwrap();
    let store = super::super::Store::new(device);
    let Loaded::Ready { value: clinic, .. } = store.load::<Clinic>("now") else {
        panic!("the clinic restored does not read");
    };
    assert!(clinic.problems().is_empty());
    assert!(clinic.people.iter().any(|p| p.name == first_name));
    assert!(!clinic.people.iter().any(|p| p.name == "Second Person"));
}

#[test]
fn a_record_left_out_of_a_restore_is_not_deleted_on_another_device_by_a_later_merge() {
    use crate::domain::clinic::merging::{merge_clinics, Ledger};
    let now = "2026-03-03T10:00:00Z";
    // Device A: a clinic with its ledger, backed up.
    let mut file = clinic_backup(false);
    let clinic = contents::read(&open(&file.to_string(), KNOWN).unwrap(), &[])
        .unwrap()
        .clinic
        .unwrap();
    let mut ledger = Ledger::default();
    ledger.stamp(&clinic, now);
    file["documents"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::from_str(&encode(&ledger, 1, now)).unwrap());
    // On its way to device B, one appointment's session is spoilt.
    let year = file["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|d| {
            d["kind"]
                .as_str()
                .filter(|k| k.starts_with("clinic-part-appointments-"))
                .map(str::to_string)
        })
        .unwrap();
    let row = &mut document_of(&mut file, &year)["data"][0];
    let spoilt_id = row[0].as_u64().unwrap();
    row[2] = Value::from(1u64);
    let backup = open(&resummed(file), KNOWN).unwrap();
    let read = contents::read(&backup, &[]).unwrap();
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    let texts = contents::clinic_texts_without_problems(&backup, &read, now);
    let device_b = super::super::Store::new(MemoryBackend::default());
    restore_keeping_undo(
        device_b.backend(),
        KNOWN,
        &contents::with_clinic_texts(&backup, &texts),
        now,
    )
    .unwrap();
    let Loaded::Ready {
        value: clinic_b, ..
    } = device_b.load::<Clinic>(now)
    else {
        panic!("device B's clinic does not read");
    };
    assert!(!clinic_b.bookings.iter().any(|b| b.id == spoilt_id));
    let Loaded::Ready {
        value: mut ledger_b,
        ..
    } = device_b.load::<Ledger>(now)
    else {
        panic!("device B's ledger does not read");
    };
    // B backs up later (its ledger stamped), and A merges B's backup in.
    ledger_b.stamp(&clinic_b, "2026-03-04T10:00:00Z");
    let merged = merge_clinics(
        &clinic,
        &ledger,
        &clinic_b,
        &ledger_b,
        "2026-03-05T10:00:00Z",
    );
    assert!(merged.removed.is_empty(), "{:?}", merged.removed);
    let (after, _) = merged.finish(&[], "2026-03-05T10:00:00Z");
    assert!(
        after.bookings.iter().any(|b| b.id == spoilt_id),
        "A's good copy was deleted"
    );
}

#[test]
fn a_plan_made_at_the_clinic_is_backed_up_restored_and_merged_whole() {
    use crate::domain::clinic::merging::{merge_clinics, Ledger};
    let now = "2026-03-04T09:00:00Z";
    let backup = open(&clinic_backup(false).to_string(), KNOWN).unwrap();
    assert!(backup.document("clinic-part-plans").is_some());
    let read = contents::read(&backup, &[]).unwrap();
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let clinic = read.clinic.unwrap();
    assert_eq!(clinic.plans.len(), 1);
    assert!(!clinic.plans[0].book.plans[0].goals.is_empty());

    let store = super::super::Store::new(MemoryBackend::default());
    restore_keeping_undo(store.backend(), KNOWN, &backup, now).unwrap();
    let Loaded::Ready {
        value: restored, ..
    } = store.load::<Clinic>(now)
    else {
        panic!("the clinic restored does not read");
    };
    assert_eq!(restored.plans, clinic.plans);

    // Merged into a device that had the clinic before the plan was made.
    let mut before = clinic.clone();
    before.plans.clear();
    let mut ledger = Ledger::default();
    ledger.stamp(&before, "2026-03-03T09:00:00Z");
    let merge = merge_clinics(&before, &ledger, &restored, &Ledger::default(), now);
    assert_eq!(merge.added.len(), 1);
    assert!(merge.added[0].starts_with("1 plan: "), "{:?}", merge.added);
    let (merged, _) = merge.finish(&[], now);
    assert_eq!(merged.plans, clinic.plans);
}

#[test]
fn a_plan_that_cannot_be_read_is_named_and_the_rest_restored() {
    let mut file = clinic_backup(false);
    let plans = document_of(&mut file, "clinic-part-plans");
    plans["data"][0]["book"]["plans"][0]["goals"] = Value::from("My garden");
    let backup = open(&resummed(file), KNOWN).unwrap();
    let read = contents::read(&backup, &[]).unwrap();
    let said: Vec<String> = read.problems.iter().map(|p| p.message()).collect();
    assert_eq!(
        said,
        ["The set of plans made at the clinic number 1 in the backup: a detail in it is not of the kind the app keeps there"]
    );
    let clinic = read.clinic.unwrap();
    assert!(clinic.plans.is_empty() && !clinic.people.is_empty());
}
