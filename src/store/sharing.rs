//! One round of sharing the clinic with the practice's CouchDB (the
//! `sharing` setting): read what changed on the server, merge it with this
//! device's clinic by the backup merge's rules, save the result (other tabs
//! hear of it as of any save), and send what the server lacks. The calls to
//! the server and the sealing are js/sharing.js's.

use super::backend::BrowserStorage;
use super::backup::{stamp_ledger, Stamped};
use super::vault::{self, SharedLock};
use super::{Pending, SaveProblem, Store};
use crate::domain::clinic::merging::{ClinicMerge, Ledger, ServerCopy, SharedRecord, Side};
use crate::domain::clinic::Clinic;
use crate::domain::sharing::SharingProblem;
use serde::Deserialize;
use std::sync::Arc;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/sharing.js")]
extern "C" {
    #[wasm_bindgen(js_name = signIn)]
    async fn sign_in_js(database: &str, name: &str, password: &str) -> JsValue;
    #[wasm_bindgen(js_name = signedIn)]
    async fn signed_in_js(database: &str) -> JsValue;
    #[wasm_bindgen(js_name = signOut)]
    async fn sign_out_js(database: &str);
    #[wasm_bindgen(js_name = pull)]
    async fn pull_js(database: &str, since: &str, key: &str) -> JsValue;
    #[wasm_bindgen(js_name = push)]
    async fn push_js(database: &str, records: JsValue, key: &str) -> JsValue;
    #[wasm_bindgen(js_name = forgetServer)]
    fn forget_server_js();
    #[wasm_bindgen(js_name = waitForChange)]
    async fn wait_for_change_js(database: &str, since: &str) -> JsValue;
    #[wasm_bindgen(js_name = rest)]
    async fn rest_js(ms: u32);
    #[wasm_bindgen(js_name = hurry)]
    fn hurry_js();
    #[wasm_bindgen(js_name = breathe)]
    async fn breathe();
    #[wasm_bindgen(js_name = takeTurn)]
    async fn take_turn_js();
    #[wasm_bindgen(js_name = giveBackTurn)]
    fn give_back_turn_js();
    #[wasm_bindgen(js_name = claimTurn)]
    fn claim_turn_js();
    #[wasm_bindgen(js_name = unclaimTurn)]
    fn unclaim_turn_js();
    #[wasm_bindgen(js_name = turnClaimed)]
    async fn turn_claimed_js() -> JsValue;
    #[wasm_bindgen(js_name = told)]
    fn told_js(key: &str);
    #[wasm_bindgen(js_name = getLock)]
    async fn get_lock_js(database: &str) -> JsValue;
    #[wasm_bindgen(js_name = putLock)]
    async fn put_lock_js(database: &str, lock: JsValue) -> JsValue;
}

/// What js/sharing.js answers, whichever call it was.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Answer {
    problem: Option<String>,
    name: Option<String>,
    texts: Vec<String>,
    since: Option<String>,
    unopened: usize,
    sent: Vec<String>,
    conflicts: Vec<String>,
    lock: Option<SharedLock>,
}

fn answer(value: &JsValue) -> Answer {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Answer {
            problem: Some("not-couchdb".into()),
            ..Answer::default()
        })
}

fn problem(answer: &Answer) -> Result<(), SharingProblem> {
    match &answer.problem {
        Some(name) => Err(SharingProblem::from_name(name)),
        None => Ok(()),
    }
}

/// Signs in with the account the practice gave the volunteer, and checks
/// the database is there for them.
pub async fn sign_in(database: &str, name: &str, password: &str) -> Result<(), SharingProblem> {
    problem(&answer(&sign_in_js(database, name, password).await))
}

/// The name signed in on this device.
pub async fn signed_in(database: &str) -> Result<String, SharingProblem> {
    let found = answer(&signed_in_js(database).await);
    problem(&found)?;
    found.name.ok_or(SharingProblem::SignedOut)
}

pub async fn sign_out(database: &str) {
    sign_out_js(database).await;
}

/// Whether this device holds a clinic of its own (a new device does not).
pub fn holds_clinic() -> bool {
    Store::new(BrowserStorage)
        .current_revision::<Clinic>()
        .map_or(true, |revision| revision > 0)
}

