//! The clinic taken apart into records, each of a [`Collection`] and matched
//! by its id, and put back together.

use crate::domain::clinic::{Clinic, Id};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

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
pub(super) struct Record {
    pub(super) collection: Collection,
    pub(super) id: Id,
    pub(super) value: Value,
}

/// A short fingerprint of a record's content, below 2^53 so it survives a
/// trip through JavaScript.
pub(super) fn content_hash(value: &Value) -> u64 {
    let text = value.to_string();
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    hash & ((1 << 53) - 1)
}

/// A stable id for a record that has none of its own (a closed date, a rota
/// duty), from what names it.
pub(super) fn id_from(words: &str) -> Id {
    content_hash(&Value::String(words.to_string()))
}

/// The clinic taken apart into records. A record whose id is already taken in
/// its collection (which only a hand-edited file could cause) gets an id of
/// its own rather than being lost.
pub(super) fn records(clinic: &Clinic) -> Vec<Record> {
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
pub(super) fn to<T: Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

/// A record read back from plain data. Read from text, as the store reads
/// documents: one way of reading each type keeps the bundle smaller.
pub(super) fn read<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_str(&value.to_string()).ok()
}

/// The clinic put back together from its records, in the order given.
pub(super) fn rebuild(records: &[Record]) -> Clinic {
    let mut clinic = Clinic::default();
    let mut logs: Vec<(Id, crate::domain::clinic::people::LogEntry)> = Vec::new();
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
