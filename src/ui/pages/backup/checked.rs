//! Choosing a backup file and having it read whole before anything is
//! written, for restore and merge alike: the file is checked, a locked
//! backup asks for the passphrase it was locked with and is opened, and every
//! document is read and its clinic checked (`store::backup::contents`).

use crate::domain::form::{error_for, FieldError};
use crate::store::backup::contents::{self, Contents};
use crate::store::backup::{self, BackupProblem, Restorable};
use crate::store::documents::KNOWN;
use crate::store::vault::{self, OpenedBackup};
use crate::ui::form::{bind, TextInput};
use leptos::prelude::*;
use std::rc::Rc;

/// A backup read whole and checked: ready to preview, restore or merge.
#[derive(Clone)]
pub struct Checked {
    pub backup: Restorable,
    /// Its locked documents opened, and the key to lock them again.
    pub opened: Rc<OpenedBackup>,
    pub contents: Contents,
}

impl Checked {
    /// What the backup holds, in words (its locked documents as they read
    /// once opened), one line a document.
    pub fn holds(&self) -> Vec<String> {
        if !self.opened.was_locked() {
            return backup::describe_all(&self.backup.documents);
        }
        let readable = self.backup.with_opened(&self.opened.plain);
        backup::describe_all(
            &readable.map_or_else(|_| self.backup.documents.clone(), |r| r.documents),
        )
    }

    /// Each record that cannot be used, in words.
    pub fn problems(&self) -> Vec<String> {
        self.contents.problems.iter().map(|p| p.message()).collect()
    }
}

/// Reads the backup file chosen in a file input and checks its shape.
fn read_backup(
    ev: leptos::ev::Event,
    then: impl FnOnce(Result<Restorable, BackupProblem>) + 'static,
) {
    crate::ui::read_chosen_file(ev, backup::LARGEST, move |text| {
        then(match text {
            Some(text) => backup::open(&text, KNOWN),
            None => Err(BackupProblem::TooLarge),
        })
    });
}

/// Reads every document of a backup whose locked ones are `opened`.
fn check(backup: Restorable, opened: OpenedBackup) -> Result<Checked, BackupProblem> {
    let contents = contents::read(&backup, &opened.plain)?;
    Ok(Checked {
        backup,
        opened: Rc::new(opened),
        contents,
    })
}

/// The GOV.UK file upload for a backup file, and the passphrase of a locked
/// one. `checked` is set once the file has been read whole; a new choice
/// sets it back to `None` first. Errors go in the page's `errors`.
#[component]
pub fn ChooseBackup(
    label: &'static str,
    errors: RwSignal<Vec<FieldError>>,
    checked: RwSignal<Option<Checked>, LocalStorage>,
) -> impl IntoView {
    let locked = RwSignal::new(None::<Restorable>);
    let passphrase = RwSignal::new(String::new());
    let opening = RwSignal::new(false);
    let file_problem = move |problem: BackupProblem| {
        errors.set(vec![FieldError::new("backup-file", problem.message())]);
    };
    let choose = move |ev: leptos::ev::Event| {
        checked.set(None);
        locked.set(None);
        passphrase.set(String::new());
        read_backup(ev, move |opened| {
            let backup = match opened.and_then(|b| b.lock().map(|lock| (b, lock))) {
                Ok((backup, Some(_))) => {
                    errors.set(Vec::new());
                    locked.set(Some(backup));
                    return;
                }
                Ok((backup, None)) => backup,
                Err(problem) => return file_problem(problem),
            };
            match check(backup, OpenedBackup::not_locked()) {
                Ok(ready) => {
                    errors.set(Vec::new());
                    checked.set(Some(ready));
                }
                Err(problem) => file_problem(problem),
            }
        });
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(backup) = locked.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            errors.set(vec![FieldError::new(
                "backup-passphrase",
                "Enter the passphrase the backup was locked with",
            )]);
            return;
        }
        opening.set(true);
        leptos::task::spawn_local(async move {
            let opened = vault::open_backup(&backup, &typed).await;
            opening.set(false);
            match opened.and_then(|opened| check(backup, opened)) {
                Ok(ready) => {
                    errors.set(Vec::new());
                    passphrase.set(String::new());
                    locked.set(None);
                    checked.set(Some(ready));
                }
                Err(BackupProblem::WrongPassphrase) => errors.set(vec![FieldError::new(
                    "backup-passphrase",
                    BackupProblem::WrongPassphrase.message(),
                )]),
                Err(problem) => {
                    locked.set(None);
                    file_problem(problem);
                }
            }
        });
    };
    let error = Signal::derive(move || errors.with(|e| error_for(e, "backup-file")));
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
                on:change=choose />
        </div>
        <Show when=move || locked.with(Option::is_some)>
            <form novalidate on:submit=open data-testid="backup-passphrase-form">
                <h3>"This backup is locked"</h3>
                <p>"It was made on a device whose records were locked with a passphrase. Enter that passphrase to open the backup and check everything in it. Nothing on this device changes yet."</p>
                <TextInput id="backup-passphrase" label="The backup’s passphrase" input_type="password"
                    autocomplete=Some("off") bind=bind(passphrase, |v| v.clone(), |v, new| *v = new) />
                <button type="submit" class="nhsuk-button nhsuk-button--secondary" disabled=move || opening.get()>
                    {move || if opening.get() { "Opening the backup…" } else { "Open the backup" }}
                </button>
            </form>
        </Show>
    }
}

/// The records in a backup that break the app's rules, for the person to
/// choose to go on without them.
#[component]
pub fn RecordProblems(problems: Vec<String>, going_on: &'static str) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let count = crate::domain::counted(problems.len(), "record", "records");
        view! {
            <div class="nhsuk-warning-callout" data-testid="record-problems">
                <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{format!("{count} in this backup cannot be used")}</span></h3>
                <p>"These break the rules the app keeps to, so the file may have been changed by hand or damaged:"</p>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
                <p>{going_on}</p>
            </div>
        }
    })
}
