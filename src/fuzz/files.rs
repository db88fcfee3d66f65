//! The files a volunteer or the practice hands the app: a backup from
//! another device, a council's Open Referral UK list, `config.json`, and
//! the `volunteers.json` a practice puts on its website.

use super::{fuzz, text};
use crate::domain::config::{LoadedConfig, PracticeConfig};
use crate::domain::directory::oruk;
use crate::domain::sample::{generate, Size};
use crate::store::backup::{self, contents};
use crate::store::documents::KNOWN;
use crate::store::{MemoryBackend, Store};
use serde_json::Value;

const NOW: &str = "2026-03-03T10:00:00Z";

/// A backup of a small device: a clinic with its people and appointments,
/// the directory and a plan, as the backup page makes it.
fn backup_file() -> Vec<u8> {
    let size = Size {
        people: 3,
        appointments: 6,
        log_entries: 3,
        services: 2,
        plans: 1,
    };
    let mut sample = generate(11, size);
    sample.clinic.rota.truncate(2);
    sample.clinic.volunteers.truncate(2);
    let store = Store::new(MemoryBackend::default());
    store.save(&sample.clinic, 0, NOW).unwrap();
    store.save(&sample.directory, 0, NOW).unwrap();
    store.save(&sample.plans, 0, NOW).unwrap();
    backup::make(store.backend(), KNOWN, NOW, "Reception PC")
        .unwrap()
        .into_bytes()
}

/// What the restore page does before it writes anything: checks the file,
/// then reads every document and record in it.
fn restorable(file: &str) -> bool {
    backup::open(file, KNOWN).is_ok_and(|opened| contents::read(&opened, &[]).is_ok())
}

#[test]
fn a_backup_file_spoiled_or_made_up_never_panics_and_is_refused_with_a_reason() {
    let file = backup_file();
    fuzz("backup file", 7, std::slice::from_ref(&file), |input| {
        restorable(&text(input))
    });
    // Anyone can work out a checksum: spoiled files with theirs made to
    // match get past it, to the reading of each document and record.
    fuzz("backup file, checksum made to match", 8, &[file], |input| {
        let mut value: Value = match serde_json::from_slice(input) {
            Ok(value) => value,
            Err(_) => return restorable(&text(input)),
        };
        if let Some(documents) = value.get("documents").and_then(Value::as_array) {
            value["checksum"] = Value::from(backup::checksum(documents));
        }
        restorable(&value.to_string())
    });
}

#[test]
fn an_open_referral_file_spoiled_or_made_up_never_panics_and_is_refused_with_a_reason() {
    let size = Size {
        people: 1,
        appointments: 0,
        log_entries: 0,
        services: 6,
        plans: 0,
    };
    let services = generate(12, size).directory.services;
    let file = oruk::write(&services).into_bytes();
    let existing = &services[..3];
    fuzz("Open Referral UK file", 9, &[file], |input| {
        // What the import page shows: every message can be put in words.
        match oruk::preview(existing, &text(input)) {
            Ok(_) => true,
            Err(problem) => {
                assert!(!problem.message().is_empty());
                false
            }
        }
    });
}

#[test]
fn a_config_file_spoiled_or_made_up_never_panics_and_each_slip_is_named() {
    let example = include_bytes!("../../public/config.example.json").to_vec();
    fuzz("config.json", 10, &[example], |input| {
        let loaded = LoadedConfig::from_json(&text(input));
        for problem in &loaded.problems {
            assert!(!problem.message().is_empty());
        }
        // Read means every setting was taken and nothing was wrong.
        loaded.problems.is_empty() && loaded.config != PracticeConfig::default()
    });
}

#[test]
fn a_faces_file_spoiled_or_made_up_never_panics_and_shows_only_kept_photos() {
    use crate::domain::clinic::faces::{faces_file, is_kept_photo, read_faces_file, Face};
    let face = |name: &str, photo: Option<&str>| Face {
        name: name.to_string(),
        about: "I like walking.".to_string(),
        photo: photo.map(str::to_string),
    };
    let file = faces_file(&[
        face("Jo", Some("data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==")),
        face("Kim", None),
    ]);
    fuzz("volunteers.json", 12, &[file.into_bytes()], |input| {
        let faces = read_faces_file(&text(input));
        assert!(faces.iter().all(|f| !f.name.is_empty()));
        assert!(faces
            .iter()
            .flat_map(|f| &f.photo)
            .all(|p| is_kept_photo(p)));
        !faces.is_empty()
    });
}
