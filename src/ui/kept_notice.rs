//! Tells the person when saved information has been kept aside (it could
//! not be read, or it would have been written over another tab's change),
//! each copy with why, and lets them download it. Runs the store's sweep
//! once when the app opens.

use crate::store::backend::BrowserStorage;
use crate::store::{KeptCopy, Store};
use leptos::prelude::*;

#[component]
pub fn KeptNotice() -> impl IntoView {
    let store = Store::new(BrowserStorage);
    store.sweep(crate::store::documents::KNOWN, &super::saved::now_stamp());
    let copies = RwSignal::new(store.kept_copies());

    move || {
        let list = copies.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="nhsuk-warning-callout" data-testid="kept-notice">
                    <h2 class="nhsuk-warning-callout__label">
                        <span role="text">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Some saved information has been kept aside"
                        </span>
                    </h2>
                    <p>
                        "It has not been deleted. It is kept on this device so that you can download "
                        "it and, if you need to, give it to someone who can help recover it."
                    </p>
                    <ul class="nhsuk-list">
                        {list.into_iter().map(|copy| view! { <KeptItem copy copies /> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn KeptItem(copy: KeptCopy, copies: RwSignal<Vec<KeptCopy>>) -> impl IntoView {
    let downloaded = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let href = crate::ui::file_url(&copy.raw, "text/plain;charset=utf-8");
    let file_name = copy.file_name();
    let kind = crate::store::clinic_parts::in_words(&copy.kind)
        .unwrap_or_else(|| copy.kind.replace('-', " "));
    let what = format!("Saved {kind} ({})", copy.reason);
    let remove = move |_| {
        let store = Store::new(BrowserStorage);
        match store.remove_kept(&copy) {
            Ok(()) => copies.set(store.kept_copies()),
            Err(error) => problem.set(Some(error.message())),
        }
    };
    view! {
        <li>
            <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">{what}</p>
            <a href=href download=file_name on:click=move |_| downloaded.set(true)>
                "Download the kept copy"
            </a>
            <Show when=move || downloaded.get()>
                <p class="nhsuk-u-margin-top-3">
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=remove.clone()>
                        "Delete it from this device"
                    </button>
                </p>
            </Show>
            {move || problem.get().map(|message| view! { <p class="nhsuk-body-s">{message}</p> })}
        </li>
    }
}
