//! The clinic taken apart into records, each of a [`Collection`] and matched
//! by its id, and put back together.

use crate::domain::clinic::bookings::Booking;
use crate::domain::clinic::corrections::Removal;
use crate::domain::clinic::people::{LogEntry, Person};
use crate::domain::clinic::rota::{RotaEntry, Volunteer};
use crate::domain::clinic::sessions::{ClosedDate, ExtraSession, WeeklySession};
use crate::domain::clinic::slots::SlotSettings;
use crate::domain::clinic::{Clinic, Id};
use crate::domain::plan::CarePlan;
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

/// One record of the clinic as it is held, not yet turned into plain data:
/// comparing two of these is cheap, making a [`Record`] of one is not.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Item<'a> {
    Settings(&'a SlotSettings, u32),
    Weekly(&'a WeeklySession),
    OneOff(&'a ExtraSession),
    Closed(&'a ClosedDate),
    Volunteer(&'a Volunteer),
    Rota(&'a RotaEntry),
    /// A person's log is compared with them, but not part of their record.
    Person(&'a Person),
    Log(Id, &'a LogEntry),
    Appointment(&'a Booking),
    Removal(&'a Removal),
    Plan(Id, &'a CarePlan),
}

impl Item<'_> {
    /// The record's content as plain data, as it is fingerprinted and shared.
    pub(super) fn value(&self) -> Value {
        match *self {
            Item::Settings(slots, max) => {
                json!({ "slots": to(slots), "safe_yearly_maximum": max })
            }
            Item::Weekly(s) => to(s),
            Item::OneOff(s) => to(s),
            Item::Closed(c) => to(c),
            Item::Volunteer(v) => to(v),
            Item::Rota(r) => to(r),
            Item::Person(p) => {
                let mut person = to(p);
                person["log"] = Value::Array(Vec::new());
                person
            }
            Item::Log(person, entry) => json!({ "person": person, "entry": to(entry) }),
            Item::Appointment(b) => to(b),
            Item::Removal(r) => to(r),
            Item::Plan(person, plan) => json!({ "person": person, "plan": to(plan) }),
        }
    }
}

/// The clinic's records by reference, each with its collection and id, in
/// the order [`records`] gives them (ids not yet made unique).
pub(super) fn items(clinic: &Clinic) -> Vec<(Collection, Id, Item<'_>)> {
    let mut out = vec![(
        Collection::Settings,
        0,
        Item::Settings(&clinic.slots, clinic.safe_yearly_maximum),
    )];
    out.extend(
        (clinic.sessions.weekly.iter()).map(|s| (Collection::Weekly, s.id, Item::Weekly(s))),
    );
    out.extend((clinic.sessions.extra.iter()).map(|s| (Collection::OneOff, s.id, Item::OneOff(s))));
    out.extend(
        (clinic.sessions.closed.iter())
            .map(|c| (Collection::Closed, closed_id(c), Item::Closed(c))),
    );
    out.extend(
        (clinic.volunteers.iter()).map(|v| (Collection::Volunteer, v.id, Item::Volunteer(v))),
    );
    out.extend((clinic.rota.iter()).map(|r| (Collection::Rota, rota_id(r), Item::Rota(r))));
    for p in &clinic.people {
        out.push((Collection::Person, p.id, Item::Person(p)));
        out.extend((p.log.iter()).map(|entry| (Collection::Log, entry.id, Item::Log(p.id, entry))));
    }
    out.extend(
        (clinic.bookings.iter()).map(|b| (Collection::Appointment, b.id, Item::Appointment(b))),
    );
    out.extend((clinic.removals.iter()).map(|r| (Collection::Removal, r.person, Item::Removal(r))));
    // Each plan is a record of its own, so two devices that changed
    // different plans of one person keep both changes.
    for book in &clinic.plans {
        out.extend(book.book.plans.iter().map(|plan| {
            (
                Collection::Plan,
                plan_id(book.person, &plan.id),
                Item::Plan(book.person, plan),
            )
        }));
    }
    out
}

pub(super) fn closed_id(c: &ClosedDate) -> Id {
    id_from(&format!("{}|{}", c.date, c.room))
}

pub(super) fn rota_id(r: &RotaEntry) -> Id {
    id_from(&format!("{}|{}", r.session, r.date))
}

pub(super) fn plan_id(person: Id, plan: &str) -> Id {
    id_from(&format!("{person}|{plan}"))
}

/// Whether the record's id is the one its content names it by: false only
/// for a record given an id of its own because another had its id (see
/// [`records`]), which can be matched only by taking the whole clinic apart.
pub(super) fn named_by_content(record: &Record) -> bool {
    let v = &record.value;
    let id = match record.collection {
        Collection::Settings => Some(0),
        Collection::Closed => read::<ClosedDate>(v).map(|c| closed_id(&c)),
        Collection::Rota => read::<RotaEntry>(v).map(|r| rota_id(&r)),
        Collection::Plan => v["plan"]["id"]
            .as_str()
            .zip(v["person"].as_u64())
            .map(|(plan, person)| plan_id(person, plan)),
        Collection::Log => v["entry"]["id"].as_u64(),
        Collection::Removal => v["person"].as_u64(),
        _ => v["id"].as_u64(),
    };
    id == Some(record.id)
}

/// Whether no two of the clinic's records share a collection and id (only
/// a hand-edited file could make two do so).
pub(super) fn ids_unique(items: &[(Collection, Id, Item<'_>)]) -> bool {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items.iter().all(|(c, id, _)| seen.insert((*c, *id)))
}

/// The clinic taken apart into records. A record whose id is already taken in
/// its collection (which only a hand-edited file could cause) gets an id of
/// its own rather than being lost.
pub(super) fn records(clinic: &Clinic) -> Vec<Record> {
    let mut out: Vec<Record> = items(clinic)
        .into_iter()
        .map(|(collection, id, item)| Record {
            collection,
            id,
            value: item.value(),
        })
        .collect();
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

/// The records of the clinic whose collection and id `keep` says, made into
/// plain data (and only those, unless two records share an id).
pub(super) fn records_where(clinic: &Clinic, keep: impl Fn(Collection, Id) -> bool) -> Vec<Record> {
    let items = items(clinic);
    if !ids_unique(&items) {
        let mut all = records(clinic);
        all.retain(|r| keep(r.collection, r.id));
        return all;
    }
    items
        .into_iter()
        .filter(|(collection, id, _)| keep(*collection, *id))
        .map(|(collection, id, item)| Record {
            collection,
            id,
            value: item.value(),
        })
        .collect()
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
