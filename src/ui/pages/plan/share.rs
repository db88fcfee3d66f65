//! Sharing a plan by a QR code, and the page a shared plan opens on: the
//! link carries the whole plan, deflated by the browser, in its fragment
//! (never sent anywhere). Nothing is kept on the receiving phone until the
//! person there says so.

use super::one_page::PlanParts;
use super::{asked_plan, plan_not_here, use_plans};
use crate::domain::dates::long_date;
use crate::domain::fragment::Packed;
use crate::domain::plan::share::{self, ShareError, LARGEST_PLAN};
use crate::domain::plan::text::title;
use crate::domain::plan::{CarePlan, PlanBook};
use crate::store::json::to_json;
use crate::ui::deflate::{deflate, inflate, InflateError};
use crate::ui::layout::{focus_element, BackLink};
use crate::ui::pages::{page_title, NotFound};
use crate::ui::qr::QrCode;
use crate::ui::router::own_page;
use crate::ui::saved::{SaveProblemNotice, Saved};
use crate::ui::{new_id, use_base};
use leptos::prelude::*;

/// The link that opens `plan` on another phone: deflated where the browser
/// can, as it is (an older but readable form) where it cannot.
async fn link_for(plan: &CarePlan, app_root: &str) -> String {
    // The same bytes as share::plan_bytes, written as the store writes a plan.
    let json = to_json(plan).unwrap_or_default().into_bytes();
    let packed = match deflate(&json).await {
        Some(deflated) => Packed::Deflated(deflated),
        None => Packed::Plain(json),
    };
    share::link(app_root, &share::seal(&packed))
}

/// The plan in a page's fragment, inflated and checked.
async fn plan_in(fragment: &str) -> Result<CarePlan, ShareError> {
    match share::open(fragment)? {
        Packed::Plain(json) => share::read(&json),
        Packed::Deflated(data) => match inflate(&data, LARGEST_PLAN).await {
            Ok(json) => share::read(&json),
            Err(InflateError::TooLarge) => Err(ShareError::TooLong),
            Err(InflateError::Unsupported) => Err(ShareError::CannotOpenHere),
            Err(InflateError::Damaged) => Err(ShareError::Damaged),
        },
    }
}

/// The pages of sharing a plan, an area of their own (`site::Area::PlanShare`)
/// so that the QR encoder and the browser's compression stay out of the
/// plan's own pages: `plan/share` and `plan/receive`.
#[component]
pub fn SharePlanFlow(page: Memo<String>) -> impl IntoView {
    provide_context(Saved::<PlanBook>::open());
    move || {
        let page = page.get();
        own_page(move || match page.as_str() {
            "plan/share" => SharePage().into_any(),
            "plan/receive" => Receive().into_any(),
            _ => NotFound().into_any(),
        })
    }
}

/// `plan/share` (`?plan=` for an earlier plan): the plan in a QR code, what
/// it holds, that nothing is sent, and its link to copy.
#[component]
fn SharePage() -> impl IntoView {
    page_title("Share your plan with a QR code");
    let plans = use_plans();
    let base = use_base();
    let (_, plan) = asked_plan(plans);
    let Some(plan) = plan else {
        return plan_not_here();
    };
    let back = base.href(&format!(
        "plan/one-page?plan={}",
        js_sys::encode_uri_component(&plan.id)
    ));
    let app_root = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        base.href("")
    );
    let link = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        link.set(Some(link_for(&plan, &app_root).await));
    });
    let copied = RwSignal::new(None::<&'static str>);
    let code = move || {
        let Some(link) = link.get() else {
            return view! { <p>"Making the code…"</p> }.into_any();
        };
        let copy = {
            let link = link.clone();
            move |_| {
                crate::ui::copy_text(
                    &link,
                    copied,
                    "Copied. You can paste the link into a message to yourself.",
                )
            }
        };
        view! {
            <QrCode text=link.clone() label="QR code holding your plan".to_string()
                too_long="Your plan is too long to fit in a code. Email it to yourself instead, or copy the link below." />
            <h2>"The link in the code"</h2>
            <p>"You can also copy the link and send it to yourself. It opens your plan in the same way."</p>
            <p class="app-share-link" data-testid="plan-link">{link}</p>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=copy>
                "Copy the link"
            </button>
            <p aria-live="polite" class="nhsuk-body-s">{move || copied.get()}</p>
        }
        .into_any()
    };
    view! {
        <BackLink href=back.clone() />
        <span class="nhsuk-caption-l">"My plan"</span>
        <h1>"Share your plan with a QR code"</h1>
        <p>"This code holds your whole plan, as it is on the plan's one-page view."</p>
        <p>"Nothing is sent anywhere. Your plan is inside the code itself, not on the internet."</p>
        <p>"To open it on another phone, point that phone's camera at the code. "
            "The other phone asks before it keeps the plan."</p>
        <p>"Anyone who scans the code or has the link can read your plan. Only show it to people you trust."</p>
        {code}
        <p><a href=back>"Back to my plan on one page"</a></p>
    }
    .into_any()
}

