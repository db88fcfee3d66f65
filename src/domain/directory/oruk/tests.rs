//! Files of both versions, written by hand from the standard's documented
//! shapes, read in; and the export checked against 3.0's required fields and
//! formats.

use super::uuid::is_uuid;
use super::*;
use crate::domain::directory::{Access, Category, Directory};
use serde_json::Value;

const V1: &str = include_str!("../fixtures/leeds-sample-oruk.json");
const PAGE_1: &str = include_str!("../fixtures/council-oruk3-page1.json");
const PAGE_2: &str = include_str!("../fixtures/council-oruk3-page2.json");

#[test]
fn a_3_0_page_is_read_with_its_schedules_ages_alert_contacts_and_languages() {
    let page = read_page(PAGE_1).unwrap();
    assert_eq!(page.version, Some(Version::Three));
    assert_eq!(page.services.len(), 3);
    let talk = &page.services[0];
    assert_eq!(talk.oruk_id, "5b0e6c1a-3f2d-4e8a-9b71-0c2d4e6f8a10");
    assert_eq!(talk.organisation, "Leeds Talking Therapies Trust");
    assert_eq!(talk.days, [3, 4]);
    assert_eq!(talk.when, "10:00 to 18:00");
    assert_eq!(talk.who_for, "Ages 12 to 100");
    assert_eq!(
        talk.alert,
        "Most sessions are by video call until the hall reopens in May."
    );
    assert_eq!(talk.contact, "Ann Persona (Reception manager)");
    assert_eq!(talk.languages, "English, Urdu");
    assert_eq!(talk.checked_on, "2005-01-01");
    assert_eq!(
        talk.place,
        "St Anne's Hall, 12 Chapel Street, Leeds, LS6 3AB"
    );
    assert_eq!(
        talk.accessibility,
        "Step-free entrance: Hearing loop in the main room"
    );
    assert!(!talk.free, "free for some, paid for by others");
    assert_eq!(
        talk.cost,
        "Free (Under 18s and over 60s); £35 a one-hour session (Everyone else)"
    );
    assert_eq!(talk.categories, [Category::Wellbeing]);
    assert_eq!(talk.website, "https://talkingspace.example.org");
    let knit = &page.services[1];
    assert_eq!(knit.phone, "0113 496 0901");
    assert_eq!(
        (knit.days.as_slice(), knit.when.as_str()),
        ([0u8].as_slice(), "14:00 to 16:00. Bring a friend")
    );
    assert_eq!(knit.categories, [Category::Loneliness]);
    let cafe = &page.services[2];
    assert_eq!(cafe.when, "The first Wednesday of the month, 1pm to 3pm");
    assert_eq!(cafe.contact, "Sam Lee");
}

#[test]
fn what_an_import_leaves_out_is_named_field_by_field() {
    let page = read_page(PAGE_1).unwrap();
    let dropped: Vec<&str> = page.dropped.iter().map(String::as_str).collect();
    assert_eq!(
        dropped,
        [
            "accreditations",
            "assurer_email",
            "funding",
            "languages.code",
            "last_modified",
            "organization.description",
            "organization.website",
            "schedules.freq",
            "schedules.interval",
            "schedules.notes",
            "service_areas",
            "service_at_locations.location.addresses.country",
            "service_at_locations.location.addresses.state_province",
            "service_at_locations.location.latitude",
            "service_at_locations.location.longitude",
        ]
    );
    assert_eq!(page.unmatched.iter().collect::<Vec<_>>(), ["Counselling"]);
    // A 1.0 file says its version too, and what it leaves out.
    let old = read_page(V1).unwrap();
    assert_eq!(old.version, Some(Version::One));
    assert!(old
        .dropped
        .contains(&"organization.charity_number".to_string()));
    assert!(old.dropped.contains(&"regular_schedules.freq".to_string()));
    assert_eq!(old.unmatched.iter().collect::<Vec<_>>(), ["Health walks"]);
    // A bare list of names says no version: its fields belong to both.
    assert_eq!(read_page("[{\"name\": \"Tea\"}]").unwrap().version, None);
}

