//! The one place that reads and writes what the app keeps in the browser.
//!
//! Every stored document is wrapped in an [`envelope`] carrying its kind, its
//! schema version and a revision number. Loading migrates older versions;
//! anything that cannot be read is [`kept`] aside, never discarded or
//! overwritten; saving refuses to overwrite a newer copy written by another
//! tab. The browser's IndexedDB (`js/store.js`) is one [`Backend`]; tests use
//! [`MemoryBackend`].

pub mod backend;
pub mod backup;
pub mod clinic_parts;
pub mod documents;
pub mod envelope;
pub mod json;
pub mod kept;
pub mod sealed;
pub mod sharing;
pub mod vault;

pub use backend::{Backend, MemoryBackend, SaveError};
pub use envelope::{Document, Unreadable};
pub use kept::KeptCopy;

use envelope::{decode, peek_revision};

/// Every storage key the app writes starts with this, so the app's data can be
/// told apart from anything else on the same web site.
pub const KEY_PREFIX: &str = "sp.";

/// The storage key of a document kind.
pub fn document_key(kind: &str) -> String {
    format!("{KEY_PREFIX}{kind}")
}

/// A kind of document this version of the app reads, and the newest version
/// of it that it understands.
pub struct KnownKind {
    pub kind: &'static str,
    pub version: u32,
    /// Whether `kind` is how the kinds of a document's parts start.
    pub parts: bool,
}

impl KnownKind {
    pub const fn of<D: Document>() -> Self {
        KnownKind {
            kind: D::KIND,
            version: D::VERSION,
            parts: false,
        }
    }

    /// The parts of a document, whose kinds start with `prefix`.
    pub const fn parts(prefix: &'static str, version: u32) -> Self {
        KnownKind {
            kind: prefix,
            version,
            parts: true,
        }
    }

    pub fn matches(&self, kind: &str) -> bool {
        if self.parts {
            kind.starts_with(self.kind)
        } else {
            kind == self.kind
        }
    }
}

/// The kinds in `known` stored in `backend` now, in the order `known` gives
/// them (each document's parts in order of kind).
pub fn stored_kinds(backend: &impl Backend, known: &[KnownKind]) -> Vec<String> {
    let keys = backend.keys();
    let mut stored = Vec::new();
    for known in known {
        let mut kinds: Vec<String> = Vec::new();
        let found = keys.iter().filter_map(|key| key.strip_prefix(KEY_PREFIX));
        for kind in found.filter(|kind| known.matches(kind)) {
            in_order(&mut kinds, kind.to_string());
        }
        stored.extend(kinds);
    }
    stored
}

/// Adds `text` to `texts`, kept in order: the few keys of a document's
/// parts, without the code of a sort in every page's download.
pub(crate) fn in_order(texts: &mut Vec<String>, text: String) {
    if let Err(at) = texts.binary_search(&text) {
        texts.insert(at, text);
    }
}

/// What loading a document found.
#[derive(Debug, PartialEq)]
pub enum Loaded<D> {
    /// Nothing stored yet: start from the beginning.
    Empty,
    /// The document, and the revision to hand back when saving it.
    Ready {
        value: D,
        revision: u64,
        migrated_from: Option<u32>,
    },
    /// What was stored could not be read; it has been moved aside so that it
    /// can be downloaded, and the document starts again empty.
    KeptAside(KeptCopy),
    /// What was stored could not be read, and could not be moved aside either
    /// (storage is full or unavailable). It stays where it is, untouched, and
    /// the document must not be saved until it has been dealt with.
    Stuck(Unreadable),
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveProblem {
    /// The browser would not store it.
    NotStored(SaveError),
    /// Another tab (or window) saved a newer copy since this one was loaded.
    ChangedElsewhere,
    /// What is stored could not be read, and must not be written over.
    UnreadableInTheWay,
}

impl SaveProblem {
    /// Plain words for the person whose change was not saved.
    pub fn message(&self) -> &'static str {
        match self {
            SaveProblem::NotStored(error) => error.message(),
            SaveProblem::ChangedElsewhere => {
                "This was also changed in another tab or window, so your change here has not been \
                 saved yet. What you typed is still on this page. Choose which version to keep."
            }
            SaveProblem::UnreadableInTheWay => {
                "Your changes could not be saved because information already saved on this device \
                 could not be read, and the app will not write over it. What you typed is still on \
                 this page. Free some space on this device, then reload the page."
            }
        }
    }
}