/// The clinic's lock as the server keeps it for new devices: none when no
/// device has shared a clinic yet.
pub async fn server_lock(database: &str) -> Result<Option<SharedLock>, SharingProblem> {
    let found = answer(&get_lock_js(database).await);
    problem(&found)?;
    Ok(found.lock)
}

/// Checks that the server's clinic is this device's (locked with the same
/// key), and puts this device's lock there when it has none yet, so that a
/// new device can start from the server. Two clinics are never mixed.
async fn same_clinic(database: &str) -> Result<(), SharingProblem> {
    let ours = vault::shared_lock().ok_or(SharingProblem::NoPassphrase)?;
    let theirs = match server_lock(database).await? {
        Some(theirs) => theirs,
        None => {
            let lock = serde_json::to_string(&ours).unwrap_or_default();
            let lock = js_sys::JSON::parse(&lock).unwrap_or(JsValue::NULL);
            problem(&answer(&put_lock_js(database, lock).await))?;
            // Another device may have put its own a moment before.
            server_lock(database)
                .await?
                .ok_or(SharingProblem::NotCouchDb)?
        }
    };
    if theirs.salt == ours.salt {
        Ok(())
    } else {
        Err(SharingProblem::OtherLock)
    }
}

/// Waits between rounds: until the server has a change after the last one
/// read, this device saves one, `hurry` is called, or 25 seconds pass.
pub async fn wait_for_change(
    database: &str,
    since: &str,
    stale: bool,
) -> Result<(), SharingProblem> {
    if stale || since.is_empty() {
        return Ok(());
    }
    let waited = wait_for_change_js(database, since).await;
    if waited.is_string() {
        return Ok(());
    }
    problem(&answer(&waited))
}

/// Waits `ms` milliseconds, or less when this device saves a change or
/// `hurry` is called.
pub async fn rest(ms: u32) {
    rest_js(ms).await;
}

/// Ends the wait between rounds now.
pub fn hurry() {
    hurry_js();
}

/// Waits until this tab has the turn to share: one tab of the device
/// shares at a time (js/sharing.js).
pub async fn take_turn() {
    take_turn_js().await;
}

/// Lets the next tab waiting share.
pub fn give_back_turn() {
    give_back_turn_js();
}

/// The sharing page's claim on the turn while it is open: a clinic page
/// sharing in another tab gives way.
pub fn claim_turn() {
    claim_turn_js();
}

pub fn unclaim_turn() {
    unclaim_turn_js();
}

/// Whether the sharing page is open in another tab and wants the turn.
pub async fn turn_claimed() -> bool {
    turn_claimed_js().await.as_bool().unwrap_or(false)
}

/// What this device knows of the server between rounds.
#[derive(Clone, Debug, Default)]
pub struct Sharer {
    pub server: ServerCopy,
    /// CouchDB's sequence: where the next read of its changes starts.
    pub since: String,
    /// A round failed: the server may have been emptied or replaced since
    /// (restored from an old backup, set up again), so the next round reads
    /// it all afresh and sends whatever it lacks. Until then, what it was
    /// known to hold still counts the changes waiting.
    pub stale: bool,
    /// The revisions of this device's clinic and ledger when the server and
    /// the device last held the same records: while neither changes and the
    /// server sends nothing new, a round has nothing to compare.
    pub settled: Option<(u64, u64)>,
    /// This device's clinic and ledger as the last round left them, with
    /// their revisions: the next round reads the clinic again only if it
    /// changed since, and then looks only at the records that changed.
    held: Option<Arc<Stamped>>,
}

/// This device's clinic and ledger, the ledger brought up to date with the
/// clinic: from what the last round held when neither changed since, and
/// stamping only what changed when only the clinic did.
async fn current(
    store: &Store<BrowserStorage>,
    held: Option<Arc<Stamped>>,
    now: &str,
) -> Result<Stamped, SharingProblem> {
    let clinic_revision = store.current_revision::<Clinic>().ok();
    let ledger_revision = store.current_revision::<Ledger>().ok();
    let Some(held) = held.filter(|held| ledger_revision == Some(held.ledger_revision)) else {
        return stamp_in_steps(store, now).await;
    };
    let held = Arc::unwrap_or_clone(held);
    if clinic_revision == Some(held.clinic_revision) {
        return Ok(held);
    }
    let (clinic, clinic_revision) = match store.load::<Clinic>(now) {
        super::Loaded::Ready {
            value, revision, ..
        } => (value, revision),
        _ => return stamp_in_steps(store, now).await,
    };
    let mut ledger = held.ledger;
    let ledger_revision = if ledger.stamp_since(&held.clinic, &clinic, now) && clinic_revision != 0
    {
        store
            .save(&ledger, held.ledger_revision, now)
            .map_err(stored)?
    } else {
        held.ledger_revision
    };
    Ok(Stamped {
        clinic,
        clinic_revision,
        ledger,
        ledger_revision,
    })
}

