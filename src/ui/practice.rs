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

async fn fetch_text(url: &str) -> Option<String> {
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

/// Tells the person (and whoever looks after the website) that the practice's
/// details are missing or wrong. The app carries on with neutral wording.
#[component]
pub fn ConfigNotice() -> impl IntoView {
    let practice = use_context::<Practice>();
    let problems = move || {
        practice
            .and_then(|p| p.0.get())
            .map(|loaded| loaded.problems)
            .unwrap_or_default()
    };
    move || {
        let problems = problems();
        (!problems.is_empty()).then(|| {
            view! {
                <NotificationBanner id="config-notice" title="Important"
                    heading="Some of this practice's details could not be loaded">
                    <p>
                        "You can still use this app. Contact details for the practice may be missing. "
                        "If you look after this website, fix the file config.json:"
                    </p>
                    <ul>
                        {problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_view()}
                    </ul>
                </NotificationBanner>
            }
        })
    }
}
