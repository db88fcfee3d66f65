//! Reading and writing the Open Referral UK shape of a list of services
//! (service, organization, contacts and phones, locations and addresses,
//! regular schedules, cost options, eligibility, taxonomy), so a practice can
//! start from a list its council publishes and share its own. Fields the app
//! does not use are ignored; a file that is not such a list is refused whole.

use super::{Access, Category, Service};
use crate::domain::clinic::Id;
use crate::domain::dates;
use serde::de::IgnoredAny;
use serde_json::{json, Map, Value};

/// Files bigger than this are refused unread.
pub const LARGEST_FILE: usize = 5 * 1024 * 1024;

/// Lists longer than this are refused before they are read into services:
/// a practice's area has hundreds, a whole county a few thousand, and a
/// preview naming 100,000 would hold the page still for many seconds.
pub const MOST_SERVICES: usize = 5_000;

/// Why a file could not be imported, in words for the volunteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    TooMany { found: usize },
    NotJson { line: usize, column: usize },
    NoServices,
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge => "The file is bigger than 5 MB. Choose a smaller file".to_string(),
            ImportError::TooMany { found } => format!(
                "The file has {} services. Choose a file with 5,000 services or fewer, such as the services near your practice",
                thousands(*found)
            ),
            ImportError::NotJson { line, column } => format!(
                "The file is not an Open Referral UK JSON file: it stops making sense at line {line}, column {column}"
            ),
            ImportError::NoServices => {
                "The file has no services in it. Choose an Open Referral UK list of services".to_string()
            }
        }
    }
}

/// How many entries a list of services holds, counted in a quick pass that
/// keeps none of them (reading 100,000 into values took over a second on a
/// phone-class page): `None` when the file is not such a list.
fn entries_in(file: &str) -> Option<usize> {
    #[derive(serde::Deserialize)]
    struct Page {
        content: Option<Vec<IgnoredAny>>,
        services: Option<Vec<IgnoredAny>>,
    }
    if let Ok(list) = serde_json::from_str::<Vec<IgnoredAny>>(file) {
        return Some(list.len());
    }
    let page = serde_json::from_str::<Page>(file).ok()?;
    page.content.or(page.services).map(|list| list.len())
}

/// 100000 as "100,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What an import would do, shown before anything is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// Services not in the directory yet.
    pub new: Vec<Service>,
    /// Services already in it (by their Open Referral id, or the same name
    /// and organisation) that the file changes: the existing id, and the service as it would be.
    pub changed: Vec<(Id, Service)>,
    pub unchanged: usize,
    /// Entries in the file without a name, left out.
    pub skipped: usize,
}

