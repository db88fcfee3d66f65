//! Putting mistakes right on a person's record: cancelling an appointment
//! (asked once, with the reason kept in their log) and taking a person off
//! the caseload (with the reason kept).

use super::person::{record_href, NotInRecords};
use super::{href, id_in_address, use_clinic, ClinicForm, Saver};
use crate::domain::clinic::corrections::{cancel_reason, removal_reason};
use crate::domain::clinic::Id;
use crate::domain::dates::long_date;
use crate::domain::form::FieldError;
use crate::ui::form::{Bound, TextArea};
use crate::ui::router::use_location;
use crate::ui::{new_id, today};
use leptos::prelude::*;

/// A reason typed into a page's one box.
fn reason_box(reason: RwSignal<String>) -> Bound<String> {
    Bound {
        get: Signal::derive(move || reason.get()),
        set: Callback::new(move |v| reason.set(v)),
    }
}

/// The page that cancels one appointment: `?id=` the person, `&booking=` the
/// appointment, `&from=day` when it was opened from the day view.
#[component]
pub fn CancelAppointment() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let location = use_location();
    let booking: Option<Id> = location.query("booking").and_then(|b| b.parse().ok());
    let found = id_in_address().zip(booking).and_then(|(person, booking)| {
        clinic.value.with_untracked(|c| {
            let b = c
                .bookings
                .iter()
                .find(|b| b.id == booking && b.person == person)?;
            let on = b.on().map(long_date)?;
            Some((
                c.person(person)?.name.clone(),
                format!("{on}, {}", b.times.words()),
                person,
                booking,
            ))
        })
    });
    let Some((name, when, person, booking)) = found else {
        return NotInRecords().into_any();
    };
    let back = match location.query("from").as_deref() {
        Some("day") => href("clinic/day"),
        _ => record_href(person),
    };
    let then = match location.query("from").as_deref() {
        Some("day") => "clinic/day".to_string(),
        _ => format!("clinic/person?id={person}"),
    };
    let reason = RwSignal::new(String::new());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let typed = reason.get_untracked();
        // Checked first, so a missing reason changes nothing.
        cancel_reason(&typed)?;
        let log_id = new_id();
        saver.save_and_go(
            |c| {
                let _ = c.cancel(booking, log_id, today(), &typed);
            },
            &then,
        );
        Ok(())
    });
    view! {
        <ClinicForm title="Cancel this appointment?" caption=name back button="Cancel the appointment" submit>
            <p data-testid="cancelling">{when}</p>
            <TextArea id="cancel-reason" label="Why is it cancelled?" rows=2 limit=Some(500)
                hint=Some("For example, they are in hospital, or the room is not free. This is kept in their log.")
                bind=reason_box(reason) />
        </ClinicForm>
    }
    .into_any()
}

/// The page that takes a person off the caseload, after asking why.
#[component]
pub fn RemovePerson() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let Some((id, name)) = id_in_address().and_then(|id| {
        clinic
            .value
            .with_untracked(|c| c.person(id).map(|p| (id, p.name.clone())))
    }) else {
        return NotInRecords().into_any();
    };
    let reason = RwSignal::new(String::new());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let typed = reason.get_untracked();
        removal_reason(&typed)?;
        saver.save_and_go(
            |c| {
                let _ = c.remove_person(id, today(), &typed);
            },
            "clinic/people",
        );
        Ok(())
    });
    view! {
        <ClinicForm title="Remove this person from the caseload?" caption=name.clone() back=record_href(id)
            button=format!("Remove {name}") submit>
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"This cannot be undone"</span>
                </h2>
                <p>"Their record, log and appointments are removed from this device, and from other volunteers’ devices when they next merge a backup. The date and your reason are kept, without their name."</p>
                <p>"If they have finished with the clinic or said no, mark them as finished or declined instead."</p>
            </div>
            <TextArea id="removal-reason" label="Why are you removing them?" rows=2 limit=Some(500)
                hint=Some("For example, added twice by mistake, or they asked for their record to be removed")
                bind=reason_box(reason) />
        </ClinicForm>
    }
    .into_any()
}
