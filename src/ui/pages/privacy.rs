//! The privacy statement, in plain words.

use super::page_title;
use crate::ui::practice::use_practice;
use crate::ui::use_base;
use leptos::prelude::*;

#[component]
pub fn Privacy() -> impl IntoView {
    page_title("How this app uses your information");
    let practice = use_practice();
    // Opened from a page of the app (the footer's link in the middle of a
    // form, say), "Back" returns there, as the browser's back button would;
    // opened on its own, it leads to the home page. (The app sends no
    // referrer, so the page before is known only to the browser's history.)
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
        <h1>"How this app uses your information"</h1>
        <p class="nhsuk-body-l">"What you type into this app stays on this device."</p>
        <h2>"Where your information is kept"</h2>
        <p>
            "The app keeps what you type in this browser on this device. It has no account and "
            "no server of its own. The website only sends the app to your browser; it does not "
            "receive anything back."
        </p>
        <h2>"When your information is sent"</h2>
        <p>
            "Only when you choose to send it, for example by emailing a referral to "
            {move || practice.get().practice_name}
            " or showing it at reception. The app tells you what will be sent before you send it."
        </p>
        <h2>"What the app does not do"</h2>
        <ul>
            <li>"It does not use cookies or tracking."</li>
            <li>"It does not load anything from other websites, such as fonts or adverts."</li>
            <li>"It does not share your information with anyone."</li>
        </ul>
        <h2>"If you share this device"</h2>
        <p>
            "Anyone who uses this browser on this device could see what you have saved. "
            "Delete what you have saved when you no longer need it."
        </p>
    }
}
