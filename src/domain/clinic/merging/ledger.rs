//! The [`Ledger`]: every record's history of versions, as this device last saw them.

use super::records::{content_hash, records, Collection};
use crate::domain::clinic::{Clinic, Id};
use crate::domain::merge::Versioned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Every record's history of versions, as this device last saw them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ledger {
    /// Each version's value is a fingerprint of the record's content.
    pub records: BTreeMap<Collection, Vec<Versioned<u64>>>,
}

impl Ledger {
    /// Brings the ledger up to date with the clinic: a record whose content
    /// changed gets a new version, a new record its first, and a record no
    /// longer there is marked deleted, so it does not come back.
    pub fn stamp(&mut self, clinic: &Clinic, now: &str) {
        let mut live: HashMap<(Collection, Id), u64> = HashMap::new();
        for record in records(clinic) {
            live.insert((record.collection, record.id), content_hash(&record.value));
        }
        for collection in Collection::ALL {
            let entries = self.records.entry(collection).or_default();
            let mut known: HashMap<Id, usize> = HashMap::new();
            for (n, entry) in entries.iter_mut().enumerate() {
                known.insert(entry.id, n);
                match live.get(&(collection, entry.id)) {
                    Some(&hash) if entry.deleted || entry.value != hash => entry.edit(hash, now),
                    Some(_) => {}
                    None if !entry.deleted => entry.delete(now),
                    None => {}
                }
            }
            let mut new: Vec<(Id, u64)> = live
                .iter()
                .filter(|((c, id), _)| *c == collection && !known.contains_key(id))
                .map(|((_, id), hash)| (*id, *hash))
                .collect();
            new.sort_unstable();
            entries.extend(
                new.into_iter()
                    .map(|(id, hash)| Versioned::new(id, hash, now)),
            );
        }
    }

    /// Forgets the history of each record the ledger has as live and the
    /// clinic lacks: records taken out of a backup's clinic (for breaking
    /// a rule, not by a person) are then not marked deleted at the next
    /// stamp, so merged with a device that has a good copy, that copy is
    /// added back rather than deleted there.
    pub fn forget_taken_out(&mut self, clinic: &Clinic) {
        let live: std::collections::HashSet<(Collection, Id)> = records(clinic)
            .into_iter()
            .map(|r| (r.collection, r.id))
            .collect();
        for (collection, entries) in &mut self.records {
            entries.retain(|e| e.deleted || live.contains(&(*collection, e.id)));
        }
    }

    pub(super) fn entries(&self, collection: Collection) -> &[Versioned<u64>] {
        self.records.get(&collection).map_or(&[], Vec::as_slice)
    }
}
