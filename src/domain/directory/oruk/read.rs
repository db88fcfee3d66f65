//! One service read from an Open Referral UK file of either version: 1.0
//! (`regular_schedules`, `physical_addresses`, `eligibilitys`,
//! `service_taxonomys`) or 3.0 (`schedules`, `addresses`, ages on the service,
//! taxonomy terms in `attributes`, `alert`, `languages`). Both versions' names
//! are read wherever they are found, and every field with something in it
//! that the directory does not keep is named, so the preview can say so.

use super::{Version, BYDAY};
use crate::domain::dates;
use crate::domain::directory::{Access, Category, Service};
use serde_json::{Map, Value};

/// The fields the directory keeps, by their path in a service (lists are
/// looked into, so `schedules.byday` is every schedule's `byday`).
const KEPT: &[&str] = &[
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "attending_access",
    "assured_date",
    "alert",
    "minimum_age",
    "maximum_age",
    "eligibility_description",
    "organization.name",
    "contacts.name",
    "contacts.title",
    "contacts.phones.number",
    "phones.number",
    "service_at_locations.location.name",
    "service_at_locations.location.addresses.address_1",
    "service_at_locations.location.addresses.address_2",
    "service_at_locations.location.addresses.city",
    "service_at_locations.location.addresses.postal_code",
    "service_at_locations.location.physical_addresses.address_1",
    "service_at_locations.location.physical_addresses.address_2",
    "service_at_locations.location.physical_addresses.city",
    "service_at_locations.location.physical_addresses.postal_code",
    "service_at_locations.location.accessibility.description",
    "service_at_locations.location.accessibility.details",
    "service_at_locations.location.accessibility_for_disabilities.accessibility",
    "service_at_locations.location.accessibility_for_disabilities.details",
    "schedules.byday",
    "schedules.opens_at",
    "schedules.closes_at",
    "schedules.description",
    "regular_schedules.byday",
    "regular_schedules.opens_at",
    "regular_schedules.closes_at",
    "regular_schedules.description",
    "cost_options.option",
    "cost_options.amount",
    "cost_options.amount_description",
    "eligibilitys.eligibility",
    "eligibilitys.minimum_age",
    "eligibilitys.maximum_age",
    "eligibility.eligibility",
    "eligibility.minimum_age",
    "eligibility.maximum_age",
    "service_taxonomys.taxonomy.name",
    "attributes.taxonomy_term.name",
    "languages.name",
    "languages.language",
];

/// Fields that only link or label records (ids, kinds of location and
/// address, a taxonomy's own name and wording): not something a council
/// published about the service.
fn links_records(path: &str, key: &str) -> bool {
    key == "id"
        || key.ends_with("_id")
        || matches!(
            key,
            "location_type" | "address_type" | "link_type" | "vocabulary"
        )
        || path.starts_with("attributes.taxonomy_term.")
        || path.starts_with("service_taxonomys.taxonomy.")
}

/// Adds `name` to names kept in order, once.
fn add_name(names: &mut Vec<String>, name: String) {
    if let Err(at) = names.binary_search(&name) {
        names.insert(at, name);
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.iter().all(is_empty),
        Value::Object(fields) => fields.values().all(is_empty),
        _ => false,
    }
}

/// Adds to `dropped` the path of every field in `fields` that holds
/// something the directory does not keep.
fn dropped_fields(fields: &Map<String, Value>, prefix: &str, dropped: &mut Vec<String>) {
    for (key, value) in fields {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        // The organisation's description the app writes is its name, as it keeps no other.
        let only_the_name = path == "organization.description"
            && value.as_str().map(str::trim) == Some(&text(fields, "name"));
        if is_empty(value) || links_records(&path, key) || only_the_name {
            continue;
        }
        let inner: Vec<&Map<String, Value>> = match value {
            Value::Object(one) => vec![one],
            Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
            _ => Vec::new(),
        };
        if inner.is_empty() {
            if !KEPT.contains(&path.as_str()) {
                add_name(dropped, path);
            }
        } else if KEPT.iter().any(|k| k.starts_with(&format!("{path}."))) {
            for one in inner {
                dropped_fields(one, &path, dropped);
            }
        } else {
            add_name(dropped, path);
        }
    }
}

