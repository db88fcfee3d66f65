//! A round of live sharing looks only at the records that changed
//! ([`Ledger::stamp_since`], [`ServerCopy::merge_into`]): after any edits on
//! two devices, it must end where stamping and merging the whole clinic ends.

use super::*;
use crate::domain::clinic::people::{LogEntry, Person};
use crate::domain::clinic::plans::PersonPlans;
use crate::domain::clinic::sessions::ClosedDate;
use crate::domain::plan::{CarePlan, PlanBook};
use crate::domain::sample::{generate, Size};

const SMALL: Size = Size {
    people: 30,
    appointments: 200,
    log_entries: 120,
    services: 0,
    plans: 12,
};

/// A seeded source of small numbers for the edits.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Changes what a volunteer might, `n` times: names, notes, log lines,
/// appointments, plans, closed dates, people added and taken out.
fn edit(clinic: &mut Clinic, dice: &mut Dice, n: usize, tag: &str) {
    for step in 0..n {
        let people = clinic.people.len();
        match dice.below(9) {
            0 if people > 0 => {
                let p = dice.below(people);
                clinic.people[p].name = format!("{} {tag}{step}", clinic.people[p].name);
            }
            1 if people > 0 => {
                let p = dice.below(people);
                let id = 900_000 + dice.below(1_000_000) as u64;
                clinic.people[p].log.push(LogEntry {
                    id,
                    on: format!("2026-0{}-1{}", 1 + dice.below(9), dice.below(10)),
                    note: format!("Rang {tag}{step}"),
                    ..LogEntry::default()
                });
            }
            2 if people > 0 => {
                let p = dice.below(people);
                if let Some(entry) = clinic.people[p].log.first_mut() {
                    entry.note = format!("Changed {tag}{step}");
                }
            }
            3 if !clinic.bookings.is_empty() => {
                let b = dice.below(clinic.bookings.len());
                clinic.bookings.remove(b);
            }
            4 if !clinic.bookings.is_empty() => {
                let b = dice.below(clinic.bookings.len());
                clinic.bookings[b].date = format!("2027-01-{:02}", 1 + dice.below(28));
            }
            5 => {
                let id = 800_000 + dice.below(1_000_000) as u64;
                clinic.people.push(Person {
                    id,
                    name: format!("New person {tag}{step}"),
                    log: vec![LogEntry {
                        id: id + 7,
                        on: "2026-05-01".into(),
                        note: "First call".into(),
                        ..LogEntry::default()
                    }],
                    ..Person::default()
                });
            }
            6 if people > 1 => {
                let p = dice.below(people);
                clinic.people.remove(p);
            }
            7 => {
                let person = clinic.people.first().map_or(1, |p| p.id);
                let plan = CarePlan {
                    id: format!("plan-{tag}{step}"),
                    started: format!("2026-0{}-01", 1 + dice.below(9)),
                    ..CarePlan::default()
                };
                match clinic.plans.iter_mut().find(|b| b.person == person) {
                    Some(book) => book.book.plans.push(plan),
                    None => clinic.plans.push(PersonPlans {
                        person,
                        book: PlanBook { plans: vec![plan] },
                    }),
                }
            }
            _ => {
                clinic.sessions.closed.push(ClosedDate {
                    // A day of its own: two closings of one day are one record.
                    date: format!("2027-02-{:02}", 1 + 2 * step + usize::from(tag == "b")),
                    reason: format!("Closed {tag}{step}"),
                    room: String::new(),
                });
                clinic.safe_yearly_maximum = 200 + dice.below(100) as u32;
            }
        }
    }
}

