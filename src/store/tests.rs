//! The storage rules, told as what happens to a person's data.

use super::*;
use envelope::encode;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A small document with one migration, standing in for the app's real ones.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Note {
    text: String,
    pinned: bool,
}

impl Document for Note {
    const KIND: &'static str = "test-note";
    const VERSION: u32 = 2;

    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        match from {
            // Version 1 called the text "words" and had no pin.
            1 => {
                let words = data
                    .get("words")
                    .and_then(Value::as_str)
                    .ok_or("no words")?;
                Ok(json!({ "text": words, "pinned": false }))
            }
            _ => Err(format!("there is no way to read version {from}")),
        }
    }
}

const NOW: &str = "2026-11-22T09:00:00Z";

fn note(text: &str) -> Note {
    Note {
        text: text.to_string(),
        pinned: false,
    }
}

#[test]
fn nothing_stored_loads_as_empty() {
    let store = Store::new(MemoryBackend::default());
    assert_eq!(store.load::<Note>(NOW), Loaded::Empty);
}

#[test]
fn a_saved_document_loads_back_at_its_revision() {
    let store = Store::new(MemoryBackend::default());
    let revision = store.save(&note("Join the walking group"), 0, NOW).unwrap();
    assert_eq!(revision, 1);
    assert_eq!(
        store.load::<Note>(NOW),
        Loaded::Ready {
            value: note("Join the walking group"),
            revision: 1,
            migrated_from: None
        }
    );
}

#[test]
fn a_version_1_note_from_the_fixture_is_migrated_on_load() {
    let fixture = include_str!("fixtures/note-v1.json");
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", fixture)]));
    assert_eq!(
        store.load::<Note>(NOW),
        Loaded::Ready {
            value: note("Walk to the park on Tuesday"),
            revision: 4,
            migrated_from: Some(1)
        }
    );
}

#[test]
fn damaged_data_is_kept_aside_word_for_word_and_never_lost() {
    let damaged = r#"{"kind":"test-note","version":2,"revision":3,"data":{"text":"Ring the"#;
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", damaged)]));

    let Loaded::KeptAside(copy) = store.load::<Note>(NOW) else {
        panic!("not kept aside")
    };
    assert_eq!(copy.raw, damaged);
    assert_eq!(copy.kind, "test-note");
    assert_eq!(
        copy.file_name(),
        "social-prescribing-test-note-kept-2026-11-22.txt"
    );
    assert_eq!(store.kept_copies(), vec![copy]);

    // The document starts again and a new save does not touch the kept copy.
    assert_eq!(store.load::<Note>(NOW), Loaded::Empty);
    store.save(&note("New start"), 0, NOW).unwrap();
    assert_eq!(store.kept_copies()[0].raw, damaged);
}

#[test]
fn data_from_a_newer_version_of_the_app_is_kept_aside_not_overwritten() {
    let newer =
        r#"{"kind":"test-note","version":3,"revision":9,"data":{"text":"x","colour":"red"}}"#;
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", newer)]));
    let Loaded::KeptAside(copy) = store.load::<Note>(NOW) else {
        panic!("not kept aside")
    };
    assert_eq!(copy.raw, newer);
    assert!(copy.reason.contains("newer version"));
}

#[test]
fn an_old_version_that_cannot_be_migrated_is_kept_aside() {
    let old = r#"{"kind":"test-note","version":1,"revision":1,"data":{"something":"else"}}"#;
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", old)]));
    assert!(matches!(store.load::<Note>(NOW), Loaded::KeptAside(_)));
}

#[test]
fn unreadable_data_that_cannot_be_moved_aside_stays_where_it_is() {
    let damaged = "not json at all";
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", damaged)]));
    store.backend().fail_writes(Some(SaveError::Full));

    assert!(matches!(
        store.load::<Note>(NOW),
        Loaded::Stuck(Unreadable::Corrupt(_))
    ));
    assert_eq!(
        store.backend().read("sp.test-note").unwrap().as_deref(),
        Some(damaged)
    );
    // And a save cannot write over it either.
    store.backend().fail_writes(None);
    assert_eq!(
        store.save(&note("x"), 0, NOW),
        Err(SaveProblem::UnreadableInTheWay)
    );
    assert_eq!(
        store.backend().read("sp.test-note").unwrap().as_deref(),
        Some(damaged)
    );
}

