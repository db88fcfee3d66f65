//! "My wellbeing today": the four ONS questions, in the ONS's words, each
//! answered 0 to 10 (labelled at both ends) or "I would rather not say".
//! The same questions are asked again at each review.

use super::{change, use_plans, SectionPage};
use crate::domain::plan::wellbeing::{Answer, Question, Scores, RATHER_NOT_SAY};
use crate::domain::plan::Section;
use crate::ui::form::{Bound, Radios};
use crate::ui::today;
use leptos::prelude::*;

/// The four questions, each bound to `scores`; `set` keeps an answer.
#[component]
pub fn WellbeingQuestions(
    scores: Signal<Scores>,
    set: Callback<(Question, Option<Answer>)>,
) -> impl IntoView {
    Question::ALL
        .into_iter()
        .map(|question| {
            let hint = if question.lower_is_better() {
                "0 means not at all anxious. 10 means completely anxious."
            } else {
                "0 means not at all. 10 means completely."
            };
            let bind = Bound {
                get: Signal::derive(move || scores.with(|s| s.get(question).map(Answer::key))),
                set: Callback::new(move |key: Option<&'static str>| {
                    set.run((question, key.and_then(Answer::from_key)))
                }),
            };
            view! {
                <div class="app-scale">
                    <Radios id=question.id() legend=question.wording() hint=Some(hint)
                        choices=question.offers() or_before=Some(RATHER_NOT_SAY) bind />
                </div>
            }
        })
        .collect_view()
}

#[component]
pub fn Wellbeing() -> impl IntoView {
    let plans = use_plans();
    let scores = Signal::derive(move || {
        plans
            .value
            .with(|book| book.newest().map(|p| p.wellbeing.clone()))
            .unwrap_or_default()
    });
    let set = Callback::new(move |(question, answer)| {
        change(plans, |plan| {
            plan.answer_wellbeing(question, answer, today())
        })
    });
    view! {
        <SectionPage section=Section::Wellbeing>
            <p>"These four questions are asked across the UK by the Office for National Statistics. "
                "There are no right or wrong answers. You can answer them again when you look back at your plan, "
                "to see how things change."</p>
            <WellbeingQuestions scores set />
        </SectionPage>
    }
}
