//! "My plan": the person's own plan on their phone. A task list of its six
//! sections, a page for each (saved as the person types), reviews with a
//! chart of wellbeing over time, the plan on one page, and deleting it.
//! Sharing a plan by a QR code and receiving a shared one are an area of
//! their own ([`SharePlanFlow`]).
//! The newest plan is the one worked on; earlier ones are kept to read.

mod goals;
mod lock;
mod one_page;
mod progress;
mod sections;
mod share;
mod support;
mod tasks;
pub(crate) mod wellbeing;

pub use lock::{LockPlanPage, PlanLockGate};
pub use share::SharePlanFlow;

use super::FormPage;
use crate::domain::form::FieldError;
use crate::domain::plan::check::{check, completed_answer};
use crate::domain::plan::fields::PlanText;
use crate::domain::plan::{CarePlan, PlanBook, Section, Status};
use crate::ui::form::{Bound, Radios};
use crate::ui::layout::{BackLink, UrgentHelpCalls};
use crate::ui::pages::NotFound;
use crate::ui::router::{own_page, use_location};
use crate::ui::saved::Saved;
use crate::ui::{today, use_base};
use leptos::prelude::*;
use sections::{TextSection, ABOUT_ME, IF_HARDER, NEXT_REVIEW};

/// Every plan on the device, shared by the area's pages.
fn use_plans() -> Saved<PlanBook> {
    use_context::<Saved<PlanBook>>().expect("a plan page outside PlanFlow")
}

/// Holds the plans while the person moves between the area's pages, and
/// shows the page for `page` (a path under the app's base, `plan/...`).
#[component]
pub fn PlanFlow(page: Memo<String>) -> impl IntoView {
    let plans = Saved::<PlanBook>::open();
    provide_context(plans);
    move || {
        let page = page.get();
        own_page(move || {
            let has_plan = plans.value.with_untracked(|b| b.newest().is_some());
            match page.as_str() {
                "plan" => tasks::TaskList().into_any(),
                "plan/one-page" => one_page::OnePage().into_any(),
                "plan/delete" => tasks::DeletePlan().into_any(),
                _ if !has_plan => tasks::NoPlanYet().into_any(),
                "plan/about-me" => {
                    view! { <TextSection section=Section::AboutMe fields=ABOUT_ME /> }.into_any()
                }
                "plan/wellbeing" => wellbeing::Wellbeing().into_any(),
                "plan/goals" => goals::Goals().into_any(),
                "plan/goal" => goals::GoalPage().into_any(),
                "plan/support" => support::Support().into_any(),
                "plan/if-things-get-harder" => {
                    view! { <TextSection section=Section::Harder fields=IF_HARDER /> }.into_any()
                }
                "plan/review" => {
                    view! { <TextSection section=Section::Review fields=NEXT_REVIEW /> }.into_any()
                }
                "plan/progress" => progress::Progress().into_any(),
                "plan/progress/review" => progress::RecordReview().into_any(),
                _ => NotFound().into_any(),
            }
        })
    }
}

/// A text of the newest plan, bound to a box: saved as the person types,
/// exactly as typed.
fn text(at: PlanText) -> Bound<String> {
    let plans = use_plans();
    Bound {
        get: Signal::derive(move || {
            plans.value.with(|book| {
                book.newest()
                    .and_then(|plan| plan.text(at))
                    .cloned()
                    .unwrap_or_default()
            })
        }),
        set: Callback::new(move |typed: String| {
            plans.update(|book| {
                if let Some(text) = book.newest_mut().and_then(|plan| plan.text_mut(at)) {
                    *text = typed;
                }
            })
        }),
    }
}

/// Changes the newest plan and saves it.
fn change(plans: Saved<PlanBook>, change: impl FnOnce(&mut CarePlan)) {
    plans.update(|book| {
        if let Some(plan) = book.newest_mut() {
            change(plan);
        }
    });
}

/// The newest plan as it is now, without following its changes.
fn newest_now(plans: Saved<PlanBook>) -> CarePlan {
    plans
        .value
        .with_untracked(|book| book.newest().cloned())
        .unwrap_or_default()
}

