//! The volunteer rota for the coming weeks: sessions nobody can cover at the
//! top, a suggestion that can be kept or changed by hand (with a warning when
//! the volunteer cannot usually do it), printed, downloaded as a calendar
//! file, or shared by QR code.

use super::{href, use_clinic};
use crate::domain::clinic::rota::{self, Duty, SharedRota};
use crate::domain::clinic::{ical, Id, WEEKS_AHEAD};
use crate::domain::dates::{iso, long_date};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use crate::ui::qr::QrCode;
use crate::ui::{file_url, today, use_base};
use leptos::prelude::*;

/// How far ahead the rota is drawn.
const WEEKS: u64 = WEEKS_AHEAD;

/// How far ahead the QR code's rota reaches (said on the page): more would
/// make a code too dense for a phone to read from the screen.
const SHARED_WEEKS: u64 = 4;

/// The time now in UTC, which a calendar file records.
fn now_utc() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    chrono::DateTime::from_timestamp_millis(now.get_time() as i64)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// The rota page: the clinic's own rota, or a rota shared by QR code when
/// the address carries one (on a volunteer's phone).
#[component]
pub fn Rota() -> impl IntoView {
    let fragment = window().location().hash().unwrap_or_default();
    if fragment.len() > 1 {
        return view! { <SharedRotaView fragment /> }.into_any();
    }
    view! { <ClinicRota /> }.into_any()
}

/// A rota opened from a shared link: read only, nothing stored.
#[component]
fn SharedRotaView(fragment: String) -> impl IntoView {
    page_title("The volunteer rota");
    match SharedRota::open(&fragment) {
        Ok(shared) => {
            let rows = shared
                .lines()
                .into_iter()
                .map(|(when, who)| view! {
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{when}</dt>
                        <dd class="nhsuk-summary-list__value">{who}</dd>
                    </div>
                })
                .collect_view();
            view! {
                <span class="nhsuk-caption-l">{shared.practice.clone()}</span>
                <h1>"The volunteer rota"</h1>
                <p>"This is the rota as it was when the code was made. It is not kept on this phone: scan the code again for the latest."</p>
                <dl class="nhsuk-summary-list" data-testid="shared-rota">{rows}</dl>
            }
            .into_any()
        }
        Err(_) => view! {
            <h1>"This rota link cannot be read"</h1>
            <p>"It may have been cut short when it was copied. Ask for the code again, or scan it from the clinic's screen."</p>
        }
        .into_any(),
    }
}

