//! Bringing two volunteers' copies of the clinic together. The clinic is
//! taken apart into records (a person, an appointment, a line of a person's
//! log, a volunteer, a session...), each matched by its id. A [`Ledger`] kept
//! beside the clinic remembers every record's history of versions, brought up
//! to date ([`Ledger::stamp`]) whenever the clinic leaves the device in a
//! backup or another device's backup is merged in, so a merge can tell a
//! record changed on one side from one changed on both. The rules of the
//! merge itself are in [`crate::domain::merge`].

use super::{Clinic, Id};
use crate::domain::form::FieldError;
use crate::domain::merge::{self, Conflict, Versioned};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

/// The kinds of record a clinic is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Collection {
    /// Appointment lengths and the safe caseload: one record.
    Settings,
    Weekly,
    OneOff,
    Closed,
    Volunteer,
    Rota,
    Person,
    Log,
    Appointment,
    /// A person taken off the caseload, and why (by the person's id).
    Removal,
    /// A plan made with a person at the clinic.
    Plan,
}

impl Collection {
    pub const ALL: [Collection; 11] = [
        Collection::Settings,
        Collection::Weekly,
        Collection::OneOff,
        Collection::Closed,
        Collection::Volunteer,
        Collection::Rota,
        Collection::Person,
        Collection::Log,
        Collection::Appointment,
        Collection::Removal,
        Collection::Plan,
    ];

    /// "3 people", "1 appointment".
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Collection::Settings => (
                "change to the appointment settings",
                "changes to the appointment settings",
            ),
            Collection::Weekly => ("weekly session", "weekly sessions"),
            Collection::OneOff => ("one-off session", "one-off sessions"),
            Collection::Closed => ("closed date", "closed dates"),
            Collection::Volunteer => ("volunteer", "volunteers"),
            Collection::Rota => ("rota duty", "rota duties"),
            Collection::Person => ("person", "people"),
            Collection::Log => ("log entry", "log entries"),
            Collection::Appointment => ("appointment", "appointments"),
            Collection::Removal => ("removal of a person", "removals of people"),
            Collection::Plan => ("plan", "plans"),
        };
        crate::domain::counted(n, one, many)
    }
}

/// One record of the clinic, as plain data.
#[derive(Clone, Debug, PartialEq)]
struct Record {
    collection: Collection,
    id: Id,
    value: Value,
}

/// A short fingerprint of a record's content, below 2^53 so it survives a
/// trip through JavaScript.
fn content_hash(value: &Value) -> u64 {
    let text = value.to_string();
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    hash & ((1 << 53) - 1)
}

/// A stable id for a record that has none of its own (a closed date, a rota
/// duty), from what names it.
fn id_from(words: &str) -> Id {
    content_hash(&Value::String(words.to_string()))
}

