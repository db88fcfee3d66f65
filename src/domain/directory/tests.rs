use super::oruk::{self, ImportError};
use super::*;
use crate::domain::more_to_show;

const SAMPLE: &str = include_str!("fixtures/leeds-sample-oruk.json");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn service(id: Id, name: &str, categories: &[Category]) -> Service {
    Service {
        id,
        name: name.into(),
        categories: categories.to_vec(),
        checked_on: "2026-01-10".into(),
        ..Service::default()
    }
}

fn directory() -> Vec<Service> {
    let mut choir = service(1, "Rainbow Choir", &[Category::Arts, Category::Loneliness]);
    choir.description = "Sing together, no experience needed. Tea and cake after.".into();
    choir.days = vec![1];
    choir.free = true;
    let mut garden = service(
        2,
        "Growing Together community garden",
        &[Category::NatureAndGardening],
    );
    garden.description = "Grow vegetables with neighbours".into();
    garden.days = vec![2, 5];
    let mut tea = service(
        3,
        "Tuesday tea and chat",
        &[Category::Loneliness, Category::Befriending],
    );
    tea.description =
        "A friendly cuppa; bring a friend or come on your own. Some like to sing.".into();
    tea.days = vec![1];
    tea.free = true;
    vec![choir, garden, tea]
}

