//! What to call a record and its fields, in the words of the app's pages,
//! for a person choosing between two copies or reading what a merge did.

use super::records::{read, Collection};
use super::Difference;
use crate::domain::clinic::Clinic;
use serde_json::Value;
use std::collections::BTreeMap;

/// What a person would call a record, to choose between its two copies.
pub(super) fn label(
    collection: Collection,
    value: Option<&Value>,
    ours: &Clinic,
    theirs: &Clinic,
) -> String {
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
        Collection::Weekly => read::<crate::domain::clinic::sessions::WeeklySession>(v)
            .map_or_else(
                || "A weekly session".to_string(),
                |w| {
                    format!(
                        "The session on {}",
                        crate::domain::clinic::forms::weekly_words(&w).replacen(',', "s,", 1)
                    )
                },
            ),
        Collection::OneOff => read::<crate::domain::clinic::sessions::ExtraSession>(v).map_or_else(
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
pub(super) fn differences(
    collection: Collection,
    a: Option<&Value>,
    b: Option<&Value>,
) -> Vec<Difference> {
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
pub(super) type Tally = BTreeMap<Collection, Vec<String>>;

/// How many to name in a count before "and 3 more".
pub(super) const NAMED: usize = 5;

/// "2 people: Sam Taylor, Priya Khan"; past five, "and 3 more".
pub(super) fn named_count(collection: Collection, names: &[String]) -> String {
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
pub(super) fn brief_label(
    collection: Collection,
    value: Option<&Value>,
    ours: &Clinic,
    theirs: &Clinic,
) -> String {
    match (collection, value) {
        (Collection::Person, Some(v)) => v["name"].as_str().unwrap_or("Someone").to_string(),
        _ => label(collection, value, ours, theirs),
    }
}

/// A plan's sections made of fields (about me, if things get harder) as
/// fields of their own: `about.going_well` as `about_going_well`.
pub(super) fn flatten_sections(plan: &mut Value) {
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
pub(super) fn lower_first(label: &str) -> String {
    match label.split_once(' ') {
        Some((first @ ("The" | "A"), rest)) => format!("{} {rest}", first.to_lowercase()),
        _ => label.to_string(),
    }
}

/// "preferred_name" as "Preferred name".
pub(super) fn field_words(field: &str) -> String {
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A field kept as one of the app's own codes ("did-not-attend"), in the
/// words its pages use ("Did not attend").
pub(super) fn code_words(field: &str, value: Option<&Value>) -> Option<String> {
    use crate::domain::clinic::people::{EscalatedTo, Mode, PersonStatus, Source};
    fn read<T: serde::de::DeserializeOwned>(value: Option<&Value>) -> Option<T> {
        serde_json::from_value(value?.clone()).ok()
    }
    if field == "photo" {
        // A photo is thousands of characters of code: say how large it is.
        let size = value.and_then(Value::as_str).map_or(0, str::len);
        return Some(match size {
            0 => "No photo".to_string(),
            size => format!("A photo of {} KB", size.div_ceil(1024)),
        });
    }
    if field == "times" {
        return read::<crate::domain::clinic::time::TimeRange>(value).map(|t| t.words());
    }
    if field == "weekday" {
        let day = value?.as_u64()?;
        return Some(
            crate::domain::clinic::sessions::weekday_name(u8::try_from(day).ok()?).to_string(),
        );
    }
    let name = match field {
        "status" => read::<PersonStatus>(value)?.name(),
        "outcome" => read::<crate::domain::clinic::bookings::Outcome>(value)?.name(),
        "kind" => read::<crate::domain::clinic::slots::Kind>(value)?.name(),
        "mode" => read::<Mode>(value)?.name(),
        "source" => read::<Source>(value)?.name(),
        "escalated_to" => read::<EscalatedTo>(value)?.name(),
        _ => return None,
    };
    let mut chars = name.chars();
    Some(
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default(),
    )
}

pub(super) fn value_words(value: Option<&Value>) -> String {
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
