//! Live sharing from whichever of the clinic's pages is open (issue 25),
//! not only from the sharing page: one tab of the device shares at a time
//! (its turn, js/sharing.js), running the rounds in the background while a
//! volunteer works, and giving way to the sharing page when that opens. The
//! rounds look only at the records that changed, a step a task
//! (`store::sharing::round`), so the page stays quick to answer. What a
//! person must do shows as a notice: sign in, or choose between two copies
//! of a record, both on the sharing page.

use crate::domain::sharing::SharingProblem;
use crate::store::sharing::{self, Round, Sharer};
use crate::store::vault;
use crate::ui::practice::use_sharing_database;
use crate::ui::use_base;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How long the rounds rest after a problem (no network, a save in
/// another tab during the round).
pub const REST_MS: u32 = 3_000;
/// How long a tab that cannot share waits before looking again (signed
/// out, a choice waiting): a save, or the sharing page opening, wakes it.
const IDLE_MS: u32 = 60_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Notice {
    SignedOut,
    ChoiceWaiting,
}

/// Shares the clinic in the background while a clinic page is open and
/// this tab has the turn; says when a person must act on the sharing page.
#[component]
pub fn SharingInBackground() -> impl IntoView {
    let base = use_base();
    let database = use_sharing_database();
    let notice = RwSignal::new(None::<Notice>);
    let open = Arc::new(AtomicBool::new(true));
    let started = StoredValue::new(false);
    let running = open.clone();
    Effect::new(move || {
        let Some(database) = database.get() else {
            return;
        };
        if started.get_value() {
            return;
        }
        started.set_value(true);
        let running = running.clone();
        leptos::task::spawn_local(share_while_open(database, running, notice));
    });
    on_cleanup(move || {
        open.store(false, Ordering::Relaxed);
        sharing::hurry();
    });

    let link = base.href("clinic/backup/sharing");
    move || {
        notice.get().map(|notice| {
            let (words, action) = match notice {
                Notice::SignedOut => (
                    "This device is not sharing the clinic with the other volunteers’ devices.",
                    "Sign in to share the clinic",
                ),
                Notice::ChoiceWaiting => (
                    "A record was changed on this device and on another. Sharing waits until someone chooses which version to keep.",
                    "Choose which version to keep",
                ),
            };
            view! {
                <div class="nhsuk-inset-text" data-testid="sharing-notice">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>{words}" "<a href=link.clone()>{action}</a></p>
                </div>
            }
        })
    }
}

/// The background rounds: wait until this tab can share (unlocked, signed
/// in), take the turn, share until the page closes, the sharing page
/// claims the turn, or a person must act; then give the turn back.
async fn share_while_open(
    database: String,
    open: Arc<AtomicBool>,
    notice: RwSignal<Option<Notice>>,
) {
    let mut sharer = Sharer::default();
    let still_open = || open.load(Ordering::Relaxed);
    while still_open() {
        if !vault::is_set() || vault::sharing_key().is_none() {
            // Sharing needs the clinic's lock, set and open in this tab.
            sharing::rest(REST_MS).await;
            continue;
        }
        match sharing::signed_in(&database).await {
            Ok(_) => {}
            Err(SharingProblem::SignedOut) => {
                notice.set(Some(Notice::SignedOut));
                sharing::rest(IDLE_MS).await;
                continue;
            }
            Err(_) => {
                sharing::rest(REST_MS).await;
                continue;
            }
        }
        if notice.get_untracked() == Some(Notice::SignedOut) {
            notice.set(None);
        }
        sharing::take_turn().await;
        let mut rest_for = 0;
        while still_open() {
            if sharing::turn_claimed().await {
                // The sharing page is open: it shares, and shows the status.
                rest_for = 200;
                break;
            }
            match sharing::round(&database, &mut sharer).await {
                Ok(Round::Shared { .. }) => {
                    notice.set(None);
                    if !still_open() {
                        break;
                    }
                    let waited =
                        sharing::wait_for_change(&database, &sharer.since, sharer.stale).await;
                    if waited.is_err() {
                        sharing::rest(REST_MS).await;
                    }
                }
                Ok(Round::Choose(_)) => {
                    notice.set(Some(Notice::ChoiceWaiting));
                    rest_for = IDLE_MS;
                    break;
                }
                Err(SharingProblem::ChangedElsewhere) => sharing::rest(REST_MS).await,
                Err(SharingProblem::SignedOut) => {
                    sharer.stale = true;
                    notice.set(Some(Notice::SignedOut));
                    rest_for = IDLE_MS;
                    break;
                }
                // Locked in this tab: another tab may share.
                Err(SharingProblem::NoPassphrase) => {
                    rest_for = REST_MS;
                    break;
                }
                // The server holds another clinic: the sharing page says so.
                Err(SharingProblem::OtherLock) => {
                    sharer.stale = true;
                    rest_for = IDLE_MS;
                    break;
                }
                // Offline, or the server not answering: try again soon.
                Err(_) => {
                    sharer.stale = true;
                    sharing::rest(REST_MS).await;
                }
            }
        }
        sharing::give_back_turn();
        if rest_for > 0 && still_open() {
            sharing::rest(rest_for).await;
        }
    }
}
