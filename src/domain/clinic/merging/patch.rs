//! Records put into a clinic one at a time, where [`super::records::rebuild`]
//! puts a whole clinic together: a round of live sharing changes a few
//! records of a clinic it already holds, and a patched clinic keeps what the
//! store knows of its parts, so only the parts that changed are written.

use super::records::{closed_id, plan_id, read, rota_id, Collection};
use crate::domain::clinic::{Clinic, Id, SAFE_YEARLY_MAXIMUM};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Puts each record in `clinic` as given (its content, or none once
/// deleted), in place of the copy there: the clinic then holds what
/// rebuilding it with these records would. People go in before their log
/// lines and plans.
pub(super) fn patch(clinic: &mut Clinic, rows: &[(Collection, Id, Option<Value>)]) {
    let mut rows: Vec<&(Collection, Id, Option<Value>)> = rows.iter().collect();
    rows.sort_by_key(|(collection, _, _)| *collection);
    for (collection, id, value) in rows {
        put(clinic, *collection, *id, value.as_ref());
    }
}

fn put(clinic: &mut Clinic, collection: Collection, id: Id, value: Option<&Value>) {
    match collection {
        Collection::Settings => {
            let settings = value.cloned().unwrap_or_default();
            clinic.slots = read(&settings["slots"]).unwrap_or_default();
            clinic.safe_yearly_maximum = settings["safe_yearly_maximum"]
                .as_u64()
                .map_or(SAFE_YEARLY_MAXIMUM, |n| n as u32);
        }
        Collection::Weekly => replace(&mut clinic.sessions.weekly, |s| s.id == id, value),
        Collection::OneOff => replace(&mut clinic.sessions.extra, |s| s.id == id, value),
        Collection::Closed => replace(&mut clinic.sessions.closed, |c| closed_id(c) == id, value),
        Collection::Volunteer => replace(&mut clinic.volunteers, |v| v.id == id, value),
        Collection::Rota => replace(&mut clinic.rota, |r| rota_id(r) == id, value),
        Collection::Person => {
            // The log lines are records of their own: a person's stay.
            let log = clinic.person(id).map(|p| p.log.clone()).unwrap_or_default();
            replace(&mut clinic.people, |p| p.id == id, value);
            if let Some(person) = clinic.person_mut(id) {
                person.log = log;
            }
        }
        Collection::Log => {
            for person in &mut clinic.people {
                person.log.retain(|entry| entry.id != id);
            }
            let Some(value) = value else {
                return;
            };
            let person = value["person"].as_u64().unwrap_or_default();
            if let (Some(entry), Some(p)) = (read(&value["entry"]), clinic.person_mut(person)) {
                p.log.push(entry);
                // Lines from two devices fall into date order; a day's lines keep theirs.
                p.log.sort_by(|a, b| a.on.cmp(&b.on));
            }
        }
        Collection::Appointment => replace(&mut clinic.bookings, |b| b.id == id, value),
        Collection::Removal => replace(&mut clinic.removals, |r| r.person == id, value),
        Collection::Plan => {
            for book in &mut clinic.plans {
                let person = book.person;
                book.book
                    .plans
                    .retain(|plan| plan_id(person, &plan.id) != id);
            }
            clinic.plans.retain(|book| !book.book.plans.is_empty());
            let Some(value) = value else {
                return;
            };
            let person = value["person"].as_u64().unwrap_or_default();
            if let Some(plan) = read(&value["plan"]) {
                let book = clinic.plans_of_mut(person);
                book.plans.push(plan);
                // Newest first, as a person's plans are kept.
                book.plans.sort_by(|a, b| b.started.cmp(&a.started));
            }
        }
    }
}

/// Puts the record read from `value` where the one `is_it` finds was, or at
/// the end; takes that one out when there is no value, or none that reads.
fn replace<T: DeserializeOwned>(
    list: &mut Vec<T>,
    is_it: impl Fn(&T) -> bool,
    value: Option<&Value>,
) {
    let at = list.iter().position(&is_it);
    match (at, value.and_then(read::<T>)) {
        (Some(at), Some(record)) => list[at] = record,
        (None, Some(record)) => list.push(record),
        (Some(at), None) => {
            list.remove(at);
        }
        (None, None) => {}
    }
}
