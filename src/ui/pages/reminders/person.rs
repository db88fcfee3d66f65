//! The texts for one person about their next appointment: an introduction
//! before a first call, and the confirmation that it is booked, each ready to
//! send from the link worker's own phone.

use super::texts::{Row, TextToSend};
use super::use_texting;
use crate::domain::reminders::day_list::{person_texts, How};
use crate::domain::reminders::Purpose;
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use crate::ui::router::use_location;
use crate::ui::{today, use_base};
use leptos::prelude::*;

#[component]
pub fn PersonTexts() -> impl IntoView {
    page_title("Texts about an appointment");
    let texting = use_texting();
    let clinic = texting.clinic;
    let practice = use_practice();
    let base = use_base();
    let id: u64 = use_location()
        .query("id")
        .and_then(|id| id.parse().ok())
        .unwrap_or_default();
    let name = clinic
        .value
        .with_untracked(|c| c.person(id).map(|p| p.name.clone()));
    let record = format!("{}?id={id}", base.href("clinic/person"));
    let rows = Memo::new(move |_| {
        texting.with_sender(practice, |c, w, sender| {
            person_texts(c, w, id, today(), sender)
                .into_iter()
                .map(|(purpose, t)| {
                    let heading = match purpose {
                        Purpose::Introduction => "Before the first call",
                        _ => "The appointment is booked",
                    };
                    Row::other(t, heading)
                })
                .collect::<Vec<_>>()
        })
    });
    let call_instead = move || {
        rows.with(|r| {
            r.iter().find_map(|row| match row.how() {
                How::Call(why) => Some(*why),
                _ => None,
            })
        })
    };
    let texts = move || {
        rows.get()
            .into_iter()
            .filter(|r| !matches!(r.how(), How::Call(_)))
            .collect::<Vec<_>>()
    };
    let Some(name) = name else {
        return view! {
            <h1>"Person not found"</h1>
            <p>"This person is not in the clinic's records on this device."</p>
        }
        .into_any();
    };
    view! {
        <BackLink href=record.clone() text="Back to their record" />
        <span class="nhsuk-caption-l">{name.clone()}</span>
        <h1>"Texts about their next appointment"</h1>
        {move || call_instead().map(|why| view! { <p data-testid="call-instead">{format!("Call instead: {}.", why.to_lowercase())}</p> })}
        <Show when=move || rows.with(Vec::is_empty)>
            <p>"Nothing is booked for them yet. " <a href=record.clone()>"Book an appointment from their record"</a></p>
        </Show>
        <ul class="nhsuk-list app-texts">
            <For each=texts key=|r| format!("{:?}", r.how()) let(row)>
                <TextToSend row />
            </For>
        </ul>
    }
    .into_any()
}
