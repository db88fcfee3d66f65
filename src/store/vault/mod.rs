//! The lock on the clinic's records, in the browser. Once a passphrase is
//! set, the [`SEALED_KINDS`] are stored encrypted: the key is derived from
//! the passphrase with PBKDF2-SHA256 (600,000 iterations) and each save is
//! sealed with AES-GCM under a fresh random nonce, both by the browser's own
//! WebCrypto. While unlocked, the records' plain text is held in this page's
//! memory only, and the key in the service worker's memory for this tab
//! (js/store.js) until the records lock (on demand, after a time without
//! use, or when the browser closes), so moving between the app's areas does
//! not ask again. The key is never put in a storage the browser writes to
//! its files: session storage is written to disk, and kept after a lock.
//!
//! Reads and writes stay synchronous for the pages: a save updates what is
//! held in memory at once and is sealed and stored a moment later, in order.
//!
//! What is where: this file holds the lock's state in this page (set, open,
//! locked), unlocking and the passphrase; `backup` opens a locked backup and
//! locks what a backup carries; `crypto` is the browser's WebCrypto, called
//! from Rust (PBKDF2, AES-GCM, random bytes).

mod backup;
mod crypto;

pub use backup::{lock_as_backup, open_backup, OpenedBackup};
use crypto::{aes_key, decrypt, derive, encrypt, random};

use super::backend::SaveError;
use super::sealed::{
    base64, from_base64, idle_minutes_in, is_sealed_key, seal_envelope, sealed_keys,
    stored_sealed_part, LockSettings, CHECK_TEXT, IDLE_MINUTES,
};
use super::{document_key, Backend, Loaded, Store};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;
use web_sys::CryptoKey;

/// This tab's session storage: the last use. Earlier versions kept the key
/// itself under `SESSION_KEY_BEFORE`; it is removed wherever it is found.
const SESSION_USED: &str = "sp-lock-used";
const SESSION_KEY_BEFORE: &str = "sp-lock-key";

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/store.js")]
extern "C" {
    #[wasm_bindgen(js_name = keepKey)]
    fn keep_key(key: &str);
    #[wasm_bindgen(js_name = forgetKey)]
    fn forget_key();
    #[wasm_bindgen(js_name = keptKey)]
    async fn kept_key() -> JsValue;
}

struct Open {
    key: CryptoKey,
    /// The key's bytes, as base64, given to the service worker to hold.
    raw: String,
    /// The plain stored text of each sealed document, by storage key.
    plain: HashMap<String, String>,
    /// The newest save of each key, so an older one finishing late is dropped.
    latest: HashMap<String, u64>,
    saves: u64,
}

/// What to do when a save sealed in the background could not be stored.
type SealFailed = Box<dyn Fn(SaveError)>;