/// The plan a page was asked for by `?plan=` (an earlier one), else the
/// newest; with the id asked, if any. `None` when it is not on this phone.
fn asked_plan(plans: Saved<PlanBook>) -> (Option<String>, Option<CarePlan>) {
    let asked = use_location().query("plan");
    let plan = plans.value.with_untracked(|book| match &asked {
        Some(id) => book.get(id).cloned(),
        None => book.newest().cloned(),
    });
    (asked, plan)
}

/// What a page says when the plan it was asked for is not on this phone.
fn plan_not_here() -> AnyView {
    view! {
        <NotHere title="This plan is not on this phone" text="It may have been deleted already."
            link="Go to my plan" />
    }
    .into_any()
}

const COMPLETED: [(&str, &str); 2] = [
    ("yes", "Yes, I have completed this section"),
    ("no", "No, I will come back to it later"),
];

/// A section's page: back to the task list, the save problem and errors,
/// the section's boxes (saved as they are typed in), then "Have you
/// completed this section?" and Save and continue, which checks the page
/// and goes back to the task list. A draft is never refused: what was typed
/// stays saved whatever the errors.
#[component]
fn SectionPage(
    section: Section,
    children: Children,
    /// Whether to check the boxes on this page (the goals' list has none).
    #[prop(default = true)]
    check_fields: bool,
) -> impl IntoView {
    let plans = use_plans();
    let location = use_location();
    let before = newest_now(plans);
    let was = (before.status(section) == Status::Completed).then_some("yes");
    let completed = RwSignal::new(was);
    let submit = Callback::new(move |()| {
        let plan = newest_now(plans);
        let mut found: Vec<FieldError> = if check_fields {
            check(section, &plan, &before, today())
        } else {
            Vec::new()
        };
        match completed_answer(completed.get_untracked().map(|a| a == "yes")) {
            Err(error) => found.push(error),
            // "No" is kept at once; "Yes" once nothing needs changing.
            Ok(done) if !done || found.is_empty() => {
                change(plans, |plan| plan.set_completed(section, done))
            }
            Ok(_) => {}
        }
        if !found.is_empty() {
            return Err(found);
        }
        if plans.problem.get_untracked().is_none() {
            location.navigate("plan");
        }
        Ok(())
    });
    view! {
        <FormPage title=section.title() back=use_base().href("plan") button=SAVE.to_string()
            caption=Some("My plan".to_string()) saved=plans submit>
            <p class="nhsuk-body-s">"What you type is saved on this phone as you go. Use your own words."</p>
            {children()}
            <Radios id="completed" legend="Have you completed this section?" choices=COMPLETED.to_vec()
                bind=Bound { get: completed.into(), set: Callback::new(move |v| completed.set(v)) } />
        </FormPage>
    }
}

const SAVE: &str = "Save and continue";

/// Where to get help now: on the plan's front page, in "If things get
/// harder", and on the plan on one page and on paper.
#[component]
fn UrgentHelpBox() -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout app-plan-urgent">
            <h2 class="nhsuk-warning-callout__label">
                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Urgent help"</span>
            </h2>
            <UrgentHelpCalls />
        </div>
    }
}

/// A page for something that is not on this phone (a plan deleted, a goal
/// removed, a section before any plan): what happened, and the way back.
#[component]
fn NotHere(title: &'static str, text: &'static str, link: &'static str) -> impl IntoView {
    super::page_title(title);
    let back = use_base().href("plan");
    view! {
        <BackLink href=back.clone() />
        <h1>{title}</h1>
        <p>{text}</p>
        <p><a href=back>{link}</a></p>
    }
}

/// One tick box ("I have done step 1"), inside an `nhsuk-checkboxes`.
#[component]
fn Tick(id: String, label: String, checked: Signal<bool>, set: Callback<bool>) -> impl IntoView {
    view! {
        <div class="nhsuk-checkboxes__item">
            <input class="nhsuk-checkboxes__input" id=id.clone() type="checkbox"
                prop:checked=checked on:change=move |ev| set.run(event_target_checked(&ev)) />
            <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{label}</label>
        </div>
    }
}
