//! The clinic shared live through the practice's CouchDB: one document per
//! record (a person, an appointment, a log line, a duty...), so two
//! volunteers rarely change the same one. The server is merged with as if
//! it were another device's backup ([`super::merge_clinics`]): the records
//! it holds are that device's clinic, their histories its ledger. Each
//! record leaves the device sealed whole (the store seals it); its name on
//! the server is a keyed hash of [`SharedRecord::name`], so the server sees
//! neither what a record is nor whose.

use super::records::{named_by_content, rebuild, records_where, Record};
use super::{merge_clinics, merge_records, ClinicMerge, Collection, Ledger};
use crate::domain::clinic::{Clinic, Id};
use crate::domain::merge::Versioned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Past this many records differing from the server's, a round merges the
/// whole clinic rather than putting records into it one by one (a new
/// device's first round, or the first after a long time offline).
const FEW: usize = 400;

/// Records named by collection and id.
pub type Keys = BTreeSet<(Collection, Id)>;

/// One record as it is shared: its history of versions, and its content
/// unless it was deleted. Sealed whole before it leaves the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedRecord {
    pub collection: Collection,
    pub entry: Versioned<u64>,
    pub value: Option<Value>,
}

impl SharedRecord {
    /// What names the record on every device, hashed with the clinic's key
    /// before the server sees it: "person 81274".
    pub fn name(&self) -> String {
        record_name(self.collection, self.entry.id)
    }
}

fn record_name(collection: Collection, id: Id) -> String {
    let kind = serde_json::to_value(collection)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!("{kind} {id}")
}

/// The records the server holds, as this device last read or wrote them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServerCopy {
    records: BTreeMap<(Collection, Id), SharedRecord>,
}

