//! Open Referral UK files: the directory downloaded in that shape to share,
//! and a council's list read in, previewed, and written only when asked.

use super::{href, use_shelf};
use crate::domain::directory::oruk::{self, ImportError, Preview};
use crate::domain::form::FieldError;
use crate::ui::banner::NotificationBanner;
use crate::ui::form::ErrorSummary;
use crate::ui::layout::BackLink;
use crate::ui::pages::form_errors;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::{download, new_id, today};
use leptos::prelude::*;

const TITLE: &str = "Import or export services";

/// "services-directory-2026-03-02.json".
fn export_name() -> String {
    format!(
        "services-directory-{}.json",
        crate::domain::dates::iso(today())
    )
}

fn names(services: impl Iterator<Item = String>) -> impl IntoView {
    services
        .map(|name| view! { <li>{name}</li> })
        .collect_view()
}

#[component]
pub fn ImportExport() -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let shelf = use_shelf();
    let directory = shelf.directory;
    let preview = RwSignal::new(None::<Preview>);
    let imported = RwSignal::new(None::<usize>);
    let exported = RwSignal::new(None::<String>);
    let export = move |_| {
        let file = directory.value.with_untracked(|d| oruk::write(&d.services));
        let name = export_name();
        download(&file, "application/json", &name);
        exported.set(Some(name));
    };
    let refuse = move |problem: ImportError| {
        preview.set(None);
        errors.set(vec![FieldError::new("import-file", problem.message())]);
    };
    let choose = move |ev: leptos::ev::Event| {
        imported.set(None);
        preview.set(None);
        crate::ui::read_chosen_file(ev, oruk::LARGEST_FILE, move |text| {
            let Some(text) = text else {
                refuse(ImportError::TooLarge);
                return;
            };
            match directory
                .value
                .with_untracked(|d| oruk::preview(&d.services, &text))
            {
                Ok(found) => {
                    errors.set(Vec::new());
                    preview.set(Some(found));
                }
                Err(problem) => refuse(problem),
            }
        });
    };
    let write = move |_| {
        let Some(found) = preview.get_untracked() else {
            return;
        };
        let mut written = 0;
        directory.update(|d| written = d.import(found, new_id));
        if directory.problem.get_untracked().is_none() {
            preview.set(None);
            imported.set(Some(written));
        }
    };
    let error = move || errors.with(|e| e.first().map(|e| e.message.clone()));
    let group = move || {
        if error().is_some() {
            "nhsuk-form-group nhsuk-form-group--error"
        } else {
            "nhsuk-form-group"
        }
    };
    let shown = move || {
        preview.get().map(|p| {
            let to_write = p.new.len() + p.changed.len();
            let new = p.new.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
            let changed = p.changed.iter().map(|(_, s)| s.name.clone()).collect::<Vec<_>>();
            view! {
                <div data-testid="import-preview">
                    <h3>"What the file holds"</h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">
                        <li>{format!("{} new", new.len())}</li>
                        <li>{format!("{} already in the directory, with changes", changed.len())}</li>
                        <li>{format!("{} already in the directory, unchanged", p.unchanged)}</li>
                        {(p.skipped > 0).then(|| view! { <li>{format!("{} left out because they have no name", p.skipped)}</li> })}
                    </ul>
                    {(!new.is_empty()).then(|| view! { <h4>"New"</h4> <ul class="nhsuk-list nhsuk-list--bullet" data-testid="import-new">{names(new.into_iter())}</ul> })}
                    {(!changed.is_empty()).then(|| view! {
                        <h4>"Changed"</h4>
                        <p>"Their details in the directory are replaced by the file's."</p>
                        <ul class="nhsuk-list nhsuk-list--bullet" data-testid="import-changed">{names(changed.into_iter())}</ul>
                    })}
                    {if to_write == 0 {
                        view! { <p>"Nothing in the directory would change."</p> }.into_any()
                    } else {
                        view! { <button type="button" class="nhsuk-button" on:click=write>{format!("Import {to_write} service{}", if to_write == 1 { "" } else { "s" })}</button> }.into_any()
                    }}
                </div>
            }
        })
    };
    view! {
        <BackLink href=href("clinic/directory") text="Back to the directory" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved=directory />
                <ErrorSummary />
                {move || imported.get().map(|n| view! {
                    <NotificationBanner id="imported" title="Success" heading="The services have been imported">
                        <p>{format!("{n} service{} written to the directory. ", if n == 1 { "" } else { "s" })} <a href=href("clinic/directory")>"See the directory"</a></p>
                    </NotificationBanner>
                })}
                <h1>{TITLE}</h1>
                <p>"Open Referral UK is the standard councils use to publish lists of local services. Start from your council's list, or share your own with another practice."</p>
                <h2>"Export"</h2>
                <Show when=move || directory.value.with(|d| !d.services.is_empty())
                    fallback=|| view! { <p>"The directory is empty, so there is nothing to export yet."</p> }>
                    <p>{move || {
                        let n = directory.value.with(|d| d.services.len());
                        format!("Download the {n} service{} in the directory as an Open Referral UK JSON file.", if n == 1 { "" } else { "s" })
                    }}</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=export>"Download the directory"</button>
                </Show>
                {move || exported.get().map(|name| view! { <p role="status" data-testid="exported">{format!("Downloaded {name}.")}</p> })}
                <h2>"Import"</h2>
                <p>"You will see what the file holds before anything changes."</p>
                <div class=group>
                    <label class="nhsuk-label" for="import-file">"Choose an Open Referral UK JSON file"</label>
                    <div class="nhsuk-hint" id="import-file-hint">"A file ending .json, of 5 MB or less"</div>
                    {move || error().map(|message| view! {
                        <span class="nhsuk-error-message" id="import-file-error"><span class="nhsuk-u-visually-hidden">"Error: "</span>{message}</span>
                    })}
                    <input class="nhsuk-file-upload" id="import-file" name="import-file" type="file" accept=".json,application/json"
                        aria-describedby=move || if error().is_some() { "import-file-hint import-file-error" } else { "import-file-hint" }
                        on:change=choose />
                </div>
                {shown}
            </div>
        </div>
    }
}