/// The clinic taken apart into records. A record whose id is already taken in
/// its collection (which only a hand-edited file could cause) gets an id of
/// its own rather than being lost.
fn records(clinic: &Clinic) -> Vec<Record> {
    let mut out = Vec::new();
    let mut push = |collection: Collection, id: Id, value: Value| {
        out.push(Record {
            collection,
            id,
            value,
        })
    };
    push(
        Collection::Settings,
        0,
        json!({ "slots": to(&clinic.slots), "safe_yearly_maximum": clinic.safe_yearly_maximum }),
    );
    for s in &clinic.sessions.weekly {
        push(Collection::Weekly, s.id, to(s));
    }
    for s in &clinic.sessions.extra {
        push(Collection::OneOff, s.id, to(s));
    }
    for c in &clinic.sessions.closed {
        push(
            Collection::Closed,
            id_from(&format!("{}|{}", c.date, c.room)),
            to(c),
        );
    }
    for v in &clinic.volunteers {
        push(Collection::Volunteer, v.id, to(v));
    }
    for r in &clinic.rota {
        push(
            Collection::Rota,
            id_from(&format!("{}|{}", r.session, r.date)),
            to(r),
        );
    }
    for p in &clinic.people {
        let mut person = to(p);
        person["log"] = Value::Array(Vec::new());
        push(Collection::Person, p.id, person);
        for entry in &p.log {
            push(
                Collection::Log,
                entry.id,
                json!({ "person": p.id, "entry": to(entry) }),
            );
        }
    }
    for b in &clinic.bookings {
        push(Collection::Appointment, b.id, to(b));
    }
    for r in &clinic.removals {
        push(Collection::Removal, r.person, to(r));
    }
    // Each plan is a record of its own, so two devices that changed
    // different plans of one person keep both changes.
    for book in &clinic.plans {
        for plan in &book.book.plans {
            push(
                Collection::Plan,
                id_from(&format!("{}|{}", book.person, plan.id)),
                json!({ "person": book.person, "plan": to(plan) }),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for record in &mut out {
        let mut n = 0u64;
        while !seen.insert((record.collection, record.id)) {
            n += 1;
            record.id = id_from(&format!("{}|{}|{n}", record.id, record.value));
        }
    }
    out
}

/// Any record as plain data.
fn to<T: Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

/// A record read back from plain data. Read from text, as the store reads
/// documents: one way of reading each type keeps the bundle smaller.
fn read<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_str(&value.to_string()).ok()
}

/// The clinic put back together from its records, in the order given.
fn rebuild(records: &[Record]) -> Clinic {
    let mut clinic = Clinic::default();
    let mut logs: Vec<(Id, super::people::LogEntry)> = Vec::new();
    for record in records {
        let value = record.value.clone();
        match record.collection {
            Collection::Settings => {
                if let Ok(slots) = read(&value["slots"]).ok_or(()) {
                    clinic.slots = slots;
                }
                if let Some(n) = value["safe_yearly_maximum"].as_u64() {
                    clinic.safe_yearly_maximum = n as u32;
                }
            }
            Collection::Weekly => clinic.sessions.weekly.extend(read(&value)),
            Collection::OneOff => clinic.sessions.extra.extend(read(&value)),
            Collection::Closed => clinic.sessions.closed.extend(read(&value)),
            Collection::Volunteer => clinic.volunteers.extend(read(&value)),
            Collection::Rota => clinic.rota.extend(read(&value)),
            Collection::Person => clinic.people.extend(read(&value)),
            Collection::Log => {
                let person = value["person"].as_u64().unwrap_or_default();
                if let Ok(entry) = read(&value["entry"]).ok_or(()) {
                    logs.push((person, entry));
                }
            }
            Collection::Appointment => clinic.bookings.extend(read(&value)),
            Collection::Removal => clinic.removals.extend(read(&value)),
            Collection::Plan => {
                let person = value["person"].as_u64().unwrap_or_default();
                if let Ok(plan) = read(&value["plan"]).ok_or(()) {
                    clinic.plans_of_mut(person).plans.push(plan);
                }
            }
        }
    }
    for (person, entry) in logs {
        if let Some(p) = clinic.person_mut(person) {
            p.log.push(entry);
        }
    }
    for book in &mut clinic.plans {
        // Newest first, as a person's plans are kept, whichever device made them.
        book.book.plans.sort_by(|a, b| b.started.cmp(&a.started));
    }
    for person in &mut clinic.people {
        // Lines from two devices fall into date order; a day's lines keep theirs.
        person.log.sort_by(|a, b| a.on.cmp(&b.on));
    }
    clinic
}

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

    fn entries(&self, collection: Collection) -> &[Versioned<u64>] {
        self.records.get(&collection).map_or(&[], Vec::as_slice)
    }
}

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
    let our_records = records(ours);
    let their_records = records(theirs);
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
    }
}

