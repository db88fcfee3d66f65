//! Texts for today (while today's appointments are still booked) and the next
//! clinic day, each under a heading saying which day it is: each
//! appointment's finished reminder with a Copy button and a Send text link
//! that opens the phone's messaging app, and a tick once sent. People without
//! a mobile, or who asked not to be texted, are listed apart to call instead.

use super::{use_texting, Texting};
use crate::domain::reminders::day_list::{
    day_heading, day_list, days_to_text, missed_list, How, ToSend,
};
use crate::domain::reminders::sms;
use crate::ui::form::{Bound, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::{today, use_base};
use leptos::prelude::*;

/// One appointment on the list, as drawn.
#[derive(Clone, PartialEq)]
pub(super) struct Row {
    booking: u64,
    /// What the heading says: the time and name, or what the text is for.
    heading: String,
    name: String,
    phone: String,
    sent: bool,
    how: How,
    /// A "sorry we missed you" text, rather than a reminder.
    missed: bool,
    /// The clinic day a reminder is for.
    day: Option<chrono::NaiveDate>,
    /// Whether a "Text sent" tick is kept for it.
    ticked: bool,
}

impl Row {
    /// A reminder, or a "sorry we missed you" text, with its sent tick.
    fn of(t: ToSend<'_>, missed: bool) -> Row {
        Row {
            booking: t.booking.id,
            heading: format!("{}: {}", t.booking.times.start.words(), t.person.name),
            name: t.person.name.clone(),
            phone: t.person.phone.clone(),
            sent: if missed {
                t.booking.missed_text_sent
            } else {
                t.booking.reminder_sent
            },
            day: if missed { None } else { t.booking.on() },
            how: t.how,
            missed,
            ticked: true,
        }
    }

    pub(super) fn how(&self) -> &How {
        &self.how
    }

    /// Any other text about an appointment, headed by what it is for.
    pub(super) fn other(t: ToSend<'_>, heading: &str) -> Row {
        Row {
            heading: heading.to_string(),
            ticked: false,
            ..Row::of(t, false)
        }
    }
}

#[component]
pub fn Texts() -> impl IntoView {
    page_title("Texts to send");
    let texting = use_texting();
    let Texting { clinic, wording } = texting;
    let practice = use_practice();
    let base = use_base();
    let now = today();
    let days = Memo::new(move |_| clinic.value.with(|c| days_to_text(c, now)));
    // The reminders for today and the next clinic day, then the "sorry we
    // missed you" texts for the last week's missed appointments.
    let rows = Memo::new(move |_| {
        texting.with_sender(practice, |c, w, sender| {
            let reminders = days
                .get()
                .into_iter()
                .flat_map(|on| day_list(c, w, on, now, sender));
            let missed = missed_list(c, w, now, sender);
            reminders
                .map(|t| Row::of(t, false))
                .chain(missed.into_iter().map(|t| Row::of(t, true)))
                .collect::<Vec<_>>()
        })
    });
    // The rows of one day's list (or, with `None`, of the missed ones).
    let of = move |day: Option<chrono::NaiveDate>, call: bool| {
        rows.get()
            .into_iter()
            .filter(move |r| r.day == day && matches!(r.how, How::Call(_)) == call)
            .collect::<Vec<_>>()
    };
    let nothing = move || days.with(Vec::is_empty) && rows.with(Vec::is_empty);
    let sender = Bound {
        get: Signal::derive(move || wording.value.with(|w| w.sender.clone())),
        set: Callback::new(move |name: String| wording.update(|w| w.sender = name)),
    };
    let day_section = move |on: chrono::NaiveDate| {
        view! {
            <section class="app-text-day" data-testid="text-day">
                <h2>{day_heading(on, now)}</h2>
                <ul class="nhsuk-list app-texts">
                    // Keyed by what the text says too, so a changed text is drawn anew.
                    <For each=move || of(Some(on), false) key=|r| (r.booking, format!("{:?}", r.how)) let(row)>
                        <TextToSend row nested=true />
                    </For>
                </ul>
                <CallInstead rows=Signal::derive(move || of(Some(on), true)) />
            </section>
        }
    };
    view! {
        <BackLink href=base.href("clinic") text="Back to the clinic" />
        <SaveProblemNotice saved=clinic />
        <SaveProblemNotice saved=wording />
        <span class="nhsuk-caption-l">"Reminder texts"</span>
        <h1>"Texts to send"</h1>
        {move || nothing().then(|| view! {
            <p>"There are no appointments booked in the next 4 weeks, so there is nothing to send."</p>
        })}
        <TextInput id="sender" label="Your name, to end each text" width=Some("nhsuk-input--width-20")
            hint=Some("For example, Will. People reply more when they know who the text is from.") bind=sender />
        // Redrawn only when the days change; each day's list is keyed.
        {move || days.get().into_iter().map(day_section).collect_view()}
        <Show when=move || rows.with(|r| r.iter().any(|r| r.missed))>
            <section class="app-text-day">
                <h2>"Sorry we missed you"</h2>
                <p>"For appointments missed in the last week: a text that offers another time, without blame."</p>
                <ul class="nhsuk-list app-texts">
                    <For each=move || of(None, false) key=|r| (r.booking, format!("{:?}", r.how)) let(row)>
                        <TextToSend row nested=true />
                    </For>
                </ul>
                <CallInstead rows=Signal::derive(move || of(None, true)) />
            </section>
        </Show>
        <p><a href=base.href("clinic/reminders/wording")>"Change the wording of the texts"</a></p>
    }
}

/// The people on a list who cannot be texted, to call instead.
#[component]
fn CallInstead(rows: Signal<Vec<Row>>) -> impl IntoView {
    let calls = move || {
        rows.get()
            .into_iter()
            .filter_map(|r| match r.how {
                How::Call(why) => Some(view! {
                    <li data-testid="call-instead">
                        <strong>{r.heading.clone()}</strong>
                        {r.missed.then(|| view! { <span class="app-block">"Missed their appointment: call to offer another time"</span> })}
                        {if r.phone.is_empty() {
                            view! { <span class="app-block">"No phone number on their record"</span> }.into_any()
                        } else {
                            let tel = format!("tel:{}", r.phone.replace(' ', ""));
                            view! {
                                <span class="app-block"><a href=tel>{format!("Call {}", r.phone)}</a></span>
                                <span class="app-block nhsuk-body-s">{why}</span>
                            }.into_any()
                        }}
                    </li>
                }),
                _ => None,
            })
            .collect_view()
    };
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <h3>"Call instead"</h3>
            <p>"These people have no mobile number, or asked not to be sent texts."</p>
            <ul class="nhsuk-list">{calls}</ul>
        </Show>
    }
}

