use super::*;
use crate::domain::clinic::rota::Volunteer;
use crate::domain::sample::{generate, Dice, Size};
use chrono::NaiveDate;

const SMALL: Size = Size {
    people: 20,
    appointments: 60,
    log_entries: 30,
    services: 0,
    plans: 0,
};

fn stamp(n: u64) -> String {
    format!("2026-03-03T10:{:02}:{:02}Z", n / 60 % 60, n % 60)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
}

/// A device's clinic and its ledger.
type Device = (Clinic, Ledger);

/// Two devices holding the same clinic, as after one restored the other's backup.
fn two_devices() -> (Device, Device) {
    let clinic = generate(7, SMALL).clinic;
    let mut ledger = Ledger::default();
    ledger.stamp(&clinic, &stamp(0));
    ((clinic.clone(), ledger.clone()), (clinic, ledger))
}

fn merged(ours: &Device, theirs: &Device, now: &str) -> ClinicMerge {
    merge_clinics(&ours.0, &ours.1, &theirs.0, &theirs.1, now)
}

#[test]
fn a_person_added_on_the_other_device_is_added_here_and_nothing_else_changes() {
    let (here, mut there) = two_devices();
    let mut sam = there.0.people[0].clone();
    sam.id = 990_001;
    sam.name = "Sam Taylor".into();
    sam.log.clear();
    sam.log(990_002, today(), "Jo", "Called, left message", None);
    there.0.people.push(sam);
    there.1.stamp(&there.0, &stamp(5));

    let merge = merged(&here, &there, &stamp(9));
    assert_eq!(merge.added, ["1 person", "1 log entry"]);
    assert!(merge.changed.is_empty() && merge.removed.is_empty() && merge.conflicts.is_empty());
    let mut with_referrals = merge.clone();
    with_referrals.add_referrals(2);
    assert_eq!(
        with_referrals.summary(),
        [
            "1 person added",
            "1 log entry added",
            "2 self-referrals scanned in added"
        ]
    );
    let (clinic, _) = merge.finish(&[], &stamp(9));
    assert_eq!(clinic.people.len(), here.0.people.len() + 1);
    let added = clinic.person(990_001).unwrap();
    assert_eq!(added.log[0].note, "Called, left message");
    assert!(same_records(&clinic, &there.0));
}

#[test]
fn the_newer_change_wins_without_asking_when_only_one_device_changed_a_record() {
    let (here, mut there) = two_devices();
    there.0.people[3].phone = "07700 900123".into();
    let mut merge = merged(&here, &there, &stamp(9));
    assert_eq!(merge.changed, ["1 person"]);
    assert_eq!(merge.summary(), ["1 person brought up to date"]);
    merge.add_referrals(0);
    assert!(merge.added.is_empty());
    merge.add_referrals(1);
    assert_eq!(merge.added, ["1 self-referral scanned in"]);
    let merge = merged(&here, &there, &stamp(9));
    assert!(merge.conflicts.is_empty());
    let (clinic, _) = merge.finish(&[], &stamp(9));
    assert_eq!(clinic.people[3].phone, "07700 900123");
}

#[test]
fn a_volunteer_removed_on_one_device_stays_removed_when_an_older_copy_is_merged() {
    let (mut here, there) = two_devices();
    let gone = here.0.volunteers[0].id;
    here.0.remove_volunteer(gone, today());
    // The removal leaves the device in a backup, then the older copy comes back.
    here.1.stamp(&here.0, &stamp(3));
    for merge in [
        merged(&here, &there, &stamp(9)),
        merged(&there, &here, &stamp(9)),
    ] {
        let (clinic, ledger) = merge.finish(&[], &stamp(9));
        assert!(clinic.volunteers.iter().all(|v| v.id != gone));
        // And merging that result with the old copy again still leaves it out.
        let again = merge_clinics(&clinic, &ledger, &there.0, &there.1, &stamp(10));
        assert!(again.changes_nothing(), "{:?}", again.changed);
    }
}