#[test]
fn a_full_storage_is_reported_and_the_last_good_copy_stays() {
    let store = Store::new(MemoryBackend::default());
    store.save(&note("First"), 0, NOW).unwrap();
    store.backend().fail_writes(Some(SaveError::Full));

    let problem = store.save(&note("Second"), 1, NOW).unwrap_err();
    assert_eq!(problem, SaveProblem::NotStored(SaveError::Full));
    assert!(problem.message().contains("storage for this app is full"));
    assert!(problem.message().contains("still on this page"));
    assert!(
        matches!(store.load::<Note>(NOW), Loaded::Ready { value, .. } if value == note("First"))
    );
}

#[test]
fn a_save_over_a_newer_copy_from_another_tab_is_refused() {
    let store = Store::new(MemoryBackend::default());
    // Two tabs load the same empty document; the first saves.
    store.save(&note("From tab one"), 0, NOW).unwrap();
    // The second, still at revision 0, must not overwrite it.
    assert_eq!(
        store.save(&note("From tab two"), 0, NOW),
        Err(SaveProblem::ChangedElsewhere)
    );
    assert!(matches!(
        store.load::<Note>(NOW),
        Loaded::Ready { value, revision: 1, .. } if value == note("From tab one")
    ));
    // When the person chooses their own version, it is saved over the newer one.
    let current = store.current_revision::<Note>().unwrap();
    assert_eq!(store.save(&note("From tab two"), current, NOW), Ok(2));
}

#[test]
fn the_sweep_keeps_aside_damaged_documents_and_leaves_good_and_foreign_ones() {
    let good = envelope::encode(&note("Fine"), 2, NOW);
    let from_newer_app = r#"{"kind":"diary","version":7,"revision":1,"data":[]}"#;
    let newer_note = r#"{"kind":"other-note","version":3,"revision":1,"data":{}}"#;
    let store = Store::new(MemoryBackend::with(&[
        ("sp.test-note", good.as_str()),
        ("sp.diary", from_newer_app),
        ("sp.referral", "{broken"),
        ("sp.other-note", newer_note),
        ("someone-elses-key", "{broken"),
    ]));

    let kept = store.sweep(
        &[
            KnownKind::of::<Note>(),
            KnownKind {
                kind: "other-note",
                version: 2,
                parts: false,
            },
        ],
        NOW,
    );

    let kinds: Vec<&str> = kept.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, vec!["other-note", "referral"]);
    assert_eq!(kept[1].raw, "{broken");
    assert!(kept[0].reason.contains("newer version"));
    let backend = store.backend();
    assert_eq!(backend.read("sp.referral").unwrap(), None);
    assert_eq!(backend.read("sp.test-note").unwrap(), Some(good));
    assert_eq!(
        backend.read("sp.diary").unwrap().as_deref(),
        Some(from_newer_app)
    );
    assert_eq!(
        backend.read("someone-elses-key").unwrap().as_deref(),
        Some("{broken")
    );
    // Sweeping again finds nothing new, and the kept copy is not swept.
    assert_eq!(store.sweep(&[KnownKind::of::<Note>()], NOW), vec![]);
    assert_eq!(store.kept_copies().len(), 2);
}

#[test]
fn two_copies_kept_in_the_same_second_do_not_overwrite_each_other() {
    let store = Store::new(MemoryBackend::with(&[("sp.a", "{x"), ("sp.b", "{y")]));
    store.sweep(&[], NOW);
    store.backend().write("sp.a", "{z").unwrap();
    store.sweep(&[], NOW);
    let raws: Vec<String> = store.kept_copies().into_iter().map(|c| c.raw).collect();
    assert_eq!(raws.len(), 3);
    for raw in ["{x", "{y", "{z"] {
        assert!(raws.contains(&raw.to_string()));
    }
}

#[test]
fn a_kept_copy_is_removed_only_when_asked() {
    let store = Store::new(MemoryBackend::with(&[("sp.a", "{x")]));
    let kept = store.sweep(&[], NOW);
    store.remove_kept(&kept[0]).unwrap();
    assert_eq!(store.kept_copies(), vec![]);
}