/// What the person chose to do with a received plan.
#[derive(Clone, Copy, PartialEq)]
enum Kept {
    Added,
    Replaced,
}

/// `plan/receive`: the plan a link holds, read-only, then "Add this plan
/// to this phone" (or, when it is already here, replace it or keep both).
#[component]
fn Receive() -> impl IntoView {
    page_title("A plan shared with you");
    let fragment = window().location().hash().unwrap_or_default();
    let opened = RwSignal::new(None::<Result<CarePlan, ShareError>>);
    leptos::task::spawn_local(async move {
        opened.set(Some(plan_in(&fragment).await));
    });
    move || match opened.get() {
        None => view! { <p>"Opening the plan…"</p> }.into_any(),
        Some(Err(error)) => view! { <CannotOpen error /> }.into_any(),
        Some(Ok(plan)) => view! { <ReceivedPlan plan /> }.into_any(),
    }
}

#[component]
fn CannotOpen(error: ShareError) -> impl IntoView {
    let base = use_base();
    view! {
        <div class="nhsuk-error-summary" aria-labelledby="receive-problem-title" role="alert" tabindex="-1">
            <h1 class="nhsuk-error-summary__title" id="receive-problem-title">"This plan cannot be opened"</h1>
            <div class="nhsuk-error-summary__body">
                <p data-testid="receive-problem">{error.message()}</p>
            </div>
        </div>
        <p>"Nothing has been saved on this phone."</p>
        <p><a href=base.href("plan")>"Go to my plan"</a></p>
    }
}

#[component]
fn ReceivedPlan(plan: CarePlan) -> impl IntoView {
    let plans = use_plans();
    let base = use_base();
    let kept = RwSignal::new(None::<Kept>);
    let heading = title(&plan);
    let started = plan
        .started_on()
        .map(|d| format!("Started on {}", long_date(d)));
    let id = plan.id.clone();
    let already = {
        let id = id.clone();
        move || plans.value.with(|book| book.get(&id).is_some())
    };
    let keep = {
        let plan = plan.clone();
        move |how: Kept| {
            let plan = plan.clone();
            plans.update(|book| match how {
                Kept::Replaced => {
                    let id = plan.id.clone();
                    book.replace_with_received(&id, plan);
                }
                Kept::Added => {
                    book.add_received(plan, new_id().to_string());
                }
            });
            if plans.problem.get_untracked().is_none() {
                kept.set(Some(how));
                request_animation_frame(|| {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                    focus_element("plan-kept");
                });
            }
        }
    };
    let choices = {
        let keep = keep.clone();
        move || {
            let keep = keep.clone();
            if already() {
                let replace = keep.clone();
                view! {
                    <h2>"This plan is already on this phone"</h2>
                    <p>"You can put this copy in place of the one on this phone, or keep both."</p>
                    <div class="nhsuk-button-group">
                        <button type="button" class="nhsuk-button" on:click=move |_| replace(Kept::Replaced)>
                            "Replace my plan with this one"
                        </button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| keep(Kept::Added)>
                            "Keep it as another plan"
                        </button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <h2>"Do you want to keep this plan?"</h2>
                    <p>"It will be kept on this phone as your newest plan."</p>
                    <button type="button" class="nhsuk-button" on:click=move |_| keep(Kept::Added)>
                        "Add this plan to this phone"
                    </button>
                }
                .into_any()
            }
        }
    };
    let confirmation = move || {
        kept.get().map(|how| {
            let (said, then) = match how {
                Kept::Added => ("Plan added to this phone", "It is now your newest plan."),
                Kept::Replaced => (
                    "Your plan has been replaced",
                    "The plan on this phone is now the one shared with you.",
                ),
            };
            view! {
                <div class="nhsuk-panel app-panel-confirmation">
                    <h1 class="nhsuk-panel__title" id="plan-kept" tabindex="-1">{said}</h1>
                    <div class="nhsuk-panel__body">{then}</div>
                </div>
                <p>"You can change it, review it and share it like any plan you make yourself."</p>
                <p><a href=base.href("plan")>"Go to my plan"</a></p>
            }
        })
    };
    view! {
        {confirmation}
        <div class="app-plan-page" hidden=move || kept.get().is_some()>
            <span class="nhsuk-caption-l">"A plan shared with you"</span>
            <h1>{heading}</h1>
            {started.map(|s| view! { <p>{s}</p> })}
            <p>"Read the plan below. Nothing is saved on this phone unless you choose to keep it."</p>
            <SaveProblemNotice saved=plans />
            <PlanParts plan=plan.clone() />
            {choices}
            <p><a href=use_base().href("plan")>"Go to my plan without keeping it"</a></p>
        </div>
    }
}
