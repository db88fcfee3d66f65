//! The clinic stored in parts: what is written, what is read, and what
//! survives a part that is missing, damaged or from another version.

use super::*;
use crate::domain::sample::{generate, Size};
use crate::store::backup;
use crate::store::documents::KNOWN;
use crate::store::{document_key, Backend, Loaded, MemoryBackend, Store};

const NOW: &str = "2026-03-03T10:00:00Z";

/// A clinic with appointments in 2019, 2020 and the sample's own years.
fn clinic() -> Clinic {
    let size = Size {
        people: 30,
        appointments: 300,
        log_entries: 120,
        services: 0,
        plans: 0,
    };
    let mut clinic = generate(9, size).clinic;
    for (n, booking) in clinic
        .bookings
        .iter_mut()
        .enumerate()
        .filter(|(n, _)| n % 5 == 0)
    {
        booking
            .date
            .replace_range(..4, if n % 2 == 0 { "2019" } else { "2020" });
    }
    clinic
}

fn saved(clinic: &Clinic) -> Store<MemoryBackend> {
    let store = Store::new(MemoryBackend::default());
    store.save(clinic, 0, NOW).unwrap();
    store
}

fn stored(store: &Store<MemoryBackend>, kind: &str) -> Option<String> {
    store.backend().read(&document_key(kind)).unwrap()
}

/// The clinic read, its revision, and the version it was read from.
fn read_with_version(loaded: Loaded<Clinic>) -> (Clinic, u64, Option<u32>) {
    match loaded {
        Loaded::Ready {
            value,
            revision,
            migrated_from,
        } => (value, revision, migrated_from),
        other => panic!("not read: {other:?}"),
    }
}

fn ready(loaded: Loaded<Clinic>) -> Clinic {
    match loaded {
        Loaded::Ready { value, .. } => value,
        other => panic!("not read: {other:?}"),
    }
}

#[test]
fn a_clinic_is_stored_as_its_head_each_year_and_its_log_and_read_back_the_same() {
    let clinic = clinic();
    let store = saved(&clinic);
    let mut keys = store.backend().keys();
    keys.sort();
    assert!(keys.contains(&"sp.clinic".to_string()));
    assert!(keys.contains(&"sp.clinic-part-appointments-2019".to_string()));
    assert!(keys.contains(&"sp.clinic-part-appointments-2020".to_string()));
    assert!(keys.contains(&"sp.clinic-part-log".to_string()));
    let head = stored(&store, "clinic").unwrap();
    assert!(!head.contains("\"bookings\"") && !head.contains("\"log\""));
    assert_eq!(ready(store.load::<Clinic>(NOW)), clinic.as_read_back());
}

/// The clinic with a plan made with its first person.
fn clinic_with_a_plan() -> Clinic {
    let mut clinic = clinic();
    let sam = clinic.people[0].id;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    clinic.plans_of_mut(sam).start("plan-1", today);
    clinic.newest_plan_mut(sam).unwrap().about.matters = "My garden".into();
    clinic
}

#[test]
fn the_plans_made_at_the_clinic_are_stored_in_their_own_part_and_read_back() {
    let clinic = clinic_with_a_plan();
    let store = saved(&clinic);
    assert!(stored(&store, PLANS_KIND).unwrap().contains("My garden"));
    assert!(!stored(&store, "clinic").unwrap().contains("My garden"));
    assert_eq!(ready(store.load::<Clinic>(NOW)), clinic.as_read_back());
    assert_eq!(
        in_words(PLANS_KIND).as_deref(),
        Some("plans made at the clinic")
    );
}

#[test]
fn the_day_view_neither_reads_nor_writes_the_plans() {
    let clinic = clinic_with_a_plan();
    let store = saved(&clinic);
    let plans = stored(&store, PLANS_KIND);
    let mut part =
        ready(store.load_narrowed::<Clinic>(NOW, |c| c.held = Held::Year("2019".to_string())));
    assert!(part.plans.is_empty());
    part.people[0].name = "Sam Jones".into();
    store.save(&part, 1, NOW).unwrap();
    assert_eq!(stored(&store, PLANS_KIND), plans);
    let read = ready(store.load::<Clinic>(NOW));
    assert_eq!(read.plans, clinic.plans);
}

