//! The lock in front of the clinic's pages: while the records are locked,
//! the page asks for the passphrase instead; once unlocked, the pages show,
//! until the records lock again on demand or after a time without use.

use crate::domain::form::FieldError;
use crate::domain::lock::PassphraseForm;
use crate::store::backend::SaveError;
use crate::store::vault::{self, UnlockProblem};
use crate::ui::form::{bind, ErrorSummary, TextInput};
use crate::ui::pages::form_errors;
use crate::ui::router::own_page;
use leptos::prelude::*;

/// Whether the clinic's records can be read on this page now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gate {
    Checking,
    Locked,
    Open,
}

/// Locks the records now, and shows the passphrase page, from any clinic page.
#[derive(Clone, Copy)]
pub struct LockNow(RwSignal<Gate>);

impl LockNow {
    pub fn run(&self) {
        vault::lock();
        self.0.set(Gate::Locked);
    }
}

/// Shows `children` only while the clinic's records are readable.
#[component]
pub fn LockGate(children: ChildrenFn) -> impl IntoView {
    let (gate, seal_problem) = watch_lock();
    move || match gate.get() {
        Gate::Checking => ().into_any(),
        // Under an owner of its own, so that the unlock form's errors are not
        // found by the fields of the page shown once the records are open.
        Gate::Locked => own_page(|| {
            view! { <UnlockPage opened=Callback::new(move |()| gate.set(Gate::Open)) /> }.into_any()
        }),
        Gate::Open => opened(seal_problem, &children),
    }
}

/// The pages once open, under the notice of a change that could not be sealed and stored.
pub(crate) fn opened(seal_problem: RwSignal<Option<SaveError>>, children: &ChildrenFn) -> AnyView {
    view! {
        {move || seal_problem.get().map(|error| view! {
            <div class="nhsuk-error-summary" role="alert" tabindex="-1" aria-labelledby="seal-problem-title">
                <h2 class="nhsuk-error-summary__title" id="seal-problem-title">"Your last change has not been saved"</h2>
                <div class="nhsuk-error-summary__body"><p>{error.message()}</p></div>
            </div>
        })}
        {children()}
    }
    .into_any()
}

/// Puts the lock between the pages and the storage, opens what is locked
/// with the key kept for this tab, and watches: use keeps it open, a time
/// without use locks it, another tab's changes are followed. Gives the gate,
/// and the problem of a save that could not be sealed and stored.
pub(crate) fn watch_lock() -> (RwSignal<Gate>, RwSignal<Option<SaveError>>) {
    vault::install();
    crate::ui::router::wait_before_leaving(vault::storing);
    // Nothing to wait for where no passphrase is set.
    let gate = RwSignal::new(if vault::is_set() {
        Gate::Checking
    } else {
        Gate::Open
    });
    provide_context(LockNow(gate));
    let seal_problem = RwSignal::new(None::<SaveError>);
    vault::on_seal_failed(move |error| seal_problem.set(Some(error)));
    if gate.get_untracked() == Gate::Checking {
        leptos::task::spawn_local(async move {
            gate.set(if vault::resume().await {
                Gate::Open
            } else {
                Gate::Locked
            });
        });
    }
    // Use keeps the records open; a time without it locks them.
    let used = move || {
        if gate.get_untracked() == Gate::Open {
            vault::touch();
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |_| used());
    let taps = window_event_listener(leptos::ev::pointerdown, move |_| used());
    let watch = set_interval_with_handle(
        move || {
            if gate.get_untracked() == Gate::Open && vault::is_set() && vault::idle_too_long() {
                vault::lock();
                gate.set(Gate::Locked);
            }
            vault::keep_open();
        },
        std::time::Duration::from_secs(10),
    )
    .ok();
    // Another tab's save of a sealed record is opened here too; another tab
    // setting, changing or removing the passphrase reloads this page.
    let other_tabs = window_event_listener(leptos::ev::storage, move |event| {
        if event.storage_area().is_none() {
            return;
        }
        match event.key() {
            Some(key) if key == crate::store::document_key("lock") => {
                let _ = window().location().reload();
            }
            Some(key) => vault::changed_in_another_tab(key),
            None => {}
        }
    });
    // Closing the tab in the moment a save is being sealed asks first.
    let closing = window_event_listener(leptos::ev::beforeunload, |event| {
        if vault::storing() {
            event.prevent_default();
        }
    });
    on_cleanup(move || {
        closing.remove();
        keys.remove();
        taps.remove();
        other_tabs.remove();
        if let Some(watch) = watch {
            watch.clear();
        }
    });

    (gate, seal_problem)
}

/// What a passphrase form's Submit does: nothing while a try is being
/// checked; `missing` when nothing is typed; otherwise the passphrase is
/// tried, the last try's message going meanwhile. A wrong one is cleared
/// from the field; a problem is worded by `message`; a right one runs
/// `opened`. The clinic's unlock page and the plan's share it.
pub fn passphrase_submit<F>(
    passphrase: RwSignal<String>,
    working: RwSignal<bool>,
    errors: RwSignal<Vec<FieldError>>,
    missing: &'static str,
    message: fn(UnlockProblem) -> String,
    opened: F,
) -> impl Fn(leptos::ev::SubmitEvent) + Clone + 'static
where
    F: Fn() + Clone + 'static,
{
    move |ev| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            errors.set(vec![FieldError::new("passphrase", missing)]);
            return;
        }
        working.set(true);
        errors.set(Vec::new());
        let opened = opened.clone();
        leptos::task::spawn_local(async move {
            let result = vault::unlock(&typed).await;
            working.set(false);
            match result {
                Ok(()) => opened(),
                Err(problem) => {
                    if problem == UnlockProblem::Wrong {
                        passphrase.set(String::new());
                    }
                    errors.set(vec![FieldError::new("passphrase", message(problem))]);
                }
            }
        });
    }
}