#[test]
fn stamping_only_what_changed_ends_as_stamping_the_whole_clinic() {
    for seed in 0..40 {
        let mut clinic = generate(seed, SMALL).clinic;
        let mut ledger = Ledger::default();
        ledger.stamp(&clinic, "2026-03-02T09:00:00Z");
        let before = clinic.clone();
        let mut dice = Dice(seed);
        let n = 1 + dice.below(12);
        edit(&mut clinic, &mut dice, n, "a");
        let mut whole = ledger.clone();
        whole.stamp(&clinic, "2026-03-03T09:00:00Z");
        let changed = ledger.stamp_since(&before, &clinic, "2026-03-03T09:00:00Z");
        assert_eq!(ledger, whole, "seed {seed}");
        assert_eq!(
            changed,
            whole != {
                let mut was = Ledger::default();
                was.stamp(&before, "2026-03-02T09:00:00Z");
                was
            }
        );
    }
}

#[test]
fn nothing_changed_stamps_nothing() {
    let clinic = generate(3, SMALL).clinic;
    let mut ledger = Ledger::default();
    ledger.stamp(&clinic, "2026-03-02T09:00:00Z");
    let was = ledger.clone();
    assert!(!ledger.stamp_since(&clinic, &clinic.clone(), "2026-03-03T09:00:00Z"));
    assert_eq!(ledger, was);
}

/// The server's records after device `clinic` shared them all.
fn server_of(clinic: &Clinic, ledger: &Ledger) -> ServerCopy {
    let mut server = ServerCopy::default();
    for record in server.outgoing(clinic, ledger, None) {
        server.take(record);
    }
    server
}

fn by_key(
    ledger: &Ledger,
) -> std::collections::BTreeMap<(Collection, Id), crate::domain::merge::Versioned<u64>> {
    ledger
        .records
        .iter()
        .flat_map(|(c, entries)| entries.iter().map(|e| ((*c, e.id), e.clone())))
        .collect()
}

#[test]
fn merging_only_what_differs_ends_as_merging_the_whole_clinic() {
    const MONDAY: &str = "2026-03-02T09:00:00Z";
    const TUESDAY: &str = "2026-03-03T09:00:00Z";
    let mut conflicts_seen = 0;
    for seed in 0..40 {
        // Both devices start from the same clinic, shared to the server.
        let start = generate(seed, SMALL).clinic;
        let mut start_ledger = Ledger::default();
        start_ledger.stamp(&start, MONDAY);
        let mut dice = Dice(seed + 1000);

        // Another device changes some records and sends them.
        let mut other = start.clone();
        let mut other_ledger = start_ledger.clone();
        let n = 1 + dice.below(8);
        edit(&mut other, &mut dice, n, "b");
        other_ledger.stamp(&other, TUESDAY);
        let mut server = server_of(&start, &start_ledger);
        for record in server.outgoing(&other, &other_ledger, None) {
            server.take(record);
        }

        // This device changed others meanwhile.
        let mut mine = start.clone();
        let n = 1 + dice.below(8);
        edit(&mut mine, &mut dice, n, "a");
        let mut ledger = start_ledger.clone();
        ledger.stamp_since(&start, &mine, TUESDAY);

        let (theirs, their_ledger) = server.clinic_and_ledger();
        let whole = merge_clinics(&mine, &ledger, &theirs, &their_ledger, TUESDAY);
        let (few, looked_at) = server.merge_into(mine.clone(), ledger.clone(), TUESDAY);
        assert!(looked_at.is_some(), "seed {seed}: a few records differ");
        assert_eq!(few.conflicts.len(), whole.conflicts.len(), "seed {seed}");
        assert_eq!(
            (&few.added, &few.changed, &few.removed),
            (&whole.added, &whole.changed, &whole.removed),
            "seed {seed}"
        );
        conflicts_seen += few.conflicts.len();
        let sides: Vec<Side> = (0..few.conflicts.len())
            .map(|n| {
                if n % 2 == 0 {
                    Side::ThisDevice
                } else {
                    Side::OtherDevice
                }
            })
            .collect();
        let (few_clinic, few_ledger) = few.finish(&sides, TUESDAY);
        let (whole_clinic, whole_ledger) = whole.finish(&sides, TUESDAY);
        assert!(same_records(&few_clinic, &whole_clinic), "seed {seed}");
        assert_eq!(by_key(&few_ledger), by_key(&whole_ledger), "seed {seed}");
        // What is sent after is the same, looked for among the few.
        let sorted = |mut list: Vec<SharedRecord>| {
            list.sort_by_key(|r| (r.collection, r.entry.id));
            list
        };
        assert_eq!(
            sorted(server.outgoing(&few_clinic, &few_ledger, looked_at.as_ref())),
            sorted(server.outgoing(&whole_clinic, &whole_ledger, None)),
            "seed {seed}"
        );
    }
    assert!(conflicts_seen > 0, "the edits should sometimes meet");
}

