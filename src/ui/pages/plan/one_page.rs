//! "My plan on one page": a clean view of a plan (the newest, or an earlier
//! one by `?plan=`), printed on A4 without the app around it, copied as
//! text, emailed to oneself, read aloud where the browser can speak, or shared
//! by a QR code on a page of its own (`plan/share`).

use super::{asked_plan, plan_not_here, use_plans, UrgentHelpBox};
use crate::domain::dates::long_date;
use crate::domain::plan::text::{one_page, plain_text, title};
use crate::domain::plan::CarePlan;
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title_with;
use crate::ui::use_base;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's speech synthesis, where it has one.
fn speech() -> Option<JsValue> {
    Reflect::get(&window(), &JsValue::from_str("speechSynthesis"))
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
}

/// Calls `method` of the speech synthesis with `arguments`.
fn call_speech(method: &str, arguments: &js_sys::Array) {
    let Some(speech) = speech() else { return };
    if let Some(function) = Reflect::get(&speech, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = function.apply(&speech, arguments);
    }
}

/// Reads `text` aloud, after stopping anything being read.
fn read_aloud(text: &str) {
    call_speech("cancel", &js_sys::Array::new());
    let utterance = Reflect::get(&window(), &JsValue::from_str("SpeechSynthesisUtterance"))
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &js_sys::Array::of1(&JsValue::from_str(text))).ok());
    if let Some(utterance) = utterance {
        call_speech("speak", &js_sys::Array::of1(&utterance));
    }
}

#[component]
pub fn OnePage() -> impl IntoView {
    let plans = use_plans();
    let base = use_base();
    let (asked, plan) = asked_plan(plans);
    let Some(plan) = plan else {
        return plan_not_here();
    };
    let heading = title(&plan);
    page_title_with({
        let heading = heading.clone();
        move || heading.clone()
    });
    let text = plain_text(&plan);
    let earlier = asked.is_some_and(|id| {
        plans
            .value
            .with_untracked(|b| b.newest().is_some_and(|n| n.id != id))
    });
    let started = plan
        .started_on()
        .map(|d| format!("Started on {}", long_date(d)));
    let copied = RwSignal::new(None::<&'static str>);
    let copy = {
        let text = text.clone();
        move |_| {
            crate::ui::copy_text(
                &text,
                copied,
                "Copied. You can paste your plan into a message or a note.",
            )
        }
    };
    let email = format!(
        "mailto:?subject={}&body={}",
        js_sys::encode_uri_component(&heading),
        js_sys::encode_uri_component(&text)
    );
    let share = base.href(&format!(
        "plan/share?plan={}",
        js_sys::encode_uri_component(&plan.id)
    ));
    let can_speak = speech().is_some();
    let speak = {
        let text = text.clone();
        move |_| read_aloud(&text)
    };
    view! {
        <BackLink href=base.href("plan") />
        <div class="app-plan-page">
            {earlier.then(|| view! {
                <div class="nhsuk-inset-text app-no-print">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>"This is an earlier version of your plan. It is kept as it was."</p>
                </div>
            })}
            <h1>{heading}</h1>
            {started.map(|s| view! { <p>{s}</p> })}
            <div class="app-no-print">
                <h2>"Keep or share your plan"</h2>
                <p>"Your plan is only shared if you choose to share it."</p>
                <div class="nhsuk-button-group">
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| { let _ = window().print(); }>
                        "Print my plan"
                    </button>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=copy>
                        "Copy my plan as text"
                    </button>
                    <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=email>
                        "Email my plan to myself"
                    </a>
                    {can_speak.then(|| view! {
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=speak>
                            "Read my plan aloud"
                        </button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary"
                            on:click=move |_| call_speech("cancel", &js_sys::Array::new())>
                            "Stop reading"
                        </button>
                    })}
                </div>
                <p aria-live="polite" class="nhsuk-body-s">{move || copied.get()}</p>
                <p class="nhsuk-body-s">"Email opens your email app with your plan written out. Put in your own email address, then send it."</p>
                <p><a href=share>"Share my plan with a QR code"</a></p>
            </div>
            <PlanParts plan=plan.clone() />
        </div>
    }
    .into_any()
}

/// The plan's parts, each a heading and its answers, urgent help with "If
/// things get harder": read-only, here and on the page receiving a plan.
#[component]
pub(super) fn PlanParts(plan: CarePlan) -> impl IntoView {
    one_page(&plan)
        .into_iter()
        .map(|part| {
            let rows = part
                .rows
                .into_iter()
                .map(|(label, words)| {
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{label}</dt>
                            <dd class="nhsuk-summary-list__value app-keep-lines">{words}</dd>
                        </div>
                    }
                })
                .collect_view();
            let harder = part.title == "If things get harder";
            view! {
                <section class="app-plan-part">
                    <h2>{part.title}</h2>
                    <dl class="nhsuk-summary-list">{rows}</dl>
                    {harder.then(|| view! { <UrgentHelpBox /> })}
                </section>
            }
        })
        .collect_view()
}
