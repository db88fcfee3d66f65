//! A file upload: its label, hint and error, what is there now (`children`),
//! and a file input that hands over the file chosen.

use super::{described_by, field_error, group_class, invalid, ErrorMessage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FileUpload(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    /// The kinds of file offered first, as `accept` takes them: "image/*".
    accept: &'static str,
    chosen: Callback<web_sys::File>,
    children: Children,
) -> impl IntoView {
    let error = field_error(id);
    let on_change = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            chosen.run(file);
        }
        // Choosing the same file again (after a message) is a change again.
        if let Some(input) = input {
            input.set_value("");
        }
    };
    view! {
        <div class=group_class(error)>
            <label class="nhsuk-label" for=id>{label}</label>
            <div class="nhsuk-hint" id=format!("{id}-hint")>{hint}</div>
            <ErrorMessage id error />
            {children()}
            <input class="app-file-upload" id=id name=id type="file" accept=accept
                aria-describedby=described_by(id, true, error) aria-invalid=invalid(error)
                on:change=on_change />
        </div>
    }
}
