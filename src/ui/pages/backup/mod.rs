//! Back up and restore: one file holding everything the app keeps on this
//! device, downloaded when the person chooses; and a backup file checked from
//! end to end, previewed, and written only when the person says so. Another
//! volunteer's backup can also be [`merge`]d in.

mod lock;
mod merge;

pub use lock::LockPage;
pub use merge::MergePage;

use super::form_errors;
use crate::domain::backup_habit::{check_remind_after, BackupHabit};
use crate::domain::form::FieldError;
use crate::store::backend::BrowserStorage;
use crate::store::backup::{self, Restorable};
use crate::store::documents::KNOWN;
use crate::ui::banner::NotificationBanner;
use crate::ui::form::ErrorSummary;
use crate::ui::form::{bind, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::saved::{now_stamp, SaveProblemNotice, Saved};
use crate::ui::{file_url, today, use_base};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads the backup file chosen in a file input, checks it from end to end,
/// and hands over what it holds or why it cannot be used.
fn read_backup(
    ev: leptos::ev::Event,
    then: impl FnOnce(Result<Restorable, backup::BackupProblem>) + 'static,
) {
    crate::ui::read_chosen_file(ev, backup::LARGEST, move |text| {
        then(match text {
            Some(text) => backup::open(&text, KNOWN),
            None => Err(backup::BackupProblem::TooLarge),
        })
    });
}

/// The GOV.UK file upload field for a backup file, with its error.
#[component]
fn BackupFileField(
    label: &'static str,
    error: Signal<Option<String>>,
    on_choose: impl FnMut(leptos::ev::Event) + 'static,
) -> impl IntoView {
    let group = move || {
        if error.get().is_some() {
            "nhsuk-form-group nhsuk-form-group--error"
        } else {
            "nhsuk-form-group"
        }
    };
    view! {
        <div class=group>
            <label class="nhsuk-label" for="backup-file">{label}</label>
            <div class="nhsuk-hint" id="backup-file-hint">"Its name starts with linkworker-backup"</div>
            {move || error.get().map(|message| view! {
                <span class="nhsuk-error-message" id="backup-file-error"><span class="nhsuk-u-visually-hidden">"Error: "</span>{message}</span>
            })}
            <input class="nhsuk-file-upload" id="backup-file" name="backup-file" type="file" accept=".json,application/json"
                aria-describedby=move || if error.get().is_some() { "backup-file-hint backup-file-error" } else { "backup-file-hint" }
                on:change=on_choose />
        </div>
    }
}

const TITLE: &str = "Back up or restore the clinic's data";

#[component]
pub fn BackupPage() -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let base = use_base();
    let clinic_link = StoredValue::new(base.href("clinic"));
    let made = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(None::<Restorable>);
    let restored = RwSignal::new(false);
    let write_problem = RwSignal::new(None::<&'static str>);
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
        match backup::make(&BrowserStorage, KNOWN, &now) {
            Ok(file) => {
                let link = document()
                    .create_element("a")
                    .ok()
                    .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
                if let Some(link) = link {
                    link.set_href(&file_url(&file, "application/json"));
                    link.set_download(&backup::file_name(&now[..10.min(now.len())]));
                    link.click();
                }
                made.set(Some(backup::file_name(&now[..10.min(now.len())])));
            }
            Err(error) => write_problem.set(Some(error.message())),
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        restored.set(false);
        chosen.set(None);
        read_backup(ev, move |opened| match opened {
            Ok(backup) => {
                errors.set(Vec::new());
                chosen.set(Some(backup));
            }
            Err(problem) => errors.set(vec![FieldError::new("backup-file", problem.message())]),
        });
    };
    let restore = move |_| {
        let Some(backup) = chosen.get_untracked() else {
            return;
        };
        match backup::restore(&BrowserStorage, &backup) {
            Ok(()) => {
                // The records are now the backup's, locked with its passphrase if it had one.
                crate::store::vault::lock();
                write_problem.set(None);
                chosen.set(None);
                restored.set(true);
            }
            Err(crate::store::SaveError::Full) => write_problem.set(Some(
                "The backup is too large for this browser’s storage for this app on this device. Everything on the device is as it was.",
            )),
            Err(error) => write_problem.set(Some(error.message())),
        }
    };
    let error =
        Signal::derive(move || errors.with(|e| crate::domain::form::error_for(e, "backup-file")));
    let preview = move || {
        chosen.get().map(|backup| {
            let when = backup.made.get(..10).and_then(crate::domain::dates::parse_iso).map(crate::domain::dates::long_date).unwrap_or_default();
            let holds = backup::describe_all(&backup.documents)
                .into_iter()
                .map(|said| view! { <li>{said}</li> })
                .collect_view();
            let on_device: Vec<(String, String)> = crate::store::stored_kinds(&BrowserStorage, KNOWN)
                .into_iter()
                .filter_map(|kind| {
                    let raw = crate::store::Backend::read(&BrowserStorage, &crate::store::document_key(&kind)).ok()??;
                    Some((kind, raw))
                })
                .collect();
            let now_on_device = backup::describe_all(&on_device);
            let now_on_device = if now_on_device.is_empty() {
                view! { <p>"Nothing is kept on this device now."</p> }.into_any()
            } else {
                view! {
                    <p>"On this device now:"</p>
                    <ul>{now_on_device.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                }
                .into_any()
            };
            view! {
                <div data-testid="backup-preview">
                    <h3>{format!("This backup was made on {when}. It holds:")}</h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">{holds}</ul>
                    <div class="nhsuk-warning-callout">
                        <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"It replaces what is on this device"</span></h3>
                        {now_on_device}
                        <p>"Download a backup of this device first if you may need it."</p>
                    </div>
                    <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=restore>"Restore this backup"</button>
                </div>
            }
        })
    };
    view! {
        <BackLink href=base.href("clinic") text="Back to the clinic" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <ErrorSummary />
                <Show when=move || restored.get()>
                    <NotificationBanner id="restored" title="Success" heading="The backup has been restored">
                        <p>"Everything in it is on this device now. " <a href=clinic_link.get_value()>"Go to the clinic"</a></p>
                    </NotificationBanner>
                </Show>
                {move || write_problem.get().map(|message| view! {
                    <div class="nhsuk-error-summary" role="alert" tabindex="-1" aria-labelledby="write-problem-title">
                        <h2 class="nhsuk-error-summary__title" id="write-problem-title">"Nothing was changed"</h2>
                        <div class="nhsuk-error-summary__body"><p>{message}</p></div>
                    </div>
                })}
                <h1>{TITLE}</h1>
                <p>"Everything this app keeps is on this device only. A backup is one file holding all of it: the clinic, self-referrals scanned in, plans and the wording of texts. Keep it somewhere safe, such as the practice's shared drive: it has people's details in it."</p>
                <SaveProblemNotice saved=habit />
                <h2>"Download a backup"</h2>
                <p data-testid="last-backup">{move || habit.value.with(BackupHabit::last_words)}</p>
                <button type="button" class="nhsuk-button" on:click=download>"Download a backup"</button>
                {move || made.get().map(|name| view! { <p role="status" data-testid="backup-made">{format!("Downloaded {name}.")}</p> })}
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
                <BackupFileField label="Choose the backup file" error on_choose=choose />
                {preview}
                <h2>"Add another volunteer’s records"</h2>
                <p>"If two volunteers have kept the clinic on different devices, you can bring the other device’s records into this one without losing either."</p>
                <p><a href=base.href("clinic/backup/merge")>"Add records from another device’s backup"</a></p>
            </div>
        </div>
    }
}
