//! The start page: what this is, who it is for, what happens next.

use super::{use_draft, DeleteAnswers, UrgentHelpLine};
use crate::domain::config::PracticeConfig;
use crate::domain::referral::suggested::SuggestedBy;
use crate::domain::referral::Step;
use crate::ui::banner::NotificationBanner;
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use crate::ui::router::use_location;
use crate::ui::use_base;
use leptos::prelude::*;

#[component]
pub fn Start() -> impl IntoView {
    page_title("Ask for support from a link worker");
    let practice = use_practice();
    let saved = use_draft();
    let base = use_base();
    let location = use_location();
    let deleted =
        move || location.query_tracked("deleted").is_some() && !saved.value.with(|d| d.started());
    // Opened from a referral pad's code: who suggested it is kept for the
    // question that asks. A `from` the app does not know is ignored.
    if let Some(kind) = location
        .query("from")
        .as_deref()
        .and_then(SuggestedBy::from_link)
    {
        if saved
            .value
            .with_untracked(|d| d.sent.is_none() && d.from_link != Some(kind))
        {
            saved.update(|d| d.from_link = Some(kind));
        }
    }
    let when = move || {
        practice
            .get()
            .reply_time()
            .map(|time| format!(", usually {time}"))
    };
    let start_button = {
        let base = base.clone();
        move || {
            let draft = saved.value.get();
            let start = base.href(Step::Name.path());
            if draft.sent.is_some() {
                view! {
                    <p>"You have a referral ready to send."</p>
                    <a class="nhsuk-button" role="button" draggable="false" href=base.href(Step::Done.path())>
                        "See your referral"
                    </a>
                }
                .into_any()
            } else if draft.started() {
                view! {
                    <p>"You have already started. Your answers are saved on this device."</p>
                    <a class="nhsuk-button" role="button" draggable="false" href=base.href(draft.resume_at().path())>
                        "Continue where you left off"
                    </a>
                    <DeleteAnswers />
                }
                .into_any()
            } else {
                view! {
                    <a class="nhsuk-button" role="button" draggable="false" href=start>"Start now"</a>
                }
                .into_any()
            }
        }
    };
    view! {
        <BackLink href=base.href("") text="Back to home" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <Show when=deleted>
                    <div id="deleted" tabindex="-1" data-focus-here="">
                        <NotificationBanner id="deleted-notice" title="Done" heading="Your answers have been deleted from this device">
                            <p>"You can start again whenever you are ready."</p>
                        </NotificationBanner>
                    </div>
                </Show>
                <h1>"Ask for support from a link worker"</h1>
                <p>
                    "A link worker helps with things in your life that affect how you feel. "
                    "They give you time to talk about what matters to you. "
                    "Then they help you find support near you, like groups, advice or activities."
                </p>
                <h2>"Who can use this form"</h2>
                <p>"You can use this form if you are 16 or over and registered with "
                    {move || practice.get().practice_name} "."</p>
                <p>"It may help if you feel lonely, have money or housing worries, care for someone, or feel stressed or low."</p>
                <h2>"What happens next"</h2>
                <p>"After you send the form, a link worker from " {move || team_or_practice(&practice.get())}
                    " will contact you" {when} "."</p>
                <p>"Nobody reads the form straight away, so do not use it if you need help urgently."</p>
                <p>"The form takes about 10 minutes. Your answers stay on this device until you choose to send them."</p>
                {start_button}
                <UrgentHelpLine />
            </div>
        </div>
    }
}

/// Who will contact the person: the team's own name when the practice has
/// given one (`clinic_team_name`), otherwise the practice.
fn team_or_practice(practice: &PracticeConfig) -> String {
    if practice.clinic_team_name == PracticeConfig::default().clinic_team_name {
        practice.practice_name.clone()
    } else {
        practice.clinic_team_name.clone()
    }
}
