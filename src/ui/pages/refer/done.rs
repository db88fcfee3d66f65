//! The confirmation, with the ways to hand the referral over without a
//! server; and the page for someone under 16.

use super::{use_draft, AnswersList, DeleteAnswers, UrgentHelpLine};
use crate::domain::referral::email;
use crate::domain::referral::text::plain_text;
use crate::domain::referral::{handover, Choice, Referral, Step};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use crate::ui::qr::QrCode;
use crate::ui::use_base;
use leptos::prelude::*;

#[component]
pub fn Done() -> impl IntoView {
    page_title("Your referral is ready to send");
    let saved = use_draft();
    let base = use_base();
    move || match saved.value.get().sent {
        Some(referral) => view! { <Confirmation referral /> }.into_any(),
        None => view! {
            <h1>"You have not confirmed a referral yet"</h1>
            <p><a href=base.href("refer")>"Go to the start of the form"</a></p>
        }
        .into_any(),
    }
}

#[component]
fn Confirmation(referral: Referral) -> impl IntoView {
    let practice = use_practice();
    let base = use_base();
    let text = plain_text(&referral);
    let reference = referral.reference.to_string();
    let when = move || practice.get().reply_time().map(|time| format!(" {time}"));
    let how = referral
        .answers
        .contact_method
        .map(|m| format!(" by {}", m.label().to_lowercase()))
        .unwrap_or_default();
    let email = {
        let referral = referral.clone();
        move || {
            practice.get().referral_email.map(|address| {
                view! {
                    <h3>"Email it to the practice"</h3>
                    <p>"This opens your email app with your referral written out. Check it, then press send."</p>
                    <a class="nhsuk-button" role="button" href=email::mailto(&address, &referral)>
                        "Email my referral"
                    </a>
                }
            })
        }
    };
    let app_root = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        base.href("")
    );
    let link = handover::import_link(&app_root, &referral);
    let copied = RwSignal::new(None::<&'static str>);
    let copy = {
        let text = text.clone();
        move |_| {
            crate::ui::copy_text(
                &text,
                copied,
                "Copied. You can now paste it into a message.",
            )
        }
    };
    view! {
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <div class="nhsuk-panel app-panel-confirmation">
                    <h1 class="nhsuk-panel__title">"Your referral is ready to send"</h1>
                    <div class="nhsuk-panel__body">
                        "Your reference is" <br />
                        <strong class="app-reference" data-testid="reference">{reference.clone()}</strong>
                    </div>
                </div>
                <p class="app-print-only">{format!("Reference {reference}")}</p>
                <h2>"What happens next"</h2>
                <p>"Your referral has not been sent yet. Choose one of the ways below to send it to "
                    {move || practice.get().practice_name} "."</p>
                <p>"A link worker will then contact you" {how} {when} "."</p>
                <div class="app-no-print">
                    <h2>"Ways to send it"</h2>
                    {email}
                    <h3>"Show it at reception, or print it"</h3>
                    <p>"Show this page at reception, or print it and take it with you."</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| { let _ = window().print(); }>
                        "Print my referral"
                    </button>
                    <h3>"Copy it into a message"</h3>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=copy>"Copy my referral"</button>
                    <p aria-live="polite" class="nhsuk-body-s">{move || copied.get()}</p>
                    <h3>"Let the clinic scan it"</h3>
                    <p>"At the practice, a volunteer can scan this code with the clinic's phone or tablet. "
                        "The code holds your referral. It is not sent over the internet."</p>
                    <QrCode text=link.clone() label=format!("QR code holding referral {reference}") />
                </div>
                <details class="nhsuk-details app-no-print">
                    <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">"See what you are sending"</span>
                    </summary>
                    <div class="nhsuk-details__text">
                        <pre class="app-referral-text" data-testid="referral-text">{text}</pre>
                    </div>
                </details>
                // On paper the answers are always shown (a closed <details> prints empty).
                <div class="app-print-only"><AnswersList answers=referral.answers.clone() /></div>
                <DeleteAnswers />
                <UrgentHelpLine />
            </div>
        </div>
    }
}

#[component]
pub fn UnderSixteen() -> impl IntoView {
    page_title("You need to be 16 or over to use this form");
    let practice = use_practice();
    let base = use_base();
    let phone = move || {
        let practice = practice.get();
        practice
            .phone_link()
            .zip(practice.phone)
            .map(|(link, phone)| view! { " on " <a href=link>{phone}</a> })
    };
    view! {
        <BackLink href=base.href(Step::DateOfBirth.path()) />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <h1>"You need to be 16 or over to use this form"</h1>
                <p>"We are glad you are looking for support. You can still get help."</p>
                <p>"Talk to a parent, carer or an adult you trust, or contact "
                    {move || practice.get().practice_name} {phone}
                    ". They can tell you about support for young people."</p>
                <p>"You can talk to Childline about anything, free, on "
                    <a href="tel:08001111">"0800 1111"</a> "."</p>
                <DeleteAnswers />
                <UrgentHelpLine />
            </div>
        </div>
    }
}
