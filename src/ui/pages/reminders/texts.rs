//! Texts for the next clinic day: each appointment's finished reminder with
//! a Copy button and a Send text link that opens the phone's messaging app,
//! and a tick once sent. People without a mobile, or who asked not to be
//! texted, are listed apart to call instead.

use super::{use_texting, Texting};
use crate::domain::dates::long_date;
use crate::domain::reminders::day_list::{day_list, missed_list, next_clinic_day, How, ToSend};
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
    page_title("Texts for the next clinic day");
    let texting = use_texting();
    let Texting { clinic, wording } = texting;
    let practice = use_practice();
    let base = use_base();
    let now = today();
    let day = Memo::new(move |_| clinic.value.with(|c| next_clinic_day(c, now)));
    // The reminders for the next clinic day, then the "sorry we missed you"
    // texts for the last week's missed appointments.
    let rows = Memo::new(move |_| {
        texting.with_sender(practice, |c, w, sender| {
            let reminders = day
                .get()
                .map(|on| day_list(c, w, on, now, sender))
                .unwrap_or_default();
            let missed = missed_list(c, w, now, sender);
            reminders
                .into_iter()
                .map(|t| Row::of(t, false))
                .chain(missed.into_iter().map(|t| Row::of(t, true)))
                .collect::<Vec<_>>()
        })
    });
    let texts = move |missed: bool| {
        rows.get()
            .into_iter()
            .filter(|r| r.missed == missed && !matches!(r.how, How::Call(_)))
            .collect::<Vec<_>>()
    };
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
    let has_calls = move || rows.with(|r| r.iter().any(|r| matches!(r.how, How::Call(_))));
    let nothing = move || day.get().is_none() && rows.with(Vec::is_empty);
    let sender = Bound {
        get: Signal::derive(move || wording.value.with(|w| w.sender.clone())),
        set: Callback::new(move |name: String| wording.update(|w| w.sender = name)),
    };
    view! {
        <BackLink href=base.href("clinic") text="Back to the clinic" />
        <SaveProblemNotice saved=clinic />
        <SaveProblemNotice saved=wording />
        <span class="nhsuk-caption-l">"Reminder texts"</span>
        <h1>{move || match day.get() {
            Some(on) if Some(on) == now.succ_opt() => "Tomorrow's texts".to_string(),
            Some(on) => format!("Texts for {}", long_date(on)),
            None => "Texts for the next clinic day".to_string(),
        }}</h1>
        {move || nothing().then(|| view! {
            <p>"There are no appointments booked in the next 4 weeks, so there is nothing to send."</p>
        })}
        <TextInput id="sender" label="Your name, to end each text" width=Some("nhsuk-input--width-20")
            hint=Some("For example, Will. People reply more when they know who the text is from.") bind=sender />
        <ul class="nhsuk-list app-texts">
            // Keyed by what the text says too, so a changed text is drawn anew.
            <For each=move || texts(false) key=|r| (r.booking, format!("{:?}", r.how)) let(row)>
                <TextToSend row />
            </For>
        </ul>
        <Show when=move || rows.with(|r| r.iter().any(|r| r.missed && !matches!(r.how, How::Call(_))))>
            <h2>"Sorry we missed you"</h2>
            <p>"For appointments missed in the last week: a text that offers another time, without blame."</p>
            <ul class="nhsuk-list app-texts">
                <For each=move || texts(true) key=|r| (r.booking, format!("{:?}", r.how)) let(row)>
                    <TextToSend row />
                </For>
            </ul>
        </Show>
        <Show when=has_calls>
            <h2>"Call instead"</h2>
            <p>"These people have no mobile number, or asked not to be sent texts."</p>
            <ul class="nhsuk-list">{calls}</ul>
        </Show>
        <p><a href=base.href("clinic/reminders/wording")>"Change the wording of the texts"</a></p>
    }
}

/// One finished text: what it says, how many texts it is, Copy, Send, and sent.
#[component]
pub(super) fn TextToSend(row: Row) -> impl IntoView {
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
            <h2 class="nhsuk-heading-m">{heading}</h2>
            {body}
        </li>
    }
}
