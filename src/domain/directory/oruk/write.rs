//! The directory written as an Open Referral UK file: version 3.0 (the UK
//! profile) by default, with every id a UUID that stays the same from one
//! export to the next, every required field, and nothing the directory does
//! not know; or version 1.0 for councils still on it. A field with nothing in
//! it is left out rather than written empty.

use super::uuid::{is_uuid, uuid_for};
use super::{Version, BYDAY};
use crate::domain::directory::{Access, Service};
use serde_json::{Map, Value};

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
    // "09:30", a real time of day.
    let is_time = |t: &str| {
        let b = t.as_bytes();
        let number = |i: usize| (b[i] - b'0') * 10 + (b[i + 1] - b'0');
        b.len() == 5
            && b[2] == b':'
            && [0, 1, 3, 4].iter().all(|i| b[*i].is_ascii_digit())
            && number(0) < 24
            && number(3) < 60
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

/// A JSON object built a field at a time, leaving out empty text and empty
/// lists. One small builder rather than `json!` for each object: the macro's
/// code for every field cost the directory's page several KB.
struct Object(Map<String, Value>);

impl Object {
    /// An object with its id.
    fn new(id: String) -> Self {
        Object(Map::new()).text("id", &id)
    }

    fn text(mut self, key: &str, value: &str) -> Self {
        if !value.trim().is_empty() {
            self.0
                .insert(key.to_string(), Value::String(value.to_string()));
        }
        self
    }

    fn value(mut self, key: &str, value: Value) -> Self {
        self.0.insert(key.to_string(), value);
        self
    }

    /// The list under `key`, if it has anything in it.
    fn list(mut self, key: &str, items: Vec<Object>) -> Self {
        if !items.is_empty() {
            let items = items.into_iter().map(Object::done).collect();
            self.0.insert(key.to_string(), Value::Array(items));
        }
        self
    }

    fn object(mut self, key: &str, item: Option<Object>) -> Self {
        if let Some(item) = item {
            self.0.insert(key.to_string(), item.done());
        }
        self
    }

    fn done(self) -> Value {
        Value::Object(self.0)
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

/// The id a service has in a 1.0 file: the one it came with, or one made from
/// its id in the directory.
pub fn service_v1_id(service: &Service) -> String {
    if service.oruk_id.is_empty() {
        format!("service-{}", service.id)
    } else {
        service.oruk_id.clone()
    }
}

/// One service in the shape of `version`.
fn service_out(s: &Service, version: Version) -> Value {
    let three = version == Version::Three;
    let sid = service_uuid(s);
    // Every part's id is made from the service's and the part's name.
    let part = |name: &str| Object::new(uuid_for(&format!("{sid}/{name}")));
    let (id, website) = if three {
        (sid.clone(), web_address(&s.website))
    } else {
        (service_v1_id(s), s.website.clone())
    };
    let organisation = s.organisation.trim();
    let organisation = (!organisation.is_empty()).then(|| {
        Object::new(uuid_for(&format!(
            "organization:{}",
            organisation.to_lowercase()
        )))
        .text("name", organisation)
        // Required by both versions; the directory keeps only the name.
        .text("description", organisation)
    });
    let phones = || {
        (!s.phone.is_empty())
            .then(|| part("phone").text("number", &s.phone))
            .into_iter()
            .collect::<Vec<_>>()
    };
    let contacts = if three {
        (!s.contact.is_empty()).then(|| part("contact").text("name", &s.contact))
    } else {
        (!s.contact.is_empty() || !s.phone.is_empty()).then(|| {
            part("contact")
                .text("name", &s.contact)
                .list("phones", phones())
        })
    };
    let location = (!s.place.is_empty() || !s.accessibility.is_empty()).then(|| {
        let (list, words) = if three {
            ("accessibility", "description")
        } else {
            ("accessibility_for_disabilities", "accessibility")
        };
        let accessibility = (!s.accessibility.is_empty())
            .then(|| part("accessibility").text(words, &s.accessibility));
        let location = part("location")
            .text("location_type", if three { "physical" } else { "" })
            .text("name", &s.place)
            .list(list, accessibility.into_iter().collect());
        part("at-location").object("location", Some(location))
    });
    let schedule = (!s.days.is_empty() || !s.when.trim().is_empty()).then(|| {
        let byday: Vec<&str> = s
            .days
            .iter()
            .filter_map(|d| BYDAY.get(usize::from(*d)).copied())
            .collect();
        let (times, description) = times_in(s.when.trim());
        let (opens, closes) = times.unwrap_or_default();
        part("schedule")
            .text("byday", &byday.join(","))
            .text("opens_at", &opens)
            .text("closes_at", &closes)
            .text("description", description)
    });
    let free = s.free.then(|| {
        part("cost")
            .text("option", "Free")
            .value("amount", Value::from(0))
    });
    // 3.0 has no fees: the cost in words is an option of its own.
    let cost_words =
        (three && !s.cost.is_empty()).then(|| part("cost-words").text("option", &s.cost));
    let categories = s.categories.iter().map(|c| {
        let link = part(&format!("category/{}", c.key()));
        if three {
            let term = uuid_for(&format!("category:{}", c.key()));
            let described = Object::new(term.clone())
                .text("name", c.name())
                .text("description", c.name())
                .text("taxonomy", "social-prescribing-app");
            link.text("taxonomy_term_id", &term)
                .object("taxonomy_term", Some(described))
        } else {
            let term = Object(Map::new())
                .text("id", c.key())
                .text("name", c.name())
                .text("vocabulary", "social-prescribing-app");
            link.object("taxonomy", Some(term))
        }
    });
    let languages = s
        .languages
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            part(&format!("language/{}", l.to_lowercase()))
                .text(if three { "name" } else { "language" }, l)
        });
    let who_for = (!three && !s.who_for.is_empty())
        .then(|| part("eligibility").text("eligibility", &s.who_for));
    Object::new(id)
        .text("name", &s.name)
        .text("description", &s.description)
        .text("url", &website)
        .text("email", &s.email)
        .text("status", "active")
        .text("fees", if three { "" } else { &s.cost })
        .text(
            "attending_access",
            match s.access {
                Access::ReferralNeeded => "referral",
                Access::SelfReferralWelcome => "drop-in",
            },
        )
        .text("assured_date", &s.checked_on)
        .text("alert", if three { &s.alert } else { "" })
        .text(
            "eligibility_description",
            if three { &s.who_for } else { "" },
        )
        .object("organization", organisation)
        .list("phones", if three { phones() } else { Vec::new() })
        .list("contacts", contacts.into_iter().collect())
        .list("service_at_locations", location.into_iter().collect())
        .list(
            if three {
                "schedules"
            } else {
                "regular_schedules"
            },
            schedule.into_iter().collect(),
        )
        .list("cost_options", free.into_iter().chain(cost_words).collect())
        .list("eligibilitys", who_for.into_iter().collect())
        .list(
            if three {
                "attributes"
            } else {
                "service_taxonomys"
            },
            categories.collect(),
        )
        .list("languages", languages.collect())
        .done()
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The directory as an Open Referral UK 3.0 page holding every service.
pub fn write(services: &[Service]) -> String {
    let count = Value::from(services.len());
    let page = Object(Map::new())
        .value("total_items", count.clone())
        .value("total_pages", Value::from(1))
        .value("page_number", Value::from(1))
        .value("size", count)
        .value("first_page", Value::Bool(true))
        .value("last_page", Value::Bool(true))
        .value("empty", Value::Bool(services.is_empty()))
        .value(
            "contents",
            services
                .iter()
                .map(|s| service_out(s, Version::Three))
                .collect(),
        );
    pretty(&page.done())
}

/// The directory as an Open Referral UK 1.0 list of services, for councils
/// still on that version.
pub fn write_v1(services: &[Service]) -> String {
    pretty(
        &services
            .iter()
            .map(|s| service_out(s, Version::One))
            .collect(),
    )
}
