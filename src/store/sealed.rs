//! What the lock keeps in storage: its settings (the salt and work factor the
//! key is derived with, a sealed check that tells a right passphrase from a
//! wrong one, minutes before it locks itself, wrong tries so far), and the
//! shape of a document stored sealed: its envelope's kind, version and
//! revision in the open, its data encrypted with AES-GCM under a fresh nonce.
//! The encryption itself is the browser's (see `vault`).

use super::Document;
use serde::{Deserialize, Serialize};

/// The documents with people's details in them, stored sealed once a
/// passphrase is set: the clinic's records, and the person's own plans
/// ("My plan", locked on a shared phone with the same lock). The patient's
/// self-referral draft is not.
pub const SEALED_KINDS: &[&str] = &["clinic", "clinic-inbox", "plans"];

/// PBKDF2-SHA256 iterations: OWASP's figure for 2023 onwards.
pub const ITERATIONS: u32 = 600_000;

/// Minutes without use before the records lock themselves, until changed.
pub const IDLE_MINUTES: u32 = 15;

/// The text sealed as the check: a passphrase that opens it is the right one.
pub const CHECK_TEXT: &str = "social-prescribing lock check";

/// Bytes sealed with AES-GCM: the nonce and the ciphertext (with its tag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedBytes {
    pub iv: String,
    pub data: String,
}

impl SealedBytes {
    pub fn new(iv: &[u8], data: &[u8]) -> Self {
        SealedBytes {
            iv: base64(iv),
            data: base64(data),
        }
    }

    /// The nonce and the ciphertext, if the text is whole.
    pub fn bytes(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        Some((from_base64(&self.iv)?, from_base64(&self.data)?))
    }
}

/// The lock's settings, stored as document "lock" (not itself sealed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LockSettings {
    pub salt: String,
    pub iterations: u32,
    pub check: SealedBytes,
    pub idle_minutes: u32,
    /// Wrong passphrases in a row, and when the last was typed (ms since 1970).
    pub wrong_tries: u32,
    /// Whole milliseconds: formatting and reading fractions would add
    /// kilobytes to every clinic page.
    pub last_wrong: u64,
}

impl Default for LockSettings {
    fn default() -> Self {
        LockSettings {
            salt: String::new(),
            iterations: ITERATIONS,
            check: SealedBytes {
                iv: String::new(),
                data: String::new(),
            },
            idle_minutes: IDLE_MINUTES,
            wrong_tries: 0,
            last_wrong: 0,
        }
    }
}

impl Document for LockSettings {
    const KIND: &'static str = "lock";
    const VERSION: u32 = 1;
}

impl LockSettings {
    /// Seconds to wait before another try, after `wrong_tries` wrong ones:
    /// none for the first three, then doubling from 2 seconds to 5 minutes.
    pub fn wait_seconds(&self) -> u32 {
        match self.wrong_tries {
            0..=3 => 0,
            n => 2u32.saturating_pow(n - 3).min(300),
        }
    }

    /// Seconds still to wait at `now` (ms since 1970).
    pub fn wait_left(&self, now: u64) -> u32 {
        let until = self.last_wrong + u64::from(self.wait_seconds()) * 1000;
        until.saturating_sub(now).div_ceil(1000) as u32
    }
}

/// A document as stored sealed: the envelope's open parts and the sealed text.
#[derive(Serialize, Deserialize)]
pub struct SealedDocument {
    pub kind: String,
    pub version: u32,
    pub revision: u64,
    pub sealed: SealedBytes,
}

/// The sealed part of a stored document, if it is stored sealed.
pub fn sealed_part(raw: &str) -> Option<SealedBytes> {
    match super::envelope::quick_head(raw) {
        Some((_, super::envelope::Body::Data)) => return None,
        Some((_, super::envelope::Body::Sealed)) => {}
        None if !raw.contains("\"sealed\"") => return None,
        None => {}
    }
    serde_json::from_str::<SealedDocument>(raw)
        .ok()
        .map(|d| d.sealed)
}

/// Whether a storage key holds one of the [`SEALED_KINDS`], or a part of
/// the clinic.
pub fn is_sealed_key(key: &str) -> bool {
    key.strip_prefix(super::KEY_PREFIX).is_some_and(|kind| {
        SEALED_KINDS.contains(&kind) || kind.starts_with(super::clinic_parts::PARTS)
    })
}

/// The storage keys of every sealed kind stored in `backend` now.
pub fn sealed_keys(backend: &impl super::Backend) -> Vec<String> {
    let mut keys = Vec::new();
    for key in backend.keys().into_iter().filter(|key| is_sealed_key(key)) {
        super::in_order(&mut keys, key);
    }
    keys
}

