//! The plan's front page: a start button for a first plan, then the task
//! list of its sections with their status, the ways to see it, a new
//! version, earlier plans to read, and deleting a plan after a confirmation.

use super::{use_plans, NotHere};
use crate::domain::plan::{Section, Status};
use crate::ui::banner::NotificationBanner;
use crate::ui::layout::BackLink;
use crate::ui::lock::LockNow;
use crate::ui::pages::page_title;
use crate::ui::router::use_location;
use crate::ui::saved::SaveProblemNotice;
use crate::ui::{new_id, today, use_base};
use leptos::prelude::*;

/// A section's status: a tag until it is completed, then plain words.
fn status_class(status: Status) -> &'static str {
    match status {
        Status::Completed => "",
        Status::InProgress => "nhsuk-tag nhsuk-tag--white",
        Status::NotStarted => "nhsuk-tag nhsuk-tag--blue",
    }
}

#[component]
pub fn TaskList() -> impl IntoView {
    page_title("My plan");
    let plans = use_plans();
    let base = use_base();
    let location = use_location();
    let deleted = location.query("deleted").is_some();
    let start = move |_| {
        plans.update(|book| {
            book.start(new_id().to_string(), today());
        })
    };
    let new_version = move |_| {
        plans.update(|book| {
            if let Some(from) = book.newest().map(|p| p.id.clone()) {
                book.new_version(&from, new_id().to_string(), today());
            }
        });
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let href = move |page: &str| base.href(page);
    let content = move || {
        let book = plans.value.get();
        let Some(plan) = book.newest() else {
            return view! {
                <p>"Your plan is about what matters to you, in your own words: what is going well, "
                    "what you would like to be different, and small steps to get there."</p>
                <p>"You can do one part today and another part another day. "
                    "You can make it on your own or with a link worker."</p>
                <p>"Your plan is kept on this phone. Nobody else can see it unless you choose to show or send it."</p>
                <button type="button" class="nhsuk-button" on:click=start>"Start my plan"</button>
            }
            .into_any();
        };
        let done = plan.completed_count();
        let tasks = Section::ALL
            .into_iter()
            .map(|section| {
                let key = &section.path()["plan/".len()..];
                let status_id = format!("{key}-status");
                view! {
                    <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                        <div class="nhsuk-task-list__name-and-hint">
                            <a class="nhsuk-link nhsuk-task-list__link" href=href(section.path())
                                aria-describedby=status_id.clone()>{section.title()}</a>
                        </div>
                        <div class="nhsuk-task-list__status" id=status_id>
                            <span class=status_class(plan.status(section))>{plan.status(section).label()}</span>
                        </div>
                    </li>
                }
            })
            .collect_view();
        let earlier = book
            .earlier()
            .iter()
            .map(|old| {
                let link = href(&format!("plan/one-page?plan={}", old.id));
                view! { <li><a href=link>{old.name()}</a></li> }
            })
            .collect_view();
        let has_earlier = !book.earlier().is_empty();
        let delete = href(&format!("plan/delete?plan={}", plan.id));
        view! {
            <p class="nhsuk-caption-m" data-testid="plan-name">{plan.name()}</p>
            <p data-testid="sections-done">{format!("You have completed {done} of 6 sections.")}</p>
            <ul class="nhsuk-task-list">{tasks}</ul>
            <h2>"See and share your plan"</h2>
            <ul class="nhsuk-list">
                <li><a href=href("plan/one-page")>"My plan on one page"</a>
                    " (to print, copy, email to yourself, share by a QR code or hear read aloud)"</li>
                <li><a href=href("plan/progress")>"Reviews and progress"</a>
                    " (look back at your plan, and see your wellbeing over time)"</li>
            </ul>
            <h2>"Start a new version"</h2>
            <p>"You can start a new version of your plan, for example after a review. "
                "This version will be kept as it is, so you can still read it."</p>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=new_version>
                "Start a new version of my plan"
            </button>
            {has_earlier.then(|| view! { <h2>"Earlier plans"</h2> })}
            <ul class="nhsuk-list">{earlier}</ul>
            <KeepPrivate />
            <p><a href=delete>"Delete this plan from this phone"</a></p>
        }
        .into_any()
    };
    view! {
        <BackLink href=use_base().href("") text="Back to home" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved=plans />
                {deleted.then(|| view! {
                    <NotificationBanner id="deleted-notice" title="Done" heading="Your plan has been deleted from this phone">
                        <p>"You can start a new plan whenever you are ready."</p>
                    </NotificationBanner>
                })}
                <h1>"My plan"</h1>
                {content}
            </div>
        </div>
    }
}

/// The plan's passphrase, for a phone other people use: protect the plan
/// with one, or lock it now and change it.
#[component]
fn KeepPrivate() -> impl IntoView {
    let base = use_base();
    let lock_now = use_context::<LockNow>();
    view! {
        <h2>"Keep your plan private"</h2>
        {if crate::store::vault::is_set() {
            view! {
                <p>"Your plan is protected with a passphrase."</p>
                {lock_now.map(|lock_now| view! {
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| lock_now.run()>
                        "Lock my plan now"
                    </button>
                })}
                <p><a href=base.href("plan/lock")>"Remove the passphrase"</a></p>
            }
            .into_any()
        } else {
            view! {
                <p>"If other people use this phone, you can protect your plan with a passphrase."</p>
                <p><a href=base.href("plan/lock")>"Protect my plan with a passphrase"</a></p>
            }
            .into_any()
        }}
    }
}

/// A section's page opened before any plan was started.
#[component]
pub fn NoPlanYet() -> impl IntoView {
    view! {
        <NotHere title="You have not started a plan yet" text="There is no plan on this phone."
            link="Start your plan" />
    }
}

/// "Are you sure?" before a plan (`?plan=`) is deleted from the device.
#[component]
pub fn DeletePlan() -> impl IntoView {
    page_title("Are you sure you want to delete this plan?");
    let plans = use_plans();
    let base = use_base();
    let location = use_location();
    let id = location.query("plan").unwrap_or_default();
    let name = plans
        .value
        .with_untracked(|book| book.get(&id).map(|plan| plan.name()));
    let Some(name) = name else {
        return view! {
            <NotHere title="This plan is not on this phone" text="It may have been deleted already."
                link="Go to my plan" />
        }
        .into_any();
    };
    let delete = move |_| {
        let id = id.clone();
        plans.update(move |book| book.delete(&id));
        if plans.problem.get_untracked().is_none() {
            location.navigate("plan?deleted=yes");
        }
    };
    view! {
        <BackLink href=base.href("plan") />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <SaveProblemNotice saved=plans />
                <h1>"Are you sure you want to delete this plan?"</h1>
                <p data-testid="plan-to-delete">{name}</p>
                <div class="nhsuk-warning-callout">
                    <h2 class="nhsuk-warning-callout__label">
                        <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"You cannot undo this"</span>
                    </h2>
                    <p>"Everything in this plan will be removed from this phone, with its reviews. "
                        "If you want to keep a copy, print it or email it to yourself first."</p>
                </div>
                <div class="nhsuk-button-group">
                    <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=delete>
                        "Yes, delete this plan"
                    </button>
                    <a class="nhsuk-button nhsuk-button--secondary" role="button" draggable="false" href=base.href("plan")>
                        "No, keep it"
                    </a>
                </div>
            </div>
        </div>
    }
    .into_any()
}
