//! The directory's front page: search as you type, filters for what a service
//! helps with, free ones only and the day it runs, each entry with a mark
//! when nobody has checked it for over six months, and a choice of entries to
//! print for a person.

use super::{href, service_href, use_shelf, WEEKDAYS};
use crate::domain::clinic::Id;
use crate::domain::directory::{
    checked_words, days_words, found_words, more_words, search, Category, Service, SHOWN_AT_A_TIME,
};
use crate::domain::more_to_show;
use crate::ui::form::{Bound, Checkboxes, Select, TextInput};
use crate::ui::layout::{focus_element, BackLink};
use crate::ui::pages::page_title;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::today;
use leptos::prelude::*;

#[component]
pub fn DirectoryList() -> impl IntoView {
    page_title("Local services directory");
    let shelf = use_shelf();
    let (directory, typed, chosen, shown) =
        (shelf.directory, shelf.search, shelf.chosen, shelf.shown);
    let now = today();
    let removed = crate::ui::router::use_location().query("removed").is_some();
    let words = Bound {
        get: Signal::derive(move || typed.with(|s| s.words.clone())),
        set: Callback::new(move |v| typed.update(|s| s.words = v)),
    };
    let category = Bound {
        get: Signal::derive(move || {
            typed.with(|s| s.category.map(|c| c.key().to_string()).unwrap_or_default())
        }),
        set: Callback::new(move |v: String| typed.update(|s| s.category = Category::from_key(&v))),
    };
    let day = Bound {
        get: Signal::derive(move || {
            typed.with(|s| s.day.map(|d| d.to_string()).unwrap_or_default())
        }),
        set: Callback::new(move |v: String| typed.update(|s| s.day = v.parse().ok())),
    };
    let free = Bound {
        get: Signal::derive(move || {
            if typed.with(|s| s.free_only) {
                vec!["free"]
            } else {
                Vec::new()
            }
        }),
        set: Callback::new(move |v: Vec<&'static str>| {
            typed.update(|s| s.free_only = !v.is_empty())
        }),
    };
    let categories: Vec<(String, String)> =
        std::iter::once((String::new(), "Anything".to_string()))
            .chain(
                Category::ALL
                    .iter()
                    .map(|c| (c.key().to_string(), c.name().to_string())),
            )
            .collect();
    let days: Vec<(String, String)> = std::iter::once((String::new(), "Any day".to_string()))
        .chain(WEEKDAYS.iter().map(|(k, d)| (k.to_string(), d.to_string())))
        .collect();
    let found = Memo::new(move |_| {
        typed.with(|s| {
            directory.value.with(|d| {
                search(&d.services, s)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Service>>()
            })
        })
    });
    // A new search starts again from the top of its results.
    Effect::watch(
        move || typed.track(),
        move |_, _, _| shown.set(SHOWN_AT_A_TIME),
        false,
    );
    let more = move || more_to_show(found.with(Vec::len), shown.get(), SHOWN_AT_A_TIME);
    let show_more = move |_| {
        let first_new = found.with_untracked(|f| f.get(shown.get_untracked()).map(|s| s.id));
        shown.update(|n| *n += SHOWN_AT_A_TIME);
        // Keyboard and screen reader users carry on from the first service added.
        if let Some(id) = first_new {
            request_animation_frame(move || focus_element(&service_link_id(id)));
        }
    };
    let toggle = move |id: Id, on: bool| {
        chosen.update(|c| {
            c.retain(|x| *x != id);
            if on {
                c.push(id);
            }
        })
    };
    let print_href = move || {
        let ids: Vec<String> = chosen.get().iter().map(Id::to_string).collect();
        format!("{}?ids={}", href("clinic/directory/print"), ids.join(","))
    };
    let print_href = Memo::new(move |_| print_href());
    let results = move || {
        found.with(|found| found
            .iter()
            .take(shown.get())
            .map(|s| {
                let id = s.id;
                let stale = s.may_be_out_of_date(now);
                let checked = checked_words(s).unwrap_or_else(|| "Never checked".to_string());
                let cost = if s.free { "Free".to_string() } else if s.cost.is_empty() { "Ask about the cost".to_string() } else { s.cost.clone() };
                let days = days_words(&s.days);
                let helps = s.categories.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ");
                let pick_id = format!("choose-{id}");
                view! {
                    <li class="app-service" data-testid="service">
                        <h2 class="nhsuk-heading-s app-service__name"><a id=service_link_id(id) href=service_href(id)>{s.name.clone()}</a></h2>
                        {(!s.organisation.is_empty()).then(|| view! { <p class="app-service__organisation">{s.organisation.clone()}</p> })}
                        {stale.then(|| view! { <p><strong class="nhsuk-tag nhsuk-tag--orange" data-testid="out-of-date">"May be out of date"</strong> " " {checked.clone()}</p> })}
                        <p class="app-keep-lines">{s.description.clone()}</p>
                        <ul class="nhsuk-list app-service__facts">
                            {(!helps.is_empty()).then(|| view! { <li>{format!("Helps with: {helps}")}</li> })}
                            <li>{format!("Cost: {cost}")}</li>
                            {(!days.is_empty()).then(|| view! { <li>{format!("Runs on {days}")}</li> })}
                        </ul>
                        <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                            <div class="nhsuk-checkboxes__item">
                                <input class="nhsuk-checkboxes__input" type="checkbox" id=pick_id.clone()
                                    prop:checked=move || chosen.with(|c| c.contains(&id))
                                    on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                                <label class="nhsuk-label nhsuk-checkboxes__label" for=pick_id>
                                    "Add to the printed list" <span class="nhsuk-u-visually-hidden">{format!(": {}", s.name)}</span>
                                </label>
                            </div>
                        </div>
                    </li>
                }
            })
            .collect_view())
    };
    view! {
        <BackLink href=href("clinic") text="Back to the clinic" />
        <SaveProblemNotice saved=directory />
        {removed.then(|| view! {
            <crate::ui::banner::NotificationBanner id="removed" title="Success" heading="The service has been removed from the directory">
                <p>"Introductions already logged stay on people's records."</p>
            </crate::ui::banner::NotificationBanner>
        })}
        <h1>"Local services directory"</h1>
        <p>"Groups and services a person can be introduced to. Entries not checked for over 6 months are marked, so you know to check them first."</p>
        <div class="nhsuk-button-group">
            <a class="nhsuk-button" role="button" draggable="false" href=href("clinic/directory/add")>"Add a service"</a>
            <a href=href("clinic/directory/import")>"Import or export an Open Referral UK file"</a>
        </div>
        <div class="app-directory-search" role="search" aria-label="Search the directory">
            <TextInput id="words" label="Search" hint=Some("For example, walking, debt or a place") bind=words />
            <Select id="category" label="What it helps with" options=categories bind=category />
            <Select id="day" label="Day it runs" options=days bind=day />
            <Checkboxes id="free" legend="Cost" choices=vec![("free", "Free only")] bind=free />
        </div>
        <p role="status" data-testid="found">{move || {
            found_words(found.with(Vec::len), directory.value.with(|d| d.services.len()), shown.get())
        }}</p>
        <ul class="nhsuk-list app-services" data-testid="services">{results}</ul>
        <Show when=move || more() != 0>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=show_more>
                {move || more_words(more())}
            </button>
        </Show>
        <Show when=move || chosen.with(|c| !c.is_empty())>
            <div class="app-print-bar">
                <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=move || print_href.get()>
                    {move || format!("Print the chosen services ({})", chosen.with(Vec::len))}
                </a>
            </div>
        </Show>
    }
}

/// The id of a service's link in the list.
fn service_link_id(id: Id) -> String {
    format!("service-{id}")
}
