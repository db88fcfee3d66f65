//! The self-referral's rules, as a person meets them.

use super::handover::{self, HandoverError};
use super::text::{change_link_words, plain_text, rows};
use super::validate::{
    check, error_for, is_postcode, is_uk_mobile, is_uk_phone, FieldError, Outcome,
};
use super::*;
use crate::domain::dates::long_date;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn errors(step: Step, answers: &Answers) -> Vec<String> {
    match check(step, answers, today()) {
        Outcome::Errors(errors) => errors.into_iter().map(|e| e.message).collect(),
        Outcome::TooYoung => vec!["too young".to_string()],
        Outcome::Next => Vec::new(),
    }
}

fn born(day: &str, month: &str, year: &str) -> Answers {
    Answers {
        dob_day: day.into(),
        dob_month: month.into(),
        dob_year: year.into(),
        ..Answers::default()
    }
}

/// A person who has answered every question.
pub fn complete_answers() -> Answers {
    Answers {
        full_name: "Siobhán O'Neill-Nkemelu".into(),
        preferred_name: "Shiv".into(),
        dob_day: "3".into(),
        dob_month: "3".into(),
        dob_year: "1961".into(),
        contact_method: Some(ContactMethod::Text),
        phone: "07700 900 982".into(),
        leave_message: Some(YesNo::Yes),
        best_times: "Weekday mornings".into(),
        support: vec![SupportNeed::Lonely, SupportNeed::Money],
        own_words: "Since my husband died I hardly go out 😔".into(),
        barriers: vec![Barrier::Transport],
        meeting: Some(Meeting::Telephone),
        formats: vec![Format::LargePrint],
        language: "English".into(),
        interpreter: Some(YesNo::No),
        practice: "Elm Surgery".into(),
        consent_contact: true,
        consent_record: Some(YesNo::Yes),
        ..Answers::default()
    }
}

#[test]
fn every_answer_of_a_complete_referral_passes() {
    assert_eq!(validate::all_errors(&complete_answers(), today()), vec![]);
}