#[test]
fn deleting_a_document_really_removes_it() {
    let store = Store::new(MemoryBackend::default());
    store.save(&note("Private"), 0, NOW).unwrap();
    store.remove::<Note>().unwrap();
    assert_eq!(store.backend().keys(), Vec::<String>::new());
    assert_eq!(store.load::<Note>(NOW), Loaded::Empty);
}

/// A second kind, to save alongside a note.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Tally(u32);

impl Document for Tally {
    const KIND: &'static str = "test-tally";
    const VERSION: u32 = 1;
}

#[test]
fn two_documents_saved_together_are_both_stored_or_neither_is() {
    let store = Store::new(MemoryBackend::default());
    let first = store.save(&note("before"), 0, NOW).unwrap();

    store
        .save_all(
            &[
                Pending::new(&note("merged"), first),
                Pending::new(&Tally(3), 0),
            ],
            NOW,
        )
        .unwrap();
    assert!(
        matches!(store.load::<Note>(NOW), Loaded::Ready { value, revision: 2, .. } if value == note("merged"))
    );
    assert!(matches!(
        store.load::<Tally>(NOW),
        Loaded::Ready {
            value: Tally(3),
            ..
        }
    ));

    // Room for the note, not for the tally after it: the note is put back.
    let backend = store.backend();
    backend.set_quota(Some(backend.used() + 3));
    let too_big = Tally(u32::MAX);
    let failed = store.save_all(
        &[Pending::new(&note("lost?"), 2), Pending::new(&too_big, 1)],
        NOW,
    );
    assert!(matches!(failed, Err(SaveProblem::NotStored(_))));
    assert!(
        matches!(store.load::<Note>(NOW), Loaded::Ready { value, revision: 2, .. } if value == note("merged"))
    );

    // Another tab saved the tally meanwhile: nothing is written over it.
    backend.set_quota(None);
    store.save(&Tally(4), 1, NOW).unwrap();
    let stale = store.save_all(
        &[Pending::new(&note("stale"), 2), Pending::new(&Tally(5), 1)],
        NOW,
    );
    assert_eq!(stale, Err(SaveProblem::ChangedElsewhere));
    assert!(
        matches!(store.load::<Note>(NOW), Loaded::Ready { value, .. } if value == note("merged"))
    );
}

#[test]
fn an_envelopes_own_fields_are_read_from_its_start_without_its_data() {
    use envelope::{quick_head, Body};
    let long = "x".repeat(100_000);
    let text = encode(&note(&long), 7, "2026-03-02T09:00:00Z");
    let (head, body) = quick_head(&text).expect("written by this app");
    assert_eq!(
        (head.kind.as_str(), head.version, head.revision),
        ("test-note", 2, 7)
    );
    assert_eq!(body, Body::Data);
    assert_eq!(peek_revision(&text), Some(7));
    // A revision is read through the backend's peek, as the browser's store reads it.
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", &text)]));
    assert_eq!(store.current_revision::<Note>(), Ok(7));
}

#[test]
fn an_envelope_written_another_way_is_still_read_whole() {
    let text = r#"{"data":{"text":"hi"},"revision":4,"version":2,"kind":"test-note"}"#;
    assert!(envelope::quick_head(text).is_none());
    assert_eq!(peek_revision(text), Some(4));
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", text)]));
    assert_eq!(store.current_revision::<Note>(), Ok(4));
}

#[test]
fn an_envelope_cut_short_is_not_taken_for_one_from_its_start() {
    let text = encode(&note("the whole note"), 3, "2026-03-02T09:00:00Z");
    let cut = &text[..text.len() - 5];
    assert_eq!(peek_revision(cut), None);
    let store = Store::new(MemoryBackend::with(&[("sp.test-note", cut)]));
    assert_eq!(
        store.current_revision::<Note>(),
        Err(SaveProblem::UnreadableInTheWay)
    );
    let kept = store.sweep(&[KnownKind::of::<Note>()], "2026-03-02T09:00:00Z");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].raw, cut);
}

#[test]
fn a_change_not_written_for_want_of_space_says_the_storage_is_full_and_to_keep_the_tab() {
    let full = SaveError::Full.not_written_message();
    assert!(full.contains("this device’s storage for this app is full"));
    assert!(full.ends_with("They are still in this tab, so do not close it."));
    let blocked = SaveError::Unavailable.not_written_message();
    assert!(blocked.contains("the browser would not store them"));
    assert!(blocked.ends_with("They are still in this tab, so do not close it."));
}
