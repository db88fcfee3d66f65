//! Bringing two volunteers' copies of the clinic together. The clinic is
//! taken apart into records (a person, an appointment, a line of a person's
//! log, a volunteer, a session...), each matched by its id. A [`Ledger`] kept
//! beside the clinic remembers every record's history of versions, brought up
//! to date ([`Ledger::stamp`]) whenever the clinic leaves the device in a
//! backup or another device's backup is merged in, so a merge can tell a
//! record changed on one side from one changed on both. The rules of the
//! merge itself are in [`crate::domain::merge`].
//!
//! What is where:
//! - this file: [`merge_clinics`], what a merge finds ([`ClinicMerge`], each
//!   [`RecordConflict`] with its [`Difference`]s, the [`Side`] chosen), and
//!   [`same_records`];
//! - `records`: the clinic taken apart into records of each [`Collection`],
//!   and put back together;
//! - `ledger`: the [`Ledger`] of every record's versions;
//! - `outcome`: choosing between two copies, and the merge's result in words;
//! - `words`: what to call a record and its fields, for a person;
//! - `shared`: the records as shared live through the practice's server.

mod ledger;
mod outcome;
mod patch;
mod records;
mod shared;
mod words;

pub use ledger::Ledger;
pub use records::Collection;
pub use shared::{Keys, ServerCopy, SharedRecord};

use super::{Clinic, Id};
use crate::domain::merge::{self, Conflict, Versioned};
use records::{content_hash, records, Record};
use serde_json::Value;
use std::collections::HashMap;
use words::{brief_label, differences, label, named_count, Tally};

/// Which copy of a record to keep when it was changed on both devices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    ThisDevice,
    OtherDevice,
}

/// One field that differs between the two copies of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub field: String,
    pub this_device: String,
    pub other_device: String,
}

/// A record changed on both devices since they last met, for a person to choose.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordConflict {
    pub collection: Collection,
    /// "Sam Taylor's record", "Sam Taylor's appointment on 3 March 2026 at 10:00".
    pub label: String,
    pub differences: Vec<Difference>,
    conflict: Conflict<u64>,
    ours: Option<Versioned<u64>>,
    this_device: Option<Value>,
    other_device: Option<Value>,
}

/// What merging another device's clinic into this one would do: the merged
/// records, what changes on this device, and what a person must choose.
#[derive(Clone, Debug, PartialEq)]
pub struct ClinicMerge {
    /// Each record's merged version and content (none once deleted), in order.
    rows: Vec<(Collection, Versioned<u64>, Option<Value>)>,
    pub conflicts: Vec<RecordConflict>,
    /// "2 people: Sam Taylor, Priya Khan", "1 appointment: Sam Taylor’s
    /// appointment on Tuesday 3 March 2026 at 10:00": new on this device.
    pub added: Vec<String>,
    /// Records the other device changed more recently.
    pub changed: Vec<String>,
    /// Records the other device deleted.
    pub removed: Vec<String>,
    /// The whole clinic and ledger of this device, when only the records
    /// that differ were merged ([`ServerCopy::merge_into`]): the merged
    /// records are put into them in the end.
    onto: Option<Box<(Clinic, Ledger)>>,
}

/// Merges the other device's clinic (with its ledger) into this one's.
pub fn merge_clinics(
    ours: &Clinic,
    our_ledger: &Ledger,
    theirs: &Clinic,
    their_ledger: &Ledger,
    now: &str,
) -> ClinicMerge {
    let mut our_ledger = our_ledger.clone();
    our_ledger.stamp(ours, now);
    let mut their_ledger = their_ledger.clone();
    their_ledger.stamp(theirs, now);
    merge_records(
        records(ours),
        &our_ledger,
        records(theirs),
        &their_ledger,
        (ours, theirs),
    )
}