/// One finished text: what it says, how many texts it is, Copy, Send, and sent.
/// Under a day's heading (`nested`), its heading is one level down.
#[component]
pub(super) fn TextToSend(row: Row, #[prop(optional)] nested: bool) -> impl IntoView {
    let Texting { clinic, .. } = use_texting();
    let booking = row.booking;
    let missed = row.missed;
    let heading = row.heading.clone();
    let ticked = row.ticked;
    let body = match row.how.clone() {
        How::Text { text, link } => {
            let counted = sms::count(&text).words();
            let copied = RwSignal::new(None::<&'static str>);
            let copy = {
                let text = text.clone();
                move |_| crate::ui::copy_text(&text, copied, "Copied")
            };
            let sent = move || {
                clinic.value.with(|c| {
                    c.bookings.iter().any(|b| {
                        b.id == booking
                            && if missed {
                                b.missed_text_sent
                            } else {
                                b.reminder_sent
                            }
                    })
                })
            };
            let tick = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                clinic.update(|c| {
                    if let Some(b) = c.booking_mut(booking) {
                        if missed {
                            b.missed_text_sent = on;
                        } else {
                            b.reminder_sent = on;
                        }
                    }
                })
            };
            let tick_id = format!("{}-{booking}", if missed { "missed-sent" } else { "sent" });
            view! {
                <p class="app-sms" data-testid="sms-text">{text}</p>
                <p class="nhsuk-hint" data-testid="sms-count">{counted}</p>
                <div class="nhsuk-button-group app-no-print">
                    <a class="nhsuk-button" role="button" draggable="false" href=link data-testid="send-text">
                        "Send text" <span class="nhsuk-u-visually-hidden">{format!(" to {}", row.name)}</span>
                    </a>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=copy>
                        "Copy" <span class="nhsuk-u-visually-hidden">{format!(" the text to {}", row.name)}</span>
                    </button>
                </div>
                <p aria-live="polite" class="nhsuk-body-s">{move || copied.get()}</p>
                {ticked.then(|| view! {
                <div class="nhsuk-form-group">
                    <div class="nhsuk-checkboxes">
                        <div class="nhsuk-checkboxes__item">
                            <input class="nhsuk-checkboxes__input" id=tick_id.clone() type="checkbox" prop:checked=sent on:change=tick />
                            <label class="nhsuk-label nhsuk-checkboxes__label" for=tick_id>
                                "Text sent" <span class="nhsuk-u-visually-hidden">{format!(" to {}", row.name)}</span>
                            </label>
                        </div>
                    </div>
                </div>
                })}
            }
            .into_any()
        }
        How::Problem(problems) => view! {
            <div class="nhsuk-inset-text" data-testid="text-problem">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>"This text cannot be made yet:"</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        How::Call(_) => ().into_any(),
    };
    view! {
        <li class="app-text-to-send" data-testid="text-to-send">
            {if nested {
                view! { <h3 class="nhsuk-heading-m">{heading}</h3> }.into_any()
            } else {
                view! { <h2 class="nhsuk-heading-m">{heading}</h2> }.into_any()
            }}
            {body}
        </li>
    }
}