#[test]
fn a_list_in_pages_is_added_page_by_page_to_one_preview() {
    let first = add_page(&[], read_page(PAGE_1).unwrap()).unwrap();
    let preview = preview_pages(&[], &first);
    assert_eq!(preview.new.len(), 3);
    let both = add_page(&first, read_page(PAGE_2).unwrap()).unwrap();
    let preview = preview_pages(&[], &both);
    let names: Vec<&str> = preview.new.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Talking Space",
            "Riverside Knit and Natter",
            "Carers' Cafe",
            "Allotment Buddies",
            "Benefits Check"
        ]
    );
    assert!(preview.dropped.contains(&"funding".to_string()));
    // The same page twice is refused, and what was added stays as it was.
    assert_eq!(
        add_page(&both, read_page(PAGE_2).unwrap()),
        Err(ImportError::PageAlreadyAdded)
    );
    assert_eq!(
        ImportError::PageAlreadyAdded.message(),
        "That page is already added. Choose the next page of the list"
    );
    // A later page with a service changed replaces it, counted once.
    let changed = PAGE_2.replace("Share a plot", "Share an allotment plot");
    let three = add_page(&both, read_page(&changed).unwrap()).unwrap();
    let preview = preview_pages(&[], &three);
    assert_eq!(preview.new.len(), 5);
    assert_eq!(
        preview.new[3].description,
        "Share an allotment plot and grow your own with a buddy."
    );
}

#[test]
fn pages_of_more_than_5000_services_together_are_refused() {
    let list = |from: usize| {
        let entries: Vec<String> = (from..from + 3000)
            .map(|i| format!("{{\"id\":\"s{i}\",\"name\":\"Service {i}\"}}"))
            .collect();
        format!("{{\"contents\":[{}]}}", entries.join(","))
    };
    let first = add_page(&[], read_page(&list(0)).unwrap()).unwrap();
    assert_eq!(
        add_page(&first, read_page(&list(3000)).unwrap()),
        Err(ImportError::TooManyInAll { found: 6000 })
    );
}

/// Every problem with `file` as an Open Referral UK 3.0 page: its required
/// fields (written from the UK profile's schema) and formats.
fn problems_as_3_0(file: &str) -> Vec<String> {
    let page: Value = serde_json::from_str(file).unwrap();
    let mut problems = Vec::new();
    let required = |object: &Value, keys: &[&str], what: &str, problems: &mut Vec<String>| {
        for key in keys {
            if object.get(key).is_none_or(|v| v.as_str() == Some("")) {
                problems.push(format!("{what} has no {key}"));
            }
        }
    };
    for service in page["contents"].as_array().unwrap() {
        required(service, &["id", "name", "status"], "service", &mut problems);
        let status = service["status"].as_str().unwrap_or("");
        if !["active", "inactive", "defunct", "temporarily closed"].contains(&status) {
            problems.push(format!("status {status}"));
        }
        if let Some(org) = service.get("organization") {
            required(
                org,
                &["id", "name", "description"],
                "organization",
                &mut problems,
            );
        }
        for phone in service["phones"].as_array().into_iter().flatten() {
            required(phone, &["id", "number"], "phone", &mut problems);
        }
        for sal in service["service_at_locations"]
            .as_array()
            .into_iter()
            .flatten()
        {
            required(
                &sal["location"],
                &["id", "location_type"],
                "location",
                &mut problems,
            );
        }
        for attribute in service["attributes"].as_array().into_iter().flatten() {
            required(
                &attribute["taxonomy_term"],
                &["id", "name", "description"],
                "term",
                &mut problems,
            );
        }
        if let Some(date) = service["assured_date"].as_str() {
            if crate::domain::dates::parse_iso(date).is_none() || date.len() != 10 {
                problems.push(format!("assured_date {date}"));
            }
        }
        for schedule in service["schedules"].as_array().into_iter().flatten() {
            for key in ["opens_at", "closes_at"] {
                if let Some(time) = schedule[key].as_str() {
                    if chrono::NaiveTime::parse_from_str(time, "%H:%M:%S").is_err() {
                        problems.push(format!("{key} {time}"));
                    }
                }
            }
        }
    }
    check_values(&page, "", &mut problems);
    problems
}

