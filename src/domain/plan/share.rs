//! Moving a plan to another device without a server: a link to the app's
//! "receive a plan" page with the whole plan in its fragment, which the
//! browser never sends anywhere. Made only when the person asks for it.

use super::CarePlan;
use crate::domain::fragment::{self, FragmentError};
use serde_json::Value;

/// The payload format; raise it when the shape changes, and keep reading old ones.
pub const PAYLOAD_VERSION: u32 = 1;

/// A payload bigger than this is refused unread: no plan is near it.
const LARGEST: usize = 64 * 1024;

/// Why a plan link could not be read, in words for the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    NoPlan,
    Newer,
    Damaged,
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
        }
    }
}

/// The fragment holding `plan`: `p=1.<base64url JSON>.<checksum>`.
pub fn encode(plan: &CarePlan) -> String {
    let mut value = serde_json::to_value(plan).unwrap_or(Value::Null);
    prune(&mut value);
    fragment::seal("p", PAYLOAD_VERSION, value.to_string().as_bytes())
}

/// The link that opens `plan` on another device; `app_root` ends in `/`.
pub fn link(app_root: &str, plan: &CarePlan) -> String {
    format!("{app_root}plan/receive/#{}", encode(plan))
}

/// Reads a plan from a page's fragment (with or without the `#`).
pub fn decode(fragment: &str) -> Result<CarePlan, ShareError> {
    if fragment.len() > LARGEST {
        return Err(ShareError::Damaged);
    }
    let (_, json) = fragment::open(fragment, "p", PAYLOAD_VERSION).map_err(|e| match e {
        FragmentError::Missing => ShareError::NoPlan,
        FragmentError::Newer => ShareError::Newer,
        FragmentError::Damaged => ShareError::Damaged,
    })?;
    serde_json::from_slice(&json).map_err(|_| ShareError::Damaged)
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
