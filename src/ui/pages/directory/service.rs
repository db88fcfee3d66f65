//! One service's own page: everything known about it, a warning when it may
//! be out of date, and logging an introduction to it on a person's record in
//! the clinic, in one step.

use super::{href, service_in_address, use_shelf, NotInDirectory};
use crate::domain::clinic::Clinic;
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::directory::form::{caseload_choices, log_introduction};
use crate::domain::directory::{checked_words, days_words, Access};
use crate::ui::banner::NotificationBanner;
use crate::ui::form::{Bound, ErrorSummary, Select};
use crate::ui::layout::BackLink;
use crate::ui::pages::form_errors;
use crate::ui::saved::{SaveProblemNotice, Saved};
use crate::ui::{new_id, today};
use leptos::prelude::*;

#[component]
pub fn ServicePage() -> impl IntoView {
    let shelf = use_shelf();
    let Some(id) = service_in_address(shelf) else {
        return NotInDirectory().into_any();
    };
    let service = Memo::new(move |_| {
        shelf
            .directory
            .value
            .with(|d| d.service(id).cloned().unwrap_or_default())
    });
    let name = service.get_untracked().name;
    let title = name.clone();
    let errors = form_errors(move || title.clone());
    let clinic = Saved::<Clinic>::open();
    let person = RwSignal::new(String::new());
    let logged = RwSignal::new(None::<(u64, String)>);
    let introduce = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = person.get_untracked().parse().ok();
        let mut changed = clinic.value.get_untracked();
        let result = service
            .with_untracked(|s| log_introduction(&mut changed, chosen, new_id(), today(), s));
        match result {
            Ok(name) => {
                clinic.save(changed);
                errors.set(Vec::new());
                if clinic.problem.get_untracked().is_none() {
                    logged.set(chosen.map(|id| (id, name)));
                    person.set(String::new());
                }
            }
            Err(found) => {
                logged.set(None);
                errors.set(found);
            }
        }
    };
    let people: Vec<(String, String)> =
        std::iter::once((String::new(), "Choose a person".to_string()))
            .chain(
                clinic
                    .value
                    .with_untracked(caseload_choices)
                    .into_iter()
                    .map(|(id, name)| (id.to_string(), name)),
            )
            .collect();
    let nobody = people.len() == 1;
    let details = move || {
        service.with(|s| {
            let contact = [s.phone.as_str(), s.email.as_str(), s.website.as_str()]
                .into_iter()
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            let when = [days_words(&s.days), s.when.clone()]
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let rows = [
                ("Notice", s.alert.clone()),
                ("Organisation", s.organisation.clone()),
                ("What it offers", s.description.clone()),
                (
                    "Helps with",
                    s.categories
                        .iter()
                        .map(|c| c.name())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("Who it is for", s.who_for.clone()),
                (
                    "Cost",
                    if s.free {
                        "Free".to_string()
                    } else {
                        s.cost.clone()
                    },
                ),
                ("When", when),
                ("Where", s.place.clone()),
                ("Get in touch", contact),
                ("Who to ask for", s.contact.clone()),
                ("Languages", s.languages.clone()),
                (
                    "How to join",
                    match s.access {
                        Access::SelfReferralWelcome => "People can refer themselves".to_string(),
                        Access::ReferralNeeded => "People need a referral".to_string(),
                    },
                ),
                ("Accessibility", s.accessibility.clone()),
                (
                    "Last checked",
                    parse_iso(&s.checked_on)
                        .map(long_date)
                        .unwrap_or_else(|| "Never".to_string()),
                ),
            ];
            crate::ui::layout::summary_rows(rows)
        })
    };
    let stale = move || {
        service.with(|s| {
            s.may_be_out_of_date(today()).then(|| {
                let checked = checked_words(s).unwrap_or_else(|| "It has never been checked".to_string());
                view! {
                    <div class="nhsuk-warning-callout" data-testid="out-of-date">
                        <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"May be out of date"</span></h2>
                        <p>{format!("{checked}. Check the details with the organisation before you introduce someone, then change the date it was last checked.")}</p>
                    </div>
                }
            })
        })
    };
    let chosen = shelf.chosen;
    let removing = RwSignal::new(false);
    let location = crate::ui::router::use_location();
    let remove = move |_| {
        shelf.directory.update(|d| {
            d.remove(id);
        });
        chosen.update(|c| c.retain(|x| *x != id));
        if shelf.directory.problem.get_untracked().is_none() {
            location.navigate("clinic/directory?removed=yes");
        }
    };
    let on_list = move || chosen.with(|c| c.contains(&id));
    let bound_person = Bound {
        get: person.into(),
        set: Callback::new(move |v| person.set(v)),
    };
    let record = move |person: u64| format!("{}?id={person}", href("clinic/person"));
    view! {
        <BackLink href=href("clinic/directory") text="Back to the directory" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved=shelf.directory />
                <SaveProblemNotice saved=clinic />
                <ErrorSummary />
                {move || logged.get().map(|(person, name)| view! {
                    <NotificationBanner id="introduced" title="Success" heading="The introduction is logged">
                        <p>{format!("It is on {name}'s record. ")} <a href=record(person)>{format!("See {name}'s record")}</a></p>
                    </NotificationBanner>
                })}
                {stale}
                <h1>{name}</h1>
                <dl class="nhsuk-summary-list" data-testid="service-details">{details}</dl>
                <div class="nhsuk-button-group">
                    <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=format!("{}?id={id}", href("clinic/directory/edit"))>"Change this service"</a>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| removing.set(true)>"Remove this service"</button>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| chosen.update(|c| if c.contains(&id) { c.retain(|x| *x != id) } else { c.push(id) })>
                        {move || if on_list() { "Take off the printed list" } else { "Add to the printed list" }}
                    </button>
                </div>
                <Show when=move || removing.get()>
                    <div class="nhsuk-warning-callout" data-testid="remove-service">
                        <h2 class="nhsuk-warning-callout__label">
                            <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Remove this service?"</span>
                        </h2>
                        <p>"Remove it when it has closed or no longer runs. Introductions already logged stay on people's records."</p>
                        <div class="nhsuk-button-group">
                            <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=remove>"Yes, remove it"</button>
                            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| removing.set(false)>"No, keep it"</button>
                        </div>
                    </div>
                </Show>
                <h2>"Log an introduction"</h2>
                {if nobody {
                    view! { <p>"Nobody is waiting or active in the clinic's caseload on this device, so there is no one to log an introduction for."</p> }.into_any()
                } else {
                    view! {
                        <form novalidate on:submit=introduce>
                            <Select id="person" label="Who did you introduce to this service?" hint=Some("People waiting or active in the caseload")
                                options=people bind=bound_person />
                            <button class="nhsuk-button" type="submit">"Log the introduction"</button>
                        </form>
                    }.into_any()
                }}
            </div>
        </div>
    }
    .into_any()
}
