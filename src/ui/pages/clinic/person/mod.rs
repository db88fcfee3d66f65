//! One person's record: their details, a concern at the top while it is open,
//! their appointments, follow-ups due and the log; and (in `book` and `log`)
//! the pages that book an appointment, add to the log, and raise or clear a
//! concern.

mod book;
mod log;

pub use book::Book;
pub use log::{AddLog, ConcernPage};

use super::{href, id_in_address, use_clinic};
use crate::domain::clinic::bookings::{Booking, Outcome};
use crate::domain::clinic::people::{EscalatedTo, Person, PersonStatus, DECLINED_CODE};
use crate::domain::clinic::time::TimeRange;
use crate::domain::clinic::{Clinic, Id};
use crate::domain::dates::{long_date, parse_iso};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::today;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The link to a person's record.
pub fn record_href(id: Id) -> String {
    format!("{}?id={id}", href("clinic/person"))
}

/// "Tuesday 3 March 2026, 9:45am to 10:30am, Room 4".
fn when(on: NaiveDate, times: TimeRange, room: &str) -> String {
    format!("{}, {}, {}", long_date(on), times.words(), room)
}

fn booking_words(clinic: &Clinic, booking: &Booking) -> String {
    let session = booking
        .on()
        .and_then(|on| clinic.sessions.find(booking.session, on));
    let room = session.as_ref().map(|s| s.room.clone()).unwrap_or_default();
    let duty = session
        .map(|s| format!(" ({})", clinic.duty_words(&s)))
        .unwrap_or_default();
    let on = booking.on().map(long_date).unwrap_or_default();
    format!(
        "{on}, {}, {room}: {}, {}{duty}",
        booking.times.words(),
        booking.kind.name().to_lowercase(),
        booking.mode.name().to_lowercase()
    )
}

/// The person named by the address's `?id=`, if the clinic has them.
fn person_in_address(clinic: crate::ui::saved::Saved<Clinic>) -> Option<Id> {
    id_in_address().filter(|id| clinic.value.with_untracked(|c| c.person(*id).is_some()))
}

#[component]
pub(super) fn NotInRecords() -> impl IntoView {
    page_title("Person not found");
    view! {
        <BackLink href=href("clinic/people") text="Back to people" />
        <h1>"Person not found"</h1>
        <p>"This person is not in the clinic's records on this device. " <a href=href("clinic/people")>"See everyone in the caseload"</a></p>
    }
}

