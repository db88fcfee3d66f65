//! The accessibility statement, in the shape of the model statement for the
//! Public Sector Bodies Accessibility Regulations 2018: who it is for, how
//! accessible the app is and what is not, how to ask for help, enforcement,
//! the technical information, how it was tested and when. What it says is
//! known not to work must stay true: change it when the app or its tests do.

use super::{BackToThePageBefore, PracticeContact};
use crate::domain::accessibility::{as_read, LAST_REVIEWED, PREPARED};
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use leptos::prelude::*;

/// What a person should be able to do.
const USING: [&str; 7] = [
    "make the text bigger, up to 400%, without the page going off the side of the screen",
    "use the app on a small phone, 320 pixels wide",
    "use the app with a keyboard only",
    "use the app with a screen reader",
    "change colours and fonts in your browser\u{2019}s settings",
    "print your referral, or print your plan in large text",
    "hear your plan read aloud, where your browser can do this",
];

/// What is known not to be accessible, from the tests and what they leave out.
const KNOWN_PROBLEMS: [&str; 5] = [
    "When a passphrase is set, the clinic\u{2019}s records and a locked plan lock themselves after 15 minutes without use. \
     You can change this from 1 to 120 minutes, but you cannot turn it off, and the app does not warn you before it locks.",
    "Sharing a plan, or giving a plan at the clinic, shows a QR code that needs a phone camera. \
     You can copy or type the link instead, or print or email the plan.",
    "Printed pages (the referral pad, the poster, the faces board, printed plans and lists) are paper only: \
     the same details are on screen in the app.",
    "The clinic\u{2019}s pages are for the practice\u{2019}s volunteers. We have not checked every one of them \
     on a screen 320 pixels wide.",
    "No one has yet tested the app with a screen reader or voice control by hand, \
     and it has not been tested by disabled people. Problems that automatic checks cannot find may remain.",
];

/// What fails WCAG 2.2 AA.
const NOT_MET: [&str; 1] = [
    "The lock after a time without use cannot be turned off or made 10 times longer, and gives no warning. \
     This fails WCAG 2.2 success criterion 2.2.1 (timing adjustable). It is there to keep people\u{2019}s \
     records safe on a shared device. We plan to add a warning with a way to stay unlocked.",
];

/// What has not been checked.
const NOT_CHECKED: [&str; 3] = [
    "Some of the clinic\u{2019}s pages at 320 pixels wide: a person\u{2019}s record, booking, a plan made \
     at the clinic and a service\u{2019}s page in the directory (WCAG 1.4.10, reflow).",
    "How the app works with screen readers, voice control and Windows high contrast, tested by a person.",
    "Browsers other than Chromium (such as Safari and Firefox).",
];

/// How the app was tested.
const TESTED: [&str; 7] = [
    "axe, an automatic accessibility checker, with the WCAG 2.2 AA rules, on the pages and \
     error messages the tests open (from more than 170 places in the tests)",
    "the patient pages used with the keyboard alone: typing, Enter, Space and Tab",
    "every button, link and box on every patient page measured at 320 pixels wide: at least \
     24 pixels, and 44 pixels for what you tap to move on",
    "the main pages and these statements checked for sideways scrolling at 320 pixels wide, \
     which is the same as a 1280 pixel screen at 400% zoom",
    "21 of the clinic\u{2019}s pages checked for sideways scrolling at 320 pixels wide, with a clinic set up",
    "error messages checked at 320 by 200 pixels, the same as 400% zoom",
    "the first screen of the patient pages timed on a slow phone network",
];

/// A list of fixed sentences (one view for all of them keeps the bundle small).
fn list(items: &'static [&'static str]) -> impl IntoView {
    view! { <ul>{items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul> }
}

/// A heading and its paragraphs of fixed words.
fn section(heading: &'static str, paragraphs: &'static [&'static str]) -> impl IntoView {
    view! {
        <h2>{heading}</h2>
        {paragraphs.iter().map(|text| view! { <p>{*text}</p> }).collect_view()}
    }
}

#[component]
pub fn Accessibility() -> impl IntoView {
    page_title("Accessibility statement");
    let practice = use_practice();
    let name = move || practice.get().practice_name;
    let date = |iso: &str| as_read(iso).unwrap_or_default();
    view! {
        <BackToThePageBefore />
        <h1>"Accessibility statement"</h1>
        <p class="nhsuk-body-l">
            "This statement is about this social prescribing app, run by "{name}
            ". You can use it to refer yourself to a link worker and to make your own plan. "
            "The practice\u{2019}s volunteer link workers use it to run their clinic."
        </p>

        <h2>"Using this app"</h2>
        <p>"We want as many people as possible to be able to use this app. You should be able to:"</p>
        {list(&USING)}
        <p>"We have written the patient pages in plain English, with one question on each page."</p>
        <p>"AbilityNet has advice on making your device easier to use if you have a disability: abilitynet.org.uk."</p>

        <h2>"How accessible this app is"</h2>
        <p>"We know some parts of this app are not fully accessible:"</p>
        <div data-testid="known-problems">{list(&KNOWN_PROBLEMS)}</div>

        <h2>"What to do if you cannot use part of this app"</h2>
        <p>"If you need information from this app in another format, such as large print, easy read, "
            "an audio recording or braille, or you need help to refer yourself, contact the practice:"</p>
        <PracticeContact />
        <p>"You can also ask the practice\u{2019}s reception to refer you to a link worker instead."</p>

        <h2>"Reporting accessibility problems with this app"</h2>
        <p>"We are always looking to make this app better. If you find a problem that is not listed here, "
            "or you think we are not meeting the accessibility rules, contact "{name}" (details above)."</p>

        {section("Enforcement procedure", &[
            "The Equality and Human Rights Commission (EHRC) makes sure that public sector websites and apps \
             follow the accessibility rules (the Public Sector Bodies (Websites and Mobile Applications) (No. 2) \
             Accessibility Regulations 2018).",
        ])}
        <p>"If you are not happy with how the practice answers your complaint, contact the Equality Advisory "
            "and Support Service (EASS): equalityadvisoryservice.com, or phone "
            <a href="tel:08088000082">"0808 800 0082"</a>"."</p>
        <p>"In Northern Ireland, contact the Equality Commission for Northern Ireland instead: equalityni.org."</p>

        <h2>"Technical information about this app\u{2019}s accessibility"</h2>
        <p>{name}" is committed to making this app accessible, in line with the Public Sector Bodies "
            "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."</p>
        <h3>"Compliance status"</h3>
        <p data-testid="compliance">"This app is partially compliant with the Web Content Accessibility Guidelines "
            "(WCAG) version 2.2 AA standard, because of the problem listed below."</p>
        <h3>"Content that does not meet the accessibility rules"</h3>
        {list(&NOT_MET)}
        <h3>"What we have not checked"</h3>
        {list(&NOT_CHECKED)}

        {section("How we tested this app", &[
            "The app\u{2019}s makers test it with automatic tests that use the app in a real browser (Chromium):",
        ])}
        {list(&TESTED)}
        <p>"We have not had the app checked by an accessibility expert."</p>

        <h2>"Preparation of this accessibility statement"</h2>
        <p data-testid="statement-dates">
            "This statement was prepared on "{date(PREPARED)}". "
            "It was last reviewed on "{date(LAST_REVIEWED)}"."
        </p>
        <p>"The app was last tested on "{date(LAST_REVIEWED)}". The tests were run by the app\u{2019}s makers."</p>
    }
}