#[test]
fn a_name_is_needed_and_any_script_is_accepted() {
    assert_eq!(
        errors(Step::Name, &Answers::default()),
        vec!["Enter your full name"]
    );
    for name in [
        "Zoë D'Arcy-Smith",
        "محمد علي",
        "王小明",
        "Ngũgĩ wa Thiong'o",
    ] {
        let answers = Answers {
            full_name: name.into(),
            ..Answers::default()
        };
        assert_eq!(errors(Step::Name, &answers), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn a_date_of_birth_says_exactly_what_is_wrong() {
    let cases = [
        (born("", "", ""), "Enter your date of birth"),
        (born("3", "", "1961"), "Date of birth must include a month"),
        (
            born("", "", "1961"),
            "Date of birth must include a day and month",
        ),
        (born("31", "2", "1961"), "Date of birth must be a real date"),
        (born("3", "13", "1961"), "Date of birth must be a real date"),
        (born("3", "3", "61"), "Year must include 4 numbers"),
        (born("1", "1", "2027"), "Date of birth must be in the past"),
        (born("1", "1", "1850"), "Date of birth must be a real date"),
    ];
    for (answers, message) in cases {
        assert_eq!(
            errors(Step::DateOfBirth, &answers),
            vec![message],
            "{answers:?}"
        );
    }
    assert_eq!(
        errors(Step::DateOfBirth, &born(" 29 ", "02", "2000")),
        Vec::<String>::new()
    );
}

#[test]
fn someone_under_16_is_not_sent_on() {
    assert_eq!(
        check(Step::DateOfBirth, &born("23", "11", "2010"), today()),
        Outcome::TooYoung
    );
    assert_eq!(
        check(Step::DateOfBirth, &born("22", "11", "2010"), today()),
        Outcome::Next
    );
}

#[test]
fn the_contact_details_asked_for_follow_the_way_chosen() {
    assert_eq!(
        errors(Step::Contact, &Answers::default()),
        vec!["Select how you would like us to contact you"]
    );
    let with = |method, phone: &str, email: &str| Answers {
        contact_method: Some(method),
        phone: phone.into(),
        email: email.into(),
        ..Answers::default()
    };
    assert_eq!(
        errors(Step::Contact, &with(ContactMethod::Text, "", "")),
        vec!["Enter your mobile number"]
    );
    assert_eq!(
        errors(
            Step::Contact,
            &with(ContactMethod::Text, "0113 496 0000", "")
        ),
        vec!["Enter a UK mobile number, like 07700 900 982"]
    );
    assert_eq!(
        errors(
            Step::Contact,
            &with(ContactMethod::PhoneCall, "0113 496 0000", "")
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(Step::Contact, &with(ContactMethod::Email, "", "sam@")),
        vec!["Enter an email address in the correct format, like name@example.com"]
    );
    assert_eq!(
        errors(
            Step::Contact,
            &with(ContactMethod::Email, "", "sam@example.com")
        ),
        Vec::<String>::new()
    );
    let letter = Answers {
        contact_method: Some(ContactMethod::Letter),
        postcode: "XX".into(),
        ..Answers::default()
    };
    assert_eq!(
        errors(Step::Contact, &letter),
        vec!["Enter your address", "Enter a real postcode, like LS1 4AP"]
    );
}

#[test]
fn phone_numbers_are_read_however_they_are_written() {
    for number in [
        "07700 900 982",
        "07700900982",
        "+44 7700 900982",
        "+44 (0)7700 900982",
        "0044 7700 900982",
    ] {
        assert!(is_uk_mobile(number), "{number}");
    }
    for number in ["01632 960 001", "020 7946 0000", "0113-496-0000"] {
        assert!(is_uk_phone(number) && !is_uk_mobile(number), "{number}");
    }
    for number in ["", "12345", "07700 900 98", "phone me", "00 44"] {
        assert!(!is_uk_phone(number), "{number}");
    }
}

#[test]
fn postcodes_are_read_in_any_case_and_spacing() {
    for code in [
        "LS1 4AP", "ls14ap", "SW1A 1AA", "M1 1AE", "b33 8th", "CR2 6XH",
    ] {
        assert!(is_postcode(code), "{code}");
    }
    for code in ["", "LS1", "12345", "LS1 4A", "LS1 4APX"] {
        assert!(!is_postcode(code), "{code}");
    }
}

#[test]
fn a_message_can_only_be_left_on_a_phone() {
    let text = Answers {
        contact_method: Some(ContactMethod::Text),
        ..Answers::default()
    };
    assert_eq!(
        errors(Step::ContactTimes, &text),
        vec!["Select yes if we can leave a message"]
    );
    let email = Answers {
        contact_method: Some(ContactMethod::Email),
        ..Answers::default()
    };
    assert_eq!(errors(Step::ContactTimes, &email), Vec::<String>::new());
}

#[test]
fn support_needs_at_least_one_choice_and_something_else_needs_words() {
    assert_eq!(
        errors(Step::Support, &Answers::default()),
        vec!["Select what you would like support with"]
    );
    let other = Answers {
        support: vec![SupportNeed::SomethingElse],
        ..Answers::default()
    };
    assert_eq!(
        errors(Step::Support, &other),
        vec!["Enter what else you would like support with"]
    );
}

#[test]
fn own_words_are_kept_exactly_up_to_the_limit_counting_emoji_as_one() {
    let at_limit = "😔".repeat(OWN_WORDS_LIMIT);
    let answers = Answers {
        own_words: at_limit.clone(),
        ..Answers::default()
    };
    assert_eq!(errors(Step::OwnWords, &answers), Vec::<String>::new());
    let over = Answers {
        own_words: format!("{at_limit}a"),
        ..Answers::default()
    };
    assert_eq!(
        errors(Step::OwnWords, &over),
        vec!["Tell us more must be 500 characters or less"]
    );
}

#[test]
fn none_of_these_cannot_go_with_a_barrier() {
    let both = Answers {
        barriers: vec![Barrier::None, Barrier::SchoolRun],
        ..Answers::default()
    };
    assert_eq!(errors(Step::Barriers, &both).len(), 1);
    let none = Answers {
        barriers: vec![Barrier::None],
        ..Answers::default()
    };
    assert_eq!(errors(Step::Barriers, &none), Vec::<String>::new());
}

#[test]
fn consent_to_contact_is_needed_and_the_record_question_answered() {
    assert_eq!(
        errors(Step::Consent, &Answers::default()),
        vec![
            "Confirm that a link worker can contact you",
            "Select yes if the practice can add this referral to your GP record"
        ]
    );
}

#[test]
fn errors_name_the_field_they_belong_to() {
    let errors = vec![FieldError {
        field: "phone".to_string(),
        message: "Enter your mobile number".into(),
    }];
    assert_eq!(
        error_for(&errors, "phone").as_deref(),
        Some("Enter your mobile number")
    );
    assert_eq!(error_for(&errors, "email"), None);
}

#[test]
fn the_pages_go_in_order_and_resume_where_the_person_left_off() {
    assert_eq!(Step::Name.next(), Step::DateOfBirth);
    assert_eq!(Step::Consent.next(), Step::Check);
    assert_eq!(Step::Name.previous(), None);
    assert_eq!(Step::Check.previous(), Some(Step::Consent));
    let mut draft = ReferralDraft::default();
    assert_eq!(draft.resume_at(), Step::Name);
    draft.complete(Step::Name);
    draft.complete(Step::DateOfBirth);
    assert_eq!(draft.resume_at(), Step::Contact);
    for step in Step::QUESTIONS {
        draft.complete(*step);
    }
    assert_eq!(draft.resume_at(), Step::Check);
}

#[test]
fn every_page_of_the_flow_is_a_real_file() {
    for step in Step::QUESTIONS.iter().chain(&[Step::Check, Step::Done]) {
        assert!(
            crate::domain::site::PAGE_PATHS.contains(&step.path()),
            "{}",
            step.path()
        );
    }
}

#[test]
fn a_reference_is_easy_to_read_aloud_and_catches_a_misread_character() {
    let reference = Reference::from_random(123_456_789_012);
    let text = reference.to_string();
    assert_eq!(text.len(), 9);
    assert_eq!(&text[4..5], "-");
    assert!(!text.chars().any(|c| "0O1IL2Z5S8B".contains(c)), "{text}");
    assert_eq!(
        Reference::parse(&text.to_lowercase().replace('-', " ")),
        Some(reference)
    );
    // Change any one character, or swap two neighbours, and the check fails.
    let plain: Vec<char> = text.replace('-', "").chars().collect();
    for i in 0..8 {
        for c in "ACDEFGHJKMNPQRTUVWXY34679"
            .chars()
            .filter(|c| *c != plain[i])
        {
            let mut changed = plain.clone();
            changed[i] = c;
            assert_eq!(Reference::parse(&changed.iter().collect::<String>()), None);
        }
        if i < 7 && plain[i] != plain[i + 1] {
            let mut swapped = plain.clone();
            swapped.swap(i, i + 1);
            assert_eq!(Reference::parse(&swapped.iter().collect::<String>()), None);
        }
    }
}

fn referral() -> Referral {
    Referral {
        reference: Reference::from_random(42),
        sent_on: today(),
        answers: complete_answers(),
    }
}

#[test]
fn the_referral_reads_as_plain_text_with_not_provided_for_skipped_answers() {
    let referral = referral();
    let text = plain_text(&referral);
    assert!(text.starts_with(&format!(
        "Self-referral to social prescribing\nReference: {}\nSent: Sunday 22 November 2026\n",
        referral.reference
    )));
    assert!(text.contains("Full name: Siobhán O'Neill-Nkemelu\n"));
    assert!(text.contains("Date of birth: 3 March 1961\n"));
    assert!(text.contains("Support with: Feeling lonely or isolated, Money, debt or benefits\n"));
    assert!(text.contains("In their own words: Since my husband died I hardly go out 😔\n"));
    assert!(text.contains("Communication professional: Not provided\n"));
    assert_eq!(
        long_date(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()),
        "Tuesday 3 March 2026"
    );
    let skipped = rows(&Answers::default());
    assert!(skipped
        .iter()
        .any(|(step, label, value)| *step == Step::Name
            && *label == "Likes to be called"
            && value == "Not provided"));
}

#[test]
fn a_qr_link_carries_the_whole_referral_and_nothing_else() {
    let referral = referral();
    let link = handover::import_link("https://surgery.example/support/", &referral);
    let (page, fragment) = link.split_once('#').unwrap();
    assert_eq!(page, "https://surgery.example/support/clinic/import/");
    assert_eq!(handover::decode(fragment), Ok(referral.clone()));
    assert_eq!(handover::decode(&format!("#{fragment}")), Ok(referral));
}

#[test]
fn a_typical_referral_makes_a_code_a_phone_camera_can_read() {
    let link = handover::import_link("https://surgery.example/support/", &referral());
    // About 500 characters: a QR code of version 15 or so at low error correction.
    assert!(link.len() < 600, "{} characters: {link}", link.len());
}

#[test]
fn a_referral_with_nothing_optional_still_goes_over_whole() {
    let mut answers = Answers {
        full_name: "Sam".into(),
        consent_contact: true,
        ..Answers::default()
    };
    answers.contact_method = Some(ContactMethod::Letter);
    answers.address = "1 Elm Road\nLeeds".into();
    let referral = Referral {
        reference: Reference::from_random(7),
        sent_on: today(),
        answers,
    };
    assert_eq!(handover::decode(&handover::encode(&referral)), Ok(referral));
}

#[test]
fn a_damaged_or_altered_code_is_refused_whole() {
    let fragment = handover::encode(&referral());
    assert_eq!(handover::decode(""), Err(HandoverError::NoReferral));
    assert_eq!(
        handover::decode(&fragment[..fragment.len() / 2]),
        Err(HandoverError::Damaged)
    );
    // Change one character of the data.
    let mut altered: Vec<char> = fragment.chars().collect();
    let i = altered.len() / 2;
    altered[i] = if altered[i] == 'A' { 'B' } else { 'A' };
    assert_eq!(
        handover::decode(&altered.into_iter().collect::<String>()),
        Err(HandoverError::Damaged)
    );
    assert_eq!(
        handover::decode("r=1.%%%.00000000"),
        Err(HandoverError::Damaged)
    );
    let newer = fragment.replacen("r=1.", "r=3.", 1);
    assert_eq!(handover::decode(&newer), Err(HandoverError::Newer));
}

#[test]
fn the_clinic_keeps_a_referral_once_however_often_it_is_scanned() {
    let mut inbox = ClinicInbox::default();
    assert!(inbox.keep(referral()));
    assert!(!inbox.keep(referral()));
    assert_eq!(inbox.referrals.len(), 1);
}

#[test]
fn referrals_scanned_on_two_devices_come_together_once_in_either_order() {
    let mut other = referral();
    other.reference = Reference::from_random(43);
    let (mut a, mut b) = (ClinicInbox::default(), ClinicInbox::default());
    a.keep(referral());
    b.keep(referral());
    b.keep(other.clone());
    let mut ab = a.clone();
    assert_eq!(ab.take_in(&b), 1);
    assert_eq!(ab.take_in(&b), 0);
    let mut ba = b.clone();
    assert_eq!(ba.take_in(&a), 0);
    assert_eq!(ab.referrals.len(), 2);
    assert!(ab.referrals.iter().all(|r| ba.referrals.contains(r)));
}

#[test]
fn saving_one_page_leaves_the_other_pages_answers_alone() {
    let mut stored = complete_answers();
    stored.best_times = "Changed in another tab".into();
    let mut page = complete_answers();
    page.full_name = "Sam Smith".into();
    stored.take_page(Step::Name, &page);
    assert_eq!(stored.full_name, "Sam Smith");
    assert_eq!(stored.best_times, "Changed in another tab");
}

#[test]
fn the_character_count_says_what_is_left_or_how_many_too_many() {
    assert_eq!(
        character_count("", 500),
        ("You have 500 characters remaining".to_string(), false)
    );
    assert_eq!(
        character_count(&"😔".repeat(499), 500),
        ("You have 1 character remaining".to_string(), false)
    );
    assert_eq!(
        character_count(&"a".repeat(502), 500),
        ("You have 2 characters too many".to_string(), true)
    );
}

#[test]
fn a_change_link_keeps_the_capitals_of_gp_and_ok_and_lowers_the_rest() {
    assert_eq!(change_link_words("GP practice"), "GP practice");
    assert_eq!(
        change_link_words("OK to leave a message"),
        "OK to leave a message"
    );
    assert_eq!(change_link_words("Full name"), "full name");
    assert_eq!(change_link_words("A"), "a");
    assert_eq!(change_link_words(""), "");
}

#[test]
fn every_change_link_on_the_check_page_reads_as_its_label_says() {
    let answers = complete_answers();
    for (_, label, _) in rows(&answers) {
        let words = change_link_words(label);
        assert_eq!(words.to_lowercase(), label.to_lowercase());
        assert!(
            !words.contains("gp") && !words.starts_with("ok "),
            "{words}"
        );
    }
}