#[test]
fn a_change_to_a_plan_writes_the_plans_and_the_head_only() {
    let mut clinic = clinic_with_a_plan();
    let store = saved(&clinic);
    let log = stored(&store, LOG_KIND);
    let in_2019 = stored(&store, &appointments_kind("2019"));
    let sam = clinic.people[0].id;
    clinic.newest_plan_mut(sam).unwrap().about.going_well = "Walking".into();
    store.save(&clinic, 1, NOW).unwrap();
    assert_eq!(stored(&store, LOG_KIND), log);
    assert_eq!(stored(&store, &appointments_kind("2019")), in_2019);
    assert!(stored(&store, PLANS_KIND).unwrap().contains("Walking"));
}

#[test]
fn the_day_view_reads_the_head_and_one_year_and_the_rest_comes_after() {
    let clinic = clinic();
    let store = saved(&clinic);
    let mut part =
        ready(store.load_narrowed::<Clinic>(NOW, |c| c.held = Held::Year("2019".to_string())));
    assert!(!part.is_whole());
    assert_eq!(part.people.len(), clinic.people.len());
    assert!(part.bookings.iter().all(|b| b.date.starts_with("2019")));
    let in_2019 = clinic
        .bookings
        .iter()
        .filter(|b| b.date.starts_with("2019"))
        .count();
    assert_eq!(part.bookings.len(), in_2019);
    assert!(part.people.iter().all(|p| p.log.is_empty()));
    store.complete(&mut part, NOW).unwrap();
    assert!(part.is_whole());
    let mut whole = clinic.as_read_back();
    // The held year first, then the rest in order.
    whole.bookings.sort_by_key(|b| b.id);
    part.bookings.sort_by_key(|b| b.id);
    assert_eq!(part, whole);
}

#[test]
fn a_clinic_read_for_one_year_saves_only_that_year_and_leaves_the_rest_as_stored() {
    let clinic = clinic();
    let store = saved(&clinic);
    let log = stored(&store, LOG_KIND);
    let in_2020 = stored(&store, &appointments_kind("2020"));
    let mut part =
        ready(store.load_narrowed::<Clinic>(NOW, |c| c.held = Held::Year("2019".to_string())));
    let cancelled = part.bookings[0].id;
    part.bookings.retain(|b| b.id != cancelled);
    store.save(&part, 1, NOW).unwrap();
    assert_eq!(stored(&store, LOG_KIND), log);
    assert_eq!(stored(&store, &appointments_kind("2020")), in_2020);
    let read = ready(store.load::<Clinic>(NOW));
    assert_eq!(read.bookings.len(), clinic.bookings.len() - 1);
    assert_eq!(read.people, clinic.people);
}

#[test]
fn a_part_that_has_not_changed_is_written_word_for_word_as_before() {
    let mut clinic = clinic();
    let store = saved(&clinic);
    let in_2019 = stored(&store, &appointments_kind("2019"));
    let log = stored(&store, LOG_KIND);
    let head = stored(&store, "clinic");
    clinic.people[0].name = "Sam Jones".to_string();
    store.save(&clinic, 1, "2026-03-04T10:00:00Z").unwrap();
    assert_eq!(stored(&store, &appointments_kind("2019")), in_2019);
    assert_eq!(stored(&store, LOG_KIND), log);
    assert_ne!(stored(&store, "clinic"), head);
}

#[test]
fn a_year_whose_appointments_are_all_deleted_is_stored_empty() {
    let mut clinic = clinic();
    let store = saved(&clinic);
    clinic.bookings.retain(|b| !b.date.starts_with("2020"));
    store.save(&clinic, 1, NOW).unwrap();
    let read = ready(store.load::<Clinic>(NOW));
    assert!(read.bookings.iter().all(|b| !b.date.starts_with("2020")));
    assert_eq!(read.bookings.len(), clinic.bookings.len());
}

