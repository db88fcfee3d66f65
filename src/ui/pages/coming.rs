//! The plan's page, until its feature is built: it says what will be there.

use super::page_title;
use crate::ui::layout::BackLink;
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
