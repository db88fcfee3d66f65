//! Changing a weekly or one-off session (`?id=`): the form filled in with
//! what it is now, then what happened to the appointments booked in it, so
//! the volunteer can tell each person. The rules are in
//! [`crate::domain::clinic::session_changes`].

use super::sessions::{ExtraFields, WeeklyFields};
use super::{href, id_in_address, use_clinic, ClinicForm};
use crate::domain::clinic::forms::{ExtraSessionForm, WeeklySessionForm};
use crate::domain::clinic::session_changes::MovedAppointment;
use crate::domain::clinic::sessions::{ExtraSession, WeeklySession};
use crate::domain::clinic::Clinic;
use crate::domain::form::FieldError;
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::saved::Saved;
use crate::ui::{new_id, today};
use leptos::prelude::*;

/// The session being changed, as found from the address.
#[derive(Clone)]
enum Changing {
    Weekly(WeeklySession),
    Extra(ExtraSession),
}

#[component]
pub fn ChangeSession() -> impl IntoView {
    let clinic = use_clinic();
    let changing = id_in_address().and_then(|id| {
        clinic.value.with_untracked(|c| {
            let weekly = c.sessions.weekly.iter().find(|w| w.id == id);
            let extra = c.sessions.extra.iter().find(|e| e.id == id);
            weekly
                .cloned()
                .map(Changing::Weekly)
                .or_else(|| extra.cloned().map(Changing::Extra))
        })
    });
    let done = RwSignal::new(None::<Vec<MovedAppointment>>);
    move || {
        if done.with(Option::is_some) {
            return view! { <Changed done /> }.into_any();
        }
        match changing.clone() {
            None => {
                page_title("Session not found");
                view! {
                    <BackLink href=href("clinic/sessions") text="Back to sessions" />
                    <h1>"Session not found"</h1>
                    <p>"This session is no longer in the clinic. It may have been stopped or changed on another device."</p>
                }
                .into_any()
            }
            Some(Changing::Weekly(session)) => view! { <ChangeWeekly session done /> }.into_any(),
            Some(Changing::Extra(session)) => view! { <ChangeExtra session done /> }.into_any(),
        }
    }
}

/// Saves a change the clinic may refuse, keeping what it moved for
/// [`Changed`]; a refusal is shown on `field`.
fn save_change(
    clinic: Saved<Clinic>,
    done: RwSignal<Option<Vec<MovedAppointment>>>,
    field: &str,
    change: impl FnOnce(&mut Clinic) -> Result<Vec<MovedAppointment>, Vec<String>>,
) -> Result<(), Vec<FieldError>> {
    let mut moved = None;
    clinic
        .try_update_then(|c| change(c).map(|m| moved = Some(m)), || {})
        .map_err(|problems| {
            problems
                .into_iter()
                .map(|message| FieldError::new(field, message))
                .collect::<Vec<_>>()
        })?;
    if clinic.problem.get_untracked().is_none() {
        done.set(moved);
    }
    Ok(())
}

#[component]
fn ChangeWeekly(
    session: WeeklySession,
    done: RwSignal<Option<Vec<MovedAppointment>>>,
) -> impl IntoView {
    let id = session.id;
    let form = RwSignal::new(WeeklySessionForm::from_session(&session));
    let clinic = use_clinic();
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let sessions = form.with(|f| f.check(new_id(), new_id, today()))?;
        save_change(clinic, done, "weekday", |c| {
            c.change_weekly_days(id, sessions, today())
        })
    });
    view! {
        <ClinicForm title="Change a weekly session" back=href("clinic/sessions") button="Save the change" submit>
            <AppointmentsNote />
            <WeeklyFields form hint="Tick each day it runs. Another day ticked is added as a session of its own." />
        </ClinicForm>
    }
}

#[component]
fn ChangeExtra(
    session: ExtraSession,
    done: RwSignal<Option<Vec<MovedAppointment>>>,
) -> impl IntoView {
    let id = session.id;
    let form = RwSignal::new(ExtraSessionForm::from_session(&session));
    let clinic = use_clinic();
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let session = form.with(|f| f.check(id, today()))?;
        save_change(clinic, done, "extra-date-day", |c| {
            c.change_extra(session, today())
        })
    });
    view! {
        <ClinicForm title="Change a one-off session" back=href("clinic/sessions") button="Save the change" submit>
            <AppointmentsNote />
            <ExtraFields form />
        </ClinicForm>
    }
}

/// What a change does to appointments, said before it is made.
#[component]
fn AppointmentsNote() -> impl IntoView {
    view! {
        <p>"Appointments still to come keep their times if they all fit in the changed session. If not, they move with it: in a session moved from 9am to 1pm, a 9:45am appointment moves to 1:45pm. If one cannot fit either way, you are told whose it is, so you can move or cancel it first."</p>
    }
}

/// The change saved: each appointment it moved, for the volunteer to tell the person.
#[component]
fn Changed(done: RwSignal<Option<Vec<MovedAppointment>>>) -> impl IntoView {
    page_title("Session changed");
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let moved = done.get_untracked().unwrap_or_default();
    let told = if moved.is_empty() {
        view! { <p>"No appointments still to come needed moving, so there is nobody to tell."</p> }
            .into_any()
    } else {
        let rows = moved
            .iter()
            .map(|m| {
                let link = format!("{}?id={}", href("clinic/person"), m.person);
                view! { <li><a href=link>{m.words()}</a></li> }
            })
            .collect_view();
        view! {
            <h2>{if moved.len() == 1 { "1 person to tell".to_string() } else { format!("{} people to tell", moved.len()) }}</h2>
            <p>"Tell each person their new time or room. Their reminder texts will give the new time and room, and each is ready to send again."</p>
            <ul class="nhsuk-list nhsuk-list--bullet" data-testid="moved-appointments">{rows}</ul>
        }
        .into_any()
    };
    view! {
        <BackLink href=href("clinic/sessions") text="Back to sessions" />
        <h1 tabindex="-1" node_ref=heading>"Session changed"</h1>
        <p>"Volunteers on duty keep their duties. Their calendar files now carry the new time and room: ask them to download theirs again from the rota."</p>
        {told}
        <a class="nhsuk-button" role="button" draggable="false" href=href("clinic/sessions")>"Back to sessions and closed dates"</a>
    }
}
