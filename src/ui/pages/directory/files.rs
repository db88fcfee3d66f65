//! Open Referral UK files: the directory downloaded in that shape to share
//! (version 3.0, or 1.0 for councils still on it), and a council's list read
//! in page by page, previewed with what it leaves out, and written only when
//! asked.

use super::{href, use_shelf};
use crate::domain::directory::oruk::{self, ImportError, Page};
use crate::domain::form::FieldError;
use crate::ui::banner::NotificationBanner;
use crate::ui::form::ErrorSummary;
use crate::ui::layout::BackLink;
use crate::ui::pages::form_errors;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::{download, new_id, today};
use leptos::prelude::*;

const TITLE: &str = "Import or export services";

/// "services-directory-2026-03-02.json", or "…-oruk-1.0.json" for version 1.0.
fn export_name(version: oruk::Version) -> String {
    let day = crate::domain::dates::iso(today());
    match version {
        oruk::Version::Three => format!("services-directory-{day}.json"),
        oruk::Version::One => format!("services-directory-{day}-oruk-1.0.json"),
    }
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
    // The pages of a council's list chosen so far, each adding to the preview.
    let pages = RwSignal::new(Vec::<Page>::new());
    let preview = Memo::new(move |_| {
        pages.with(|pages| {
            (!pages.is_empty()).then(|| {
                directory
                    .value
                    .with(|d| oruk::preview_pages(&d.services, pages))
            })
        })
    });
    let imported = RwSignal::new(None::<usize>);
    let exported = RwSignal::new(None::<String>);
    let export = move |version: oruk::Version| {
        let file = directory.value.with_untracked(|d| match version {
            oruk::Version::Three => oruk::write(&d.services),
            oruk::Version::One => oruk::write_v1(&d.services),
        });
        let name = export_name(version);
        download(&file, "application/json", &name);
        exported.set(Some(name));
    };
    // A bad page changes nothing: the pages added before it stay.
    let refuse = move |problem: ImportError| {
        errors.set(vec![FieldError::new("import-file", problem.message())]);
    };
    let choose = move |ev: leptos::ev::Event| {
        imported.set(None);
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        crate::ui::read_chosen_file(ev, oruk::LARGEST_FILE, move |text| {
            // So the same file chosen again is read again (and said to be added).
            input.set_value("");
            let Some(text) = text else {
                refuse(ImportError::TooLarge);
                return;
            };
            let added = oruk::read_page(&text)
                .and_then(|page| pages.with_untracked(|before| oruk::add_page(before, page)));
            match added {
                Ok(all) => {
                    errors.set(Vec::new());
                    pages.set(all);
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
            pages.set(Vec::new());
            errors.set(Vec::new());
            imported.set(Some(written));
        }
    };
    let start_again = move |_| {
        pages.set(Vec::new());
        errors.set(Vec::new());
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
            let to_write = p.to_write();
            let read = pages.with(|pages| {
                pages.iter().enumerate().map(|(i, page)| view! { <li>{page.summary(i + 1)}</li> }).collect_view()
            });
            let new = p.new.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
            let changed = p.changed.iter().map(|(_, s)| s.name.clone()).collect::<Vec<_>>();
            view! {
                <div data-testid="import-preview">
                    <h3>"What the file holds"</h3>
                    <ul class="nhsuk-list" data-testid="import-pages">{read}</ul>
                    <ul class="nhsuk-list nhsuk-list--bullet">
                        <li>{format!("{} new", new.len())}</li>
                        <li>{format!("{} already in the directory, with changes", changed.len())}</li>
                        <li>{format!("{} already in the directory, unchanged", p.unchanged)}</li>
                        {(p.skipped > 0).then(|| view! { <li>{format!("{} left out because they have no name", p.skipped)}</li> })}
                    </ul>
                    {p.left_out_words().map(|words| view! { <p class="app-field-names" data-testid="import-left-out">{words}</p> })}
                    {p.unmatched_words().map(|words| view! { <p data-testid="import-unmatched">{words}</p> })}
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
                    <p><button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=start_again>"Start again"</button></p>
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
                        format!("Download the {n} service{} in the directory as an Open Referral UK JSON file, in version 3.0, the one councils publish now.", if n == 1 { "" } else { "s" })
                    }}</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| export(oruk::Version::Three)>"Download the directory"</button>
                    <p>"For a council still on the older version:"</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| export(oruk::Version::One)>"Download in Open Referral UK 1.0"</button>
                </Show>
                {move || exported.get().map(|name| view! { <p role="status" data-testid="exported">{format!("Downloaded {name}.")}</p> })}
                <h2>"Import"</h2>
                <p>"Files of version 1.0 and 3.0 are both read. You will see what the file holds before anything changes."</p>
                <div class=group>
                    <label class="nhsuk-label" for="import-file">"Choose an Open Referral UK JSON file"</label>
                    <div class="nhsuk-hint" id="import-file-hint">{move || if preview.with(Option::is_some) {
                        "To add the next page of the same list, choose its file. Its services are added to the ones shown below."
                    } else {
                        "A file ending .json, of 5 MB or less. If your council's list comes in pages, choose the first page, then add the others one by one."
                    }}</div>
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
