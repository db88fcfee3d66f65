//! Moving a plan to another device without a server: a link to the app's
//! "receive a plan" page with the whole plan in its fragment, which the
//! browser never sends anywhere. Made only when the person asks for it.
//!
//! Links are deflated by the browser before they are sealed (version 2), so a
//! typical plan fits a QR code a phone camera reads from another screen.
//! Version 1 links (the plan's JSON as it is) keep opening, and are still made
//! by a browser that cannot deflate.

use super::CarePlan;
use crate::domain::fragment::{FragmentError, Packed, Versions};

/// The payload formats; raise them when the shape changes, and keep reading old ones.
pub const VERSIONS: Versions = Versions {
    plain: 1,
    deflated: 2,
};

/// The newest payload version this app reads and makes.
pub const PAYLOAD_VERSION: u32 = VERSIONS.deflated;

/// A fragment longer than this is refused unread: no plan's link is near it.
const LONGEST_LINK: usize = 64 * 1024;

/// The most a plan's JSON may be once inflated: a full plan is well under
/// it. Inflating stops here, so a small link that inflates to a huge amount
/// (a "deflate bomb") cannot fill the phone's memory.
pub const LARGEST_PLAN: usize = 256 * 1024;

/// Why a plan link could not be read, in words for the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    NoPlan,
    Newer,
    Damaged,
    TooLong,
    /// The browser cannot inflate a deflated link.
    CannotOpenHere,
}

impl ShareError {
    pub fn message(self) -> &'static str {
        match self {
            ShareError::NoPlan => "This link does not hold a plan.",
            ShareError::Newer => {
                "This plan was shared from a newer version of the app. Reload this page to update the app, then open the link again."
            }
            ShareError::Damaged => {
                "This link is incomplete or has been changed, so the plan cannot be opened. Ask for the code to be shown again, or for the plan to be emailed instead."
            }
            ShareError::TooLong => {
                "This link holds far more than a plan can, so it has not been opened. Ask for the plan to be emailed instead."
            }
            ShareError::CannotOpenHere => {
                "The web browser on this phone is too old to open shared plans. Update it, or ask for the plan to be emailed instead."
            }
        }
    }
}

/// The plan as its link carries it before any deflating: its JSON, as the
/// store writes it (`store::json::to_json` gives the same bytes, and the
/// plan's page uses that, so the app carries one way of writing a plan).
/// Deflating takes out most of what the empty parts repeat.
pub fn plan_bytes(plan: &CarePlan) -> Vec<u8> {
    serde_json::to_vec(plan).unwrap_or_default()
}

/// The fragment for a plan packed as `data`: `p=<version>.<base64url>.<checksum>`.
pub fn seal(data: &Packed) -> String {
    VERSIONS.seal("p", data)
}

/// The fragment holding `plan` undeflated (version 1): what a browser that
/// cannot deflate shares.
pub fn encode_plain(plan: &CarePlan) -> String {
    seal(&Packed::Plain(plan_bytes(plan)))
}

/// The link that opens the plan in `fragment` on another device; `app_root` ends in `/`.
pub fn link(app_root: &str, fragment: &str) -> String {
    format!("{app_root}plan/receive/#{fragment}")
}

/// Opens a page's fragment (with or without the `#`): the plan's data,
/// checked whole, still to be inflated if it is [`Packed::Deflated`].
pub fn open(fragment: &str) -> Result<Packed, ShareError> {
    if fragment.len() > LONGEST_LINK {
        return Err(ShareError::TooLong);
    }
    VERSIONS.open(fragment, "p").map_err(|e| match e {
        FragmentError::Missing => ShareError::NoPlan,
        FragmentError::Newer => ShareError::Newer,
        FragmentError::Damaged => ShareError::Damaged,
    })
}

/// Reads the plan from its JSON, inflated if it was deflated.
pub fn read(json: &[u8]) -> Result<CarePlan, ShareError> {
    if json.len() > LARGEST_PLAN {
        return Err(ShareError::TooLong);
    }
    // Read as text, as the store reads a plan: one way of reading each type
    // keeps the plan's bundle smaller than two would.
    let text = std::str::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    serde_json::from_str(text).map_err(|_| ShareError::Damaged)
}
