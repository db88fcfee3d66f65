//! An optional passphrase on the person's own plan, for a phone other people
//! use too. It is the clinic's lock (`store::vault`): the plan is stored
//! encrypted, the key kept for this tab until the plan is locked, the phone
//! goes unused for a while, or the browser closes.
//!
//! [`LockedPlan`] is what the plan's pages show while it is locked: a way to
//! [`LockPlanPage`] (`plan/lock`), which sets, unlocks and removes the
//! passphrase. That page is an area of its own (`site::Area::PlanLock`), so
//! the passphrase's forms and key making stay out of the plan's own pages.

use super::UrgentHelpBox;
use crate::domain::form::FieldError;
use crate::domain::lock::PassphraseForm;
use crate::store::backend::{Backend, BrowserStorage};
use crate::store::sealed::IDLE_MINUTES;
use crate::store::vault::{self, UnlockProblem};
use crate::ui::banner::NotificationBanner;
use crate::ui::form::{bind, ErrorSummary, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::lock::{
    opened, passphrase_submit, watch_lock, Gate, PassphraseFields, PassphraseFieldsProps,
};
use crate::ui::pages::{form_errors, page_title};
use crate::ui::use_base;
use leptos::prelude::*;

/// Shows `children` only while the person's own plan is readable; while it
/// is locked, [`LockedPlan`] instead.
#[component]
pub fn PlanLockGate(children: ChildrenFn) -> impl IntoView {
    let (gate, seal_problem) = watch_lock();
    move || match gate.get() {
        Gate::Checking => ().into_any(),
        Gate::Locked => LockedPlan().into_any(),
        Gate::Open => opened(seal_problem, &children),
    }
}

/// Shown instead of a plan's page while the plan is locked.
#[component]
fn LockedPlan() -> impl IntoView {
    page_title("Your plan is locked");
    let base = use_base();
    let here = window().location();
    let root = format!("{}{}", here.origin().unwrap_or_default(), base.href(""));
    let then = here
        .href()
        .unwrap_or_default()
        .strip_prefix(&root)
        .map(str::to_string)
        .unwrap_or_default();
    let received = then.starts_with("plan/receive");
    let unlock = base.href(&format!(
        "plan/lock?then={}",
        js_sys::encode_uri_component(&then)
    ));
    view! {
        <BackLink href=base.href("") text="Back to home" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <h1>"Your plan is locked"</h1>
                <p>"Your plan on this phone is protected with a passphrase, so that nobody else using this phone can read it."</p>
                {received.then(|| view! {
                    <p>"Someone has shared a plan with you. To keep it on this phone, unlock your plan first. "
                        "The plan you were sent stays in the link until then."</p>
                })}
                <a class="nhsuk-button" role="button" draggable="false" href=unlock>"Unlock my plan"</a>
                <UrgentHelpBox />
            </div>
        </div>
    }
}

/// Whether the plan can be read now, on `plan/lock`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Checking,
    NoPassphrase,
    Locked,
    Open,
}

const TITLE: &str = "Protect my plan with a passphrase";

