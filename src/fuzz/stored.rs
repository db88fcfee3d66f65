//! What the app finds stored in the browser, which another tab, an older or
//! newer version, a full disk or a person with the browser's tools may have
//! left spoiled: each document's envelope, and each part of the clinic.
//! Nothing panics, and what cannot be read is kept aside byte for byte.

use super::{fuzz, text};
use crate::domain::clinic::Clinic;
use crate::domain::directory::Directory;
use crate::domain::plan::PlanBook;
use crate::domain::sample::{generate, Size};
use crate::store::{document_key, Backend, Document, Loaded, MemoryBackend, Store};

const NOW: &str = "2026-03-03T10:00:00Z";

/// Stores `stored` (every key of a device) with `key` spoiled as `input`,
/// then loads the document whole as a page does. It is read if it loads
/// with nothing kept aside; whatever happens, the spoiled text is not lost:
/// it is kept aside byte for byte, or left where it was.
fn loaded<D: Document>(stored: &[(String, String)], key: &str, input: &str) -> bool {
    let backend = MemoryBackend::default();
    for (k, v) in stored {
        backend
            .write_as_stored(k, if k == key { input } else { v })
            .unwrap();
    }
    let store = Store::new(backend);
    let read = match store.load::<D>(NOW) {
        Loaded::Ready { mut value, .. } => store.complete(&mut value, NOW).is_ok(),
        Loaded::KeptAside(copy) => {
            assert!(!copy.reason.is_empty());
            false
        }
        Loaded::Stuck(_) => false,
        Loaded::Empty => panic!("{key}: a stored document was taken as nothing stored"),
    };
    let kept = store.kept_copies();
    let still_there = store.backend().read_as_stored(key).unwrap().as_deref() == Some(input);
    assert!(
        still_there || kept.iter().any(|c| c.raw == input),
        "{key}: the spoiled text was lost"
    );
    read && kept.is_empty()
}

fn device() -> Vec<(String, String)> {
    let size = Size {
        people: 3,
        appointments: 6,
        log_entries: 3,
        services: 3,
        plans: 2,
    };
    let mut sample = generate(13, size);
    sample.clinic.rota.truncate(3);
    let store = Store::new(MemoryBackend::default());
    store.save(&sample.clinic, 0, NOW).unwrap();
    store.save(&sample.directory, 0, NOW).unwrap();
    store.save(&sample.plans, 0, NOW).unwrap();
    let backend = store.backend();
    let mut keys = backend.keys();
    keys.sort();
    keys.into_iter()
        .map(|k| {
            let v = backend.read_as_stored(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

fn spoil<D: Document>(name: &str, seed: u64, stored: &[(String, String)], key: &str) {
    let valid = stored
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone().into_bytes());
    let valid = valid.unwrap_or_else(|| panic!("{key} is not stored"));
    fuzz(name, seed, &[valid], |input| {
        loaded::<D>(stored, key, &text(input))
    });
}

#[test]
fn stored_documents_spoiled_or_made_up_never_panic_and_are_kept_aside_whole() {
    let stored = device();
    spoil::<PlanBook>("stored plans", 14, &stored, &document_key(PlanBook::KIND));
    spoil::<Directory>(
        "stored directory",
        15,
        &stored,
        &document_key(Directory::KIND),
    );
    spoil::<Clinic>(
        "stored clinic's head",
        16,
        &stored,
        &document_key(Clinic::KIND),
    );
    // The clinic's other parts: its appointments a year at a time, its log.
    let parts: Vec<String> = stored
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| k.starts_with(&document_key(Clinic::KIND)) && *k != document_key(Clinic::KIND))
        .collect();
    assert!(
        !parts.is_empty(),
        "the clinic is stored in parts: {:?}",
        stored.iter().map(|(k, _)| k).collect::<Vec<_>>()
    );
    for (n, part) in parts.iter().enumerate().take(2) {
        spoil::<Clinic>(
            &format!("stored clinic part {part}"),
            17 + n as u64,
            &stored,
            part,
        );
    }
}
