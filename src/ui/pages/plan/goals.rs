//! "My goals": the list of goals, and a page for each (`plan/goal?id=`) with
//! why it matters, its small steps (each with an optional date and a done
//! tick), who can help, what might get in the way and what could help.

use super::{change, newest_now, text, use_plans, NotHere, SectionPage, Tick, SAVE};
use crate::domain::plan::check::check_goal;
use crate::domain::plan::fields::{DatePart, PlanText};
use crate::domain::plan::{Section, LONG_LIMIT, SHORT_LIMIT, WHO_LIMIT};
use crate::ui::form::{DateInput, TextArea};
use crate::ui::layout::focus_element;
use crate::ui::pages::FormPage;
use crate::ui::router::use_location;
use crate::ui::{intern, today, use_base};
use leptos::prelude::*;

#[component]
pub fn Goals() -> impl IntoView {
    let plans = use_plans();
    let base = use_base();
    let location = use_location();
    let add = move |_| {
        let mut added = None;
        change(plans, |plan| added = Some(plan.add_goal()));
        if let Some(id) = added {
            location.navigate(&format!("plan/goal?id={id}"));
        }
    };
    let goals = move || {
        let plan = plans
            .value
            .with(|b| b.newest().cloned())
            .unwrap_or_default();
        if plan.goals.is_empty() {
            return view! { <p>"You have not added a goal yet."</p> }.into_any();
        }
        plan.goals
            .iter()
            .enumerate()
            .map(|(n, goal)| {
                let written = goal.goal.trim();
                let words = if written.is_empty() { "Not written yet".to_string() } else { written.to_string() };
                view! {
                    <div class="nhsuk-card">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading nhsuk-heading-m">{format!("Goal {}", n + 1)}</h2>
                            <p class="app-keep-lines">{words}</p>
                            <p class="nhsuk-body-s">{goal.steps_summary()}</p>
                            <a href=base.href(&format!("plan/goal?id={}", goal.id))>{format!("Change goal {}", n + 1)}</a>
                        </div>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <SectionPage section=Section::Goals check_fields=false>
            <p>"Goals are things you would like to do or change, in your own words. "
                "Small steps help you get there."</p>
            {goals}
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=add>"Add a goal"</button>
        </SectionPage>
    }
}

/// One small step's boxes: what it is, when, done, and removing it.
#[component]
fn StepFields(step: u32, number: usize) -> impl IntoView {
    let plans = use_plans();
    let done_id = format!("step-{step}-done");
    let done_label = format!("I have done step {number}");
    let done = move || {
        plans
            .value
            .with(|b| b.newest().is_some_and(|p| p.step_done(step)))
    };
    view! {
        <div class="app-plan-step">
            <TextArea id=intern(format!("step-{step}")) label=intern(format!("Step {number}")) rows=2
                limit=Some(SHORT_LIMIT) bind=text(PlanText::Step(step)) />
            <DateInput id=intern(format!("step-{step}-by"))
                legend=intern(format!("When will you do step {number}? (optional)"))
                hint=Some("For example, 14 4 2026")
                day=text(PlanText::StepDate(step, DatePart::Day))
                month=text(PlanText::StepDate(step, DatePart::Month))
                year=text(PlanText::StepDate(step, DatePart::Year)) />
            <div class="nhsuk-form-group">
                <div class="nhsuk-checkboxes">
                    <Tick id=done_id label=done_label checked=Signal::derive(done)
                        set=Callback::new(move |on| change(plans, |plan| plan.set_step_done(step, on))) />
                </div>
            </div>
            <button type="button" class="nhsuk-button nhsuk-button--secondary app-inline-button"
                on:click=move |_| change(plans, |plan| plan.remove_step(step))>
                {format!("Remove step {number}")}
            </button>
        </div>
    }
}

#[component]
pub fn GoalPage() -> impl IntoView {
    let plans = use_plans();
    let base = use_base();
    let location = use_location();
    let id: u32 = location
        .query("id")
        .and_then(|id| id.parse().ok())
        .unwrap_or(0);
    let before = newest_now(plans);
    let Some(number) = before.goals.iter().position(|g| g.id == id).map(|n| n + 1) else {
        return view! {
            <NotHere title="This goal is not in your plan" text="It may have been removed."
                link="Go to my plan" />
        }
        .into_any();
    };
    let title = intern(format!("Goal {number}"));
    let step_ids = Memo::new(move |_| {
        plans.value.with(|b| {
            b.newest()
                .and_then(|p| p.goals.iter().find(|g| g.id == id))
                .map(|g| g.steps.iter().map(|s| s.id).collect::<Vec<u32>>())
                .unwrap_or_default()
        })
    });
    let steps = move || {
        step_ids
            .get()
            .into_iter()
            .enumerate()
            .map(|(n, step)| view! { <StepFields step number=n + 1 /> })
            .collect_view()
    };
    let add_step = move |_| {
        let mut added = None;
        change(plans, |plan| added = plan.add_step(id));
        if let Some(step) = added {
            request_animation_frame(move || focus_element(&format!("step-{step}")));
        }
    };
    let submit = Callback::new(move |()| {
        let found = check_goal(&newest_now(plans), &before, id, today());
        if !found.is_empty() {
            return Err(found);
        }
        if plans.problem.get_untracked().is_none() {
            location.navigate("plan/goals");
        }
        Ok(())
    });
    let removing = RwSignal::new(false);
    let remove = move |_| {
        change(plans, |plan| plan.remove_goal(id));
        location.navigate("plan/goals");
    };
    view! {
        <FormPage title back=base.href("plan/goals") button=SAVE.to_string()
            caption=Some("My goals".to_string()) saved=plans submit>
                    <TextArea id=intern(format!("goal-{id}-goal")) label="What is your goal?" rows=2
                        hint=Some("In your own words. For example, get out of the house more.")
                        limit=Some(SHORT_LIMIT) bind=text(PlanText::Goal(id)) />
                    <TextArea id=intern(format!("goal-{id}-why")) label="Why does this matter to you? (optional)"
                        limit=Some(LONG_LIMIT) bind=text(PlanText::Why(id)) />
                    <h2>"Small steps"</h2>
                    <p>"Break your goal into small steps you can do, one at a time."</p>
                    {steps}
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=add_step>
                        "Add another step"
                    </button>
                    <TextArea id=intern(format!("goal-{id}-who")) label="Who can help? (optional)" rows=2
                        limit=Some(WHO_LIMIT) bind=text(PlanText::WhoCanHelp(id)) />
                    <TextArea id=intern(format!("goal-{id}-in-the-way")) label="What might get in the way? (optional)"
                        limit=Some(LONG_LIMIT) bind=text(PlanText::InTheWay(id)) />
                    <TextArea id=intern(format!("goal-{id}-could-help")) label="What could help with that? (optional)"
                        limit=Some(LONG_LIMIT) bind=text(PlanText::CouldHelp(id)) />
        </FormPage>
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <Show when=move || removing.get()
                    fallback=move || view! {
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| removing.set(true)>
                            "Remove this goal"
                        </button>
                    }>
                    <div class="nhsuk-warning-callout">
                        <h2 class="nhsuk-warning-callout__label">
                            <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Remove this goal?"</span>
                        </h2>
                        <p>"The goal and its steps will be removed from your plan."</p>
                        <div class="nhsuk-button-group">
                            <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=remove>
                                "Yes, remove this goal"
                            </button>
                            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| removing.set(false)>
                                "No, keep it"
                            </button>
                        </div>
                    </div>
                </Show>
            </div>
        </div>
    }
    .into_any()
}