impl ClinicMerge {
    /// The choice made for each conflict, or an error for each left unmade.
    /// A conflict's choices are `conflict-<n>` (this device) and `conflict-<n>-other`.
    pub fn check_choices(&self, chosen: &[Option<Side>]) -> Result<Vec<Side>, Vec<FieldError>> {
        let mut sides = Vec::new();
        let mut errors = Vec::new();
        for (n, conflict) in self.conflicts.iter().enumerate() {
            match chosen.get(n).copied().flatten() {
                Some(side) => sides.push(side),
                None => errors.push(FieldError::new(
                    format!("conflict-{n}"),
                    format!(
                        "Select which version of {} to keep",
                        lower_first(&conflict.label)
                    ),
                )),
            }
        }
        if errors.is_empty() {
            Ok(sides)
        } else {
            Err(errors)
        }
    }

    /// Counts the self-referrals scanned in on the other device that are new
    /// here among what the merge adds (they are merged apart from the clinic,
    /// see `ClinicInbox::take_in`).
    pub fn add_referrals(&mut self, new: usize) {
        match new {
            0 => {}
            1 => self.added.push("1 self-referral scanned in".to_string()),
            n => self.added.push(format!("{n} self-referrals scanned in")),
        }
    }

    /// What the merge did, said once it is saved: "1 person added: Sam
    /// Taylor", "2 appointments brought up to date: ...", then how each
    /// record changed on both devices was settled, with `choices`.
    pub fn summary(&self, choices: &[Side]) -> Vec<String> {
        let counts = [
            (&self.added, "added"),
            (&self.changed, "brought up to date"),
            (&self.removed, "removed"),
        ]
        .into_iter()
        .flat_map(|(list, how)| {
            list.iter().map(move |r| match r.split_once(": ") {
                Some((count, names)) => format!("{count} {how}: {names}"),
                None => format!("{r} {how}"),
            })
        });
        let settled = self.conflicts.iter().zip(choices).map(|(conflict, side)| {
            let kept = match side {
                Side::ThisDevice => "kept this device\u{2019}s version",
                Side::OtherDevice => "took the other device\u{2019}s version",
            };
            let what: Vec<String> = conflict
                .differences
                .iter()
                .map(|d| {
                    let value = match side {
                        Side::ThisDevice => &d.this_device,
                        Side::OtherDevice => &d.other_device,
                    };
                    format!("{}: {}", d.field, value)
                })
                .collect();
            if what.is_empty() {
                format!("{}: {kept}", conflict.label)
            } else {
                format!("{}: {kept} ({})", conflict.label, what.join("; "))
            }
        });
        counts.chain(settled).collect()
    }

    /// Whether the merge would change nothing on this device.
    pub fn changes_nothing(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.conflicts.is_empty()
    }

    /// The merged clinic and ledger, with each conflict settled as chosen
    /// (one choice per conflict, in order).
    pub fn finish(mut self, choices: &[Side], now: &str) -> (Clinic, Ledger) {
        for (conflict, side) in self.conflicts.iter().zip(choices) {
            let ours_is_kept =
                conflict.ours.as_ref().map(Versioned::head) == Some(conflict.conflict.kept.head());
            let chosen = if (*side == Side::ThisDevice) == ours_is_kept {
                &conflict.conflict.kept
            } else {
                &conflict.conflict.other
            };
            let value = match side {
                Side::ThisDevice => conflict.this_device.clone(),
                Side::OtherDevice => conflict.other_device.clone(),
            };
            let resolved = Versioned::resolve(&conflict.conflict, chosen, now);
            if let Some(row) = self
                .rows
                .iter_mut()
                .find(|(c, e, _)| *c == conflict.collection && e.id == resolved.id)
            {
                row.2 = if resolved.deleted { None } else { value };
                row.1 = resolved;
            }
        }
        let records: Vec<Record> = self
            .rows
            .iter()
            .filter_map(|(collection, entry, value)| {
                value.clone().map(|value| Record {
                    collection: *collection,
                    id: entry.id,
                    value,
                })
            })
            .collect();
        let mut ledger = Ledger::default();
        for (collection, entry, _) in self.rows {
            ledger.records.entry(collection).or_default().push(entry);
        }
        (rebuild(&records), ledger)
    }
}