/// Reads the services in an Open Referral UK file: a list of services, an
/// API page (`{"content": [...]}`), or one service.
pub fn read(file: &str) -> Result<(Vec<Service>, usize), ImportError> {
    if file.len() > LARGEST_FILE {
        return Err(ImportError::TooLarge);
    }
    let file = file.trim_start_matches('\u{feff}');
    if let Some(found) = entries_in(file).filter(|n| *n > MOST_SERVICES) {
        return Err(ImportError::TooMany { found });
    }
    let value: Value = serde_json::from_str(file).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let entries: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(fields) => match fields.get("content").or_else(|| fields.get("services")) {
            Some(Value::Array(items)) => items.iter().collect(),
            _ if fields.contains_key("name") => vec![&value],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if entries.len() > MOST_SERVICES {
        return Err(ImportError::TooMany {
            found: entries.len(),
        });
    }
    let objects: Vec<&Map<String, Value>> = entries.iter().filter_map(|v| v.as_object()).collect();
    if objects.is_empty() {
        return Err(ImportError::NoServices);
    }
    let mut skipped = 0;
    let services = objects
        .into_iter()
        .filter_map(|fields| {
            let service = service_from(fields);
            if service.name.trim().is_empty() {
                skipped += 1;
                None
            } else {
                Some(service)
            }
        })
        .collect::<Vec<_>>();
    if services.is_empty() {
        return Err(ImportError::NoServices);
    }
    Ok((services, skipped))
}

/// Compares the services read from a file with the directory.
pub fn preview(existing: &[Service], file: &str) -> Result<Preview, ImportError> {
    let (services, skipped) = read(file)?;
    let mut preview = Preview {
        skipped,
        ..Preview::default()
    };
    for incoming in services {
        let same = existing.iter().find(|s| {
            (!incoming.oruk_id.is_empty() && s.oruk_id == incoming.oruk_id)
                || (s.name.trim().eq_ignore_ascii_case(incoming.name.trim())
                    && s.organisation
                        .trim()
                        .eq_ignore_ascii_case(incoming.organisation.trim()))
        });
        match same {
            Some(existing) => {
                let updated = Service {
                    id: existing.id,
                    ..incoming
                };
                if &updated == existing {
                    preview.unchanged += 1;
                } else {
                    preview.changed.push((existing.id, updated));
                }
            }
            None => preview.new.push(incoming),
        }
    }
    Ok(preview)
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

fn join_nonempty(parts: impl IntoIterator<Item = String>, separator: &str) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn service_from(fields: &Map<String, Value>) -> Service {
    let organisation = objects(fields, "organization")
        .first()
        .map(|o| text(o, "name"))
        .unwrap_or_default();
    let phone = objects(fields, "contacts")
        .iter()
        .flat_map(|c| objects(c, "phones"))
        .chain(objects(fields, "phones"))
        .map(|p| text(p, "number"))
        .find(|n| !n.is_empty())
        .unwrap_or_default();
    let locations: Vec<&Map<String, Value>> = objects(fields, "service_at_locations")
        .iter()
        .flat_map(|sal| objects(sal, "location"))
        .collect();
    let place = join_nonempty(
        locations.iter().map(|location| {
            let address = objects(location, "physical_addresses")
                .first()
                .map(|a| {
                    join_nonempty(
                        ["address_1", "city", "postal_code"].map(|k| text(a, k)),
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
            .flat_map(|l| objects(l, "accessibility_for_disabilities"))
            .map(|a| join_nonempty([text(a, "accessibility"), text(a, "details")], ": ")),
        "; ",
    );
    let schedules = objects(fields, "regular_schedules");
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
            let description = text(s, "description");
            if !description.is_empty() {
                return description;
            }
            let (opens, closes) = (text(s, "opens_at"), text(s, "closes_at"));
            let hours = |t: &str| t.get(..5).unwrap_or(t).to_string();
            if opens.is_empty() {
                String::new()
            } else {
                format!("{} to {}", hours(&opens), hours(&closes))
            }
        }),
        "; ",
    );
    let costs = objects(fields, "cost_options");
    let fees = text(fields, "fees");
    let free = costs.iter().any(|c| {
        c.get("amount").and_then(Value::as_f64) == Some(0.0)
            || text(c, "option").to_lowercase().contains("free")
    }) || fees.to_lowercase().starts_with("free");
    // The fees in words; failing that, what the cost options say beyond "free".
    let cost = if fees.is_empty() {
        join_nonempty(costs.iter().map(|c| text(c, "amount_description")), "; ")
    } else {
        fees
    };
    let who_for = join_nonempty(
        objects(fields, "eligibilitys")
            .iter()
            .chain(objects(fields, "eligibility").iter())
            .map(|e| {
                let ages = match (text(e, "minimum_age"), text(e, "maximum_age")) {
                    (min, max) if !min.is_empty() && !max.is_empty() => {
                        format!("Ages {min} to {max}")
                    }
                    (min, _) if !min.is_empty() => format!("Ages {min} and over"),
                    (_, max) if !max.is_empty() => format!("Ages up to {max}"),
                    _ => String::new(),
                };
                join_nonempty([text(e, "eligibility"), ages], ". ")
            }),
        ". ",
    );
    let mut categories: Vec<Category> = objects(fields, "service_taxonomys")
        .iter()
        .flat_map(|t| objects(t, "taxonomy"))
        .filter_map(|t| {
            Category::from_words(&text(t, "name")).or_else(|| Category::from_key(&text(t, "id")))
        })
        .collect();
    categories.dedup();
    let access = if text(fields, "attending_access")
        .to_lowercase()
        .contains("referral")
    {
        Access::ReferralNeeded
    } else {
        Access::SelfReferralWelcome
    };
    let assured = text(fields, "assured_date");
    let checked_on = assured
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
        email: text(fields, "email"),
        website: text(fields, "url"),
        access,
        accessibility,
        checked_on,
        oruk_id: text(fields, "id"),
    }
}

/// The directory as an Open Referral UK list of services.
pub fn write(services: &[Service]) -> String {
    let list: Vec<Value> = services
        .iter()
        .map(|s| {
            let id = if s.oruk_id.is_empty() {
                format!("service-{}", s.id)
            } else {
                s.oruk_id.clone()
            };
            let byday: Vec<&str> = s.days.iter().filter_map(|d| BYDAY.get(usize::from(*d)).copied()).collect();
            json!({
                "id": id,
                "name": s.name,
                "description": s.description,
                "url": s.website,
                "email": s.email,
                "status": "active",
                "fees": s.cost,
                "attending_access": match s.access {
                    Access::ReferralNeeded => "referral",
                    Access::SelfReferralWelcome => "drop-in",
                },
                "assured_date": s.checked_on,
                "organization": { "id": format!("{id}-organization"), "name": s.organisation },
                "contacts": [{ "id": format!("{id}-contact"), "phones": [{ "id": format!("{id}-phone"), "number": s.phone }] }],
                "service_at_locations": [{
                    "id": format!("{id}-at-location"),
                    "location": {
                        "id": format!("{id}-location"),
                        "name": s.place,
                        "accessibility_for_disabilities": [{ "id": format!("{id}-accessibility"), "accessibility": s.accessibility }],
                    }
                }],
                "regular_schedules": [{
                    "id": format!("{id}-schedule"),
                    "byday": byday.join(","),
                    "description": s.when,
                }],
                "cost_options": if s.free {
                    json!([{ "id": format!("{id}-cost"), "option": "Free", "amount": 0 }])
                } else {
                    json!([])
                },
                "eligibilitys": [{ "id": format!("{id}-eligibility"), "eligibility": s.who_for }],
                "service_taxonomys": s.categories.iter().map(|c| json!({
                    "id": format!("{id}-{}", c.key()),
                    "taxonomy": { "id": c.key(), "name": c.name(), "vocabulary": "social-prescribing-app" }
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string())
}
