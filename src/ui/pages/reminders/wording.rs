//! The wording of the clinic's texts: each message's template, edited with a
//! preview, its length in texts, the characters that would make it cost more,
//! and warnings about what it leaves out or should not say.

use super::{use_texting, Texting};
use crate::domain::reminders::form::WordingForm;
use crate::domain::reminders::template::PLACEHOLDERS;
use crate::domain::reminders::{longest_room, preview, sample_details, sms, Purpose};
use crate::ui::form::{bind, Bound, ErrorSummary, TextArea, TickBox};
use crate::ui::layout::BackLink;
use crate::ui::pages::form_errors;
use crate::ui::practice::use_practice;
use crate::ui::router::use_location;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::{today, use_base};
use leptos::prelude::*;

const TITLE: &str = "The wording of the texts";

#[component]
pub fn WordingPage() -> impl IntoView {
    let Texting { wording, .. } = use_texting();
    let form = RwSignal::new(wording.value.with_untracked(WordingForm::from_wording));
    let errors = form_errors(|| TITLE.to_string());
    let location = use_location();
    let base = use_base();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.with(|f| wording.value.with_untracked(|w| f.check(w))) {
            Ok(changed) => {
                errors.set(Vec::new());
                wording.save(changed);
                if wording.problem.get_untracked().is_none() {
                    location.navigate("clinic/reminders");
                }
            }
            Err(found) => errors.set(found),
        }
    };
    let names = PLACEHOLDERS
        .iter()
        .map(|(name, meaning)| view! { <li><code>{format!("{{{name}}}")}</code> " " {*meaning}</li> })
        .collect_view();
    let messages = Purpose::ALL
        .into_iter()
        .map(|purpose| view! { <Message purpose form /> })
        .collect_view();
    view! {
        <BackLink href=base.href("clinic/reminders") text="Back to the texts" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved=wording />
                <ErrorSummary />
                <h1>{TITLE}</h1>
                <p>"Each message is filled in for each appointment. Words in curly brackets are filled in for you:"</p>
                <ul class="nhsuk-list nhsuk-list--bullet app-placeholders">{names}</ul>
                <p>"To show a curly bracket itself in a text, type it twice: {{ or }}."</p>
                <form novalidate on:submit=save>
                    {messages}
                    <h2>"What a missed appointment costs"</h2>
                    <TickBox id="cost-line-on" label="Add this line to reminders"
                        bind=bind(form, |f| f.cost_line_on, |f, v| f.cost_line_on = v) />
                    <TextArea id="cost-line" label="The line about cost" rows=2
                        hint=Some("Off unless you choose it: some people find it puts them off.")
                        bind=bind(form, |f| f.cost_line.clone(), |f, v| f.cost_line = v) />
                    <h2>"Words to warn about"</h2>
                    <TextArea id="avoid" label="Words a text should not have" rows=6
                        hint=Some("Clinical details a volunteer should not text, one a line. Texts can be read by others on the person's phone.")
                        bind=bind(form, |f| f.avoid.clone(), |f, v| f.avoid = v) />
                    <button class="nhsuk-button" type="submit">"Save the wording"</button>
                </form>
            </div>
        </div>
    }
}

/// One message: its box, a preview for Sam, its length, and what to look at.
#[component]
fn Message(purpose: Purpose, form: RwSignal<WordingForm>) -> impl IntoView {
    let Texting { wording, clinic } = use_texting();
    let practice = use_practice();
    let index = Purpose::ALL.iter().position(|p| *p == purpose).unwrap_or(0);
    let typed = Signal::derive(move || form.with(|f| f.template(purpose).to_string()));
    let bind = Bound {
        get: typed,
        set: Callback::new(move |v: String| form.update(|f| f.templates[index] = v)),
    };
    // Sam's appointment, with the practice's own name and its longest room,
    // so the count is what its longest texts will be.
    let shown = move || {
        let practice = practice.get();
        let room = clinic.value.with(|c| longest_room(&c.sessions));
        wording.value.with(|w| {
            let w = form.with(|f| f.as_typed(w));
            let mut details = sample_details(
                purpose,
                today(),
                &w.sender,
                &practice.practice_name,
                &practice.phone.clone().unwrap_or_default(),
            );
            if let Some(room) = &room {
                details.room = room.clone();
            }
            let names = match (practice.practice_name.trim(), room) {
                ("", None) => None,
                ("", Some(room)) => Some(format!("your room name, {room}")),
                (name, None) => Some(format!("your practice's name, {name}")),
                (name, Some(room)) => Some(format!(
                    "your practice's name and your longest room name, {name} and {room}"
                )),
            };
            (preview(&w, purpose, &details, today()), names)
        })
    };
    let looked_at = move || {
        let text = typed.get();
        let mut notes = wording
            .value
            .with(|w| form.with(|f| f.as_typed(w)).warnings(purpose, &text));
        if sms::clean(&text) != text {
            notes.push("Curly quotes, long dashes and similar characters will be replaced with plain ones, so the text costs less".to_string());
        }
        let forcing: Vec<String> = sms::ucs2_characters(&sms::clean(&text))
            .into_iter()
            .map(String::from)
            .collect();
        if !forcing.is_empty() {
            notes.push(format!(
                "These characters make it a longer, costlier text: {}. Leave them out to fit more in one text",
                forcing.join(" ")
            ));
        }
        notes
    };
    view! {
        <h2>{purpose.name()}</h2>
        <TextArea id=purpose.field() label=purpose.name() rows=5 bind />
        {move || {
            let (preview, names) = shown();
            let size = preview.size;
            let over = size.over_one_text().map(|over| {
                let with = names.map(|n| format!("With {n}, ")).unwrap_or_default();
                let chars = if over == 1 { "character" } else { "characters" };
                let text = format!("{with}this message is {} texts: {over} {chars} over one text. Take out {over} {chars} to send it as one text.", size.parts);
                view! { <p class="app-over" data-testid=format!("over-{}", purpose.field())><strong>{text}</strong></p> }
            });
            let count = view! { <p class="nhsuk-hint" data-testid=format!("count-{}", purpose.field())>{size.words()}</p> };
            match preview.message {
                Ok(text) => view! {
                    <div class="nhsuk-inset-text">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p class="nhsuk-body-s">"How it reads for Sam:"</p>
                        <p class="app-sms" data-testid=format!("preview-{}", purpose.field())>{text}</p>
                        {count}
                        {over}
                    </div>
                }.into_any(),
                Err(problems) => view! {
                    <div class="nhsuk-inset-text">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>"This message cannot be filled in yet:"</p>
                        <ul data-testid=format!("problems-{}", purpose.field())>{problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_view()}</ul>
                        {count}
                        {over}
                    </div>
                }.into_any(),
            }
        }}
        {move || {
            let notes = looked_at();
            (!notes.is_empty()).then(|| view! {
                <div class="nhsuk-warning-callout" data-testid=format!("warnings-{}", purpose.field())>
                    <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Check this message"</span></h3>
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            })
        }}
    }
}