impl ServerCopy {
    /// Takes in a record read from the server (or written to it).
    pub fn take(&mut self, record: SharedRecord) {
        self.records
            .insert((record.collection, record.entry.id), record);
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The server's records as another device's clinic and ledger, to merge
    /// this device's with.
    pub fn clinic_and_ledger(&self) -> (Clinic, Ledger) {
        let mut ledger = Ledger::default();
        let mut live = Vec::new();
        for record in self.records.values() {
            ledger
                .records
                .entry(record.collection)
                .or_default()
                .push(record.entry.clone());
            if let (false, Some(value)) = (record.entry.deleted, &record.value) {
                live.push(Record {
                    collection: record.collection,
                    id: record.entry.id,
                    value: value.clone(),
                });
            }
        }
        (rebuild(&live), ledger)
    }

    /// The records whose histories here and on the server differ: the
    /// only ones a round needs to merge or send. `ledger` is stamped.
    pub fn differing(&self, ledger: &Ledger) -> Keys {
        let mut keys = Keys::new();
        let mut ours = std::collections::HashSet::new();
        for (collection, entries) in &ledger.records {
            for entry in entries {
                let key = (*collection, entry.id);
                ours.insert(key);
                if self.records.get(&key).map(|held| &held.entry) != Some(entry) {
                    keys.insert(key);
                }
            }
        }
        keys.extend(self.records.keys().filter(|key| !ours.contains(*key)));
        keys
    }

    /// Merges the server's records into this device's clinic, as
    /// [`merge_clinics`] would with the server as the other device, but
    /// looking only at the records whose histories differ (few, between
    /// rounds). `ledger` must be stamped with `clinic`. With the records
    /// looked at, for [`ServerCopy::outgoing`] after.
    pub fn merge_into(
        &self,
        clinic: Clinic,
        ledger: Ledger,
        now: &str,
    ) -> (ClinicMerge, Option<Keys>) {
        let keys = self.differing(&ledger);
        if keys.len() > FEW {
            return (self.merge_whole(&clinic, &ledger, now), None);
        }
        let our_records = records_where(&clinic, |c, id| keys.contains(&(c, id)));
        let mut their_ledger = Ledger::default();
        let mut their_records = Vec::new();
        for record in keys.iter().filter_map(|key| self.records.get(key)) {
            (their_ledger.records.entry(record.collection).or_default()).push(record.entry.clone());
            if let (false, Some(value)) = (record.entry.deleted, &record.value) {
                their_records.push(Record {
                    collection: record.collection,
                    id: record.entry.id,
                    value: value.clone(),
                });
            }
        }
        // A record given an id of its own (its id was another's, in a
        // hand-edited file) is found only by taking the whole clinic apart.
        if !our_records
            .iter()
            .chain(&their_records)
            .all(named_by_content)
        {
            return (self.merge_whole(&clinic, &ledger, now), None);
        }
        let mut our_ledger = Ledger::default();
        for (collection, entries) in &ledger.records {
            let these = entries
                .iter()
                .filter(|e| keys.contains(&(*collection, e.id)));
            (our_ledger.records.entry(*collection).or_default()).extend(these.cloned());
        }
        // Only to name the records for a person.
        let theirs = rebuild(&their_records);
        let mut merge = merge_records(
            our_records,
            &our_ledger,
            their_records,
            &their_ledger,
            (&clinic, &theirs),
        );
        merge.onto = Some(Box::new((clinic, ledger)));
        (merge, Some(keys))
    }

    /// The merge of the server's records with the whole of this device's
    /// clinic, as with another device's backup.
    fn merge_whole(&self, clinic: &Clinic, ledger: &Ledger, now: &str) -> ClinicMerge {
        let (theirs, their_ledger) = self.clinic_and_ledger();
        merge_clinics(clinic, ledger, &theirs, &their_ledger, now)
    }

    /// The records of `clinic` the server does not have as they are here:
    /// new, changed or deleted since (`ledger` brought up to date with the
    /// clinic, and merged with the server's, first). Only among `among`
    /// when given: the records a round looked at.
    pub fn outgoing(
        &self,
        clinic: &Clinic,
        ledger: &Ledger,
        among: Option<&Keys>,
    ) -> Vec<SharedRecord> {
        let looked_at = |c: Collection, id: Id| among.is_none_or(|keys| keys.contains(&(c, id)));
        let values: HashMap<(Collection, Id), Value> = records_where(clinic, looked_at)
            .into_iter()
            .map(|r| ((r.collection, r.id), r.value))
            .collect();
        let mut out = Vec::new();
        for (collection, entries) in &ledger.records {
            for entry in entries {
                let key = (*collection, entry.id);
                if !looked_at(key.0, key.1) {
                    continue;
                }
                let same = self
                    .records
                    .get(&key)
                    .is_some_and(|held| held.entry == *entry);
                if same {
                    continue;
                }
                let value = if entry.deleted {
                    None
                } else {
                    match values.get(&key) {
                        Some(value) => Some(value.clone()),
                        // Not in the clinic, yet not marked deleted: the
                        // ledger is behind the clinic; sent once it is not.
                        None => continue,
                    }
                };
                out.push(SharedRecord {
                    collection: *collection,
                    entry: entry.clone(),
                    value,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::merge_clinics;
    use super::*;
    use crate::domain::clinic::people::Person;

    const MONDAY: &str = "2026-03-02T09:00:00Z";
    const TUESDAY: &str = "2026-03-03T09:00:00Z";

    fn with_people(names: &[(Id, &str)]) -> Clinic {
        let mut clinic = Clinic::default();
        for (id, name) in names {
            clinic.people.push(Person {
                id: *id,
                name: name.to_string(),
                ..Person::default()
            });
        }
        clinic
    }

    /// One round of sharing, as a device does it: merge with the server's
    /// records, keep the result, send what the server lacks.
    fn share(clinic: &mut Clinic, ledger: &mut Ledger, server: &mut ServerCopy, now: &str) {
        ledger.stamp(clinic, now);
        let (theirs, their_ledger) = server.clinic_and_ledger();
        let merge = merge_clinics(clinic, ledger, &theirs, &their_ledger, now);
        assert!(merge.conflicts.is_empty(), "{:?}", merge.conflicts);
        let (merged, merged_ledger) = merge.finish(&[], now);
        *clinic = merged;
        *ledger = merged_ledger;
        for record in server.outgoing(clinic, ledger, None) {
            server.take(record);
        }
    }

    fn names(clinic: &Clinic) -> Vec<String> {
        let mut names: Vec<String> = clinic.people.iter().map(|p| p.name.clone()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_clinic_sends_every_record_once_and_then_nothing() {
        let mut clinic = with_people(&[(1, "Sam Taylor"), (2, "Priya Khan")]);
        let mut ledger = Ledger::default();
        let mut server = ServerCopy::default();
        ledger.stamp(&clinic, MONDAY);
        let first = server.outgoing(&clinic, &ledger, None);
        // The settings and the two people.
        assert_eq!(first.len(), 3);
        assert!(first.iter().any(|r| r.name() == "person 1"));
        share(&mut clinic, &mut ledger, &mut server, MONDAY);
        assert!(server.outgoing(&clinic, &ledger, None).is_empty());
    }

    #[test]
    fn two_devices_that_change_different_people_end_the_same() {
        let mut server = ServerCopy::default();
        let (mut a, mut a_ledger) = (with_people(&[(1, "Sam Taylor")]), Ledger::default());
        share(&mut a, &mut a_ledger, &mut server, MONDAY);
        let (mut b, mut b_ledger) = (Clinic::default(), Ledger::default());
        share(&mut b, &mut b_ledger, &mut server, MONDAY);
        assert_eq!(names(&b), ["Sam Taylor"]);

        a.people.push(Person {
            id: 2,
            name: "Priya Khan".into(),
            ..Person::default()
        });
        b.people[0].name = "Sam Taylor-Jones".into();
        share(&mut a, &mut a_ledger, &mut server, TUESDAY);
        share(&mut b, &mut b_ledger, &mut server, TUESDAY);
        share(&mut a, &mut a_ledger, &mut server, TUESDAY);
        assert_eq!(names(&a), ["Priya Khan", "Sam Taylor-Jones"]);
        assert_eq!(names(&a), names(&b));
    }

    #[test]
    fn a_person_deleted_on_one_device_stays_deleted_on_the_other() {
        let mut server = ServerCopy::default();
        let (mut a, mut a_ledger) = (
            with_people(&[(1, "Sam Taylor"), (2, "Priya Khan")]),
            Ledger::default(),
        );
        share(&mut a, &mut a_ledger, &mut server, MONDAY);
        let (mut b, mut b_ledger) = (Clinic::default(), Ledger::default());
        share(&mut b, &mut b_ledger, &mut server, MONDAY);
        a.people.retain(|p| p.id != 2);
        share(&mut a, &mut a_ledger, &mut server, TUESDAY);
        let sent = server.records.get(&(Collection::Person, 2)).unwrap();
        assert!(sent.entry.deleted && sent.value.is_none());
        share(&mut b, &mut b_ledger, &mut server, TUESDAY);
        assert_eq!(names(&b), ["Sam Taylor"]);
    }

    #[test]
    fn the_same_person_changed_on_both_devices_is_a_choice() {
        let mut server = ServerCopy::default();
        let (mut a, mut a_ledger) = (with_people(&[(1, "Sam Taylor")]), Ledger::default());
        share(&mut a, &mut a_ledger, &mut server, MONDAY);
        let (mut b, mut b_ledger) = (Clinic::default(), Ledger::default());
        share(&mut b, &mut b_ledger, &mut server, MONDAY);
        a.people[0].name = "Sam Taylor-Jones".into();
        b.people[0].name = "Samuel Taylor".into();
        share(&mut a, &mut a_ledger, &mut server, TUESDAY);
        b_ledger.stamp(&b, TUESDAY);
        let (theirs, their_ledger) = server.clinic_and_ledger();
        let merge = merge_clinics(&b, &b_ledger, &theirs, &their_ledger, TUESDAY);
        assert_eq!(merge.conflicts.len(), 1);
        // Device B keeps the other device's version; the choice is shared.
        let (chosen, chosen_ledger) = merge.finish(&[super::super::Side::OtherDevice], TUESDAY);
        let (b, b_ledger) = (chosen, chosen_ledger);
        let sent = server.outgoing(&b, &b_ledger, None);
        assert_eq!(sent.len(), 1);
        for record in sent {
            server.take(record);
        }
        let (mut b, mut b_ledger) = (b, b_ledger);
        share(&mut a, &mut a_ledger, &mut server, TUESDAY);
        share(&mut b, &mut b_ledger, &mut server, TUESDAY);
        assert_eq!(names(&a), ["Sam Taylor-Jones"]);
        assert_eq!(names(&b), ["Sam Taylor-Jones"]);
    }
}
