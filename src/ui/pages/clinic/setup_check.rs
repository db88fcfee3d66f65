//! The practice's set-up check: each setting as the app read it from
//! `config.json`, with any problem beside it; the addresses to give out; and
//! a test referral sent exactly as a patient's would be.

use crate::domain::config::{ConfigProblem, LoadedConfig, PracticeConfig};
use crate::domain::referral::{email, Reference};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::practice::Practice;
use crate::ui::{today, use_base};
use leptos::prelude::*;

/// Every setting a practice can write in `config.json`, with what it is for.
const SETTINGS: [(&str, &str); 11] = [
    ("practice_name", "The practice's name"),
    ("address", "The practice's address"),
    ("phone", "The practice's phone number"),
    ("referral_email", "Where patients email their referral"),
    (
        "clinic_team_name",
        "What the practice calls its link workers",
    ),
    (
        "reply_within_days",
        "Working days before a patient is contacted",
    ),
    ("app_address", "The app's address, for printed QR codes"),
    ("sharing", "Where the clinic is shared between devices"),
    (
        "show_volunteers",
        "The volunteers' faces on self-referral's last page",
    ),
    ("referral_kept", "How long the practice keeps a referral"),
    (
        "data_protection_officer",
        "How to reach the practice's Data Protection Officer",
    ),
];

#[component]
pub fn SetupCheck() -> impl IntoView {
    page_title("Check the practice's settings");
    let practice = use_context::<Practice>();
    let loaded = move || practice.and_then(|p| p.0.get());
    view! {
        <BackLink href=use_base().href("clinic") text="Back to the clinic" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <h1>"Check the practice's settings"</h1>
                <p>"This page is for the practice. It shows what this app read from the file "
                    <code>"config.json"</code> " on your website, the addresses to give out, "
                    "and lets you send yourself a test referral."</p>
                {move || match loaded() {
                    None => view! { <p>"Reading config.json…"</p> }.into_any(),
                    Some(loaded) => view! { <Checked loaded /> }.into_any(),
                }}
            </div>
        </div>
    }
}

