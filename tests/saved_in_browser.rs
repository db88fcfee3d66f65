//! The storage rules as a person meets them, in real Chromium: a small editor
//! built on `Saved` is mounted, typed into, and its storage filled up or
//! changed by "another tab". Run by `make test` through wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use social_prescribing::store::Document;
use social_prescribing::ui::saved::{read_ahead, SaveProblemNotice, Saved};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Note {
    text: String,
}

impl Document for Note {
    const KIND: &'static str = "test-note";
    const VERSION: u32 = 1;
}

const KEY: &str = "sp.test-note";

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// Mounts a one-field editor and hands back its `Saved` note.
fn mount_editor() -> (Saved<Note>, leptos::mount::UnmountHandle<impl Mountable>) {
    let slot = Rc::new(Cell::new(None));
    let out = slot.clone();
    let parent = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.unchecked_into(), move || {
        let saved = Saved::<Note>::open();
        out.set(Some(saved));
        view! {
            <SaveProblemNotice saved />
            <textarea id="note" prop:value=move || saved.value.get().text
                on:input=move |ev| saved.update(|note| note.text = event_target_value(&ev)) />
        }
    });
    (slot.get().unwrap(), handle)
}

fn textarea() -> HtmlTextAreaElement {
    document()
        .get_element_by_id("note")
        .unwrap()
        .unchecked_into()
}

fn type_into_note(text: &str) {
    let field = textarea();
    field.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    field
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn notice_text() -> Option<String> {
    document()
        .query_selector("[data-testid=save-problem]")
        .unwrap()
        .and_then(|n| n.text_content())
}

fn click_button(name: &str) {
    let buttons = document().query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let button: HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if button.text_content().unwrap_or_default().trim() == name {
            button.click();
            return;
        }
    }
    panic!("no button called {name}");
}

fn stored_text() -> Option<String> {
    let raw = storage().get_item(KEY).unwrap()?;
    let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
    value["data"]["text"].as_str().map(str::to_string)
}

/// What another tab of the app would store at `revision`.
fn written_by_another_tab(text: &str, revision: u64) -> String {
    format!(
        r#"{{"kind":"test-note","version":1,"revision":{revision},"saved_at":"2026-11-22T10:00:00Z","data":{{"text":"{text}"}}}}"#
    )
}