/// Records changed both here and on another device: a person chooses.
#[derive(Clone, Debug)]
pub struct Choice {
    pub merge: ClinicMerge,
    clinic_revision: u64,
    ledger_revision: u64,
}

/// What a round did.
#[derive(Clone, Debug)]
pub enum Round {
    /// Records read from the server, records sent, records still to send.
    Shared {
        received: usize,
        sent: usize,
        waiting: usize,
    },
    Choose(Choice),
}

fn stored(problem: SaveProblem) -> SharingProblem {
    match problem {
        SaveProblem::ChangedElsewhere => SharingProblem::ChangedElsewhere,
        _ => SharingProblem::NotStored,
    }
}

/// [`stamp_ledger`], with the clinic's records fingerprinted a few
/// thousand a task: a page's first round stamps the whole clinic.
async fn stamp_in_steps(
    store: &Store<BrowserStorage>,
    now: &str,
) -> Result<Stamped, SharingProblem> {
    let (clinic, clinic_revision) = match store.load::<Clinic>(now) {
        super::Loaded::Ready {
            value, revision, ..
        } => (value, revision),
        super::Loaded::Empty | super::Loaded::KeptAside(_) => (Clinic::default(), 0),
        super::Loaded::Stuck(_) => return Err(SharingProblem::NotStored),
    };
    breathe().await;
    let mut live = std::collections::HashMap::new();
    let mut at = Some(0);
    let mut in_steps = true;
    while let Some(from) = at {
        match Ledger::fingerprints_from(&clinic, from, 2_000, &mut live) {
            Some(next) => at = next,
            None => {
                in_steps = false;
                break;
            }
        }
        breathe().await;
    }
    if !in_steps {
        return stamp_ledger(store, now).map_err(stored);
    }
    let (mut ledger, ledger_revision) = match store.load::<Ledger>(now) {
        super::Loaded::Ready {
            value, revision, ..
        } => (value, revision),
        super::Loaded::Empty | super::Loaded::KeptAside(_) => (Ledger::default(), 0),
        super::Loaded::Stuck(_) => return Err(SharingProblem::NotStored),
    };
    let ledger_revision = if ledger.stamp_fingerprints(&live, now) && clinic_revision != 0 {
        store.save(&ledger, ledger_revision, now).map_err(stored)?
    } else {
        ledger_revision
    };
    Ok(Stamped {
        clinic,
        clinic_revision,
        ledger,
        ledger_revision,
    })
}

/// How many of this device's records the server does not have yet, as far
/// as this device knows (after a problem, from what it last knew).
pub async fn waiting(sharer: &mut Sharer) -> usize {
    let store = Store::new(BrowserStorage);
    let now = crate::ui::saved::now_stamp();
    let Ok(ours) = current(&store, sharer.held.take(), &now).await else {
        return 0;
    };
    let differing = sharer.server.differing(&ours.ledger);
    let count = (sharer.server)
        .outgoing(&ours.clinic, &ours.ledger, Some(&differing))
        .len();
    sharer.held = Some(Arc::new(ours));
    count
}

