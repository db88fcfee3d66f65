//! "Reviews and progress": each wellbeing score over time as a small chart
//! with a table of the same scores in words, every review kept, and the
//! page for a new review (steps ticked off, the four questions again, and
//! what changed).

use super::wellbeing::WellbeingQuestions;
use super::{change, newest_now, text, use_plans, Tick};
use crate::domain::dates::{long_date, parse_iso};
use crate::domain::plan::chart::{self, history_rows, ScoreChart, HEIGHT, WIDTH};
use crate::domain::plan::check::check_review;
use crate::domain::plan::fields::PlanText;
use crate::domain::plan::wellbeing::Question;
use crate::domain::plan::{ReviewDraft, LONG_LIMIT};
use crate::ui::form::TextArea;
use crate::ui::layout::BackLink;
use crate::ui::pages::{page_title, FormPage};
use crate::ui::router::use_location;
use crate::ui::{today, use_base};
use leptos::prelude::*;

/// One question's chart as SVG markup: the bands as strips named on the
/// left, the scores joined by a line, the records named along the bottom.
/// Written as text rather than as Leptos elements: drawn once and never
/// changed, and each kind of SVG element as a view cost the plan's first
/// visit several KB. Its words are the app's own, never the person's.
fn chart_svg(chart: &ScoreChart) -> String {
    use std::fmt::Write;
    let id = chart.question.id();
    let mut svg = format!(
        r#"<svg role="img" aria-labelledby="chart-{id}" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" class="app-chart__svg" data-testid="chart">"#
    );
    let width = chart.plot_right - chart.plot_left;
    for band in &chart.bands {
        let class = if band.shaded {
            "app-plan-chart__band app-plan-chart__band--shaded"
        } else {
            "app-plan-chart__band"
        };
        let _ = write!(
            svg,
            r#"<rect x="{}" y="{}" width="{width}" height="{}" class="{class}"/><text x="2" y="{}" class="app-plan-chart__label">{}</text><text x="2" y="{}" class="app-plan-chart__label">{}</text>"#,
            chart.plot_left,
            band.y,
            band.height,
            band.label_y,
            band.name,
            band.label_y + 12,
            band.scores
        );
    }
    let _ = write!(
        svg,
        r#"<polyline points="{}" class="app-plan-chart__line"/>"#,
        chart.line
    );
    for p in &chart.points {
        let _ = write!(
            svg,
            r#"<circle cx="{}" cy="{}" r="5" class="app-plan-chart__point"/><text x="{}" y="{}" class="app-plan-chart__value">{}</text>"#,
            p.x,
            p.y,
            p.x + 8,
            p.y + 5,
            p.score
        );
    }
    for tick in &chart.ticks {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="middle" class="app-plan-chart__label">{}</text>"#,
            tick.x, chart.tick_y, tick.name
        );
    }
    svg.push_str("</svg>");
    svg
}

