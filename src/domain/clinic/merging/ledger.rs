//! The [`Ledger`]: every record's history of versions, as this device last saw them.

use super::records::{content_hash, ids_unique, items, records, Collection, Item, Record};
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
        self.stamp_fingerprints(&live, now);
    }

    /// [`Ledger::stamp`] in steps, so that a page stays quick to answer
    /// while a whole clinic is stamped: the fingerprints of the records
    /// from `at` on, `step` of them, added to `live`; the next place to
    /// start, or none when all are in. None at once when two records share
    /// an id (then stamp in one go).
    pub fn fingerprints_from(
        clinic: &Clinic,
        at: usize,
        step: usize,
        live: &mut HashMap<(Collection, Id), u64>,
    ) -> Option<Option<usize>> {
        let items = items(clinic);
        if at == 0 && !ids_unique(&items) {
            return None;
        }
        let end = (at + step).min(items.len());
        for (collection, id, item) in &items[at.min(end)..end] {
            live.insert((*collection, *id), content_hash(&item.value()));
        }
        Some((end < items.len()).then_some(end))
    }

    /// [`Ledger::stamp`] with the fingerprints of every record of the clinic.
    /// Whether any record got a new version.
    pub fn stamp_fingerprints(&mut self, live: &HashMap<(Collection, Id), u64>, now: &str) -> bool {
        let mut changed = false;
        for collection in Collection::ALL {
            let entries = self.records.entry(collection).or_default();
            let mut known: HashMap<Id, usize> = HashMap::new();
            for (n, entry) in entries.iter_mut().enumerate() {
                known.insert(entry.id, n);
                match live.get(&(collection, entry.id)) {
                    Some(&hash) if entry.deleted || entry.value != hash => {
                        entry.edit(hash, now);
                        changed = true;
                    }
                    Some(_) => {}
                    None if !entry.deleted => {
                        entry.delete(now);
                        changed = true;
                    }
                    None => {}
                }
            }
            let mut new: Vec<(Id, u64)> = live
                .iter()
                .filter(|((c, id), _)| *c == collection && !known.contains_key(id))
                .map(|((_, id), hash)| (*id, *hash))
                .collect();
            new.sort_unstable();
            changed |= !new.is_empty();
            entries.extend(
                new.into_iter()
                    .map(|(id, hash)| Versioned::new(id, hash, now)),
            );
        }
        changed
    }

    /// Brings the ledger up to date with `clinic` as [`Ledger::stamp`] does,
    /// given that it was last stamped with `before`: only the records that
    /// differ between the two are fingerprinted, so a round of live sharing
    /// after one change does not go through the whole clinic's content.
    /// Whether any record got a new version.
    pub fn stamp_since(&mut self, before: &Clinic, clinic: &Clinic, now: &str) -> bool {
        let (old, new) = (items(before), items(clinic));
        if !ids_unique(&old) || !ids_unique(&new) {
            let was = self.clone();
            self.stamp(clinic, now);
            return *self != was;
        }
        let old: HashMap<(Collection, Id), Item> = old
            .into_iter()
            .map(|(c, id, item)| ((c, id), item))
            .collect();
        let mut still = std::collections::HashSet::with_capacity(new.len());
        let mut live = Vec::new();
        for (collection, id, item) in new {
            still.insert((collection, id));
            if old.get(&(collection, id)) != Some(&item) {
                live.push(Record {
                    collection,
                    id,
                    value: item.value(),
                });
            }
        }
        let gone: Vec<(Collection, Id)> =
            old.into_keys().filter(|key| !still.contains(key)).collect();
        self.stamp_records(&live, &gone, now)
    }

    /// [`Ledger::stamp`] for the records given: each of `live` as it now
    /// reads, each of `gone` no longer there. Whether any got a new version.
    fn stamp_records(&mut self, live: &[Record], gone: &[(Collection, Id)], now: &str) -> bool {
        let mut changed = false;
        for collection in Collection::ALL {
            let live: Vec<&Record> = live.iter().filter(|r| r.collection == collection).collect();
            let gone: Vec<Id> = (gone.iter())
                .filter(|(c, _)| *c == collection)
                .map(|(_, id)| *id)
                .collect();
            if live.is_empty() && gone.is_empty() {
                continue;
            }
            let entries = self.records.entry(collection).or_default();
            let known: HashMap<Id, usize> =
                entries.iter().enumerate().map(|(n, e)| (e.id, n)).collect();
            let mut new = Vec::new();
            for record in live {
                let hash = content_hash(&record.value);
                match known.get(&record.id) {
                    Some(&n) if entries[n].deleted || entries[n].value != hash => {
                        entries[n].edit(hash, now);
                        changed = true;
                    }
                    Some(_) => {}
                    None => new.push((record.id, hash)),
                }
            }
            for id in gone {
                if let Some(&n) = known.get(&id) {
                    if !entries[n].deleted {
                        entries[n].delete(now);
                        changed = true;
                    }
                }
            }
            new.sort_unstable();
            changed |= !new.is_empty();
            entries.extend(
                new.into_iter()
                    .map(|(id, hash)| Versioned::new(id, hash, now)),
            );
        }
        changed
    }

    /// Puts in records' histories, each over the one it had.
    pub(super) fn put(&mut self, rows: &[(Collection, Versioned<u64>)]) {
        for collection in Collection::ALL {
            let mut these = rows.iter().filter(|(c, _)| *c == collection).peekable();
            if these.peek().is_none() {
                continue;
            }
            let entries = self.records.entry(collection).or_default();
            let mut known: HashMap<Id, usize> =
                entries.iter().enumerate().map(|(n, e)| (e.id, n)).collect();
            for (_, entry) in these {
                match known.get(&entry.id) {
                    Some(&n) => entries[n] = entry.clone(),
                    None => {
                        known.insert(entry.id, entries.len());
                        entries.push(entry.clone());
                    }
                }
            }
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