/// Writes a document's stored texts at a revision and time, given the parts
/// stored now (see [`Document::stored_texts`]).
type Encoder<'a> = Box<dyn Fn(u64, &str, &[String]) -> Vec<(String, String)> + 'a>;

/// A document waiting to be saved with others by [`Store::save_all`].
pub struct Pending<'a> {
    pub kind: &'static str,
    parts: &'static str,
    pub base_revision: u64,
    encode: Encoder<'a>,
    stored: Box<dyn Fn() + 'a>,
}

impl<'a> Pending<'a> {
    pub fn new<D: Document>(value: &'a D, base_revision: u64) -> Self {
        Pending {
            kind: D::KIND,
            parts: D::PARTS,
            base_revision,
            encode: Box::new(move |revision, now, stored| {
                value.stored_texts(revision, now, stored)
            }),
            stored: Box::new(move || value.parts_stored()),
        }
    }
}

/// Writes every `(key, text)`, or (if a write fails part-way, such as when
/// storage is full) none, with what was there before put back. Texts are
/// written as given ([`Backend::write_as_stored`]) when `as_stored`.
pub(crate) fn write_all(
    backend: &impl Backend,
    writes: &[(String, String)],
    as_stored: bool,
) -> Result<(), SaveError> {
    let before: Vec<Option<String>> = writes
        .iter()
        .map(|(key, _)| backend.read_as_stored(key))
        .collect::<Result<_, _>>()?;
    let write = |key: &str, text: &str| {
        if as_stored {
            backend.write_as_stored(key, text)
        } else {
            backend.write(key, text)
        }
    };
    for (n, (key, text)) in writes.iter().enumerate() {
        if let Err(error) = write(key, text) {
            for ((key, _), value) in writes[..n].iter().zip(&before) {
                let _ = match value {
                    Some(value) => backend.write_as_stored(key, value),
                    None => backend.remove(key),
                };
            }
            return Err(error);
        }
    }
    Ok(())
}

/// Reads the parts given (each kind and its plain stored text, as in a
/// backup) into a document just read whole from its head.
pub fn read_parts_from<D: Document>(
    value: &mut D,
    parts: &[(String, String)],
) -> Result<(), Unreadable> {
    for (kind, raw) in parts {
        value.read_part(kind, raw)?;
    }
    value.hold_whole();
    Ok(())
}

