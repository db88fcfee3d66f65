//! Text boxes: one line, or several with a character count.

use super::{described_by, field_error, group_class, invalid, Bound, ErrorMessage};
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
                spellcheck="false" aria-describedby=described_by(id, hint.is_some(), error) aria-invalid=invalid(error)
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
    let spoken = SaidAfterAPause::new();
    let count = limit.map(|limit| {
        let message = move || character_count(&bind.get.get(), limit);
        view! {
            <div class="nhsuk-hint nhsuk-character-count__message nhsuk-u-visually-hidden" id=format!("{id}-info")>
                {format!("You can enter up to {limit} characters")}
            </div>
            <div aria-hidden="true"
                class=move || if message().1 { "nhsuk-error-message nhsuk-character-count__status" } else { "nhsuk-hint nhsuk-character-count__status" }>
                {move || message().0}
            </div>
            <div class="nhsuk-u-visually-hidden" aria-live="polite">{spoken.said}</div>
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
                    aria-invalid=invalid(error)
                    prop:value=move || bind.get.get()
                    on:input=move |ev| {
                        bind.set.run(event_target_value(&ev));
                        if let Some(limit) = limit {
                            spoken.typed(move || character_count(&bind.get.get_untracked(), limit).0);
                        }
                    }></textarea>
                {count}
            </div>
        </div>
    }
}

/// The count as a screen reader hears it: once the person stops typing for a
/// moment, as GOV.UK's character count does, not on every key press
/// ("499 characters remaining", "498"...) while they write.
#[derive(Clone, Copy)]
struct SaidAfterAPause {
    said: RwSignal<String>,
    keys: StoredValue<u32>,
}

impl SaidAfterAPause {
    fn new() -> Self {
        Self {
            said: RwSignal::new(String::new()),
            keys: StoredValue::new(0),
        }
    }

    /// A key was pressed: `words` are said if no other key follows soon.
    fn typed(self, words: impl FnOnce() -> String + 'static) {
        self.keys.update_value(|n| *n += 1);
        let this_key = self.keys.get_value();
        set_timeout(
            move || {
                if self.keys.try_get_value() == Some(this_key) {
                    self.said.set(words());
                }
            },
            std::time::Duration::from_millis(PAUSE_MS),
        );
    }
}

/// How long a person stops typing before the count is read to them.
const PAUSE_MS: u64 = 1000;
