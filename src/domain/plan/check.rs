//! The checks on a plan's pages. They never stop a draft being saved: what
//! was typed is kept, and the errors say what to change.

use super::{CarePlan, Goal, Section, LONG_LIMIT, SHORT_LIMIT, WHO_LIMIT};
use crate::domain::dates::{TypedDate, TypedDateProblem};
use crate::domain::form::{too_long, FieldError};
use chrono::NaiveDate;

/// The id of a step's date field, for its day box (where an error link lands).
pub fn step_date_id(step: u32) -> String {
    format!("step-{step}-by-day")
}

/// The problems on `section`'s page. `before` is the plan as it was when the
/// page opened: a step date in the past is only an error when it was just
/// typed, so an old plan's finished steps are never flagged. A review date in
/// the past always is: it is time to choose the next one.
pub fn check(
    section: Section,
    plan: &CarePlan,
    before: &CarePlan,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut limit = |field: String, name: &str, text: &str, limit: usize| {
        errors.extend(too_long(field, name, text, limit));
    };
    match section {
        Section::AboutMe => {
            let a = &plan.about;
            limit(
                "called".into(),
                "What you like to be called",
                &a.called,
                SHORT_LIMIT,
            );
            limit(
                "matters".into(),
                "What matters to you",
                &a.matters,
                LONG_LIMIT,
            );
            limit(
                "going-well".into(),
                "What is going well",
                &a.going_well,
                LONG_LIMIT,
            );
            limit(
                "different".into(),
                "What you would like to be different",
                &a.different,
                LONG_LIMIT,
            );
        }
        Section::Wellbeing => {}
        Section::Goals => {
            for (n, goal) in plan.goals.iter().enumerate() {
                errors.extend(goal_errors(n, goal));
            }
            errors.extend(step_dates(plan, before, today, None));
        }
        Section::Support => {
            for (n, activity) in plan.activities.iter().enumerate() {
                let id = |field: &str| format!("activity-{}-{field}", activity.id);
                let name = format!("Group or service {}", n + 1);
                limit(id("name"), &name, &activity.name, SHORT_LIMIT);
                limit(
                    id("contact"),
                    "Contact details",
                    &activity.contact,
                    SHORT_LIMIT,
                );
                limit(id("when"), "When", &activity.when, SHORT_LIMIT);
            }
        }
        Section::Harder => {
            limit(
                "i-can".into(),
                "What you can do",
                &plan.harder.i_can,
                LONG_LIMIT,
            );
            limit(
                "i-can-call".into(),
                "Who you can call",
                &plan.harder.i_can_call,
                LONG_LIMIT,
            );
        }
        Section::Review => {
            limit(
                "working-with".into(),
                "Who you are working with",
                &plan.next_review.working_with,
                SHORT_LIMIT,
            );
            // The date's error first, as the date comes first on the page.
            errors.splice(0..0, review_date(&plan.next_review.date, today));
        }
    }
    errors
}

/// The problems on one goal's page (`plan/goal?id=`): what is too long,
/// a step date just typed in the past, and a goal with no words yet.
pub fn check_goal(
    plan: &CarePlan,
    before: &CarePlan,
    goal: u32,
    today: NaiveDate,
) -> Vec<FieldError> {
    let Some((n, found)) = plan.goals.iter().enumerate().find(|(_, g)| g.id == goal) else {
        return Vec::new();
    };
    let mut errors = Vec::new();
    if found.goal.trim().is_empty() {
        errors.push(FieldError::new(
            format!("goal-{goal}-goal"),
            "Enter your goal, in your own words",
        ));
    }
    errors.extend(goal_errors(n, found));
    errors.extend(step_dates(plan, before, today, Some(goal)));
    errors
}

/// The answer to "Have you completed this section?": it must be chosen.
pub fn completed_answer(answer: Option<bool>) -> Result<bool, FieldError> {
    answer.ok_or_else(|| {
        FieldError::new("completed", "Select yes if you have completed this section")
    })
}

/// The problems with a review before it is kept: only a note too long.
pub fn check_review(changed: &str) -> Vec<FieldError> {
    too_long("changed", "What has changed", changed, LONG_LIMIT)
        .into_iter()
        .collect()
}

fn goal_errors(n: usize, goal: &Goal) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut limit = |field: String, name: &str, text: &str, limit: usize| {
        errors.extend(too_long(field, name, text, limit));
    };
    let goal_name = format!("Goal {}", n + 1);
    let id = |field: &str| format!("goal-{}-{field}", goal.id);
    limit(id("goal"), &goal_name, &goal.goal, SHORT_LIMIT);
    limit(
        id("why"),
        &format!("Why goal {} matters", n + 1),
        &goal.why,
        LONG_LIMIT,
    );
    for (m, step) in goal.steps.iter().enumerate() {
        limit(
            format!("step-{}", step.id),
            &format!("Step {}", m + 1),
            &step.step,
            SHORT_LIMIT,
        );
    }
    limit(id("who"), "Who can help", &goal.who_can_help, WHO_LIMIT);
    limit(
        id("in-the-way"),
        "What might get in the way",
        &goal.in_the_way,
        LONG_LIMIT,
    );
    limit(
        id("could-help"),
        "What could help",
        &goal.what_could_help,
        LONG_LIMIT,
    );
    errors
}

fn date_problem(problem: TypedDateProblem, name: &str) -> Option<String> {
    match problem {
        TypedDateProblem::Missing => None,
        TypedDateProblem::YearNotFourNumbers => Some("Year must include 4 numbers".to_string()),
        TypedDateProblem::NotReal => Some(format!("{name} must be a real date")),
    }
}

fn step_dates(
    plan: &CarePlan,
    before: &CarePlan,
    today: NaiveDate,
    only: Option<u32>,
) -> Vec<FieldError> {
    let was = |id: u32| -> Option<&TypedDate> {
        before
            .goals
            .iter()
            .flat_map(|g: &Goal| g.steps.iter())
            .find(|s| s.id == id)
            .map(|s| &s.by)
    };
    let mut errors = Vec::new();
    for goal in plan
        .goals
        .iter()
        .filter(|g| only.is_none_or(|id| g.id == id))
    {
        for (m, step) in goal.steps.iter().enumerate() {
            let name = format!("The date for step {}", m + 1);
            let field = step_date_id(step.id);
            match step.by.date() {
                Err(problem) => {
                    if let Some(message) = date_problem(problem, &name) {
                        errors.push(FieldError::new(field, message));
                    }
                }
                Ok(date) if date < today && was(step.id) != Some(&step.by) => {
                    errors.push(FieldError::new(
                        field,
                        format!("{name} must be today or in the future"),
                    ));
                }
                Ok(_) => {}
            }
        }
    }
    errors
}

fn review_date(date: &TypedDate, today: NaiveDate) -> Option<FieldError> {
    let message = match date.date() {
        Err(problem) => date_problem(problem, "The review date")?,
        Ok(date) if date < today => "The review date must be today or in the future".to_string(),
        Ok(_) => return None,
    };
    Some(FieldError::new("review-day", message))
}
