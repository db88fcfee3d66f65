//! The form pieces every question page is built from, in the NHS.UK frontend
//! markup: error summary, text input, textarea with a count, radios,
//! checkboxes, date input and file upload. Errors come from the page's [`FormErrors`].

mod choices;
mod date_input;
mod error_summary;
mod file_upload;
mod select;
mod text;

pub use choices::{offers, Checkboxes, Offer, Radios, TickBox};
pub use date_input::DateInput;
pub use error_summary::ErrorSummary;
pub use file_upload::FileUpload;
pub use select::Select;
pub use text::{TextArea, TextInput};

use crate::domain::referral::validate::{error_for, FieldError};
use leptos::prelude::*;

/// The errors found when the person last pressed Continue.
#[derive(Clone, Copy)]
pub struct FormErrors(pub RwSignal<Vec<FieldError>>);

/// The error for one field, from the page's [`FormErrors`].
pub fn field_error(id: impl Into<String>) -> Signal<Option<String>> {
    let id = id.into();
    let errors = use_context::<FormErrors>();
    Signal::derive(move || errors.and_then(|e| e.0.with(|list| error_for(list, &id))))
}

/// A value on a page, with how to change it.
pub struct Bound<T: Send + Sync + 'static> {
    pub get: Signal<T>,
    pub set: Callback<T>,
}

impl<T: Send + Sync + 'static> Clone for Bound<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Bound<T> {}

/// One field of a form held in a signal, as a [`Bound`] value for an input.
pub fn bind<F, T>(form: RwSignal<F>, get: fn(&F) -> T, set: fn(&mut F, T)) -> Bound<T>
where
    F: Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    Bound {
        get: Signal::derive(move || form.with(get)),
        set: Callback::new(move |value| form.update(|f| set(f, value))),
    }
}

/// The message under a field's label, read out with the field.
#[component]
fn ErrorMessage(id: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <span class="nhsuk-error-message" id=format!("{id}-error")>
                    <span class="nhsuk-u-visually-hidden">"Error: "</span>
                    {message}
                </span>
            }
        })
    }
}

/// The frame of a group of inputs: the form group (red-edged on error), the
/// fieldset, its legend (the page's heading when it is the page's question),
/// the hint and the error, then the inputs.
#[component]
fn Fieldset(
    id: &'static str,
    legend: &'static str,
    heading: bool,
    hint: Option<&'static str>,
    error: Signal<Option<String>>,
    /// "group" for inputs that make one answer together, like a date.
    #[prop(optional)]
    role: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let legend = if heading {
        view! {
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                <h1 class="nhsuk-fieldset__heading">{legend}</h1>
            </legend>
        }
        .into_any()
    } else {
        view! { <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend> }
            .into_any()
    };
    view! {
        <div class=group_class(error)>
            <fieldset class="nhsuk-fieldset" role=role aria-describedby=described_by(id, hint.is_some(), error)>
                {legend}
                {hint.map(|hint| view! { <div class="nhsuk-hint" id=format!("{id}-hint")>{hint}</div> })}
                <ErrorMessage id error />
                {children()}
            </fieldset>
        </div>
    }
}

/// The ids a field is described by: its hint and its error, when present.
fn described_by(
    id: &'static str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.get().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// `aria-invalid` for an input while its field has an error, so that a screen
/// reader says so on the input itself.
fn invalid(error: Signal<Option<String>>) -> impl Fn() -> Option<&'static str> {
    move || error.get().is_some().then_some("true")
}

/// A form group, red-edged when it holds an error.
fn group_class(error: Signal<Option<String>>) -> impl Fn() -> &'static str {
    move || {
        if error.get().is_some() {
            "nhsuk-form-group nhsuk-form-group--error"
        } else {
            "nhsuk-form-group"
        }
    }
}
