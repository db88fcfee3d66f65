//! Where the bytes go: the browser's IndexedDB (or `localStorage`), or memory in tests.
//!
//! The browser backend is `js/store.js`. Storage that is disabled (private
//! browsing, strict privacy settings) is an error the person is told about,
//! and the app goes on working.

use super::envelope::HEAD_SPAN;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Why the browser would not store something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The site's storage is full.
    Full,
    /// Storage is switched off or blocked (private browsing, settings).
    Unavailable,
    /// The records are locked with a passphrase and have not been unlocked.
    Locked,
}

impl SaveError {
    /// Plain words for the person, saying what still holds and what to do.
    pub fn message(&self) -> &'static str {
        match self {
            SaveError::Full => {
                "Your changes could not be saved because this device's storage for this app is full. \
                 What you typed is still on this page. Free some space, for example by deleting \
                 old records you no longer need, then try again."
            }
            SaveError::Locked => {
                "Your changes could not be saved because the clinic's records are locked. What you \
                 typed is still on this page. Unlock the records in another tab, then try again."
            }
            SaveError::Unavailable => {
                "Your changes could not be saved because this browser is not letting the app store \
                 anything (this can happen in private browsing). What you typed is still on this \
                 page, but it will be lost if you close it."
            }
        }
    }
}

impl SaveError {
    /// Plain words for changes the app showed as saved that then could not
    /// be written to the device (the browser stores a moment after a save).
    pub fn not_written_message(&self) -> &'static str {
        match self {
            SaveError::Full => {
                "They could not be saved because this device’s storage for this app is full. \
                 They are still in this tab, so do not close it."
            }
            SaveError::Locked | SaveError::Unavailable => {
                "They could not be saved because the browser would not store them. They are \
                 still in this tab, so do not close it."
            }
        }
    }
}

/// A place that stores text under keys.
pub trait Backend {
    fn read(&self, key: &str) -> Result<Option<String>, SaveError>;
    fn write(&self, key: &str, value: &str) -> Result<(), SaveError>;
    /// What is stored, exactly: sealed where the lock seals it (for backups).
    fn read_as_stored(&self, key: &str) -> Result<Option<String>, SaveError> {
        self.read(key)
    }
    /// Stores text exactly as given, sealed or not (when restoring a backup).
    fn write_as_stored(&self, key: &str, value: &str) -> Result<(), SaveError> {
        self.write(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), SaveError>;
    /// Every key stored, in no particular order.
    fn keys(&self) -> Vec<String>;
    /// The start of what is stored (its first [`HEAD_SPAN`] bytes or so, all
    /// of it when shorter) and whether it ends as a JSON object ends: enough
    /// to read an envelope's own fields without copying megabytes of data.
    fn peek(&self, key: &str) -> Result<Option<Peeked>, SaveError> {
        Ok(self.read(key)?.map(|text| Peeked::of(&text)))
    }
}

/// The start of a stored text, and how it ends (see [`Backend::peek`]).
pub struct Peeked {
    pub start: String,
    pub ends_as_object: bool,
}

impl Peeked {
    pub fn of(text: &str) -> Self {
        Peeked {
            start: super::envelope::start_of(text).to_string(),
            ends_as_object: text.trim_end().ends_with('}'),
        }
    }
}

/// Storage in memory, for tests: can be made to act full or unavailable.
#[derive(Default)]
pub struct MemoryBackend {
    items: RefCell<BTreeMap<String, String>>,
    /// When set, every write fails with this.
    pub failing: RefCell<Option<SaveError>>,
    /// When set, a write that would make the stored text longer than this
    /// (all keys and values together, in bytes) fails as full.
    pub quota: RefCell<Option<usize>>,
}

impl MemoryBackend {
    pub fn with(items: &[(&str, &str)]) -> Self {
        let backend = MemoryBackend::default();
        for (key, value) in items {
            backend
                .items
                .borrow_mut()
                .insert(key.to_string(), value.to_string());
        }
        backend
    }

    pub fn fail_writes(&self, error: Option<SaveError>) {
        *self.failing.borrow_mut() = error;
    }

    pub fn set_quota(&self, bytes: Option<usize>) {
        *self.quota.borrow_mut() = bytes;
    }