#[test]
fn a_record_changed_on_both_devices_is_listed_with_what_differs_and_settled_by_a_choice() {
    let (mut here, mut there) = two_devices();
    let id = here.0.people[2].id;
    here.0.person_mut(id).unwrap().phone = "07700 900001".into();
    there.0.person_mut(id).unwrap().phone = "07700 900002".into();
    let name = here.0.people[2].name.clone();

    let merge = merged(&here, &there, &stamp(9));
    assert_eq!(merge.conflicts.len(), 1);
    let conflict = &merge.conflicts[0];
    assert_eq!(conflict.label, format!("{name}\u{2019}s record"));
    assert_eq!(
        conflict.differences,
        [Difference {
            field: "Phone".into(),
            this_device: "07700 900001".into(),
            other_device: "07700 900002".into(),
        }]
    );
    assert_eq!(
        merge.check_choices(&[None]).unwrap_err()[0].message,
        format!("Select which version of {name}\u{2019}s record to keep")
    );
    assert_eq!(
        merge.check_choices(&[Some(Side::OtherDevice)]).unwrap(),
        [Side::OtherDevice]
    );
    let (clinic, ledger) = merge.finish(&[Side::OtherDevice], &stamp(9));
    assert_eq!(clinic.person(id).unwrap().phone, "07700 900002");
    // Once chosen, neither device's copy brings the question back.
    for side in [&here, &there] {
        let again = merge_clinics(&clinic, &ledger, &side.0, &side.1, &stamp(10));
        assert!(again.conflicts.is_empty());
        let (after, _) = again.finish(&[], &stamp(10));
        assert_eq!(after.person(id).unwrap().phone, "07700 900002");
    }
    let keep_mine = merged(&here, &there, &stamp(9))
        .finish(&[Side::ThisDevice], &stamp(9))
        .0;
    assert_eq!(keep_mine.person(id).unwrap().phone, "07700 900001");
}

#[test]
fn two_volunteers_logging_calls_with_the_same_person_keep_both_lines() {
    let (mut here, mut there) = two_devices();
    let id = here.0.people[1].id;
    here.0
        .person_mut(id)
        .unwrap()
        .log(880_001, today(), "Jo", "Called, no answer", None);
    there
        .0
        .person_mut(id)
        .unwrap()
        .log(880_002, today(), "Ann", "Met at the surgery", None);
    let merge = merged(&here, &there, &stamp(9));
    assert!(merge.conflicts.is_empty());
    let (clinic, _) = merge.finish(&[], &stamp(9));
    let notes: Vec<&str> = clinic
        .person(id)
        .unwrap()
        .log
        .iter()
        .map(|e| e.note.as_str())
        .collect();
    assert!(notes.contains(&"Called, no answer") && notes.contains(&"Met at the surgery"));
}

/// Random changes on each device from the same start, without meeting.
fn diverge(seed: u64) -> (Device, Device, Vec<(Collection, Id)>) {
    let (mut a, mut b) = two_devices();
    let mut dice = Dice(seed);
    let mut edited: Vec<Vec<(Collection, Id)>> = vec![Vec::new(), Vec::new()];
    for (side, device) in [&mut a, &mut b].into_iter().enumerate() {
        let clinic = &mut device.0;
        for step in 0..dice.below(12) {
            let tag = format!("{side}-{seed}-{step}");
            match dice.below(5) {
                0 => {
                    let n = dice.below(clinic.people.len());
                    clinic.people[n].phone = format!("07700 {tag}");
                    edited[side].push((Collection::Person, clinic.people[n].id));
                }
                1 => {
                    let n = dice.below(clinic.people.len());
                    let id = 500_000 + seed * 1000 + side as u64 * 100 + step as u64;
                    clinic.people[n].log(id, today(), "Jo", &tag, None);
                }
                2 if !clinic.bookings.is_empty() => {
                    let n = dice.below(clinic.bookings.len());
                    edited[side].push((Collection::Appointment, clinic.bookings[n].id));
                    clinic.bookings.remove(n);
                }
                3 => clinic.volunteers.push(Volunteer {
                    id: 700_000 + seed * 1000 + side as u64 * 100 + step as u64,
                    name: tag,
                    ..Volunteer::default()
                }),
                _ => {
                    let n = dice.below(clinic.bookings.len());
                    if let Some(b) = clinic.bookings.get_mut(n) {
                        b.missed_text_sent = !b.missed_text_sent;
                        edited[side].push((Collection::Appointment, b.id));
                    }
                }
            }
        }
        if dice.below(2) == 0 {
            // Some changes leave the device in a backup before the merge.
            let now = stamp(1 + side as u64);
            device.1.stamp(&device.0, &now);
        }
    }
    let both: Vec<(Collection, Id)> = edited[0]
        .iter()
        .filter(|k| edited[1].contains(k))
        .copied()
        .collect();
    (a, b, both)
}

