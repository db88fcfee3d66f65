//! The clinic day: each session with the volunteer on duty and its
//! appointments, marked attended, did not attend or cancelled; after a first
//! appointment, the two questions and a one-tap follow-up. Prints as the
//! day's clinic list.

use super::person::record_href;
use super::{href, intern, use_clinic};
use crate::domain::clinic::bookings::{Booking, Outcome};
use crate::domain::clinic::people::{EscalatedTo, Person};
use crate::domain::clinic::sessions::SessionOn;
use crate::domain::clinic::slots::Kind;
use crate::domain::dates::{iso, long_date};
use crate::ui::double_bookings::double_bookings;
use crate::ui::form::{Bound, Radios};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::router::use_location;
use crate::ui::{new_id, today};
use leptos::prelude::*;

const YES_NO: [(&str, &str); 2] = [("yes", "Yes"), ("no", "No")];

/// A session on the day as drawn: who is on duty, and each appointment with its person.
#[derive(Clone, PartialEq)]
struct DaySession {
    session: SessionOn,
    volunteer: Option<String>,
    appointments: Vec<(Booking, Person)>,
}

#[component]
pub fn Day() -> impl IntoView {
    page_title("The clinic day");
    let clinic = use_clinic();
    let location = use_location();
    let date = Memo::new(move |_| {
        let asked = location.query_tracked("date");
        let date = clinic
            .value
            .with_untracked(|c| c.day_to_show(asked.as_deref(), today()));
        // Opened for this page, the clinic holds the year it first showed.
        if !clinic.value.with_untracked(|c| c.holds_day(date)) {
            clinic.complete();
        }
        date
    });
    let day_link = move |d: chrono::NaiveDate| format!("{}?date={}", href("clinic/day"), iso(d));
    let previous = move || {
        clinic.value.with(|c| c.previous_session_day(date.get())).map(|d| view! {
        <a href=day_link(d)>"Previous clinic day" <span class="nhsuk-u-visually-hidden">{format!(", {}", long_date(d))}</span></a>
    })
    };
    let next = move || {
        clinic.value.with(|c| c.next_session_day(date.get())).map(|d| view! {
        <a href=day_link(d)>"Next clinic day" <span class="nhsuk-u-visually-hidden">{format!(", {}", long_date(d))}</span></a>
    })
    };
    // Keyed lists, so marking an appointment redraws only what changed and
    // keyboard focus stays on the button pressed.
    let day = Memo::new(move |_| {
        clinic.value.with(|c| {
            c.day(date.get())
                .into_iter()
                .map(|s| DaySession {
                    volunteer: s.volunteer.map(|v| v.name.clone()),
                    appointments: s
                        .appointments
                        .iter()
                        .map(|(b, p)| ((*b).clone(), (*p).cloned().unwrap_or_default()))
                        .collect(),
                    session: s.session,
                })
                .collect::<Vec<_>>()
        })
    });
    let sessions = move || {
        day.with(|d| d.is_empty())
            .then(|| view! { <p>"There is no session on this day."</p> })
    };
    let session_view = move |s: DaySession| {
        let duty = match (s.session.closed.clone(), s.volunteer.clone()) {
            (Some(reason), _) => view! { <p><strong class="nhsuk-tag nhsuk-tag--grey app-tag">"Closed"</strong> " " {reason}</p> }.into_any(),
            (None, Some(name)) => view! { <p>"On duty: " <strong>{name}</strong></p> }.into_any(),
            (None, None) => view! { <p><strong class="nhsuk-tag nhsuk-tag--red app-tag">"Nobody on duty"</strong> " " <a href=href("clinic/rota")>"Check the rota"</a></p> }.into_any(),
        };
        let empty = s
            .appointments
            .is_empty()
            .then(|| view! { <p>"No appointments booked."</p> });
        let key = s.session.key();
        let appointments = move || {
            day.with(|d| {
                d.iter()
                    .find(|x| x.session.key() == key)
                    .map(|x| x.appointments.clone())
                    .unwrap_or_default()
            })
        };
        view! {
            <section class="app-day-session">
                <h2>{format!("{}, {}", s.session.times.words(), s.session.room)}</h2>
                {duty}
                {empty}
                <ul class="nhsuk-list app-appointments">
                    <For each=appointments key=|(b, _)| b.id let((booking, person))>
                        <Appointment booking person />
                    </For>
                </ul>
            </section>
        }
    };
    view! {
        <BackLink href=href("clinic") text="Back to the clinic" />
        <span class="nhsuk-caption-l">"The clinic day"</span>
        <h1 data-testid="day-heading">{move || long_date(date.get())}</h1>
        <p class="app-no-print app-day-links">{previous} " " {next}</p>
        {move || {
            let on = date.get();
            double_bookings(clinic.value.with(|c| c.double_bookings(on, on)))
        }}
        {sessions}
        <For each=move || day.get() key=|s| (s.session.key(), s.session.closed.clone(), s.volunteer.clone(), s.appointments.is_empty()) children=session_view />
        <p class="app-no-print"><button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print the clinic list"</button></p>
    }
}

