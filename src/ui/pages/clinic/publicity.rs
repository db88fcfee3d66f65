//! The clinic's printed ways of getting known: a referral pad for the
//! practice's staff to hand to patients, and a poster for the waiting room.
//! Both are printed from the browser and send a patient to self-referral by
//! a QR code and a short written address.

use super::{href, use_clinic};
use crate::domain::clinic::publicity::{
    app_address, clinic_times, refer_link, times_or_ask, written_refer_address, AppAddress,
    ASK_WHEN,
};
use crate::domain::referral::suggested::SuggestedBy;
use crate::ui::form::{Bound, Offer, Radios};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use crate::ui::qr::QrCode;
use crate::ui::{today, use_base};
use leptos::prelude::*;

/// How many slips an A4 sheet prints.
const SLIPS: usize = 6;

/// The app's address for printing: the practice's `app_address`, or where
/// this page is open.
fn printed_address() -> Signal<AppAddress> {
    let practice = use_practice();
    let served_from = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        use_base().href("")
    );
    Signal::derive(move || app_address(practice.get().app_address.as_deref(), &served_from))
}

/// When the clinic runs, or what to do when it has no weekly sessions.
pub(super) fn clinic_times_line() -> Signal<String> {
    let clinic = use_clinic();
    Signal::derive(move || clinic.value.with(|c| times_or_ask(&c.sessions, today())))
}

/// Said instead of printing a link a patient's phone cannot open.
#[component]
fn OnlyHereWarning(address: String, what: &'static str) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout" data-testid="address-only-here">
            <h2 class="nhsuk-warning-callout__label"><span role="text">
                <span class="nhsuk-u-visually-hidden">"Important: "</span>
                "A patient’s phone cannot open this address"</span></h2>
            <p>{format!("This page is open at {address}, which is this computer’s own address or one only the practice’s network reaches. {what} printed from here would send patients to a page their phones cannot open.")}</p>
            <p>"Open this page at the app’s web address, the one patients use, and print it from there. "
                "Or ask the practice to put that address in config.json as " <code>"app_address"</code> "."</p>
        </div>
    }
}

/// A warning when the clinic has no weekly sessions to print.
#[component]
fn NoSessionsHint() -> impl IntoView {
    let clinic = use_clinic();
    let none = move || {
        clinic
            .value
            .with(|c| clinic_times(&c.sessions, today()).is_empty())
    };
    move || {
        none().then(|| view! {
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>{format!("The clinic has no weekly sessions yet, so this says “{}” ", ASK_WHEN)}
                    <a href=href("clinic/sessions")>"Add the clinic’s sessions"</a> " to show its days and times."</p>
            </div>
        })
    }
}

/// The top of a print page, left off the paper: the way back, the title,
/// what the page is for (`children`), and why nothing is printed when a
/// phone could not open the address (`what` would be printed).
#[component]
fn PrintPageTop(
    title: &'static str,
    address: Signal<AppAddress>,
    what: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="app-no-print">
            <BackLink href=href("clinic") text="Back to the clinic" />
            <h1>{title}</h1>
            {children()}
            {move || match address.get() {
                AppAddress::OnlyHere(address) => Some(view! { <OnlyHereWarning address what /> }),
                AppAddress::Public(_) => None,
            }}
            <NoSessionsHint />
        </div>
    }
}

