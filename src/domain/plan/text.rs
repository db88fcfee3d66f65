//! The plan as plain text: what is copied, emailed to oneself, and read aloud.
//! Empty answers are left out, so the text is only what the person wrote.

use super::wellbeing::Question;
use super::{CarePlan, Goal, Section};
use crate::domain::dates::{long_date, short_date};

/// Where to get help now; always part of a plan, whatever else it says.
pub const URGENT_HELP: [&str; 3] = [
    "If you or someone else is in danger now, call 999.",
    "If you need help but it is not an emergency, call NHS 111.",
    "To talk to someone at any time, call Samaritans free on 116 123.",
];

fn push_answer(out: &mut String, label: &str, text: &str) {
    let text = text.trim();
    if !text.is_empty() {
        out.push_str(&format!("{label}:\n{text}\n\n"));
    }
}

fn heading(out: &mut String, section: Section) {
    let title = section.title();
    out.push_str(&format!(
        "{title}\n{}\n\n",
        "-".repeat(title.chars().count())
    ));
}

/// The plan's title: "Sam's plan", or "My plan" before a name is given.
pub fn title(plan: &CarePlan) -> String {
    match plan.about.called.trim() {
        "" => "My plan".to_string(),
        name => format!("{name}'s plan"),
    }
}

/// One part of the plan on one page: its title and its answers, each a
/// label and the words (which may hold line breaks). Empty answers are left
/// out; "If things get harder" is always there, as urgent help is shown with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanPart {
    pub title: &'static str,
    pub rows: Vec<(String, String)>,
}

/// The plan on one page, part by part.
pub fn one_page(plan: &CarePlan) -> Vec<PlanPart> {
    let mut parts = Vec::new();
    let mut part = |title: &'static str, rows: Vec<(String, String)>, always: bool| {
        if always || !rows.is_empty() {
            parts.push(PlanPart { title, rows });
        }
    };
    let answer = |rows: &mut Vec<(String, String)>, label: &str, text: &str| {
        if !text.trim().is_empty() {
            rows.push((label.to_string(), text.trim().to_string()));
        }
    };

    let a = &plan.about;
    let mut rows = Vec::new();
    answer(&mut rows, "I like to be called", &a.called);
    answer(&mut rows, "What matters to me", &a.matters);
    answer(&mut rows, "What is going well", &a.going_well);
    answer(&mut rows, "What I would like to be different", &a.different);
    part(Section::AboutMe.title(), rows, false);

    let mut rows = Vec::new();
    if let Some(latest) = plan.wellbeing_history().last() {
        let when = latest
            .on
            .map(|d| format!("{}, {}", latest.name, long_date(d)))
            .unwrap_or_else(|| latest.name.clone());
        rows.push(("Answered".to_string(), when));
        for question in Question::ALL {
            rows.push((
                question.name().to_string(),
                latest.scores.describe(question),
            ));
        }
    }
    part("My wellbeing", rows, false);

    let mut rows = Vec::new();
    for (n, goal) in plan.goals.iter().enumerate() {
        let written = goal.goal.trim();
        let steps = step_lines(goal);
        if written.is_empty() && steps.is_empty() && goal.why.trim().is_empty() {
            continue;
        }
        rows.push((format!("Goal {}", n + 1), written.to_string()));
        answer(&mut rows, "Why it matters to me", &goal.why);
        answer(&mut rows, "Small steps", &steps.join("\n"));
        answer(&mut rows, "Who can help", &goal.who_can_help);
        answer(&mut rows, "What might get in the way", &goal.in_the_way);
        answer(&mut rows, "What could help", &goal.what_could_help);
    }
    part(Section::Goals.title(), rows, false);

    let mut rows = Vec::new();
    for (n, activity) in plan.activities.iter().enumerate() {
        let lines: Vec<&str> = [&activity.name, &activity.contact, &activity.when]
            .into_iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        answer(
            &mut rows,
            &format!("Group or service {}", n + 1),
            &lines.join("\n"),
        );
    }
    part(Section::Support.title(), rows, false);

    let mut rows = Vec::new();
    answer(&mut rows, "What I can do", &plan.harder.i_can);
    answer(&mut rows, "Who I can call", &plan.harder.i_can_call);
    part(Section::Harder.title(), rows, true);

    let mut rows = Vec::new();
    if let Ok(date) = plan.next_review.date.date() {
        rows.push(("Next review".to_string(), long_date(date)));
    }
    answer(
        &mut rows,
        "I am working with",
        &plan.next_review.working_with,
    );
    part(Section::Review.title(), rows, false);

    let mut rows = Vec::new();
    for (n, review) in plan.reviews.iter().enumerate() {
        let when = crate::domain::dates::parse_iso(&review.on)
            .map(|d| format!(", {}", long_date(d)))
            .unwrap_or_default();
        let mut lines: Vec<String> = review
            .steps_done
            .iter()
            .map(|s| format!("Done: {}", s.trim()))
            .collect();
        if !review.changed.trim().is_empty() {
            lines.push(format!("What changed: {}", review.changed.trim()));
        }
        if lines.is_empty() {
            lines.push("Wellbeing answered again".to_string());
        }
        rows.push((format!("Review {}{when}", n + 1), lines.join("\n")));
    }
    part("Reviews", rows, false);
    parts
}

