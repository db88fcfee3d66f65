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
use serde_json::Value;

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

/// The plan as its link carries it before any deflating: its JSON, without
/// the empty parts reading it back fills in by itself.
pub fn plan_bytes(plan: &CarePlan) -> Vec<u8> {
    let mut value = serde_json::to_value(plan).unwrap_or(Value::Null);
    prune(&mut value);
    value.to_string().into_bytes()
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
    serde_json::from_slice(json).map_err(|_| ShareError::Damaged)
}

/// Leaves out what reading the plan back fills in by itself (every part of a
/// plan defaults to empty), so the link, and its QR code, stay small.
fn prune(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            fields.values_mut().for_each(prune);
            fields.retain(|_, v| !is_empty(v));
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}
