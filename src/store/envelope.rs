//! The wrapper every stored document is saved in, and the rules for reading it
//! back: its kind, its schema version (migrated forward one step at a time),
//! and a revision number that lets a save notice a newer copy from another tab.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::backend::Peeked;

/// A kind of document the app keeps, such as a referral draft or a plan.
pub trait Document: Serialize + DeserializeOwned {
    /// Names the document in storage; never change it once released.
    const KIND: &'static str;
    /// The current schema version. Raise it, and teach [`Document::migrate`]
    /// the step, whenever the stored shape changes.
    const VERSION: u32;

    /// Turns the data of version `from` into the data of version `from + 1`.
    /// Each step is tested from a stored fixture of the old format.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("there is no way to read version {from}"))
    }

    /// For a document stored as a head and parts (the clinic: see
    /// `store::clinic_parts`), how the kinds of its parts start; empty for
    /// a document stored whole.
    const PARTS: &'static str = "";

    /// The texts to store at `revision`: the document's own (its head)
    /// first, then each of its parts, by kind. `stored` names the parts
    /// stored now, so that one no longer needed can be written empty.
    fn stored_texts(
        &self,
        revision: u64,
        saved_at: &str,
        stored: &[String],
    ) -> Vec<(String, String)>
    where
        Self: Sized,
    {
        let _ = stored;
        vec![(Self::KIND.to_string(), encode(self, revision, saved_at))]
    }

    /// Whether the part `kind` is in memory (or is to be read now).
    fn holds_part(&self, kind: &str) -> bool {
        let _ = kind;
        true
    }

    /// Reads a stored part into this document.
    fn read_part(&mut self, kind: &str, raw: &str) -> Result<(), Unreadable> {
        let _ = (kind, raw);
        Ok(())
    }

    /// Notes that every part is now in memory.
    fn hold_whole(&mut self) {}

    /// Notes that the texts last made by [`Document::stored_texts`] are stored.
    fn parts_stored(&self) {}

    /// Notes that what is stored is no longer known (another tab stored
    /// its own copy): the next save writes every part.
    fn forget_stored(&self) {}

    /// Whether every part is in memory.
    fn is_whole(&self) -> bool {
        true
    }
}

/// Why stored data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not what the app writes: damaged, cut short, or edited by hand.
    Corrupt(String),
    /// Written by a newer version of the app than this one.
    Newer { found: u32, supported: u32 },
    /// An older version that could not be brought up to date.
    NotMigrated { from: u32, why: String },
}