#[test]
fn a_round_with_nothing_changed_looks_at_nothing() {
    let clinic = generate(5, SMALL).clinic;
    let mut ledger = Ledger::default();
    ledger.stamp(&clinic, "2026-03-02T09:00:00Z");
    let server = server_of(&clinic, &ledger);
    assert!(server.differing(&ledger).is_empty());
    let (merge, looked_at) = server.merge_into(clinic.clone(), ledger, "2026-03-03T09:00:00Z");
    assert!(merge.changes_nothing() && !merge.changes_ledger());
    assert_eq!(looked_at.map(|keys| keys.len()), Some(0));
    let (after, _) = merge.finish(&[], "2026-03-03T09:00:00Z");
    assert_eq!(after, clinic);
}

#[test]
fn a_record_given_an_id_of_its_own_is_merged_with_the_whole_clinic() {
    const MONDAY: &str = "2026-03-02T09:00:00Z";
    let start = generate(9, SMALL).clinic;
    let mut ledger = Ledger::default();
    ledger.stamp(&start, MONDAY);
    let mut server = server_of(&start, &ledger);
    // A hand-edited file closed one day twice: the second closing gets an
    // id of its own when the clinic is taken apart, and is sent as such.
    let mut other = start.clone();
    for reason in ["Training", "Heating broken"] {
        other.sessions.closed.push(ClosedDate {
            date: "2027-02-03".into(),
            reason: reason.into(),
            room: String::new(),
        });
    }
    let mut other_ledger = ledger.clone();
    other_ledger.stamp(&other, MONDAY);
    for record in server.outgoing(&other, &other_ledger, None) {
        server.take(record);
    }
    let (theirs, their_ledger) = server.clinic_and_ledger();
    let whole = merge_clinics(&start, &ledger, &theirs, &their_ledger, MONDAY);
    let (few, looked_at) = server.merge_into(start.clone(), ledger.clone(), MONDAY);
    assert_eq!(looked_at, None);
    let (few, _) = few.finish(&[], MONDAY);
    let (whole, _) = whole.finish(&[], MONDAY);
    assert!(same_records(&few, &whole));
    assert_eq!(few.sessions.closed.len(), start.sessions.closed.len() + 2);
}

#[test]
fn stamping_in_steps_ends_as_stamping_in_one_go() {
    for seed in 0..10 {
        let mut clinic = generate(seed, SMALL).clinic;
        let mut ledger = Ledger::default();
        ledger.stamp(&clinic, "2026-03-02T09:00:00Z");
        let mut dice = Dice(seed);
        let n = 1 + dice.below(12);
        edit(&mut clinic, &mut dice, n, "a");
        let mut whole = ledger.clone();
        whole.stamp(&clinic, "2026-03-03T09:00:00Z");
        let mut live = std::collections::HashMap::new();
        let mut at = Some(0);
        let mut steps = 0;
        while let Some(from) = at {
            at = Ledger::fingerprints_from(&clinic, from, 37, &mut live).expect("ids are unique");
            steps += 1;
        }
        assert!(steps > 5, "{steps} steps");
        ledger.stamp_fingerprints(&live, "2026-03-03T09:00:00Z");
        assert_eq!(ledger, whole, "seed {seed}");
    }
}