/// `plan/lock` (`?then=` the plan's page to go back to once unlocked):
/// setting a passphrase, unlocking, locking now, and removing it.
#[component]
pub fn LockPlanPage() -> impl IntoView {
    vault::install();
    let base = use_base();
    let shown = RwSignal::new(if vault::is_set() {
        Shown::Checking
    } else {
        Shown::NoPassphrase
    });
    if shown.get_untracked() == Shown::Checking {
        leptos::task::spawn_local(async move {
            shown.set(if vault::resume().await {
                Shown::Open
            } else {
                Shown::Locked
            });
        });
    }
    let title = move || match shown.get() {
        Shown::Locked => "Unlock my plan".to_string(),
        Shown::Open => "Your plan is protected".to_string(),
        _ => TITLE.to_string(),
    };
    let errors = form_errors(title);
    // A heading and words once something is done; or what went wrong.
    let done = RwSignal::new(None::<(&'static str, &'static str)>);
    let problem = RwSignal::new(None::<&'static str>);
    let after = crate::ui::router::use_location()
        .query("then")
        .filter(|then| then.starts_with("plan") && !then.starts_with("plan/lock"));
    // The passphrase of a device that keeps a clinic's records is the clinic's.
    let clinic_here = BrowserStorage
        .read_as_stored(&crate::store::document_key("clinic"))
        .ok()
        .flatten()
        .is_some();

    let page = move || {
        let body = match shown.get() {
            Shown::Checking => ().into_any(),
            Shown::NoPassphrase if clinic_here => view! {
                <p>"This device keeps a clinic’s records. Only the clinic can lock it with a passphrase."</p>
            }
            .into_any(),
            Shown::NoPassphrase => SetPassphrase(SetPassphraseProps { shown, done, problem, errors }).into_any(),
            Shown::Locked => Unlock(UnlockProps { shown, errors, after: after.clone() }).into_any(),
            Shown::Open => Protected(ProtectedProps { shown, done, problem, errors, clinic_here }).into_any(),
        };
        view! {
            <ErrorSummary />
            {move || done.get().map(|(heading, body)| view! {
                <NotificationBanner id="lock-done" title="Success" heading>
                    {(!body.is_empty()).then(|| view! { <p>{body}</p> })}
                </NotificationBanner>
            })}
            {move || problem.get().map(|message| view! {
                <div class="nhsuk-error-summary" role="alert" tabindex="-1" aria-labelledby="lock-problem-title">
                    <h2 class="nhsuk-error-summary__title" id="lock-problem-title">"Nothing was changed"</h2>
                    <div class="nhsuk-error-summary__body"><p>{message}</p></div>
                </div>
            })}
            <span class="nhsuk-caption-l">"My plan"</span>
            <h1>{title}</h1>
            {body}
        }
    };
    view! {
        <BackLink href=base.href("plan") text="Back to my plan" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">{page}</div>
        </div>
    }
}

/// What a passphrase does, the warning, and the form to set one.
#[component]
fn SetPassphrase(
    shown: RwSignal<Shown>,
    done: RwSignal<Option<(&'static str, &'static str)>>,
    problem: RwSignal<Option<&'static str>>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let base = use_base();
    let form = RwSignal::new(PassphraseForm::default());
    let working = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let passphrase = match form.get_untracked().check_plan() {
            Ok(passphrase) => passphrase,
            Err(found) => {
                errors.set(found);
                return;
            }
        };
        errors.set(Vec::new());
        working.set(true);
        leptos::task::spawn_local(async move {
            let result = vault::set_passphrase(&passphrase, IDLE_MINUTES).await;
            working.set(false);
            match result {
                Ok(()) => {
                    problem.set(None);
                    done.set(Some(("Your plan is now protected", "")));
                    shown.set(Shown::Open);
                }
                Err(error) => problem.set(Some(error.message())),
            }
        });
    };
    let fields = PassphraseFields(PassphraseFieldsProps {
        form,
        label: "Passphrase",
        understood: "I understand that if I forget the passphrase, nobody can open my plan",
    });
    view! {
        <p>"If other people use this phone, you can protect your plan with a passphrase. "
            "A passphrase is like a password. It can be a few words that mean something to you."</p>
        <p>"Then your plan is kept in a secret code on this phone. Anyone who wants to read it, "
            "or change it, needs the passphrase."</p>
        <p>"Your plan locks itself when you close the browser, or after "
            {IDLE_MINUTES} " minutes without use. You can also lock it yourself at any time."</p>
        <div class="nhsuk-warning-callout">
            <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"If you forget the passphrase, your plan cannot be got back"</span></h2>
            <p>"Nobody can open your plan without it: not your link worker, and not the people who made this app."</p>
            <p>"Before you start, you could "
                <a href=base.href("plan/one-page")>"print your plan or email it to yourself"</a>
                ", so that you have a copy."</p>
        </div>
        <form novalidate on:submit=submit>
            {fields}
            <button class="nhsuk-button" type="submit">
                {move || if working.get() { "Protecting your plan…" } else { "Protect my plan" }}
            </button>
        </form>
    }
}

