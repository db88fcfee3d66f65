//! The sections made only of words and a date: "About me", "If things get
//! harder" (with urgent help always shown) and "Review".

use super::{text, SectionPage, UrgentHelpBox};
use crate::domain::plan::fields::{DatePart, PlanText};
use crate::domain::plan::{Section, LONG_LIMIT, SHORT_LIMIT};
use crate::ui::form::{DateInput, TextArea};
use leptos::prelude::*;

#[component]
pub fn AboutMe() -> impl IntoView {
    view! {
        <SectionPage section=Section::AboutMe>
            <TextArea id="called" label="What do you like to be called? (optional)" rows=1
                limit=Some(SHORT_LIMIT) bind=text(PlanText::Called) />
            <TextArea id="matters" label="What matters to you? (optional)"
                hint=Some("For example, people, places, things you enjoy or care about.")
                limit=Some(LONG_LIMIT) bind=text(PlanText::Matters) />
            <TextArea id="going-well" label="What is going well? (optional)"
                hint=Some("Things you are good at, and people and things that help you.")
                limit=Some(LONG_LIMIT) bind=text(PlanText::GoingWell) />
            <TextArea id="different" label="What would you like to be different? (optional)"
                limit=Some(LONG_LIMIT) bind=text(PlanText::Different) />
        </SectionPage>
    }
}

#[component]
pub fn IfHarder() -> impl IntoView {
    view! {
        <SectionPage section=Section::Harder>
            <UrgentHelpBox />
            <TextArea id="i-can" label="What can you do to help yourself when things get harder? (optional)"
                hint=Some("For example, go for a walk, listen to music, or write down how you feel.")
                limit=Some(LONG_LIMIT) bind=text(PlanText::ICan) />
            <TextArea id="i-can-call" label="Who can you call? (optional)"
                hint=Some("Their names and phone numbers.")
                limit=Some(LONG_LIMIT) bind=text(PlanText::ICanCall) />
        </SectionPage>
    }
}

#[component]
pub fn NextReview() -> impl IntoView {
    view! {
        <SectionPage section=Section::Review>
            <DateInput id="review" legend="When will you look at this plan again? (optional)"
                hint=Some("For example, 14 4 2026")
                day=text(PlanText::ReviewDate(DatePart::Day))
                month=text(PlanText::ReviewDate(DatePart::Month))
                year=text(PlanText::ReviewDate(DatePart::Year)) />
            <TextArea id="working-with" label="Who are you working with? (optional)" rows=1
                hint=Some("For example, the name of your link worker.")
                limit=Some(SHORT_LIMIT) bind=text(PlanText::WorkingWith) />
        </SectionPage>
    }
}