fn names(found: Vec<&Service>) -> Vec<&str> {
    found.into_iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn search_finds_every_word_anywhere_with_name_matches_first() {
    let services = directory();
    let all = Search::default();
    assert_eq!(search(&services, &all).len(), 3);
    let sing = Search {
        words: "SING".into(),
        ..Search::default()
    };
    assert_eq!(
        names(search(&services, &sing)),
        ["Rainbow Choir", "Tuesday tea and chat"]
    );
    let mut cafe = services.clone();
    cafe[2].place = "Café Nowa, 2 Elm Road".into();
    let typed = Search {
        words: "CAFE nowa".into(),
        ..Search::default()
    };
    // Typed without the accent the entry has.
    assert_eq!(names(search(&cafe, &typed)), ["Tuesday tea and chat"]);
    let tea = Search {
        words: "tea".into(),
        ..Search::default()
    };
    // "Tuesday tea and chat" has it in its name; the choir only in its description.
    assert_eq!(
        names(search(&services, &tea)),
        ["Tuesday tea and chat", "Rainbow Choir"]
    );
    let none = Search {
        words: "tea swimming".into(),
        ..Search::default()
    };
    assert!(search(&services, &none).is_empty());
}

#[test]
fn a_long_list_shows_more_twenty_at_a_time_until_all_are_shown() {
    assert_eq!(more_to_show(50, 20, SHOWN_AT_A_TIME), 20);
    assert_eq!(more_to_show(50, 40, SHOWN_AT_A_TIME), 10);
    assert_eq!(more_to_show(50, 60, SHOWN_AT_A_TIME), 0);
    assert_eq!(more_to_show(21, 20, SHOWN_AT_A_TIME), 1);
    assert_eq!(more_to_show(15, 20, SHOWN_AT_A_TIME), 0);
    assert_eq!(more_to_show(0, 20, SHOWN_AT_A_TIME), 0);
}

#[test]
fn the_list_says_how_many_match_and_how_many_it_shows() {
    assert_eq!(
        found_words(0, 0, 20),
        "The directory is empty. Add a service, or import a list your council publishes."
    );
    assert_eq!(found_words(1, 1, 20), "1 service in the directory");
    assert_eq!(found_words(12, 12, 20), "12 services in the directory");
    assert_eq!(
        found_words(300, 300, 20),
        "300 services in the directory. Showing the first 20"
    );
    assert_eq!(found_words(1, 300, 20), "1 service found of 300");
    assert_eq!(found_words(0, 300, 20), "0 services found of 300");
    assert_eq!(
        found_words(46, 300, 40),
        "46 services found of 300. Showing the first 40"
    );
    assert_eq!(more_words(1), "Show 1 more service");
    assert_eq!(more_words(20), "Show 20 more services");
}

#[test]
fn filters_narrow_by_category_cost_and_day() {
    let services = directory();
    let lonely = Search {
        category: Some(Category::Loneliness),
        ..Search::default()
    };
    assert_eq!(
        names(search(&services, &lonely)),
        ["Rainbow Choir", "Tuesday tea and chat"]
    );
    let free_saturday = Search {
        free_only: true,
        day: Some(5),
        ..Search::default()
    };
    assert!(search(&services, &free_saturday).is_empty());
    let saturday = Search {
        day: Some(5),
        ..Search::default()
    };
    assert_eq!(
        names(search(&services, &saturday)),
        ["Growing Together community garden"]
    );
    assert_eq!(days_words(&[1, 3]), "Tuesdays and Thursdays");
    assert_eq!(days_words(&[0, 2, 4]), "Mondays, Wednesdays and Fridays");
}

#[test]
fn an_entry_not_checked_for_six_months_may_be_out_of_date() {
    let choir = &directory()[0];
    assert!(!choir.may_be_out_of_date(day(2026, 7, 10)));
    assert!(choir.may_be_out_of_date(day(2026, 7, 11)));
    assert!(Service::default().may_be_out_of_date(day(2026, 1, 1)));
    assert_eq!(
        checked_words(choir).as_deref(),
        Some("Checked in January 2026")
    );
}

#[test]
fn a_council_list_is_read_with_the_fields_the_app_uses() {
    let (services, skipped) = oruk::read(SAMPLE).unwrap();
    assert_eq!((services.len(), skipped), (2, 1));
    let walk = &services[0];
    assert_eq!(walk.name, "Elm Park Walking Group");
    assert_eq!(walk.organisation, "Friends of Elm Park");
    assert_eq!(walk.phone, "0113 496 0456");
    assert_eq!(walk.place, "Elm Park cafe, Park Lane, Leeds, LS1 2AB");
    assert_eq!(
        walk.accessibility,
        "Step-free paths: Benches every 200 metres"
    );
    assert_eq!(walk.days, [1, 3]);
    assert_eq!(walk.when, "10:00 to 11:00");
    assert!(walk.free);
    assert_eq!(walk.who_for, "Adults living in Leeds. Ages 18 and over");
    // "Health walks" is not one of the app's categories, and is left out.
    assert_eq!(walk.categories, [Category::SportAndMovement]);
    assert_eq!(walk.checked_on, "2026-01-15");
    assert_eq!(walk.oruk_id, "lcc-0001");
    assert_eq!(walk.access, Access::SelfReferralWelcome);
    let money = &services[1];
    assert_eq!(money.access, Access::ReferralNeeded);
    assert!(money.free);
    assert_eq!(money.cost, "Free of charge");
    assert_eq!(money.when, "Wednesdays 1pm to 4pm");
    assert_eq!(money.categories, [Category::Money]);
}

#[test]
fn the_directory_goes_out_and_comes_back_the_same() {
    let mut services = directory();
    services[0].phone = "0113 496 0789".into();
    services[0].who_for = "Adults, \"all voices\"".into();
    services[0].access = Access::ReferralNeeded;
    services[1].cost = "£2 a session".into();
    services[1].accessibility = "Raised beds".into();
    let file = oruk::write(&services);
    let (back, skipped) = oruk::read(&file).unwrap();
    assert_eq!(skipped, 0);
    let without_ids = |s: &Service| Service {
        id: 0,
        oruk_id: String::new(),
        ..s.clone()
    };
    assert_eq!(
        back.iter().map(without_ids).collect::<Vec<_>>(),
        services.iter().map(without_ids).collect::<Vec<_>>()
    );
}

#[test]
fn an_import_previews_new_changed_and_unchanged_entries_before_writing() {
    let (mut existing, _) = oruk::read(SAMPLE).unwrap();
    existing.truncate(1);
    existing[0].id = 77;
    existing[0].phone = "old number".into();
    let preview = oruk::preview(&existing, SAMPLE).unwrap();
    assert_eq!(preview.new.len(), 1);
    assert_eq!(preview.new[0].name, "Money Matters drop-in");
    assert_eq!(preview.changed.len(), 1);
    assert_eq!(preview.changed[0].0, 77);
    assert_eq!(preview.changed[0].1.phone, "0113 496 0456");
    assert_eq!((preview.unchanged, preview.skipped), (0, 1));
    existing[0].phone = "0113 496 0456".into();
    assert_eq!(oruk::preview(&existing, SAMPLE).unwrap().unchanged, 1);
}

#[test]
fn a_file_that_is_not_a_list_of_services_is_refused_clearly() {
    assert_eq!(
        oruk::read("{\"content\": [ {\"name\": \"x\" }"),
        Err(ImportError::NotJson {
            line: 1,
            column: 28
        })
    );
    assert_eq!(oruk::read("[1, 2, 3]"), Err(ImportError::NoServices));
    assert_eq!(
        oruk::read("{\"total_items\": 0}"),
        Err(ImportError::NoServices)
    );
    assert_eq!(
        oruk::read("[{\"description\": \"no name\"}]"),
        Err(ImportError::NoServices)
    );
    assert_eq!(
        oruk::read(&" ".repeat(oruk::LARGEST_FILE + 1)),
        Err(ImportError::TooLarge)
    );
    assert_eq!(
        ImportError::NotJson { line: 3, column: 7 }.message(),
        "The file is not an Open Referral UK JSON file: it stops making sense at line 3, column 7"
    );
    // Markup in a file is only ever text.
    let (services, _) = oruk::read("[{\"name\": \"<script>alert(1)</script>\"}]").unwrap();
    assert_eq!(services[0].name, "<script>alert(1)</script>");
}

fn many_services(n: usize) -> String {
    let entries: Vec<String> = (0..n)
        .map(|i| format!("{{\"name\":\"Service {i}\"}}"))
        .collect();
    format!("{{\"content\":[{}]}}", entries.join(","))
}

#[test]
fn a_file_of_100000_services_is_refused_with_how_many_it_holds_and_quickly() {
    let file = many_services(100_000);
    assert!(
        file.len() < oruk::LARGEST_FILE,
        "small enough to be read: {} bytes",
        file.len()
    );
    let started = std::time::Instant::now();
    assert_eq!(
        oruk::preview(&directory(), &file),
        Err(ImportError::TooMany { found: 100_000 })
    );
    assert!(
        started.elapsed().as_millis() < 1000,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        ImportError::TooMany { found: 100_000 }.message(),
        "The file has 100,000 services. Choose a file with 5,000 services or fewer, such as the services near your practice"
    );
    // The most a file may hold is read.
    let (services, _) = oruk::read(&many_services(oruk::MOST_SERVICES)).unwrap();
    assert_eq!(services.len(), oruk::MOST_SERVICES);
    assert_eq!(
        oruk::read(&many_services(oruk::MOST_SERVICES + 1)),
        Err(ImportError::TooMany { found: 5_001 })
    );
}

mod forms {
    use super::super::form::*;
    use super::*;
    use crate::domain::clinic::people::{Person, PersonStatus};
    use crate::domain::clinic::Clinic;
    use crate::domain::dates::TypedDate;

    fn today() -> NaiveDate {
        day(2026, 3, 2)
    }

    fn fields(errors: Vec<crate::domain::form::FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    fn walking_group() -> ServiceForm {
        ServiceForm {
            name: " Elm Park Walking Group ".into(),
            organisation: "Friends of Elm Park".into(),
            description: "A gentle walk, then tea".into(),
            categories: vec![Category::SportAndMovement, Category::Loneliness],
            free: Some(true),
            cost: "ignored when free".into(),
            days: vec![3, 1, 3],
            phone: "0113 496 0456".into(),
            access: Some(Access::SelfReferralWelcome),
            ..ServiceForm::new(today())
        }
    }

    #[test]
    fn a_new_service_is_checked_today_and_saved_as_typed() {
        let walk = walking_group().check(5, today()).unwrap();
        assert_eq!(walk.name, "Elm Park Walking Group");
        assert_eq!(walk.checked_on, "2026-03-02");
        assert_eq!(walk.days, [1, 3]);
        assert!(walk.free);
        assert_eq!(walk.cost, "");
        assert!(!walk.may_be_out_of_date(today()));
        // And back into the form to change it.
        assert_eq!(
            ServiceForm::from_service(&walk).check(5, today()).unwrap(),
            walk
        );
    }

    #[test]
    fn an_empty_service_says_what_to_fill_in_for_each_field() {
        let form = ServiceForm {
            checked: TypedDate::default(),
            ..ServiceForm::default()
        };
        let errors = form.check(1, today()).unwrap_err();
        assert_eq!(
            fields(errors.clone()),
            [
                "name",
                "organisation",
                "description",
                "categories",
                "free",
                "phone",
                "access",
                "checked-day"
            ]
        );
        assert_eq!(
            errors[5].message,
            "Enter a phone number, email address or website, so people can get in touch"
        );
    }

    #[test]
    fn a_cost_bad_contacts_and_a_future_check_date_are_refused() {
        let mut form = walking_group();
        form.free = Some(false);
        form.cost = " ".into();
        form.phone = "0113".into();
        form.email = "walks at example".into();
        form.website = "walks example org".into();
        form.checked = TypedDate::from_date(day(2026, 3, 3));
        let errors = form.check(1, today()).unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>(),
            [
                "Enter what it costs, like £2 a session",
                "Enter a UK phone number, like 0113 496 0000",
                "Enter an email address in the correct format, like name@example.com",
                "Enter a website address in the correct format, like www.example.org",
                "Date last checked must be today or in the past",
            ]
        );
        form.checked.day = "31".into();
        form.checked.month = "2".into();
        assert_eq!(
            form.check(1, today()).unwrap_err().last().unwrap().message,
            "Date last checked must be a real date"
        );
        assert!(is_web_address("https://walks.example.org/join"));
        assert!(is_web_address("www.example.org"));
        assert!(!is_web_address("example"));
    }

    #[test]
    fn saving_a_changed_service_keeps_its_open_referral_id() {
        let mut directory = Directory::default();
        let (services, _) = oruk::read(SAMPLE).unwrap();
        directory.services = services;
        directory.services[0].id = 7;
        let mut changed = ServiceForm::from_service(&directory.services[0])
            .check(7, today())
            .unwrap();
        changed.phone = "0113 496 0999".into();
        directory.save(changed);
        assert_eq!(directory.services.len(), 2);
        assert_eq!(directory.service(7).unwrap().phone, "0113 496 0999");
        assert_eq!(directory.service(7).unwrap().oruk_id, "lcc-0001");
        // A service that has closed is taken out, once.
        assert!(directory.remove(7));
        assert!(!directory.remove(7));
        assert_eq!(directory.services.len(), 1);
    }

    #[test]
    fn an_import_writes_new_and_changed_entries_with_new_ids() {
        let mut directory = Directory {
            services: directory_services(),
        };
        let preview = oruk::preview(&directory.services, SAMPLE).unwrap();
        let mut next = 100;
        let written = directory.import(preview, || {
            next += 1;
            next
        });
        assert_eq!(written, 2);
        assert_eq!(directory.services.len(), 5);
        assert_eq!(
            directory.service(101).unwrap().name,
            "Elm Park Walking Group"
        );
        // Importing the same file again changes nothing.
        assert_eq!(
            oruk::preview(&directory.services, SAMPLE)
                .unwrap()
                .unchanged,
            2
        );
    }

    fn directory_services() -> Vec<Service> {
        super::directory()
    }

    #[test]
    fn an_introduction_is_logged_on_the_persons_record_in_one_step() {
        let mut clinic = Clinic::default();
        for (id, name, status) in [
            (1, "Sam Patel", PersonStatus::Active),
            (2, "Ann Lee", PersonStatus::Waiting),
            (3, "Jo Bloggs", PersonStatus::Finished),
        ] {
            clinic.people.push(Person {
                id,
                name: name.into(),
                status,
                ..Person::default()
            });
        }
        assert_eq!(
            caseload_choices(&clinic),
            [(2, "Ann Lee".to_string()), (1, "Sam Patel".to_string())]
        );
        let mut choir = super::directory().remove(0);
        choir.organisation = "Leeds Arts".into();
        assert_eq!(
            log_introduction(&mut clinic, None, 9, today(), &choir).unwrap_err()[0].message,
            "Select the person you introduced to this service"
        );
        assert_eq!(
            log_introduction(&mut clinic, Some(1), 9, today(), &choir),
            Ok("Sam Patel".to_string())
        );
        let entry = &clinic.person(1).unwrap().log[0];
        assert_eq!(entry.note, "Introduced to Rainbow Choir (Leeds Arts)");
        assert_eq!(entry.on, "2026-03-02");
    }
}