/// The sealed form of a document's stored text: its envelope's kind, version
/// and revision stay readable, so another tab's save is still noticed.
/// Written by hand, as [`stored_sealed_part`] reads it: the pages that keep
/// a sealed document then carry no JSON reader or writer of their own for it.
pub fn seal_envelope(plain: &str, sealed: SealedBytes) -> String {
    let head = super::envelope::quick_head(plain)
        .map(|(head, _)| head)
        .or_else(|| serde_json::from_str::<super::envelope::EnvelopeHead>(plain).ok());
    let (kind, version, revision) = head.map_or((String::new(), 0, 0), |head| {
        (head.kind, head.version, head.revision)
    });
    // Kinds are the app's own names, but are written as JSON all the same.
    let kind = serde_json::to_string(&kind).unwrap_or_else(|_| "\"\"".to_string());
    format!(
        "{{\"kind\":{kind},\"version\":{version},\"revision\":{revision},\"sealed\":{{\"iv\":\"{}\",\"data\":\"{}\"}}}}",
        sealed.iv, sealed.data
    )
}

/// The sealed part of a document as this app stores it (its envelope's own
/// fields first), read without a JSON parser. `None` when it is not stored
/// sealed. A backup's documents, which may come in another order, are read
/// with [`sealed_part`].
pub fn stored_sealed_part(raw: &str) -> Option<SealedBytes> {
    let (_, super::envelope::Body::Sealed) = super::envelope::quick_head(raw)? else {
        return None;
    };
    let sealed = &raw[raw.find(",\"sealed\":")?..];
    let field = |name: &str| {
        let mark = format!("\"{name}\":\"");
        let start = sealed.find(&mark)? + mark.len();
        let end = start + sealed[start..].find('"')?;
        Some(sealed[start..end].to_string())
    };
    Some(SealedBytes {
        iv: field("iv")?,
        data: field("data")?,
    })
}

/// The minutes without use before the lock closes, from the lock's settings
/// as stored, without reading them whole (see [`LockSettings`]).
pub fn idle_minutes_in(raw: &str) -> Option<u32> {
    let mark = "\"idle_minutes\":";
    let start = raw.find(mark)? + mark.len();
    let digits: String = raw[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64, with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Bytes from standard base64; `None` if the text is not base64.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut n, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let value = ALPHABET.iter().position(|a| *a == c)? as u32;
        n = n << 6 | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_goes_there_and_back_for_every_length() {
        assert_eq!(base64(b"Sam"), "U2Ft");
        assert_eq!(base64(b"Sa"), "U2E=");
        assert_eq!(base64(b"S"), "Uw==");
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..bytes.len() {
            assert_eq!(from_base64(&base64(&bytes[..n])).unwrap(), &bytes[..n]);
        }
        assert_eq!(from_base64("not base64!"), None);
    }

    #[test]
    fn a_sealed_document_keeps_its_revision_readable_and_nothing_else() {
        let plain = r#"{"kind":"clinic","version":1,"revision":7,"saved_at":"x","data":{"people":[{"name":"Sam Patel"}]}}"#;
        let stored = seal_envelope(plain, SealedBytes::new(&[1, 2, 3], b"ciphertext"));
        assert!(!stored.contains("Sam Patel"));
        assert_eq!(super::super::envelope::peek_revision(&stored), Some(7));
        assert_eq!(
            super::super::envelope::check_envelope(&stored, "clinic", Some(1)),
            Ok(())
        );
        assert_eq!(
            sealed_part(&stored).unwrap().bytes().unwrap().1,
            b"ciphertext"
        );
        assert_eq!(sealed_part(plain), None);
        assert_eq!(stored_sealed_part(plain), None);
        assert_eq!(stored_sealed_part(&stored), sealed_part(&stored));
        // As a backup file may hold it: the sealed bytes' fields the other way round.
        let reordered = stored.replace(
            &format!(
                r#"{{"iv":"{}","data":"{}"}}"#,
                base64(&[1, 2, 3]),
                base64(b"ciphertext")
            ),
            &format!(
                r#"{{"data":"{}","iv":"{}"}}"#,
                base64(b"ciphertext"),
                base64(&[1, 2, 3])
            ),
        );
        assert_ne!(reordered, stored);
        assert_eq!(stored_sealed_part(&reordered), sealed_part(&stored));
        assert!(is_sealed_key("sp.clinic") && !is_sealed_key("sp.referral"));
        assert!(is_sealed_key("sp.plans"));
        assert!(
            is_sealed_key("sp.clinic-part-appointments-2024")
                && is_sealed_key("sp.clinic-part-log")
        );
    }

    #[test]
    fn the_minutes_before_the_lock_closes_are_read_from_the_settings_as_stored() {
        let settings = LockSettings {
            idle_minutes: 42,
            ..Default::default()
        };
        let stored = super::super::envelope::encode(&settings, 3, "2026-03-03T10:00:00Z");
        assert_eq!(idle_minutes_in(&stored), Some(42));
        assert_eq!(idle_minutes_in(r#"{"kind":"lock"}"#), None);
    }

    #[test]
    fn wrong_passphrases_slow_down_after_the_third() {
        let mut lock = LockSettings::default();
        let waits: Vec<u32> = (0..14)
            .map(|n| {
                lock.wrong_tries = n;
                lock.wait_seconds()
            })
            .collect();
        assert_eq!(waits, [0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
        lock.wrong_tries = 5;
        lock.last_wrong = 10_000;
        assert_eq!(lock.wait_left(11_500), 3);
        assert_eq!(lock.wait_left(14_000), 0);
    }
}
