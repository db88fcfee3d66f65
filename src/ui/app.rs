//! The app: what it provides to every page, and its routes.

use super::kept_notice::KeptNotice;
use super::layout::{Footer, Header, SkipLink};
use super::pages::{Clinic, Home, NotFound, Plan, Privacy, Refer};
use super::practice::{self, ConfigNotice};
use super::updates::{self, UpdateNotice};
use super::AppBase;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let base = AppBase::from_document();
    provide_context(base.clone());
    provide_context(practice::load(&base));
    provide_context(updates::watch(&base));

    view! {
        <Router base=base.0.clone()>
            <SkipLink />
            <Header />
            <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                    <UpdateNotice />
                    <ConfigNotice />
                    <KeptNotice />
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Home />
                        <Route path=path!("/index.html") view=Home />
                        <Route path=path!("/refer") view=Refer />
                        <Route path=path!("/plan") view=Plan />
                        <Route path=path!("/clinic") view=Clinic />
                        <Route path=path!("/privacy") view=Privacy />
                    </Routes>
                </main>
            </div>
            <Footer />
            <FocusOnNavigate />
        </Router>
    }
}

/// After moving to another page inside the app, puts keyboard and screen
/// reader focus at the start of the new page's content, as a full page load would.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
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
