//! The sections made only of words and a date: "About me", "If things get
//! harder" (with urgent help always shown) and "Review". Each page is data
//! drawn by one component: a component a page would compile each page's
//! view into code of its own.

use super::{text, SectionPage, UrgentHelpBox};
use crate::domain::plan::fields::{DatePart, PlanText};
use crate::domain::plan::{Section, LONG_LIMIT, SHORT_LIMIT};
use crate::ui::form::{DateInput, TextArea};
use leptos::prelude::*;

/// One thing a section's page shows.
pub enum Field {
    Text {
        id: &'static str,
        label: &'static str,
        hint: Option<&'static str>,
        /// 1 for a short answer, more for an open one.
        rows: u32,
        limit: usize,
        at: PlanText,
    },
    /// A date as three boxes, saved in the plan's text at `at` for each part.
    Date {
        id: &'static str,
        legend: &'static str,
        at: fn(DatePart) -> PlanText,
    },
    UrgentHelp,
}

pub static ABOUT_ME: &[Field] = &[
    Field::Text {
        id: "called",
        label: "What do you like to be called? (optional)",
        hint: None,
        rows: 1,
        limit: SHORT_LIMIT,
        at: PlanText::Called,
    },
    Field::Text {
        id: "matters",
        label: "What matters to you? (optional)",
        hint: Some("For example, people, places, things you enjoy or care about."),
        rows: 5,
        limit: LONG_LIMIT,
        at: PlanText::Matters,
    },
    Field::Text {
        id: "going-well",
        label: "What is going well? (optional)",
        hint: Some("Things you are good at, and people and things that help you."),
        rows: 5,
        limit: LONG_LIMIT,
        at: PlanText::GoingWell,
    },
    Field::Text {
        id: "different",
        label: "What would you like to be different? (optional)",
        hint: None,
        rows: 5,
        limit: LONG_LIMIT,
        at: PlanText::Different,
    },
];

pub static IF_HARDER: &[Field] = &[
    Field::UrgentHelp,
    Field::Text {
        id: "i-can",
        label: "What can you do to help yourself when things get harder? (optional)",
        hint: Some("For example, go for a walk, listen to music, or write down how you feel."),
        rows: 5,
        limit: LONG_LIMIT,
        at: PlanText::ICan,
    },
    Field::Text {
        id: "i-can-call",
        label: "Who can you call? (optional)",
        hint: Some("Their names and phone numbers."),
        rows: 5,
        limit: LONG_LIMIT,
        at: PlanText::ICanCall,
    },
];

pub static NEXT_REVIEW: &[Field] = &[
    Field::Date {
        id: "review",
        legend: "When will you look at this plan again? (optional)",
        at: PlanText::ReviewDate,
    },
    Field::Text {
        id: "working-with",
        label: "Who are you working with? (optional)",
        hint: Some("For example, the name of your link worker."),
        rows: 1,
        limit: SHORT_LIMIT,
        at: PlanText::WorkingWith,
    },
];

fn field_view(field: &'static Field) -> AnyView {
    match field {
        Field::Text {
            id,
            label,
            hint,
            rows,
            limit,
            at,
        } => view! {
            <TextArea id=*id label=*label hint=*hint rows=*rows limit=Some(*limit) bind=text(*at) />
        }
        .into_any(),
        Field::Date { id, legend, at } => view! {
            <DateInput id=*id legend=*legend hint=Some("For example, 14 4 2026")
                day=text(at(DatePart::Day)) month=text(at(DatePart::Month)) year=text(at(DatePart::Year)) />
        }
        .into_any(),
        Field::UrgentHelp => view! { <UrgentHelpBox /> }.into_any(),
    }
}

/// A section's page made of `fields`.
#[component]
pub fn TextSection(section: Section, fields: &'static [Field]) -> impl IntoView {
    view! {
        <SectionPage section>
            {fields.iter().map(field_view).collect_view()}
        </SectionPage>
    }
}
