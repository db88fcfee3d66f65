//! Where a clinic device lands after scanning a person's referral code: the
//! referral is read from the address's fragment (never sent to a server),
//! shown, and kept for the clinic only when the volunteer says so.

use crate::domain::dates::long_date;
use crate::domain::fragment::Packed;
use crate::domain::referral::handover::{self, HandoverError, LARGEST_REFERRAL};
use crate::domain::referral::{ClinicInbox, Referral, YesNo};
use crate::ui::deflate::{inflate, InflateError};
use crate::ui::pages::page_title;
use crate::ui::pages::refer::AnswersList;
use crate::ui::saved::{SaveProblemNotice, Saved};
use crate::ui::use_base;
use leptos::prelude::*;

/// The SNOMED CT concept staff enter in the GP record for a new referral.
const SNOMED_REFERRAL: (&str, &str) = ("871731000000106", "Referral to social prescribing service");

/// The referral in a page's fragment, inflated and checked.
async fn referral_in(fragment: &str) -> Result<Referral, HandoverError> {
    match handover::open(fragment)? {
        Packed::Plain(json) => handover::read(&json),
        Packed::Deflated(data) => match inflate(&data, LARGEST_REFERRAL).await {
            Ok(json) => handover::read(&json),
            Err(InflateError::TooLarge) => Err(HandoverError::TooLong),
            Err(InflateError::Unsupported) => Err(HandoverError::CannotOpenHere),
            Err(InflateError::Damaged) => Err(HandoverError::Damaged),
        },
    }
}

#[component]
pub fn ClinicImport() -> impl IntoView {
    page_title("A referral to add");
    let fragment = window().location().hash().unwrap_or_default();
    let base = use_base();
    let opened = RwSignal::new(None::<Result<Referral, HandoverError>>);
    leptos::task::spawn_local(async move {
        opened.set(Some(referral_in(&fragment).await));
    });
    move || {
        match opened.get() {
        None => view! { <p>"Opening the referral…"</p> }.into_any(),
        Some(Ok(referral)) => view! { <ImportReferral referral /> }.into_any(),
        Some(Err(error)) => view! { <ImportProblem error /> <p><a href=base.href("clinic")>"Go to the clinic"</a></p> }.into_any(),
    }
    }
}

#[component]
fn ImportProblem(error: HandoverError) -> impl IntoView {
    view! {
        <div class="nhsuk-error-summary" aria-labelledby="import-problem-title" role="alert" tabindex="-1">
            <h1 class="nhsuk-error-summary__title" id="import-problem-title">"This referral code cannot be used"</h1>
            <div class="nhsuk-error-summary__body">
                <p data-testid="import-problem">{error.message()}</p>
            </div>
        </div>
    }
}

#[component]
fn ImportReferral(referral: Referral) -> impl IntoView {
    let inbox = Saved::<ClinicInbox>::open();
    let reference = referral.reference;
    let already = move || {
        inbox
            .value
            .with(|i| i.referrals.iter().any(|r| r.reference == reference))
    };
    // Added to the caseload already (scanned again, or on its way back):
    // the person's record, not the list of referrals to add.
    let clinic = super::use_clinic();
    let on_caseload = move || {
        let reference = reference.to_string();
        clinic.value.with(|c| {
            c.people
                .iter()
                .find(|p| p.referral_reference == reference)
                .map(|p| (p.id, p.name.clone()))
        })
    };
    let base = use_base();
    let for_record = referral.answers.consent_record == Some(YesNo::Yes);
    let name = referral.answers.full_name.clone();
    let keep = {
        let referral = referral.clone();
        move |_| {
            inbox.update(|i| {
                i.keep(referral.clone());
            })
        }
    };
    view! {
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <span class="nhsuk-caption-l">{format!("Self-referral {reference}")}</span>
                <h1>{name}</h1>
                <p>{format!("Confirmed on {}.", long_date(referral.sent_on))}</p>
                <SaveProblemNotice saved=inbox />
                {move || match on_caseload() {
                    Some((id, name)) => view! {
                        <div class="nhsuk-inset-text" data-testid="import-on-caseload">
                            <span class="nhsuk-u-visually-hidden">"Information: "</span>
                            <p>"This referral is already on the caseload: "
                                <a href=super::person::record_href(id)>{format!("{name}’s record")}</a>"."</p>
                        </div>
                    }
                    .into_any(),
                    None if already() => view! {
                        <div class="nhsuk-inset-text" data-testid="import-kept">
                            <span class="nhsuk-u-visually-hidden">"Information: "</span>
                            <p>"This referral is kept on this device for the clinic. "
                                <a href=base.href("clinic")>"See self-referrals to add"</a></p>
                        </div>
                    }
                    .into_any(),
                    None => view! {
                        <button type="button" class="nhsuk-button" on:click=keep.clone()>"Keep this referral for the clinic"</button>
                    }
                    .into_any(),
                }}
                <h2>"For the GP record"</h2>
                {if for_record {
                    view! {
                        <p>"Enter this code in the person's GP record:"</p>
                        <p><strong data-testid="snomed">{SNOMED_REFERRAL.0}</strong> " " {SNOMED_REFERRAL.1}</p>
                    }.into_any()
                } else {
                    view! { <p>"The person asked for this referral not to be added to their GP record."</p> }.into_any()
                }}
                <h2>"Their answers"</h2>
                <AnswersList answers=referral.answers.clone() />
            </div>
        </div>
    }
}