/// One appointment on the day: who and how, and what happened.
#[component]
fn Appointment(booking: Booking, person: Person) -> impl IntoView {
    let clinic = use_clinic();
    let id = booking.id;
    let current = Memo::new(move |_| {
        clinic
            .value
            .with(|c| c.bookings.iter().find(|b| b.id == id).cloned())
    });
    let set = move |outcome: Outcome| {
        clinic.update(|c| {
            c.set_outcome(id, outcome);
        })
    };
    let outcome = move || current.with(|b| b.as_ref().map(|b| b.outcome).unwrap_or_default());
    // Marked before its time, "did not attend" is asked first: a tap on the
    // wrong line should not mark someone still on their way.
    let asking_early = RwSignal::new(false);
    let did_not_attend = move |_| {
        let now = js_sys::Date::new_0();
        let minutes = (now.get_hours() * 60 + now.get_minutes()) as u16;
        let early =
            current.with_untracked(|b| b.as_ref().is_some_and(|b| b.not_started(today(), minutes)));
        if early {
            asking_early.set(true);
            request_animation_frame(move || {
                crate::ui::layout::focus_element(&format!("not-started-{id}"))
            });
        } else {
            set(Outcome::DidNotAttend);
        }
    };
    let first = booking.kind == Kind::First;
    let name = person.name.clone();
    let answer =
        move |get: fn(&Booking) -> Option<bool>, put: fn(&mut Booking, Option<bool>)| Bound {
            get: Signal::derive(move || {
                current
                    .with(|b| b.as_ref().and_then(get))
                    .map(|yes| if yes { "yes" } else { "no" })
            }),
            set: Callback::new(move |key: Option<&'static str>| {
                clinic.update(|c| {
                    if let Some(b) = c.booking_mut(id) {
                        put(b, key.map(|k| k == "yes"));
                    }
                })
            }),
        };
    let follow_up = RwSignal::new(None::<String>);
    let book_follow_up = move |_| {
        let mut booked = None;
        clinic.update(|c| {
            booked = c.book_follow_up_after(id, new_id()).and_then(|new| {
                let b = c.bookings.iter().find(|b| b.id == new)?;
                Some(format!(
                    "Follow-up booked: {}, {}.",
                    b.on().map(long_date)?,
                    b.times.words()
                ))
            });
        });
        follow_up.set(Some(booked.unwrap_or_else(|| {
            "There is no free time that fits in the next 12 weeks. Book one from their record."
                .to_string()
        })));
    };
    let phone = (!person.phone.is_empty()).then(|| format!(", {}", person.phone));
    // What the volunteer must know before the person walks in, in words
    // (the tag's colour is only a help). A concern stays off the printed list.
    let concern = person.open_concern().map(|c| {
        let state = if c.escalated_to == EscalatedTo::NotYet {
            "Not escalated yet: escalate it to the GP supervisor or Community Navigator."
                .to_string()
        } else {
            format!("Escalated to {}.", c.escalated_to.name())
        };
        view! {
            <p class="app-no-print" data-testid="concern-mark">
                <strong class="nhsuk-tag nhsuk-tag--red app-tag">"Open concern"</strong> " " {state}
            </p>
        }
    });
    let needs = person.communication.trim().to_string();
    let needs = (!needs.is_empty()).then(|| {
        view! {
            <p data-testid="communication-mark">
                <strong class="nhsuk-tag nhsuk-tag--blue app-tag">"Communication needs"</strong> " " {needs}
            </p>
        }
    });
    view! {
        <li class="app-appointment" data-testid="appointment">
            <h3 class="nhsuk-heading-s">
                {booking.times.words()} ": " <a href=record_href(person.id)>{name.clone()}</a>
            </h3>
            <p>{format!("{}, {}", booking.kind.name(), booking.mode.name().to_lowercase())}{phone}</p>
            {concern}
            {needs}
            <p>"Now: " <strong class="nhsuk-tag app-tag" data-testid="outcome">{move || outcome().name()}</strong></p>
            <Show when=move || outcome() == Outcome::Booked>
                <div class="nhsuk-button-group app-no-print">
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=move |_| set(Outcome::Attended)>
                        "Attended" <span class="nhsuk-u-visually-hidden">{format!(" ({name})")}</span></button>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=did_not_attend>
                        "Did not attend" <span class="nhsuk-u-visually-hidden">{format!(" ({})", person.name)}</span></button>
                    <a class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" role="button" draggable="false"
                        href=format!("{}?id={}&booking={id}&from=day", href("clinic/person/cancel"), person.id)>
                        "Cancelled" <span class="nhsuk-u-visually-hidden">{format!(" ({})", person.name)}</span></a>
                </div>
                {move || asking_early.get().then(|| view! {
                    <div class="nhsuk-warning-callout app-no-print" data-testid="not-started" id=intern(format!("not-started-{id}")) tabindex="-1">
                        <h4 class="nhsuk-warning-callout__label">
                            <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"This appointment has not started yet"</span>
                        </h4>
                        <p>{format!("It starts at {}. Mark it as did not attend now?", booking.times.start.words())}</p>
                        <div class="nhsuk-button-group">
                            <button type="button" class="nhsuk-button nhsuk-button--small" on:click=move |_| { asking_early.set(false); set(Outcome::DidNotAttend) }>"Yes, they did not attend"</button>
                            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=move |_| asking_early.set(false)>"No, leave it booked"</button>
                        </div>
                    </div>
                })}
            </Show>
            <Show when=move || outcome() != Outcome::Booked>
                <p class="app-no-print"><button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=move |_| set(Outcome::Booked)>"Undo"</button></p>
            </Show>
            <Show when=move || first && outcome() == Outcome::Attended>
                <div class="app-no-print">
                    <Radios id=intern(format!("helpful-{id}")) legend="Was that helpful today?" inline=true choices=YES_NO.to_vec()
                        bind=answer(|b| b.helpful, |b, v| b.helpful = v) />
                    <Radios id=intern(format!("another-{id}")) legend="Would it be useful to have another appointment?" inline=true choices=YES_NO.to_vec()
                        bind=answer(|b| b.another, |b, v| b.another = v) />
                    <Show when=move || current.with(|b| b.as_ref().and_then(|b| b.another)) == Some(true) && follow_up.with(Option::is_none)>
                        <button type="button" class="nhsuk-button" on:click=book_follow_up>"Book a follow-up"</button>
                    </Show>
                    {move || follow_up.get().map(|text| view! { <p role="status" data-testid="follow-up-booked">{text}</p> })}
                </div>
            </Show>
        </li>
    }
}
