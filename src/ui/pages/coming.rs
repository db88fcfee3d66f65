//! The plan's and the clinic's pages, until their features are built: each
//! says what will be there.

use super::page_title;
use crate::ui::layout::BackLink;
use crate::ui::practice::use_practice;
use crate::ui::use_base;
use leptos::prelude::*;

#[component]
fn BackHome() -> impl IntoView {
    view! { <BackLink href=use_base().href("") text="Back to home" /> }
}

#[component]
pub fn Plan() -> impl IntoView {
    page_title("My plan");
    view! {
        <BackHome />
        <h1>"My plan"</h1>
        <p>
            "Soon you will be able to build your own plan here: what matters to you, what is going well, "
            "the goals you want to work on and the small steps to get there."
        </p>
        <p>"Your plan will be kept on this device, and only shared if you choose to share it."</p>
    }
}

#[component]
pub fn Clinic() -> impl IntoView {
    page_title("Run a clinic");
    let practice = use_practice();
    view! {
        <BackHome />
        <h1>"Run a clinic"</h1>
        <p>
            "This is where volunteer link workers for " {move || practice.get().practice_name}
            " will run their clinics:"
        </p>
        <ul>
            <li>"clinic sessions and rooms"</li>
            <li>"the volunteer rota"</li>
            <li>"appointments, bookings and follow-ups"</li>
            <li>"the people you are supporting"</li>
        </ul>
        <p>"Everything will be kept on this device, not on a server."</p>
    }
}
