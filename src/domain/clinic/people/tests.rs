use super::*;
use crate::domain::clinic::merging::{merge_clinics, Ledger};
use crate::domain::clinic::Clinic;
use crate::domain::referral::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A referral with every answer given, each different from the others.
fn full_referral() -> Referral {
    Referral {
        reference: Reference::from_random(424_242),
        sent_on: day(2026, 3, 3),
        answers: Answers {
            full_name: "Samantha Jones".into(),
            preferred_name: "Sam".into(),
            dob_day: "17".into(),
            dob_month: "5".into(),
            dob_year: "1961".into(),
            contact_method: Some(ContactMethod::Text),
            phone: "07700 900123".into(),
            email: "sam@example.com".into(),
            address: "2 Oak Lane\nLeeds".into(),
            postcode: "LS1 4AP".into(),
            someone_else: "My daughter Ria, 07700 900456".into(),
            leave_message: Some(YesNo::Yes),
            best_times: "Mornings are best".into(),
            support: vec![SupportNeed::Lonely, SupportNeed::SomethingElse],
            support_other: "Gardening".into(),
            own_words: "I have not been out since my husband died".into(),
            barriers: vec![Barrier::SchoolRun, Barrier::Transport],
            meeting: Some(Meeting::NoPreference),
            formats: vec![Format::LargePrint],
            professionals: vec![Professional::Lipspeaker],
            other_support: vec![OtherSupport::HearingLoop],
            communication_other: "Speak slowly".into(),
            language: "Polish".into(),
            interpreter: Some(YesNo::Yes),
            practice: "Elm Surgery".into(),
            suggested_by: Some(suggested::SuggestedBy::Nurse),
            consent_contact: true,
            consent_record: Some(YesNo::No),
        },
    }
}

#[test]
fn every_answer_of_a_self_referral_is_kept_on_the_persons_record() {
    let referral = full_referral();
    let person = Person::from_referral(7, &referral);
    // Every answer named, so an answer added to the referral fails to build
    // here until it is kept on the person too.
    let Answers {
        full_name,
        preferred_name,
        dob_day: _,
        dob_month: _,
        dob_year: _,
        contact_method,
        phone,
        email,
        address,
        postcode,
        someone_else,
        leave_message,
        best_times,
        support,
        support_other,
        own_words,
        barriers: _,
        meeting: _,
        formats: _,
        professionals: _,
        other_support: _,
        communication_other,
        language,
        interpreter,
        practice,
        suggested_by,
        consent_contact,
        consent_record,
    } = referral.answers.clone();
    assert_eq!(person.name, full_name);
    assert_eq!(person.preferred_name, preferred_name);
    assert_eq!(person.date_of_birth, "1961-05-17");
    assert_eq!(person.contact_method, contact_method);
    assert_eq!(person.phone, phone);
    assert_eq!(person.email, email);
    assert_eq!(person.address, address);
    assert_eq!(person.postcode, postcode);
    assert_eq!(person.contact_through, someone_else);
    assert_eq!(person.leave_message, leave_message);
    assert_eq!(person.best_times, best_times);
    assert_eq!(person.needs, support);
    assert_eq!(
        person.support,
        format!("Feeling lonely or isolated\nSomething else\n{support_other}\nIn their words: {own_words}")
    );
    assert_eq!(
        person.barriers,
        "The school run\nTransport, or the cost of getting there"
    );
    assert!(person.any_mode, "\"I do not mind\" how they meet is kept");
    assert_eq!(
        person.communication,
        format!("Large print\nLipspeaker\nA hearing loop\n{communication_other}")
    );
    assert_eq!(person.language, language);
    assert_eq!(person.interpreter, interpreter);
    assert_eq!(person.practice, practice);
    assert_eq!(person.suggested_by, suggested_by);
    assert_eq!(
        person.referred_how(),
        "by self-referral (suggested by a nurse)"
    );
    assert_eq!(person.consent_contact, consent_contact);
    assert_eq!(person.consent_record, consent_record);
    assert_eq!(person.referred_on, "2026-03-03");
    assert_eq!(person.referral_reference, referral.reference.to_string());
    assert_eq!(person.source, Source::SelfReferral);
}

/// The clinic as stored: its head and its logs written, then read back.
fn stored_and_read(clinic: &Clinic) -> Clinic {
    let head = serde_json::to_string(&clinic.head()).unwrap();
    let mut read: Clinic = serde_json::from_str(&head).unwrap();
    let logs: Vec<(u64, Vec<LogEntry>)> =
        serde_json::from_str(&serde_json::to_string(&clinic.logs()).unwrap()).unwrap();
    read.add_logs(logs);
    read
}

#[test]
fn a_referrals_details_are_stored_backed_up_and_merged_with_the_person() {
    let mut clinic = Clinic::default();
    let id = clinic.add_referral(7, &full_referral());
    let person = clinic.person(id).unwrap().clone();
    assert_eq!(
        stored_and_read(&clinic).people,
        std::slice::from_ref(&person)
    );
    let whole: Clinic = serde_json::from_str(&serde_json::to_string(&clinic).unwrap()).unwrap();
    assert_eq!(whole.people, std::slice::from_ref(&person));

    // Added on another device, merged into one that never had them.
    let mut ledger = Ledger::default();
    ledger.stamp(&clinic, "2026-03-03T10:00:00Z");
    let merge = merge_clinics(
        &Clinic::default(),
        &Ledger::default(),
        &clinic,
        &ledger,
        "2026-03-03T11:00:00Z",
    );
    let (merged, _) = merge.finish(&[], "2026-03-03T11:00:00Z");
    assert_eq!(merged.people, [person]);
}

#[test]
fn a_person_stored_before_these_details_existed_still_reads_and_stores_the_same() {
    let old = r#"{"id":5,"name":"Jo Bloggs","preferred_name":"","phone":"","email":"","no_texts":false,"source":"gp","referred_on":"2026-03-01","support":"","barriers":"","communication":"","mode":"face-to-face","days":[],"part_of_day":null,"preferred_minutes":null,"status":"waiting","concerns":[],"referral_reference":"","needs":[],"wellbeing":[]}"#;
    let jo: Person = serde_json::from_str(old).unwrap();
    assert_eq!(jo.name, "Jo Bloggs");
    assert_eq!(jo.date_of_birth, "");
    assert_eq!(jo.contact_method, None);
    let clinic = Clinic {
        people: vec![jo],
        ..Clinic::default()
    };
    let head = serde_json::to_value(clinic.head()).unwrap();
    assert_eq!(
        head["people"][0],
        serde_json::from_str::<serde_json::Value>(old).unwrap(),
        "a record without the new details is stored as before, so it hashes the same for merging"
    );
}

#[test]
fn a_date_of_birth_that_is_not_a_real_date_is_named_when_a_backup_is_read() {
    let mut clinic = Clinic::default();
    clinic.add_referral(7, &full_referral());
    clinic.people[0].date_of_birth = "1961-02-30".into();
    let problems = clinic.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].message(),
        "Samantha Jones: their date of birth, \"1961-02-30\", is not a real date"
    );
}
