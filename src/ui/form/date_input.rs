//! A date as three boxes: day, month, year (GOV.UK's date input).

use super::{field_error, invalid, Bound, Fieldset};
use leptos::prelude::*;

#[component]
pub fn DateInput(
    /// The group's id; the boxes are `<id>-day`, `<id>-month` and `<id>-year`.
    id: &'static str,
    legend: &'static str,
    day: Bound<String>,
    month: Bound<String>,
    year: Bound<String>,
    #[prop(optional)] heading: bool,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    /// "bday" for a date of birth.
    #[prop(optional_no_strip)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let errors = ["day", "month", "year"].map(|part| field_error(format!("{id}-{part}")));
    let error = Signal::derive(move || errors.iter().find_map(|e| e.get()));
    let boxes = [
        ("day", "Day", day, "nhsuk-input--width-2"),
        ("month", "Month", month, "nhsuk-input--width-2"),
        ("year", "Year", year, "nhsuk-input--width-4"),
    ];
    let items = boxes
        .into_iter()
        .map(|(part, label, bind, width)| {
            let input_id = format!("{id}-{part}");
            let class = move || {
                let error = if error.get().is_some() { " nhsuk-input--error" } else { "" };
                format!("nhsuk-input nhsuk-date-input__input {width}{error}")
            };
            // Without a token, the browser keeps no memory of a date typed here.
            let autocomplete = autocomplete.map_or_else(|| "off".to_string(), |a| format!("{a}-{part}"));
            view! {
                <div class="nhsuk-date-input__item">
                    <div class="nhsuk-form-group">
                        <label class="nhsuk-label nhsuk-date-input__label" for=input_id.clone()>{label}</label>
                        <input class=class id=input_id.clone() name=input_id type="text" inputmode="numeric"
                            autocomplete=autocomplete aria-invalid=invalid(error)
                            prop:value=move || bind.get.get()
                            on:input=move |ev| bind.set.run(event_target_value(&ev)) />
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <Fieldset id legend heading hint error role="group">
            <div class="nhsuk-date-input" id=id>{items}</div>
        </Fieldset>
    }
}
