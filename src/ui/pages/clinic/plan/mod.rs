//! A person's plan built or reviewed with them on the clinic's device, from
//! their record: kept with the clinic (under its lock, in its backups and
//! merges), and given to the person's own phone by the same QR code the
//! plan's share link makes. The plan is theirs, in their words. An area of
//! its own (`clinic/plan`), so the clinic's everyday pages stay small.

mod forms;
mod give;

use super::{href, id_in_address, use_clinic, Saver};
use crate::domain::clinic::Clinic;
use crate::domain::counted;
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::plan::wellbeing::Question;
use crate::domain::plan::CarePlan;
use crate::ui::intern;
use crate::ui::layout::BackLink;
use crate::ui::pages::{page_title, NotFound};
use crate::ui::router::own_page;
use crate::ui::saved::{SaveProblemNotice, Saved};
use crate::ui::{new_id, today};
use leptos::prelude::*;

/// Opens the clinic for the area's pages, and shows the page for `page`.
#[component]
pub fn ClinicPlanFlow(page: Memo<String>) -> impl IntoView {
    let clinic = Saved::<Clinic>::open();
    provide_context(clinic);
    move || {
        let page = page.get();
        clinic.complete();
        own_page(|| match page.as_str() {
            "clinic/plan" => PlanOverview().into_any(),
            "clinic/plan/about-me" => forms::AboutThem().into_any(),
            "clinic/plan/wellbeing" => forms::Wellbeing().into_any(),
            "clinic/plan/goal" => forms::AddGoal().into_any(),
            "clinic/plan/support" => forms::AddActivity().into_any(),
            "clinic/plan/review" => forms::Review().into_any(),
            "clinic/plan/give" => give::Give().into_any(),
            _ => NotFound().into_any(),
        })
    }
}

/// A plan page's link, for the person `id`.
fn plan_href(page: &str, id: u64) -> String {
    format!("{}?id={id}", href(page))
}

/// The person in the address, with their name, when the clinic has them.
fn person_here() -> Option<(u64, String)> {
    let clinic = use_clinic();
    let id = id_in_address()?;
    clinic
        .value
        .with_untracked(|c| c.person(id).map(|p| (id, p.name.clone())))
}

/// The person's newest plan as it is now.
fn newest_plan(id: u64) -> Option<CarePlan> {
    use_clinic()
        .value
        .with_untracked(|c| c.plans_of(id).and_then(|b| b.newest().cloned()))
}

/// A page for a person the clinic does not have, or who has no plan yet.
#[component]
fn NotHere(title: &'static str, text: &'static str) -> impl IntoView {
    page_title(title);
    view! {
        <BackLink href=href("clinic/people") text="Back to people" />
        <h1>{title}</h1>
        <p>{text} " " <a href=href("clinic/people")>"See everyone in the caseload"</a></p>
    }
}

/// On a person's record: their plan in a line, and the way to it.
#[component]
pub fn PlanSection(id: u64) -> impl IntoView {
    let clinic = use_clinic();
    let summary = move || {
        clinic.value.with(|c| {
            c.plans_of(id).and_then(|b| b.newest()).map(|plan| {
                let started = parse_iso(&plan.started).map(long_date).unwrap_or_default();
                format!(
                    "Started {started}. {}, {}, {}.",
                    counted(plan.goals.len(), "goal", "goals"),
                    counted(
                        plan.activities.len(),
                        "group or service",
                        "groups or services"
                    ),
                    counted(plan.reviews.len(), "review", "reviews")
                )
            })
        })
    };
    view! {
        <h2>"Plan"</h2>
        {move || match summary() {
            Some(words) => view! {
                <p data-testid="plan-summary">{words}</p>
                <p><a href=plan_href("clinic/plan", id)>"See, change or review their plan"</a></p>
            }.into_any(),
            None => view! {
                <p>"No plan yet."</p>
                <p><a href=plan_href("clinic/plan", id)>"Build a plan with them"</a></p>
            }.into_any(),
        }}
    }
}

/// `clinic/plan?id=`: the person's plan with a link to change each part,
/// review it, and give it to them; or, before there is one, a way to start.
#[component]
fn PlanOverview() -> impl IntoView {
    let Some((id, name)) = person_here() else {
        return NotHere(NotHereProps {
            title: "Person not found",
            text: "This person is not in the clinic's records on this device.",
        })
        .into_any();
    };
    let clinic = use_clinic();
    let saver = Saver::new();
    let title = intern(format!("{name}\u{2019}s plan"));
    page_title(title);
    let plan = Memo::new(move |_| {
        clinic
            .value
            .with(|c| c.plans_of(id).and_then(|b| b.newest().cloned()))
    });
    let start = move |_| {
        saver.save_and_go(
            |c| {
                c.plans_of_mut(id).start(format!("{:x}", new_id()), today());
            },
            &format!("clinic/plan/about-me?id={id}"),
        )
    };
    let record = format!("{}?id={id}", href("clinic/person"));
    let body = move || {
        match plan.get() {
        None => view! {
            <p>"A plan belongs to the person. Build it with them, in their own words: what matters to them, "
                "their goals broken into small steps, and the groups and services they would like to try."</p>
            <p>"It is kept with their record on this device. When it is ready, they can take it away on their phone."</p>
            <button type="button" class="nhsuk-button" on:click=start>"Start a plan with them"</button>
        }
        .into_any(),
        Some(plan) => view! { <PlanParts id plan /> }.into_any(),
    }
    };
    view! {
        <BackLink href=record text="Back to their record" />
        <SaveProblemNotice saved=clinic />
        <span class="nhsuk-caption-l">{name}</span>
        <h1>"Their plan"</h1>
        {body}
    }
    .into_any()
}