/// What a person would call a record, to choose between its two copies.
fn label(collection: Collection, value: Option<&Value>, ours: &Clinic, theirs: &Clinic) -> String {
    let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_string();
    let person_name = |id: Option<u64>| {
        id.and_then(|id| ours.person(id).or_else(|| theirs.person(id)))
            .map_or_else(|| "Someone".to_string(), |p| p.name.clone())
    };
    let Some(v) = value else {
        return "A deleted record".to_string();
    };
    let on = |date: &str| {
        crate::domain::dates::parse_iso(date)
            .map(crate::domain::dates::long_date)
            .unwrap_or_else(|| date.to_string())
    };
    match collection {
        Collection::Settings => "The appointment settings".to_string(),
        Collection::Weekly => read::<super::sessions::WeeklySession>(v).map_or_else(
            || "A weekly session".to_string(),
            |w| {
                format!(
                    "The session on {}",
                    super::forms::weekly_words(&w).replacen(',', "s,", 1)
                )
            },
        ),
        Collection::OneOff => read::<super::sessions::ExtraSession>(v).map_or_else(
            || "A one-off session".to_string(),
            |e| {
                format!(
                    "The session on {}, {}, {}",
                    on(&e.date),
                    e.times.words(),
                    e.room.trim()
                )
            },
        ),
        Collection::Closed => format!("The closed date {}", on(&text(v, "date"))),
        Collection::Volunteer => format!("{}\u{2019}s volunteer details", text(v, "name")),
        Collection::Rota => format!("The rota on {}", on(&text(v, "date"))),
        Collection::Person => format!("{}\u{2019}s record", text(v, "name")),
        Collection::Log => format!(
            "A line of {}\u{2019}s log from {}",
            person_name(v["person"].as_u64()),
            on(&text(&v["entry"], "on"))
        ),
        Collection::Appointment => format!(
            "{}\u{2019}s appointment on {}",
            person_name(v["person"].as_u64()),
            on(&text(v, "date"))
        ),
        Collection::Removal => format!("A person removed on {}", on(&text(v, "on"))),
        Collection::Plan => format!(
            "{}\u{2019}s plan started {}",
            person_name(v["person"].as_u64()),
            on(&text(&v["plan"], "started"))
        ),
    }
}

/// The fields that differ between the two copies, in words.
fn differences(collection: Collection, a: Option<&Value>, b: Option<&Value>) -> Vec<Difference> {
    let inner = |v: Option<&Value>| match (collection, v) {
        (Collection::Log, Some(v)) => v["entry"].clone(),
        (Collection::Plan, Some(v)) => v["plan"].clone(),
        (_, Some(v)) => v.clone(),
        (_, None) => Value::Null,
    };
    let (mut a, mut b) = (inner(a), inner(b));
    if collection == Collection::Plan {
        // "About going well" rather than the whole of "About" as code.
        flatten_sections(&mut a);
        flatten_sections(&mut b);
    }
    let deleted = |v: &Value| {
        if v.is_null() {
            "Deleted".to_string()
        } else {
            "Kept".to_string()
        }
    };
    if a.is_null() || b.is_null() {
        return vec![Difference {
            field: "Whether it is kept".to_string(),
            this_device: deleted(&a),
            other_device: deleted(&b),
        }];
    }
    let empty = serde_json::Map::new();
    let (fa, fb) = (
        a.as_object().unwrap_or(&empty),
        b.as_object().unwrap_or(&empty),
    );
    let mut fields: Vec<&String> = fa.keys().chain(fb.keys()).collect();
    fields.sort();
    fields.dedup();
    fields
        .into_iter()
        .filter(|f| fa.get(*f) != fb.get(*f))
        .map(|f| Difference {
            field: field_words(f),
            this_device: code_words(f, fa.get(f)).unwrap_or_else(|| value_words(fa.get(f))),
            other_device: code_words(f, fb.get(f)).unwrap_or_else(|| value_words(fb.get(f))),
        })
        .collect()
}