#[test]
fn a_clinic_stored_whole_by_version_1_is_read_whole_and_saved_in_parts() {
    let clinic = clinic();
    let whole = crate::store::envelope::encode_as::<Clinic>(&clinic, 3, NOW)
        .replace("\"version\":2", "\"version\":1");
    // A part found with it (left by a later version) is not the old
    // clinic's: it is kept aside, not read into it nor written over.
    let stray = encode_part(
        &appointments_kind("2031"),
        PART_VERSION,
        &Rows(&clinic.bookings[..1]),
    );
    let store = Store::new(MemoryBackend::with(&[
        ("sp.clinic", &whole),
        ("sp.clinic-part-appointments-2031", &stray),
    ]));
    let (value, revision, migrated_from) = read_with_version(store.load::<Clinic>(NOW));
    assert_eq!((revision, migrated_from), (3, Some(1)));
    assert_eq!(value, clinic);
    let kept = store.kept_copies();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].kind.as_str(), kept[0].raw.as_str()),
        ("clinic-part-appointments-2031", stray.as_str())
    );
    store.save(&value, 3, NOW).unwrap();
    assert!(!stored(&store, "clinic").unwrap().contains("\"bookings\""));
    assert_eq!(
        ready(store.load::<Clinic>(NOW)).bookings.len(),
        clinic.bookings.len()
    );
}

#[test]
fn a_clinic_saved_by_version_1_is_read_from_its_file_and_stored_in_parts() {
    let fixture = include_str!("../fixtures/clinic-v1.json");
    let store = Store::new(MemoryBackend::with(&[("sp.clinic", fixture)]));
    let (value, revision, migrated_from) = read_with_version(store.load::<Clinic>(NOW));
    assert_eq!((revision, migrated_from), (7, Some(1)));
    assert_eq!(value.people[0].log[0].note, "Called, booked in");
    assert_eq!(value.bookings.len(), 2);
    store.save(&value, 7, NOW).unwrap();
    let mut keys = store.backend().keys();
    keys.sort();
    assert_eq!(
        keys,
        [
            "sp.clinic",
            "sp.clinic-part-appointments-2024",
            "sp.clinic-part-appointments-2025",
            "sp.clinic-part-log",
            "sp.clinic-part-plans"
        ]
    );
    assert_eq!(ready(store.load::<Clinic>(NOW)), value);
}

#[test]
fn a_damaged_part_is_kept_aside_and_the_rest_of_the_clinic_reads() {
    let clinic = clinic();
    let store = saved(&clinic);
    store
        .backend()
        .write(&document_key(&appointments_kind("2019")), "{\"kind\":\"clinic-part-appointments-2019\",\"version\":1,\"revision\":0,\"data\":[[1,2")
        .unwrap();
    let read = ready(store.load::<Clinic>(NOW));
    assert!(read.bookings.iter().all(|b| !b.date.starts_with("2019")));
    assert!(read.bookings.iter().any(|b| b.date.starts_with("2020")));
    let kept = store.kept_copies();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].kind, "clinic-part-appointments-2019");
    assert_eq!(
        in_words(&kept[0].kind).as_deref(),
        Some("clinic appointments in 2019")
    );
}

#[test]
fn a_damaged_head_is_kept_aside_with_every_part_and_a_new_clinic_writes_over_none() {
    let clinic = clinic();
    let store = saved(&clinic);
    let parts = store.backend().keys().len() - 1;
    store
        .backend()
        .write(
            "sp.clinic",
            "{\"kind\":\"clinic\",\"version\":2,\"revision\":1,\"data\":{\"people\":[",
        )
        .unwrap();
    assert!(matches!(store.load::<Clinic>(NOW), Loaded::KeptAside(_)));
    assert_eq!(store.kept_copies().len(), parts + 1);
    let mut fresh = Clinic::default();
    fresh.people.push(clinic.people[0].clone());
    store.save(&fresh, 0, NOW).unwrap();
    let kept: usize = store
        .kept_copies()
        .iter()
        .filter(|k| k.raw.contains("clinic-part-appointments"))
        .count();
    // Every part but the log and the plans holds a year.
    assert_eq!(kept, parts - 2, "every year kept as it was");
}

#[test]
fn parts_without_their_head_are_kept_aside_not_written_over() {
    let store = saved(&clinic());
    store.backend().remove("sp.clinic").unwrap();
    assert_eq!(store.load::<Clinic>(NOW), Loaded::Empty);
    assert!(store
        .backend()
        .keys()
        .iter()
        .all(|k| k.starts_with("sp.kept.")));
    assert!(!store.kept_copies().is_empty());
}

#[test]
fn removing_the_clinic_removes_every_part() {
    let store = saved(&clinic());
    store.remove::<Clinic>().unwrap();
    assert_eq!(store.backend().keys(), Vec::<String>::new());
}