impl Unreadable {
    /// Plain words for the person.
    pub fn message(&self) -> String {
        match self {
            Unreadable::Corrupt(_) => "it was damaged and could not be read".to_string(),
            Unreadable::Newer { .. } => {
                "it was saved by a newer version of this app. Reload the page to get the newer version"
                    .to_string()
            }
            Unreadable::NotMigrated { .. } => {
                "it was saved by an older version of this app and could not be updated".to_string()
            }
        }
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a, D> {
    kind: &'a str,
    version: u32,
    revision: u64,
    saved_at: &'a str,
    data: &'a D,
}

/// An envelope's own fields. Reading only these skips over the data without
/// building it, which matters for a clinic of several megabytes.
#[derive(Deserialize)]
pub(crate) struct EnvelopeHead {
    pub kind: String,
    pub version: u32,
    pub revision: u64,
}

/// How much of a stored text holds an envelope's own fields, as this app
/// writes them: first, before its data (or its sealed data).
pub const HEAD_SPAN: usize = 512;

/// The first [`HEAD_SPAN`] bytes of `text` (fewer, to end on a whole character).
pub(crate) fn start_of(text: &str) -> &str {
    let mut end = text.len().min(HEAD_SPAN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// An envelope's text with its own fields first, as [`encode`] writes them,
/// so they can be read from its start ([`quick_head`]). An envelope read as
/// plain JSON (from a backup file) has its fields in alphabetical order,
/// which puts its data first.
pub(crate) fn with_head_first(envelope: &Value) -> String {
    const HEAD: [&str; 3] = ["kind", "version", "revision"];
    let Some(fields) = envelope.as_object() else {
        return envelope.to_string();
    };
    let mut ordered: Vec<_> = fields.iter().collect();
    // A stable sort: the head's fields first, the rest as they were.
    ordered.sort_by_key(|(name, _)| {
        HEAD.iter()
            .position(|head| head == name)
            .unwrap_or(HEAD.len())
    });
    let written: Vec<String> = ordered
        .iter()
        .map(|(name, value)| format!("{}:{value}", Value::from(name.as_str())))
        .collect();
    format!("{{{}}}", written.join(","))
}

/// What follows an envelope's own fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Body {
    Data,
    Sealed,
}

/// An envelope's own fields read from the start of its text alone, without
/// going through megabytes of data after them. `None` when the text does not
/// start the way this app writes an envelope (then read it whole).
pub(crate) fn quick_head(raw: &str) -> Option<(EnvelopeHead, Body)> {
    let start = start_of(raw);
    if !start.starts_with("{\"kind\":") {
        return None;
    }
    let (at, body) = [(",\"data\":", Body::Data), (",\"sealed\":", Body::Sealed)]
        .into_iter()
        .filter_map(|(mark, body)| start.find(mark).map(|at| (at, body)))
        .min_by_key(|(at, _)| *at)?;
    let mut fields = start[..at].to_string();
    fields.push('}');
    let head = serde_json::from_str::<EnvelopeHead>(&fields).ok()?;
    Some((head, body))
}

/// An envelope's data, read straight into its type (at today's version).
#[derive(Deserialize)]
struct EnvelopeData<D> {
    data: D,
}

/// An envelope's data as plain JSON, to migrate from an older version.
#[derive(Deserialize)]
struct EnvelopeValue {
    #[serde(default)]
    data: Value,
}

/// A document read back, and what happened on the way.
#[derive(Debug, PartialEq)]
pub struct Decoded<D> {
    pub value: D,
    pub revision: u64,
    /// The version it was stored at, when that was older than today's.
    pub migrated_from: Option<u32>,
}

/// The stored text of a document at `revision`.
pub fn encode<D: Document>(value: &D, revision: u64, saved_at: &str) -> String {
    encode_as::<D>(value, revision, saved_at)
}

/// The stored text of a document of kind `D` at `revision`, with `data` as
/// its data: for a document that stores less than its whole self.
pub fn encode_as<D: Document>(data: &impl Serialize, revision: u64, saved_at: &str) -> String {
    let envelope = EnvelopeOut {
        kind: D::KIND,
        version: D::VERSION,
        revision,
        saved_at,
        data,
    };
    // Serialising plain data types to a string cannot fail; if one ever does,
    // an empty object still refuses to decode rather than passing as data.
    super::json::to_json(&envelope).unwrap_or_else(|| "{}".to_string())
}

/// The stored text of a part of a document (see [`Document::PARTS`]). A
/// part's revision is always 0, and it has no time: its head's carry the
/// change, so a part that has not changed is stored as it was.
pub fn encode_part(kind: &str, version: u32, data: &impl Serialize) -> String {
    let envelope = EnvelopeOut {
        kind,
        version,
        revision: 0,
        saved_at: "",
        data,
    };
    super::json::to_json(&envelope).unwrap_or_else(|| "{}".to_string())
}

/// Reads a stored part of `kind`, written at a version no newer than `version`.
pub fn decode_part<T: DeserializeOwned>(
    raw: &str,
    kind: &str,
    version: u32,
) -> Result<T, Unreadable> {
    check_head(&parse_envelope(raw)?, kind, Some(version))?;
    serde_json::from_str::<EnvelopeData<T>>(raw)
        .map(|envelope| envelope.data)
        .map_err(|error| Unreadable::Corrupt(error.to_string()))
}

/// Reads a stored document, migrating it from an older version if need be.
pub fn decode<D: Document>(raw: &str) -> Result<Decoded<D>, Unreadable> {
    let envelope = parse_envelope(raw)?;
    if envelope.kind != D::KIND {
        return Err(Unreadable::Corrupt(format!(
            "holds a \"{}\", not a \"{}\"",
            envelope.kind,
            D::KIND
        )));
    }
    if envelope.version > D::VERSION {
        return Err(Unreadable::Newer {
            found: envelope.version,
            supported: D::VERSION,
        });
    }
    let corrupt = |error: serde_json::Error| Unreadable::Corrupt(error.to_string());
    let value = if envelope.version == D::VERSION {
        serde_json::from_str::<EnvelopeData<D>>(raw)
            .map_err(corrupt)?
            .data
    } else {
        let mut data = serde_json::from_str::<EnvelopeValue>(raw)
            .map_err(corrupt)?
            .data;
        let mut version = envelope.version;
        while version < D::VERSION {
            data = D::migrate(version, data).map_err(|why| Unreadable::NotMigrated {
                from: envelope.version,
                why,
            })?;
            version += 1;
        }
        // Read as text, as at today's version: one way of reading each
        // type keeps every page's bundle smaller than two would.
        serde_json::from_str::<D>(&data.to_string()).map_err(corrupt)?
    };
    let migrated_from = (envelope.version < D::VERSION).then_some(envelope.version);
    Ok(Decoded {
        value,
        revision: envelope.revision,
        migrated_from,
    })
}

/// An envelope's own fields from the start of its stored text alone, or
/// `None` when the text must be read whole to find them.
pub(crate) fn peeked_head(peeked: &Peeked) -> Option<Result<EnvelopeHead, Unreadable>> {
    let (head, _) = quick_head(&peeked.start)?;
    Some(if peeked.ends_as_object {
        Ok(head)
    } else {
        Err(Unreadable::Corrupt("it was cut short".to_string()))
    })
}

/// Whether the text stored under `kind` is an envelope of that kind, at a
/// version no newer than `supported` (when this app knows the kind).
pub fn check_envelope(raw: &str, kind: &str, supported: Option<u32>) -> Result<(), Unreadable> {
    check_head(&parse_envelope(raw)?, kind, supported)
}

/// As [`check_envelope`], for the envelope's own fields.
pub(crate) fn check_head(
    envelope: &EnvelopeHead,
    kind: &str,
    supported: Option<u32>,
) -> Result<(), Unreadable> {
    if envelope.kind != kind {
        return Err(Unreadable::Corrupt(format!(
            "holds a \"{}\", not a \"{kind}\"",
            envelope.kind
        )));
    }
    match supported {
        Some(supported) if envelope.version > supported => Err(Unreadable::Newer {
            found: envelope.version,
            supported,
        }),
        _ => Ok(()),
    }
}

/// The revision of a stored envelope, without reading its data.
pub fn peek_revision(raw: &str) -> Option<u64> {
    parse_envelope(raw).ok().map(|envelope| envelope.revision)
}

/// An envelope's own fields: from its start when it is written as this app
/// writes it, else from the whole text. Either way a text cut short is not
/// taken for an envelope; damage inside the data is found when it is read.
fn parse_envelope(raw: &str) -> Result<EnvelopeHead, Unreadable> {
    if let Some(head) = peeked_head(&Peeked::of(raw)) {
        return head;
    }
    serde_json::from_str::<EnvelopeHead>(raw)
        .map_err(|error| Unreadable::Corrupt(error.to_string()))
}