/// A summary list row: a question and the answer, "Not answered" when blank.
fn row(question: &'static str, answer: &str) -> impl IntoView {
    let answer = match answer.trim() {
        "" => "Not answered".to_string(),
        text => text.to_string(),
    };
    view! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{question}</dt>
            <dd class="nhsuk-summary-list__value">{answer}</dd>
        </div>
    }
}

/// Every part of the plan, each with the link to change or add to it.
#[component]
fn PlanParts(id: u64, plan: CarePlan) -> impl IntoView {
    let about = &plan.about;
    let started = parse_iso(&plan.started).map(long_date).unwrap_or_default();
    let goals = plan
        .goals
        .iter()
        .map(|goal| {
            let steps = goal
                .steps
                .iter()
                .filter(|s| !s.step.trim().is_empty())
                .map(|s| {
                    let done = if s.done { " (done)" } else { "" };
                    view! { <li>{format!("{}{done}", s.step)}</li> }
                })
                .collect_view();
            view! {
                <li>
                    <strong>{goal.goal.clone()}</strong>
                    {(!goal.why.trim().is_empty()).then(|| view! { <p class="nhsuk-body-s">{goal.why.clone()}</p> })}
                    <ul>{steps}</ul>
                </li>
            }
        })
        .collect_view();
    let activities = plan
        .activities
        .iter()
        .map(|a| {
            let details: Vec<&str> = [a.contact.as_str(), a.when.as_str()]
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect();
            view! { <li><strong>{a.name.clone()}</strong>{(!details.is_empty()).then(|| format!(": {}", details.join(". ")))}</li> }
        })
        .collect_view();
    let history = plan.wellbeing_history();
    let wellbeing = (!history.is_empty()).then(|| {
        let heads = history
            .iter()
            .map(|r| {
                let on = r.on.map(long_date).unwrap_or_default();
                view! { <th scope="col" class="nhsuk-table__header">{r.name.clone()}<br />{on}</th> }
            })
            .collect_view();
        let rows = Question::ALL
            .into_iter()
            .map(|q| {
                let cells = history
                    .iter()
                    .map(|r| view! { <td class="nhsuk-table__cell">{r.scores.describe(q)}</td> })
                    .collect_view();
                view! { <tr class="nhsuk-table__row"><th scope="row" class="nhsuk-table__header">{q.name()}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="app-plan-table" tabindex="0" role="region" aria-label="Wellbeing scores, in a table">
                <table class="nhsuk-table" data-testid="plan-wellbeing">
                    <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">"Wellbeing scores each time they were asked"</caption>
                    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><td class="nhsuk-table__header"></td>{heads}</tr></thead>
                    <tbody class="nhsuk-table__body">{rows}</tbody>
                </table>
            </div>
        }
    });
    let wellbeing_link = if plan.wellbeing.any() {
        "Change the first wellbeing answers"
    } else {
        "Ask the wellbeing questions"
    };
    view! {
        <p>{format!("Started {started}.")}</p>
        <h2>"About them"</h2>
        <dl class="nhsuk-summary-list" data-testid="plan-about">
            {row("What they like to be called", &about.called)}
            {row("What matters to them", &about.matters)}
            {row("What is going well", &about.going_well)}
            {row("What they would like to be different", &about.different)}
        </dl>
        <p><a href=plan_href("clinic/plan/about-me", id)>"Change what is written about them"</a></p>
        <h2>"Wellbeing"</h2>
        {match wellbeing {
            Some(table) => table.into_any(),
            None => view! { <p>"Not asked yet."</p> }.into_any(),
        }}
        <p><a href=plan_href("clinic/plan/wellbeing", id)>{wellbeing_link}</a></p>
        <h2>"Goals"</h2>
        <ul class="nhsuk-list" data-testid="plan-goals">{goals}</ul>
        <p><a href=plan_href("clinic/plan/goal", id)>"Add a goal"</a></p>
        <h2>"Support and activities"</h2>
        <ul class="nhsuk-list" data-testid="plan-activities">{activities}</ul>
        <p><a href=plan_href("clinic/plan/support", id)>"Add a group or service"</a></p>
        <h2>"Review"</h2>
        <p>{match plan.reviews.len() {
            0 => "Not reviewed yet.".to_string(),
            1 => "Reviewed once.".to_string(),
            n => format!("Reviewed {n} times."),
        }}</p>
        <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=plan_href("clinic/plan/review", id)>"Review the plan with them"</a>
        <h2>"Give them their plan"</h2>
        <p>"Show a QR code that they scan with their phone's camera. The plan opens on their phone, "
            "and they choose to keep it there. Nothing is sent over the internet."</p>
        <a class="nhsuk-button" role="button" draggable="false" href=plan_href("clinic/plan/give", id)>"Show the QR code"</a>
    }
}
