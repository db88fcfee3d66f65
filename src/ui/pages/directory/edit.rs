//! Adding a service to the directory, or changing one: every field the issue
//! names, each checked with a GOV.UK message, nothing typed lost.

use super::{
    href, service_href, service_in_address, use_shelf, DirectoryForm, NotInDirectory, WEEKDAYS,
};
use crate::domain::directory::form::ServiceForm as Typed;
use crate::domain::directory::{Access, Category};
use crate::domain::form::FieldError;
use crate::ui::form::{bind, Bound, Checkboxes, DateInput, Radios, TextArea, TextInput};
use crate::ui::router::use_location;
use crate::ui::{new_id, today};
use leptos::prelude::*;

const COST: [(&str, &str); 2] = [("free", "Free"), ("cost", "There is a cost")];
const ACCESS: [(&str, &str); 2] = [
    ("self", "People can refer themselves"),
    ("referral", "People need a referral"),
];

/// Add a service (`clinic/directory/add`) or change one (`clinic/directory/edit?id=`).
#[component]
pub fn ServiceForm() -> impl IntoView {
    let shelf = use_shelf();
    let location = use_location();
    let editing = location.page() == "clinic/directory/edit";
    let existing = if editing {
        match service_in_address(shelf) {
            Some(id) => Some(id),
            None => return NotInDirectory().into_any(),
        }
    } else {
        None
    };
    let form = RwSignal::new(match existing {
        Some(id) => shelf
            .directory
            .value
            .with_untracked(|d| d.service(id).map(Typed::from_service))
            .unwrap_or_default(),
        None => Typed::new(today()),
    });
    let (title, button, back) = match existing {
        Some(id) => ("Change a service", "Save the changes", service_href(id)),
        None => (
            "Add a service",
            "Add this service",
            href("clinic/directory"),
        ),
    };
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let id = existing.unwrap_or_else(new_id);
        let service = form.with(|f| f.check(id, today()))?;
        shelf.directory.update(|d| d.save(service));
        if shelf.directory.problem.get_untracked().is_none() {
            location.navigate(&format!("clinic/directory/service?id={id}"));
        }
        Ok(())
    });
    let categories = Bound {
        get: Signal::derive(move || form.with(|f| f.categories.iter().map(|c| c.key()).collect())),
        set: Callback::new(move |keys: Vec<&'static str>| {
            form.update(|f| {
                f.categories = keys.iter().filter_map(|k| Category::from_key(k)).collect()
            })
        }),
    };
    let days = Bound {
        get: Signal::derive(move || {
            form.with(|f| {
                WEEKDAYS
                    .iter()
                    .filter(|(k, _)| f.days.iter().any(|d| d.to_string() == *k))
                    .map(|(k, _)| *k)
                    .collect()
            })
        }),
        set: Callback::new(move |keys: Vec<&'static str>| {
            form.update(|f| f.days = keys.iter().filter_map(|k| k.parse().ok()).collect())
        }),
    };
    let category_offers: Vec<(&'static str, &'static str)> =
        Category::ALL.iter().map(|c| (c.key(), c.name())).collect();
    view! {
        <DirectoryForm title back button submit>
            <TextInput id="name" label="Name of the service or group" autocomplete=Some("off")
                bind=bind(form, |f| f.name.clone(), |f, v| f.name = v) />
            <TextInput id="organisation" label="Organisation that runs it" autocomplete=Some("off")
                bind=bind(form, |f| f.organisation.clone(), |f, v| f.organisation = v) />
            <TextArea id="description" label="What it offers" hint=Some("A sentence or two in plain words, for example: a gentle hour's walk round the park, then tea")
                limit=Some(500) rows=3 bind=bind(form, |f| f.description.clone(), |f, v| f.description = v) />
            <Checkboxes id="categories" legend="What it helps with" hint=Some("Select all that apply.")
                choices=category_offers bind=categories />
            <TextArea id="who-for" label="Who it is for (optional)" hint=Some("For example, ages, the area it covers, or other criteria")
                rows=2 bind=bind(form, |f| f.who_for.clone(), |f, v| f.who_for = v) />
            <Radios id="free" legend="Is it free?" inline=true choices=COST.to_vec()
                bind=bind(form, |f| f.free.map(|free| if free { "free" } else { "cost" }), |f, k| f.free = k.map(|k| k == "free")) />
            <Show when=move || form.with(|f| f.free == Some(false))>
                <TextInput id="cost" label="What it costs" hint=Some("For example, £2 a session") width=Some("nhsuk-input--width-20")
                    bind=bind(form, |f| f.cost.clone(), |f, v| f.cost = v) />
            </Show>
            <Checkboxes id="days" legend="Days it runs (optional)" choices=WEEKDAYS.to_vec() bind=days />
            <TextInput id="when" label="When it runs (optional)" hint=Some("For example, 10am to 11am, or the first Monday of the month")
                bind=bind(form, |f| f.when.clone(), |f, v| f.when = v) />
            <TextInput id="place" label="Where it runs (optional)" hint=Some("The place and its address")
                bind=bind(form, |f| f.place.clone(), |f, v| f.place = v) />
            <h2 class="nhsuk-heading-m">"How to get in touch or refer"</h2>
            <p class="nhsuk-hint">"Give at least one of these."</p>
            <TextInput id="phone" label="Phone number" input_type="tel" width=Some("nhsuk-input--width-20") autocomplete=Some("off")
                bind=bind(form, |f| f.phone.clone(), |f, v| f.phone = v) />
            <TextInput id="contact" label="Who to ask for (optional)" hint=Some("A name, and their role, for example: Ann Persona (reception)") autocomplete=Some("off")
                bind=bind(form, |f| f.contact.clone(), |f, v| f.contact = v) />
            <TextInput id="email" label="Email address" input_type="email" autocomplete=Some("off")
                bind=bind(form, |f| f.email.clone(), |f, v| f.email = v) />
            <TextInput id="website" label="Website" hint=Some("For example, www.example.org") autocomplete=Some("off")
                bind=bind(form, |f| f.website.clone(), |f, v| f.website = v) />
            <Radios id="access" legend="How do people join?" choices=ACCESS.to_vec()
                bind=bind(form, |f| f.access.map(|a| if a == Access::ReferralNeeded { "referral" } else { "self" }),
                    |f, k| f.access = k.map(|k| if k == "referral" { Access::ReferralNeeded } else { Access::SelfReferralWelcome })) />
            <TextInput id="languages" label="Languages spoken (optional)" hint=Some("For example, English, Urdu")
                bind=bind(form, |f| f.languages.clone(), |f, v| f.languages = v) />
            <TextArea id="alert" label="Notice (optional)" hint=Some("Something people need to know for now, for example: sessions are by video call until May")
                rows=2 bind=bind(form, |f| f.alert.clone(), |f, v| f.alert = v) />
            <TextArea id="accessibility" label="Accessibility (optional)" hint=Some("For example, step-free access, a hearing loop, a quiet space")
                rows=2 bind=bind(form, |f| f.accessibility.clone(), |f, v| f.accessibility = v) />
            <DateInput id="checked" legend="Date the entry was last checked" hint=Some("The day someone last confirmed these details, for example 2 3 2026")
                day=bind(form, |f| f.checked.day.clone(), |f, v| f.checked.day = v)
                month=bind(form, |f| f.checked.month.clone(), |f, v| f.checked.month = v)
                year=bind(form, |f| f.checked.year.clone(), |f, v| f.checked.year = v) />
        </DirectoryForm>
    }
    .into_any()
}
