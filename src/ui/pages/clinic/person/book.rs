//! Booking an appointment for a person: a time in one of the next weeks' sessions,
//! its kind and how it is held.

use super::{person_in_address, record_href, when, NotInRecords};
use crate::domain::clinic::forms::{session_choice, ChosenTime};
use crate::domain::clinic::people::Person;
use crate::domain::clinic::slots::Kind;
use crate::domain::clinic::time::TimeRange;
use crate::domain::clinic::{Clinic, Id, WEEKS_AHEAD};
use crate::domain::dates::long_date;
use crate::domain::form::FieldError;
use crate::ui::form::{bind, Radios, TextInput};
use crate::ui::pages::clinic::{intern, use_clinic, ClinicForm, Saver};
use crate::ui::{new_id, today};
use chrono::NaiveDate;
use leptos::prelude::*;

const KINDS: [(&str, &str); 2] = [("first", "First appointment"), ("follow-up", "Follow-up")];

#[component]
pub fn Book() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let Some(id) = person_in_address(clinic) else {
        return NotInRecords().into_any();
    };
    let person: Person = clinic
        .value
        .with_untracked(|c| c.person(id).cloned().unwrap_or_default());
    let kind = RwSignal::new(clinic.value.with_untracked(|c| c.next_kind(id)));
    let today = today();
    // A follow-up is looked for from a week after the last appointment.
    let from = move || clinic.value.with(|c| c.offer_from(id, kind.get(), today));
    let book = move |session: (Id, NaiveDate), times: TimeRange| -> Result<(), Vec<FieldError>> {
        let book = |c: &mut Clinic| {
            let mode = c.person(id).map(|p| p.mode).unwrap_or_default();
            c.book(new_id(), id, session, times, kind.get_untracked(), mode)
                .map(|_| ())
        };
        saver
            .try_save_and_go(book, &format!("clinic/person?id={id}"))
            .map_err(|problem| vec![FieldError::new("chosen-start", problem.message())])
    };
    let for_offer = person.clone();
    let offer = move || {
        let person = for_offer.clone();
        clinic
            .value
            .with(|c| c.next_fitting(&person, kind.get(), from(), WEEKS_AHEAD))
    };
    let for_free = person.clone();
    let free = move || {
        let person = for_free.clone();
        clinic
            .value
            .with(|c| c.free_times(&person, kind.get(), from(), WEEKS_AHEAD))
    };
    let next = move || {
        match offer() {
            Some(offer) => {
                let words = when(offer.session.date, offer.times, &offer.session.room);
                let duty = clinic.value.with(|c| c.duty_words(&offer.session));
                let key = offer.session.key();
                let times = offer.times;
                view! {
                    <div class="nhsuk-inset-text" data-testid="next-fitting">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>"The next time that fits: " <strong>{words}</strong> {format!(" ({duty})")}</p>
                    </div>
                    <button type="button" class="nhsuk-button" on:click=move |_| { let _ = book(key, times); }>"Book this time"</button>
                }
                .into_any()
            }
            None => view! { <p>{format!("There is no free time that fits in the next {WEEKS_AHEAD} weeks. Add a session, or type a time below.")}</p> }.into_any(),
        }
    };
    let others = move || {
        free()
            .into_iter()
            .map(|(session, slots)| {
                let key = session.key();
                let duty = clinic.value.with(|c| c.duty_words(&session));
                let heading = format!("{}, {} ({duty})", long_date(session.date), session.room);
                let buttons = slots
                    .into_iter()
                    .map(|times| {
                        let label = format!("{} on {}", times.words(), long_date(session.date));
                        view! {
                            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-slot" aria-label=format!("Book {label}")
                                on:click=move |_| { let _ = book(key, times); }>{times.start.words()}</button>
                        }
                    })
                    .collect_view();
                view! { <h3 class="nhsuk-heading-s">{heading}</h3> <div class="app-slots">{buttons}</div> }
            })
            .collect_view()
    };
    let chosen = RwSignal::new(ChosenTime::default());
    let session_offers: Vec<(&'static str, &'static str)> = clinic.value.with_untracked(|c| {
        c.sessions
            .between(today, today + chrono::Days::new(WEEKS_AHEAD * 7))
            .into_iter()
            .filter(|s| s.closed.is_none())
            .map(|s| {
                (
                    intern(session_choice(s.session, s.date)),
                    intern(when(s.date, s.times, &s.room)),
                )
            })
            .collect()
    });
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let ((session, on), start) = chosen.with(ChosenTime::check)?;
        let minutes = clinic.value.with_untracked(|c| {
            c.slots.length(
                kind.get_untracked(),
                c.person(id).and_then(|p| p.preferred_minutes),
            )
        });
        let end = start.plus(minutes).ok_or_else(|| {
            vec![FieldError::new(
                "chosen-start",
                "Enter a start time earlier in the day",
            )]
        })?;
        book((session, on), TimeRange::new(start, end))
    });
    let name = person.name.clone();
    view! {
        <ClinicForm title="Book an appointment" caption=name back=record_href(id) button="Book at this time" submit>
            <Radios id="kind" legend="Which kind of appointment?" inline=true choices=KINDS.to_vec()
                bind=crate::ui::form::Bound {
                    get: Signal::derive(move || Some(if kind.get() == Kind::First { "first" } else { "follow-up" })),
                    set: Callback::new(move |k: Option<&'static str>| kind.set(if k == Some("follow-up") { Kind::FollowUp } else { Kind::First })),
                } />
            {move || (from() > today).then(|| view! {
                <p data-testid="follow-up-gap">{format!("A follow-up is offered from {}, a week after their last appointment.", long_date(from()))}</p>
            })}
            {next}
            <h2>"Other free times"</h2>
            <div data-testid="free-times">{others}</div>
            <h2>"Or type a time"</h2>
            <Radios id="chosen-session" legend="Session" choices=session_offers
                bind=bind(chosen, |c| { let v = c.session.clone(); (!v.is_empty()).then(|| intern(v)) }, |c, k| c.session = k.unwrap_or_default().to_string()) />
            <TextInput id="chosen-start" label="Start time" hint=Some("For example, 10:15am") width=Some("nhsuk-input--width-5")
                bind=bind(chosen, |c| c.start.clone(), |c, v| c.start = v) />
        </ClinicForm>
    }
    .into_any()
}
