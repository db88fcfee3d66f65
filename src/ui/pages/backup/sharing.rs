//! Sharing the clinic live with the other volunteers' devices, through the
//! practice's CouchDB (the `sharing` setting): signing in once per device,
//! then a round of sharing every few seconds while this page is open, with
//! its status; records changed on two devices are offered for a choice.
//! Without the setting the page says so and nothing is sent.

use super::merge::conflict_choice;
use crate::domain::clinic::merging::Side;
use crate::domain::form::FieldError;
use crate::domain::sharing::{status_words, SharingProblem, SignInForm};
use crate::store::sharing::{self, Choice, Round, Sharer};
use crate::store::vault::{self, SharedLock};
use crate::ui::form::{bind, ErrorSummary, TextInput};
use crate::ui::layout::BackLink;
use crate::ui::pages::form_errors;
use crate::ui::practice::use_sharing_database;
use crate::ui::use_base;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const TITLE: &str = "Share the clinic with other devices";
use crate::ui::sharing_turn::REST_MS;

#[derive(Clone, Debug, PartialEq)]
enum Account {
    Checking,
    SignedOut,
    SignedIn(String),
}

#[component]
pub fn SharingPage() -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let base = use_base();
    let database = use_sharing_database();
    let account = RwSignal::new(Account::Checking);
    let form = RwSignal::new(SignInForm::default());
    let working = RwSignal::new(false);
    let sign_in_problem = RwSignal::new(None::<SharingProblem>);
    let round_problem = RwSignal::new(None::<SharingProblem>);
    let status = RwSignal::new(String::new());
    let last_shared = RwSignal::new(None::<chrono::NaiveDateTime>);
    let choice = RwSignal::new(None::<Choice>);
    let choices = RwSignal::new(Vec::<Option<Side>>::new());
    let settled = RwSignal::new(false);
    let sharer = StoredValue::new(Sharer::default());
    // A device with no clinic of its own, started from the server's: its lock.
    let server_lock = RwSignal::new(None::<Result<Option<SharedLock>, SharingProblem>>);
    let passphrase = RwSignal::new(String::new());
    let joining = RwSignal::new(false);
    let joined = RwSignal::new(false);

    // Who is signed in, once the setting is read.
    Effect::new(move || {
        let Some(database) = database.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match sharing::signed_in(&database).await {
                Ok(name) => account.set(Account::SignedIn(name)),
                Err(SharingProblem::SignedOut) => account.set(Account::SignedOut),
                Err(problem) => {
                    sign_in_problem.set(Some(problem));
                    account.set(Account::SignedOut);
                }
            }
        });
    });

    // One round: read the server's changes, merge, save, send. Whether it
    // ran without a problem, so the next may wait for a change.
    let open = Arc::new(AtomicBool::new(true));
    let share_round = move |open: Arc<AtomicBool>| async move {
        let (Some(database), Account::SignedIn(_)) =
            (database.get_untracked(), account.get_untracked())
        else {
            return false;
        };
        if choice.with_untracked(Option::is_some) {
            return false;
        }
        // Taken out for the round (not copied: it holds the whole clinic).
        let mut now = sharer.try_update_value(std::mem::take).unwrap_or_default();
        let result = sharing::round(&database, &mut now).await;
        if !open.load(Ordering::Relaxed) {
            return false;
        }
        let shared = result.is_ok();
        match result {
            Ok(Round::Shared { waiting, .. }) => {
                round_problem.set(None);
                let at = chrono::Local::now().naive_local();
                last_shared.set(Some(at));
                status.set(status_words(Some(at), waiting, 0));
            }
            Ok(Round::Choose(found)) => {
                round_problem.set(None);
                status.set(status_words(
                    last_shared.get_untracked(),
                    0,
                    found.merge.conflicts.len(),
                ));
                choices.set(vec![None; found.merge.conflicts.len()]);
                choice.set(Some(found));
            }
            // Saved in another tab during the round: the next one takes it in.
            Err(SharingProblem::ChangedElsewhere) => {}
            Err(problem) => {
                now.stale = true;
                if problem == SharingProblem::SignedOut {
                    account.set(Account::SignedOut);
                    sign_in_problem.set(Some(problem));
                }
                round_problem.set(Some(problem));
                let waiting = sharing::waiting(&mut now).await;
                status.set(status_words(last_shared.get_untracked(), waiting, 0));
            }
        }
        sharer.set_value(now);
        shared
    };
    // Rounds while the page is open: each waits for a change on the server
    // or on this device (see js/sharing.js), or rests after a problem.
    let running = open.clone();
    leptos::task::spawn_local(async move {
        // This page shares, and a clinic page sharing in another tab gives way.
        sharing::claim_turn();
        sharing::take_turn().await;
        while running.load(Ordering::Relaxed) {
            let shared = share_round(running.clone()).await;
            if !running.load(Ordering::Relaxed) {
                return;
            }
            let waited = match database.get_untracked() {
                Some(database) if shared => {
                    let (since, stale) = sharer.with_value(|s| (s.since.clone(), s.stale));
                    sharing::wait_for_change(&database, &since, stale).await
                }
                _ => Err(SharingProblem::SignedOut),
            };
            if waited.is_err() && running.load(Ordering::Relaxed) {
                sharing::rest(REST_MS).await;
            }
        }
    });
    on_cleanup(move || {
        open.store(false, Ordering::Relaxed);
        sharing::hurry();
        sharing::give_back_turn();
        sharing::unclaim_turn();
    });
    Effect::new(move || {
        if matches!(account.get(), Account::SignedIn(_)) {
            sharing::hurry();
        }
    });

    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(database) = database.get_untracked() else {
            return;
        };
        if working.get_untracked() {
            return;
        }
        sign_in_problem.set(None);
        let (name, password) = match form.get_untracked().check() {
            Ok(typed) => typed,
            Err(found) => {
                errors.set(found);
                return;
            }
        };
        errors.set(Vec::new());
        working.set(true);
        leptos::task::spawn_local(async move {
            let result = sharing::sign_in(&database, &name, &password).await;
            working.set(false);
            match result {
                Ok(()) => {
                    form.set(SignInForm::default());
                    account.set(Account::SignedIn(name));
                }
                Err(SharingProblem::WrongPassword) => {
                    errors.set(vec![crate::domain::form::FieldError::new(
                        "sharing-password",
                        SharingProblem::WrongPassword.message(),
                    )])
                }
                Err(problem) => sign_in_problem.set(Some(problem)),
            }
        });
    };

    // Signed in on a device with no lock: the server's clinic, to open here.
    Effect::new(move || {
        let (Some(database), Account::SignedIn(_)) = (database.get(), account.get()) else {
            return;
        };
        if joined.get() || vault::is_set() {
            return;
        }
        leptos::task::spawn_local(async move {
            server_lock.set(Some(sharing::server_lock(&database).await));
        });
    });

    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(Some(lock))) = server_lock.get_untracked() else {
            return;
        };
        if joining.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            errors.set(vec![FieldError::new(
                "join-passphrase",
                "Enter the clinic’s passphrase",
            )]);
            return;
        }
        errors.set(Vec::new());
        joining.set(true);
        leptos::task::spawn_local(async move {
            let result = vault::adopt(&lock, &typed).await;
            joining.set(false);
            match result {
                Ok(()) => {
                    passphrase.set(String::new());
                    joined.set(true);
                    sharing::hurry();
                }
                Err(problem) => {
                    errors.set(vec![FieldError::new("join-passphrase", problem.message())])
                }
            }
        });
    };

    let sign_out = move |_| {
        let Some(database) = database.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            sharing::sign_out(&database).await;
            sharer.set_value(Sharer::default());
            round_problem.set(None);
            account.set(Account::SignedOut);
        });
    };

    let keep_choices = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(found) = choice.get_untracked() else {
            return;
        };
        let sides = match found.merge.check_choices(&choices.get_untracked()) {
            Ok(sides) => sides,
            Err(found) => {
                errors.set(found);
                return;
            }
        };
        errors.set(Vec::new());
        match sharing::settle(found, &sides) {
            Ok(()) | Err(SharingProblem::ChangedElsewhere) => {
                choice.set(None);
                settled.set(true);
                sharing::hurry();
            }
            Err(problem) => round_problem.set(Some(problem)),
        }
    };

    let problem_box = move |problem: SharingProblem| {
        view! {
            <div class="nhsuk-error-summary" role="alert" tabindex="-1" aria-labelledby="sharing-problem-title" data-testid="sharing-problem">
                <h2 class="nhsuk-error-summary__title" id="sharing-problem-title">"There is a problem"</h2>
                <div class="nhsuk-error-summary__body"><p>{problem.message()}</p></div>
            </div>
        }
    };

    let signed_out = move || {
        view! {
            {move || sign_in_problem.get().filter(|p| *p != SharingProblem::WrongPassword).map(problem_box)}
            <h2>"Sign in to the practice’s server"</h2>
            <p>"Use the username and password the practice gave you for sharing. You only need to do this once on this device."</p>
            <form novalidate on:submit=sign_in>
                <TextInput id="sharing-name" label="Username" autocomplete=Some("username")
                    bind=bind(form, |f| f.name.clone(), |f, v| f.name = v) width=Some("nhsuk-input--width-20") />
                <TextInput id="sharing-password" label="Password" input_type="password" autocomplete=Some("current-password")
                    bind=bind(form, |f| f.password.clone(), |f, v| f.password = v) width=Some("nhsuk-input--width-20") />
                <button type="submit" class="nhsuk-button" aria-disabled=move || working.get().to_string()>
                    {move || if working.get() { "Signing in…" } else { "Sign in" }}
                </button>
            </form>
        }
    };

    let conflicts = move || {
        choice.get().map(|found| {
            let count = found.merge.conflicts.len();
            let list = found
                .merge
                .conflicts
                .iter()
                .enumerate()
                .map(|(n, conflict)| conflict_choice(n, conflict, errors, choices))
                .collect_view();
            view! {
                <form novalidate on:submit=keep_choices data-testid="sharing-choices">
                    <h2>{if count == 1 { "1 record was changed on this device and another".to_string() } else { format!("{count} records were changed on this device and another") }}</h2>
                    <p>"Choose which version of each to keep. Your choice is shared with the other devices. Sharing waits until you choose."</p>
                    {list}
                    <button type="submit" class="nhsuk-button">"Keep these versions"</button>
                </form>
            }
        })
    };

    let signed_in = move |name: String| {
        view! {
            <p>{format!("Signed in as {name}. While this page is open, changes made on this device are shared within seconds, and changes from other devices arrive here and in the clinic’s other open pages.")}</p>
            {move || round_problem.get().map(|problem| view! {
                <div class="nhsuk-warning-callout" data-testid="sharing-paused">
                    <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Sharing is paused"</span></h2>
                    <p>{problem.message()}</p>
                </div>
            })}
            {move || settled.get().then(|| view! { <p data-testid="sharing-settled">"Your choices have been kept and shared."</p> })}
            <div class="nhsuk-inset-text"><p role="status" data-testid="sharing-status">{move || status.get()}</p></div>
            {conflicts}
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=sign_out>"Sign out of sharing on this device"</button>
        }
    };

    let lock_href = base.href("clinic/lock");
    let start_here = lock_href.clone();
    let new_device = move || {
        let start_here = start_here.clone();
        match server_lock.get() {
            None => view! { <p role="status">"Looking for the clinic on the practice’s server…"</p> }.into_any(),
            Some(Err(problem)) => problem_box(problem).into_any(),
            Some(Ok(None)) => view! {
                <p data-testid="sharing-no-clinic">"No device has shared a clinic through the practice’s server yet. Share it first from the device that holds the clinic, then come back to this page."</p>
                <p><a href=start_here>"Or set a passphrase to start a new clinic on this device"</a></p>
            }.into_any(),
            Some(Ok(Some(_))) => view! {
                <h2>"Open the clinic from the practice’s server"</h2>
                <p>"Type the clinic’s passphrase, the one the other volunteers use to unlock it. The whole clinic is then copied to this device, locked with the same passphrase."</p>
                <form novalidate on:submit=join data-testid="sharing-join">
                    <TextInput id="join-passphrase" label="The clinic’s passphrase" input_type="password" autocomplete=Some("current-password")
                        bind=bind(passphrase, |p| p.clone(), |p, v| *p = v) width=Some("nhsuk-input--width-20") />
                    <button type="submit" class="nhsuk-button" aria-disabled=move || joining.get().to_string()>
                        {move || if joining.get() { "Opening the clinic…" } else { "Open the clinic" }}
                    </button>
                </form>
            }.into_any(),
        }
    };
    let body = move || {
        if database.get().is_none() {
            return view! {
                <p data-testid="sharing-off">"Sharing is not set up for this clinic, so nothing is sent anywhere. Each device keeps its own records: use backups to bring them together."</p>
                <p>"A practice that runs a CouchDB server can turn sharing on: the README’s section on sharing says how."</p>
            }
            .into_any();
        }
        joined.track();
        if !vault::is_set() && !sharing::holds_clinic() {
            return match account.get() {
                Account::Checking => view! { <p role="status">"Checking whether this device is signed in…"</p> }.into_any(),
                Account::SignedOut => view! {
                    <p data-testid="sharing-new-device">"This device has no clinic yet. To start it from the clinic on the practice’s server, sign in, then type the clinic’s passphrase."</p>
                    {signed_out()}
                }.into_any(),
                Account::SignedIn(_) => new_device().into_any(),
            };
        }
        if !vault::is_set() {
            return view! {
                <p data-testid="sharing-needs-lock">{SharingProblem::NoPassphrase.message()}"."</p>
                <p><a href=lock_href.clone()>"Set a passphrase"</a></p>
            }
            .into_any();
        }
        match account.get() {
            Account::Checking => {
                view! { <p role="status">"Checking whether this device is signed in…"</p> }
                    .into_any()
            }
            Account::SignedOut => signed_out().into_any(),
            Account::SignedIn(name) => signed_in(name).into_any(),
        }
    };

    view! {
        <BackLink href=base.href("clinic/backup") text="Back to backups" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <ErrorSummary />
                <h1>{TITLE}</h1>
                <p>"Everything is locked with the clinic’s passphrase before it leaves this device, so the practice’s server cannot read any name, phone number or note."</p>
                {body}
            </div>
        </div>
    }
}
