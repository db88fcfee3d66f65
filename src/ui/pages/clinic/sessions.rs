//! Sessions and closed dates: the weekly sessions (one can run on several
//! days), one-off sessions, the dates the clinic is closed (each can be
//! opened again) and appointment lengths, each added on its own page.

use super::{href, use_clinic, ClinicForm, Saver, WEEKDAYS};
use crate::domain::clinic::forms::{
    weekly_words, ClosedDateForm, ExtraSessionForm, SettingsForm, WeeklySessionForm,
};
use crate::domain::clinic::Clinic;
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::form::FieldError;
use crate::ui::form::{bind, Bound, Checkboxes, DateInput, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::{new_id, today};
use leptos::prelude::*;

#[component]
pub fn Sessions() -> impl IntoView {
    page_title("Sessions and closed dates");
    let clinic = use_clinic();
    let stopping = RwSignal::new(None::<u64>);
    let weekly = move || {
        clinic.value.with(|c| {
            c.sessions
                .weekly
                .iter()
                .filter(|s| parse_iso(&s.last).is_none_or(|last| last >= today()))
                .map(|s| {
                    let (id, words) = (s.id, weekly_words(s));
                    let asking = move || stopping.get() == Some(id);
                    let stop = move |_| {
                        clinic.update(|c| c.stop_weekly(id, today()));
                        stopping.set(None);
                    };
                    view! {
                        <li>{words.clone()} " "
                            <ChangeLink id words=words.clone() />
                            <Show when=move || !asking()>
                                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button"
                                    on:click=move |_| stopping.set(Some(id))>
                                    "Stop running" <span class="nhsuk-u-visually-hidden">{format!(" {}", words.clone())}</span>
                                </button>
                            </Show>
                            <Show when=asking>
                                <p>"It will not run after today. Appointments already booked later stay on people's records so you can move them."</p>
                                <div class="nhsuk-button-group">
                                    <button type="button" class="nhsuk-button nhsuk-button--warning nhsuk-button--small" on:click=stop>"Yes, stop this session"</button>
                                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=move |_| stopping.set(None)>"No, keep it"</button>
                                </div>
                            </Show>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let extra = move || {
        clinic.value.with(|c| {
            c.sessions
                .extra
                .iter()
                .filter_map(|s| {
                    let on = parse_iso(&s.date)?;
                    let words = format!("{}, {}, {}", long_date(on), s.times.words(), s.room);
                    (on >= today()).then(|| {
                        view! { <li>{words.clone()} " " <ChangeLink id=s.id words /></li> }
                    })
                })
                .collect_view()
        })
    };
    let closed = move || {
        clinic.value.with(|c| {
            c.sessions
                .closed
                .iter()
                .filter_map(|d| {
                    let on = parse_iso(&d.date)?;
                    let words = format!("{}: {}", long_date(on), d.reason);
                    let (date, room) = (d.date.clone(), d.room.clone());
                    let reopen = move |_| clinic.update(|c| c.reopen(&date, &room));
                    (on >= today()).then(|| view! {
                        <li>{words.clone()} " "
                            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button" on:click=reopen>
                                "Open again" <span class="nhsuk-u-visually-hidden">{format!(" on {words}")}</span>
                            </button>
                        </li>
                    })
                })
                .collect_view()
        })
    };
    let slots = move || {
        clinic.value.with(|c| {
            format!(
                "First appointments are {} minutes and follow-ups {} minutes, with {} minutes between appointments.",
                c.slots.first_minutes, c.slots.follow_up_minutes, c.slots.buffer_minutes
            )
        })
    };
    view! {
        <BackLink href=href("clinic") text="Back to the clinic" />
        <h1>"Sessions and closed dates"</h1>
        <h2>"Every week"</h2>
        <Show when=move || clinic.value.with(|c| !c.sessions.weekly.is_empty())
            fallback=|| view! { <p>"No weekly sessions yet."</p> }>
            <ul class="nhsuk-list nhsuk-list--bullet" data-testid="weekly-sessions">{weekly}</ul>
        </Show>
        <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=href("clinic/sessions/weekly")>"Add a weekly session"</a>
        <h2>"One-off sessions"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet" data-testid="one-off-sessions">{extra}</ul>
        <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=href("clinic/sessions/one-off")>"Add a one-off session"</a>
        <h2>"Dates the clinic is closed"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet" data-testid="closed-dates">{closed}</ul>
        <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=href("clinic/sessions/closed")>"Close the clinic on a date"</a>
        <h2>"Appointment lengths"</h2>
        <p>{slots}</p>
        <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=href("clinic/sessions/settings")>"Change the settings"</a>
    }
}

/// "Change" beside a session, to its change page.
#[component]
fn ChangeLink(id: u64, words: String) -> impl IntoView {
    view! {
        <a class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button" role="button" draggable="false"
            href=format!("{}?id={id}", href("clinic/sessions/change"))>
            "Change" <span class="nhsuk-u-visually-hidden">{format!(" {words}")}</span>
        </a> " "
    }
}

/// Adds a session with `add` and goes back to the sessions, or shows the
/// room clashes that refused it on `field` (the start time).
fn add_session(
    saver: Saver,
    field: &str,
    add: impl FnOnce(&mut Clinic) -> Result<(), Vec<String>>,
) -> Result<(), Vec<FieldError>> {
    saver
        .try_save_and_go(add, "clinic/sessions")
        .map_err(|clashes| {
            clashes
                .into_iter()
                .map(|message| FieldError::new(field, message))
                .collect()
        })
}

/// A weekly session's days, times and room, for adding or changing one.
#[component]
pub(super) fn WeeklyFields(form: RwSignal<WeeklySessionForm>, hint: &'static str) -> impl IntoView {
    view! {
            <Checkboxes id="weekday" legend="Which days of the week?" hint=Some(hint)
                choices=WEEKDAYS.to_vec()
                bind=bind(form, |f| f.weekdays.iter().map(|d| WEEKDAYS[*d as usize % 7].0).collect(), |f, keys: Vec<&'static str>| {
                    f.weekdays = keys.iter().filter_map(|k| k.parse().ok()).collect()
                }) />
            <TimesAndRoom ids=["start", "end", "room"] start=bind(form, |f| f.start.clone(), |f, v| f.start = v)
                end=bind(form, |f| f.end.clone(), |f, v| f.end = v) room=bind(form, |f| f.room.clone(), |f, v| f.room = v) />
    }
}

/// A one-off session's date, times and room, for adding or changing one.
#[component]
pub(super) fn ExtraFields(form: RwSignal<ExtraSessionForm>) -> impl IntoView {
    view! {
            <DateInput id="extra-date" legend="Date of the session" hint=Some("For example, 17 3 2026")
                day=bind(form, |f| f.date.day.clone(), |f, v| f.date.day = v)
                month=bind(form, |f| f.date.month.clone(), |f, v| f.date.month = v)
                year=bind(form, |f| f.date.year.clone(), |f, v| f.date.year = v) />
            <TimesAndRoom ids=["extra-start", "extra-end", "extra-room"] start=bind(form, |f| f.start.clone(), |f, v| f.start = v)
                end=bind(form, |f| f.end.clone(), |f, v| f.end = v) room=bind(form, |f| f.room.clone(), |f, v| f.room = v) />
    }
}

/// A session's start, end and room: the fields every kind of session has.
#[component]
fn TimesAndRoom(
    ids: [&'static str; 3],
    start: Bound<String>,
    end: Bound<String>,
    room: Bound<String>,
) -> impl IntoView {
    view! {
        <TextInput id=ids[0] label="Start time" hint=Some("For example, 9:30am or 14:00")
            width=Some("nhsuk-input--width-5") bind=start />
        <TextInput id=ids[1] label="End time" width=Some("nhsuk-input--width-5") bind=end />
        <TextInput id=ids[2] label="Room" width=Some("nhsuk-input--width-20") bind=room />
    }
}

#[component]
pub fn AddWeekly() -> impl IntoView {
    let form = RwSignal::new(WeeklySessionForm::default());
    let saver = Saver::new();
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let sessions = form.with(|f| f.check(new_id(), new_id, today()))?;
        add_session(saver, "weekday", |c| c.add_weekly_days(sessions))
    });
    view! {
        <ClinicForm title="Add a weekly session" back=href("clinic/sessions") button="Add this session" submit>
            <WeeklyFields form hint="Tick each day it runs." />
        </ClinicForm>
    }
}

#[component]
pub fn AddExtra() -> impl IntoView {
    let form = RwSignal::new(ExtraSessionForm::default());
    let saver = Saver::new();
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let session = form.with(|f| f.check(new_id(), today()))?;
        add_session(saver, "extra-start", |c| c.add_extra(session))
    });
    view! {
        <ClinicForm title="Add a one-off session" back=href("clinic/sessions") button="Add this session" submit>
            <ExtraFields form />
        </ClinicForm>
    }
}

#[component]
pub fn AddClosed() -> impl IntoView {
    let form = RwSignal::new(ClosedDateForm::default());
    let saver = Saver::new();
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let closed = form.with(ClosedDateForm::check)?;
        saver
            .try_save_and_go(|c| c.close(closed), "clinic/sessions")
            .map_err(|problem| vec![FieldError::new("closed-date-day", problem)])
    });
    view! {
        <ClinicForm title="Close the clinic on a date" back=href("clinic/sessions") button="Close the clinic that day" submit>
            <p>"Sessions that day are cancelled, not deleted. Appointments already booked stay on the list so you can move them."</p>
            <DateInput id="closed-date" legend="Date the clinic is closed" hint=Some("For example, 6 4 2026")
                day=bind(form, |f| f.date.day.clone(), |f, v| f.date.day = v)
                month=bind(form, |f| f.date.month.clone(), |f, v| f.date.month = v)
                year=bind(form, |f| f.date.year.clone(), |f, v| f.date.year = v) />
            <TextInput id="closed-reason" label="Why is it closed?" hint=Some("For example, Bank holiday or Room being painted")
                bind=bind(form, |f| f.reason.clone(), |f, v| f.reason = v) />
        </ClinicForm>
    }
}

#[component]
pub fn Settings() -> impl IntoView {
    let clinic = use_clinic();
    let saver = Saver::new();
    let form = RwSignal::new(
        clinic
            .value
            .with_untracked(|c| SettingsForm::from_clinic(c.slots, c.safe_yearly_maximum)),
    );
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let (slots, maximum) = form.with(SettingsForm::check)?;
        saver.save_and_go(
            |c| {
                c.slots = slots;
                c.safe_yearly_maximum = maximum;
            },
            "clinic/sessions",
        );
        Ok(())
    });
    let minutes = Some("nhsuk-input--width-3");
    view! {
        <ClinicForm title="Appointment lengths and caseload" back=href("clinic/sessions") button="Save the settings" submit>
            <p>"Appointments already booked keep their times."</p>
            <TextInput id="first" label="First appointment, in minutes" width=minutes input_type="text"
                bind=bind(form, |f| f.first.clone(), |f, v| f.first = v) />
            <TextInput id="follow-up" label="Follow-up, in minutes" width=minutes
                bind=bind(form, |f| f.follow_up.clone(), |f, v| f.follow_up = v) />
            <TextInput id="buffer" label="Minutes between appointments" hint=Some("Time to write notes or reset the room. 0 for none.") width=minutes
                bind=bind(form, |f| f.buffer.clone(), |f, v| f.buffer = v) />
            <TextInput id="safe-maximum" label="People a year the clinic can safely support"
                hint=Some("About 200 to 250 for each full-time link worker. The front page warns as the clinic nears it.")
                width=Some("nhsuk-input--width-4")
                bind=bind(form, |f| f.safe_yearly_maximum.clone(), |f, v| f.safe_yearly_maximum = v) />
        </ClinicForm>
    }
}
