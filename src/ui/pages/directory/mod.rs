//! The practice's directory of local services and groups: searched as a
//! volunteer types, added to and changed, imported from and exported to Open
//! Referral UK files, and printed as a list to hand to a person. A part of its
//! own (`site::Area::Directory`), so the clinic's bundle stays small.

mod edit;
mod files;
mod list;
mod print;
mod service;

use crate::domain::clinic::Id;
use crate::domain::directory::{Directory, Search, SHOWN_AT_A_TIME};
use crate::domain::form::FieldError;
use crate::ui::layout::BackLink;
use crate::ui::pages::{FormPage, NotFound};
use crate::ui::router::{own_page, use_location};
use crate::ui::saved::Saved;
use crate::ui::use_base;
use leptos::prelude::*;

/// What every page of the area shares while the person moves between them:
/// the directory, the search on the list, and the services chosen to print.
#[derive(Clone, Copy)]
struct Shelf {
    directory: Saved<Directory>,
    search: RwSignal<Search>,
    /// How many of the search's results the list shows.
    shown: RwSignal<usize>,
    chosen: RwSignal<Vec<Id>>,
}

fn use_shelf() -> Shelf {
    use_context::<Shelf>().expect("a directory page outside DirectoryFlow")
}

/// The days of the week as choices, keyed by days after Monday.
const WEEKDAYS: [(&str, &str); 7] = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
];

/// Opens the directory once for the area, and shows the page for `page`.
#[component]
pub fn DirectoryFlow(page: Memo<String>) -> impl IntoView {
    provide_context(Shelf {
        directory: Saved::<Directory>::open(),
        search: RwSignal::new(Search::default()),
        shown: RwSignal::new(SHOWN_AT_A_TIME),
        chosen: RwSignal::new(Vec::new()),
    });
    move || {
        own_page(|| match page.get().as_str() {
            "clinic/directory" => list::DirectoryList().into_any(),
            "clinic/directory/add" => edit::ServiceForm().into_any(),
            "clinic/directory/edit" => edit::ServiceForm().into_any(),
            "clinic/directory/service" => service::ServicePage().into_any(),
            "clinic/directory/import" => files::ImportExport().into_any(),
            "clinic/directory/print" => print::PrintList().into_any(),
            _ => NotFound().into_any(),
        })
    }
}

/// The link to a page of the app.
fn href(page: &str) -> String {
    use_base().href(page)
}

/// The link to a service's own page.
fn service_href(id: Id) -> String {
    format!("{}?id={id}", href("clinic/directory/service"))
}

/// The service named by the address's `?id=`, if the directory has it.
fn service_in_address(shelf: Shelf) -> Option<Id> {
    use_location()
        .query("id")
        .and_then(|id| id.parse().ok())
        .filter(|id| {
            shelf
                .directory
                .value
                .with_untracked(|d| d.service(*id).is_some())
        })
}

#[component]
fn NotInDirectory() -> impl IntoView {
    crate::ui::pages::page_title("Service not found");
    view! {
        <BackLink href=href("clinic/directory") text="Back to the directory" />
        <h1>"Service not found"</h1>
        <p>"This service is not in the directory on this device. " <a href=href("clinic/directory")>"Search the directory"</a></p>
    }
}

/// A directory form on its own page (see [`FormPage`]).
#[component]
fn DirectoryForm(
    title: &'static str,
    back: String,
    button: &'static str,
    submit: Callback<(), Result<(), Vec<FieldError>>>,
    children: Children,
) -> impl IntoView {
    let saved = use_shelf().directory;
    view! { <FormPage title back button=button.to_string() saved submit>{children()}</FormPage> }
}
