//! One module per screen.

pub mod clinic;
mod coming;
mod home;
mod not_found;
mod privacy;
pub mod refer;

pub use coming::Plan;
pub use home::Home;
pub use not_found::NotFound;
pub use privacy::Privacy;

use super::practice::use_practice;
use leptos::prelude::*;

/// Sets the browser tab's title to "<page> - <service>", the first thing a
/// screen reader announces on a new page.
pub fn page_title(page: &'static str) {
    page_title_with(move || page.to_string());
}

/// [`page_title`] for a title that changes, such as "Error: " before a
/// question's title while the page shows errors.
pub fn page_title_with(page: impl Fn() -> String + Send + Sync + 'static) {
    let practice = use_practice();
    Effect::new(move || {
        let practice = practice.get().practice_name;
        document().set_title(&format!("{} - {practice} social prescribing", page()));
    });
}
