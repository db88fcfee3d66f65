//! Handing a referral to the clinic's device without a server: a link to the
//! app's clinic import page with the referral in the fragment (after `#`,
//! which browsers never send to a web server), versioned and check-summed so
//! a damaged or altered code is refused whole.
//!
//! The payload is compact (answers in a fixed order, choices by key, trailing
//! empty answers left out) and, from version 2, deflated by the browser
//! before it is sealed, so that even a long referral's QR code stays sparse
//! enough for a phone's camera to read from another phone's screen. Version 1
//! codes (not deflated) keep opening, and are still made by a browser that
//! cannot deflate.

use super::{Answers, Choice, Reference, Referral};
use crate::domain::fragment::{FragmentError, Packed, Versions};
use serde_json::{json, Value};

/// The payload formats; raise them when the shape changes, and keep reading old ones.
pub const VERSIONS: Versions = Versions {
    plain: 1,
    deflated: 2,
};

/// The newest payload version this app reads and makes.
pub const PAYLOAD_VERSION: u32 = VERSIONS.deflated;

/// A fragment longer than this is refused unread: no referral's code is near it.
const LONGEST_LINK: usize = 32 * 1024;

/// The most a referral's JSON may be once inflated: the longest referral the
/// form allows is well under it. Inflating stops here, so a small code that
/// inflates to a huge amount cannot fill the device's memory.
pub const LARGEST_REFERRAL: usize = 128 * 1024;

/// Why a referral code could not be read, in words for the volunteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoverError {
    NoReferral,
    Newer,
    Damaged,
    TooLong,
    /// The browser cannot inflate a deflated code.
    CannotOpenHere,
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
            HandoverError::TooLong => {
                "This code holds far more than a referral can, so it has not been opened. Ask the person to email the referral instead."
            }
            HandoverError::CannotOpenHere => {
                "The web browser on this device is too old to open this code. Update it, or ask the person to email the referral instead."
            }
        }
    }
}

/// The referral as its code carries it before any deflating: a compact JSON array.
pub fn referral_bytes(referral: &Referral) -> Vec<u8> {
    compact(referral).to_string().into_bytes()
}

/// The fragment for a referral packed as `data`: `r=<version>.<base64url>.<checksum>`.
pub fn seal(data: &Packed) -> String {
    VERSIONS.seal("r", data)
}

/// The fragment for a referral not deflated (version 1): what a browser
/// that cannot deflate makes, and the clinic's own link to a kept referral.
pub fn encode(referral: &Referral) -> String {
    seal(&Packed::Plain(referral_bytes(referral)))
}

/// The link a clinic device's camera opens for the referral in `fragment`:
/// `app_root` is the app's address ending in `/`.
pub fn link(app_root: &str, fragment: &str) -> String {
    format!("{app_root}clinic/import/#{fragment}")
}

/// The link for a referral not deflated (version 1).
pub fn import_link(app_root: &str, referral: &Referral) -> String {
    link(app_root, &encode(referral))
}

/// Opens a page's fragment (with or without the `#`): the referral's data,
/// checked whole, still to be inflated if it is [`Packed::Deflated`].
pub fn open(fragment: &str) -> Result<Packed, HandoverError> {
    if fragment.len() > LONGEST_LINK {
        return Err(HandoverError::TooLong);
    }
    VERSIONS.open(fragment, "r").map_err(|e| match e {
        FragmentError::Missing => HandoverError::NoReferral,
        FragmentError::Newer => HandoverError::Newer,
        FragmentError::Damaged => HandoverError::Damaged,
    })
}

/// Reads the referral from its JSON, inflated if it was deflated.
pub fn read(json: &[u8]) -> Result<Referral, HandoverError> {
    if json.len() > LARGEST_REFERRAL {
        return Err(HandoverError::TooLong);
    }
    let value: Value = serde_json::from_slice(json).map_err(|_| HandoverError::Damaged)?;
    expand(&value).ok_or(HandoverError::Damaged)
}

