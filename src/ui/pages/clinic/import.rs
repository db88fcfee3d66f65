//! Where a clinic device lands after scanning a person's referral code: the
//! referral is read from the address's fragment (never sent to a server),
//! shown, and kept for the clinic only when the volunteer says so.

use crate::domain::dates::long_date;
use crate::domain::form::FieldError;
use crate::domain::fragment::Packed;
use crate::domain::referral::handover::{self, HandoverError, LARGEST_REFERRAL};
use crate::domain::referral::pasted::fragment_in;
use crate::domain::referral::{ClinicInbox, Referral, YesNo};
use crate::ui::deflate::{inflate, InflateError};
use crate::ui::form::{Bound, TextArea};
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
    let fragment = fragment.trim_start_matches('#').to_string();
    let opened = RwSignal::new(None::<Result<Referral, HandoverError>>);
    let opening = RwSignal::new(!fragment.is_empty());
    if !fragment.is_empty() {
        leptos::task::spawn_local(async move {
            opened.set(Some(referral_in(&fragment).await));
            opening.set(false);
        });
    }
    move || match (opening.get(), opened.get()) {
        (true, _) => view! { <p>"Opening the referral…"</p> }.into_any(),
        (_, Some(Ok(referral))) => view! { <ImportReferral referral /> }.into_any(),
        (_, Some(Err(error))) => {
            view! { <PasteReferral opened opening problem=Some(error) /> }.into_any()
        }
        (_, None) => view! { <PasteReferral opened opening problem=None /> }.into_any(),
    }
}

/// Where a volunteer pastes a referral's link or code from an email or a
/// message, on the device that runs the clinic.
#[component]
fn PasteReferral(
    opened: RwSignal<Option<Result<Referral, HandoverError>>>,
    opening: RwSignal<bool>,
    problem: Option<HandoverError>,
) -> impl IntoView {
    let base = use_base();
    let pasted = RwSignal::new(String::new());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let typed = pasted.get_untracked();
        if typed.trim().is_empty() {
            return Err(vec![FieldError::new(
                "pasted",
                "Paste the referral’s link or code",
            )]);
        }
        let fragment = fragment_in(&typed).to_string();
        // Checked whole at once; a compressed one is then opened in the background.
        handover::open(&fragment).map_err(|e| vec![FieldError::new("pasted", e.message())])?;
        // The address holds the referral, as if its link had been opened, so a reload keeps it.
        if let Ok(history) = window().history() {
            // In full: a bare "#..." would be read against the page's <base>.
            let page = window().location().pathname().unwrap_or_default();
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{page}#{fragment}")),
            );
        }
        opening.set(true);
        leptos::task::spawn_local(async move {
            opened.set(Some(referral_in(&fragment).await));
            opening.set(false);
        });
        Ok(())
    });
    let bound = Bound {
        get: Signal::derive(move || pasted.get()),
        set: Callback::new(move |v| pasted.set(v)),
    };
    view! {
        <super::ClinicForm title="Add a referral" back=base.href("clinic") button="Open the referral" submit>
            {problem.map(|error| view! { <ImportProblem error /> })}
            <StaysOnThisDevice />
            <TextArea id="pasted" label="Paste the referral’s link or code" rows=4
                hint=Some("Copy it from the person’s email or message. You can paste the whole email.") bind=bound />
        </super::ClinicForm>
    }
}

/// Said wherever a referral is taken in: nothing moves between devices by itself.
#[component]
fn StaysOnThisDevice() -> impl IntoView {
    let clinic = super::use_clinic();
    let set_up = move || clinic.value.with(|c| c.has_records());
    view! {
        <div class="nhsuk-inset-text" data-testid="stays-on-device">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>"Referrals and records stay on the device that took them. Add a referral on the device that runs the clinic."</p>
            <Show when=move || !set_up()>
                <p><strong>"This device has no clinic set up."</strong>" If the clinic is run on another computer or tablet, open the referral there instead."</p>
            </Show>
        </div>
    }
}

#[component]
fn ImportProblem(error: HandoverError) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout">
            <h2 class="nhsuk-warning-callout__label">
                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"This referral code cannot be used"</span>
            </h2>
            <p data-testid="import-problem">{error.message()}</p>
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
                {referral.answers.mentions_crisis().then(|| view! {
                    <div class="nhsuk-warning-callout" data-testid="import-at-risk">
                        <h2 class="nhsuk-warning-callout__label">
                            <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Read this referral now"</span>
                        </h2>
                        <p>"Their own words may mean they are thinking about hurting themselves or ending their life. "
                            "Read their answers below now, and follow the practice’s procedure for someone at risk today, "
                            "such as telling the duty GP."</p>
                    </div>
                })}
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
                        <StaysOnThisDevice />
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
