//! One person's record: their details, a concern at the top while it is open,
//! their appointments, follow-ups due and the log; and the pages that book an
//! appointment, add to the log, and raise or clear a concern.

use super::{href, id_in_address, intern, use_clinic, ClinicForm, Saver};
use crate::domain::clinic::bookings::{Booking, Outcome};
use crate::domain::clinic::forms::{
    clearing_note, session_choice, ChosenTime, ConcernForm, LogForm,
};
use crate::domain::clinic::people::{EscalatedTo, Person, PersonStatus, DECLINED_CODE};
use crate::domain::clinic::slots::Kind;
use crate::domain::clinic::time::TimeRange;
use crate::domain::clinic::{Clinic, Id, WEEKS_AHEAD};
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::form::FieldError;
use crate::domain::referral::Choice;
use crate::ui::form::{bind, offers, DateInput, Radios, TextArea, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::{new_id, today};
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
                ("Referred", format!("{referred} {}", p.source.referred_by())),
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