/// Reads a referral from a fragment that is not deflated (version 1).
/// A deflated one must be inflated first: see [`open`] and [`read`].
pub fn decode(fragment: &str) -> Result<Referral, HandoverError> {
    match open(fragment)? {
        Packed::Plain(json) => read(&json),
        Packed::Deflated(_) => Err(HandoverError::CannotOpenHere),
    }
}

fn key<C: Choice>(choice: Option<C>) -> Value {
    choice.map_or(Value::Null, |c| Value::from(c.key()))
}

fn keys<C: Choice>(choices: &[C]) -> Value {
    Value::from(choices.iter().map(|c| c.key()).collect::<Vec<_>>())
}

/// The referral as a JSON array in a fixed order.
fn compact(referral: &Referral) -> Value {
    let a = &referral.answers;
    let mut fields = vec![
        json!(referral.reference.to_string()),
        json!(crate::domain::dates::iso(referral.sent_on)),
        json!(a.full_name),
        json!(a.preferred_name),
        json!([a.dob_day, a.dob_month, a.dob_year]),
        key(a.contact_method),
        json!(a.phone),
        json!(a.email),
        json!(a.address),
        json!(a.postcode),
        json!(a.someone_else),
        key(a.leave_message),
        json!(a.best_times),
        keys(&a.support),
        json!(a.support_other),
        json!(a.own_words),
        keys(&a.barriers),
        key(a.meeting),
        keys(&a.formats),
        keys(&a.professionals),
        keys(&a.other_support),
        json!(a.communication_other),
        json!(a.language),
        key(a.interpreter),
        json!(a.practice),
        json!(a.consent_contact),
        key(a.consent_record),
        // Added after version 2 was made: a code without it reads as not
        // answered, and an app that does not know it reads the rest.
        key(a.suggested_by),
    ];
    let empty = |v: &Value| match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    };
    while fields.last().is_some_and(empty) {
        fields.pop();
    }
    Value::Array(fields)
}

/// Reads [`compact`]'s array back; `None` if any part is not what it should be.
fn expand(value: &Value) -> Option<Referral> {
    let fields = value.as_array()?;
    let null = Value::Null;
    let at = |i: usize| fields.get(i).unwrap_or(&null);
    let text = |i: usize| -> Option<String> {
        match at(i) {
            Value::Null => Some(String::new()),
            v => v.as_str().map(str::to_string),
        }
    };
    fn one<C: Choice>(v: &Value) -> Option<Option<C>> {
        match v {
            Value::Null => Some(None),
            v => C::from_key(v.as_str()?).map(Some),
        }
    }
    fn many<C: Choice>(v: &Value) -> Option<Vec<C>> {
        match v {
            Value::Null => Some(Vec::new()),
            v => v
                .as_array()?
                .iter()
                .map(|k| C::from_key(k.as_str()?))
                .collect(),
        }
    }
    let reference = Reference::parse(at(0).as_str()?)?;
    let sent_on = crate::domain::dates::parse_iso(at(1).as_str()?)?;
    let dob = match at(4) {
        Value::Null => vec![String::new(); 3],
        v => v
            .as_array()?
            .iter()
            .map(|p| p.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()?,
    };
    let [dob_day, dob_month, dob_year]: [String; 3] = dob.try_into().ok()?;
    let answers = Answers {
        full_name: text(2)?,
        preferred_name: text(3)?,
        dob_day,
        dob_month,
        dob_year,
        contact_method: one(at(5))?,
        phone: text(6)?,
        email: text(7)?,
        address: text(8)?,
        postcode: text(9)?,
        someone_else: text(10)?,
        leave_message: one(at(11))?,
        best_times: text(12)?,
        support: many(at(13))?,
        support_other: text(14)?,
        own_words: text(15)?,
        barriers: many(at(16))?,
        meeting: one(at(17))?,
        formats: many(at(18))?,
        professionals: many(at(19))?,
        other_support: many(at(20))?,
        communication_other: text(21)?,
        language: text(22)?,
        interpreter: one(at(23))?,
        practice: text(24)?,
        consent_contact: match at(25) {
            Value::Null => false,
            v => v.as_bool()?,
        },
        consent_record: one(at(26))?,
        suggested_by: one(at(27))?,
    };
    Some(Referral {
        reference,
        sent_on,
        answers,
    })
}