/// Fills the site's storage until the browser refuses more; returns the keys used.
fn fill_storage() -> Vec<String> {
    let mut keys = Vec::new();
    let mut chunk = "x".repeat(1 << 20);
    while chunk.len() >= 16 {
        let key = format!("filler-{}", keys.len());
        if storage().set_item(&key, &chunk).is_ok() {
            keys.push(key);
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    keys
}

/// Waits a moment, so that Leptos runs its effects and renders.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn what_a_person_types_is_saved_and_is_there_next_time() {
    storage().clear().unwrap();
    let (_, handle) = mount_editor();
    type_into_note("Walk to the park");
    settle().await;
    assert_eq!(stored_text().as_deref(), Some("Walk to the park"));
    drop(handle);

    let (saved, _handle) = mount_editor();
    settle().await;
    assert_eq!(textarea().value(), "Walk to the park");
    assert_eq!(saved.problem.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn a_full_storage_is_explained_and_what_was_typed_stays_on_screen() {
    storage().clear().unwrap();
    let (saved, _handle) = mount_editor();
    type_into_note("First");
    let filler = fill_storage();

    type_into_note("Ring Sam on Tuesday about the lunch club");
    settle().await;
    let notice = notice_text().expect("no notice about the failed save");
    assert!(
        notice.contains("Your changes have not been saved"),
        "{notice}"
    );
    assert!(notice.contains("storage for this app is full"), "{notice}");
    assert!(
        notice.contains("What you typed is still on this page"),
        "{notice}"
    );
    assert_eq!(
        textarea().value(),
        "Ring Sam on Tuesday about the lunch club"
    );
    assert_eq!(
        saved.value.get_untracked().text,
        "Ring Sam on Tuesday about the lunch club"
    );
    assert_eq!(stored_text().as_deref(), Some("First"));

    // Once there is room again, the next change saves and the notice goes.
    for key in filler {
        storage().remove_item(&key).unwrap();
    }
    type_into_note("Ring Sam on Tuesday about the lunch club.");
    settle().await;
    assert_eq!(notice_text(), None);
    assert_eq!(
        stored_text().as_deref(),
        Some("Ring Sam on Tuesday about the lunch club.")
    );
}

#[wasm_bindgen_test]
async fn a_change_made_in_another_tab_appears_here() {
    storage().clear().unwrap();
    let (_, _handle) = mount_editor();
    type_into_note("Mine");
    settle().await;

    storage()
        .set_item(KEY, &written_by_another_tab("From the other tab", 2))
        .unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(KEY));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    settle().await;

    assert_eq!(textarea().value(), "From the other tab");
    assert_eq!(notice_text(), None);
    // And the next change here builds on it rather than on the stale copy.
    type_into_note("From the other tab, and mine");
    settle().await;
    assert_eq!(
        stored_text().as_deref(),
        Some("From the other tab, and mine")
    );
}

#[wasm_bindgen_test]
async fn a_clash_with_another_tab_never_overwrites_quietly_and_the_person_chooses() {
    storage().clear().unwrap();
    let (_, _handle) = mount_editor();
    type_into_note("One");
    settle().await;

    // The other tab saves before this tab has heard about it.
    storage()
        .set_item(KEY, &written_by_another_tab("Theirs", 2))
        .unwrap();
    type_into_note("Mine");
    settle().await;
    let notice = notice_text().expect("no notice about the clash");
    assert!(
        notice.contains("changed in another tab or window"),
        "{notice}"
    );
    assert_eq!(stored_text().as_deref(), Some("Theirs"));
    assert_eq!(textarea().value(), "Mine");

    click_button("Keep my version");
    settle().await;
    assert_eq!(stored_text().as_deref(), Some("Mine"));
    assert_eq!(notice_text(), None);

    storage()
        .set_item(KEY, &written_by_another_tab("Theirs again", 9))
        .unwrap();
    type_into_note("Mine again");
    settle().await;
    click_button("Use the other version");
    settle().await;
    assert_eq!(textarea().value(), "Theirs again");
    assert_eq!(stored_text().as_deref(), Some("Theirs again"));
    assert_eq!(notice_text(), None);
}

/// Mounts the editor, checks that it shows `shown`, types `typed` over it,
/// and checks that the change was stored with no problem.
async fn shown_then_changed(
    shown: &str,
    typed: &str,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    let (saved, handle) = mount_editor();
    settle().await;
    assert_eq!(textarea().value(), shown);
    type_into_note(typed);
    settle().await;
    assert_eq!(saved.problem.get_untracked(), None);
    assert_eq!(stored_text().as_deref(), Some(typed));
    handle
}

#[wasm_bindgen_test]
async fn a_document_read_ahead_is_shown_unless_another_tab_stored_a_newer_one_since() {
    storage().clear().unwrap();
    storage()
        .set_item(KEY, &written_by_another_tab("Read ahead", 3))
        .unwrap();
    read_ahead::<Note>(|_| {});
    // What was read ahead is what the page shows (the storage is not read
    // again: a copy changed behind the store's back, at the same revision,
    // is not seen).
    storage()
        .set_item(KEY, &written_by_another_tab("Not read again", 3))
        .unwrap();
    drop(shown_then_changed("Read ahead", "Read ahead, then changed").await);

    // Another tab stores a newer revision between reading ahead and the page.
    read_ahead::<Note>(|_| {});
    storage()
        .set_item(KEY, &written_by_another_tab("Newer, from the other tab", 9))
        .unwrap();
    let _handle = shown_then_changed("Newer, from the other tab", "Mine, over the newer one").await;
}

/// A clinic of 2019 and the sample's own years, stored in parts in the browser.
fn clinic_of_two_years() -> social_prescribing::domain::clinic::Clinic {
    use social_prescribing::domain::sample::{generate, Size};
    let size = Size {
        people: 20,
        appointments: 200,
        log_entries: 60,
        services: 0,
        plans: 0,
    };
    let mut clinic = generate(7, size).clinic;
    for booking in clinic.bookings.iter_mut().step_by(4) {
        booking.date.replace_range(..4, "2019");
    }
    clinic
}

/// Mounts a page that opens the clinic, and hands back its `Saved` clinic.
fn mount_clinic() -> (
    Saved<social_prescribing::domain::clinic::Clinic>,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let slot = Rc::new(Cell::new(None));
    let out = slot.clone();
    let parent = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.unchecked_into(), move || {
        let saved = Saved::<social_prescribing::domain::clinic::Clinic>::open();
        out.set(Some(saved));
        view! { <p>{move || saved.value.with(|c| c.people.len())}</p> }
    });
    (slot.get().unwrap(), handle)
}

#[wasm_bindgen_test]
async fn a_clinic_read_for_one_year_reads_the_rest_after_drawing_and_before_any_change() {
    use social_prescribing::domain::clinic::parts::Held;
    use social_prescribing::domain::clinic::Clinic;
    use social_prescribing::store::backend::BrowserStorage;
    use social_prescribing::store::{Loaded, Store};
    storage().clear().unwrap();
    let clinic = clinic_of_two_years();
    let store = Store::new(BrowserStorage);
    store.save(&clinic, 0, "2026-03-02T09:00:00Z").unwrap();
    let in_2019 = |c: &mut Clinic| c.held = Held::Year("2019".to_string());

    // Read for a day of 2019: that year only, then the rest once drawn.
    read_ahead::<Clinic>(in_2019);
    let (saved, handle) = mount_clinic();
    let first = saved.value.get_untracked();
    assert!(!first.is_whole());
    assert!(first.bookings.iter().all(|b| b.date.starts_with("2019")));
    assert!(first.people.iter().all(|p| p.log.is_empty()));
    // The next frame, then a task of its own (a second at most here).
    for _ in 0..50 {
        if saved.value.with_untracked(Clinic::is_whole) {
            break;
        }
        settle().await;
    }
    let later = saved.value.get_untracked();
    assert!(later.is_whole());
    assert_eq!(later.bookings.len(), clinic.bookings.len());
    drop(handle);

    // A change made before the rest was read waits for it, and loses nothing.
    read_ahead::<Clinic>(in_2019);
    let (saved, _handle) = mount_clinic();
    assert!(!saved.value.with_untracked(Clinic::is_whole));
    saved.update(|c| c.people[0].name = "Sam Jones".to_string());
    let Loaded::Ready { value, .. } = store.load::<Clinic>("2026-03-02T09:00:00Z") else {
        panic!("the clinic was not stored");
    };
    assert_eq!(value.people[0].name, "Sam Jones");
    assert_eq!(value.bookings.len(), clinic.bookings.len());
    let logged = |c: &Clinic| c.people.iter().map(|p| p.log.len()).sum::<usize>();
    assert_eq!(logged(&value), logged(&clinic));
}
