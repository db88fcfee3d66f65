//! "Support and activities": groups and services the person wants to try,
//! each with contact details and when it runs.

use super::{change, text, use_plans, SectionPage};
use crate::domain::plan::fields::PlanText;
use crate::domain::plan::{Section, SHORT_LIMIT};
use crate::ui::form::TextArea;
use crate::ui::intern;
use crate::ui::layout::focus_element;
use leptos::prelude::*;

#[component]
fn ActivityFields(activity: u32, number: usize) -> impl IntoView {
    let plans = use_plans();
    view! {
        <div class="app-plan-step">
            <h2 class="nhsuk-heading-m">{format!("Group or service {number}")}</h2>
            <TextArea id=intern(format!("activity-{activity}-name")) label="Name of the group or service" rows=1
                limit=Some(SHORT_LIMIT) bind=text(PlanText::ActivityName(activity)) />
            <TextArea id=intern(format!("activity-{activity}-contact")) label="Contact details (optional)" rows=2
                hint=Some("A phone number, email address, website or place.")
                limit=Some(SHORT_LIMIT) bind=text(PlanText::ActivityContact(activity)) />
            <TextArea id=intern(format!("activity-{activity}-when")) label="When (optional)" rows=1
                hint=Some("For example, Tuesdays at 10am.")
                limit=Some(SHORT_LIMIT) bind=text(PlanText::ActivityWhen(activity)) />
            <button type="button" class="nhsuk-button nhsuk-button--secondary app-inline-button"
                on:click=move |_| change(plans, |plan| plan.remove_activity(activity))>
                {format!("Remove group or service {number}")}
            </button>
        </div>
    }
}

#[component]
pub fn Support() -> impl IntoView {
    let plans = use_plans();
    let ids = Memo::new(move |_| {
        plans.value.with(|b| {
            b.newest()
                .map(|p| p.activities.iter().map(|a| a.id).collect::<Vec<u32>>())
                .unwrap_or_default()
        })
    });
    let list = move || {
        let ids = ids.get();
        if ids.is_empty() {
            return view! { <p>"You have not added a group or service yet."</p> }.into_any();
        }
        ids.into_iter()
            .enumerate()
            .map(|(n, activity)| view! { <ActivityFields activity number=n + 1 /> })
            .collect_view()
            .into_any()
    };
    let add = move |_| {
        let mut added = None;
        change(plans, |plan| added = Some(plan.add_activity()));
        if let Some(id) = added {
            request_animation_frame(move || focus_element(&format!("activity-{id}-name")));
        }
    };
    view! {
        <SectionPage section=Section::Support>
            <p>"Groups, activities and services you would like to try. "
                "A link worker can help you find them."</p>
            {list}
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=add>
                "Add a group or service"
            </button>
        </SectionPage>
    }
}