#[component]
fn ClinicRota() -> impl IntoView {
    page_title("The volunteer rota");
    let clinic = use_clinic();
    let practice = use_practice();
    let start = today();
    let duties = Memo::new(move |_| clinic.value.with(|c| c.rota_for(start, WEEKS)));
    let kept = move || {
        clinic.value.with(|c| {
            duties.with(|d| {
                d.iter().all(|duty| {
                    let date = iso(duty.session.date);
                    c.rota
                        .iter()
                        .any(|e| e.session == duty.session.session && e.date == date)
                })
            })
        })
    };
    let uncovered = move || {
        duties.with(|d| {
            rota::uncovered(d)
                .into_iter()
                .map(|duty| {
                    view! { <li>{format!("{}, {}, {}", long_date(duty.session.date), duty.session.times.words(), duty.session.room)}</li> }
                })
                .collect_view()
        })
    };
    let has_uncovered = move || duties.with(|d| !rota::uncovered(d).is_empty());
    // Said beside the button and given focus: the eye is there, not at the top.
    let just_kept = RwSignal::new(false);
    let kept_notice = NodeRef::<leptos::html::Div>::new();
    let keep = move |_| {
        clinic.update(|c| c.keep_rota(&duties.get_untracked()));
        just_kept.set(clinic.problem.get_untracked().is_none());
    };
    Effect::new(move || {
        if just_kept.get() {
            if let Some(notice) = kept_notice.get() {
                let _ = notice.focus();
            }
        }
    });
    // Each file is made afresh whenever the clinic changes, so it is never stale.
    let calendars = move || {
        let practice = practice.get().practice_name;
        clinic.value.with(|c| {
            c.volunteers
                .iter()
                .map(|v| {
                    let name = v.name.trim();
                    let text = ical::calendar(&c.calendar_duties(v.id, start), name, &practice, now_utc());
                    let url = file_url(&text, "text/calendar;charset=utf-8");
                    view! { <li><a href=url download=ical::file_name(name)>{format!("Download {name}’s duties")}</a></li> }
                })
                .collect_view()
        })
    };
    let root = StoredValue::new(format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        use_base().href("")
    ));
    let share = move || {
        let practice = practice.get().practice_name;
        clinic.value.with(|c| {
            duties.with(|d| {
                let until = start + chrono::Days::new(SHARED_WEEKS * 7);
                let near: Vec<Duty> = d
                    .iter()
                    .filter(|x| x.session.date < until)
                    .cloned()
                    .collect();
                root.with_value(|root| {
                    SharedRota::from_duties(&near, &c.volunteers, &practice).link(root)
                })
            })
        })
    };
    let shares = move || {
        clinic.value.with(|c| {
            duties.with(|d| {
                rota::shares(d, &c.volunteers)
                    .into_iter()
                    .map(|(v, n)| view! { <li>{format!("{}: {n} {}", v.name, if n == 1 { "session" } else { "sessions" })}</li> })
                    .collect_view()
            })
        })
    };
    view! {
        <BackLink href=href("clinic") text="Back to the clinic" />
        <h1>"The volunteer rota"</h1>
        <Show when=has_uncovered>
            <div class="nhsuk-warning-callout" data-testid="uncovered">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Sessions nobody can cover"</span>
                </h2>
                <p>"Nobody on the rota can usually do these sessions. Ask a volunteer, or close the clinic that day."</p>
                <ul>{uncovered}</ul>
            </div>
        </Show>
        <Show when=move || duties.with(|d| d.is_empty())>
            <p>"There are no sessions in the next " {WEEKS} " weeks. " <a href=href("clinic/sessions")>"Add the clinic's sessions"</a> " first."</p>
        </Show>
        <Show when=move || duties.with(|d| !d.is_empty())>
            <p>{format!("The next {WEEKS} weeks, from {}.", long_date(start))} " "
                {move || if kept() { "This rota is kept: the day view shows who is on duty." } else { "This is a suggestion until you keep it." }}</p>
            <table class="nhsuk-table app-rota" data-testid="rota">
                <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">"Who is on duty at each session"</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th scope="col" class="nhsuk-table__header">"Session"</th>
                        <th scope="col" class="nhsuk-table__header">"On duty"</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    // Keyed by session, so choosing a volunteer keeps focus on the choice.
                    <For each=move || duties.get() key=|duty| duty.session.key() let(duty)>
                        <DutyRow duty duties />
                    </For>
                </tbody>
            </table>
            <div class="app-no-print">
                <button type="button" class="nhsuk-button" on:click=keep>"Keep this rota"</button>
                <Show when=move || just_kept.get()>
                    <div class="nhsuk-inset-text" data-testid="rota-kept" tabindex="-1" node_ref=kept_notice>
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>"This rota is kept. The day view shows who is on duty."</p>
                    </div>
                </Show>
                <h2>"Sessions each"</h2>
                <ul class="nhsuk-list nhsuk-list--bullet" data-testid="shares">{shares}</ul>
                <h2>"Share the rota"</h2>
                <h3>"Each volunteer’s calendar file"</h3>
                // Only a kept rota: a suggestion in someone's calendar could change without a trace.
                <Show when=kept>
                    <p>"Download again after a change: a duty handed on or closed shows as cancelled."</p>
                    <ul class="nhsuk-list" data-testid="calendars">{calendars}</ul>
                </Show>
                <p><button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print the rota"</button></p>
                <p>"Each volunteer can scan this code to see the next 4 weeks of the rota on their own phone. It holds the dates, times, rooms and volunteers' names, and nothing about the people you support."</p>
                {move || view! { <QrCode text=share() label="QR code holding the rota".to_string() /> }}
            </div>
        </Show>
    }
}

/// One session of the rota, with a choice of who is on duty.
#[component]
fn DutyRow(duty: Duty, duties: Memo<Vec<Duty>>) -> impl IntoView {
    let clinic = use_clinic();
    let key = duty.session.key();
    let label = format!(
        "{}, {}, {}",
        long_date(duty.session.date),
        duty.session.times.words(),
        duty.session.room
    );
    let select_id = format!("duty-{}-{}", key.0, iso(key.1));
    let session = duty.session.clone();
    let chosen = move || {
        duties.with(|d| {
            d.iter()
                .find(|x| x.session.key() == key)
                .and_then(|x| x.volunteer)
        })
    };
    let warning = move || {
        let chosen = chosen()?;
        clinic.value.with(|c| {
            let volunteer = c.volunteers.iter().find(|v| v.id == chosen)?;
            duties.with(|d| volunteer.warning(&session, d))
        })
    };
    let options = move || {
        let chosen = chosen();
        clinic.value.with(|c| {
            c.volunteers
                .iter()
                .map(|v| view! { <option value=v.id.to_string() selected=chosen == Some(v.id)>{v.name.clone()}</option> })
                .collect_view()
        })
    };
    // Only this session changes: the rest of the rota as shown is kept as it is.
    let change = move |ev: leptos::ev::Event| {
        let volunteer = event_target_value(&ev).parse::<Id>().ok();
        let shown = duties.get_untracked();
        clinic.update(|c| c.put_on_duty(&shown, key, volunteer));
    };
    view! {
        <tr class="nhsuk-table__row">
            <td class="nhsuk-table__cell">{label.clone()}
                {move || chosen().is_none().then(|| view! { " " <strong class="nhsuk-tag nhsuk-tag--red app-tag">"Nobody on duty"</strong> })}
            </td>
            <td class="nhsuk-table__cell">
                <label class="nhsuk-label nhsuk-u-visually-hidden" for=select_id.clone()>{format!("On duty, {label}")}</label>
                <select class="nhsuk-select" id=select_id on:change=change>
                    <option value="" selected=move || chosen().is_none()>"Nobody"</option>
                    {options}
                </select>
                {move || warning().map(|w| view! { <p class="nhsuk-body-s app-duty-warning" role="status">{w}</p> })}
            </td>
        </tr>
    }
}
