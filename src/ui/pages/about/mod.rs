//! The pages about the app itself, an area of their own (`site::Area::About`):
//! how it uses a person's information, and how accessible it is. Both name
//! the practice and how to reach it, from `config.json`.

mod accessibility;
mod privacy;

pub use accessibility::Accessibility;
pub use privacy::Privacy;

use crate::ui::practice::use_practice;
use crate::ui::use_base;
use leptos::prelude::*;

/// "Back" at the top of the page. Opened from a page of the app (the
/// footer's link in the middle of a form, say), it returns there, as the
/// browser's back button would; opened on its own, it leads to the home
/// page. (The app sends no referrer, so the page before is known only to
/// the browser's history.)
#[component]
fn BackToThePageBefore() -> impl IntoView {
    let go_back = |ev: leptos::ev::MouseEvent| {
        let history = window().history().ok();
        if history
            .as_ref()
            .is_some_and(|h| h.length().unwrap_or(0) > 1)
        {
            ev.prevent_default();
            let _ = history.and_then(|h| h.back().ok());
        }
    };
    view! {
        <div class="nhsuk-back-link">
            <a class="nhsuk-back-link__link" href=use_base().href("") on:click=go_back>"Back"</a>
        </div>
    }
}

/// The practice's name, phone (a link that rings it) and address, each on a
/// line of its own, as far as `config.json` gives them.
#[component]
fn PracticeContact() -> impl IntoView {
    let practice = use_practice();
    view! {
        <p data-testid="practice-contact">
            {move || {
                let practice = practice.get();
                let phone = practice.phone.clone().zip(practice.phone_link()).map(|(phone, link)| view! {
                    <br />"Phone: "<a href=link>{phone}</a>
                });
                let address = (!practice.address.is_empty()).then(|| view! {
                    <br />"Address: "{practice.address.join(", ")}
                });
                view! { <strong>{practice.practice_name}</strong>{phone}{address} }
            }}
        </p>
    }
}
