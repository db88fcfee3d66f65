//! What is on every page: the skip link, the header with the practice's name,
//! and the footer with urgent help, the privacy and accessibility statements.

use super::practice::use_practice;
use super::use_base;
use leptos::prelude::*;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="nhsuk-skip-link" href="#maincontent" on:click=move |ev| {
            ev.prevent_default();
            focus_element("maincontent");
        }>
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
    focus_element(id);
    if let Some(target) = document().get_element_by_id(id) {
        bring_question_into_view(&target);
    }
}

/// Scrolls so that a field's question, label and error show above it, not
/// just the box: the group's legend (the question) when it fits on the
/// screen with the field, otherwise the field's own label.
fn bring_question_into_view(field: &web_sys::Element) {
    let legend = field
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|group| group.query_selector("legend").ok().flatten());
    let label = document()
        .query_selector(&format!("label[for=\"{}\"]", field.id()))
        .ok()
        .flatten();
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let bottom = field.get_bounding_client_rect().bottom();
    let fits = |top: &web_sys::Element| bottom - top.get_bounding_client_rect().top() < screen;
    let top = legend
        .filter(|legend| fits(legend))
        .or(label)
        .unwrap_or_else(|| field.clone());
    top.scroll_into_view();
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

/// Focuses the page's heading (made focusable for it), or what the page
/// marks as to be read first (`data-focus-here`, such as news above the
/// heading), or the main content when the page has neither.
pub fn focus_page_heading() {
    use wasm_bindgen::JsCast;
    let first = document()
        .query_selector("#maincontent [data-focus-here], #maincontent h1")
        .ok()
        .flatten()
        .and_then(|first| first.dyn_into::<web_sys::HtmlElement>().ok());
    match first {
        Some(first) => {
            if !first.has_attribute("tabindex") {
                let _ = first.set_attribute("tabindex", "-1");
            }
            let _ = first.focus();
        }
        None => focus_element("maincontent"),
    }
}

/// Lets Space press a link shown as a button (`role="button"`), as it does
/// a real button: a person told "button" expects it to work. (In a script
/// in the page it would cost more: every area's page is kept at once.)
pub fn links_as_buttons_take_space() {
    use wasm_bindgen::JsCast;
    let listener = window_event_listener(leptos::ev::keydown, |ev| {
        if ev.key() != " " {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|t| t.matches("a[role=button]").unwrap_or(false));
        if let Some(link) = link {
            ev.prevent_default();
            link.click();
        }
    });
    on_cleanup(move || listener.remove());
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
            <UrgentHelpCalls />
        </div>
    }
}

/// The three numbers to call, in short sentences, each a `tel:` link named in
/// full ("Call Samaritans free on 116 123" makes sense read alone in a list
/// of links) and big enough for a thumb.
#[component]
pub fn UrgentHelpCalls() -> impl IntoView {
    view! {
        <ul class="nhsuk-list app-urgent-help__list">
            <li>
                "Is someone in danger? Is a life at risk? "
                <a class="app-call" href="tel:999">"Call 999"</a>
            </li>
            <li>
                "Do you need medical help fast? "
                <a class="app-call" href="tel:111">"Call NHS 111"</a>
            </li>
            <li>
                "Do you want to talk to someone, day or night? "
                <a class="app-call" href="tel:116123">"Call Samaritans free on 116 123"</a>
            </li>
        </ul>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let practice = use_practice();
    let privacy = use_base().href("privacy");
    let accessibility = use_base().href("accessibility");
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
                            <li class="nhsuk-footer__list-item">
                                <a class="nhsuk-footer__list-item-link" href=accessibility>
                                    "Accessibility statement"
                                </a>
                            </li>
                        </ul>
                    </div>
                </div>
                <div class="nhsuk-footer__meta">
                    <p class="nhsuk-body-s" data-testid="footer-practice">
                        {move || {
                            let practice = practice.get();
                            let phone = practice.phone.clone().zip(practice.phone_link()).map(|(phone, link)| view! {
                                ", Phone "<a href=link>{phone}</a>
                            });
                            view! { {practice.contact_line_without_phone()}{phone} }
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
