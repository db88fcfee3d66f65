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
    assert_eq!(
        merge.added,
        [
            "1 person: Sam Taylor",
            "1 log entry: A line of Sam Taylor\u{2019}s log from Tuesday 3 March 2026"
        ]
    );
    assert!(merge.changed.is_empty() && merge.removed.is_empty() && merge.conflicts.is_empty());
    let mut with_referrals = merge.clone();
    with_referrals.add_referrals(2);
    assert_eq!(
        with_referrals.summary(&[]),
        [
            "1 person added: Sam Taylor",
            "1 log entry added: A line of Sam Taylor\u{2019}s log from Tuesday 3 March 2026",
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
    let name = there.0.people[3].name.clone();
    assert_eq!(merge.changed, [format!("1 person: {name}")]);
    assert_eq!(
        merge.summary(&[]),
        [format!("1 person brought up to date: {name}")]
    );
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
    assert_eq!(
        merge.summary(&[Side::OtherDevice]),
        [format!(
            "{name}\u{2019}s record: took the other device\u{2019}s version (Phone: 07700 900002)"
        )]
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

#[test]
fn crossed_choices_settle_on_both_devices_at_the_next_exchange() {
    let (mut a, mut b) = two_devices();
    let id = a.0.people[2].id;
    a.0.person_mut(id).unwrap().phone = "07700 900001".into();
    b.0.person_mut(id).unwrap().phone = "07700 900002".into();
    // Each device's backup leaves it as it is now.
    a.1.stamp(&a.0, &stamp(3));
    b.1.stamp(&b.0, &stamp(4));
    let (a_backup, b_backup) = (a.clone(), b.clone());

    // Each volunteer chooses the other device's copy.
    let at_a = merged(&a, &b_backup, &stamp(10));
    assert_eq!(at_a.conflicts.len(), 1);
    let at_a = at_a.finish(&[Side::OtherDevice], &stamp(10));
    let at_b = merged(&b, &a_backup, &stamp(11));
    assert_eq!(at_b.conflicts.len(), 1);
    let at_b = at_b.finish(&[Side::OtherDevice], &stamp(11));
    assert_eq!(at_a.0.person(id).unwrap().phone, "07700 900002");
    assert_eq!(at_b.0.person(id).unwrap().phone, "07700 900001");

    // They exchange backups once more, each way: nothing is asked, and the
    // later choice (B's) is on both.
    let again_at_a = merged(&at_a, &at_b, &stamp(20));
    let again_at_b = merged(&at_b, &at_a, &stamp(21));
    assert!(again_at_a.conflicts.is_empty() && again_at_b.conflicts.is_empty());
    let (clinic_a, ledger_a) = again_at_a.finish(&[], &stamp(20));
    let (clinic_b, ledger_b) = again_at_b.finish(&[], &stamp(21));
    assert_eq!(clinic_a.person(id).unwrap().phone, "07700 900001");
    assert!(same_records(&clinic_a, &clinic_b));
    // And from then on they agree without a change.
    assert!(
        merge_clinics(&clinic_a, &ledger_a, &clinic_b, &ledger_b, &stamp(30)).changes_nothing()
    );
    assert!(
        merge_clinics(&clinic_b, &ledger_b, &clinic_a, &ledger_a, &stamp(31)).changes_nothing()
    );

    // A change made on A after its own choice wins over B's choice.
    let mut edited = at_a.clone();
    edited.0.person_mut(id).unwrap().phone = "07700 900003".into();
    edited.1.stamp(&edited.0, &stamp(12));
    for merge in [
        merged(&edited, &at_b, &stamp(22)),
        merged(&at_b, &edited, &stamp(22)),
    ] {
        assert!(merge.conflicts.is_empty());
        let (clinic, _) = merge.finish(&[], &stamp(22));
        assert_eq!(clinic.person(id).unwrap().phone, "07700 900003");
    }
}

#[test]
fn crossed_or_matching_choices_in_random_clinics_always_end_the_same_on_both_devices() {
    for seed in 0..40u64 {
        let mut dice = Dice(seed);
        let (mut a, mut b) = two_devices();
        let people: Vec<Id> = a.0.people.iter().map(|p| p.id).collect();
        for n in 0..1 + dice.below(4) {
            let id = people[dice.below(people.len())];
            a.0.person_mut(id).unwrap().phone = format!("07700 9{seed:02}{n}01");
            b.0.person_mut(id).unwrap().phone = format!("07700 9{seed:02}{n}02");
        }
        a.1.stamp(&a.0, &stamp(3));
        b.1.stamp(&b.0, &stamp(4));
        let (a_backup, b_backup) = (a.clone(), b.clone());
        let choose = |dice: &mut Dice, n: usize| -> Vec<Side> {
            (0..n)
                .map(|_| {
                    if dice.below(2) == 0 {
                        Side::ThisDevice
                    } else {
                        Side::OtherDevice
                    }
                })
                .collect()
        };
        let at_a = merged(&a, &b_backup, &stamp(10));
        let choices = choose(&mut dice, at_a.conflicts.len());
        let at_a = at_a.finish(&choices, &stamp(10));
        let at_b = merged(&b, &a_backup, &stamp(10 + dice.below(3) as u64));
        let choices = choose(&mut dice, at_b.conflicts.len());
        let at_b = at_b.finish(&choices, &stamp(11));
        let again_a = merged(&at_a, &at_b, &stamp(20));
        let again_b = merged(&at_b, &at_a, &stamp(20));
        assert!(again_a.conflicts.is_empty(), "seed {seed}");
        assert!(again_b.conflicts.is_empty(), "seed {seed}");
        let (ca, _) = again_a.finish(&[], &stamp(20));
        let (cb, _) = again_b.finish(&[], &stamp(20));
        assert!(same_records(&ca, &cb), "seed {seed}");
    }
}

#[test]
fn a_conflict_shows_the_app_s_codes_in_words() {
    let (mut here, mut there) = two_devices();
    let id = here.0.people[2].id;
    here.0.person_mut(id).unwrap().status = crate::domain::clinic::people::PersonStatus::Finished;
    there.0.person_mut(id).unwrap().status = crate::domain::clinic::people::PersonStatus::Declined;
    let merge = merged(&here, &there, &stamp(9));
    let status = merge.conflicts[0]
        .differences
        .iter()
        .find(|d| d.field == "Status")
        .expect("the status differs");
    assert_eq!(
        (status.this_device.as_str(), status.other_device.as_str()),
        ("Finished", "Declined")
    );
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
    assert_eq!(merge.added.len(), 1);
    assert!(merge.added[0].starts_with("1 plan: "), "{:?}", merge.added);
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
    assert_eq!(merge.changed.len(), 1);
    assert!(
        merge.changed[0].starts_with("1 plan: "),
        "{:?}",
        merge.changed
    );
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

const PHOTO: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==";

#[test]
fn a_volunteers_photo_and_line_added_on_one_device_are_carried_to_the_other() {
    let (here, mut there) = two_devices();
    let face = &mut there.0.volunteers[0];
    face.shown_name = "Jo".into();
    face.about = "I have lived here all my life.".into();
    face.photo = PHOTO.into();
    face.agreed_to_show = true;
    let merge = merged(&here, &there, &stamp(9));
    assert!(merge.conflicts.is_empty());
    let (clinic, _) = merge.finish(&[], &stamp(9));
    let jo = &clinic.volunteers[0];
    assert_eq!((jo.photo.as_str(), jo.agreed_to_show), (PHOTO, true));
    assert_eq!(jo.about, "I have lived here all my life.");
}

#[test]
fn a_photo_changed_on_both_devices_is_a_choice_named_by_its_size_not_its_code() {
    let (mut here, mut there) = two_devices();
    here.0.volunteers[0].photo = PHOTO.into();
    there.0.volunteers[0].photo = format!("{PHOTO}{}", "A".repeat(3000));
    let merge = merged(&here, &there, &stamp(9));
    let photo = merge.conflicts[0]
        .differences
        .iter()
        .find(|d| d.field == "Photo")
        .expect("the photo differs");
    assert_eq!(
        (photo.this_device.as_str(), photo.other_device.as_str()),
        ("A photo of 1 KB", "A photo of 3 KB")
    );
}

#[test]
fn a_volunteer_from_before_the_faces_is_stored_exactly_as_before() {
    // The same stored text, so the same fingerprint: no device sees every
    // volunteer as changed after the app is updated.
    let old = r#"{"id":5,"name":"Jo Bloggs","phone":"","email":"","usually":[],"away":[]}"#;
    let volunteer: Volunteer = serde_json::from_str(old).unwrap();
    assert_eq!(volunteer.shown_name, "");
    assert!(!volunteer.agreed_to_show);
    assert_eq!(serde_json::to_string(&volunteer).unwrap(), old);
}
