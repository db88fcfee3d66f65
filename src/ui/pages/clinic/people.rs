//! The caseload: everyone referred to the clinic, by where they are with it,
//! and adding a person referred by someone else.

use super::{href, use_clinic, ClinicForm, Saver, WEEKDAYS};
use crate::domain::clinic::forms::PersonForm;
use crate::domain::clinic::people::{
    more_people_words, people_by_status, people_found_words, Mode, PartOfDay, PersonStatus, Source,
    LISTED_AT_A_TIME,
};
use crate::domain::clinic::Id;
use crate::domain::dates::{long_date, TypedDate};
use crate::domain::form::FieldError;
use crate::domain::more_to_show;
use crate::domain::referral::Choice;
use crate::ui::form::{bind, offers, Bound, Checkboxes, Radios, TextArea, TextInput};
use crate::ui::layout::{focus_element, BackLink};
use crate::ui::pages::page_title;
use crate::ui::{new_id, today};
use leptos::prelude::*;

/// The id of a person's link on the people page, to carry on from.
fn person_link_id(id: Id) -> String {
    format!("person-{id}")
}

#[component]
pub fn People() -> impl IntoView {
    page_title("People and appointments");
    let clinic = use_clinic();
    let find = RwSignal::new(String::new());
    // How many of each status are listed.
    let listed = RwSignal::new([LISTED_AT_A_TIME; PersonStatus::ALL.len()]);
    // The ids of each status's people found, in the order listed.
    let groups = Memo::new(move |_| {
        find.with(|find| {
            clinic.value.with(|c| {
                let groups = people_by_status(&c.people, find).into_iter();
                groups
                    .map(|(status, found)| (status, found.iter().map(|p| p.id).collect()))
                    .collect::<Vec<(PersonStatus, Vec<Id>)>>()
            })
        })
    });
    let status_words = move || {
        let found = groups.with(|g| g.iter().map(|(_, ids)| ids.len()).sum());
        let all = clinic.value.with(|c| c.people.len());
        find.with(|find| people_found_words(found, all, find))
    };
    let show_more = move |group: usize| {
        let shown = listed.with_untracked(|l| l[group]);
        let first_new = groups.with_untracked(|g| g[group].1.get(shown).copied());
        listed.update(|l| l[group] += LISTED_AT_A_TIME);
        // Keyboard and screen reader users carry on from the first person added.
        if let Some(id) = first_new {
            request_animation_frame(move || focus_element(&person_link_id(id)));
        }
    };
    let group = move |group: usize, status: PersonStatus, ids: &[Id]| {
        let shown = listed.with(|l| l[group]);
        let more = more_to_show(ids.len(), shown, LISTED_AT_A_TIME);
        let rows = clinic.value.with(|c| {
            ids.iter()
                .take(shown)
                .filter_map(|&id| c.person(id))
                .map(|p| {
                    let link = format!("{}?id={}", href("clinic/person"), p.id);
                    let referred = p.referred().map(long_date).unwrap_or_default();
                    view! {
                        <li>
                            <a id=person_link_id(p.id) href=link>{p.name.clone()}</a>
                            {p.open_concern().map(|_| view! { " " <strong class="nhsuk-tag nhsuk-tag--red app-tag">"Concern raised"</strong> })}
                            <span class="nhsuk-body-s app-block">{format!("Referred {referred} {}", p.source.referred_by())}</span>
                        </li>
                    }
                })
                .collect_view()
        });
        view! {
            <h2>{format!("{} ({})", status.name(), ids.len())}</h2>
            <ul class="nhsuk-list app-people">{rows}</ul>
            {(more > 0).then(|| view! {
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| show_more(group)>
                    {more_people_words(more, status)}
                </button>
            })}
        }
    };
    let list = move || {
        groups.with(|groups| {
            groups
                .iter()
                .enumerate()
                .map(|(n, (status, ids))| group(n, *status, ids))
                .collect_view()
        })
    };
    let find_bound = Bound {
        get: Signal::derive(move || find.get()),
        set: Callback::new(move |v| {
            find.set(v);
            // A new search starts again from the top of what it finds.
            listed.set([LISTED_AT_A_TIME; PersonStatus::ALL.len()]);
        }),
    };
    view! {
        <BackLink href=href("clinic") text="Back to the clinic" />
        <h1>"People and appointments"</h1>
        <a class="nhsuk-button" role="button" draggable="false" href=href("clinic/people/add")>"Add a person"</a>
        <div role="search" aria-label="Find a person">
            <TextInput id="find" label="Find a person" hint=Some("Type any part of their name") bind=find_bound />
        </div>
        <p role="status" data-testid="people-found">{status_words}</p>
        <div data-testid="people">{list}</div>
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