/// Which version a service's fields belong to, when they say.
pub fn version_of(fields: &Map<String, Value>) -> Option<Version> {
    const ONLY_3: [&str; 6] = [
        "schedules",
        "attributes",
        "alert",
        "minimum_age",
        "maximum_age",
        "last_modified",
    ];
    const ONLY_1: [&str; 4] = [
        "regular_schedules",
        "service_taxonomys",
        "eligibilitys",
        "holiday_schedules",
    ];
    if ONLY_3.iter().any(|k| fields.contains_key(*k)) {
        Some(Version::Three)
    } else if ONLY_1.iter().any(|k| fields.contains_key(*k)) {
        Some(Version::One)
    } else {
        None
    }
}

fn text(fields: &Map<String, Value>, key: &str) -> String {
    match fields.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn objects<'a>(fields: &'a Map<String, Value>, key: &str) -> Vec<&'a Map<String, Value>> {
    match fields.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(one)) => vec![one],
        _ => Vec::new(),
    }
}

/// The objects under the first of `keys` the record has: one version's name, then the other's.
fn objects_of<'a>(fields: &'a Map<String, Value>, keys: &[&str]) -> Vec<&'a Map<String, Value>> {
    keys.iter().flat_map(|k| objects(fields, k)).collect()
}

pub fn join_nonempty(parts: impl IntoIterator<Item = String>, separator: &str) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

/// "Ages 12 to 100" from a record's ages, if it has any.
fn ages(fields: &Map<String, Value>) -> String {
    match (text(fields, "minimum_age"), text(fields, "maximum_age")) {
        (min, max) if !min.is_empty() && !max.is_empty() => format!("Ages {min} to {max}"),
        (min, _) if !min.is_empty() => format!("Ages {min} and over"),
        (_, max) if !max.is_empty() => format!("Ages up to {max}"),
        _ => String::new(),
    }
}

/// "10:00" from "10:00:00", "10:00" or "10:00Z".
fn hours(time: &str) -> String {
    time.get(..5).unwrap_or(time).to_string()
}

/// "£35" or "£2.50" from an amount, or "Free". Written from the number's own
/// digits: formatting a float to 2 places would bring in 10 KB or more of code.
fn money(amount: &Value) -> Option<String> {
    let Value::Number(number) = amount else {
        return None;
    };
    if number.as_f64() == Some(0.0) {
        return Some("Free".to_string());
    }
    let digits = number.to_string();
    let pence = match digits.split_once('.') {
        Some((_, p)) if p.len() == 1 => "0",
        _ => "",
    };
    Some(format!("£{digits}{pence}"))
}

/// An option saying only that the service is free, and for everyone.
fn is_just_free(option: &Map<String, Value>) -> bool {
    let words = text(option, "option").to_lowercase();
    text(option, "amount_description").is_empty()
        && (words == "free"
            || (words.is_empty() && option.get("amount").and_then(Value::as_f64) == Some(0.0)))
}

fn is_free(option: &Map<String, Value>) -> bool {
    option.get("amount").and_then(Value::as_f64) == Some(0.0)
        || text(option, "option").to_lowercase().contains("free")
}

