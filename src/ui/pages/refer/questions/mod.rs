//! The question pages, one thing each, in the order they are asked.
//!
//! Every page is data (its fields, with plain functions to read and write
//! each answer) drawn by one component. A component per page would compile
//! each page's view into its own code: about 10 KB of wasm a page.
//! The pages themselves, in order, are in `list` ([`QUESTIONS`]); this file
//! holds what a page is made of and the component that draws one.

mod list;

pub use list::QUESTIONS;

use super::{use_draft, QuestionPage};
use crate::domain::referral::*;
use crate::ui::form::{Bound, Checkboxes, DateInput, Offer, Radios, TextArea, TextInput};
use crate::ui::pages::NotFound;
use crate::ui::practice::use_practice;
use leptos::prelude::*;

/// One thing a question page shows.
pub enum Field {
    /// The page's heading, when its question is not the first field's label.
    Heading(&'static str),
    /// A line of guidance under the heading.
    Lead(&'static str),
    Text(TextField),
    Choice(ChoiceField),
    Choices(ChoicesField),
    DateOfBirth,
    /// Fields shown only when the answers so far call for them.
    When(fn(&Answers) -> bool, &'static [Field]),
}

pub struct TextField {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub heading: bool,
    /// `None` for one line; `Some(rows)` for a text area.
    pub rows: Option<u32>,
    pub limit: Option<usize>,
    pub input_type: &'static str,
    pub autocomplete: Option<&'static str>,
    pub width: Option<&'static str>,
    pub answer: fn(&mut Answers) -> &mut String,
}

pub struct ChoiceField {
    pub id: &'static str,
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub heading: bool,
    pub inline: bool,
    pub offers: fn() -> Vec<Offer>,
    pub get: fn(&Answers) -> Option<&'static str>,
    pub set: fn(&mut Answers, Option<&'static str>),
    /// The fields shown under the chosen answer.
    pub reveal: fn(Option<&'static str>) -> &'static [Field],
}

pub struct ChoicesField {
    pub id: &'static str,
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub heading: bool,
    pub offers: fn() -> Vec<Offer>,
    pub get: fn(&Answers) -> Vec<&'static str>,
    pub set: fn(&mut Answers, Vec<&'static str>),
    pub exclusive: Option<&'static str>,
    pub reveal: Option<(&'static str, &'static [Field])>,
}

/// A question page: its title (for the browser tab) and what it shows.
pub struct Question {
    pub step: Step,
    pub title: &'static str,
    pub fields: &'static [Field],
}

/// The question page at `page` (`refer/<question>`), or "Page not found".
#[component]
pub fn QuestionRoute(page: String) -> impl IntoView {
    match QUESTIONS.iter().find(|q| q.step.path() == page) {
        Some(question) => view! { <Ask question /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// Draws one question page from its data.
#[component]
fn Ask(question: &'static Question) -> impl IntoView {
    let draft = use_draft().value.get_untracked();
    let from_link = draft.from_link;
    let form = RwSignal::new(draft.answers);
    // Answers most people give, filled in for them to change.
    let practice = use_practice();
    Effect::new(move || {
        let name = practice.get().practice_name;
        form.update(|a| {
            if question.step == Step::Practice && a.practice.trim().is_empty() {
                a.practice = name;
            }
            if question.step == Step::Practice && a.suggested_by.is_none() {
                a.suggested_by = from_link;
            }
            if question.step == Step::Language && a.language.trim().is_empty() {
                a.language = "English".to_string();
            }
        });
    });
    view! {
        <QuestionPage step=question.step title=question.title form>
            {fields(question.fields, form)}
        </QuestionPage>
    }
}

fn fields(fields: &'static [Field], form: RwSignal<Answers>) -> impl IntoView {
    fields
        .iter()
        .map(|field| field_view(field, form))
        .collect_view()
}

fn field_view(field: &'static Field, form: RwSignal<Answers>) -> AnyView {
    match field {
        Field::Heading(text) => view! { <h1>{*text}</h1> }.into_any(),
        Field::Lead(text) => view! { <p class="nhsuk-hint">{*text}</p> }.into_any(),
        Field::Text(text) => {
            let answer = text.answer;
            let bind = Bound {
                get: Signal::derive(move || form.with(|a| answer(&mut a.clone()).clone())),
                set: Callback::new(move |value| form.update(|a| *answer(a) = value)),
            };
            match text.rows {
                None => view! {
                    <TextInput id=text.id label=text.label hint=text.hint heading=text.heading bind
                        input_type=text.input_type autocomplete=text.autocomplete width=text.width />
                }
                .into_any(),
                Some(rows) => view! {
                    <TextArea id=text.id label=text.label hint=text.hint heading=text.heading bind rows
                        limit=text.limit autocomplete=text.autocomplete />
                }
                .into_any(),
            }
        }
        Field::Choice(choice) => {
            let (get, set, reveal) = (choice.get, choice.set, choice.reveal);
            let bind = Bound {
                get: Signal::derive(move || form.with(get)),
                set: Callback::new(move |key| form.update(|a| set(a, key))),
            };
            let conditional = ViewFn::from(move || fields(reveal(form.with(get)), form));
            let choices = (choice.offers)();
            let reveals = choices
                .iter()
                .map(|(key, _)| *key)
                .filter(|key| !reveal(Some(*key)).is_empty())
                .collect();
            view! {
                <Radios id=choice.id legend=choice.legend hint=choice.hint heading=choice.heading
                    inline=choice.inline choices bind conditional=Some(conditional) reveals />
            }
            .into_any()
        }
        Field::Choices(choices) => {
            let (get, set) = (choices.get, choices.set);
            let bind = Bound {
                get: Signal::derive(move || form.with(get)),
                set: Callback::new(move |keys| form.update(|a| set(a, keys))),
            };
            let (reveal, conditional) = match choices.reveal {
                Some((key, shown)) => (Some(key), Some(ViewFn::from(move || fields(shown, form)))),
                None => (None, None),
            };
            view! {
                <Checkboxes id=choices.id legend=choices.legend hint=choices.hint heading=choices.heading
                    choices=(choices.offers)() bind exclusive=choices.exclusive reveal conditional />
            }
            .into_any()
        }
        Field::DateOfBirth => {
            let part = |get: fn(&Answers) -> String, set: fn(&mut Answers, String)| Bound {
                get: Signal::derive(move || form.with(get)),
                set: Callback::new(move |value| form.update(|a| set(a, value))),
            };
            view! {
                <DateInput id="dob" legend="What is your date of birth?" heading=true
                    hint=Some("For example, 27 3 1985") autocomplete=Some("bday")
                    day=part(|a| a.dob_day.clone(), |a, v| a.dob_day = v)
                    month=part(|a| a.dob_month.clone(), |a, v| a.dob_month = v)
                    year=part(|a| a.dob_year.clone(), |a, v| a.dob_year = v) />
            }
            .into_any()
        }
        Field::When(applies, shown) => {
            let shown = *shown;
            let applies = *applies;
            (move || form.with(applies).then(|| fields(shown, form))).into_any()
        }
    }
}