thread_local! {
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
    static ON_SEAL_FAILED: RefCell<Option<SealFailed>> = const { RefCell::new(None) };
    /// Saves made and not yet sealed and stored.
    static UNSTORED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Keys another tab stored, being opened in turn (see [`changed_in_another_tab`]).
    static OPENING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Why the records could not be unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnlockProblem {
    Wrong,
    /// Too many wrong tries: seconds to wait.
    Wait(u32),
    /// The browser could not do the work (no WebCrypto, storage unavailable).
    Unavailable,
    /// The passphrase is right, but a locked document does not open: it has
    /// been changed or damaged since it was stored. Nothing is removed.
    Damaged,
}

impl UnlockProblem {
    pub fn message(&self) -> String {
        match self {
            UnlockProblem::Wrong => {
                "The passphrase is not right. Check it and try again".to_string()
            }
            UnlockProblem::Wait(1) => {
                "There have been too many wrong tries. Wait 1 second, then try again".to_string()
            }
            UnlockProblem::Wait(n) => {
                format!("There have been too many wrong tries. Wait {n} seconds, then try again")
            }
            UnlockProblem::Unavailable => {
                "This browser could not unlock the records. Try again in an up-to-date browser"
                    .to_string()
            }
            UnlockProblem::Damaged => {
                "The passphrase is right, but some of the records on this device have been damaged, so they cannot be opened. Nothing has been deleted. Restore the most recent backup, or ask for help"
                    .to_string()
            }
        }
    }
}

fn store() -> Store<super::backend::BrowserStorage> {
    Store::new(super::backend::BrowserStorage)
}

/// The lock's settings, when a passphrase is set.
pub fn settings() -> Option<(LockSettings, u64)> {
    match store().load::<LockSettings>("") {
        Loaded::Ready {
            value, revision, ..
        } => Some((value, revision)),
        _ => None,
    }
}

/// Whether a passphrase is set on this device.
pub fn is_set() -> bool {
    super::backend::BrowserStorage
        .read_as_stored(&document_key("lock"))
        .ok()
        .flatten()
        .is_some()
}

pub fn is_open() -> bool {
    OPEN.with(|open| open.borrow().is_some())
}

/// The clinic's key while the records are open, as base64: sharing seals
/// each record with it before it leaves the device (js/sharing.js).
pub fn sharing_key() -> Option<String> {
    OPEN.with(|open| open.borrow().as_ref().map(|open| open.raw.clone()))
}

/// Puts the lock between the pages and the browser's storage.
pub fn install() {
    super::backend::install_sealing(super::backend::Sealing {
        read: opened,
        write: |key, text| (is_sealed_key(key) && is_set()).then(|| seal_and_store(key, text)),
        forget,
    });
}

/// What a page reads for a stored text: the plain text of a sealed
/// document, while unlocked.
fn opened(key: &str, stored: Option<String>) -> Result<Option<String>, SaveError> {
    if stored.as_deref().and_then(stored_sealed_part).is_none() {
        return Ok(stored);
    }
    OPEN.with(|open| match &*open.borrow() {
        Some(open) => Ok(open.plain.get(key).cloned()),
        None => Err(SaveError::Locked),
    })
}

/// Says what to do when a save sealed in the background could not be stored.
pub fn on_seal_failed(report: impl Fn(SaveError) + 'static) {
    ON_SEAL_FAILED.with(|slot| *slot.borrow_mut() = Some(Box::new(report)));
}

/// Keeps `text` as the document's plain text now, and seals and stores it.
fn seal_and_store(key: &str, text: &str) -> Result<(), SaveError> {
    let (crypto_key, save) = OPEN.with(|open| {
        let mut open = open.borrow_mut();
        let open = open.as_mut().ok_or(SaveError::Locked)?;
        open.plain.insert(key.to_string(), text.to_string());
        open.saves += 1;
        open.latest.insert(key.to_string(), open.saves);
        Ok::<_, SaveError>((open.key.clone(), open.saves))
    })?;
    let (key, text) = (key.to_string(), text.to_string());
    UNSTORED.with(|n| n.set(n.get() + 1));
    wasm_bindgen_futures::spawn_local(async move {
        let sealed = encrypt(&crypto_key, text.as_bytes()).await;
        UNSTORED.with(|n| n.set(n.get().saturating_sub(1)));
        let newest = OPEN.with(|open| {
            open.borrow()
                .as_ref()
                .is_some_and(|o| o.latest.get(&key) == Some(&save))
        });
        if !newest {
            return;
        }
        let stored = match sealed {
            Ok(sealed) => {
                super::backend::BrowserStorage.write_as_stored(&key, &seal_envelope(&text, sealed))
            }
            Err(_) => Err(SaveError::Unavailable),
        };
        if let Err(error) = stored {
            ON_SEAL_FAILED.with(|report| {
                if let Some(report) = &*report.borrow() {
                    report(error);
                }
            });
        }
    });
    Ok(())
}

/// Whether a save is still being sealed and stored.
pub fn storing() -> bool {
    UNSTORED.with(std::cell::Cell::get) > 0
}

/// Forgets a removed document's plain text.
fn forget(key: &str) {
    OPEN.with(|open| {
        if let Some(open) = open.borrow_mut().as_mut() {
            open.plain.remove(key);
        }
    });
}

/// Locks the records now: the key and the plain text are forgotten.
pub fn lock() {
    OPEN.with(|open| *open.borrow_mut() = None);
    forget_key();
    if let Some(session) = session() {
        let _ = session.remove_item(SESSION_KEY_BEFORE);
    }
}

/// Gives the key to the service worker again while the records are open:
/// this keeps it from being stopped for want of use (which would forget the
/// key), and gives the key back to one that was.
pub fn keep_open() {
    OPEN.with(|open| {
        if let Some(open) = &*open.borrow() {
            keep_key(&open.raw);
        }
    });
}

/// Notes that the person is using the app, for the lock after a time without use.
pub fn touch() {
    if let Some(session) = session() {
        let _ = session.set_item(SESSION_USED, &now_ms().to_string());
    }
}

/// Whether the records have gone unused for longer than the setting.
pub fn idle_too_long() -> bool {
    // Read from the settings' text: reading them whole would put their
    // reader into the plan's pages, which only need this.
    let Ok(Some(stored)) = super::backend::BrowserStorage.read_as_stored(&document_key("lock"))
    else {
        return false;
    };
    let minutes = idle_minutes_in(&stored).unwrap_or(IDLE_MINUTES);
    let used = session()
        .and_then(|s| s.get_item(SESSION_USED).ok().flatten())
        .and_then(|t| t.parse::<u64>().ok())
        .unwrap_or(0);
    now_ms().saturating_sub(used) > u64::from(minutes) * 60_000
}

/// Opens the records again in a new page of the same tab, with the key kept
/// for this tab, unless they have gone unused too long. Returns whether the
/// records are readable now (always, when no passphrase is set).
pub async fn resume() -> bool {
    if !is_set() {
        return true;
    }
    if is_open() {
        return true;
    }
    if let Some(session) = session() {
        let _ = session.remove_item(SESSION_KEY_BEFORE);
    }
    let kept = kept_key().await.as_string().and_then(|k| from_base64(&k));
    match kept {
        Some(raw) if !idle_too_long() => open_with(&raw).await.is_ok(),
        _ => {
            lock();
            false
        }
    }
}

/// Unlocks the records with the passphrase.
pub async fn unlock(passphrase: &str) -> Result<(), UnlockProblem> {
    let raw = checked(passphrase).await?;
    open_with(&raw).await
}

/// Checks the passphrase typed again before it is changed or the lock
/// turned off: a wrong one counts, and slows the next try, as when unlocking.
pub async fn confirm(passphrase: &str) -> Result<(), UnlockProblem> {
    checked(passphrase).await.map(|_| ())
}

/// The key's raw bytes made from `passphrase`, if it is the one set.
async fn checked(passphrase: &str) -> Result<Vec<u8>, UnlockProblem> {
    let (mut settings, revision) = settings().ok_or(UnlockProblem::Unavailable)?;
    let wait = settings.wait_left(now_ms());
    if wait > 0 {
        return Err(UnlockProblem::Wait(wait));
    }
    let salt = from_base64(&settings.salt).ok_or(UnlockProblem::Unavailable)?;
    let raw = derive(passphrase, &salt, settings.iterations)
        .await
        .map_err(|_| UnlockProblem::Unavailable)?;
    let key = aes_key(&raw)
        .await
        .map_err(|_| UnlockProblem::Unavailable)?;
    let right = decrypt(&key, &settings.check)
        .await
        .is_ok_and(|text| text == CHECK_TEXT.as_bytes());
    if !right {
        settings.wrong_tries += 1;
        settings.last_wrong = now_ms();
        let _ = store().save(&settings, revision, "");
        return Err(UnlockProblem::Wrong);
    }
    if settings.wrong_tries > 0 {
        settings.wrong_tries = 0;
        let _ = store().save(&settings, revision, "");
    }
    Ok(raw)
}

/// Opens every sealed document with the key made from `raw`.
async fn open_with(raw: &[u8]) -> Result<(), UnlockProblem> {
    let key = aes_key(raw).await.map_err(|_| UnlockProblem::Unavailable)?;
    let mut plain = HashMap::new();
    for storage_key in sealed_keys(&super::backend::BrowserStorage) {
        let stored = super::backend::BrowserStorage
            .read_as_stored(&storage_key)
            .map_err(|_| UnlockProblem::Unavailable)?;
        if let Some(sealed) = stored.as_deref().and_then(stored_sealed_part) {
            // The key opened the lock's check (or was kept once it had):
            // a document it does not open has been damaged.
            let text = decrypt(&key, &sealed)
                .await
                .map_err(|_| UnlockProblem::Damaged)?;
            plain.insert(
                storage_key,
                String::from_utf8(text).map_err(|_| UnlockProblem::Damaged)?,
            );
        }
    }
    let raw = base64(raw);
    keep_key(&raw);
    OPEN.with(|open| {
        *open.borrow_mut() = Some(Open {
            key,
            raw,
            plain,
            latest: HashMap::new(),
            saves: 0,
        })
    });
    touch();
    Ok(())
}

/// Sets a new passphrase (or changes it): every sealed document is sealed
/// afresh under a new salt and key, and stored with the new settings as one
/// change. The records must be open, or not locked yet.
pub async fn set_passphrase(passphrase: &str, idle_minutes: u32) -> Result<(), SaveError> {
    if is_set() && !is_open() {
        return Err(SaveError::Locked);
    }
    let salt = random(16)?;
    let previous = settings();
    let mut settings = previous
        .as_ref()
        .map(|(s, _)| s.clone())
        .unwrap_or_default();
    settings.salt = base64(&salt);
    settings.iterations = super::sealed::ITERATIONS;
    settings.idle_minutes = idle_minutes;
    settings.wrong_tries = 0;
    let raw = derive(passphrase, &salt, settings.iterations)
        .await
        .map_err(|_| SaveError::Unavailable)?;
    let key = aes_key(&raw).await.map_err(|_| SaveError::Unavailable)?;
    settings.check = encrypt(&key, CHECK_TEXT.as_bytes())
        .await
        .map_err(|_| SaveError::Unavailable)?;
    let revision = previous.map_or(0, |(_, r)| r) + 1;
    lock_everything(&settings, &key, &raw, revision).await
}

/// Seals every sealed document with `key` and stores them with the lock's
/// `settings`, as one change; then opens the records with it.
async fn lock_everything(
    settings: &LockSettings,
    key: &CryptoKey,
    raw: &[u8],
    revision: u64,
) -> Result<(), SaveError> {
    let mut writes = Vec::new();
    for storage_key in sealed_keys(&super::backend::BrowserStorage) {
        if let Some(text) = super::backend::BrowserStorage.read(&storage_key)? {
            let sealed = encrypt(key, text.as_bytes())
                .await
                .map_err(|_| SaveError::Unavailable)?;
            writes.push((storage_key.clone(), seal_envelope(&text, sealed)));
        }
    }
    writes.push((
        document_key("lock"),
        super::envelope::encode(settings, revision, ""),
    ));
    super::write_all(&super::backend::BrowserStorage, &writes, true)?;
    lock();
    open_with(raw).await.map_err(|_| SaveError::Unavailable)
}

/// The lock's part that a new device needs to make the clinic's key from its
/// passphrase, as the sharing server keeps it: the salt, the iterations and
/// the sealed check. None of it is secret, and none of it is personal.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SharedLock {
    pub salt: String,
    pub iterations: u32,
    pub check: super::sealed::SealedBytes,
}

