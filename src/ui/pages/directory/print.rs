//! The chosen services on one page, to print and hand to a person: what each
//! offers, when and where, what it costs and how to get in touch.

use super::{href, use_shelf};
use crate::domain::clinic::Id;
use crate::domain::directory::{days_words, Access};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use crate::ui::router::use_location;
use leptos::prelude::*;

#[component]
pub fn PrintList() -> impl IntoView {
    page_title("Services for you");
    let shelf = use_shelf();
    let practice = use_practice();
    // The address names the services, so the list survives a reload.
    let ids: Vec<Id> = use_location()
        .query("ids")
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.trim().parse().ok())
        .collect();
    let services = shelf.directory.value.with_untracked(|d| {
        ids.iter()
            .filter_map(|id| d.service(*id).cloned())
            .collect::<Vec<_>>()
    });
    if services.is_empty() {
        return view! {
            <BackLink href=href("clinic/directory") text="Back to the directory" />
            <h1>"No services chosen"</h1>
            <p>"Go back to the directory and tick \"Add to the printed list\" for each service the person would like to take away. "
                <a href=href("clinic/directory")>"Search the directory"</a></p>
        }
        .into_any();
    }
    let entries = services
        .into_iter()
        .map(|s| {
            let when = [days_words(&s.days), s.when.clone()]
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let cost = if s.free { "Free".to_string() } else { s.cost.clone() };
            let join = match s.access {
                Access::SelfReferralWelcome => "You can contact them yourself.",
                Access::ReferralNeeded => "Your link worker needs to refer you.",
            };
            let line = |label: &'static str, text: String| {
                (!text.is_empty()).then(|| view! { <p class="app-handout__line"><strong>{label}</strong> " " {text}</p> })
            };
            view! {
                <section class="app-handout__service" data-testid="handout-service">
                    <h2 class="nhsuk-heading-s">{s.name.clone()}</h2>
                    {line("Run by:", s.organisation.clone())}
                    <p class="app-handout__line">{s.description.clone()}</p>
                    {line("Please note:", s.alert.clone())}
                    {line("When:", when)}
                    {line("Where:", s.place.clone())}
                    {line("Cost:", cost)}
                    {line("Phone:", s.phone.clone())}
                    {line("Ask for:", s.contact.clone())}
                    {line("Email:", s.email.clone())}
                    {line("Website:", s.website.clone())}
                    <p class="app-handout__line">{join}</p>
                    {line("Access:", s.accessibility.clone())}
                </section>
            }
        })
        .collect_view();
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="app-no-print">
            <BackLink href=href("clinic/directory") text="Back to the directory" />
        </div>
        <div class="app-handout">
            <h1>"Services for you"</h1>
            <p>{move || format!("Chosen with you by the link worker team at {}.", practice.get().practice_name)}</p>
            {entries}
        </div>
        <div class="app-no-print">
            <button type="button" class="nhsuk-button" on:click=print>"Print this list"</button>
        </div>
    }
    .into_any()
}
