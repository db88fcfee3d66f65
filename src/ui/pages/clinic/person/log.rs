//! Adding to a person's log, and raising or clearing a concern about them.

use super::{person_in_address, record_href, NotInRecords};
use crate::domain::clinic::forms::{clearing_note, ConcernForm, LogForm};
use crate::domain::clinic::people::EscalatedTo;
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::form::FieldError;
use crate::domain::referral::Choice;
use crate::ui::form::{bind, offers, DateInput, Radios, TextArea};
use crate::ui::pages::clinic::{use_clinic, ClinicForm, Saver};
use crate::ui::{new_id, today};
use leptos::prelude::*;

#[component]
pub fn AddLog() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let Some(id) = person_in_address(clinic) else {
        return NotInRecords().into_any();
    };
    let name = clinic
        .value
        .with_untracked(|c| c.person(id).map(|p| p.name.clone()).unwrap_or_default());
    let form = RwSignal::new(LogForm::default());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let (note, follow_up) = form.with(|f| f.check(today()))?;
        saver.save_and_go(
            |c| {
                if let Some(p) = c.person_mut(id) {
                    p.log(new_id(), today(), "", &note, follow_up);
                }
            },
            &format!("clinic/person?id={id}"),
        );
        Ok(())
    });
    view! {
        <ClinicForm title="Add to the log" caption=name back=record_href(id) button="Add to the log" submit>
            <TextArea id="log-note" label="What happened?" hint=Some("For example, called, left message; or met, made a plan; or introduced to the walking group")
                limit=Some(1000) rows=3 bind=bind(form, |f| f.note.clone(), |f, v| f.note = v) />
            <DateInput id="follow-up" legend="Follow up on (optional)" hint=Some("It will come back on this day. For example, 10 3 2026")
                day=bind(form, |f| f.follow_up.day.clone(), |f, v| f.follow_up.day = v)
                month=bind(form, |f| f.follow_up.month.clone(), |f, v| f.follow_up.month = v)
                year=bind(form, |f| f.follow_up.year.clone(), |f, v| f.follow_up.year = v) />
        </ClinicForm>
    }
    .into_any()
}

#[component]
pub fn ConcernPage() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let Some(id) = person_in_address(clinic) else {
        return NotInRecords().into_any();
    };
    let person = clinic
        .value
        .with_untracked(|c| c.person(id).cloned().unwrap_or_default());
    let back = format!("clinic/person?id={id}");
    let clearing = crate::ui::router::use_location().query("clear").is_some();
    if let Some(open) = person
        .open_concern()
        .filter(|c| c.escalated_to == EscalatedTo::NotYet && !clearing)
    {
        let to = RwSignal::new(None::<EscalatedTo>);
        let summary = format!(
            "Raised on {}: {}",
            parse_iso(&open.raised_on)
                .map(long_date)
                .unwrap_or_default(),
            open.note
        );
        let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
            let Some(chosen) = to.get_untracked() else {
                return Err(vec![FieldError::new(
                    "escalated-to",
                    "Select who the concern was escalated to",
                )]);
            };
            saver.save_and_go(
                |c| {
                    if let Some(p) = c.person_mut(id) {
                        p.escalate_concern(chosen);
                    }
                },
                &back,
            );
            Ok(())
        });
        let people: Vec<(&'static str, &'static str)> = EscalatedTo::PEOPLE
            .iter()
            .map(|c| (c.key(), c.label()))
            .collect();
        return view! {
            <ClinicForm title="Record the escalation" caption=person.name.clone() back=record_href(id) button="Record the escalation" submit>
                <p class="app-keep-lines">{summary}</p>
                <Radios id="escalated-to" legend="Who did you escalate it to?" choices=people
                    bind=crate::ui::form::Bound {
                        get: Signal::derive(move || to.get().map(EscalatedTo::key)),
                        set: Callback::new(move |k: Option<&'static str>| to.set(k.and_then(EscalatedTo::from_key))),
                    } />
            </ClinicForm>
        }
        .into_any();
    }
    if let Some(open) = person.open_concern() {
        let note = RwSignal::new(String::new());
        let raised = parse_iso(&open.raised_on)
            .map(long_date)
            .unwrap_or_default();
        let summary = format!(
            "Raised on {raised}, escalated to {}: {}",
            open.escalated_to.name(),
            open.note
        );
        let summary = if open.escalated_to == EscalatedTo::NotYet {
            format!("Raised on {raised}, not escalated: {}", open.note)
        } else {
            summary
        };
        let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
            let why = clearing_note(&note.get_untracked())?;
            saver.save_and_go(
                |c| {
                    if let Some(p) = c.person_mut(id) {
                        let _ = p.clear_concern(today(), &why);
                    }
                },
                &back,
            );
            Ok(())
        });
        return view! {
            <ClinicForm title="Clear the concern" caption=person.name.clone() back=record_href(id) button="Clear the concern" submit>
                <p class="app-keep-lines">{summary}</p>
                <TextArea id="clear-note" label="Why can it be cleared?" hint=Some("For example, what the GP supervisor advised, and what has been done")
                    limit=Some(1000) rows=3 bind=crate::ui::form::Bound { get: note.into(), set: Callback::new(move |v| note.set(v)) } />
            </ClinicForm>
        }
        .into_any();
    }
    let form = RwSignal::new(ConcernForm::default());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let (to, note) = form.with(ConcernForm::check)?;
        saver.save_and_go(
            |c| {
                if let Some(p) = c.person_mut(id) {
                    p.raise_concern(today(), "", &note, to);
                }
            },
            &back,
        );
        Ok(())
    });
    view! {
        <ClinicForm title="Raise a concern" caption=person.name.clone() back=record_href(id) button="Raise the concern" submit>
            <p>"If someone is in immediate danger, call 999. Raise the concern here as soon as you notice it, and escalate it to the GP supervisor or Community Navigator. If you have not escalated it yet, choose ‘Not yet’: it stays on this person’s record as needing escalation."</p>
            <Radios id="escalated-to" legend="Who did you escalate it to?" choices={offers::<EscalatedTo>()}
                bind=bind(form, |f| f.escalated_to.map(EscalatedTo::key), |f, k| f.escalated_to = k.and_then(EscalatedTo::from_key)) />
            <TextArea id="concern-note" label="What is the concern?" limit=Some(1000) rows=4
                bind=bind(form, |f| f.note.clone(), |f, v| f.note = v) />
        </ClinicForm>
    }
    .into_any()
}
