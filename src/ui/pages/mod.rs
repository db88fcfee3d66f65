//! One module per screen.

mod coming;
mod home;
mod not_found;
mod privacy;

pub use coming::{Clinic, Plan, Refer};
pub use home::Home;
pub use not_found::NotFound;
pub use privacy::Privacy;

use super::practice::use_practice;
use leptos::prelude::*;

/// Sets the browser tab's title to "<page> - <service>", the first thing a
/// screen reader announces on a new page.
pub fn page_title(page: &'static str) {
    let practice = use_practice();
    Effect::new(move || {
        let practice = practice.get().practice_name;
        document().set_title(&format!("{page} - {practice} social prescribing"));
    });
}