#[test]
fn a_restore_leaves_no_part_the_backup_does_not_have() {
    let mut older = clinic();
    older.bookings.retain(|b| !b.date.starts_with("2020"));
    let file = backup::make(saved(&older).backend(), KNOWN, NOW, "").unwrap();
    let device = saved(&clinic());
    backup::restore(device.backend(), &backup::open(&file, KNOWN).unwrap()).unwrap();
    assert_eq!(stored(&device, &appointments_kind("2020")), None);
    assert_eq!(ready(device.load::<Clinic>(NOW)), older.as_read_back());
}

#[test]
fn a_part_from_a_newer_version_is_kept_aside_when_the_app_opens() {
    let store = saved(&clinic());
    let key = document_key(&appointments_kind("2019"));
    let newer = stored(&store, &appointments_kind("2019"))
        .unwrap()
        .replace("\"version\":1", "\"version\":9");
    store.backend().write(&key, &newer).unwrap();
    let kept = store.sweep(KNOWN, NOW);
    assert_eq!(kept.len(), 1);
    assert_eq!(store.backend().read(&key).unwrap(), None);
}

/// Marks the stored part `kind` (its text still reads), so a test can
/// tell whether a save wrote it again.
fn mark(store: &Store<MemoryBackend>, kind: &str) -> String {
    let marked =
        stored(store, kind)
            .unwrap()
            .replacen("\"saved_at\":\"\"", "\"saved_at\":\"marked\"", 1);
    store.backend().write(&document_key(kind), &marked).unwrap();
    marked
}

#[test]
fn a_change_to_one_appointment_writes_the_head_and_that_year_only() {
    let store = saved(&clinic());
    let mut read = ready(store.load::<Clinic>(NOW));
    let untouched = [
        mark(&store, &appointments_kind("2020")),
        mark(&store, LOG_KIND),
    ];
    let changed = mark(&store, &appointments_kind("2019"));
    let booking = read
        .bookings
        .iter_mut()
        .find(|b| b.date.starts_with("2019"))
        .unwrap();
    booking.reminder_sent = !booking.reminder_sent;
    store.save(&read, 1, NOW).unwrap();
    assert_eq!(
        stored(&store, &appointments_kind("2020")).unwrap(),
        untouched[0]
    );
    assert_eq!(stored(&store, LOG_KIND).unwrap(), untouched[1]);
    assert_ne!(stored(&store, &appointments_kind("2019")).unwrap(), changed);
    assert_eq!(ready(store.load::<Clinic>(NOW)), read);
}

#[test]
fn a_save_that_was_not_stored_is_written_whole_next_time() {
    let store = saved(&clinic());
    let mut read = ready(store.load::<Clinic>(NOW));
    read.people[0].log.push(LogEntry {
        id: 7,
        note: "Called back".to_string(),
        ..LogEntry::default()
    });
    store
        .backend()
        .fail_writes(Some(crate::store::SaveError::Full));
    assert!(store.save(&read, 1, NOW).is_err());
    store.backend().fail_writes(None);
    store.save(&read, 1, NOW).unwrap();
    assert!(stored(&store, LOG_KIND).unwrap().contains("Called back"));
}

#[test]
fn once_another_tabs_copy_is_stored_every_part_of_this_one_is_written() {
    let store = saved(&clinic());
    let read = ready(store.load::<Clinic>(NOW));
    let theirs = mark(&store, &appointments_kind("2020"));
    read.forget_stored();
    store.save(&read, 1, NOW).unwrap();
    assert_ne!(stored(&store, &appointments_kind("2020")).unwrap(), theirs);
}

#[test]
fn a_log_whose_person_has_gone_is_dropped_at_the_next_save() {
    let mut clinic = clinic();
    let store = saved(&clinic);
    let gone = clinic
        .people
        .iter()
        .position(|p| !p.log.is_empty())
        .unwrap();
    clinic.people.remove(gone);
    let head = crate::store::envelope::encode_as::<Clinic>(&clinic.head(), 1, NOW);
    store.backend().write("sp.clinic", &head).unwrap();
    let read = ready(store.load::<Clinic>(NOW));
    store.save(&read, 1, NOW).unwrap();
    let logged = clinic.people.iter().filter(|p| !p.log.is_empty()).count();
    let log: serde_json::Value = serde_json::from_str(&stored(&store, LOG_KIND).unwrap()).unwrap();
    assert_eq!(log["data"].as_array().map(Vec::len), Some(logged));
}