const TITLE: &str = "Unlock the clinic’s records";

#[component]
fn UnlockPage(opened: Callback<()>) -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let submit = passphrase_submit(
        passphrase,
        working,
        errors,
        "Enter the passphrase",
        |problem| problem.message(),
        move || opened.run(()),
    );
    view! {
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <ErrorSummary />
                <h1>{TITLE}</h1>
                <p>"The clinic’s records on this device are locked with a passphrase, so nobody else using this device can read them."</p>
                <form novalidate on:submit=submit>
                    <TextInput id="passphrase" label="Passphrase" input_type="password" autocomplete=Some("current-password")
                        bind=bind(passphrase, |v| v.clone(), |v, new| *v = new) />
                    <button class="nhsuk-button" type="submit" aria-disabled=move || working.get().to_string()>
                        {move || if working.get() { "Unlocking…" } else { "Unlock" }}
                    </button>
                </form>
                <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"I have forgotten the passphrase"</span></summary>
                    <div class="nhsuk-details__text">
                        <p>"Nobody can unlock the records without it: not the practice, and not the people who made this app. That is what keeps them safe."</p>
                        <p>"Ask the other volunteers whether one of them knows it. If not, the clinic can start again from a backup made before the lock was set."</p>
                    </div>
                </details>
            </div>
        </div>
    }
}

/// A new passphrase, typed twice, and the box to tick to say a forgotten one
/// cannot be got round (`understood`, in the words of whose lock it is).
#[component]
pub fn PassphraseFields(
    form: RwSignal<PassphraseForm>,
    label: &'static str,
    understood: &'static str,
) -> impl IntoView {
    let ticked = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        form.update(|f| f.understood = checked);
    };
    let error = crate::ui::form::field_error("understood");
    view! {
        <TextInput id="passphrase" label input_type="password" autocomplete=Some("new-password")
            hint=Some("12 characters or more. A few words that mean something to you, but that nobody would guess, work well")
            bind=bind(form, |f| f.passphrase.clone(), |f, v| f.passphrase = v) />
        <TextInput id="passphrase-again" label="Type the passphrase again" input_type="password" autocomplete=Some("new-password")
            bind=bind(form, |f| f.again.clone(), |f, v| f.again = v) />
        <div class=move || if error.get().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            {move || error.get().map(|message| view! {
                <span class="nhsuk-error-message" id="understood-error"><span class="nhsuk-u-visually-hidden">"Error: "</span>{message}</span>
            })}
            <div class="nhsuk-checkboxes">
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id="understood" name="understood" type="checkbox"
                        aria-describedby=move || error.get().map(|_| "understood-error")
                        prop:checked=move || form.with(|f| f.understood) on:change=ticked />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for="understood">{understood}</label>
                </div>
            </div>
        </div>
    }
}