/// The app's storage, over a [`Backend`].
pub struct Store<B: Backend> {
    backend: B,
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B) -> Self {
        Store { backend }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Loads a document, migrating it from an older version if need be.
    /// `now` stamps a copy that has to be kept aside.
    pub fn load<D: Document>(&self, now: &str) -> Loaded<D> {
        self.load_narrowed(now, |_| {})
    }

    /// As [`Store::load`], reading only the parts that `narrow` leaves the
    /// document holding (see [`Document::holds_part`]); [`Store::complete`]
    /// reads the rest.
    pub fn load_narrowed<D: Document>(&self, now: &str, narrow: impl FnOnce(&mut D)) -> Loaded<D> {
        let key = document_key(D::KIND);
        let raw = match self.backend.read(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => {
                let why = Unreadable::Corrupt("the rest of it was not found".to_string());
                return match self.keep_parts_aside::<D>(&why, now) {
                    Ok(()) => Loaded::Empty,
                    Err(why) => Loaded::Stuck(why),
                };
            }
            Err(_) => return Loaded::Empty,
        };
        match decode::<D>(&raw) {
            Ok(decoded) => {
                let mut value = decoded.value;
                let read = if decoded.migrated_from.is_none() {
                    narrow(&mut value);
                    self.read_parts(&mut value, true, now)
                } else {
                    // An older version stored the document whole, as its
                    // head: a part found with it is not its own.
                    let why = Unreadable::Corrupt(
                        "it was stored with an older version's copy".to_string(),
                    );
                    self.keep_parts_aside::<D>(&why, now)
                };
                match read {
                    Ok(()) => Loaded::Ready {
                        value,
                        revision: decoded.revision,
                        migrated_from: decoded.migrated_from,
                    },
                    Err(why) => Loaded::Stuck(why),
                }
            }
            Err(why) => {
                // Its parts go aside with it: a document started afresh
                // must not be saved over them.
                let kept = self.keep_aside(&key, D::KIND, &raw, why.clone(), now);
                match self.keep_parts_aside::<D>(&why, now) {
                    Ok(()) => kept,
                    Err(why) => Loaded::Stuck(why),
                }
            }
        }
    }

    /// Keeps aside every stored part of `D`, as copies to download, when
    /// they cannot be read with their head.
    fn keep_parts_aside<D: Document>(&self, why: &Unreadable, now: &str) -> Result<(), Unreadable> {
        for kind in self.stored_parts(D::PARTS) {
            let key = document_key(&kind);
            let Ok(Some(raw)) = self.backend.read_as_stored(&key) else {
                continue;
            };
            if let Loaded::<()>::Stuck(why) = self.keep_aside(&key, &kind, &raw, why.clone(), now) {
                return Err(why);
            }
        }
        Ok(())
    }

    /// Reads the parts of a document loaded narrowed that it does not hold
    /// yet, as stored now.
    pub fn complete<D: Document>(&self, value: &mut D, now: &str) -> Result<(), Unreadable> {
        if !value.is_whole() {
            self.read_parts(value, false, now)?;
            value.hold_whole();
        }
        Ok(())
    }

    /// Reads into `value` each stored part it holds (`held`) or does not.
    /// A part that cannot be read is kept aside, as a document would be;
    /// one that cannot be moved aside stops the reading.
    fn read_parts<D: Document>(
        &self,
        value: &mut D,
        held: bool,
        now: &str,
    ) -> Result<(), Unreadable> {
        for kind in self.stored_parts(D::PARTS) {
            if value.holds_part(&kind) != held {
                continue;
            }
            let key = document_key(&kind);
            let raw = match self.backend.read(&key) {
                Ok(Some(raw)) => raw,
                Ok(None) => continue,
                Err(error) => return Err(Unreadable::Corrupt(format!("{error:?}"))),
            };
            if let Err(why) = value.read_part(&kind, &raw) {
                if let Loaded::<()>::Stuck(why) = self.keep_aside(&key, &kind, &raw, why, now) {
                    return Err(why);
                }
            }
        }
        Ok(())
    }

    /// The revision stored now (0 when nothing is), to save over on purpose
    /// once the person has chosen their version over another tab's.
    pub fn current_revision<D: Document>(&self) -> Result<u64, SaveProblem> {
        self.revision_of(D::KIND)
    }

    fn revision_of(&self, kind: &str) -> Result<u64, SaveProblem> {
        let key = document_key(kind);
        let Some(peeked) = self.backend.peek(&key).map_err(SaveProblem::NotStored)? else {
            return Ok(0);
        };
        if let Some(head) = envelope::peeked_head(&peeked) {
            return head
                .map(|head| head.revision)
                .map_err(|_| SaveProblem::UnreadableInTheWay);
        }
        match self.backend.read(&key).map_err(SaveProblem::NotStored)? {
            None => Ok(0),
            Some(raw) => peek_revision(&raw).ok_or(SaveProblem::UnreadableInTheWay),
        }
    }

    /// Saves several documents as one change: all of them, or (when one
    /// cannot be stored, or another tab changed one) none. Each is given with
    /// the revision it was loaded at.
    pub fn save_all(&self, documents: &[Pending], now: &str) -> Result<(), SaveProblem> {
        for pending in documents {
            if self.revision_of(pending.kind)? != pending.base_revision {
                return Err(SaveProblem::ChangedElsewhere);
            }
        }
        let mut writes = Vec::new();
        for pending in documents {
            let stored = self.stored_parts(pending.parts);
            let texts = (pending.encode)(pending.base_revision + 1, now, &stored);
            writes.extend(
                texts
                    .into_iter()
                    .map(|(kind, text)| (document_key(&kind), text)),
            );
        }
        write_all(&self.backend, &writes, false).map_err(SaveProblem::NotStored)?;
        for pending in documents {
            (pending.stored)();
        }
        Ok(())
    }

    /// Saves a document (with its parts) over the revision it was loaded at
    /// (0 when it was empty), and returns its new revision.
    pub fn save<D: Document>(
        &self,
        value: &D,
        base_revision: u64,
        now: &str,
    ) -> Result<u64, SaveProblem> {
        self.save_all(&[Pending::new(value, base_revision)], now)?;
        Ok(base_revision + 1)
    }

    /// The kinds of the parts stored now whose kinds start with `parts`.
    fn stored_parts(&self, parts: &'static str) -> Vec<String> {
        if parts.is_empty() {
            return Vec::new();
        }
        stored_kinds(&self.backend, &[KnownKind::parts(parts, 0)])
    }

    /// Checks every document the app has stored, whether or not a page has
    /// asked for it yet, and keeps aside those that cannot be read: not an
    /// envelope at all (or cut short), or a known kind from a newer version.
    /// Only the envelope's start is read here (decoding every kind's data would put every
    /// kind's code into every page); the data itself is checked, and kept
    /// aside if need be, when a page loads it. `known` lists each kind this
    /// version of the app reads; a kind it does not know is left alone unless it is not
    /// an envelope at all (it may belong to a newer version of the app).
    pub fn sweep(&self, known: &[KnownKind], now: &str) -> Vec<KeptCopy> {
        let mut kept = Vec::new();
        for key in self.backend.keys() {
            let Some(kind) = key.strip_prefix(KEY_PREFIX) else {
                continue;
            };
            // Copies kept aside, and what a restore replaced, are not documents.
            if kind.starts_with(kept::KEPT_PREFIX) || key == backup::BEFORE_RESTORE {
                continue;
            }
            let known = known
                .iter()
                .find(|known| known.matches(kind))
                .map(|known| known.version);
            // Most envelopes are checked from their start alone.
            let Ok(Some(peeked)) = self.backend.peek(&key) else {
                continue;
            };
            if let Some(Ok(head)) = envelope::peeked_head(&peeked) {
                if envelope::check_head(&head, kind, known).is_ok() {
                    continue;
                }
            }
            let Ok(Some(raw)) = self.backend.read(&key) else {
                continue;
            };
            let problem = envelope::check_envelope(&raw, kind, known).err();
            if let Some(why) = problem {
                if let Loaded::<()>::KeptAside(copy) = self.keep_aside(&key, kind, &raw, why, now) {
                    kept.push(copy);
                }
            }
        }
        kept
    }

    /// Removes a document and its parts, when the person asks for their
    /// data to be deleted.
    pub fn remove<D: Document>(&self) -> Result<(), SaveError> {
        for kind in self.stored_parts(D::PARTS) {
            self.backend.remove(&document_key(&kind))?;
        }
        self.backend.remove(&document_key(D::KIND))
    }

    /// Every copy kept aside, oldest first.
    pub fn kept_copies(&self) -> Vec<KeptCopy> {
        kept::list(&self.backend)
    }

    /// Removes a kept copy, once the person has chosen to.
    pub fn remove_kept(&self, copy: &KeptCopy) -> Result<(), SaveError> {
        self.backend.remove(&copy.key)
    }

    fn keep_aside<T>(
        &self,
        key: &str,
        kind: &str,
        raw: &str,
        why: Unreadable,
        now: &str,
    ) -> Loaded<T> {
        match kept::keep(&self.backend, kind, raw, &why, now) {
            Ok(copy) => match self.backend.remove(key) {
                Ok(()) => Loaded::KeptAside(copy),
                // The copy is safe, but the original could not be removed:
                // leave both rather than write over either.
                Err(_) => Loaded::Stuck(why),
            },
            Err(_) => Loaded::Stuck(why),
        }
    }
}

#[cfg(test)]
mod tests;
