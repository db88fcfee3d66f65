//! The practice's details, fetched from `config.json` beside the app, and the
//! notice shown when that file is missing or wrong.

use super::banner::NotificationBanner;
use super::AppBase;
use crate::domain::config::{LoadedConfig, PracticeConfig};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The practice's details: `None` until `config.json` has been read.
#[derive(Clone, Copy)]
pub struct Practice(pub RwSignal<Option<LoadedConfig>>);

/// The practice's settings now (neutral defaults until the file is read).
pub fn use_practice() -> Signal<PracticeConfig> {
    let practice = use_context::<Practice>();
    Signal::derive(move || {
        practice
            .and_then(|p| p.0.get())
            .map(|loaded| loaded.config)
            .unwrap_or_default()
    })
}

/// Starts reading `config.json` and returns where its result will appear.
/// The practice's `sharing` setting (the address of its CouchDB database),
/// once config.json is read: none when the clinic is not shared live.
pub fn use_sharing_database() -> Memo<Option<String>> {
    let practice = use_context::<Practice>();
    Memo::new(move |_| {
        practice
            .and_then(|p| p.0.get())
            .and_then(|loaded| loaded.config.sharing)
    })
}

pub fn load(base: &AppBase) -> Practice {
    let practice = Practice(RwSignal::new(None));
    let url = base.file("config.json");
    leptos::task::spawn_local(async move {
        let loaded = match fetch_text(&url).await {
            Some(text) => LoadedConfig::from_json(&text),
            None => LoadedConfig::missing(),
        };
        practice.0.set(Some(loaded));
    });
    practice
}

pub(crate) async fn fetch_text(url: &str) -> Option<String> {
    let init = web_sys::RequestInit::new();
    // The practice edits this file by hand: always ask the server for it.
    init.set_cache(web_sys::RequestCache::NoCache);
    let promise = window().fetch_with_str_and_init(url, &init);
    let response: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Says what is wrong with the practice's details. On the practice's own
/// pages (the clinic and the rest) it names each problem in `config.json`
/// and what to write instead. A patient is told only what they can act
/// on, and only when they need it: how to contact the practice, when its
/// phone number could not be read. The app carries on with neutral wording.
#[component]
pub fn ConfigNotice(area: crate::domain::site::Area) -> impl IntoView {
    let practice = use_context::<Practice>();
    let loaded = move || practice.and_then(|p| p.0.get());
    move || {
        let loaded = loaded()?;
        if area.is_for_patients() {
            let line = loaded.patient_notice()?;
            return Some(
                view! {
                    <div class="nhsuk-inset-text" data-testid="config-notice">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>{line}</p>
                    </div>
                }
                .into_any(),
            );
        }
        (!loaded.problems.is_empty()).then(|| {
            view! {
                <NotificationBanner id="config-notice" title="Important"
                    heading="The practice’s settings file, config.json, needs fixing">
                    <p>"The app still works, with what it could read. Whoever looks after the practice’s website can fix these:"</p>
                    <ul>
                        {loaded.problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_view()}
                    </ul>
                </NotificationBanner>
            }
            .into_any()
        })
    }
}
