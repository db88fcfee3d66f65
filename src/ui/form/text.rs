//! Text boxes: one line, or several with a character count.

use super::{described_by, field_error, group_class, Bound, ErrorMessage};
use crate::domain::referral::character_count;
use leptos::prelude::*;

/// A label, as the page's heading when the field is the page's only question.
#[component]
fn Label(id: &'static str, label: &'static str, heading: bool) -> impl IntoView {
    if heading {
        view! {
            <h1 class="nhsuk-label-wrapper">
                <label class="nhsuk-label nhsuk-label--l" for=id>{label}</label>
            </h1>
        }
        .into_any()
    } else {
        view! { <label class="nhsuk-label" for=id>{label}</label> }.into_any()
    }
}

#[component]
pub fn TextInput(
    id: &'static str,
    label: &'static str,
    bind: Bound<String>,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional)] heading: bool,
    #[prop(default = "text")] input_type: &'static str,
    /// A token such as "tel" where the browser may fill in the person's own
    /// details; without one it is told not to remember what is typed (on a
    /// shared clinic device, a name typed for one person must not be offered
    /// for the next).
    #[prop(optional_no_strip)]
    autocomplete: Option<&'static str>,
    /// An NHS.UK width class such as "nhsuk-input--width-10".
    #[prop(optional_no_strip)]
    width: Option<&'static str>,
) -> impl IntoView {
    let error = field_error(id);
    let class = move || {
        let mut class = String::from("nhsuk-input");
        if let Some(width) = width {
            class.push(' ');
            class.push_str(width);
        }
        if error.get().is_some() {
            class.push_str(" nhsuk-input--error");
        }
        class
    };
    view! {
        <div class=group_class(error)>
            <Label id label heading />
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=format!("{id}-hint")>{hint}</div> })}
            <ErrorMessage id error />
            <input class=class id=id name=id type=input_type autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false" aria-describedby=described_by(id, hint.is_some(), error)
                prop:value=move || bind.get.get()
                on:input=move |ev| bind.set.run(event_target_value(&ev)) />
        </div>
    }
}

#[component]
pub fn TextArea(
    id: &'static str,
    label: &'static str,
    bind: Bound<String>,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional)] heading: bool,
    /// The most characters allowed; shows a count as the person types.
    #[prop(optional_no_strip)]
    limit: Option<usize>,
    #[prop(default = 5)] rows: u32,
    #[prop(optional_no_strip)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let error = field_error(id);
    let class = move || {
        if error.get().is_some() {
            "nhsuk-textarea nhsuk-textarea--error"
        } else {
            "nhsuk-textarea"
        }
    };
    let count = limit.map(|limit| {
        let message = move || character_count(&bind.get.get(), limit);
        view! {
            <div class="nhsuk-hint nhsuk-character-count__message nhsuk-u-visually-hidden" id=format!("{id}-info")>
                {format!("You can enter up to {limit} characters")}
            </div>
            <div aria-live="polite"
                class=move || if message().1 { "nhsuk-error-message nhsuk-character-count__status" } else { "nhsuk-hint nhsuk-character-count__status" }>
                {move || message().0}
            </div>
        }
    });
    let described = described_by(id, hint.is_some(), error);
    let described = move || {
        let info = limit.map(|_| format!("{id}-info"));
        match (described(), info) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        }
    };
    view! {
        <div class=group_class(error)>
            <div class=if limit.is_some() { "nhsuk-character-count" } else { "" }>
                <Label id label heading />
                {hint.map(|hint| view! { <div class="nhsuk-hint" id=format!("{id}-hint")>{hint}</div> })}
                <ErrorMessage id error />
                <textarea class=class id=id name=id rows=rows autocomplete=autocomplete.unwrap_or("off") aria-describedby=described
                    prop:value=move || bind.get.get()
                    on:input=move |ev| bind.set.run(event_target_value(&ev))></textarea>
                {count}
            </div>
        </div>
    }
}
