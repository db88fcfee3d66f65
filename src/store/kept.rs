//! Copies of stored data that could not be read, kept so the person can
//! download them (and someone can recover them) instead of losing them.

use super::backend::{Backend, SaveError};
use super::envelope::Unreadable;
use super::KEY_PREFIX;
use serde::{Deserialize, Serialize};

/// Kept copies are stored under `sp.kept.<kind>.<when>`.
pub const KEPT_PREFIX: &str = "kept.";

/// One copy kept aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptCopy {
    /// Its storage key.
    #[serde(skip)]
    pub key: String,
    /// The kind of document it was.
    pub kind: String,
    /// When it was kept, as an RFC 3339 date and time.
    pub kept_at: String,
    /// Why it could not be read, in plain words.
    pub reason: String,
    /// Exactly what was stored.
    pub raw: String,
}

impl KeptCopy {
    /// A name for the downloaded file that says what it is and when.
    pub fn file_name(&self) -> String {
        let day: String = self.kept_at.chars().take(10).collect();
        format!("social-prescribing-{}-kept-{}.txt", self.kind, day)
    }
}

/// Stores a copy of `raw` aside.
pub fn keep(
    backend: &impl Backend,
    kind: &str,
    raw: &str,
    why: &Unreadable,
    now: &str,
) -> Result<KeptCopy, SaveError> {
    let mut key = format!("{KEY_PREFIX}{KEPT_PREFIX}{kind}.{now}");
    // Two copies in the same instant must not overwrite each other.
    let mut n = 1;
    while backend.read(&key)?.is_some() {
        n += 1;
        key = format!("{KEY_PREFIX}{KEPT_PREFIX}{kind}.{now}.{n}");
    }
    let copy = KeptCopy {
        key: key.clone(),
        kind: kind.to_string(),
        kept_at: now.to_string(),
        reason: why.message(),
        raw: raw.to_string(),
    };
    let text = serde_json::to_string(&copy).map_err(|_| SaveError::Unavailable)?;
    backend.write(&key, &text)?;
    Ok(copy)
}

/// Every kept copy, oldest first. A kept copy that is itself unreadable is
/// still listed, with its text as it stands.
pub fn list(backend: &impl Backend) -> Vec<KeptCopy> {
    let prefix = format!("{KEY_PREFIX}{KEPT_PREFIX}");
    let mut copies: Vec<KeptCopy> = backend
        .keys()
        .into_iter()
        .filter(|key| key.starts_with(&prefix))
        .filter_map(|key| {
            let text = backend.read(&key).ok().flatten()?;
            Some(match serde_json::from_str::<KeptCopy>(&text) {
                Ok(copy) => KeptCopy { key, ..copy },
                Err(_) => KeptCopy {
                    kind: key[prefix.len()..]
                        .split('.')
                        .next()
                        .unwrap_or("data")
                        .to_string(),
                    kept_at: String::new(),
                    reason: "it could not be read".to_string(),
                    raw: text,
                    key,
                },
            })
        })
        .collect();
    copies.sort_by(|a, b| a.kept_at.cmp(&b.kept_at).then(a.key.cmp(&b.key)));
    copies
}
