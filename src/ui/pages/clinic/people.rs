//! The caseload: everyone referred to the clinic, by where they are with it.
//! Adding a person is in [`super::details`].

use super::{href, use_clinic};
use crate::domain::clinic::people::{
    more_people_words, people_by_status, people_found_words, PersonStatus, LISTED_AT_A_TIME,
};
use crate::domain::clinic::Id;
use crate::domain::dates::long_date;
use crate::domain::more_to_show;
use crate::ui::form::{Bound, TextInput};
use crate::ui::layout::{focus_element, BackLink};
use crate::ui::pages::page_title;
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
                            <span class="nhsuk-body-s app-block">{format!("Referred {referred} {}", p.referred_how())}</span>
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
        <Removals />
    }
}

/// The records taken off the caseload: when and why, never who.
#[component]
fn Removals() -> impl IntoView {
    let clinic = use_clinic();
    move || {
        clinic.value.with(|c| {
            let removals = c.removals_latest_first();
            (!removals.is_empty()).then(|| {
                let rows = removals
                    .iter()
                    .map(|r| view! { <li>{r.words()}</li> })
                    .collect_view();
                view! {
                    <details class="nhsuk-details" data-testid="removals">
                        <summary class="nhsuk-details__summary">
                            <span class="nhsuk-details__summary-text">{format!("Records removed ({})", removals.len())}</span>
                        </summary>
                        <div class="nhsuk-details__text">
                            <p>"When a record is removed, the person’s name and details are not kept: only the date and the reason, so that every device that merges a backup removes it too."</p>
                            <ul class="nhsuk-list nhsuk-list--bullet">{rows}</ul>
                        </div>
                    </details>
                }
            })
        })
    }
}
