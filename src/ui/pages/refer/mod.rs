//! Self-referral: a start page, one question a page, check your answers, and
//! a confirmation with the ways to hand the referral over.

mod check;
mod done;
mod questions;
mod start;

pub use check::CheckAnswers;
pub use done::{Done, UnderSixteen};
pub use questions::*;
pub use start::Start;

use super::form_errors;
use crate::domain::referral::validate::{check, Outcome};
use crate::domain::referral::{Answers, ReferralDraft, Step};
use crate::ui::form::ErrorSummary;
use crate::ui::layout::{focus_element, BackLink, UrgentHelpCalls};
use crate::ui::router::{own_page, use_location};
use crate::ui::saved::{SaveProblemNotice, Saved};
use crate::ui::updates::keep_before_update;
use crate::ui::{today, use_base};
use leptos::prelude::*;

/// The person's referral, shared by every page of the flow.
pub fn use_draft() -> Saved<ReferralDraft> {
    use_context::<Saved<ReferralDraft>>().expect("a referral page outside ReferFlow")
}

/// Holds the draft while the person moves between the flow's pages, and
/// shows the page for `page` (a path under the app's base, `refer/...`).
#[component]
pub fn ReferFlow(page: Memo<String>) -> impl IntoView {
    provide_context(Saved::<ReferralDraft>::open());
    move || {
        own_page(|| match page.get().as_str() {
            "refer" => Start().into_any(),
            "refer/under-16" => UnderSixteen().into_any(),
            "refer/check" => CheckAnswers().into_any(),
            "refer/done" => Done().into_any(),
            other => view! { <QuestionRoute page=other.to_string() /> }.into_any(),
        })
    }
}

/// One question page: back link, errors, the fields, Continue, and the way
/// out. On Continue the page's answers are saved (even with errors, so
/// nothing typed is lost) and checked.
#[component]
fn QuestionPage(
    step: Step,
    title: &'static str,
    form: RwSignal<Answers>,
    children: Children,
) -> impl IntoView {
    let saved = use_draft();
    // A new version's reload keeps what is typed here, unchecked, as
    // Continue would.
    keep_before_update(move || {
        let page = form.get_untracked();
        saved.update(|draft| draft.answers.take_page(step, &page));
    });
    let errors = form_errors(move || title.to_string());
    let location = use_location();
    let changing = move || location.query("change").is_some();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let page = form.get_untracked();
        saved.update(|draft| draft.answers.take_page(step, &page));
        let answers = saved.value.get_untracked().answers;
        match check(step, &answers, today()) {
            Outcome::Errors(list) => errors.set(list),
            Outcome::TooYoung => {
                errors.set(Vec::new());
                location.navigate("refer/under-16");
            }
            Outcome::Next => {
                errors.set(Vec::new());
                saved.update(|draft| draft.complete(step));
                let next = if changing() { Step::Check } else { step.next() };
                location.navigate(next.path());
            }
        }
    };
    let base = use_base();
    let back = if changing() {
        base.href(Step::Check.path())
    } else {
        base.href(step.previous().map_or("refer", Step::path))
    };
    view! {
        <BackLink href=back />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved />
                <ErrorSummary />
                <form novalidate on:submit=on_submit>
                    {children()}
                    <button class="nhsuk-button" type="submit" data-prevent-double-click="true">"Continue"</button>
                </form>
                <UrgentHelpLine />
                <DeleteAnswers />
            </div>
        </div>
    }
}

/// A person's answers as a summary list, as the clinic and the person read them.
#[component]
pub fn AnswersList(answers: Answers) -> impl IntoView {
    let rows = crate::domain::referral::text::rows(&answers)
        .into_iter()
        .map(|(_, label, value)| {
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{label}</dt>
                    <dd class="nhsuk-summary-list__value app-keep-lines">{value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="nhsuk-summary-list">{rows}</dl> }
}

/// Where to get help now, on every page of the flow before "Delete".
#[component]
pub fn UrgentHelpLine() -> impl IntoView {
    view! {
        <div class="nhsuk-inset-text app-urgent-help-line">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <h2 class="nhsuk-heading-s">"If you need help now"</h2>
            <UrgentHelpCalls />
        </div>
    }
}

/// Where to get help now, first on the page, when the person's own words may
/// mean they are thinking of hurting themselves or ending their life: nobody
/// reads the form straight away (hazard H01 in docs/clinical-safety.md).
#[component]
pub fn CrisisHelp(shown: Signal<bool>) -> impl IntoView {
    move || {
        shown.get().then(|| {
            view! {
                <div class="nhsuk-warning-callout" data-testid="crisis-help">
                    <h2 class="nhsuk-warning-callout__label">
                        <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Help is there now"</span>
                    </h2>
                    <p>"Some of your words sound like you may be thinking about hurting yourself or ending your life. "
                        "Nobody reads this form straight away."</p>
                    <p>"If you might act on these thoughts, or you are in danger now, call 999. "
                        "To talk to someone now, day or night, call Samaritans free."</p>
                    <UrgentHelpCalls />
                    <p>"You can still send this form as well."</p>
                </div>
            }
        })
    }
}

/// "Delete my answers from this device": asks once, then really removes them.
/// Focus goes to the question when it is asked, and back to the button on "No".
#[component]
pub fn DeleteAnswers() -> impl IntoView {
    let saved = use_draft();
    let asking = RwSignal::new(false);
    let location = use_location();
    let ask = move |open: bool| {
        asking.set(open);
        let to = if open {
            "delete-answers-question"
        } else {
            "delete-answers"
        };
        request_animation_frame(move || focus_element(to));
    };
    let delete = move |_| {
        if saved.delete() {
            location.navigate("refer?deleted=yes");
            // The start page's "deleted" banner, so that it is what is read.
            request_animation_frame(|| focus_element("deleted"));
        }
    };
    view! {
        <div class="app-no-print app-delete-answers">
            <Show when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" id="delete-answers"
                        on:click=move |_| ask(true)>
                        "Delete my answers from this device"
                    </button>
                }>
                <div class="nhsuk-warning-callout">
                    <h2 class="nhsuk-warning-callout__label" id="delete-answers-question" tabindex="-1">
                        <span role="text">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Delete your answers?"
                        </span>
                    </h2>
                    <p>"Everything you have typed into this form will be removed from this device. You cannot undo this."</p>
                    <div class="nhsuk-button-group">
                        <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=delete>
                            "Yes, delete my answers"
                        </button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| ask(false)>
                            "No, keep them"
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