/// The passphrase asked for, then the plan's page the person came from.
#[component]
fn Unlock(
    shown: RwSignal<Shown>,
    errors: RwSignal<Vec<FieldError>>,
    after: Option<String>,
) -> impl IntoView {
    let base = use_base();
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    // A page of the plan loads afresh, with the key kept for this tab.
    let show_plan = move || match &after {
        Some(then) => {
            let _ = window().location().set_href(&base.href(then));
        }
        None => shown.set(Shown::Open),
    };
    let submit = passphrase_submit(
        passphrase,
        working,
        errors,
        "Enter your passphrase",
        unlock_message,
        show_plan,
    );
    view! {
        <p>"Your plan on this phone is protected with a passphrase. Enter it to open your plan."</p>
        <form novalidate on:submit=submit>
            <TextInput id="passphrase" label="Passphrase" input_type="password" autocomplete=Some("current-password")
                bind=bind(passphrase, |v| v.clone(), |v, new| *v = new) />
            <button class="nhsuk-button" type="submit">
                {move || if working.get() { "Unlocking…" } else { "Unlock my plan" }}
            </button>
        </form>
        <details class="nhsuk-details">
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"I have forgotten my passphrase"</span></summary>
            <div class="nhsuk-details__text">
                <p>"Nobody can open your plan without it. That is what keeps it private."</p>
                <p>"If you printed your plan or emailed it to yourself, you can use that copy. "
                    "Your link worker can help you make a new plan."</p>
            </div>
        </details>
    }
}

/// The words of an unlock problem, for a person's own plan.
fn unlock_message(problem: UnlockProblem) -> String {
    match problem {
        UnlockProblem::Unavailable => {
            "This browser could not open your plan. Try again in an up-to-date browser".to_string()
        }
        UnlockProblem::Damaged => {
            "Your passphrase is right, but your plan on this phone has been damaged, so it cannot be opened. Nothing has been deleted. If you printed your plan or emailed it to yourself, you can use that copy".to_string()
        }
        other => other.message(),
    }
}

/// While the plan is open: lock it now, or remove the passphrase (typing it).
#[component]
fn Protected(
    shown: RwSignal<Shown>,
    done: RwSignal<Option<(&'static str, &'static str)>>,
    problem: RwSignal<Option<&'static str>>,
    errors: RwSignal<Vec<FieldError>>,
    clinic_here: bool,
) -> impl IntoView {
    let base = use_base();
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let lock_now = move |_| {
        vault::lock();
        done.set(None);
        errors.set(Vec::new());
        shown.set(Shown::Locked);
    };
    // Removed once the passphrase typed is checked.
    let removed = move || match vault::remove_passphrase() {
        Ok(()) => {
            problem.set(None);
            done.set(Some((
                "The passphrase has been removed",
                "Your plan is kept on this phone without a passphrase again.",
            )));
            shown.set(Shown::NoPassphrase);
        }
        Err(error) => problem.set(Some(error.message())),
    };
    let check = passphrase_submit(
        passphrase,
        working,
        errors,
        "Enter your passphrase",
        unlock_message,
        removed,
    );
    let remove = move |ev: leptos::ev::SubmitEvent| {
        done.set(None);
        check(ev);
    };
    view! {
        <p data-testid="lock-state">"Your plan is kept in a secret code on this phone. It is open now. "
            "It locks itself when you close the browser, or after " {IDLE_MINUTES} " minutes without use."</p>
        <p><a href=base.href("plan")>"Go to my plan"</a></p>
        <button type="button" class="nhsuk-button" on:click=lock_now>"Lock my plan now"</button>
        {if clinic_here {
            view! {
                <p>"This device keeps a clinic’s records, and the passphrase is the clinic’s. Only the clinic can change or remove it."</p>
            }
            .into_any()
        } else {
            view! {
                <h2>"Remove the passphrase"</h2>
                <p>"Your plan will be kept on this phone without a passphrase. Anyone using this phone will be able to read it."</p>
                <form novalidate on:submit=remove>
                    <TextInput id="passphrase" label="Enter your passphrase to remove it" input_type="password"
                        autocomplete=Some("current-password") bind=bind(passphrase, |v| v.clone(), |v, new| *v = new) />
                    <button class="nhsuk-button nhsuk-button--secondary" type="submit">
                        {move || if working.get() { "Removing…" } else { "Remove the passphrase" }}
                    </button>
                </form>
            }
            .into_any()
        }}
    }
}
