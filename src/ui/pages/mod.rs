//! One module per screen.

mod about;
mod backup;
pub mod clinic;
pub mod directory;
mod home;
mod not_found;
pub mod plan;
pub mod refer;
pub mod reminders;
mod reports;

pub use about::{Accessibility, Privacy};
pub use backup::{BackupPage, LockPage, MergePage, SharingPage};
pub use home::Home;
pub use not_found::NotFound;
pub use reports::ReportsPage;

use super::practice::use_practice;
use leptos::prelude::*;

/// Sets the browser tab's title to "<page> - <service>", the first thing a
/// screen reader announces on a new page.
pub fn page_title(page: &'static str) {
    page_title_with(move || page.to_string());
}

/// The errors of a page with one form, shared with its fields and error
/// summary, and the page's title, "Error: " first while there are any.
pub fn form_errors(
    title: impl Fn() -> String + Send + Sync + 'static,
) -> RwSignal<Vec<crate::domain::form::FieldError>> {
    let errors = RwSignal::new(Vec::new());
    provide_context(crate::ui::form::FormErrors(errors));
    page_title_with(move || {
        if errors.with(Vec::is_empty) {
            title()
        } else {
            format!("Error: {}", title())
        }
    });
    errors
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

/// A form on its own page: back link, heading (under an optional caption),
/// the save problem and the errors found, the fields and one button.
/// `submit` checks what was typed and saves it to `saved`, or returns what
/// to fix; nothing typed is cleared either way.
#[component]
pub fn FormPage<D>(
    title: &'static str,
    back: String,
    button: String,
    #[prop(optional_no_strip)] caption: Option<String>,
    saved: crate::ui::saved::Saved<D>,
    submit: Callback<(), Result<(), Vec<crate::domain::form::FieldError>>>,
    children: Children,
) -> impl IntoView
where
    D: crate::store::Document + Clone + Default + Send + Sync + 'static,
{
    use crate::ui::form::ErrorSummary;
    use crate::ui::layout::BackLink;
    use crate::ui::saved::SaveProblemNotice;
    let errors = form_errors(move || title.to_string());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match submit.run(()) {
            Ok(()) => errors.set(Vec::new()),
            Err(found) => errors.set(found),
        }
    };
    view! {
        <BackLink href=back />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved />
                <ErrorSummary />
                {caption.map(|c| view! { <span class="nhsuk-caption-l">{c}</span> })}
                <h1>{title}</h1>
                <form novalidate on:submit=on_submit>
                    {children()}
                    <button class="nhsuk-button" type="submit">{button}</button>
                </form>
            </div>
        </div>
    }
}