/// The records of each kind a merge adds, changes or removes, by name.
type Tally = BTreeMap<Collection, Vec<String>>;

/// How many to name in a count before "and 3 more".
const NAMED: usize = 5;

/// "2 people: Sam Taylor, Priya Khan"; past five, "and 3 more".
fn named_count(collection: Collection, names: &[String]) -> String {
    let count = collection.count(names.len());
    let mut shown: Vec<&str> = names.iter().take(NAMED).map(String::as_str).collect();
    let more = names.len().saturating_sub(NAMED);
    let more_words = format!("and {more} more");
    if more > 0 {
        shown.push(&more_words);
    }
    format!("{count}: {}", shown.join(", "))
}

/// What to call a record in a list of those a merge changes: a person by
/// their name, anything else as it is labelled for a choice.
fn brief_label(collection: Collection, value: Option<&Value>, ours: &Clinic, theirs: &Clinic) -> String {
    match (collection, value) {
        (Collection::Person, Some(v)) => v["name"].as_str().unwrap_or("Someone").to_string(),
        _ => label(collection, value, ours, theirs),
    }
}

/// A plan's sections made of fields (about me, if things get harder) as
/// fields of their own: `about.going_well` as `about_going_well`.
fn flatten_sections(plan: &mut Value) {
    let Some(fields) = plan.as_object_mut() else {
        return;
    };
    let sections: Vec<String> = fields
        .iter()
        .filter(|(_, v)| v.is_object())
        .map(|(k, _)| k.clone())
        .collect();
    for section in sections {
        if let Some(Value::Object(inner)) = fields.remove(&section) {
            for (field, value) in inner {
                fields.insert(format!("{section}_{field}"), value);
            }
        }
    }
}

/// "The rota on 3 March" as "the rota on 3 March"; a name stays as it is.
fn lower_first(label: &str) -> String {
    match label.split_once(' ') {
        Some((first @ ("The" | "A"), rest)) => format!("{} {rest}", first.to_lowercase()),
        _ => label.to_string(),
    }
}

/// "preferred_name" as "Preferred name".
fn field_words(field: &str) -> String {
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A field kept as one of the app's own codes ("did-not-attend"), in the
/// words its pages use ("Did not attend").
fn code_words(field: &str, value: Option<&Value>) -> Option<String> {
    use super::people::{EscalatedTo, Mode, PersonStatus, Source};
    fn read<T: serde::de::DeserializeOwned>(value: Option<&Value>) -> Option<T> {
        serde_json::from_value(value?.clone()).ok()
    }
    if field == "times" {
        return read::<super::time::TimeRange>(value).map(|t| t.words());
    }
    if field == "weekday" {
        let day = value?.as_u64()?;
        return Some(super::sessions::weekday_name(u8::try_from(day).ok()?).to_string());
    }
    let name = match field {
        "status" => read::<PersonStatus>(value)?.name(),
        "outcome" => read::<super::bookings::Outcome>(value)?.name(),
        "kind" => read::<super::slots::Kind>(value)?.name(),
        "mode" => read::<Mode>(value)?.name(),
        "source" => read::<Source>(value)?.name(),
        "escalated_to" => read::<EscalatedTo>(value)?.name(),
        _ => return None,
    };
    let mut chars = name.chars();
    Some(chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default())
}

fn value_words(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(blank)".to_string(),
        Some(Value::String(s)) if s.is_empty() => "(blank)".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "Yes".to_string(),
        Some(Value::Bool(false)) => "No".to_string(),
        Some(Value::Array(items)) if items.is_empty() => "(none)".to_string(),
        Some(other) => other.to_string(),
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
mod tests;
