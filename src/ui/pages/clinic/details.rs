//! A person's details: the form to add a person (warning when they look like
//! someone already on the caseload) and to change them, and how they read on
//! the person's record.

use super::person::record_href;
use super::{href, id_in_address, use_clinic, ClinicForm, Saver, WEEKDAYS};
use crate::domain::clinic::forms::PersonForm;
use crate::domain::clinic::people::{Mode, PartOfDay, Person, Source, ACCEPTED_CODE};
use crate::domain::clinic::Id;
use crate::domain::dates::{parse_iso, short_date, TypedDate};
use crate::domain::form::FieldError;
use crate::domain::referral::{Choice, ContactMethod, YesNo};
use crate::ui::form::{bind, offers, Checkboxes, DateInput, Radios, TextArea, TextInput, TickBox};
use crate::ui::layout::focus_element;
use crate::ui::{new_id, today};
use leptos::prelude::*;

const PARTS_OF_DAY: [(&str, &str); 3] = [
    ("any", "Any time"),
    ("morning", "Mornings"),
    ("afternoon", "Afternoons"),
];

/// Every detail of a person, as the add and change pages ask for them.
#[component]
fn PersonFields(form: RwSignal<PersonForm>) -> impl IntoView {
    view! {
        <TextInput id="name" label="Full name" autocomplete=Some("off")
            bind=bind(form, |f| f.name.clone(), |f, v| f.name = v) />
        <TextInput id="preferred-name" label="What they like to be called (optional)" autocomplete=Some("off")
            bind=bind(form, |f| f.preferred_name.clone(), |f, v| f.preferred_name = v) />
        <DateInput id="date-of-birth" legend="Date of birth (optional)"
            hint=Some("Staff need it to find their GP record. For example, 17 5 1961")
            day=bind(form, |f| f.date_of_birth.day.clone(), |f, v| f.date_of_birth.day = v)
            month=bind(form, |f| f.date_of_birth.month.clone(), |f, v| f.date_of_birth.month = v)
            year=bind(form, |f| f.date_of_birth.year.clone(), |f, v| f.date_of_birth.year = v) />
        <h2>"Contact"</h2>
        <TextInput id="phone" label="Phone number (optional)" input_type="tel" width=Some("nhsuk-input--width-20") autocomplete=Some("off")
            bind=bind(form, |f| f.phone.clone(), |f, v| f.phone = v) />
        <TextInput id="email" label="Email address (optional)" input_type="email" autocomplete=Some("off")
            bind=bind(form, |f| f.email.clone(), |f, v| f.email = v) />
        <TextArea id="address" label="Address (optional)" limit=Some(1000) rows=3 autocomplete=Some("off")
            bind=bind(form, |f| f.address.clone(), |f, v| f.address = v) />
        <TextInput id="postcode" label="Postcode (optional)" width=Some("nhsuk-input--width-10") autocomplete=Some("off")
            bind=bind(form, |f| f.postcode.clone(), |f, v| f.postcode = v) />
        <Radios id="contact-method" legend="How they would like to be contacted (optional)" choices={offers::<ContactMethod>()}
            bind=bind(form, |f| f.contact_method.map(ContactMethod::key), |f, k| f.contact_method = k.and_then(ContactMethod::from_key)) />
        <TextInput id="contact-through" label="Someone to contact them through (optional)"
            hint=Some("Their name and how to reach them") autocomplete=Some("off")
            bind=bind(form, |f| f.contact_through.clone(), |f, v| f.contact_through = v) />
        <Radios id="leave-message" legend="Can a message be left for them? (optional)" inline=true choices={offers::<YesNo>()}
            bind=bind(form, |f| f.leave_message.map(YesNo::key), |f, k| f.leave_message = k.and_then(YesNo::from_key)) />
        <TextInput id="best-times" label="Best times to contact them (optional)" autocomplete=Some("off")
            bind=bind(form, |f| f.best_times.clone(), |f, v| f.best_times = v) />
        <TickBox id="no-texts" label="They asked not to be sent texts"
            bind=bind(form, |f| f.no_texts, |f, v| f.no_texts = v) />
        <h2>"Their referral"</h2>
        <Radios id="source" legend="Who referred them?" choices={offers::<Source>()}
            bind=bind(form, |f| f.source.map(Source::key), |f, k| f.source = k.and_then(Source::from_key)) />
        <DateInput id="referred" legend="Date referred" hint=Some("For example, 27 3 2026")
            day=bind(form, |f| f.referred.day.clone(), |f, v| f.referred.day = v)
            month=bind(form, |f| f.referred.month.clone(), |f, v| f.referred.month = v)
            year=bind(form, |f| f.referred.year.clone(), |f, v| f.referred.year = v) />
        <TextArea id="support" label="What they would like support with (optional)" limit=Some(1000) rows=3
            bind=bind(form, |f| f.support.clone(), |f, v| f.support = v) />
        <TextInput id="practice" label="Their GP practice (optional)" autocomplete=Some("off")
            bind=bind(form, |f| f.practice.clone(), |f, v| f.practice = v) />
        <TickBox id="consent-contact" label="They agreed to be contacted about their referral"
            bind=bind(form, |f| f.consent_contact, |f, v| f.consent_contact = v) />
        <Radios id="consent-record" legend="Did they agree to the referral being added to their GP record? (optional)" inline=true choices={offers::<YesNo>()}
            bind=bind(form, |f| f.consent_record.map(YesNo::key), |f, k| f.consent_record = k.and_then(YesNo::from_key)) />
        <h2>"Appointments"</h2>
        <TextArea id="barriers" label="Anything that makes appointments hard (optional)" limit=Some(1000) rows=2
            hint=Some("For example, caring for someone, work hours, getting here")
            bind=bind(form, |f| f.barriers.clone(), |f, v| f.barriers = v) />
        <TextArea id="communication" label="Communication needs (optional)" limit=Some(1000) rows=2
            hint=Some("For example, large print, British Sign Language")
            bind=bind(form, |f| f.communication.clone(), |f, v| f.communication = v) />
        <TextInput id="language" label="Language they speak (optional)" width=Some("nhsuk-input--width-20") autocomplete=Some("off")
            bind=bind(form, |f| f.language.clone(), |f, v| f.language = v) />
        <Radios id="interpreter" legend="Do they need an interpreter? (optional)" inline=true choices={offers::<YesNo>()}
            bind=bind(form, |f| f.interpreter.map(YesNo::key), |f, k| f.interpreter = k.and_then(YesNo::from_key)) />
        <Radios id="mode" legend="How would they like to meet?" choices={offers::<Mode>()}
            bind=bind(form, |f| f.mode.map(Mode::key), |f, k| f.mode = k.and_then(Mode::from_key)) />
        <TickBox id="any-mode" label="Any way of meeting suits them"
            bind=bind(form, |f| f.any_mode, |f, v| f.any_mode = v) />
        <Checkboxes id="days" legend="Days they can come (optional)" hint=Some("Leave these empty if any day suits them.")
            choices=WEEKDAYS[..5].to_vec()
            bind=bind(form, |f| f.days.iter().map(|d| WEEKDAYS[*d as usize % 7].0).collect(), |f, keys| {
                f.days = keys.iter().filter_map(|k| k.parse().ok()).collect()
            }) />
        <Radios id="part-of-day" legend="Time of day" inline=true choices=PARTS_OF_DAY.to_vec()
            bind=bind(form, |f| Some(match f.part_of_day {
                None => "any",
                Some(PartOfDay::Morning) => "morning",
                Some(PartOfDay::Afternoon) => "afternoon",
            }), |f, k| f.part_of_day = match k {
                Some("morning") => Some(PartOfDay::Morning),
                Some("afternoon") => Some(PartOfDay::Afternoon),
                _ => None,
            }) />
        <TextInput id="preferred-minutes" label="Appointment length in minutes (optional)"
            hint=Some("Only if they need a longer or shorter appointment than usual") width=Some("nhsuk-input--width-3")
            bind=bind(form, |f| f.preferred_minutes.clone(), |f, v| f.preferred_minutes = v) />
    }
}

