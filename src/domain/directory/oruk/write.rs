//! The directory written as an Open Referral UK file: version 3.0 (the UK
//! profile) by default, with every id a UUID that stays the same from one
//! export to the next, every required field, and nothing the directory does
//! not know; or version 1.0 for councils still on it. A field with nothing in
//! it is left out rather than written empty.

use super::uuid::{is_uuid, uuid_for};
use super::BYDAY;
use crate::domain::directory::{Access, Service};
use serde_json::{json, Map, Value};

/// The id a service has in a 3.0 file: the UUID it came with, or one made
/// from the id it came with, or from its id in the directory.
pub fn service_uuid(service: &Service) -> String {
    let id = service.oruk_id.trim();
    if is_uuid(id) {
        id.to_lowercase()
    } else if id.is_empty() {
        uuid_for(&format!("service-{}", service.id))
    } else {
        uuid_for(&format!("open-referral-id:{id}"))
    }
}

/// "10:00 to 11:00. Bring boots" as the opening and closing times ("10:00:00",
/// "11:00:00") and the words after them; other words are all description.
fn times_in(when: &str) -> (Option<(String, String)>, &str) {
    let is_time = |t: &str| {
        let b = t.as_bytes();
        b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|i| b[*i].is_ascii_digit())
    };
    let (Some(opens), Some(" to "), Some(closes)) =
        (when.get(..5), when.get(5..9), when.get(9..14))
    else {
        return (None, when);
    };
    let rest = &when[14..];
    let description = match rest.strip_prefix(". ") {
        Some(words) => words,
        None if rest.is_empty() => "",
        None => return (None, when),
    };
    if is_time(opens) && is_time(closes) {
        (
            Some((format!("{opens}:00"), format!("{closes}:00"))),
            description,
        )
    } else {
        (None, when)
    }
}

/// A JSON object of the fields given, leaving out empty text.
fn fields<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let map: Map<String, Value> = pairs
        .into_iter()
        .filter(|(_, v)| !matches!(v, Value::String(s) if s.trim().is_empty()))
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    Value::Object(map)
}

fn when_written(s: &Service, id: String) -> Option<Value> {
    if s.days.is_empty() && s.when.trim().is_empty() {
        return None;
    }
    let byday: Vec<&str> = s
        .days
        .iter()
        .filter_map(|d| BYDAY.get(usize::from(*d)).copied())
        .collect();
    let (times, description) = times_in(s.when.trim());
    let (opens, closes) = times.unwrap_or_default();
    Some(fields([
        ("id", json!(id)),
        ("byday", json!(byday.join(","))),
        ("opens_at", json!(opens)),
        ("closes_at", json!(closes)),
        ("description", json!(description)),
    ]))
}

fn access_words(access: Access) -> &'static str {
    match access {
        Access::ReferralNeeded => "referral",
        Access::SelfReferralWelcome => "drop-in",
    }
}

fn organisation(s: &Service) -> Option<Value> {
    let name = s.organisation.trim();
    (!name.is_empty()).then(|| {
        json!({
            "id": uuid_for(&format!("organization:{}", name.to_lowercase())),
            "name": name,
            // Required by both versions; the directory keeps only the name.
            "description": name,
        })
    })
}