/// The merge of two sides' records, each side's ledger already stamped with
/// its records; the two clinics name the records for a person.
fn merge_records(
    our_records: Vec<Record>,
    our_ledger: &Ledger,
    their_records: Vec<Record>,
    their_ledger: &Ledger,
    (ours, theirs): (&Clinic, &Clinic),
) -> ClinicMerge {
    let index = |list: &[Record]| -> HashMap<(Collection, Id), Value> {
        list.iter()
            .map(|r| ((r.collection, r.id), r.value.clone()))
            .collect()
    };
    let (our_values, their_values) = (index(&our_records), index(&their_records));
    // This device's order first, then what only the other device has.
    let mut order: Vec<(Collection, Id)> =
        our_records.iter().map(|r| (r.collection, r.id)).collect();
    order.extend(
        their_records
            .iter()
            .map(|r| (r.collection, r.id))
            .filter(|key| !our_values.contains_key(key)),
    );

    let mut merged_entries: HashMap<(Collection, Id), Versioned<u64>> = HashMap::new();
    let mut conflicts = Vec::new();
    let (mut added, mut changed, mut removed) = (Tally::new(), Tally::new(), Tally::new());
    for collection in Collection::ALL {
        let result = merge::merge(
            our_ledger.entries(collection),
            their_ledger.entries(collection),
        );
        let conflicted: Vec<Id> = result.conflicts.iter().map(|c| c.kept.id).collect();
        for entry in &result.records {
            let key = (collection, entry.id);
            let ours_now = our_values.get(&key).map(content_hash);
            if !conflicted.contains(&entry.id) {
                let tally = match (ours_now, entry.deleted) {
                    (None, false) => Some(&mut added),
                    (Some(_), true) => Some(&mut removed),
                    (Some(hash), false) if hash != entry.value => Some(&mut changed),
                    _ => None,
                };
                // A record brought up to date is named as it now reads.
                let newest_first = [their_values.get(&key), our_values.get(&key)];
                if let Some(tally) = tally {
                    let value = newest_first
                        .into_iter()
                        .flatten()
                        .find(|v| content_hash(v) == entry.value)
                        .or_else(|| our_values.get(&key).or_else(|| their_values.get(&key)));
                    let name = brief_label(collection, value, ours, theirs);
                    tally.entry(collection).or_default().push(name);
                }
            }
            merged_entries.insert(key, entry.clone());
        }
        for conflict in result.conflicts {
            let key = (collection, conflict.kept.id);
            let this_device = our_values.get(&key).cloned();
            let other_device = their_values.get(&key).cloned();
            conflicts.push(RecordConflict {
                collection,
                label: label(
                    collection,
                    this_device.as_ref().or(other_device.as_ref()),
                    ours,
                    theirs,
                ),
                differences: differences(collection, this_device.as_ref(), other_device.as_ref()),
                ours: our_ledger
                    .entries(collection)
                    .iter()
                    .find(|e| e.id == key.1)
                    .cloned(),
                conflict,
                this_device,
                other_device,
            });
        }
    }
    // Records deleted on either side have no content there, but their
    // markers are kept (after the live records) so they stay deleted.
    let mut markers: Vec<(Collection, Id)> = merged_entries
        .keys()
        .filter(|key| !our_values.contains_key(key) && !their_values.contains_key(key))
        .copied()
        .collect();
    markers.sort_unstable();
    order.extend(markers);
    let mut rows = Vec::new();
    for key in order {
        let Some(entry) = merged_entries.remove(&key) else {
            continue;
        };
        let value = if entry.deleted {
            None
        } else {
            [our_values.get(&key), their_values.get(&key)]
                .into_iter()
                .flatten()
                .find(|v| content_hash(v) == entry.value)
                .cloned()
        };
        rows.push((key.0, entry, value));
    }
    let words = |tally: Tally| {
        tally
            .into_iter()
            .map(|(c, names)| named_count(c, &names))
            .collect::<Vec<_>>()
    };
    ClinicMerge {
        rows,
        conflicts,
        added: words(added),
        changed: words(changed),
        removed: words(removed),
        onto: None,
    }
}

/// Whether two clinics hold the same records, whatever their order.
pub fn same_records(a: &Clinic, b: &Clinic) -> bool {
    let sorted = |c: &Clinic| {
        let mut list: Vec<(Collection, Id, String)> = records(c)
            .into_iter()
            .map(|r| (r.collection, r.id, r.value.to_string()))
            .collect();
        list.sort();
        list
    };
    sorted(a) == sorted(b)
}

#[cfg(test)]
mod incremental_tests;
#[cfg(test)]
mod tests;