/// "Samantha Jones, born 17 May 1961" or "Jo Bloggs": how a look-alike is named.
pub fn name_and_birth(person: &Person) -> String {
    match parse_iso(&person.date_of_birth) {
        Some(born) => format!("{}, born {}", person.name, short_date(born)),
        None => person.name.clone(),
    }
}

/// The people a new person looks like, each with a link to their record.
#[component]
pub fn LookAlikes(
    people: Vec<(Id, String)>,
    #[prop(into)] add_anyway: Callback<()>,
) -> impl IntoView {
    let links = people
        .into_iter()
        .map(|(id, words)| view! { <li><a href=record_href(id)>{format!("Open the record of {words}")}</a></li> })
        .collect_view();
    view! {
        <div class="nhsuk-warning-callout" id="look-alikes" tabindex="-1" data-testid="look-alikes">
            <h2 class="nhsuk-warning-callout__label">
                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"They may be on the caseload already"</span>
            </h2>
            <p>"Someone on the caseload has the same name and date of birth, or the same phone number. Check it is not the same person before you add them again."</p>
            <ul class="nhsuk-list">{links}</ul>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| add_anyway.run(())>"They are someone else: add them"</button>
        </div>
    }
}

#[component]
pub fn AddPerson() -> impl IntoView {
    let clinic = use_clinic();
    let form = RwSignal::new(PersonForm {
        referred: TypedDate::from_date(today()),
        ..PersonForm::default()
    });
    let look_alikes = RwSignal::new(Vec::<(Id, String)>::new());
    let saver = Saver::new();
    let add = move |person: Person| {
        let page = format!("clinic/person?id={}", person.id);
        saver.save_and_go(|c| c.people.push(person), &page);
    };
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let person = form.with(|f| f.check(new_id(), today()))?;
        let alike: Vec<(Id, String)> = clinic.value.with_untracked(|c| {
            c.look_alikes(&person)
                .into_iter()
                .map(|p| (p.id, name_and_birth(p)))
                .collect()
        });
        if alike.is_empty() {
            add(person);
        } else {
            look_alikes.set(alike);
            request_animation_frame(|| focus_element("look-alikes"));
        }
        Ok(())
    });
    let add_anyway = move |()| {
        if let Ok(person) = form.with_untracked(|f| f.check(new_id(), today())) {
            add(person);
        }
    };
    view! {
        <ClinicForm title="Add a person" back=href("clinic/people") button="Add this person" submit>
            <Show when=move || look_alikes.with(|l| !l.is_empty())>
                <LookAlikes people=look_alikes.get_untracked() add_anyway />
            </Show>
            <PersonFields form />
        </ClinicForm>
    }
}