/// Every id a UUID, and no empty text anywhere.
fn check_values(value: &Value, key: &str, problems: &mut Vec<String>) {
    match value {
        Value::String(s) if s.is_empty() => problems.push(format!("{key} is empty")),
        Value::String(s) if (key == "id" || key.ends_with("_id")) && !is_uuid(s) => {
            problems.push(format!("{key} {s} is not a UUID"))
        }
        Value::Array(items) => items.iter().for_each(|v| check_values(v, key, problems)),
        Value::Object(fields) => fields
            .iter()
            .for_each(|(k, v)| check_values(v, k, problems)),
        _ => {}
    }
}

fn everything_filled_in() -> Vec<Service> {
    let mut page = read_page(PAGE_1).unwrap().services;
    page.extend(read_page(V1).unwrap().services);
    let mut made_here = Service {
        id: 41,
        name: "Rainbow Choir".into(),
        organisation: "Leeds Arts Together".into(),
        description: "Sing together".into(),
        categories: vec![Category::Arts, Category::Loneliness],
        cost: "£2 a session".into(),
        days: vec![1],
        when: "14:00 to 15:30".into(),
        phone: "0113 496 0555".into(),
        access: Access::ReferralNeeded,
        checked_on: "2026-03-02".into(),
        ..Service::default()
    };
    page.push(made_here.clone());
    made_here.id = 42;
    made_here.name = "Quiet Choir".into();
    made_here.organisation = String::new();
    made_here.when = String::new();
    page.push(made_here);
    for (n, service) in page.iter_mut().enumerate() {
        service.id = n as u64 + 1;
    }
    page
}

#[test]
fn the_3_0_export_has_every_required_field_uuids_dates_and_times_and_no_empty_text() {
    let services = everything_filled_in();
    let file = write(&services);
    assert_eq!(problems_as_3_0(&file), Vec::<String>::new());
    let page: Value = serde_json::from_str(&file).unwrap();
    let choir = &page["contents"][5];
    assert_eq!(choir["schedules"][0]["opens_at"], "14:00:00");
    assert_eq!(choir["schedules"][0]["closes_at"], "15:30:00");
    assert_eq!(choir["schedules"][0]["byday"], "TU");
    assert_eq!(choir["organization"]["description"], "Leeds Arts Together");
    assert!(choir.get("url").is_none() && choir.get("contacts").is_none());
    // The checker finds what it is there for.
    let broken = file.replacen("\"status\": \"active\"", "\"status\": \"\"", 1);
    assert!(problems_as_3_0(&broken).contains(&"service has no status".to_string()));
    let not_uuid = file.replacen(&choir["id"].as_str().unwrap().to_string(), "service-41", 1);
    assert!(!problems_as_3_0(&not_uuid).is_empty());
}

#[test]
fn ids_stay_the_same_export_after_export_and_on_another_device() {
    let services = everything_filled_in();
    let first = write(&services);
    assert_eq!(write(&services), first);
    // Changed and exported again: the same ids.
    let mut changed = services.clone();
    changed[5].description = "Sing together, tea after".into();
    let again: Value = serde_json::from_str(&write(&changed)).unwrap();
    let before: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(again["contents"][5]["id"], before["contents"][5]["id"]);
    assert_eq!(
        again["contents"][5]["phones"][0]["id"],
        before["contents"][5]["phones"][0]["id"]
    );
    // A 3.0 service keeps the UUID it came with.
    assert_eq!(
        before["contents"][0]["id"],
        "5b0e6c1a-3f2d-4e8a-9b71-0c2d4e6f8a10"
    );
    // Imported on a fresh device and exported from it: the same file.
    let mut fresh = Directory::default();
    let mut next = 100;
    fresh.import(preview(&[], &first).unwrap(), || {
        next += 1;
        next
    });
    assert_eq!(write(&fresh.services), first);
    // And its own export read back on the first device changes nothing.
    let back = preview(&services, &first).unwrap();
    assert_eq!(
        (back.new.len(), back.changed.len(), back.unchanged),
        (0, 0, services.len())
    );
    assert!(back.dropped.is_empty(), "{:?}", back.dropped);
}

