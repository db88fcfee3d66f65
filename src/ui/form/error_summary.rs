//! "There is a problem": the list of errors at the top of a page, each a link
//! that moves focus to its field. It takes focus when it appears, so screen
//! reader users hear it at once.

use super::FormErrors;
use crate::ui::layout::focus_in_page;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let errors = use_context::<FormErrors>().map(|e| e.0);
    let summary = NodeRef::<Div>::new();
    Effect::new(move || {
        let has_errors = errors.is_some_and(|e| e.with(|list| !list.is_empty()));
        if has_errors {
            if let Some(summary) = summary.get() {
                summary.scroll_into_view();
                let _ = summary.focus();
            }
        }
    });
    move || {
        let list = errors.map(|e| e.get()).unwrap_or_default();
        (!list.is_empty()).then(|| {
            view! {
                <div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert"
                    tabindex="-1" node_ref=summary>
                    <h2 class="nhsuk-error-summary__title" id="error-summary-title">"There is a problem"</h2>
                    <div class="nhsuk-error-summary__body">
                        <ul class="nhsuk-list nhsuk-error-summary__list">
                            {list
                                .into_iter()
                                .map(|error| {
                                    let field = error.field;
                                    view! {
                                        <li>
                                            <a href=format!("#{field}") on:click=move |ev| focus_in_page(ev, &field)>
                                                {error.message}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                </div>
            }
        })
    }
}
