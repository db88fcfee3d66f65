//! The volunteers: who they are, how to reach them, the sessions they can
//! usually do and when they are away.

use super::{href, intern, use_clinic, ClinicForm, Saver};
use crate::domain::clinic::forms::{weekly_words, VolunteerForm};
use crate::domain::clinic::sessions::weekday_name;
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::form::FieldError;
use crate::ui::form::{
    bind, Bound, Checkboxes, DateInput, FileUpload, FormErrors, TextInput, TickBox,
};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::photo::{small_photo, Photo};
use crate::ui::{new_id, today};
use leptos::prelude::*;

#[component]
pub fn Volunteers() -> impl IntoView {
    page_title("Volunteers");
    let clinic = use_clinic();
    let removing = RwSignal::new(None::<u64>);
    let confirm = move || {
        let id = removing.get()?;
        let name = clinic.value.with(|c| {
            c.volunteers
                .iter()
                .find(|v| v.id == id)
                .map(|v| v.name.clone())
        })?;
        Some(view! {
            <div class="nhsuk-warning-callout" data-testid="remove-volunteer">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{format!("Remove {name}?")}</span>
                </h2>
                <p>"They come off the rota from today, and the rota suggests someone else for their sessions. The sessions they have done stay in the clinic's history."</p>
                <div class="nhsuk-button-group">
                    <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=move |_| {
                        clinic.update(|c| c.remove_volunteer(id, today()));
                        removing.set(None);
                    }>{format!("Yes, remove {name}")}</button>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| removing.set(None)>"No, keep them"</button>
                </div>
            </div>
        })
    };
    let rows = move || {
        clinic.value.with(|c| {
            c.volunteers
                .iter()
                .map(|v| {
                    let (id, name) = (v.id, v.name.clone());
                    let usually = v
                        .usually
                        .iter()
                        .map(|u| format!("{}s, {}", weekday_name(u.weekday), u.times.words()))
                        .collect::<Vec<_>>()
                        .join("; ");
                    let away = v
                        .away
                        .iter()
                        .filter_map(|a| Some(format!("Away {} to {}", long_date(parse_iso(&a.from)?), long_date(parse_iso(&a.to)?))))
                        .collect::<Vec<_>>()
                        .join("; ");
                    let contact = [v.phone.as_str(), v.email.as_str()]
                        .into_iter()
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{v.name.clone()}</dt>
                            <dd class="nhsuk-summary-list__value">
                                <p>{if usually.is_empty() { "Relief: no regular session".to_string() } else { usually }}</p>
                                {(!contact.is_empty()).then(|| view! { <p>{contact}</p> })}
                                {(!away.is_empty()).then(|| view! { <p>{away}</p> })}
                                <p>{match v.face() {
                                    Some(face) if face.photo.is_some() => format!("Shown on the board as {}, with a photo", face.name),
                                    Some(face) => format!("Shown on the board as {}, without a photo", face.name),
                                    None => "Not shown on the board".to_string(),
                                }}</p>
                            </dd>
                            <dd class="nhsuk-summary-list__actions">
                                <a href=format!("{}?id={id}", href("clinic/volunteers/change"))>
                                    "Change" <span class="nhsuk-u-visually-hidden">{format!(" {name}")}</span>
                                </a> " "
                                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button"
                                    on:click=move |_| removing.set(Some(id))>
                                    "Remove" <span class="nhsuk-u-visually-hidden">{format!(" {name}")}</span>
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <BackLink href=href("clinic") text="Back to the clinic" />
        <h1>"Volunteers"</h1>
        {confirm}
        <Show when=move || clinic.value.with(|c| !c.volunteers.is_empty())
            fallback=|| view! { <p>"No volunteers yet. Add the people who run the clinic, and the sessions they can usually do."</p> }>
            <dl class="nhsuk-summary-list" data-testid="volunteers">{rows}</dl>
        </Show>
        <a class="nhsuk-button" role="button" draggable="false" href=href("clinic/volunteers/add")>"Add a volunteer"</a>
    }
}

/// Adds a volunteer, or with `?id=` changes one already there.
#[component]
pub fn AddVolunteer() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let weekly = clinic.value.with_untracked(|c| c.sessions.weekly.clone());
    let changing = super::id_in_address().and_then(|id| {
        clinic
            .value
            .with_untracked(|c| c.volunteers.iter().find(|v| v.id == id).cloned())
    });
    let form = RwSignal::new(
        changing
            .as_ref()
            .map(|v| VolunteerForm::from_volunteer(v, &weekly))
            .unwrap_or_default(),
    );
    let choices: Vec<(&'static str, &'static str)> = weekly
        .iter()
        .map(|s| (intern(s.id.to_string()), intern(weekly_words(s))))
        .collect();
    let sessions = Bound {
        get: Signal::derive(move || {
            form.with(|f| f.sessions.iter().map(|id| intern(id.to_string())).collect())
        }),
        set: Callback::new(move |keys: Vec<&'static str>| {
            form.update(|f| f.sessions = keys.iter().filter_map(|k| k.parse().ok()).collect())
        }),
    };
    let changing_id = changing.as_ref().map(|v| v.id);
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let Some(id) = changing_id else {
            let volunteer = form.with(|f| f.check(new_id(), &weekly))?;
            saver.save_and_go(|c| c.volunteers.push(volunteer), "clinic/volunteers");
            return Ok(());
        };
        let typed = form.get_untracked();
        let current = clinic
            .value
            .with_untracked(|c| c.volunteers.iter().find(|v| v.id == id).cloned())
            .unwrap_or_default();
        typed.change(&current, &weekly)?;
        let weekly = weekly.clone();
        saver.save_and_go(
            |c| {
                if let Some(v) = c.volunteers.iter_mut().find(|v| v.id == id) {
                    if let Ok(changed) = typed.change(v, &weekly) {
                        *v = changed;
                    }
                }
            },
            "clinic/volunteers",
        );
        Ok(())
    });
    let (title, button) = if changing.is_some() {
        ("Change a volunteer's details", "Save the changes")
    } else {
        ("Add a volunteer", "Add this volunteer")
    };
    let no_sessions = choices.is_empty();
    view! {
        <ClinicForm title back=href("clinic/volunteers") button submit>
            <TextInput id="name" label="Name" autocomplete=Some("off")
                bind=bind(form, |f| f.name.clone(), |f, v| f.name = v) />
            <TextInput id="phone" label="Phone number (optional)" input_type="tel" width=Some("nhsuk-input--width-20")
                bind=bind(form, |f| f.phone.clone(), |f, v| f.phone = v) />
            <TextInput id="email" label="Email address (optional)" input_type="email"
                bind=bind(form, |f| f.email.clone(), |f, v| f.email = v) />
            {if no_sessions {
                view! {
                    <div class="nhsuk-inset-text">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>"There are no weekly sessions yet. " <a href=href("clinic/sessions/weekly")>"Add the clinic's sessions"</a>
                        " first, so you can say which this volunteer can usually do."</p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <Checkboxes id="sessions" legend="Which sessions can they usually do?"
                        hint=Some("Select all that apply.") choices=choices bind=sessions />
                    <TickBox id="relief" label="They have no regular session: a relief volunteer who covers when asked"
                        bind=bind(form, |f| f.relief, |f, v| f.relief = v) />
                }.into_any()
            }}
            <DateInput id="away-from" legend="First day away (optional)" hint=Some("If they will be away, the first day they are not here, for example 9 3 2026")
                day=bind(form, |f| f.away_from.day.clone(), |f, v| f.away_from.day = v)
                month=bind(form, |f| f.away_from.month.clone(), |f, v| f.away_from.month = v)
                year=bind(form, |f| f.away_from.year.clone(), |f, v| f.away_from.year = v) />
            <DateInput id="away-to" legend="Last day away (optional)"
                day=bind(form, |f| f.away_to.day.clone(), |f, v| f.away_to.day = v)
                month=bind(form, |f| f.away_to.month.clone(), |f, v| f.away_to.month = v)
                year=bind(form, |f| f.away_to.year.clone(), |f, v| f.away_to.year = v) />
            <ShownOnTheBoard form />
        </ClinicForm>
    }
}