#[test]
fn the_1_0_export_reads_back_the_same_with_nothing_written_empty() {
    let services = everything_filled_in();
    let file = write_v1(&services);
    let list: Value = serde_json::from_str(&file).unwrap();
    let mut problems = Vec::new();
    fn no_empty(value: &Value, problems: &mut Vec<String>) {
        match value {
            Value::String(s) if s.is_empty() => problems.push("empty text".into()),
            Value::Array(items) => items.iter().for_each(|v| no_empty(v, problems)),
            Value::Object(fields) => fields.values().for_each(|v| no_empty(v, problems)),
            _ => {}
        }
    }
    no_empty(&list, &mut problems);
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(list[3]["id"], "lcc-0001");
    assert_eq!(
        list[3]["organization"]["description"],
        "Friends of Elm Park"
    );
    assert_eq!(list[3]["regular_schedules"][0]["byday"], "TU,TH");
    let page = read_page(&file).unwrap();
    // A bare list with 1.0's fields.
    assert_eq!(page.version, Some(Version::One));
    let back = preview_pages(&services, &[page]);
    // 1.0 has no place for an alert: the one service with one comes back without it.
    assert_eq!((back.new.len(), back.unchanged), (0, services.len() - 1));
    assert_eq!(back.changed.len(), 1);
    assert_eq!(back.changed[0].1.name, "Talking Space");
    assert_eq!(back.changed[0].1.alert, "");
    assert!(file.contains("\"fees\": \"£2 a session\""));
}

#[test]
fn a_directory_stored_before_these_fields_loads_with_everything_it_had() {
    let stored = r#"{"services":[{"id":7,"name":"Walk","organisation":"Friends","description":"A walk",
        "categories":["active-living"],"who_for":"","free":true,"cost":"","days":[1],"when":"10am",
        "place":"Park","phone":"0113 496 0000","email":"","website":"","access":"self-referral-welcome",
        "accessibility":"","checked_on":"2026-01-01","oruk_id":"lcc-1"}]}"#;
    let directory: Directory = serde_json::from_str(stored).unwrap();
    let walk = &directory.services[0];
    assert_eq!(
        (
            walk.name.as_str(),
            walk.phone.as_str(),
            walk.oruk_id.as_str()
        ),
        ("Walk", "0113 496 0000", "lcc-1")
    );
    assert_eq!(
        (
            walk.alert.as_str(),
            walk.contact.as_str(),
            walk.languages.as_str()
        ),
        ("", "", "")
    );
}

#[test]
fn a_price_is_written_in_pounds_and_pence() {
    let cost = |option: &str| {
        let file =
            format!("{{\"contents\": [{{\"name\": \"Swim\", \"cost_options\": [{option}]}}]}}");
        read_page(&file).unwrap().services[0].cost.clone()
    };
    assert_eq!(
        cost("{\"amount\": 35, \"amount_description\": \"a session\"}"),
        "£35 a session"
    );
    assert_eq!(
        cost("{\"amount\": 2.5, \"option\": \"Adults\"}"),
        "£2.50 (Adults)"
    );
    assert_eq!(
        cost("{\"amount\": 0, \"option\": \"Children\"}"),
        "Free (Children)"
    );
}

#[test]
fn a_3_0_page_of_more_than_5000_services_is_refused_before_it_is_read() {
    let entries: Vec<String> = (0..MOST_SERVICES + 1)
        .map(|i| format!("{{\"name\":\"Service {i}\"}}"))
        .collect();
    let file = format!(
        "{{\"total_items\": 5001, \"page\": 1, \"contents\": [{}]}}",
        entries.join(",")
    );
    assert_eq!(
        read_page(&file),
        Err(ImportError::TooMany {
            found: MOST_SERVICES + 1
        })
    );
}

#[test]
fn only_a_real_time_of_day_is_written_as_opening_times() {
    let service = |when: &str| Service {
        id: 1,
        name: "Swim".into(),
        days: vec![2],
        when: when.into(),
        ..Service::default()
    };
    let schedule = |when: &str| {
        let page: Value = serde_json::from_str(&write(&[service(when)])).unwrap();
        page["contents"][0]["schedules"][0].clone()
    };
    assert_eq!(schedule("09:30 to 11:00")["opens_at"], "09:30:00");
    assert_eq!(
        schedule("09:30 to 11:00. Bring a towel")["description"],
        "Bring a towel"
    );
    let not_times = schedule("25:00 to 26:00");
    assert!(not_times.get("opens_at").is_none());
    assert_eq!(not_times["description"], "25:00 to 26:00");
    assert_eq!(schedule("10am to 11am")["description"], "10am to 11am");
}
