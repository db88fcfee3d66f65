//! Which QR code a link makes. Every code the app draws uses the same error
//! correction, so that the versions measured in tests are the ones shown.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment};

/// Low error correction holds the most per module: a code on a clean screen
/// is not scuffed like one on paper.
pub const ERROR_CORRECTION: QrCodeEcc = QrCodeEcc::Low;

/// The densest code a phone camera reads easily from another phone's screen
/// (117 modules a side).
pub const MOST_READABLE_VERSION: u8 = 25;

/// The code for `text`, or `None` when it is too long for any QR code. A
/// link mixes small and capital letters, so it is always coded as bytes:
/// leaving out the search for a denser mode keeps the app smaller.
pub fn code(text: &str) -> Option<QrCode> {
    QrCode::encode_segments(&[QrSegment::make_bytes(text.as_bytes())], ERROR_CORRECTION).ok()
}

/// The version (1 to 40, the size) of the code for `text`.
pub fn version(text: &str) -> Option<u8> {
    code(text).map(|c| c.version().value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_link_makes_a_denser_code() {
        assert_eq!(version("https://surgery.example/"), Some(2));
        let long = "a".repeat(1400);
        assert!(version(&long) > Some(MOST_READABLE_VERSION));
        assert_eq!(version(&"a".repeat(8000)), None);
    }
}
