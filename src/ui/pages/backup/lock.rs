//! Setting, changing or turning off the passphrase that locks the clinic's
//! records, and how long they stay open without use.

use crate::domain::form::FieldError;
use crate::domain::lock::{check_idle_minutes, locked_words, PassphraseForm};
use crate::store::sealed::IDLE_MINUTES;
use crate::store::vault::{self, UnlockProblem};
use crate::ui::banner::NotificationBanner;
use crate::ui::form::{bind, ErrorSummary, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::lock::{LockNow, PassphraseFields, PassphraseFieldsProps};
use crate::ui::pages::form_errors;
use crate::ui::use_base;
use leptos::prelude::*;

/// Said when a passphrase is first set: backups made before it are plain.
const EARLIER_BACKUPS: &str = "The records are now stored encrypted on this device. Backups made from now on are locked with the passphrase, and their file names end in \u{201c}-locked\u{201d}. Backups made before now are not locked: anyone who has one of those files can read the records in it. Delete them wherever they are kept, such as a shared drive, a downloads folder or a memory stick.";

const TITLE: &str = "Lock the clinic’s records";

/// Why the passphrase typed again before a change was not taken, beside
/// the field `id`; the field is emptied.
fn not_confirmed(
    id: &'static str,
    problem: UnlockProblem,
    typed: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) {
    typed.set(String::new());
    let message = match problem {
        UnlockProblem::Wrong => "The current passphrase is not right".to_string(),
        other => other.message(),
    };
    errors.set(vec![FieldError::new(id, message)]);
}

#[component]
pub fn LockPage() -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let base = use_base();
    let lock_now = use_context::<LockNow>();
    let is_set = RwSignal::new(vault::is_set());
    // The minutes stored, shown again whenever they are saved.
    let idle_now = RwSignal::new(vault::settings().map_or(IDLE_MINUTES, |(s, _)| s.idle_minutes));
    let form = RwSignal::new(PassphraseForm::default());
    let idle = RwSignal::new(idle_now.get_untracked().to_string());
    let working = RwSignal::new(false);
    // The passphrase typed again before it is changed, or the lock turned off.
    let current = RwSignal::new(String::new());
    let current_off = RwSignal::new(String::new());
    // A heading, and what it means for backups.
    let done = RwSignal::new(None::<(&'static str, &'static str)>);
    let problem = RwSignal::new(None::<&'static str>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        done.set(None);
        let changing = is_set.get_untracked();
        let typed = current.get_untracked();
        let missing = (changing && typed.is_empty())
            .then(|| FieldError::new("current-passphrase", "Enter your current passphrase"));
        let checked = form.get_untracked().check();
        let minutes = check_idle_minutes(&idle.get_untracked());
        let (passphrase, minutes) = match (missing, checked, minutes) {
            (None, Ok(p), Ok(m)) => (p, m),
            (c, p, m) => {
                errors.set(
                    c.into_iter()
                        .chain(p.err().unwrap_or_default())
                        .chain(m.err())
                        .collect(),
                );
                return;
            }
        };
        errors.set(Vec::new());
        working.set(true);
        leptos::task::spawn_local(async move {
            if changing {
                if let Err(problem) = vault::confirm(&typed).await {
                    working.set(false);
                    not_confirmed("current-passphrase", problem, current, errors);
                    return;
                }
            }
            let result = vault::set_passphrase(&passphrase, minutes).await;
            working.set(false);
            match result {
                Ok(()) => {
                    problem.set(None);
                    form.set(PassphraseForm::default());
                    current.set(String::new());
                    is_set.set(true);
                    idle_now.set(minutes);
                    done.set(Some(if changing {
                        ("The passphrase has been changed", "Backups made from now on are locked with the new passphrase. Backups made before now still open with the old one.")
                    } else {
                        ("The passphrase is set", EARLIER_BACKUPS)
                    }));
                }
                Err(error) => problem.set(Some(error.message())),
            }
        });
    };
    let save_idle = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_idle_minutes(&idle.get_untracked()) {
            Ok(minutes) => {
                errors.set(Vec::new());
                let saved = vault::set_idle_minutes(minutes);
                if saved.is_ok() {
                    idle_now.set(minutes);
                }
                match saved {
                    Ok(_) => done.set(Some((
                        "The time before the records lock has been saved",
                        "",
                    ))),
                    Err(p) => problem.set(Some(p.message())),
                }
            }
            Err(error) => errors.set(vec![error]),
        }
    };
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        done.set(None);
        let typed = current_off.get_untracked();
        if typed.is_empty() {
            errors.set(vec![FieldError::new(
                "current-passphrase-off",
                "Enter your current passphrase",
            )]);
            return;
        }
        errors.set(Vec::new());
        working.set(true);
        leptos::task::spawn_local(async move {
            let confirmed = vault::confirm(&typed).await;
            working.set(false);
            if let Err(problem) = confirmed {
                return not_confirmed("current-passphrase-off", problem, current_off, errors);
            }
            match vault::remove_passphrase() {
                Ok(()) => {
                    is_set.set(false);
                    done.set(Some(("The lock has been turned off", "The records are stored on this device without encryption again, and backups made from now on are not locked. Anyone who has one of those files can read the records in it.")));
                }
                Err(error) => problem.set(Some(error.message())),
            }
        });
    };
    let current_field = move |id: &'static str, label: &'static str, typed: RwSignal<String>| {
        view! {
            <TextInput id label input_type="password" autocomplete=Some("current-password")
                bind=bind(typed, |v| v.clone(), |v, new| *v = new) />
        }
    };
    let confirm_off = RwSignal::new(false);

    let passphrase_fields = move |label: &'static str| {
        PassphraseFields(PassphraseFieldsProps {
            form,
            label,
            understood:
                "I understand that if the passphrase is forgotten, nobody can read the records",
        })
    };

    view! {
        <BackLink href=base.href("clinic/backup") text="Back to backups" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
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
                <h1>{TITLE}</h1>
                <p>"With a passphrase, the clinic’s records (the people, their appointments and log, and self-referrals scanned in) are stored encrypted on this device, and in its backups. Anyone using the device needs the passphrase to read them."</p>
                <div class="nhsuk-warning-callout">
                    <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"A forgotten passphrase cannot be reset"</span></h2>
                    <p>"Nobody can unlock the records without it: not the practice, and not the people who made this app. Keep it where the clinic’s volunteers can find it, such as with the practice manager."</p>
                </div>
                <Show when=move || is_set.get() fallback=move || view! {
                    <form novalidate on:submit=submit>
                        {passphrase_fields("Passphrase")}
                        <TextInput id="idle-minutes" label="Lock the records after this many minutes without use"
                            hint=Some("For example, 15") width=Some("nhsuk-input--width-3")
                            bind=bind(idle, |v| v.clone(), |v, new| *v = new) />
                        <button class="nhsuk-button" type="submit">{move || if working.get() { "Locking…" } else { "Lock the records" }}</button>
                    </form>
                }>
                    <p data-testid="lock-state">{move || locked_words(idle_now.get())}</p>
                    {lock_now.map(|lock_now| view! {
                        <button type="button" class="nhsuk-button" on:click=move |_| lock_now.run()>"Lock the records now"</button>
                    })}
                    <h2>"Lock after a time without use"</h2>
                    <form novalidate on:submit=save_idle>
                        <TextInput id="idle-minutes" label="Lock the records after this many minutes without use"
                            hint=Some("For example, 15") width=Some("nhsuk-input--width-3")
                            bind=bind(idle, |v| v.clone(), |v, new| *v = new) />
                        <button class="nhsuk-button nhsuk-button--secondary" type="submit">"Save the time"</button>
                    </form>
                    <h2>"Change the passphrase"</h2>
                    <form novalidate on:submit=submit>
                        {current_field("current-passphrase", "Your current passphrase", current)}
                        {passphrase_fields("New passphrase")}
                        <button class="nhsuk-button nhsuk-button--secondary" type="submit">{move || if working.get() { "Changing…" } else { "Change the passphrase" }}</button>
                    </form>
                    <h2>"Turn the lock off"</h2>
                    <p>"The records will be stored on this device without a passphrase."</p>
                    <Show when=move || confirm_off.get() fallback=move || view! {
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| confirm_off.set(true)>"Turn the lock off"</button>
                    }>
                        <form novalidate on:submit=turn_off>
                            <p>"Are you sure? Anyone using this device will be able to read the records."</p>
                            {current_field("current-passphrase-off", "Type the current passphrase to turn the lock off", current_off)}
                            <div class="nhsuk-button-group">
                                <button type="submit" class="nhsuk-button nhsuk-button--warning">"Yes, turn the lock off"</button>
                                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| confirm_off.set(false)>"No, keep the lock"</button>
                            </div>
                        </form>
                    </Show>
                </Show>
            </div>
        </div>
    }
}