#[component]
fn Checked(loaded: LoadedConfig) -> impl IntoView {
    let LoadedConfig {
        config,
        mut problems,
    } = loaded;
    problems.extend(config.privacy_problems());
    let missing = problems.contains(&ConfigProblem::Missing);
    // A problem is shown beside the setting it is about; any other (about
    // the whole file, or a line of it) is shown above the settings.
    let general: Vec<String> = problems
        .iter()
        .filter(|p| p.setting().is_none())
        .map(ConfigProblem::message)
        .collect();
    let rows = SETTINGS.map(|(field, what)| {
        let beside: Vec<String> = problems
            .iter()
            .filter(|p| p.setting() == Some(field))
            .map(ConfigProblem::message)
            .collect();
        let value = setting_as_read(&config, field);
        view! {
            <div class="nhsuk-summary-list__row" data-testid=format!("setting-{field}")>
                <dt class="nhsuk-summary-list__key">{what} <br /><code>{field}</code></dt>
                <dd class="nhsuk-summary-list__value app-keep-lines">
                    {value}
                    {beside.into_iter().map(|m| view! {
                        <p class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">"Problem: "</span>{m}</p>
                    }).collect_view()}
                </dd>
            </div>
        }
    });
    view! {
        {missing.then(|| view! {
            <div class="nhsuk-warning-callout" data-testid="not-set-up">
                <h2 class="nhsuk-warning-callout__label">"This app is not set up yet"</h2>
                <p>"There is no config.json next to this app on your website. Until there is, patients see "
                    "\"Your GP practice\" and cannot email their referral."</p>
                <p>"Copy the file config.example.json in the same folder to config.json, "
                    "and change it to your practice's details."</p>
            </div>
        })}
        {(!missing && !general.is_empty()).then(|| view! {
            <div class="nhsuk-error-summary" role="alert" tabindex="-1">
                <h2 class="nhsuk-error-summary__title">"There is a problem with config.json"</h2>
                <ul class="nhsuk-list">
                    {general.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            </div>
        })}
        <h2>"Your settings"</h2>
        <dl class="nhsuk-summary-list">{rows.into_iter().collect_view()}</dl>
        <Addresses />
        <TestReferral config />
    }
}

/// A setting as the app uses it, or what it uses when it is not set.
fn setting_as_read(config: &PracticeConfig, field: &str) -> String {
    let default = PracticeConfig::default();
    let or_not_set = |value: Option<String>, instead: &str| {
        value.unwrap_or_else(|| format!("Not set: {instead}"))
    };
    match field {
        "practice_name" if config.practice_name == default.practice_name => {
            format!("Not set: \"{}\" is shown", default.practice_name)
        }
        "practice_name" => config.practice_name.clone(),
        "address" => or_not_set(
            (!config.address.is_empty()).then(|| config.address.join("\n")),
            "no address is shown",
        ),
        "phone" => or_not_set(config.phone.clone(), "no phone number is shown"),
        "referral_email" => or_not_set(
            config.referral_email.clone(),
            "patients cannot email their referral",
        ),
        "clinic_team_name" if config.clinic_team_name == default.clinic_team_name => {
            "Not set: patients read \"a link worker from\" the practice's name".to_string()
        }
        "clinic_team_name" => config.clinic_team_name.clone(),
        "reply_within_days" => or_not_set(
            config
                .reply_time()
                .map(|time| format!("Patients are told: contact you {time}")),
            "patients are not told how soon",
        ),
        "app_address" => or_not_set(
            config.app_address.clone(),
            "printed codes use the address this page is open at",
        ),
        "sharing" => or_not_set(
            config.sharing.clone(),
            "nothing is shared: each device keeps its own clinic",
        ),
        "show_volunteers" if config.show_volunteers => {
            "Shown, from volunteers.json beside config.json".to_string()
        }
        "show_volunteers" => "Not set: patients do not see the volunteers' faces".to_string(),
        "referral_kept" => format!(
            "{}The privacy page says: the practice keeps your referral {}.",
            if config.referral_kept.is_none() {
                "Not set. "
            } else {
                ""
            },
            config.referral_kept_wording()
        ),
        "data_protection_officer" => or_not_set(
            config.data_protection_officer.clone(),
            "patients are told to ask the practice for its Data Protection Officer",
        ),
        _ => String::new(),
    }
}

/// The full addresses of the pages to give out and link to.
#[component]
fn Addresses() -> impl IntoView {
    let base = use_base();
    let origin = window().location().origin().unwrap_or_default();
    let full = |page: &str| format!("{origin}{}", base.href(page));
    let address = |testid: &'static str, url: String| {
        view! { <p><a href=url.clone() data-testid=testid class="app-share-link">{url.clone()}</a></p> }
    };
    view! {
        <h2>"Addresses to give out"</h2>
        <h3>"For patients"</h3>
        <p>"To ask for support from a link worker (self-referral), for your website, texts and posters:"</p>
        {address("address-refer", full("refer"))}
        <p>"For a patient to make their own plan:"</p>
        {address("address-plan", full("plan"))}
        <h3>"For volunteer link workers"</h3>
        <p>"To run the clinic, on the practice's computer or tablet:"</p>
        {address("address-clinic", full("clinic"))}
    }
}

/// "Send a test referral": the patient's email, written out by this device's
/// email app, to the practice's referral address.
#[component]
fn TestReferral(config: PracticeConfig) -> impl IntoView {
    let reference = Reference::from_random((js_sys::Math::random() * 9.0e15) as u64);
    let referral = email::practice_test(today(), reference);
    let app_root = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        crate::ui::use_base().href("")
    );
    let button = match config.referral_email {
        Some(address) => view! {
            <p>"This opens your email app with a made-up referral to " <strong>{address.clone()}</strong>
                ", written exactly as a patient's would be. Press send, then check that it arrives."</p>
            <a class="nhsuk-button" role="button" data-testid="test-referral" href=email::mailto(&address, &referral, &app_root)>
                "Send a test referral"
            </a>
        }
        .into_any(),
        None => view! {
            <p>"There is no referral email address yet, so a test cannot be sent. "
                "Add " <code>"referral_email"</code> " to config.json."</p>
        }
        .into_any(),
    };
    view! {
        <h2>"Check that referrals arrive"</h2>
        {button}
        <h3>"Where a patient's referral comes from"</h3>
        <p>"A patient's referral email is sent from the patient's own email account, on their own phone or computer. "
            "This app has no server and sends nothing itself. The email's subject is \"Self-referral\" and its reference."</p>
        <p>"Treat it as any email from a patient: check who they are against your records, pass it to your link workers, "
            "and keep or delete it as your practice's rules for patient emails say. "
            "If a patient says they sent one and it has not arrived, ask them for its reference."</p>
    }
}