/// A goal's written steps, one a line: "- Ring Jo (by Tuesday 10 March 2026) - done".
fn step_lines(goal: &Goal) -> Vec<String> {
    goal.steps
        .iter()
        .filter(|s| !s.step.trim().is_empty())
        .map(|s| {
            let by =
                s.by.date()
                    .map(|d| format!(" (by {})", long_date(d)))
                    .unwrap_or_default();
            let done = if s.done { " - done" } else { "" };
            format!("- {}{by}{done}", s.step.trim())
        })
        .collect()
}

/// The whole plan as text.
pub fn plain_text(plan: &CarePlan) -> String {
    let mut out = String::new();
    let title = title(plan);
    out.push_str(&format!("{title}\n{}\n", "=".repeat(title.chars().count())));
    if let Some(started) = plan.started_on() {
        out.push_str(&format!("Started on {}\n", long_date(started)));
    }
    out.push('\n');

    let a = &plan.about;
    if plan.has_content(Section::AboutMe) {
        heading(&mut out, Section::AboutMe);
        push_answer(&mut out, "I like to be called", &a.called);
        push_answer(&mut out, "What matters to me", &a.matters);
        push_answer(&mut out, "What is going well", &a.going_well);
        push_answer(&mut out, "What I would like to be different", &a.different);
    }

    let history = plan.wellbeing_history();
    if let Some(latest) = history.last() {
        heading(&mut out, Section::Wellbeing);
        let when = latest
            .on
            .map(|d| format!(" ({})", short_date(d)))
            .unwrap_or_default();
        out.push_str(&format!("{}{when}:\n", latest.name));
        for question in Question::ALL {
            out.push_str(&format!(
                "{}: {}\n",
                question.name(),
                latest.scores.describe(question)
            ));
        }
        out.push('\n');
    }

    if plan.has_content(Section::Goals) {
        heading(&mut out, Section::Goals);
        for (n, goal) in plan.goals.iter().enumerate() {
            out.push_str(&format!("Goal {}: {}\n", n + 1, goal.goal.trim()));
            push_answer(&mut out, "Why it matters to me", &goal.why);
            let steps = step_lines(goal);
            if !steps.is_empty() {
                out.push_str(&format!("Small steps:\n{}\n\n", steps.join("\n")));
            }
            push_answer(&mut out, "Who can help", &goal.who_can_help);
            push_answer(&mut out, "What might get in the way", &goal.in_the_way);
            push_answer(&mut out, "What could help", &goal.what_could_help);
        }
    }

    if plan.has_content(Section::Support) {
        heading(&mut out, Section::Support);
        for activity in &plan.activities {
            let parts: Vec<&str> = [&activity.name, &activity.contact, &activity.when]
                .into_iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            if !parts.is_empty() {
                out.push_str(&format!("- {}\n", parts.join(", ")));
            }
        }
        out.push('\n');
    }

    heading(&mut out, Section::Harder);
    push_answer(&mut out, "What I can do", &plan.harder.i_can);
    push_answer(&mut out, "Who I can call", &plan.harder.i_can_call);
    out.push_str(&format!("Urgent help:\n{}\n\n", URGENT_HELP.join("\n")));

    if plan.has_content(Section::Review) {
        heading(&mut out, Section::Review);
        if let Ok(date) = plan.next_review.date.date() {
            out.push_str(&format!(
                "We will look at this plan again on {}.\n",
                long_date(date)
            ));
        }
        push_answer(
            &mut out,
            "I am working with",
            &plan.next_review.working_with,
        );
    }

    for (n, review) in plan.reviews.iter().enumerate() {
        if n == 0 {
            out.push_str("Reviews\n-------\n\n");
        }
        let when = crate::domain::dates::parse_iso(&review.on)
            .map(|d| format!(" on {}", long_date(d)))
            .unwrap_or_default();
        out.push_str(&format!("Review {}{when}\n", n + 1));
        for step in &review.steps_done {
            out.push_str(&format!("Done: {step}\n"));
        }
        push_answer(&mut out, "What changed", &review.changed);
    }
    out.trim_end().to_string() + "\n"
}
