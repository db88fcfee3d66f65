//! The app: what it provides to every page, and which page shows at which path.

use super::kept_notice::KeptNotice;
use super::layout::{Footer, Header, SkipLink};
use super::pages::{Clinic, Home, NotFound, Plan, Privacy, Refer};
use super::practice::{self, ConfigNotice};
use super::router::{provide_location, Location};
use super::updates::{self, UpdateNotice};
use super::AppBase;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let base = AppBase::from_document();
    provide_context(base.clone());
    provide_context(practice::load(&base));
    provide_context(updates::watch(&base));
    let location = provide_location(&base);
    view! {
        <SkipLink />
        <Header />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                <UpdateNotice />
                <ConfigNotice />
                <KeptNotice />
                <Pages location />
            </main>
        </div>
        <Footer />
    }
}

/// The page for the address.
#[component]
fn Pages(location: Location) -> impl IntoView {
    let page = Memo::new(move |_| location.page());
    focus_on_navigate(page);
    move || match page.get().as_str() {
        "" => Home().into_any(),
        "refer" => Refer().into_any(),
        "plan" => Plan().into_any(),
        "clinic" => Clinic().into_any(),
        "privacy" => Privacy().into_any(),
        _ => NotFound().into_any(),
    }
}

/// After moving to another page inside the app, puts keyboard and screen
/// reader focus at the start of the new page's content, as a full page load would.
fn focus_on_navigate(page: Memo<String>) {
    Effect::new(move |previous: Option<String>| {
        let path = page.get();
        if previous.is_some_and(|previous| previous != path) {
            if let Some(main) = document().get_element_by_id("maincontent") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }
        path
    });
}
