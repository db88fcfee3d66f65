//! Shown for any address the app does not know.

use super::page_title;
use crate::ui::use_base;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    page_title("Page not found");
    let base = use_base();
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. If you typed it, check it is spelled correctly."</p>
        <p>"You can " <a href=base.href("")>"go to the home page"</a>
        " to refer yourself, see your plan or run a clinic."</p>
    }
}