#[test]
fn in_random_histories_the_order_of_a_merge_does_not_matter_and_repeating_it_changes_nothing() {
    let mut conflicts_seen = 0;
    for seed in 0..30 {
        let (a, b, both) = diverge(seed);
        let ab = merged(&a, &b, &stamp(20));
        let ba = merged(&b, &a, &stamp(20));
        assert_eq!(ab.conflicts.len(), ba.conflicts.len(), "seed {seed}");
        // A conflict is only ever a record changed on both sides.
        for c in &ab.conflicts {
            assert!(
                both.contains(&(c.collection, c.conflict.kept.id)),
                "seed {seed}: {}",
                c.label
            );
        }
        conflicts_seen += ab.conflicts.len();
        // Choosing A's copy in both directions gives the same clinic.
        let a_choice = vec![Side::ThisDevice; ab.conflicts.len()];
        let b_choice = vec![Side::OtherDevice; ba.conflicts.len()];
        let (from_a, ledger) = ab.finish(&a_choice, &stamp(20));
        let (from_b, _) = ba.finish(&b_choice, &stamp(20));
        assert!(same_records(&from_a, &from_b), "seed {seed}");
        // Merging either side's copy again changes nothing.
        for side in [&a, &b] {
            let again = merge_clinics(&from_a, &ledger, &side.0, &side.1, &stamp(30));
            assert!(
                again.changes_nothing(),
                "seed {seed}: {:?} {:?}",
                again.changed,
                again.added
            );
        }
    }
    assert!(
        conflicts_seen > 0,
        "the random histories never made a conflict"
    );
}

#[test]
fn a_ledger_stamped_twice_without_changes_stays_the_same() {
    let (mut here, _) = two_devices();
    let before = here.1.clone();
    here.1.stamp(&here.0, &stamp(40));
    assert_eq!(here.1, before);
}

/// Two devices whose clinic holds a plan made with `person` (the first person).
fn two_devices_with_a_plan() -> (Device, Device, Id) {
    let (mut here, _) = two_devices();
    let person = here.0.people[0].id;
    here.0.plans_of_mut(person).start("plan-1", today());
    here.0.newest_plan_mut(person).unwrap().about.matters = "My garden".into();
    here.1.stamp(&here.0, &stamp(1));
    (here.clone(), here, person)
}

#[test]
fn a_plan_made_on_the_other_device_is_added_here() {
    let (here, mut there, person) = two_devices_with_a_plan();
    there
        .0
        .plans_of_mut(person)
        .start("plan-2", today() + chrono::Days::new(7));
    let merge = merged(&here, &there, &stamp(9));
    assert_eq!(merge.added, ["1 plan"]);
    let (clinic, _) = merge.finish(&[], &stamp(9));
    let book = clinic.plans_of(person).unwrap();
    let ids: Vec<&str> = book.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["plan-2", "plan-1"], "newest first");
}

#[test]
fn a_plan_changed_on_one_device_is_brought_up_to_date_on_the_other() {
    let (here, mut there, person) = two_devices_with_a_plan();
    there.0.newest_plan_mut(person).unwrap().about.going_well = "Walking".into();
    let merge = merged(&here, &there, &stamp(9));
    assert_eq!(merge.changed, ["1 plan"]);
    let (mut clinic, _) = merge.finish(&[], &stamp(9));
    let plan = clinic.newest_plan_mut(person).unwrap();
    assert_eq!(
        (plan.about.matters.as_str(), plan.about.going_well.as_str()),
        ("My garden", "Walking")
    );
}

#[test]
fn a_plan_changed_on_both_devices_is_a_choice_and_either_copy_can_be_kept() {
    let (mut here, mut there, person) = two_devices_with_a_plan();
    here.0.newest_plan_mut(person).unwrap().about.going_well = "Walking".into();
    there.0.newest_plan_mut(person).unwrap().about.going_well = "Cooking".into();
    let name = here.0.people[0].name.clone();
    let merge = merged(&here, &there, &stamp(9));
    assert_eq!(merge.conflicts.len(), 1);
    let conflict = &merge.conflicts[0];
    assert_eq!(
        conflict.label,
        format!("{name}\u{2019}s plan started Tuesday 3 March 2026")
    );
    assert_eq!(
        conflict.differences,
        [Difference {
            field: "About going well".into(),
            this_device: "Walking".into(),
            other_device: "Cooking".into(),
        }]
    );
    for (side, kept) in [
        (Side::ThisDevice, "Walking"),
        (Side::OtherDevice, "Cooking"),
    ] {
        let (mut clinic, _) = merged(&here, &there, &stamp(9)).finish(&[side], &stamp(9));
        assert_eq!(
            clinic.newest_plan_mut(person).unwrap().about.going_well,
            kept
        );
    }
}