/// This device's lock, as shared, when a passphrase is set.
pub fn shared_lock() -> Option<SharedLock> {
    settings().map(|(settings, _)| SharedLock {
        salt: settings.salt,
        iterations: settings.iterations,
        check: settings.check,
    })
}

/// Takes the clinic's lock from the sharing server, on a device with no
/// passphrase of its own: the passphrase typed must open the lock's check.
/// When it does not, nothing is stored.
pub async fn adopt(lock: &SharedLock, passphrase: &str) -> Result<(), UnlockProblem> {
    // A server could name fewer iterations, for a key quicker to guess, or
    // so many that the page hangs: only this version's own are taken.
    if is_set() || lock.iterations != super::sealed::ITERATIONS {
        return Err(UnlockProblem::Unavailable);
    }
    let salt = from_base64(&lock.salt).ok_or(UnlockProblem::Unavailable)?;
    let raw = derive(passphrase, &salt, lock.iterations)
        .await
        .map_err(|_| UnlockProblem::Unavailable)?;
    let key = aes_key(&raw)
        .await
        .map_err(|_| UnlockProblem::Unavailable)?;
    let right = decrypt(&key, &lock.check)
        .await
        .is_ok_and(|text| text == CHECK_TEXT.as_bytes());
    if !right {
        return Err(UnlockProblem::Wrong);
    }
    let settings = LockSettings {
        salt: lock.salt.clone(),
        iterations: lock.iterations,
        check: lock.check.clone(),
        ..LockSettings::default()
    };
    lock_everything(&settings, &key, &raw, 1)
        .await
        .map_err(|_| UnlockProblem::Unavailable)
}

