//! The NHS.UK notification banner: news for the person that is not an error,
//! such as a new version being ready or the practice's details being missing.

use leptos::prelude::*;

#[component]
pub fn NotificationBanner(
    /// Names the banner for assistive technology; unique on the page.
    id: &'static str,
    /// The small title in the coloured bar, such as "Important".
    title: &'static str,
    /// The banner's one-line message.
    heading: &'static str,
    children: Children,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <div class="nhsuk-notification-banner" role="region" aria-labelledby=labelled_by data-testid=id>
            <div class="nhsuk-notification-banner__header">
                <h2 class="nhsuk-notification-banner__title" id=title_id>{title}</h2>
            </div>
            <div class="nhsuk-notification-banner__content">
                <p class="nhsuk-notification-banner__heading">{heading}</p>
                {children()}
            </div>
        </div>
    }
}