#[component]
pub fn ChangeDetails() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let Some(person) =
        id_in_address().and_then(|id| clinic.value.with_untracked(|c| c.person(id).cloned()))
    else {
        return super::person::NotInRecords().into_any();
    };
    let id = person.id;
    let form = RwSignal::new(PersonForm::from_person(&person));
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let typed = form.get_untracked();
        // Checked against the record as it is now: another tab may have
        // added to their log meanwhile, and that is kept.
        let current = clinic
            .value
            .with_untracked(|c| c.person(id).cloned())
            .unwrap_or_default();
        typed.change(&current, today())?;
        saver.save_and_go(
            |c| {
                if let Some(p) = c.person_mut(id) {
                    if let Ok(changed) = typed.change(p, today()) {
                        *p = changed;
                    }
                }
            },
            &format!("clinic/person?id={id}&changed=yes"),
        );
        Ok(())
    });
    view! {
        <ClinicForm title="Change their details" caption=person.name.clone() back=record_href(id) button="Save the changes" submit>
            <PersonFields form />
        </ClinicForm>
    }
    .into_any()
}

/// A person's details as their record lists them, in the order the form asks.
pub fn detail_rows(p: &Person) -> Vec<(&'static str, String)> {
    let yes = |answer: Option<YesNo>, said_yes: &str, said_no: &str| match answer {
        Some(YesNo::Yes) => said_yes.to_string(),
        Some(YesNo::No) => said_no.to_string(),
        None => String::new(),
    };
    let address = [p.address.trim(), p.postcode.trim()]
        .into_iter()
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let language = match (p.language.as_str(), p.interpreter) {
        ("", Some(YesNo::Yes)) => "Needs an interpreter".to_string(),
        (language, Some(YesNo::Yes)) => format!("{language}: needs an interpreter"),
        (language, Some(YesNo::No)) if !language.is_empty() => {
            format!("{language}: no interpreter needed")
        }
        (language, _) => language.to_string(),
    };
    vec![
        ("Likes to be called", p.preferred_name.clone()),
        (
            "Date of birth",
            parse_iso(&p.date_of_birth)
                .map(short_date)
                .unwrap_or_default(),
        ),
        ("Phone", p.phone.clone()),
        ("Email", p.email.clone()),
        ("Address", address),
        (
            "How to contact them",
            p.contact_method
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
        ),
        ("Contact them through", p.contact_through.clone()),
        (
            "Leaving a message",
            yes(
                p.leave_message,
                "OK to leave a message",
                "Do not leave a message",
            ),
        ),
        ("Best times to contact them", p.best_times.clone()),
        (
            "Texts",
            if p.no_texts {
                "Asked not to be sent texts".to_string()
            } else {
                String::new()
            },
        ),
        ("Language", language),
        ("GP practice", p.practice.clone()),
        (
            "Consent",
            if p.consent_contact {
                "Agreed to be contacted".to_string()
            } else {
                String::new()
            },
        ),
        (
            "GP record",
            yes(
                p.consent_record,
                "Agreed to the referral being added to their GP record",
                "Asked for the referral not to be added to their GP record",
            ),
        ),
    ]
}

/// What to enter in the GP record of a person just added, and how staff find
/// that record: a name alone does not.
#[allow(non_snake_case)]
pub fn GpRecordCode(person: Person) -> impl IntoView {
    let code = view! { <strong>{ACCEPTED_CODE.0}</strong> " " {ACCEPTED_CODE.1} };
    if person.consent_record == Some(YesNo::No) {
        return view! { <p>"Added to the caseload. They asked for this referral not to be added to their GP record, so do not enter a code."</p> }.into_any();
    }
    match parse_iso(&person.date_of_birth) {
        Some(born) => view! {
            <p>{format!("Added to the caseload. Find the GP record of {}, born {}, and enter this code: ", person.name, short_date(born))} {code}</p>
        }
        .into_any(),
        None => view! {
            <p>"Added to the caseload. Enter this code in their GP record: " {code}</p>
            <p>"Staff need their date of birth to find their record. "
                <a href=format!("{}?id={}", href("clinic/person/change"), person.id)>"Add their date of birth"</a></p>
        }
        .into_any(),
    }
}
