//! Which page shows at which path, one function per area of the app. Each
//! area's bundle (`src/bin/<area>.rs`) names only its own function, so the
//! others' pages are left out of it. The areas that save show when a change
//! could not be written to the device ([`NotStoredNotice`]); home, which
//! keeps nothing on the device, leaves its code out, and the store's too
//! ([`super::mount_keeping_nothing`]).

use super::lock::LockGate;
use super::pages::clinic::{ClinicFlow, ClinicPlanFlow, SetupCheck, SetupFlow};
use super::pages::directory::DirectoryFlow;
use super::pages::plan::{LockPlanPage, PlanFlow, PlanLockGate, SharePlanFlow};
use super::pages::refer::ReferFlow;
use super::pages::reminders::RemindersFlow;
use super::pages::{
    Accessibility, BackupPage, Home, LockPage, MergePage, NotFound, Privacy, ReportsPage,
    SharingPage,
};
use super::router::own_page;
use super::saved::{read_ahead, NotStoredNotice};
use super::sharing_turn::SharingInBackground;
use crate::domain::clinic::parts::Held;
use crate::domain::clinic::Clinic;
use crate::store::vault;
use leptos::prelude::*;

/// Reads the clinic ahead of drawing the page, for the areas whose every page
/// opens it first ([`super::mount_reading_first`]). Not while a passphrase is
/// set: the lock opens the records, a moment later. For the day view, only
/// the clinic's head and the year of the day it shows are read first.
pub fn read_clinic_first() {
    vault::install();
    if vault::is_set() {
        return;
    }
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if !path.trim_end_matches('/').ends_with("clinic/day") {
        read_ahead::<Clinic>(|_| {});
        return;
    }
    let search = location.search().unwrap_or_default();
    let asked = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|query| query.get("date"));
    read_ahead::<Clinic>(|clinic| {
        clinic.held = Held::day(clinic.day_to_show(asked.as_deref(), super::today()));
    });
}

/// The home page, and "Page not found" for any unknown address.
pub fn home(page: Memo<String>) -> AnyView {
    (move || {
        own_page(|| match page.get().as_str() {
            "" => Home().into_any(),
            _ => NotFound().into_any(),
        })
    })
    .into_any()
}

/// How the app uses a person's information, and how accessible it is.
pub fn about(page: Memo<String>) -> AnyView {
    (move || {
        own_page(|| match page.get().as_str() {
            "privacy" => Privacy().into_any(),
            "accessibility" => Accessibility().into_any(),
            _ => NotFound().into_any(),
        })
    })
    .into_any()
}

/// Self-referral: the draft is kept while the person moves between its pages.
pub fn refer(page: Memo<String>) -> AnyView {
    view! { <NotStoredNotice /><ReferFlow page /> }.into_any()
}

/// The person's own plan: the plans are opened once for all its pages,
/// once unlocked when the person has protected it with a passphrase.
pub fn plan(page: Memo<String>) -> AnyView {
    view! {
        <NotStoredNotice />
        <PlanLockGate><PlanFlow page /></PlanLockGate>
    }
    .into_any()
}

/// Sharing a plan by a QR code, and the page a shared plan opens on, once
/// the plan is unlocked.
pub fn plan_share(page: Memo<String>) -> AnyView {
    view! {
        <NotStoredNotice />
        <PlanLockGate><SharePlanFlow page /></PlanLockGate>
    }
    .into_any()
}

/// The plan's optional passphrase: set it, unlock the plan, lock it now,
/// remove it.
pub fn plan_lock(page: Memo<String>) -> AnyView {
    (move || {
        own_page(|| match page.get().as_str() {
            "plan/lock" => LockPlanPage().into_any(),
            _ => NotFound().into_any(),
        })
    })
    .into_any()
}

/// The volunteers' clinic: the clinic is opened once for all its pages.
pub fn clinic(page: Memo<String>) -> AnyView {
    view! { <NotStoredNotice /><LockGate><SharingInBackground /><ClinicFlow page /></LockGate> }
        .into_any()
}

/// A person's plan, built and reviewed with them at the clinic.
pub fn clinic_plan(page: Memo<String>) -> AnyView {
    view! { <NotStoredNotice /><LockGate><ClinicPlanFlow page /></LockGate> }.into_any()
}

/// Setting the clinic up: sessions and closed dates, volunteers and the rota; and
/// the practice's set-up check, which shows no records and so is not locked
/// (the practice manager may not know the clinic's passphrase).
pub fn setup(page: Memo<String>) -> AnyView {
    let checking = Memo::new(move |_| page.get() == "clinic/check");
    (move || {
        if checking.get() {
            own_page(|| SetupCheck().into_any())
        } else {
            view! { <NotStoredNotice /><LockGate><SetupFlow page /></LockGate> }.into_any()
        }
    })
    .into_any()
}

/// The clinic's texts: the next clinic day's reminders and their wording.
pub fn reminders(page: Memo<String>) -> AnyView {
    view! { <NotStoredNotice /><LockGate><RemindersFlow page /></LockGate> }.into_any()
}

/// Backing up and restoring everything the app keeps on the device, merging
/// another device's records, and the lock.
pub fn backup(page: Memo<String>) -> AnyView {
    view! {
        <NotStoredNotice />
        <LockGate>
            {move || {
                own_page(|| match page.get().as_str() {
                    "clinic/backup" => BackupPage().into_any(),
                    "clinic/backup/merge" => MergePage().into_any(),
                    "clinic/backup/sharing" => SharingPage().into_any(),
                    "clinic/lock" => LockPage().into_any(),
                    _ => NotFound().into_any(),
                })
            }}
        </LockGate>
    }
    .into_any()
}

/// The local services directory: the directory is opened once for its pages.
pub fn directory(page: Memo<String>) -> AnyView {
    view! { <NotStoredNotice /><LockGate><DirectoryFlow page /></LockGate> }.into_any()
}

/// What the clinic did in a period.
pub fn reports(page: Memo<String>) -> AnyView {
    view! {
        <NotStoredNotice />
        <LockGate>
            {move || {
                own_page(|| match page.get().as_str() {
                    "clinic/reports" => ReportsPage().into_any(),
                    _ => NotFound().into_any(),
                })
            }}
        </LockGate>
    }
    .into_any()
}