/// One round of sharing (see the module's notes).
pub async fn round(database: &str, sharer: &mut Sharer) -> Result<Round, SharingProblem> {
    if !vault::is_set() {
        return Err(SharingProblem::NoPassphrase);
    }
    let Some(key) = vault::sharing_key() else {
        return Err(SharingProblem::NoPassphrase);
    };
    if sharer.stale {
        forget_server_js();
    }
    let since = if sharer.stale || sharer.since.is_empty() {
        "0".to_string()
    } else {
        sharer.since.clone()
    };
    if since == "0" {
        same_clinic(database).await?;
    }
    let pulled = answer(&pull_js(database, &since, &key).await);
    problem(&pulled)?;
    if pulled.unopened > 0 {
        return Err(SharingProblem::OtherLock);
    }
    if sharer.stale {
        *sharer = Sharer::default();
    }
    let received = pulled.texts.len();
    for (n, text) in pulled.texts.iter().enumerate() {
        // A record this version cannot read is left on the server as it is.
        if let Ok(record) = serde_json::from_str::<SharedRecord>(text) {
            sharer.server.take(record);
        }
        // A first round reads every record: a few hundred a task.
        if n % 500 == 499 {
            breathe().await;
        }
    }
    if let Some(next) = pulled.since {
        sharer.since = next;
    }

    let store = Store::new(BrowserStorage);
    let revisions = || -> Option<(u64, u64)> {
        Some((
            store.current_revision::<Clinic>().ok()?,
            store.current_revision::<Ledger>().ok()?,
        ))
    };
    if received == 0 && sharer.settled.is_some() && sharer.settled == revisions() {
        return Ok(Round::Shared {
            received,
            sent: 0,
            waiting: 0,
        });
    }
    sharer.settled = None;
    let now = crate::ui::saved::now_stamp();
    let ours = current(&store, sharer.held.take(), &now).await?;
    // Each step a task of its own, so the page answers a tap between them.
    breathe().await;
    let (clinic_revision, ledger_revision) = (ours.clinic_revision, ours.ledger_revision);
    let (merge, looked_at) = sharer.server.merge_into(ours.clinic, ours.ledger, &now);
    breathe().await;
    if !merge.conflicts.is_empty() {
        return Ok(Round::Choose(Choice {
            merge,
            clinic_revision,
            ledger_revision,
        }));
    }
    let (unchanged, ledger_changes) = (merge.changes_nothing(), merge.changes_ledger());
    let (clinic, ledger) = merge.finish(&[], &now);
    if unchanged {
        // The server may know more of the records' histories: keep that.
        if ledger_changes {
            store.save(&ledger, ledger_revision, &now).map_err(stored)?;
        }
    } else {
        store
            .save_all(
                &[
                    Pending::new(&clinic, clinic_revision),
                    Pending::new(&ledger, ledger_revision),
                ],
                &now,
            )
            .map_err(stored)?;
        // This tab's pages show what came in, as if another tab saved it.
        told_js(&super::document_key(<Clinic as super::Document>::KIND));
    }

    // Read at once after saving, before this tab can hear of another's save.
    let saved = revisions();
    let outgoing = sharer.server.outgoing(&clinic, &ledger, looked_at.as_ref());
    if let Some((clinic_revision, ledger_revision)) = saved {
        sharer.held = Some(Arc::new(Stamped {
            clinic,
            clinic_revision,
            ledger,
            ledger_revision,
        }));
    }
    if outgoing.is_empty() {
        sharer.settled = saved;
        return Ok(Round::Shared {
            received,
            sent: 0,
            waiting: 0,
        });
    }
    let items: Vec<serde_json::Value> = outgoing
        .iter()
        .map(|record| {
            serde_json::json!({
                "name": record.name(),
                "text": serde_json::to_string(record).unwrap_or_default(),
            })
        })
        .collect();
    let items =
        js_sys::JSON::parse(&serde_json::Value::Array(items).to_string()).unwrap_or(JsValue::NULL);
    let pushed = answer(&push_js(database, items, &key).await);
    for record in outgoing.iter().filter(|r| pushed.sent.contains(&r.name())) {
        sharer.server.take(record.clone());
    }
    if !pushed.conflicts.is_empty() {
        // Another device sent first, or the server was emptied and set up
        // again: read everything afresh next round, then merge and send.
        sharer.stale = true;
    }
    problem(&pushed)?;
    if pushed.sent.len() == outgoing.len() {
        sharer.settled = saved;
    }
    Ok(Round::Shared {
        received,
        sent: pushed.sent.len(),
        waiting: outgoing.len() - pushed.sent.len(),
    })
}

/// Keeps the choices a person made for records changed on two devices; the
/// next round shares them.
pub fn settle(choice: Choice, sides: &[Side]) -> Result<(), SharingProblem> {
    let now = crate::ui::saved::now_stamp();
    let (clinic, ledger) = choice.merge.finish(sides, &now);
    let saved = Store::new(BrowserStorage).save_all(
        &[
            Pending::new(&clinic, choice.clinic_revision),
            Pending::new(&ledger, choice.ledger_revision),
        ],
        &now,
    );
    saved.map_err(stored)
}
