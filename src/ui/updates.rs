//! Offline use and updates: registers the service worker that keeps a copy of
//! the app on the device, and tells the person when a newer version has been
//! deployed so they can reload into it. A page holding typed answers it has
//! not stored yet asks, with [`keep_before_update`], to store them first.

use super::banner::NotificationBanner;
use super::AppBase;
use crate::domain::site::Area;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// Whether a newer version is installed and waiting, and the registration to
/// switch to it.
#[derive(Clone, Copy)]
pub struct Updates {
    waiting: RwSignal<bool>,
    registration: RwSignal<Option<ServiceWorkerRegistration>, LocalStorage>,
}

/// Registers `sw.js` beside the app (when the browser allows service workers)
/// and watches for a newer version.
pub fn watch(base: &AppBase) -> Updates {
    let updates = Updates {
        waiting: RwSignal::new(false),
        registration: RwSignal::new_local(None),
    };
    let Some(container) = container() else {
        return updates;
    };
    let url = base.file("sw.js");
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register(&url)).await else {
            return;
        };
        // Some browsers (and blocked service workers) resolve with nothing.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        updates.registration.set(Some(registration.clone()));
        if registration.waiting().is_some() && container_controller_exists() {
            updates.waiting.set(true);
        }
        // A new version the browser found as the page loaded may still be
        // installing: its "update found" has passed before this could hear it.
        if let Some(installing) = registration.installing() {
            updates.watch_install(installing);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = watched.installing() {
                updates.watch_install(installing);
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // A tab left open for days still hears about a new version.
        set_interval(
            move || check_for_update(registration.clone()),
            std::time::Duration::from_secs(30 * 60),
        );
    });
    updates
}

impl Updates {
    /// Says a new version is ready once `worker` has installed.
    fn watch_install(self, worker: ServiceWorker) {
        let installing = worker.clone();
        let on_state_change = Closure::<dyn Fn()>::new(move || {
            // A worker installed while another controls the page is an update;
            // the very first install is not.
            if installing.state() == ServiceWorkerState::Installed && container_controller_exists()
            {
                self.waiting.set(true);
            }
        });
        worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    }
}

/// Asks the server for the service worker's file: a changed one installs,
/// and is announced. Offline, the check fails quietly (no unhandled error).
fn check_for_update(registration: ServiceWorkerRegistration) {
    if let Ok(checked) = registration.update() {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(checked).await;
        });
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Absent on plain http from another machine, and in some private modes.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|value| !value.is_undefined());
    present.then(|| navigator.service_worker())
}

fn container_controller_exists() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// What the pages on screen store before the app reloads, each with its
/// number, and the last number given.
#[derive(Default)]
struct Keepers {
    last: usize,
    list: Vec<(usize, Rc<dyn Fn()>)>,
}

thread_local! {
    static KEEPERS: RefCell<Keepers> = RefCell::new(Keepers::default());
}

/// Asks that `keep` be run before the app reloads into a new version, while
/// the page that asks is on screen: it stores what the person has typed
/// there and not yet stored (the store writes at once, so it is kept).
pub fn keep_before_update(keep: impl Fn() + 'static) {
    let number = KEEPERS.with(|keepers| {
        let keepers = &mut *keepers.borrow_mut();
        keepers.last += 1;
        keepers.list.push((keepers.last, Rc::new(keep)));
        keepers.last
    });
    on_cleanup(move || {
        KEEPERS.with(|keepers| keepers.borrow_mut().list.retain(|(n, _)| *n != number));
    });
}

/// Runs every page's [`keep_before_update`].
fn keep_what_is_typed() {
    let keepers: Vec<Rc<dyn Fn()>> = KEEPERS.with(|keepers| {
        keepers
            .borrow()
            .list
            .iter()
            .map(|(_, k)| k.clone())
            .collect()
    });
    for keep in keepers {
        keep();
    }
}

/// Stores what is typed, then switches to the waiting version: the new
/// worker takes over, then the page reloads.
fn reload_into_new_version(updates: Updates) {
    keep_what_is_typed();
    let reload = || {
        let _ = window().location().reload();
    };
    let (Some(container), Some(waiting)) = (
        container(),
        updates
            .registration
            .get_untracked()
            .and_then(|r| r.waiting()),
    ) else {
        reload();
        return;
    };
    let on_change = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
}

/// Says a new version is ready, with the button that reloads into it. A
/// patient's pages keep what is typed through the reload, so a patient is
/// only told that; the clinic's forms are saved with their own buttons.
#[component]
pub fn UpdateNotice(area: Area) -> impl IntoView {
    let updates = use_context::<Updates>();
    let waiting = move || updates.is_some_and(|u| u.waiting.get());
    let what_is_kept = if area.is_for_patients() {
        "Your answers are kept when you reload."
    } else {
        "Save anything you are typing first. Your saved information is kept."
    };
    view! {
        <Show when=waiting>
            <NotificationBanner id="update-notice" title="Update"
                heading="A new version of this app is ready">
                <p>{what_is_kept}</p>
                <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-0"
                    on:click=move |_| {
                        if let Some(updates) = updates {
                            reload_into_new_version(updates);
                        }
                    }>
                    "Reload to update"
                </button>
            </NotificationBanner>
        </Show>
    }
}