/// Sets the minutes without use before the records lock.
pub fn set_idle_minutes(minutes: u32) -> Result<(), super::SaveProblem> {
    let (mut settings, revision) = settings().ok_or(super::SaveProblem::UnreadableInTheWay)?;
    settings.idle_minutes = minutes;
    store().save(&settings, revision, "").map(|_| ())
}

/// Turns the lock off: every sealed document is stored plain again, and
/// the passphrase forgotten. The records must be open.
pub fn remove_passphrase() -> Result<(), SaveError> {
    let plain = OPEN.with(|open| open.borrow().as_ref().map(|o| o.plain.clone()));
    let plain = plain.ok_or(SaveError::Locked)?;
    let writes: Vec<(String, String)> = plain.into_iter().collect();
    super::write_all(&super::backend::BrowserStorage, &writes, true)?;
    super::backend::BrowserStorage.remove(&document_key("lock"))?;
    lock();
    Ok(())
}

/// After another tab saved a sealed document: opens the new copy, then
/// tells this page's documents (with a `storage` event of its own). The
/// copies are opened one after another, and the pages told once every copy
/// that came meanwhile is open: the clinic's head is then never read with
/// older parts.
pub fn changed_in_another_tab(key: String) {
    if !is_sealed_key(&key) || !is_open() {
        return;
    }
    let already_opening = OPENING.with(|opening| {
        let mut opening = opening.borrow_mut();
        opening.push(key);
        opening.len() > 1
    });
    if already_opening {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut opened = Vec::new();
        while let Some(key) = OPENING.with(|opening| opening.borrow().get(opened.len()).cloned()) {
            open_another_tabs_copy(&key).await;
            opened.push(key);
        }
        OPENING.with(|opening| opening.borrow_mut().clear());
        for key in opened {
            let init = web_sys::StorageEventInit::new();
            init.set_key(Some(&key));
            if let Ok(event) = web_sys::StorageEvent::new_with_event_init_dict("storage", &init) {
                if let Some(window) = web_sys::window() {
                    let _ = window.dispatch_event(&event);
                }
            }
        }
    });
}

/// Opens the copy of `key` another tab stored, and holds its plain text.
async fn open_another_tabs_copy(key: &str) {
    let Some(crypto_key) = OPEN.with(|open| open.borrow().as_ref().map(|o| o.key.clone())) else {
        return;
    };
    let stored = super::backend::BrowserStorage
        .read_as_stored(key)
        .ok()
        .flatten();
    let text = match stored.as_deref().map(|s| (stored_sealed_part(s), s)) {
        Some((Some(sealed), _)) => decrypt(&crypto_key, &sealed)
            .await
            .ok()
            .and_then(|t| String::from_utf8(t).ok()),
        Some((None, plain)) => Some(plain.to_string()),
        None => None,
    };
    OPEN.with(|open| {
        if let Some(open) = open.borrow_mut().as_mut() {
            match text {
                Some(text) => open.plain.insert(key.to_string(), text),
                None => open.plain.remove(key),
            };
        }
    });
}

/// The time now in whole milliseconds since 1970.
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}
