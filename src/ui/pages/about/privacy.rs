//! The privacy statement, in plain words: what UK GDPR says a person must be
//! told (who is responsible, what is kept and sent, for how long, their
//! rights and who to contact), for an app that keeps what is typed on the
//! device until the person sends it.

use super::{BackToThePageBefore, PracticeContact};
use crate::ui::pages::page_title;
use crate::ui::practice::use_practice;
use leptos::prelude::*;

#[component]
pub fn Privacy() -> impl IntoView {
    page_title("How this app uses your information");
    let practice = use_practice();
    let name = move || practice.get().practice_name;
    view! {
        <BackToThePageBefore />
        <h1>"How this app uses your information"</h1>
        <p class="nhsuk-body-l">"What you type into this app stays on this device."</p>

        <h2>"Who is responsible for your information"</h2>
        <p>
            {name}" runs this app. It is responsible for your information. "
            "The law calls this the \u{201c}data controller\u{201d}."
        </p>
        <PracticeContact />
        <DataProtectionOfficer />

        <h2>"Where your information is kept"</h2>
        <p>
            "The app keeps what you type in this browser on this device. It has no account and "
            "no server of its own. The website only sends the app to your browser; it does not "
            "receive anything back."
        </p>

        <h2>"How long the app keeps it"</h2>
        <p>"Until you delete it. The app never sends it or deletes it by itself."</p>
        <p>"To delete it:"</p>
        <ul>
            <li>"a referral: on any of its pages, choose \u{201c}Delete my answers from this device\u{201d}"</li>
            <li>"your plan: on its list of sections, choose \u{201c}Delete this plan from this phone\u{201d}"</li>
            <li>"everything: clear this website\u{2019}s data in your browser\u{2019}s settings"</li>
        </ul>

        <h2>"When your information is sent"</h2>
        <p>
            "Only when you choose to send it. The app tells you what will be sent before you send it. "
            "You can:"
        </p>
        <ul>
            <li>"email your referral to "{name}". It goes from your own email account."</li>
            <li>"print it, or show it at reception"</li>
            <li>"copy it, and paste it where you choose"</li>
            <li>"show a QR code. The device that scans it gets your referral or your plan."</li>
            <li>"share your plan by a link or a QR code. Anyone who opens the link can read the plan."</li>
        </ul>

        <h2>"What the practice does with your referral"</h2>
        <p>
            "When you send a referral, "{name}" uses it to contact you and to give you support "
            "from a link worker. This is part of your care. Link workers keep a note of the "
            "support they give you."
        </p>
        <p>
            "The law allows the practice to use your information to care for you. This is "
            "UK GDPR Article 6(1)(e) and Article 9(2)(h). The practice can tell you more: "
            "ask it for its privacy notice."
        </p>

        <h2>"How long the practice keeps your referral"</h2>
        <p data-testid="referral-kept">
            {name}" keeps your referral "{move || practice.get().referral_kept_wording().to_string()}"."
        </p>

        <h2>"Your rights"</h2>
        <p>"You can ask "{name}" to:"</p>
        <ul>
            <li>"give you a copy of the information it has about you"</li>
            <li>"correct information that is wrong"</li>
            <li>"delete your information, where the law allows (health records usually must be kept)"</li>
            <li>"use your information less, for example while something is checked"</li>
            <li>"stop using your information, if you object to how it is used"</li>
        </ul>
        <p>"What is on this device, you can read, change or delete yourself at any time."</p>

        <h2>"If you are not happy"</h2>
        <p>"Tell "{name}" first. If you are still not happy, you can complain to the "
            "Information Commissioner\u{2019}s Office (ICO):"</p>
        <ul>
            <li>"website: ico.org.uk"</li>
            <li>"helpline: "<a href="tel:03031231113">"0303 123 1113"</a></li>
            <li>"post: Information Commissioner\u{2019}s Office, Wycliffe House, Water Lane, "
                "Wilmslow, Cheshire, SK9 5AF"</li>
        </ul>

        <h2>"What the app does not do"</h2>
        <ul>
            <li>"It does not use cookies or tracking."</li>
            <li>"It does not load anything from other websites, such as fonts or adverts."</li>
            <li>"It does not share your information with anyone unless you choose to."</li>
        </ul>

        <h2>"If you share this device"</h2>
        <p>
            "Anyone who uses this browser on this device could see what you have saved. "
            "Delete what you have saved when you no longer need it."
        </p>
    }
}

/// How to reach the practice's Data Protection Officer: the practice's own
/// words when it gives them, or to ask the practice.
#[component]
fn DataProtectionOfficer() -> impl IntoView {
    let practice = use_practice();
    view! {
        <p data-testid="data-protection-officer">
            {move || {
                let practice = practice.get();
                match practice.data_protection_officer_contact() {
                    Some(contact) => format!(
                        "Its Data Protection Officer checks that it follows the law. Contact them: {contact}."
                    ),
                    None => format!(
                        "Its Data Protection Officer checks that it follows the law. To reach them, contact {} and ask for the Data Protection Officer.",
                        practice.practice_name
                    ),
                }
            }}
        </p>
    }
}
