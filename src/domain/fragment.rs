//! Passing a document between devices inside a link's fragment (after `#`,
//! which browsers never send to a web server): `<tag>=<version>.<base64url
//! data>.<checksum>`, so that a damaged or altered code is refused whole and
//! one made by a newer app is recognised as such.
//!
//! From some version on, a kind of payload may carry its data deflated (raw
//! DEFLATE, the browser's `CompressionStream("deflate-raw")`), which makes a
//! link, and its QR code, about a third shorter. Deflating and inflating are
//! the browser's work (`src/ui/deflate.rs`); the framing and its checks are here.

/// Why a fragment did not give up its payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FragmentError {
    /// No payload with this tag.
    Missing,
    /// Made by a newer version of the app.
    Newer,
    /// Cut short, altered, or not a payload at all.
    Damaged,
}

/// Seals `data` as `<tag>=<version>.<base64url>.<checksum>`.
pub fn seal(tag: &str, version: u32, data: &[u8]) -> String {
    format!("{tag}={version}.{}.{:08x}", base64url(data), fnv1a(data))
}

/// Opens the payload tagged `tag` in `fragment` (with or without its `#`):
/// its version (at most `newest`) and its data.
pub fn open(fragment: &str, tag: &str, newest: u32) -> Result<(u32, Vec<u8>), FragmentError> {
    let fragment = fragment.trim_start_matches('#');
    let payload = fragment
        .split('&')
        .find_map(|part| part.strip_prefix(tag)?.strip_prefix('='))
        .ok_or(FragmentError::Missing)?;
    let mut parts = payload.split('.');
    let (Some(version), Some(data), Some(sum), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(FragmentError::Damaged);
    };
    let version: u32 = version.parse().map_err(|_| FragmentError::Damaged)?;
    if version > newest {
        return Err(FragmentError::Newer);
    }
    let data = from_base64url(data).ok_or(FragmentError::Damaged)?;
    if format!("{:08x}", fnv1a(&data)) != sum {
        return Err(FragmentError::Damaged);
    }
    Ok((version, data))
}

/// A payload's data as its link carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Packed {
    /// The data as it is.
    Plain(Vec<u8>),
    /// The data deflated (raw DEFLATE, RFC 1951), to be inflated before use.
    Deflated(Vec<u8>),
}

/// The versions of one kind of payload: the last whose data is plain, and
/// the first (the newest) whose data is deflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Versions {
    pub plain: u32,
    pub deflated: u32,
}

impl Versions {
    /// Seals `data` with the version that says how it is packed.
    pub fn seal(self, tag: &str, data: &Packed) -> String {
        match data {
            Packed::Plain(bytes) => seal(tag, self.plain, bytes),
            Packed::Deflated(bytes) => seal(tag, self.deflated, bytes),
        }
    }

    /// Opens the payload tagged `tag`, saying how its data is packed.
    pub fn open(self, fragment: &str, tag: &str) -> Result<Packed, FragmentError> {
        let (version, data) = open(fragment, tag, self.deflated)?;
        Ok(if version >= self.deflated {
            Packed::Deflated(data)
        } else {
            Packed::Plain(data)
        })
    }
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

    #[test]
    fn a_sealed_payload_opens_by_its_tag_only() {
        let sealed = seal("p", 1, "Hello, Sam’s plan 🌱".as_bytes());
        let fragment = format!("#x=1&{sealed}");
        assert_eq!(
            open(&fragment, "p", 1),
            Ok((1, "Hello, Sam’s plan 🌱".as_bytes().to_vec()))
        );
        assert_eq!(open(&fragment, "r", 1), Err(FragmentError::Missing));
        assert_eq!(
            open(&format!("#pp={}", &sealed[2..]), "p", 1),
            Err(FragmentError::Missing)
        );
    }

    #[test]
    fn a_payload_says_whether_its_data_is_deflated() {
        let versions = Versions {
            plain: 1,
            deflated: 2,
        };
        let plain = Packed::Plain(b"{}".to_vec());
        let deflated = Packed::Deflated(vec![0xab, 0x06, 0x00]);
        assert!(versions.seal("p", &plain).starts_with("p=1."));
        assert!(versions.seal("p", &deflated).starts_with("p=2."));
        assert_eq!(versions.open(&versions.seal("p", &plain), "p"), Ok(plain));
        assert_eq!(
            versions.open(&versions.seal("p", &deflated), "p"),
            Ok(deflated)
        );
        assert_eq!(
            versions.open(&seal("p", 3, b"x"), "p"),
            Err(FragmentError::Newer)
        );
    }

    #[test]
    fn a_damaged_or_newer_payload_is_refused() {
        let sealed = seal("p", 2, b"some data");
        assert_eq!(open(&sealed, "p", 1), Err(FragmentError::Newer));
        assert_eq!(
            open(&sealed[..sealed.len() - 3], "p", 2),
            Err(FragmentError::Damaged)
        );
        let altered = sealed.replacen("c29t", "c29u", 1);
        assert_ne!(altered, sealed);
        assert_eq!(open(&altered, "p", 2), Err(FragmentError::Damaged));
        assert_eq!(
            open("p=1.%%%.00000000", "p", 1),
            Err(FragmentError::Damaged)
        );
        assert_eq!(
            open("p=one.AA.00000000", "p", 1),
            Err(FragmentError::Damaged)
        );
    }
}
