//! The plan's and the clinic's pages, until their features are built: each
//! says what will be there.

use super::page_title;
use crate::domain::dates::long_date;
use crate::domain::referral::{handover, ClinicInbox};
use crate::ui::layout::BackLink;
use crate::ui::practice::use_practice;
use crate::ui::saved::Saved;
use crate::ui::use_base;
use leptos::prelude::*;

#[component]
fn BackHome() -> impl IntoView {
    view! { <BackLink href=use_base().href("") text="Back to home" /> }
}

#[component]
pub fn Plan() -> impl IntoView {
    page_title("My plan");
    view! {
        <BackHome />
        <h1>"My plan"</h1>
        <p>
            "Soon you will be able to build your own plan here: what matters to you, what is going well, "
            "the goals you want to work on and the small steps to get there."
        </p>
        <p>"Your plan will be kept on this device, and only shared if you choose to share it."</p>
    }
}

#[component]
pub fn Clinic() -> impl IntoView {
    page_title("Run a clinic");
    let practice = use_practice();
    view! {
        <BackHome />
        <h1>"Run a clinic"</h1>
        <ReferralsWaiting />
        <h2>"Coming soon"</h2>
        <p>
            "This is where volunteer link workers for " {move || practice.get().practice_name}
            " will run their clinics:"
        </p>
        <ul>
            <li>"clinic sessions and rooms"</li>
            <li>"the volunteer rota"</li>
            <li>"appointments, bookings and follow-ups"</li>
            <li>"the people you are supporting"</li>
        </ul>
        <p>"Everything will be kept on this device, not on a server."</p>
    }
}

/// The self-referrals scanned into this device, newest first, each with a
/// link back to its answers.
#[component]
fn ReferralsWaiting() -> impl IntoView {
    let inbox = Saved::<ClinicInbox>::open();
    let base = use_base();
    move || {
        let referrals = inbox.value.with(|i| i.referrals.clone());
        if referrals.is_empty() {
            return view! {
                <p>"No self-referrals have been kept on this device yet. When a person shows you their referral code, scan it with this device's camera to add it here."</p>
            }
            .into_any();
        }
        let rows = referrals
            .into_iter()
            .rev()
            .map(|referral| {
                let link = format!("{}#{}", base.href("clinic/import"), handover::encode(&referral));
                view! {
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{referral.answers.full_name.clone()}</dt>
                        <dd class="nhsuk-summary-list__value">
                            {format!("{}, confirmed {}", referral.reference, long_date(referral.sent_on))}
                        </dd>
                        <dd class="nhsuk-summary-list__actions">
                            <a href=link>"See answers"<span class="nhsuk-u-visually-hidden">{format!(" of {}", referral.answers.full_name)}</span></a>
                        </dd>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h2>"Self-referrals kept on this device"</h2>
            <dl class="nhsuk-summary-list" data-testid="referrals-waiting">{rows}</dl>
        }
        .into_any()
    }
}