fn languages(s: &Service) -> impl Iterator<Item = &str> {
    s.languages
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// Adds `key` to `service` when `value` is something.
fn put(service: &mut Value, key: &str, value: Option<Value>) {
    if let (Some(value), Value::Object(map)) = (value, service) {
        if value.as_array().is_none_or(|list| !list.is_empty()) {
            map.insert(key.to_string(), value);
        }
    }
}

/// A website as 3.0's `uri` format wants it: "www.example.org" is written
/// "https://www.example.org".
fn web_address(website: &str) -> String {
    let website = website.trim();
    if website.is_empty() || website.contains("://") {
        website.to_string()
    } else {
        format!("https://{website}")
    }
}

fn service_v3(s: &Service) -> Value {
    let sid = service_uuid(s);
    let id = |part: &str| uuid_for(&format!("{sid}/{part}"));
    let mut service = fields([
        ("id", json!(sid)),
        ("name", json!(s.name)),
        ("description", json!(s.description)),
        ("url", json!(web_address(&s.website))),
        ("email", json!(s.email)),
        ("status", json!("active")),
        ("assured_date", json!(s.checked_on)),
        ("alert", json!(s.alert)),
        ("eligibility_description", json!(s.who_for)),
        ("attending_access", json!(access_words(s.access))),
    ]);
    put(&mut service, "organization", organisation(s));
    put(
        &mut service,
        "phones",
        (!s.phone.is_empty()).then(|| json!([{ "id": id("phone"), "number": s.phone }])),
    );
    put(
        &mut service,
        "contacts",
        (!s.contact.is_empty()).then(|| json!([{ "id": id("contact"), "name": s.contact }])),
    );
    put(
        &mut service,
        "service_at_locations",
        (!s.place.is_empty() || !s.accessibility.is_empty()).then(|| {
            let mut location = fields([
                ("id", json!(id("location"))),
                ("location_type", json!("physical")),
                ("name", json!(s.place)),
            ]);
            put(
                &mut location,
                "accessibility",
                (!s.accessibility.is_empty()).then(
                    || json!([{ "id": id("accessibility"), "description": s.accessibility }]),
                ),
            );
            json!([{ "id": id("at-location"), "location": location }])
        }),
    );
    put(
        &mut service,
        "schedules",
        when_written(s, id("schedule")).map(|w| json!([w])),
    );
    put(&mut service, "cost_options", cost_options(s, &sid));
    put(
        &mut service,
        "attributes",
        Some(Value::Array(
            s.categories
                .iter()
                .map(|c| {
                    let term = uuid_for(&format!("category:{}", c.key()));
                    json!({
                        "id": id(&format!("category/{}", c.key())),
                        "taxonomy_term_id": term,
                        "taxonomy_term": { "id": term, "name": c.name(), "description": c.name(), "taxonomy": "social-prescribing-app" },
                    })
                })
                .collect(),
        )),
    );
    put(
        &mut service,
        "languages",
        Some(Value::Array(
            languages(s)
                .map(|l| json!({ "id": id(&format!("language/{}", l.to_lowercase())), "name": l }))
                .collect(),
        )),
    );
    service
}

/// "Free" as an amount of 0, and the cost in words as an option of its own.
fn cost_options(s: &Service, sid: &str) -> Option<Value> {
    let free = s
        .free
        .then(|| json!({ "id": uuid_for(&format!("{sid}/cost")), "option": "Free", "amount": 0 }));
    let words = (!s.cost.is_empty())
        .then(|| json!({ "id": uuid_for(&format!("{sid}/cost-words")), "option": s.cost }));
    Some(Value::Array(free.into_iter().chain(words).collect()))
}

/// The directory as an Open Referral UK 3.0 page holding every service.
pub fn write(services: &[Service]) -> String {
    let contents: Vec<Value> = services.iter().map(service_v3).collect();
    let page = json!({
        "total_items": contents.len(),
        "total_pages": 1,
        "page_number": 1,
        "size": contents.len(),
        "first_page": true,
        "last_page": true,
        "empty": contents.is_empty(),
        "contents": contents,
    });
    serde_json::to_string_pretty(&page).unwrap_or_else(|_| "{}".to_string())
}

/// The id a service has in a 1.0 file: the one it came with, or one made from
/// its id in the directory.
pub fn service_v1_id(service: &Service) -> String {
    if service.oruk_id.is_empty() {
        format!("service-{}", service.id)
    } else {
        service.oruk_id.clone()
    }
}

fn service_v1(s: &Service) -> Value {
    let sid = service_v1_id(s);
    let part_ids = service_uuid(s);
    let id = |part: &str| uuid_for(&format!("{part_ids}/{part}"));
    let mut service = fields([
        ("id", json!(sid)),
        ("name", json!(s.name)),
        ("description", json!(s.description)),
        ("url", json!(s.website)),
        ("email", json!(s.email)),
        ("status", json!("active")),
        ("fees", json!(s.cost)),
        ("attending_access", json!(access_words(s.access))),
        ("assured_date", json!(s.checked_on)),
    ]);
    put(&mut service, "organization", organisation(s));
    put(
        &mut service,
        "contacts",
        (!s.phone.is_empty() || !s.contact.is_empty()).then(|| {
            let mut contact = fields([("id", json!(id("contact"))), ("name", json!(s.contact))]);
            put(
                &mut contact,
                "phones",
                (!s.phone.is_empty()).then(|| json!([{ "id": id("phone"), "number": s.phone }])),
            );
            json!([contact])
        }),
    );
    put(
        &mut service,
        "service_at_locations",
        (!s.place.is_empty() || !s.accessibility.is_empty()).then(|| {
            let mut location = fields([("id", json!(id("location"))), ("name", json!(s.place))]);
            put(
                &mut location,
                "accessibility_for_disabilities",
                (!s.accessibility.is_empty()).then(
                    || json!([{ "id": id("accessibility"), "accessibility": s.accessibility }]),
                ),
            );
            json!([{ "id": id("at-location"), "location": location }])
        }),
    );
    put(
        &mut service,
        "regular_schedules",
        when_written(s, id("schedule")).map(|w| json!([w])),
    );
    put(
        &mut service,
        "cost_options",
        s.free
            .then(|| json!([{ "id": id("cost"), "option": "Free", "amount": 0 }])),
    );
    put(
        &mut service,
        "eligibilitys",
        (!s.who_for.is_empty())
            .then(|| json!([{ "id": id("eligibility"), "eligibility": s.who_for }])),
    );
    put(
        &mut service,
        "service_taxonomys",
        Some(Value::Array(
            s.categories
                .iter()
                .map(|c| json!({
                    "id": id(&format!("category/{}", c.key())),
                    "taxonomy": { "id": c.key(), "name": c.name(), "vocabulary": "social-prescribing-app" }
                }))
                .collect(),
        )),
    );
    put(
        &mut service,
        "languages",
        Some(Value::Array(
            languages(s)
                .map(|l| json!({ "id": id(&format!("language/{}", l.to_lowercase())), "language": l }))
                .collect(),
        )),
    );
    service
}

/// The directory as an Open Referral UK 1.0 list of services, for councils
/// still on that version.
pub fn write_v1(services: &[Service]) -> String {
    let list: Vec<Value> = services.iter().map(service_v1).collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string())
}