    /// Bytes stored, keys and values together.
    pub fn used(&self) -> usize {
        self.items
            .borrow()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn read(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn write(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if let Some(error) = *self.failing.borrow() {
            return Err(error);
        }
        if let Some(quota) = *self.quota.borrow() {
            let replaced = self
                .items
                .borrow()
                .get(key)
                .map_or(0, |old| key.len() + old.len());
            if self.used() - replaced + key.len() + value.len() > quota {
                return Err(SaveError::Full);
            }
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}

/// How the lock reads and writes the documents it seals. Only the areas that
/// show the clinic's records install it (`vault::install`), so the patients'
/// pages carry none of its code.
#[derive(Clone, Copy)]
pub struct Sealing {
    /// What a page reads for a stored text: the plain text, when it is sealed.
    pub read: fn(&str, Option<String>) -> Result<Option<String>, SaveError>,
    /// Stores a document's text sealed; `None` when it is not the lock's to store.
    pub write: fn(&str, &str) -> Option<Result<(), SaveError>>,
    /// Forgets a removed document.
    pub forget: fn(&str),
}

thread_local! {
    static SEALING: std::cell::Cell<Option<Sealing>> = const { std::cell::Cell::new(None) };
}

pub fn install_sealing(sealing: Sealing) {
    SEALING.with(|slot| slot.set(Some(sealing)));
}

fn sealing() -> Option<Sealing> {
    SEALING.with(std::cell::Cell::get)
}

/// The browser's storage for this site: IndexedDB, held in memory while a page
/// is open (`js/store.js`), or `localStorage` until [`open`] has read it, or
/// where IndexedDB is blocked.
pub struct BrowserStorage;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/store.js")]
extern "C" {
    #[wasm_bindgen(js_name = open)]
    async fn open_documents() -> wasm_bindgen::JsValue;
    /// Documents pass as UTF-8 bytes: a plain copy, where text would be
    /// converted character by character (80 ms for a five-year clinic on a
    /// slow phone).
    #[wasm_bindgen(catch, js_name = get)]
    fn get_document(key: &str) -> Result<Option<Vec<u8>>, wasm_bindgen::JsValue>;
    #[wasm_bindgen(js_name = set)]
    fn set_document(key: &str, bytes: &[u8]) -> String;
    #[wasm_bindgen(js_name = remove)]
    fn remove_document(key: &str) -> String;
    /// The first `bytes` stored under `key` as text, and its last character.
    #[wasm_bindgen(catch, js_name = peek)]
    fn peek_document(key: &str, bytes: usize) -> Result<Vec<String>, wasm_bindgen::JsValue>;
    #[wasm_bindgen(catch, js_name = keys)]
    fn document_keys() -> Result<Vec<String>, wasm_bindgen::JsValue>;
    #[wasm_bindgen(js_name = failed)]
    fn failed_write() -> String;
    /// Tries again to write what did not reach IndexedDB.
    #[wasm_bindgen(js_name = retry)]
    pub fn store_again();
    #[wasm_bindgen(js_name = kept)]
    async fn kept_for_good() -> wasm_bindgen::JsValue;
}

/// Whether the browser has agreed to keep this site's storage when the
/// device is short of space (asked once the clinic is first stored).
pub async fn kept() -> bool {
    kept_for_good().await.as_bool() == Some(true)
}

/// Reads every stored document into memory, moving anything an earlier
/// version kept in `localStorage` to IndexedDB. Pages start after this.
/// Where IndexedDB is blocked, `localStorage` is used instead.
pub async fn open() {
    open_documents().await;
}

/// Why the last write to IndexedDB failed, until one succeeds.
pub fn not_stored() -> Option<SaveError> {
    save_error(&failed_write()).err()
}

/// A browser error's name as the person's problem.
fn save_error(name: &str) -> Result<(), SaveError> {
    match name {
        "" => Ok(()),
        "QuotaExceededError" => Err(SaveError::Full),
        _ => Err(SaveError::Unavailable),
    }
}

impl Backend for BrowserStorage {
    fn read(&self, key: &str) -> Result<Option<String>, SaveError> {
        let stored = self.read_as_stored(key)?;
        match sealing() {
            Some(sealing) => (sealing.read)(key, stored),
            None => Ok(stored),
        }
    }

    fn write(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if let Some(stored) = sealing().and_then(|sealing| (sealing.write)(key, value)) {
            return stored;
        }
        self.write_as_stored(key, value)
    }

    fn read_as_stored(&self, key: &str) -> Result<Option<String>, SaveError> {
        let bytes = get_document(key).map_err(|_| SaveError::Unavailable)?;
        // Never other than UTF-8 unless changed by hand: then every byte is
        // kept as a character, so that nothing stored is dropped.
        Ok(bytes.map(|bytes| {
            String::from_utf8(bytes)
                .unwrap_or_else(|not| not.as_bytes().iter().map(|&b| char::from(b)).collect())
        }))
    }

    fn write_as_stored(&self, key: &str, value: &str) -> Result<(), SaveError> {
        save_error(&set_document(key, value.as_bytes()))
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        if let Some(sealing) = sealing() {
            (sealing.forget)(key);
        }
        save_error(&remove_document(key))
    }

    fn keys(&self) -> Vec<String> {
        document_keys().unwrap_or_default()
    }

    fn peek(&self, key: &str) -> Result<Option<Peeked>, SaveError> {
        let parts = peek_document(key, HEAD_SPAN).map_err(|_| SaveError::Unavailable)?;
        let [start, last] = parts.as_slice() else {
            return Ok(None);
        };
        let sealed = super::envelope::quick_head(start)
            .is_some_and(|(_, body)| body == super::envelope::Body::Sealed);
        if sealed && sealing().is_some() {
            // The plain text, which may be newer than what is sealed so far.
            return Ok(self.read(key)?.map(|text| Peeked::of(&text)));
        }
        Ok(Some(Peeked {
            start: start.clone(),
            ends_as_object: last == "}",
        }))
    }
}
