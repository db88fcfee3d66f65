//! Check your answers: every answer with a Change link, then Confirm and send.

use super::{use_draft, CrisisHelp, DeleteAnswers, UrgentHelpLine};
use crate::domain::referral::text::{change_link_words, rows};
use crate::domain::referral::validate::all_errors;
use crate::domain::referral::{Reference, Referral, Step};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::router::use_location;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::{today, use_base};
use leptos::prelude::*;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    page_title("Check your answers before sending");
    let saved = use_draft();
    let base = use_base();
    let problems = move || all_errors(&saved.value.with(|d| d.answers.clone()), today());
    let location = use_location();
    let confirm = move |_| {
        if !problems().is_empty() {
            return;
        }
        let reference = Reference::from_random((js_sys::Math::random() * 9.0e15) as u64);
        saved.update(|draft| {
            draft.complete(Step::Check);
            draft.sent = Some(Referral {
                reference,
                sent_on: today(),
                answers: draft.answers.clone(),
            });
        });
        if saved.problem.get_untracked().is_none() {
            location.navigate(Step::Done.path());
        }
    };
    let summary = {
        let base = base.clone();
        move || {
            saved
                .value
                .with(|d| rows(&d.answers))
                .into_iter()
                .map(|(step, label, value)| {
                    let change = format!("{}?change=yes", base.href(step.path()));
                    let words = change_link_words(label);
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{label}</dt>
                            <dd class="nhsuk-summary-list__value app-keep-lines">{value}</dd>
                            <dd class="nhsuk-summary-list__actions">
                                <a href=change>"Change"<span class="nhsuk-u-visually-hidden">" " {words}</span></a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        }
    };
    let missing = {
        let base = base.clone();
        move || {
            let problems = problems();
            (!problems.is_empty()).then(|| {
                view! {
                    <div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
                        <h2 class="nhsuk-error-summary__title" id="error-summary-title">"There is a problem"</h2>
                        <div class="nhsuk-error-summary__body">
                            <p>"Some answers are missing or need changing before you can send this."</p>
                            <ul class="nhsuk-list nhsuk-error-summary__list">
                                {problems.into_iter().map(|(step, error)| view! {
                                    <li><a href=format!("{}?change=yes", base.href(step.path()))>{error.message}</a></li>
                                }).collect_view()}
                            </ul>
                        </div>
                    </div>
                }
            })
        }
    };
    view! {
        <BackLink href=base.href(Step::Consent.path()) />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved />
                {missing}
                <h1>"Check your answers before sending"</h1>
                <CrisisHelp shown=Signal::derive(move || saved.value.with(|d| d.answers.mentions_crisis())) />
                <dl class="nhsuk-summary-list">{summary}</dl>
                <h2>"Now send your referral"</h2>
                <p>"When you confirm, we will give you a reference and show you ways to send this to the practice. Nothing is sent until you choose one."</p>
                <button type="button" class="nhsuk-button" on:click=confirm>"Confirm and send"</button>
                <UrgentHelpLine />
                <DeleteAnswers />
            </div>
        </div>
    }
}
