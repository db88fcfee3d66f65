//! The home page: what this is, and three doors.

use super::page_title;
use crate::ui::practice::use_practice;
use crate::ui::use_base;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    page_title("Home");
    let practice = use_practice();
    let base = use_base();
    view! {
        <h1>"Get support with what matters to you"</h1>
        <p class="nhsuk-body-l">
            {move || practice.get().practice_name}
            " can put you in touch with a link worker. A link worker gives you time to talk about "
            "what matters to you, like feeling lonely, money worries, housing or stress, and helps "
            "you find local support."
        </p>
        <ul class="nhsuk-grid-row nhsuk-card-group">
            <Door href=base.href("refer") title="Refer yourself"
                text="Ask to talk to a link worker. It takes about 10 minutes on your phone." />
            <Door href=base.href("plan") title="My plan"
                text="Write down what matters to you and the small steps you want to take." />
            <Door href=base.href("clinic") title="Run a clinic"
                text="For volunteer link workers: clinic sessions, the rota, bookings and the people you support." />
        </ul>
    }
}

#[component]
fn Door(href: String, title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <li class="nhsuk-grid-column-full nhsuk-card-group__item">
            <div class="nhsuk-card nhsuk-card--clickable">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading nhsuk-heading-m">
                        <a class="nhsuk-card__link" href=href>{title}</a>
                    </h2>
                    <p class="nhsuk-card__description">{text}</p>
                </div>
            </div>
        </li>
    }
}