/// A service from one entry of a file, with the terms it is filed under
/// that match none of the directory's categories.
pub fn service_from(
    fields: &Map<String, Value>,
    dropped: &mut Vec<String>,
    unmatched: &mut Vec<String>,
) -> Service {
    dropped_fields(fields, "", dropped);
    let organisation = objects(fields, "organization")
        .first()
        .map(|o| text(o, "name"))
        .unwrap_or_default();
    let contacts = objects(fields, "contacts");
    let phone = contacts
        .iter()
        .flat_map(|c| objects(c, "phones"))
        .chain(objects(fields, "phones"))
        .map(|p| text(p, "number"))
        .find(|n| !n.is_empty())
        .unwrap_or_default();
    let contact = join_nonempty(
        contacts
            .iter()
            .map(|c| match (text(c, "name"), text(c, "title")) {
                (name, title) if !name.is_empty() && !title.is_empty() => {
                    format!("{name} ({title})")
                }
                (name, title) => name + &title,
            }),
        "; ",
    );
    let locations: Vec<&Map<String, Value>> = objects(fields, "service_at_locations")
        .iter()
        .flat_map(|sal| objects(sal, "location"))
        .collect();
    let place = join_nonempty(
        locations.iter().map(|location| {
            let address = objects_of(location, &["addresses", "physical_addresses"])
                .first()
                .map(|a| {
                    join_nonempty(
                        ["address_1", "address_2", "city", "postal_code"].map(|k| text(a, k)),
                        ", ",
                    )
                })
                .unwrap_or_default();
            join_nonempty([text(location, "name"), address], ", ")
        }),
        "; ",
    );
    let accessibility = join_nonempty(
        locations
            .iter()
            .flat_map(|l| objects_of(l, &["accessibility", "accessibility_for_disabilities"]))
            .map(|a| {
                let what = [text(a, "description"), text(a, "accessibility")].concat();
                join_nonempty([what, text(a, "details")], ": ")
            }),
        "; ",
    );
    let schedules = objects_of(fields, &["schedules", "regular_schedules"]);
    let mut days: Vec<u8> = schedules
        .iter()
        .flat_map(|s| {
            text(s, "byday")
                .split(',')
                .filter_map(|d| BYDAY.iter().position(|b| d.trim().ends_with(b)))
                .map(|d| d as u8)
                .collect::<Vec<_>>()
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    let when = join_nonempty(
        schedules.iter().map(|s| {
            let (opens, closes) = (text(s, "opens_at"), text(s, "closes_at"));
            let times = match (opens.is_empty(), closes.is_empty()) {
                (false, false) => format!("{} to {}", hours(&opens), hours(&closes)),
                (false, true) => format!("From {}", hours(&opens)),
                _ => String::new(),
            };
            join_nonempty([times, text(s, "description")], ". ")
        }),
        "; ",
    );
    let costs = objects(fields, "cost_options");
    let fees = text(fields, "fees");
    // Free for some and paid for by others (an amount, or a price in words) is
    // not free: its costs are said in words.
    let priced = costs
        .iter()
        .any(|c| match c.get("amount").and_then(Value::as_f64) {
            Some(amount) => amount > 0.0,
            None => text(c, "option").contains('£'),
        });
    let free =
        !priced && (costs.iter().any(|c| is_free(c)) || fees.to_lowercase().starts_with("free"));
    // What the cost options say beyond a bare "free"; failing that, the fees in words.
    let options = join_nonempty(
        costs.iter().filter(|c| !is_just_free(c)).map(|c| {
            let price = join_nonempty(
                [
                    c.get("amount").and_then(money).unwrap_or_default(),
                    text(c, "amount_description"),
                ],
                " ",
            );
            match (price.is_empty(), text(c, "option")) {
                (false, option) if !option.is_empty() => format!("{price} ({option})"),
                (_, option) => price + &option,
            }
        }),
        "; ",
    );
    let cost = if options.is_empty() { fees } else { options };
    let who_for = join_nonempty(
        std::iter::once(join_nonempty(
            [text(fields, "eligibility_description"), ages(fields)],
            ". ",
        ))
        .chain(
            objects_of(fields, &["eligibilitys", "eligibility"])
                .iter()
                .map(|e| join_nonempty([text(e, "eligibility"), ages(e)], ". ")),
        ),
        ". ",
    );
    let mut categories: Vec<Category> = Vec::new();
    let terms = objects(fields, "service_taxonomys")
        .iter()
        .flat_map(|t| objects(t, "taxonomy"))
        .chain(
            objects(fields, "attributes")
                .iter()
                .flat_map(|a| objects(a, "taxonomy_term")),
        )
        .collect::<Vec<_>>();
    for term in terms {
        let name = text(term, "name");
        match Category::from_words(&name).or_else(|| Category::from_key(&text(term, "id"))) {
            Some(c) if !categories.contains(&c) => categories.push(c),
            Some(_) => {}
            None if !name.is_empty() => {
                add_name(unmatched, name);
            }
            None => {}
        }
    }
    let access = if text(fields, "attending_access")
        .to_lowercase()
        .contains("referral")
    {
        Access::ReferralNeeded
    } else {
        Access::SelfReferralWelcome
    };
    let languages = join_nonempty(
        objects(fields, "languages")
            .iter()
            .map(|l| [text(l, "name"), text(l, "language")].concat()),
        ", ",
    );
    let checked_on = text(fields, "assured_date")
        .get(..10)
        .and_then(dates::parse_iso)
        .map(dates::iso)
        .unwrap_or_default();
    Service {
        id: 0,
        name: text(fields, "name"),
        organisation,
        description: text(fields, "description"),
        categories,
        who_for,
        free,
        cost,
        days,
        when,
        place,
        phone,
        contact,
        email: text(fields, "email"),
        website: text(fields, "url"),
        languages,
        alert: text(fields, "alert"),
        access,
        accessibility,
        checked_on,
        oruk_id: text(fields, "id"),
    }
}