#[component]
pub fn ReferralPad() -> impl IntoView {
    page_title("Print a referral pad");
    let address = printed_address();
    let chosen = RwSignal::new(None::<&'static str>);
    let offers: Vec<Offer> = SuggestedBy::REFERRERS
        .iter()
        .map(|kind| (kind.code(), kind.pad_for()))
        .collect();
    let bind = Bound {
        get: chosen.into(),
        set: Callback::new(move |code| chosen.set(code)),
    };
    let slips = move || {
        let kind = chosen.get().and_then(SuggestedBy::from_link)?;
        let AppAddress::Public(address) = address.get() else {
            return None;
        };
        Some(view! {
            <div class="app-no-print">
                <h2>"The slips"</h2>
                <p>"One sheet of A4 prints 6 slips like this one. Cut along the dashed lines."</p>
                <p><button type="button" class="nhsuk-button" on:click=move |_| { let _ = window().print(); }>"Print the slips"</button></p>
            </div>
            <div class="app-pad" data-testid="pad">
                {(0..SLIPS).map(|n| view! { <Slip address=address.clone() kind first=n == 0 /> }).collect_view()}
            </div>
        })
    };
    view! {
        <PrintPageTop title="Print a referral pad" address what="Slips">
            <p>"Slips for the practice’s staff to give to a patient a link worker could help. "
                "The patient takes the slip to reception to book, or scans its code to refer themselves on their phone."</p>
            <p>"Print a pad for each kind of staff, and leave it where they see patients: it reminds them the clinic is there. "
                "Each code says who suggested it, so the reports can count where referrals come from. "
                "Nothing about the patient is in the code."</p>
        </PrintPageTop>
        <div class="app-no-print">
            <Radios id="pad-for" legend="Who is this pad for?" choices=offers bind />
        </div>
        {slips}
    }
}

/// One slip of a pad: only the first is shown on screen; all are printed.
#[component]
fn Slip(address: String, kind: SuggestedBy, first: bool) -> impl IntoView {
    let practice = use_practice();
    let times = clinic_times_line();
    let link = refer_link(&address, Some(kind));
    view! {
        <div class="app-slip" class:app-print-only=!first>
            <p class="app-slip__practice">{move || practice.get().practice_name}</p>
            <h2 class="app-slip__title">"Talk to a link worker"</h2>
            <p>"A link worker can help with things like feeling lonely, money worries, housing or stress."</p>
            <p><strong>"When: "</strong>{times}</p>
            <p><strong>"To book: "</strong>"give this slip to reception."</p>
            <div class="app-slip__scan">
                <QrCode text=link label="QR code to refer yourself".to_string() />
                <p>"Or scan this code with your phone’s camera to ask for help yourself."</p>
            </div>
            <p>"Or go to " <WrittenAddress address=address.clone() class="app-slip__address" /></p>
        </div>
    }
}

/// The self-referral's address written short, breaking only after a slash
/// or a dot when it is too long for its line.
#[component]
fn WrittenAddress(address: String, class: &'static str) -> impl IntoView {
    let written = written_refer_address(&address);
    let pieces = written
        .split_inclusive(['/', '.'])
        .map(|piece| view! { {piece.to_string()}<wbr /> })
        .collect_view();
    view! { <strong class=class>{pieces}</strong> }
}

#[component]
pub fn Poster() -> impl IntoView {
    page_title("Print a waiting-room poster");
    let address = printed_address();
    let practice = use_practice();
    let times = clinic_times_line();
    let poster = move || {
        let AppAddress::Public(address) = address.get() else {
            return None;
        };
        Some(view! {
            <p class="app-no-print"><button type="button" class="nhsuk-button" on:click=move |_| { let _ = window().print(); }>"Print the poster"</button></p>
            <div class="app-poster" data-testid="poster">
                <p class="app-poster__title">"Feeling lonely, stressed or stuck?"</p>
                <p class="app-poster__lead">"A link worker can help."</p>
                <p>"A link worker gives you time to talk about what matters to you. They help you find support near you."</p>
                <p>"They can help with things like:"</p>
                <ul>
                    <li>"feeling lonely"</li>
                    <li>"money worries"</li>
                    <li>"housing"</li>
                    <li>"stress"</li>
                    <li>"local groups and things to do"</li>
                </ul>
                <h2>"How to ask"</h2>
                <div class="app-poster__scan">
                    <QrCode text=refer_link(&address, None) label="QR code to refer yourself".to_string() />
                    <p>"Scan the code with your phone’s camera. Or go to "
                        <WrittenAddress address=address.clone() class="app-poster__address" />
                        ". Or ask at reception."</p>
                </div>
                <h2>"When"</h2>
                <p>{times}</p>
                <div class="app-poster__urgent">
                    <h2>"Need help now?"</h2>
                    <p>"In an emergency, call 999. For urgent medical help, call 111. "
                        "To talk to someone day or night, call Samaritans free on 116 123."</p>
                </div>
                <p class="app-poster__practice">{move || practice.get().practice_name}</p>
            </div>
        })
    };
    view! {
        <PrintPageTop title="Print a waiting-room poster" address what="A poster">
            <p>"An A4 poster for the waiting room, in large print that can be read from 2 metres away. "
                "Its code opens self-referral on a patient’s phone."</p>
        </PrintPageTop>
        {poster}
    }
}
