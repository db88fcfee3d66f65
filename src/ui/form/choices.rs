//! Radios (one answer) and checkboxes (any number), for fixed choices.
//!
//! They work on the choices' keys rather than being generic over each kind of
//! choice: one copy of their code serves every question, which keeps the app
//! small (a generic version cost about 15 KB of wasm per kind of choice).

use super::{field_error, Bound, Fieldset};
use crate::domain::referral::Choice;
use leptos::prelude::*;

/// A choice as the form sees it: its key and the words shown.
pub type Offer = (&'static str, &'static str);

/// Every choice of a kind, as offers.
pub fn offers<C: Choice>() -> Vec<Offer> {
    C::ALL.iter().map(|c| (c.key(), c.label())).collect()
}

/// The id of the n-th input of a group: the first has the group's own id, so
/// that an error link lands on it.
fn item_id(id: &'static str, n: usize) -> String {
    if n == 0 {
        id.to_string()
    } else {
        format!("{id}-{}", n + 1)
    }
}

#[component]
pub fn Radios(
    id: &'static str,
    legend: &'static str,
    /// The choices, from [`offers`].
    choices: Vec<Offer>,
    /// The chosen key.
    bind: Bound<Option<&'static str>>,
    #[prop(optional)] heading: bool,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional)] inline: bool,
    /// Shown under the chosen answer, such as the box for a phone number
    /// under "Phone call".
    #[prop(optional_no_strip)]
    conditional: Option<ViewFn>,
    /// The keys of the answers that show something under them, from
    /// `conditional`: their radios name it (`aria-controls`), and it is
    /// read out when it appears (radios may not carry `aria-expanded`).
    #[prop(optional)]
    reveals: Vec<&'static str>,
    /// The key of an answer set apart by "or", such as "I would rather not say".
    #[prop(optional_no_strip)]
    or_before: Option<&'static str>,
) -> impl IntoView {
    let error = field_error(id);
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(n, (key, label))| {
            let input_id = item_id(id, n);
            let shows = move || bind.get.get() == Some(key);
            let conditional = conditional.clone();
            let divider = (Some(key) == or_before)
                .then(|| view! { <div class="nhsuk-radios__divider">"or"</div> });
            let reveals = reveals.contains(&key).then(|| format!("conditional-{input_id}"));
            view! {
                {divider}
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=input_id.clone() name=id type="radio" value=key
                        prop:checked=shows
                        aria-controls=reveals.clone()
                        on:change=move |_| bind.set.run(Some(key)) />
                    <label class="nhsuk-label nhsuk-radios__label" for=input_id>{label}</label>
                </div>
                {reveals.map(|region| view! {
                    <div class="nhsuk-radios__conditional" id=region hidden=move || !shows() aria-live="polite">
                        {move || shows().then(|| conditional.as_ref().map(|content| content.run()))}
                    </div>
                })}
            }
        })
        .collect_view();
    view! {
        <Fieldset id legend heading hint error>
            <div class=if inline { "nhsuk-radios nhsuk-radios--inline" } else { "nhsuk-radios" }>{items}</div>
        </Fieldset>
    }
}

#[component]
pub fn Checkboxes(
    id: &'static str,
    legend: &'static str,
    /// The choices, from [`offers`].
    choices: Vec<Offer>,
    /// The ticked keys.
    bind: Bound<Vec<&'static str>>,
    #[prop(optional)] heading: bool,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    /// The key of an answer like "None of these": shown last after "or", and
    /// ticking it clears the others (and the other way round).
    #[prop(optional_no_strip)]
    exclusive: Option<&'static str>,
    /// Shown under `reveal` when it is ticked, such as a box for "Something else".
    #[prop(optional_no_strip)]
    conditional: Option<ViewFn>,
    #[prop(optional_no_strip)] reveal: Option<&'static str>,
) -> impl IntoView {
    let error = field_error(id);
    let order: Vec<&'static str> = choices.iter().map(|(key, _)| *key).collect();
    let toggle = move |choice: &'static str, on: bool| {
        let mut chosen = bind.get.get_untracked();
        chosen.retain(|c| *c != choice);
        if on {
            if Some(choice) == exclusive {
                chosen.clear();
            } else if let Some(exclusive) = exclusive {
                chosen.retain(|c| *c != exclusive);
            }
            chosen.push(choice);
            // Keep the order they are offered in, whatever order they were ticked.
            chosen.sort_by_key(|c| order.iter().position(|o| o == c));
        }
        bind.set.run(chosen);
    };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(n, (choice, label))| {
            let toggle = toggle.clone();
            let input_id = item_id(id, n);
            let divider = (Some(choice) == exclusive).then(|| view! { <div class="nhsuk-checkboxes__divider">"or"</div> });
            let shows = move || reveal == Some(choice) && bind.get.get().contains(&choice);
            let conditional = conditional.clone();
            let reveals = (reveal == Some(choice)).then(|| format!("conditional-{input_id}"));
            view! {
                {divider}
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=input_id.clone() name=id type="checkbox" value=choice
                        prop:checked=move || bind.get.get().contains(&choice)
                        aria-controls=reveals.clone()
                        on:change=move |ev| toggle(choice, event_target_checked(&ev)) />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=input_id>{label}</label>
                </div>
                {reveals.map(|region| view! {
                    <div class="nhsuk-checkboxes__conditional" id=region hidden=move || !shows() aria-live="polite">
                        {move || shows().then(|| conditional.as_ref().map(|content| content.run()))}
                    </div>
                })}
            }
        })
        .collect_view();
    view! {
        <Fieldset id legend heading hint error>
            <div class="nhsuk-checkboxes">{items}</div>
        </Fieldset>
    }
}

/// One tick box on its own, such as "They agree to be shown on the board":
/// a yes or no that needs no legend of its own.
#[component]
pub fn TickBox(id: &'static str, label: &'static str, bind: Bound<bool>) -> impl IntoView {
    view! {
        <div class="nhsuk-form-group">
            <div class="nhsuk-checkboxes">
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=id type="checkbox"
                        prop:checked=move || bind.get.get()
                        on:change=move |ev| bind.set.run(event_target_checked(&ev)) />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{label}</label>
                </div>
            </div>
        </div>
    }
}
