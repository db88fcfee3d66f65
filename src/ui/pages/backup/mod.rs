//! Back up and restore: one file holding everything the app keeps on this
//! device, downloaded when the person chooses; and a backup file checked from
//! end to end, previewed, and written only when the person says so. Another
//! volunteer's backup can also be [`merge`]d in.

mod checked;
mod device;
mod lock;
mod merge;
mod restore;
mod sharing;

pub use lock::LockPage;
pub use merge::MergePage;
pub use sharing::SharingPage;

use super::form_errors;
use crate::domain::backup_habit::{check_remind_after, BackupHabit};
use crate::store::backend::BrowserStorage;
use crate::store::backup;
use crate::store::documents::KNOWN;
use crate::ui::form::ErrorSummary;
use crate::ui::form::{bind, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::saved::{now_stamp, SaveProblemNotice, Saved};
use crate::ui::{file_url, today, use_base};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const TITLE: &str = "Back up or restore the clinic's data";

#[component]
pub fn BackupPage() -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let base = use_base();
    let made = RwSignal::new(None::<String>);
    let write_problem = RwSignal::new(None::<&'static str>);
    let undo_offered = RwSignal::new(backup::undoable(&BrowserStorage).is_some());
    // Made when asked, so the file holds what is stored at that moment.
    let habit = Saved::<BackupHabit>::open();
    let remind_after = RwSignal::new(habit.value.get_untracked().remind_after_days.to_string());
    let reminder_saved = RwSignal::new(false);
    let save_reminder = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reminder_saved.set(false);
        match check_remind_after(&remind_after.get_untracked()) {
            Ok(days) => {
                errors.set(Vec::new());
                habit.update(|h| h.remind_after_days = days);
                reminder_saved.set(habit.problem.get_untracked().is_none());
            }
            Err(error) => errors.set(vec![error]),
        }
    };
    let download = move |_| {
        let now = now_stamp();
        // Said before the file is made, so a restored copy knows it too.
        habit.update(|h| h.backed_up(today()));
        // The backup carries each clinic record's history, for merging. If
        // that cannot be saved, the backup still holds the last one saved.
        let _ = backup::stamp_ledger(&crate::store::Store::new(BrowserStorage), &now);
        match backup::make(&BrowserStorage, KNOWN, &now, &device::device_name()) {
            Ok(file) => {
                let link = document()
                    .create_element("a")
                    .ok()
                    .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
                let name = device::backup_file_name(crate::store::vault::is_set());
                if let Some(link) = link {
                    link.set_href(&file_url(&file, "application/json"));
                    link.set_download(&name);
                    link.click();
                }
                made.set(Some(name));
                // A new backup holds the restored data: what was there before is let go.
                let _ = backup::forget_undo(&BrowserStorage);
                undo_offered.set(false);
            }
            Err(error) => write_problem.set(Some(error.message())),
        }
    };
    // Whether the browser may clear the records when the device is short of space.
    let kept = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move { kept.set(Some(crate::store::backend::kept().await)) });
    let practice = crate::ui::practice::use_practice();
    let sharing_href = base.href("clinic/backup/sharing");
    view! {
        <BackLink href=base.href("clinic") text="Back to the clinic" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <ErrorSummary />
                {move || write_problem.get().map(|message| view! {
                    <div class="nhsuk-error-summary" role="alert" tabindex="-1" aria-labelledby="write-problem-title">
                        <h2 class="nhsuk-error-summary__title" id="write-problem-title">"Nothing was changed"</h2>
                        <div class="nhsuk-error-summary__body"><p>{message}</p></div>
                    </div>
                })}
                <h1>{TITLE}</h1>
                <p>"Everything this app keeps is on this device only. A backup is one file holding all of it: the clinic, self-referrals scanned in, plans and the wording of texts. Keep it somewhere safe, such as the practice's shared drive: it has people's details in it."</p>
                <SaveProblemNotice saved=habit />
                {move || kept.get().map(|kept| view! {
                    <p data-testid="storage-kept">{if kept {
                        "This browser has agreed to keep the clinic’s records, even when the device is short of space. Backups are still the only copy if the device is lost or broken."
                    } else {
                        "This browser may clear the clinic’s records when the device is short of space: keep backups."
                    }}</p>
                })}
                <h2>"Download a backup"</h2>
                <p data-testid="last-backup">{move || habit.value.with(BackupHabit::last_words)}</p>
                <button type="button" class="nhsuk-button" on:click=download>"Download a backup"</button>
                {move || made.get().map(|name| view! { <p role="status" data-testid="backup-made">{format!("Downloaded {name}.")}</p> })}
                <device::DeviceName errors />
                <form novalidate on:submit=save_reminder>
                    <TextInput id="remind-after" label="Remind me to back up when the last backup is older than this many days"
                        hint=Some("The clinic’s front page shows a reminder. For example, 7") bind=bind(remind_after, |v| v.clone(), |v, new| *v = new)
                        width=Some("nhsuk-input--width-3") />
                    <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Save the reminder setting"</button>
                    {move || reminder_saved.get().then(|| view! {
                        <p role="status" data-testid="reminder-saved">{format!("Saved. The reminder shows after {} days.", habit.value.with(|h| h.remind_after_days))}</p>
                    })}
                </form>
                <h2>"Restore from a backup"</h2>
                <p>"Use this to move the clinic to a new device, or to go back to a backup. You will see what the file holds before anything changes."</p>
                <restore::Restore errors undo_offered />
                <h2>"Add another volunteer’s records"</h2>
                <p>"If two volunteers have kept the clinic on different devices, you can bring the other device’s records into this one without losing either."</p>
                <p><a href=base.href("clinic/backup/merge")>"Add records from another device’s backup"</a></p>
                {move || practice.get().sharing.is_some().then(|| view! {
                    <h2>"Share the clinic live"</h2>
                    <p>"The practice has set up a server so that volunteers’ devices share the clinic as they work."</p>
                    <p><a href=sharing_href.clone()>"Share the clinic with other devices"</a></p>
                })}
            </div>
        </div>
    }
}