#[component]
pub fn Progress() -> impl IntoView {
    page_title("Reviews and progress");
    let plans = use_plans();
    let base = use_base();
    let plan = plans
        .value
        .with_untracked(|b| b.newest().cloned())
        .unwrap_or_default();
    let rows = history_rows(&plan);
    let scores = if rows.is_empty() {
        view! {
            <p>"You have not answered the wellbeing questions yet."</p>
            <p><a href=base.href("plan/wellbeing")>"Answer the wellbeing questions"</a></p>
        }
        .into_any()
    } else {
        let charts = Question::ALL
            .into_iter()
            .map(|q| {
                let chart = chart::score_chart(&plan, q);
                view! {
                    <figure class="app-chart app-plan-chart">
                        <figcaption class="app-chart__caption" id=format!("chart-{}", q.id())>{chart.title.clone()}</figcaption>
                        <div inner_html=chart_svg(&chart)></div>
                    </figure>
                }
            })
            .collect_view();
        let headers = Question::ALL
            .map(|q| view! { <th scope="col" class="nhsuk-table__header">{q.name()}</th> })
            .into_iter()
            .collect_view();
        let body = rows
            .into_iter()
            .map(|row| {
                let cells = row
                    .answers
                    .into_iter()
                    .map(|a| view! { <td class="nhsuk-table__cell">{a}</td> })
                    .collect_view();
                view! { <tr class="nhsuk-table__row"><th scope="row" class="nhsuk-table__header">{row.when}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <p>"Each chart shows one question over time. Higher up is always better. "
                "For anxiety a lower score is better, so its chart is drawn the other way up. "
                "The shaded strips are the bands the Office for National Statistics uses."</p>
            <div class="app-charts">{charts}</div>
            <div class="app-plan-table" tabindex="0" role="region" aria-label="Your wellbeing scores, in a table">
                <table class="nhsuk-table" data-testid="scores-table">
                    <caption class="nhsuk-table__caption">"Your wellbeing scores"</caption>
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">"When"</th>{headers}</tr>
                    </thead>
                    <tbody class="nhsuk-table__body">{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let reviews = plan
        .reviews
        .iter()
        .enumerate()
        .rev()
        .map(|(n, review)| {
            let when = parse_iso(&review.on).map(|d| format!(", {}", long_date(d))).unwrap_or_default();
            let steps = review
                .steps_done
                .iter()
                .map(|s| view! { <li class="app-keep-lines">{s.clone()}</li> })
                .collect_view();
            let has_steps = !review.steps_done.is_empty();
            let changed = review.changed.trim().to_string();
            view! {
                <h3>{format!("Review {}{when}", n + 1)}</h3>
                {has_steps.then(|| view! { <p>"Steps done:"</p> })}
                <ul class="nhsuk-list nhsuk-list--bullet">{steps}</ul>
                {(!changed.is_empty()).then(|| view! { <p class="app-keep-lines">{format!("What changed: {changed}")}</p> })}
            }
        })
        .collect_view();
    let no_reviews = plan.reviews.is_empty();
    view! {
        <BackLink href=base.href("plan") />
        <h1>"Reviews and progress"</h1>
        <h2>"Your wellbeing over time"</h2>
        {scores}
        <h2>"Reviews"</h2>
        {no_reviews.then(|| view! { <p>"You have not looked back at this plan yet."</p> })}
        {reviews}
        <p>"Look back at your plan with your link worker, or on your own, whenever you like."</p>
        <a class="nhsuk-button" role="button" draggable="false" href=base.href("plan/progress/review")>
            "Look back at my plan now"
        </a>
    }
}

/// A review: steps ticked off, the four questions again, what changed.
/// Kept with the plan as it is written, so a reload loses nothing.
#[component]
pub fn RecordReview() -> impl IntoView {
    let plans = use_plans();
    let base = use_base();
    let location = use_location();
    let plan = plans
        .value
        .with_untracked(|b| b.newest().cloned())
        .unwrap_or_default();
    let draft = move |read: &dyn Fn(&ReviewDraft) -> bool| {
        plans
            .value
            .with(|b| b.newest().is_some_and(|p| read(&p.review_draft)))
    };
    let steps: Vec<(u32, String)> = plan
        .open_steps()
        .into_iter()
        .map(|(_, step)| (step.id, step.step.trim().to_string()))
        .collect();
    let has_steps = !steps.is_empty();
    let ticks = steps
        .into_iter()
        .map(|(id, words)| {
            let checked = Signal::derive(move || draft(&|d| d.done.contains(&id)));
            let set = Callback::new(move |on: bool| change(plans, |p| p.review_draft.tick(id, on)));
            view! { <Tick id=format!("step-done-{id}") label=words checked set /> }
        })
        .collect_view();
    let steps = has_steps.then(|| {
        view! {
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                        <h2 class="nhsuk-fieldset__heading">"Which small steps have you done? (optional)"</h2>
                    </legend>
                    <div class="nhsuk-checkboxes">{ticks}</div>
                </fieldset>
            </div>
        }
    });
    let no_steps =
        (!has_steps).then(|| view! { <p>"There are no small steps left to tick off."</p> });
    let scores = Signal::derive(move || {
        plans
            .value
            .with(|b| b.newest().map(|p| p.review_draft.wellbeing.clone()))
            .unwrap_or_default()
    });
    let set = Callback::new(move |(question, answer)| {
        change(plans, |p| p.review_draft.wellbeing.set(question, answer))
    });
    let submit = Callback::new(move |()| {
        let found = check_review(&newest_now(plans).review_draft.changed);
        if !found.is_empty() {
            return Err(found);
        }
        change(plans, |plan| plan.record_draft_review(today()));
        if plans.problem.get_untracked().is_none() {
            location.navigate("plan/progress");
        }
        Ok(())
    });
    view! {
        <FormPage title="Look back at your plan" back=base.href("plan/progress") button="Save this review".to_string()
            caption=Some("Reviews and progress".to_string()) saved=plans submit>
            <p>{format!("Today is {}.", long_date(today()))}</p>
            {steps}
            {no_steps}
            <h2>"How you feel now"</h2>
            <WellbeingQuestions scores set />
            <TextArea id="changed" label="What has changed since you made your plan? (optional)"
                limit=Some(LONG_LIMIT) bind=text(PlanText::ReviewChanged) />
        </FormPage>
    }
}
