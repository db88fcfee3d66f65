//! The confirmation, with the ways to hand the referral over without a
//! server; and the page for someone under 16.

use super::{use_draft, AnswersList, CrisisHelp, DeleteAnswers, UrgentHelpLine};
use crate::domain::clinic::faces::{read_faces_file, Face};
use crate::domain::fragment::Packed;
use crate::domain::referral::email;
use crate::domain::referral::{handover, Choice, Referral, Step};
use crate::ui::deflate::deflate;
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::photo::blob_address;
use crate::ui::practice::{use_practice, Practice};
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

/// The link the clinic's camera opens: deflated where the browser can, as
/// it is (an older but readable form) where it cannot.
async fn link_for(referral: &Referral, app_root: &str) -> String {
    let json = handover::referral_bytes(referral);
    let packed = match deflate(&json).await {
        Some(deflated) => Packed::Deflated(deflated),
        None => Packed::Plain(json),
    };
    handover::link(app_root, &handover::seal(&packed))
}

#[component]
fn Confirmation(referral: Referral) -> impl IntoView {
    let practice = use_practice();
    let base = use_base();
    let app_root = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        base.href("")
    );
    // What is emailed or copied carries the link, which brings the referral
    // into the clinic when opened on the clinic's own device.
    let sent_text = email::body(&referral, &app_root);
    let reference = referral.reference.to_string();
    let when = move || practice.get().reply_time().map(|time| format!(" {time}"));
    let in_crisis = referral.answers.mentions_crisis();
    // So that a referral lost on its way is noticed by the person too.
    let not_heard = move || {
        let practice = practice.get();
        let after = practice
            .reply_time()
            .map_or("after a week".to_string(), |time| {
                format!("{time} of sending it")
            });
        let phone = practice
            .phone_link()
            .zip(practice.phone.clone())
            .map(|(link, phone)| view! { " on " <a href=link>{phone}</a> });
        view! { "If nobody has been in touch " {after} ", contact " {practice.practice_name} {phone} "." }
    };
    let how = referral
        .answers
        .contact_method
        .map(|m| format!(" by {}", m.label().to_ascii_lowercase()))
        .unwrap_or_default();
    let email = {
        let referral = referral.clone();
        let app_root = app_root.clone();
        move || {
            practice.get().referral_email.map(|address| {
                view! {
                    <h3>"Email it to the practice"</h3>
                    <p>"This opens your email app with your referral written out. Check it, then press send."</p>
                    <a class="nhsuk-button" role="button" href=email::mailto(&address, &referral, &app_root)>
                        "Email my referral"
                    </a>
                }
            })
        }
    };
    // The QR code carries the referral compressed (version 2), so that a
    // phone camera reads it from a screen; the email and copied text carry
    // the longer version 1 link, which has no such limit.
    let qr_link = RwSignal::new(None::<String>);
    {
        let referral = referral.clone();
        let faces = base.file("volunteers.json");
        let practice = use_context::<Practice>();
        leptos::task::spawn_local(async move {
            qr_link.set(Some(link_for(&referral, &app_root).await));
            show_volunteers(practice, faces).await;
        });
    }
    let code = {
        let reference = reference.clone();
        move || {
            qr_link.get().map(|link| {
                view! { <QrCode text=link label=format!("QR code holding referral {reference}") /> }
            })
        }
    };
    let copied = RwSignal::new(None::<&'static str>);
    let copy = {
        let text = sent_text.clone();
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
                <CrisisHelp shown=Signal::stored(in_crisis) />
                <h2>"What happens next"</h2>
                <p>"Your referral has not been sent yet. Choose one of the ways below to send it to "
                    {move || practice.get().practice_name} "."</p>
                <p>"A link worker will then contact you" {how} {when} "."</p>
                <p>{not_heard}</p>
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
                    {code}
                </div>
                // After the ways to send it, so that the faces never push them off a phone's screen.
                <div id="who-you-may-meet"></div>
                <details class="nhsuk-details app-no-print">
                    <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">"See what you are sending"</span>
                    </summary>
                    <div class="nhsuk-details__text">
                        <pre class="app-referral-text" data-testid="referral-text">{sent_text}</pre>
                    </div>
                </details>
                // On paper the answers are always shown (a closed <details> prints empty).
                <div class="app-print-only"><AnswersList answers=referral.answers.clone() /></div>
                <UrgentHelpLine />
                <DeleteAnswers />
            </div>
        </div>
    }
}

/// The volunteers a person may meet, where the practice shows them
/// (`show_volunteers`), from the `volunteers.json` the clinic made for its
/// website. A missing or broken file shows nothing: there is nothing a
/// patient could do about it. Waits for `config.json`, which the app reads
/// as it starts, rather than following it with a view: every patient
/// downloads this part, and a view (with the page's own fetch) cost it
/// 0.6 KB more, gzipped.
async fn show_volunteers(practice: Option<Practice>, url: String) {
    let Some(Practice(read)) = practice else {
        return;
    };
    let shown = loop {
        match read.get_untracked() {
            Some(loaded) => break loaded.config.show_volunteers,
            // Looked at ten times a second: a timer of 0 ran hundreds of
            // times a second on a slow network, on the patient's battery.
            None => crate::ui::app::wait_ms(100).await,
        }
    };
    if !shown {
        return;
    }
    if let Some(text) = crate::ui::practice::fetch_text(&url).await {
        show_faces(&read_faces_file(&text));
    }
}

/// Draws the faces into the page's place for them. Written with the DOM
/// directly, not as a Leptos view: every patient downloads this part, and a
/// view of cards cost it 1.8 KB more, gzipped. Every text is set as text.
fn show_faces(faces: &[Face]) -> Option<()> {
    let page = document();
    let place = page.get_element_by_id("who-you-may-meet")?;
    let add = |parent: &web_sys::Element, tag: &str, class: &str, text: Option<&str>| {
        let element = page.create_element(tag).ok()?;
        element.set_class_name(class);
        element.set_text_content(text);
        parent.append_child(&element).ok()?;
        Some(element)
    };
    if faces.is_empty() {
        return None;
    }
    add(&place, "h2", "", Some("Who you may meet"))?;
    add(&place, "p", "", Some("Our volunteer link workers:"))?;
    let list = add(&place, "ul", "app-faces", None)?;
    list.set_attribute("data-testid", "faces").ok()?;
    for face in faces {
        let card = add(&list, "li", "app-face", None)?;
        if let Some(src) = face.photo.as_deref().and_then(blob_address) {
            let photo = add(&card, "img", "app-photo", None)?;
            photo.set_attribute("src", &src).ok()?;
            photo.set_attribute("alt", "").ok()?;
        }
        add(&card, "p", "app-face__name", Some(&face.name))?;
        add(&card, "p", "", Some(&face.about))?;
    }
    Some(())
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
                <UrgentHelpLine />
                <DeleteAnswers />
            </div>
        </div>
    }
}
