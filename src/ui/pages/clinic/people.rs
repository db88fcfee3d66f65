//! The caseload: everyone referred to the clinic, by where they are with it,
//! and adding a person referred by someone else.

use super::{href, use_clinic, ClinicForm, Saver, WEEKDAYS};
use crate::domain::clinic::forms::PersonForm;
use crate::domain::clinic::people::{Mode, PartOfDay, PersonStatus, Source};
use crate::domain::dates::{long_date, TypedDate};
use crate::domain::form::FieldError;
use crate::domain::referral::Choice;
use crate::ui::form::{bind, offers, Checkboxes, Radios, TextArea, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::{new_id, today};
use leptos::prelude::*;

#[component]
pub fn People() -> impl IntoView {
    page_title("People and appointments");
    let clinic = use_clinic();
    let groups = move || {
        clinic.value.with(|c| {
            PersonStatus::ALL
                .iter()
                .map(|status| {
                    let mut people: Vec<_> = c.people.iter().filter(|p| p.status == *status).collect();
                    people.sort_by(|a, b| a.referred_on.cmp(&b.referred_on).then(a.name.cmp(&b.name)));
                    let count = people.len();
                    let rows = people
                        .into_iter()
                        .map(|p| {
                            let link = format!("{}?id={}", href("clinic/person"), p.id);
                            let referred = p.referred().map(long_date).unwrap_or_default();
                            view! {
                                <li>
                                    <a href=link>{p.name.clone()}</a>
                                    {p.open_concern().map(|_| view! { " " <strong class="nhsuk-tag nhsuk-tag--red app-tag">"Concern raised"</strong> })}
                                    <span class="nhsuk-body-s app-block">{format!("Referred {referred} by {}", p.source.name().to_lowercase())}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h2>{format!("{} ({count})", status.name())}</h2>
                        <ul class="nhsuk-list app-people">{rows}</ul>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <BackLink href=href("clinic") text="Back to the clinic" />
        <h1>"People and appointments"</h1>
        <a class="nhsuk-button" role="button" draggable="false" href=href("clinic/people/add")>"Add a person"</a>
        <div data-testid="people">{groups}</div>
    }
}

const PARTS_OF_DAY: [(&str, &str); 3] = [
    ("any", "Any time"),
    ("morning", "Mornings"),
    ("afternoon", "Afternoons"),
];

#[component]
pub fn AddPerson() -> impl IntoView {
    let form = RwSignal::new(PersonForm {
        referred: TypedDate::from_date(today()),
        ..PersonForm::default()
    });
    let saver = Saver::new();
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let person = form.with(|f| f.check(new_id(), today()))?;
        let page = format!("clinic/person?id={}", person.id);
        saver.save_and_go(|c| c.people.push(person), &page);
        Ok(())
    });
    view! {
        <ClinicForm title="Add a person" back=href("clinic/people") button="Add this person" submit>
            <TextInput id="name" label="Full name" autocomplete=Some("off")
                bind=bind(form, |f| f.name.clone(), |f, v| f.name = v) />
            <TextInput id="preferred-name" label="What they like to be called (optional)"
                bind=bind(form, |f| f.preferred_name.clone(), |f, v| f.preferred_name = v) />
            <TextInput id="phone" label="Phone number (optional)" input_type="tel" width=Some("nhsuk-input--width-20")
                bind=bind(form, |f| f.phone.clone(), |f, v| f.phone = v) />
            <TextInput id="email" label="Email address (optional)" input_type="email"
                bind=bind(form, |f| f.email.clone(), |f, v| f.email = v) />
            <Radios id="source" legend="Who referred them?" choices={offers::<Source>()}
                bind=bind(form, |f| f.source.map(Source::key), |f, k| f.source = k.and_then(Source::from_key)) />
            <crate::ui::form::DateInput id="referred" legend="Date referred" hint=Some("For example, 27 3 2026")
                day=bind(form, |f| f.referred.day.clone(), |f, v| f.referred.day = v)
                month=bind(form, |f| f.referred.month.clone(), |f, v| f.referred.month = v)
                year=bind(form, |f| f.referred.year.clone(), |f, v| f.referred.year = v) />
            <TextArea id="support" label="What they would like support with (optional)" limit=Some(1000) rows=3
                bind=bind(form, |f| f.support.clone(), |f, v| f.support = v) />
            <TextArea id="barriers" label="Anything that makes appointments hard (optional)" limit=Some(1000) rows=2
                hint=Some("For example, caring for someone, work hours, getting here")
                bind=bind(form, |f| f.barriers.clone(), |f, v| f.barriers = v) />
            <TextArea id="communication" label="Communication needs (optional)" limit=Some(1000) rows=2
                hint=Some("For example, large print, an interpreter, British Sign Language")
                bind=bind(form, |f| f.communication.clone(), |f, v| f.communication = v) />
            <Radios id="mode" legend="How would they like to meet?" choices={offers::<Mode>()}
                bind=bind(form, |f| f.mode.map(Mode::key), |f, k| f.mode = k.and_then(Mode::from_key)) />
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
            <div class="nhsuk-form-group">
                <div class="nhsuk-checkboxes">
                    <div class="nhsuk-checkboxes__item">
                        <input class="nhsuk-checkboxes__input" id="no-texts" type="checkbox"
                            prop:checked=move || form.with(|f| f.no_texts)
                            on:change=move |ev| form.update(|f| f.no_texts = event_target_checked(&ev)) />
                        <label class="nhsuk-label nhsuk-checkboxes__label" for="no-texts">"They asked not to be sent texts"</label>
                    </div>
                </div>
            </div>
        </ClinicForm>
    }
}
