//! Backups under a lock: a locked backup opened with its own passphrase, and
//! what a backup carries locked with this device's key.

use super::crypto::{aes_key, decrypt, derive, encrypt};
use crate::store::document_key;
use crate::store::sealed::{from_base64, is_sealed_key, seal_envelope, sealed_part, CHECK_TEXT};
use web_sys::CryptoKey;

/// A locked backup opened with its passphrase: each locked document's
/// plain text, and the key, to lock what a restore writes in their place.
pub struct OpenedBackup {
    pub plain: Vec<(String, String)>,
    key: Option<CryptoKey>,
}

impl OpenedBackup {
    /// Whether the backup was locked.
    pub fn was_locked(&self) -> bool {
        self.key.is_some()
    }

    /// A backup that is not locked: nothing to open.
    pub fn not_locked() -> Self {
        OpenedBackup {
            plain: Vec::new(),
            key: None,
        }
    }
}

/// Opens every locked document in a backup file with the passphrase it was
/// locked with (its own salt and work factor, whatever this device's lock
/// is). A passphrase that does not open the backup's check is wrong; one
/// that does, with a document that then does not open, finds the file damaged.
pub async fn open_backup(
    backup: &crate::store::backup::Restorable,
    passphrase: &str,
) -> Result<OpenedBackup, crate::store::backup::BackupProblem> {
    use crate::store::backup::BackupProblem;
    let Some(lock) = backup.lock()? else {
        return Ok(OpenedBackup::not_locked());
    };
    let salt = from_base64(&lock.salt).ok_or(BackupProblem::LockDamaged)?;
    let raw = derive(passphrase, &salt, lock.iterations)
        .await
        .map_err(|_| BackupProblem::NoCrypto)?;
    let key = aes_key(&raw).await.map_err(|_| BackupProblem::NoCrypto)?;
    let right = decrypt(&key, &lock.check)
        .await
        .is_ok_and(|text| text == CHECK_TEXT.as_bytes());
    if !right {
        return Err(BackupProblem::WrongPassphrase);
    }
    let mut plain = Vec::new();
    for kind in backup.sealed_kinds() {
        let sealed = backup.document(&kind).and_then(sealed_part);
        let damaged = || BackupProblem::SealedDamaged(kind.clone());
        let sealed = sealed.ok_or_else(damaged)?;
        let text = decrypt(&key, &sealed).await.map_err(|_| damaged())?;
        plain.push((
            kind.clone(),
            String::from_utf8(text).map_err(|_| damaged())?,
        ));
    }
    Ok(OpenedBackup {
        plain,
        key: Some(key),
    })
}

/// Locks `texts` (each kind with its plain stored text) as the opened
/// backup was locked, for the kinds the lock keeps locked.
pub async fn lock_as_backup(
    opened: &OpenedBackup,
    texts: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, crate::store::backup::BackupProblem> {
    let Some(key) = &opened.key else {
        return Ok(texts);
    };
    let mut out = Vec::with_capacity(texts.len());
    for (kind, text) in texts {
        if !is_sealed_key(&document_key(&kind)) {
            out.push((kind, text));
            continue;
        }
        let sealed = encrypt(key, text.as_bytes())
            .await
            .map_err(|_| crate::store::backup::BackupProblem::NoCrypto)?;
        out.push((kind, seal_envelope(&text, sealed)));
    }
    Ok(out)
}