/// "Tuesdays and Thursdays, mornings", or "Any day, any time".
fn when_they_can_come(person: &Person) -> String {
    let days = if person.days.is_empty() {
        "Any day".to_string()
    } else {
        person
            .days
            .iter()
            .map(|d| format!("{}s", crate::domain::clinic::sessions::weekday_name(*d)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let part = match person.part_of_day {
        None => "any time",
        Some(crate::domain::clinic::people::PartOfDay::Morning) => "mornings",
        Some(crate::domain::clinic::people::PartOfDay::Afternoon) => "afternoons",
    };
    format!("{days}, {part}")
}

#[component]
pub fn PersonRecord() -> impl IntoView {
    let clinic = use_clinic();
    let Some(id) = person_in_address(clinic) else {
        return NotInRecords().into_any();
    };
    let person = Memo::new(move |_| {
        clinic
            .value
            .with(|c| c.person(id).cloned().unwrap_or_default())
    });
    let name = person.get_untracked().name;
    // Never their name: the title is kept in the browser's history and tabs.
    page_title("Person's record");
    let accepted = crate::ui::router::use_location()
        .query("accepted")
        .is_some();
    let concern = move || {
        person.with(|p| {
            p.open_concern().map(|c| {
                let raised = parse_iso(&c.raised_on).map(long_date).unwrap_or_default();
                view! {
                    <div class="nhsuk-warning-callout" data-testid="concern">
                        <h2 class="nhsuk-warning-callout__label">
                            <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Concern raised"</span>
                        </h2>
                        {if c.escalated_to == EscalatedTo::NotYet {
                            view! {
                                <p>{format!("Raised on {raised}. ")}<strong>"Not escalated yet."</strong>" Escalate it to the GP supervisor or Community Navigator as soon as you can."</p>
                                <p class="app-keep-lines">{c.note.clone()}</p>
                                <p><a href=format!("{}?id={id}", href("clinic/person/concern"))>"Record who it was escalated to"</a></p>
                                <p><a href=format!("{}?id={id}&clear=yes", href("clinic/person/concern"))>"Clear the concern"</a></p>
                            }
                            .into_any()
                        } else {
                            view! {
                                <p>{format!("Raised on {raised}, escalated to {}.", c.escalated_to.name())}</p>
                                <p class="app-keep-lines">{c.note.clone()}</p>
                                <p><a href=format!("{}?id={id}", href("clinic/person/concern"))>"Clear the concern"</a></p>
                            }
                            .into_any()
                        }}
                    </div>
                }
            })
        })
    };
    let details = move || {
        person.with(|p| {
            let referred = p.referred().map(long_date).unwrap_or_default();
            let mut rows = vec![
                ("Status", p.status.name().to_string()),
                ("Referred", format!("{referred} {}", p.referred_how())),
            ];
            rows.extend(super::details::detail_rows(p));
            if !p.support.is_empty() {
                rows.push(("Support wanted", p.support.clone()));
            }
            if !p.barriers.is_empty() {
                rows.push(("What makes appointments hard", p.barriers.clone()));
            }
            let any = if p.any_mode {
                " (any way suits them)"
            } else {
                ""
            };
            rows.push(("How they like to meet", format!("{}{any}", p.mode.name())));
            rows.push(("When they can come", when_they_can_come(p)));
            if let Some(minutes) = p.preferred_minutes {
                rows.push(("Appointment length", format!("{minutes} minutes")));
            }
            if !p.communication.is_empty() {
                rows.push(("Communication needs", p.communication.clone()));
            }
            crate::ui::layout::summary_rows(rows)
        })
    };
    let upcoming = move || {
        clinic.value.with(|c| {
            c.upcoming(id, today())
                .into_iter()
                .map(|b| {
                    let booking = b.id;
                    let words = booking_words(c, b);
                    let cancel = format!("{}?id={id}&booking={booking}", href("clinic/person/cancel"));
                    view! {
                        <li>
                            {words.clone()} " "
                            <a class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button" role="button" draggable="false" href=cancel>
                                "Cancel" <span class="nhsuk-u-visually-hidden">{format!(" the appointment on {words}")}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let past = move || {
        clinic.value.with(|c| {
            let mut list: Vec<&Booking> = c
                .bookings
                .iter()
                .filter(|b| b.person == id && (b.on().is_some_and(|d| d < today()) || b.outcome != Outcome::Booked))
                .collect();
            list.sort_by_key(|b| std::cmp::Reverse((b.on(), b.times.start)));
            list.into_iter()
                .map(|b| view! { <li>{format!("{} ({})", booking_words(c, b), b.outcome.name().to_lowercase())}</li> })
                .collect_view()
        })
    };
    let follow_ups = move || {
        person.with(|p| {
            p.follow_ups_due(today())
                .into_iter()
                .map(|entry| {
                    let entry_id = entry.id;
                    let due = parse_iso(&entry.follow_up).map(long_date).unwrap_or_default();
                    let done = move |_| clinic.update(|c| {
                        if let Some(e) = c.person_mut(id).and_then(|p| p.log.iter_mut().find(|e| e.id == entry_id)) {
                            e.follow_up_done = true;
                        }
                    });
                    view! {
                        <li>{format!("Due {due}: {}", entry.note)} " "
                            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button" on:click=done>
                                "Mark as done"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let log = move || {
        person.with(|p| {
            p.log
                .iter()
                .rev()
                .map(|e| {
                    let on = parse_iso(&e.on).map(long_date).unwrap_or_default();
                    let follow = parse_iso(&e.follow_up).map(|d| format!(" Follow up on {}.", long_date(d))).unwrap_or_default();
                    view! { <li><strong>{on}</strong> " " <span class="app-keep-lines">{format!("{}{follow}", e.note)}</span></li> }
                })
                .collect_view()
        })
    };
    let set_status = move |status: PersonStatus| {
        clinic.update(|c| {
            if let Some(p) = c.person_mut(id) {
                p.status = status;
            }
        })
    };
    view! {
        <BackLink href=href("clinic/people") text="Back to people" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved=clinic />
                {concern}
                <h1>{name}</h1>
                {accepted.then(|| view! {
                    <div class="nhsuk-inset-text" data-testid="accepted-code">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        {super::details::GpRecordCode(person.get_untracked())}
                    </div>
                })}
                <dl class="nhsuk-summary-list" data-testid="person-details">{details}</dl>
                <p><a href=format!("{}?id={id}", href("clinic/person/change"))>"Change their details"</a></p>
                <h2>"Appointments"</h2>
                <ul class="nhsuk-list" data-testid="upcoming">{upcoming}</ul>
                <a class="nhsuk-button" role="button" draggable="false" href=format!("{}?id={id}", href("clinic/person/book"))>"Book an appointment"</a>
                <p><a href=format!("{}?id={id}", href("clinic/reminders/person"))>"Texts about their next appointment"</a></p>
                <Show when=move || clinic.value.with(|c| c.bookings.iter().any(|b| b.person == id && (b.on().is_some_and(|d| d < today()) || b.outcome != Outcome::Booked)))>
                    <h3>"Earlier appointments"</h3>
                    <ul class="nhsuk-list" data-testid="past">{past}</ul>
                </Show>
                <Show when=move || person.with(|p| !p.follow_ups_due(today()).is_empty())>
                    <h2>"Follow-ups due"</h2>
                    <ul class="nhsuk-list" data-testid="follow-ups">{follow_ups}</ul>
                </Show>
                <h2>"Log"</h2>
                <Show when=move || person.with(|p| !p.log.is_empty()) fallback=|| view! { <p>"Nothing logged yet."</p> }>
                    <ul class="nhsuk-list" data-testid="log">{log}</ul>
                </Show>
                <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=format!("{}?id={id}", href("clinic/person/log"))>"Add to the log"</a>
                // Their plan, made with them at the clinic (clinic/plan).
                {super::plan::PlanSection(super::plan::PlanSectionProps { id })}
                <Show when=move || person.with(|p| p.open_concern().is_none())>
                    <h2>"Safeguarding"</h2>
                    <p><a href=format!("{}?id={id}", href("clinic/person/concern"))>"Raise a concern about " {person.get_untracked().name}</a></p>
                </Show>
                <h2>"Where they are with the clinic"</h2>
                <p>{move || format!("{} is {}.", person.with(|p| p.called().to_string()), person.with(|p| p.status.name().to_lowercase()))}</p>
                <div class="nhsuk-button-group">
                    <Show when=move || person.with(|p| p.status != PersonStatus::Finished)>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| set_status(PersonStatus::Finished)>"Mark as finished"</button>
                    </Show>
                    <Show when=move || person.with(|p| p.status != PersonStatus::Declined)>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| set_status(PersonStatus::Declined)>"Mark as declined"</button>
                    </Show>
                </div>
                <Show when=move || person.with(|p| p.status == PersonStatus::Declined)>
                    <p data-testid="declined-code">"Enter this code in their GP record: " <strong>{DECLINED_CODE.0}</strong> " " {DECLINED_CODE.1}</p>
                </Show>
                <p><a href=format!("{}?id={id}", href("clinic/person/remove"))>"Remove this person from the caseload"</a></p>
            </div>
        </div>
    }
    .into_any()
}
