//! Restoring a backup: the file is read whole and checked ([`ChooseBackup`]),
//! what it holds is shown beside what the device holds now, and only then,
//! when the person says so, is it written, with what it replaces kept on the
//! device so that the restore can be undone.

use super::checked::{Checked, ChooseBackup, RecordProblems};
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::form::FieldError;
use crate::store::backend::BrowserStorage;
use crate::store::backup::{self, contents};
use crate::store::documents::KNOWN;
use crate::store::{vault, Backend, SaveError};
use crate::ui::banner::NotificationBanner;
use crate::ui::saved::now_stamp;
use crate::ui::use_base;
use leptos::prelude::*;

/// "Tuesday 3 March 2026", from the start of an ISO time.
fn day_of(stamp: &str) -> String {
    stamp
        .get(..10)
        .and_then(parse_iso)
        .map(long_date)
        .unwrap_or_default()
}

/// What the device holds now, in words, one line a document.
fn on_device() -> Vec<String> {
    let documents: Vec<(String, String)> = crate::store::stored_kinds(&BrowserStorage, KNOWN)
        .into_iter()
        .filter_map(|kind| {
            let raw = BrowserStorage
                .read(&crate::store::document_key(&kind))
                .ok()??;
            Some((kind, raw))
        })
        .collect();
    backup::describe_all(&documents)
}

/// The backup as it is to be written: the file's own documents, or, when
/// the person chose to go on without records that break the rules, the
/// clinic written again without them (locked again if the backup was).
async fn to_write(checked: &Checked) -> Result<backup::Restorable, backup::BackupProblem> {
    if checked.contents.problems.is_empty() {
        return Ok(checked.backup.clone());
    }
    let texts =
        contents::clinic_texts_without_problems(&checked.backup, &checked.contents, &now_stamp());
    let texts = vault::lock_as_backup(&checked.opened, texts).await?;
    Ok(contents::with_clinic_texts(&checked.backup, &texts))
}

#[component]
pub fn Restore(errors: RwSignal<Vec<FieldError>>, undo_offered: RwSignal<bool>) -> impl IntoView {
    let base = use_base();
    let clinic_link = StoredValue::new(base.href("clinic"));
    let checked = RwSignal::new_local(None::<Checked>);
    let restored = RwSignal::new(false);
    let undone = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let writing = RwSignal::new(false);
    let full = "The backup is too large for this browser’s storage for this app on this device, with a copy of what is here now kept to undo the restore. Everything on the device is as it was. Free some space, or download a backup of this device first, then try again.";

    Effect::new(move || {
        if checked.with(Option::is_some) {
            restored.set(false);
            undone.set(false);
            problem.set(None);
        }
    });

    let restore = move |_| {
        let Some(ready) = checked.get_untracked() else {
            return;
        };
        writing.set(true);
        leptos::task::spawn_local(async move {
            let written = match to_write(&ready).await {
                Ok(backup) => {
                    backup::restore_keeping_undo(&BrowserStorage, KNOWN, &backup, &now_stamp())
                        .map_err(|error| match error {
                            SaveError::Full => full.to_string(),
                            other => other.message().to_string(),
                        })
                }
                Err(why) => Err(why.message()),
            };
            writing.set(false);
            match written {
                Ok(()) => {
                    // The records are now the backup's, locked with its passphrase if it had one.
                    vault::lock();
                    problem.set(None);
                    checked.set(None);
                    restored.set(true);
                    undo_offered.set(true);
                }
                Err(message) => problem.set(Some(message)),
            }
        });
    };
    let undo = move |_| match backup::undo_restore(&BrowserStorage, KNOWN) {
        Ok(()) => {
            vault::lock();
            restored.set(false);
            undo_offered.set(false);
            undone.set(true);
            problem.set(None);
        }
        Err(error) => problem.set(Some(error.message().to_string())),
    };
    let forget = move |_| match backup::forget_undo(&BrowserStorage) {
        Ok(()) => undo_offered.set(false),
        Err(error) => problem.set(Some(error.message().to_string())),
    };

    let preview = move || {
        // Only what is shown is taken out: the backup itself stays in the signal.
        let ready = checked.with(|c| {
            c.as_ref().map(|c| {
                (
                    c.holds(),
                    c.problems(),
                    c.opened.was_locked(),
                    super::device::made_words(&c.backup.made, &c.backup.device),
                )
            })
        });
        ready.map(|(holds, problems, was_locked, made)| {
            let holds = holds
                .into_iter()
                .map(|said| view! { <li>{said}</li> })
                .collect_view();
            let now_here = on_device();
            let now_here = if now_here.is_empty() {
                view! { <p>"Nothing is kept on this device now."</p> }.into_any()
            } else {
                view! {
                    <p>"On this device now:"</p>
                    <ul>{now_here.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                }
                .into_any()
            };
            let leaving_out = !problems.is_empty();
            view! {
                <div data-testid="backup-preview">
                    <h3>{format!("This backup was made on {made}. It holds:")}</h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">{holds}</ul>
                    {was_locked.then(|| view! {
                        <p>"It is locked with a passphrase. Once it is restored, the clinic’s records ask for that passphrase."</p>
                    })}
                    <RecordProblems problems
                        going_on="If you restore it, these records are left out and everything else in the backup is restored." />
                    <div class="nhsuk-warning-callout">
                        <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"It replaces what is on this device"</span></h3>
                        {now_here}
                        <p>"What is on this device now is kept until you download your next backup, so you can undo the restore."</p>
                    </div>
                    <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=restore disabled=move || writing.get()>
                        {if leaving_out { "Restore without these records" } else { "Restore this backup" }}
                    </button>
                </div>
            }
        })
    };

    let undo_box = move || {
        let (when, made) = backup::undoable(&BrowserStorage)?;
        Some(view! {
            <div class="nhsuk-inset-text" data-testid="undo-restore">
                <p>{format!("On {} you restored a backup made on {}. What was on this device before is still kept here, so you can go back to it.", day_of(&when), day_of(&made))}</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=undo>"Undo the restore"</button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=forget>"Keep the restored data"</button>
                <p class="nhsuk-body-s">"Downloading a backup also lets go of what was here before."</p>
            </div>
        })
    };

    view! {
        <Show when=move || restored.get()>
            <NotificationBanner id="restored" title="Success" heading="The backup has been restored">
                <p>"Everything in it is on this device now. " <a href=clinic_link.get_value()>"Go to the clinic"</a></p>
            </NotificationBanner>
        </Show>
        <Show when=move || undone.get()>
            <NotificationBanner id="undone" title="Success" heading="The restore has been undone">
                <p>"This device holds what it held before the restore. " <a href=clinic_link.get_value()>"Go to the clinic"</a></p>
            </NotificationBanner>
        </Show>
        {move || problem.get().map(|message| view! {
            <div class="nhsuk-error-summary" role="alert" tabindex="-1" aria-labelledby="restore-problem-title">
                <h2 class="nhsuk-error-summary__title" id="restore-problem-title">"Nothing was changed"</h2>
                <div class="nhsuk-error-summary__body"><p>{message}</p></div>
            </div>
        })}
        {move || undo_offered.get().then(undo_box)}
        <ChooseBackup label="Choose the backup file" errors checked />
        {preview}
    }
}
