//! What is on every page: the skip link, the header with the practice's name,
//! and the footer with urgent help and the privacy statement.

use super::practice::use_practice;
use super::use_base;
use leptos::prelude::*;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="nhsuk-skip-link" href="#maincontent" on:click=move |ev| focus_in_page(ev, "maincontent")>
            "Skip to main content"
        </a>
    }
}

/// The link back to the page before, at the top of a page.
#[component]
pub fn BackLink(href: String, #[prop(default = "Back")] text: &'static str) -> impl IntoView {
    view! {
        <div class="nhsuk-back-link">
            <a class="nhsuk-back-link__link" href=href>{text}</a>
        </div>
    }
}

/// Moves focus to the element `id` on this page, for links like `href="#id"`
/// (the skip link, an error summary's links). The browser cannot be left to
/// follow them: the page's `<base>` makes `#id` point at the home page, and
/// the router would treat the click as a navigation.
pub fn focus_in_page(ev: leptos::ev::MouseEvent, id: &str) {
    ev.prevent_default();
    if let Some(target) = document().get_element_by_id(id) {
        target.scroll_into_view();
    }
    focus_element(id);
}

/// Moves keyboard and screen reader focus to the element `id`, if it is on the page.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let target = document()
        .get_element_by_id(id)
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let practice = use_practice();
    let home = use_base().href("");
    view! {
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <a class="nhsuk-header__service-name app-header__name" href=home>
                        <span class="app-header__practice">{move || practice.get().practice_name}</span>
                        " "
                        <span class="app-header__service">"Social prescribing"</span>
                    </a>
                </div>
            </div>
        </header>
    }
}

/// Where to get help now: in the footer of every page.
#[component]
pub fn UrgentHelp() -> impl IntoView {
    view! {
        <div class="app-urgent-help" data-testid="urgent-help">
            <h2 class="nhsuk-heading-s">"If you need help now"</h2>
            <ul class="nhsuk-list app-urgent-help__list">
                <li>
                    "In an emergency, or if a life is at risk, call "
                    <a href="tel:999">"999"</a>"."
                </li>
                <li>
                    "For urgent medical help, call "
                    <a href="tel:111">"NHS 111"</a>"."
                </li>
                <li>
                    "To talk to someone any time, day or night, call Samaritans free on "
                    <a href="tel:116123">"116 123"</a>"."
                </li>
            </ul>
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let practice = use_practice();
    let privacy = use_base().href("privacy");
    view! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__navigation nhsuk-grid-row">
                    <div class="nhsuk-grid-column-one-half">
                        <UrgentHelp />
                    </div>
                    <div class="nhsuk-grid-column-one-half">
                        <h2 class="nhsuk-heading-s">"Your privacy"</h2>
                        <p class="nhsuk-body-s">
                            "What you type into this app stays on this device. "
                            "Nothing is sent to the practice or anyone else unless you choose to send it."
                        </p>
                        <ul class="nhsuk-footer__list">
                            <li class="nhsuk-footer__list-item">
                                <a class="nhsuk-footer__list-item-link" href=privacy>
                                    "How this app uses your information"
                                </a>
                            </li>
                        </ul>
                    </div>
                </div>
                <div class="nhsuk-footer__meta">
                    <p class="nhsuk-body-s" data-testid="footer-practice">
                        {move || {
                            let practice = practice.get();
                            let mut lines = vec![practice.practice_name.clone()];
                            lines.extend(practice.address.iter().cloned());
                            lines.join(", ")
                        }}
                        {move || {
                            let practice = practice.get();
                            practice.phone_link().zip(practice.phone).map(|(link, phone)| {
                                view! { ", Phone " <a href=link>{phone}</a> }
                            })
                        }}
                    </p>
                </div>
            </div>
        </footer>
    }
}

/// The rows of an NHS.UK summary list, each a key and its value (kept on
/// the lines it was typed on). Rows with an empty value are left out.
pub fn summary_rows(rows: impl IntoIterator<Item = (&'static str, String)>) -> impl IntoView {
    rows.into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| {
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{key}</dt>
                    <dd class="nhsuk-summary-list__value app-keep-lines">{value}</dd>
                </div>
            }
        })
        .collect_view()
}
