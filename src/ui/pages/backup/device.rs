//! This device's own name, which the volunteers choose ("Reception PC"), so
//! that backups from two devices are told apart by their file names and in
//! the preview before a restore or a merge. It is kept in this browser only
//! (local storage), never in a backup: a restored backup must not rename the
//! device it is restored on.

use crate::store::backup::{check_device_name, file_name};
use crate::ui::form::{bind, TextInput};
use leptos::prelude::*;

const KEY: &str = "sp-device-name";

/// The name the volunteers gave this device, or "".
pub fn device_name() -> String {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .unwrap_or_default()
}

fn set_device_name(name: &str) -> bool {
    window()
        .local_storage()
        .ok()
        .flatten()
        .is_some_and(|s| s.set_item(KEY, name).is_ok())
}

/// The name for a backup made now on this device: its local date and time,
/// its name, and whether its records are locked.
pub fn backup_file_name(locked: bool) -> String {
    let now = js_sys::Date::new_0();
    let when = format!(
        "{:04}-{:02}-{:02}-{:02}{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    );
    file_name(&when, &device_name(), locked)
}

/// When and where a backup was made, in words: "Sunday 6 December 2026 at
/// 2:32pm, on Reception PC". `made` is the backup's time (UTC); the time is
/// said in this device's own time.
pub fn made_words(made: &str, device: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(made));
    let local = chrono::NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    );
    let mut words = match local {
        Some(day) if !date.get_time().is_nan() => format!(
            "{} at {}",
            crate::domain::dates::long_date(day),
            crate::domain::clinic::time::ClockTime::at(date.get_hours() as u16, date.get_minutes() as u16).words()
        ),
        _ => made
            .get(..10)
            .and_then(crate::domain::dates::parse_iso)
            .map(crate::domain::dates::long_date)
            .unwrap_or_else(|| "an unknown day".to_string()),
    };
    if !device.trim().is_empty() {
        words.push_str(", on ");
        words.push_str(device.trim());
    }
    words
}

/// Shows this device's name and lets a volunteer change it.
#[component]
pub fn DeviceName(errors: RwSignal<Vec<crate::domain::form::FieldError>>) -> impl IntoView {
    let name = RwSignal::new(device_name());
    let typed = RwSignal::new(name.get_untracked());
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match check_device_name(&typed.get_untracked()) {
            Ok(checked) => {
                errors.set(Vec::new());
                if set_device_name(&checked) {
                    typed.set(checked.clone());
                    name.set(checked);
                    saved.set(true);
                } else {
                    errors.set(vec![crate::domain::form::FieldError::new(
                        "device-name",
                        "This browser would not keep the name. Check that it is not in private browsing, then try again",
                    )]);
                }
            }
            Err(error) => errors.set(vec![error]),
        }
    };
    view! {
        <h2>"This device’s name"</h2>
        <p data-testid="device-name">{move || {
            let name = name.get();
            if name.is_empty() {
                "This device has no name yet. Give it one, so that its backups can be told apart from another device’s on a shared drive.".to_string()
            } else {
                format!("This device is called {name}. Its backups have the name in their file names.")
            }
        }}</p>
        <form novalidate on:submit=save>
            <TextInput id="device-name" label="Name this device" autocomplete=Some("off")
                hint=Some("For example, Reception PC or Tablet 2. 30 characters or fewer")
                width=Some("nhsuk-input--width-20")
                bind=bind(typed, |v| v.clone(), |v, new| *v = new) />
            <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Save the device’s name"</button>
            {move || saved.get().then(|| view! { <p role="status" data-testid="device-name-saved">"The device’s name has been saved."</p> })}
        </form>
    }
}
