//! Handing a referral to the clinic's device without a server: a link to the
//! app's clinic import page with the referral in the fragment (after `#`,
//! which browsers never send to a web server), versioned and check-summed so
//! a damaged or altered code is refused whole.

use super::Referral;

/// The payload format; raise it when the shape changes, and keep reading old ones.
pub const PAYLOAD_VERSION: u32 = 1;

/// Why a referral code could not be read, in words for the volunteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoverError {
    NoReferral,
    Newer,
    Damaged,
}

impl HandoverError {
    pub fn message(&self) -> &'static str {
        match self {
            HandoverError::NoReferral => "This link does not hold a referral.",
            HandoverError::Newer => {
                "This code was made by a newer version of the app. Reload this page to update the app, then scan the code again."
            }
            HandoverError::Damaged => {
                "This code is incomplete or has been changed, so it cannot be used. Ask the person to show the code again, or to email the referral instead."
            }
        }
    }
}

/// The fragment for a referral: `r=1.<base64url JSON>.<checksum>`.
pub fn encode(referral: &Referral) -> String {
    let json = serde_json::to_string(referral).unwrap_or_default();
    format!(
        "r={PAYLOAD_VERSION}.{}.{:08x}",
        base64url(json.as_bytes()),
        fnv1a(json.as_bytes())
    )
}

/// The link a clinic device's camera opens: `app_root` is the app's address
/// ending in `/`.
pub fn import_link(app_root: &str, referral: &Referral) -> String {
    format!("{app_root}clinic/import#{}", encode(referral))
}

/// Reads a referral from a page's fragment (with or without the `#`).
pub fn decode(fragment: &str) -> Result<Referral, HandoverError> {
    let fragment = fragment.trim_start_matches('#');
    let payload = fragment
        .split('&')
        .find_map(|part| part.strip_prefix("r="))
        .ok_or(HandoverError::NoReferral)?;
    let mut parts = payload.split('.');
    let (Some(version), Some(data), Some(sum), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HandoverError::Damaged);
    };
    let version: u32 = version.parse().map_err(|_| HandoverError::Damaged)?;
    if version > PAYLOAD_VERSION {
        return Err(HandoverError::Newer);
    }
    let json = from_base64url(data).ok_or(HandoverError::Damaged)?;
    if format!("{:08x}", fnv1a(&json)) != sum {
        return Err(HandoverError::Damaged);
    }
    serde_json::from_slice(&json).map_err(|_| HandoverError::Damaged)
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| B64.iter().position(|&b| b == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i) & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..10 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 200) as u8).collect();
            assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"Ma"), "TWE");
    }
}
