//! A select box, for a choice from a list too long for radios (a person in the
//! caseload, a category to filter by).

use super::{described_by, field_error, group_class, invalid, Bound, ErrorMessage};
use leptos::prelude::*;

#[component]
pub fn Select(
    id: &'static str,
    label: &'static str,
    /// Each option's value and words.
    options: Vec<(String, String)>,
    /// The chosen value; `""` for the first, empty, option when there is one.
    bind: Bound<String>,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
) -> impl IntoView {
    let error = field_error(id);
    let class = move || {
        if error.get().is_some() {
            "nhsuk-select nhsuk-select--error"
        } else {
            "nhsuk-select"
        }
    };
    let options = options
        .into_iter()
        .map(|(value, words)| {
            let chosen = value.clone();
            view! { <option value=value prop:selected=move || bind.get.with(|v| *v == chosen)>{words}</option> }
        })
        .collect_view();
    view! {
        <div class=group_class(error)>
            <label class="nhsuk-label" for=id>{label}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=format!("{id}-hint")>{hint}</div> })}
            <ErrorMessage id error />
            <select class=class id=id name=id aria-describedby=described_by(id, hint.is_some(), error) aria-invalid=invalid(error)
                on:change=move |ev| bind.set.run(event_target_value(&ev))>
                {options}
            </select>
        </div>
    }
}