/// "Meet the volunteers": the first name, line and photo shown on the
/// surgery's board (and the practice's website, if it chooses), only when
/// the volunteer agrees. A file that cannot be their photo changes nothing.
#[component]
fn ShownOnTheBoard(form: RwSignal<VolunteerForm>) -> impl IntoView {
    let errors = use_context::<FormErrors>();
    let said = RwSignal::new("");
    let chosen = Callback::new(move |file: web_sys::File| {
        said.set("Opening the photo…");
        leptos::task::spawn_local(async move {
            let made = small_photo(file).await;
            let others = |e: &Vec<FieldError>| -> Vec<FieldError> {
                e.iter().filter(|e| e.field != "photo").cloned().collect()
            };
            match made {
                Ok(photo) => {
                    form.update(|f| f.photo = photo);
                    if let Some(errors) = errors {
                        errors.0.update(|e| *e = others(e));
                    }
                    said.set("Photo added. Save the changes to keep it.");
                }
                Err(problem) => {
                    if let Some(errors) = errors {
                        errors
                            .0
                            .set(vec![FieldError::new("photo", problem.message())]);
                    }
                    said.set("");
                }
            }
        });
    });
    let name = move || form.with(|f| f.shown_name.trim().to_string());
    let current = move || {
        let photo = form.with(|f| f.photo.clone());
        (!photo.is_empty()).then(|| view! {
            <div class="app-photo-now" data-testid="photo-now">
                <Photo photo alt=format!("The photo of {}", name()) />
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    on:click=move |_| { form.update(|f| f.photo.clear()); said.set("Photo removed. Save the changes to keep this."); }>
                    "Remove the photo"
                </button>
            </div>
        })
    };
    view! {
        <h2>"Meet the volunteers (optional)"</h2>
        <p>"The surgery’s board can show the volunteers who agree: their first name, one line about them and a photo. "
            "So can self-referral’s last page, if the practice chooses. The photo is kept only on this device and in its backups."</p>
        <TextInput id="shown-name" label="First name to show (optional)" width=Some("nhsuk-input--width-20")
            bind=bind(form, |f| f.shown_name.clone(), |f, v| f.shown_name = v) />
        <TextInput id="about" label="One line about them (optional)" hint=Some("For example: I love gardening and know the local walking groups.")
            bind=bind(form, |f| f.about.clone(), |f, v| f.about = v) />
        <FileUpload id="photo" label="Photo (optional)" accept="image/*" chosen
            hint="A photo of their face, such as a JPG. It is made small on this device and never sent anywhere.">
            {current}
        </FileUpload>
        <p class="nhsuk-body-s" aria-live="polite" data-testid="photo-said">{move || said.get()}</p>
        <TickBox id="agreed-to-show"
            label="They agree to their first name, line and photo being shown on the surgery’s board and the practice’s website"
            bind=bind(form, |f| f.agreed_to_show, |f, v| f.agreed_to_show = v) />
    }
}
