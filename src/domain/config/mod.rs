//! The practice's settings, read from the one file a practice edits:
//! `config.json` beside `index.html`. A missing or broken file never stops the
//! app: it falls back to neutral wording and says what is wrong.

mod lenient;

use serde_json::{Map, Value};

/// Every setting the app reads from `config.json`. The README's table of
/// settings must name each one (a host test checks it).
pub const SETTINGS: [&str; 11] = [
    "practice_name",
    "address",
    "phone",
    "referral_email",
    "clinic_team_name",
    "reply_within_days",
    "app_address",
    "sharing",
    "show_volunteers",
    "referral_kept",
    "data_protection_officer",
];

/// The longest a name (of the practice or its team) or an address line may be.
pub const NAME_LIMIT: usize = 80;
/// The most lines an address may have.
pub const ADDRESS_LINES: usize = 8;
/// The longest a phone number may be.
pub const PHONE_LIMIT: usize = 30;
/// The longest an email address may be.
pub const EMAIL_LIMIT: usize = 254;
/// The longest the app's web address may be.
pub const APP_ADDRESS_LIMIT: usize = 200;
/// The longest a sentence of the privacy page's may be (how long a referral
/// is kept, how to reach the Data Protection Officer).
pub const PRIVACY_TEXT_LIMIT: usize = APP_ADDRESS_LIMIT;

/// How long the practice keeps a referral, when `config.json` does not say:
/// a referral the practice acts on becomes part of the person's GP record.
pub const REFERRAL_KEPT_DEFAULT: &str =
    "as part of your GP record, for as long as the NHS keeps GP records";

/// What the practice tells the app about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeConfig {
    /// Shown in the header and on every page, such as "Elm Surgery".
    pub practice_name: String,
    /// The practice's postal address, one line per entry.
    pub address: Vec<String>,
    /// The practice's phone number, as people should read it.
    pub phone: Option<String>,
    /// Where self-referrals are emailed to.
    pub referral_email: Option<String>,
    /// What the practice calls its link workers, such as "Elm Surgery link worker team".
    pub clinic_team_name: String,
    /// How many working days a person usually waits to be contacted after referring.
    pub reply_within_days: Option<u32>,
    /// The app's web address as patients reach it, for printed QR codes,
    /// when it differs from where the clinic's pages are opened.
    pub app_address: Option<String>,
    /// Where the clinic is shared between volunteers' devices: the address
    /// of the practice's CouchDB database, on this website (such as
    /// `/couchdb/clinic`). Without it nothing is shared or sent.
    pub sharing: Option<String>,
    /// Whether self-referral's last page shows the volunteers' faces, read
    /// from `volunteers.json` beside `config.json`.
    pub show_volunteers: bool,
    /// How long the practice keeps a referral once it has it, as words to
    /// follow "keeps your referral", for the privacy page.
    pub referral_kept: Option<String>,
    /// How to reach the practice's Data Protection Officer, if it names one.
    pub data_protection_officer: Option<String>,
}

impl Default for PracticeConfig {
    fn default() -> Self {
        PracticeConfig {
            practice_name: "Your GP practice".to_string(),
            address: Vec::new(),
            phone: None,
            referral_email: None,
            clinic_team_name: "the link worker team".to_string(),
            reply_within_days: None,
            app_address: None,
            sharing: None,
            show_volunteers: false,
            referral_kept: None,
            data_protection_officer: None,
        }
    }
}

impl PracticeConfig {
    /// How soon a person will be contacted, as words to follow "contact you":
    /// "within 5 working days", or `None` when the practice has not said.
    pub fn reply_time(&self) -> Option<String> {
        self.reply_within_days.map(|days| match days {
            1 => "within 1 working day".to_string(),
            days => format!("within {days} working days"),
        })
    }

    /// How long the practice keeps a referral, to follow "keeps your
    /// referral": the practice's own words, or the usual answer when it
    /// gave none or gave no words ([`Self::privacy_problems`]).
    pub fn referral_kept_wording(&self) -> &str {
        self.referral_kept
            .as_deref()
            .filter(|wording| says_in_words(wording))
            .unwrap_or(REFERRAL_KEPT_DEFAULT)
            .trim_end_matches(['.', ' '])
    }

    /// How to reach the practice's Data Protection Officer, when the
    /// practice wrote a way to reach them.
    pub fn data_protection_officer_contact(&self) -> Option<&str> {
        self.data_protection_officer
            .as_deref()
            .filter(|contact| names_a_way_to_reach(contact))
    }

    /// What is wrong with the privacy page's settings beyond their being
    /// text: said on the practice's set-up check, which shows them.
    pub fn privacy_problems(&self) -> Vec<ConfigProblem> {
        let mut problems = Vec::new();
        if self
            .referral_kept
            .as_deref()
            .is_some_and(|w| !says_in_words(w))
        {
            problems.push(ConfigProblem::Invalid {
                field: "referral_kept",
                why: "must say in words how long the practice keeps a referral, to follow \u{201c}keeps your referral\u{201d}, like \"for 8 years after your last contact with the link workers\"",
            });
        }
        if self.data_protection_officer.is_some()
            && self.data_protection_officer_contact().is_none()
        {
            problems.push(ConfigProblem::Invalid {
                field: "data_protection_officer",
                why: "must say how to reach your Data Protection Officer: an email address or a phone number, like \"Jo Smith, dpo@example.nhs.uk\"",
            });
        }
        problems
    }

    /// A link that rings the practice: "tel:01134960000".
    pub fn phone_link(&self) -> Option<String> {
        self.phone.as_ref().map(|phone| {
            let digits: String = phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            format!("tel:{digits}")
        })
    }

    /// The practice's name and address on one line, for the footer (which
    /// adds the phone as a link).
    pub fn contact_line_without_phone(&self) -> String {
        let mut parts = vec![self.practice_name.clone()];
        parts.extend(self.address.iter().cloned());
        parts.join(", ")
    }

    /// The practice's name, address and phone on one line.
    pub fn contact_line(&self) -> String {
        let mut parts = vec![self.practice_name.clone()];
        parts.extend(self.address.iter().cloned());
        if let Some(phone) = &self.phone {
            parts.push(format!("Phone {phone}"));
        }
        parts.join(", ")
    }
}

/// Something wrong with `config.json`, worded for the person who edits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The file was not there (or the server would not give it).
    Missing,
    /// The file has nothing in it.
    Empty,
    /// A slip in typing the file, at a line: the rest is still read.
    Slip { line: usize, what: String },
    /// A setting the app does not know, perhaps a known one misspelt.
    Unknown {
        name: String,
        line: Option<usize>,
        nearest: Option<&'static str>,
    },
    /// A text longer than the app can show well: it is cut short.
    TooLong { field: &'static str, limit: usize },
    /// Web page tags in a text, which is shown as typed, tags and all.
    Markup { field: &'static str },
    /// A phone number written as a number, which loses its first 0.
    PhoneAsNumber { shown: String },
    /// The file is not valid JSON, or not a JSON object.
    NotJson(String),
    /// A field is there but holds the wrong kind of value.
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    /// A field is there but cannot be right.
    Invalid {
        field: &'static str,
        why: &'static str,
    },
}

impl ConfigProblem {
    /// The setting the problem is about, if it is about one setting.
    pub fn setting(&self) -> Option<&'static str> {
        match self {
            ConfigProblem::WrongType { field, .. }
            | ConfigProblem::Invalid { field, .. }
            | ConfigProblem::TooLong { field, .. }
            | ConfigProblem::Markup { field } => Some(field),
            ConfigProblem::PhoneAsNumber { .. } => Some("phone"),
            _ => None,
        }
    }

    /// A sentence a practice manager can act on.
    pub fn message(&self) -> String {
        match self {
            ConfigProblem::Missing => {
                "This site has no config.json beside index.html, so the app does not know the practice’s details. Copy config.example.json to config.json and put the practice’s details in it.".to_string()
            }
            ConfigProblem::Empty => {
                "config.json is empty. Put the practice’s details in it: config.example.json shows how.".to_string()
            }
            ConfigProblem::Slip { line, what } => format!("Line {line} of config.json: {what}."),
            ConfigProblem::Unknown {
                name,
                line,
                nearest,
            } => {
                let at = line.map_or_else(|| "config.json".to_string(), |l| format!("Line {l} of config.json"));
                let hint = match nearest {
                    Some(known) => format!(" Did you mean {known}?"),
                    None => " The settings it knows are listed in the README.".to_string(),
                };
                format!("{at}: \u{201c}{name}\u{201d} is not a setting this app knows, so it is not used.{hint}")
            }
            ConfigProblem::TooLong { field, limit } => format!(
                "In config.json, \u{201c}{field}\u{201d} is longer than {limit} characters, so it is cut short: shorten it."
            ),
            ConfigProblem::Markup { field } => format!(
                "In config.json, \u{201c}{field}\u{201d} has web page tags in it, such as <b>. It is shown exactly as typed, tags and all: take them out."
            ),
            ConfigProblem::PhoneAsNumber { shown } => format!(
                "In config.json, the phone number is not in double quotes, so its first 0 is lost. It is shown as {shown}: write it in quotes, like \"phone\": \"0113 496 0000\"."
            ),
            ConfigProblem::NotJson(detail) => {
                format!("config.json is not valid JSON ({detail}).")
            }
            ConfigProblem::WrongType { field, expected } => {
                format!("In config.json, \"{field}\" must be {expected}.")
            }
            ConfigProblem::Invalid { field, why } => {
                format!("In config.json, \"{field}\" {why}.")
            }
        }
    }
}

/// The settings to use, and anything wrong with the file they came from.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LoadedConfig {
    pub config: PracticeConfig,
    pub problems: Vec<ConfigProblem>,
}

impl LoadedConfig {
    /// When the file could not be fetched at all.
    pub fn missing() -> Self {
        LoadedConfig {
            config: PracticeConfig::default(),
            problems: vec![ConfigProblem::Missing],
        }
    }

    /// A line for patients, only when something they need is missing: how
    /// to contact the practice. What the practice must fix is shown where
    /// the practice looks (the clinic's pages and the set-up check).
    pub fn patient_notice(&self) -> Option<&'static str> {
        (self.config.phone.is_none() && !self.problems.is_empty()).then_some(
            "Some of this practice’s details could not be shown. To contact the practice, use the phone number on its website or on a letter from it.",
        )
    }

    /// Reads the text of `config.json`, as forgivingly as is safe. Every
    /// field is optional; a slip in the file's punctuation, or a field that
    /// is wrong, is reported (with its line) and costs only itself: the
    /// other fields are still used. Unknown fields are named, with the
    /// nearest known one.
    pub fn from_json(text: &str) -> Self {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            return LoadedConfig {
                config: PracticeConfig::default(),
                problems: vec![ConfigProblem::Empty],
            };
        }
        let (object, lines, mut problems) = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(object)) => (object, lenient::read(text).lines, Vec::new()),
            Ok(_) => {
                return LoadedConfig {
                    config: PracticeConfig::default(),
                    problems: vec![ConfigProblem::NotJson(
                        "it must be an object in curly brackets { }".to_string(),
                    )],
                }
            }
            Err(_) => {
                let read = lenient::read(text);
                let slips = read
                    .slips
                    .into_iter()
                    .map(|slip| ConfigProblem::Slip {
                        line: slip.line,
                        what: slip.what,
                    })
                    .collect();
                (read.settings, read.lines, slips)
            }
        };
        for name in object.keys() {
            if !SETTINGS.contains(&name.as_str()) {
                problems.push(ConfigProblem::Unknown {
                    name: name.clone(),
                    line: lines.iter().find(|(n, _)| n == name).map(|(_, l)| *l),
                    nearest: nearest_setting(name),
                });
            }
        }

        let mut config = PracticeConfig::default();
        if let Some(name) = text_field(&object, "practice_name", &mut problems) {
            config.practice_name = name;
        }
        if let Some(team) = text_field(&object, "clinic_team_name", &mut problems) {
            config.clinic_team_name = team;
        }
        config.phone = phone_field(&object, &mut problems);
        config.referral_email = checked_text_field(
            &object,
            "referral_email",
            looks_like_email,
            "must be an email address, like referrals@example.nhs.uk",
            &mut problems,
        );
        config.address = address_field(&object, &mut problems);
        config.app_address = checked_text_field(
            &object,
            "app_address",
            looks_like_web_address,
            "must be the app's full web address, starting https://, like https://www.elmsurgery.example.nhs.uk/social-prescribing/",
            &mut problems,
        );
        config.sharing = checked_text_field(
            &object,
            "sharing",
            is_sharing_address,
            "must be the address of the clinic's database on this website, starting with /, like /couchdb/clinic (a database at another address is refused by the app's security policy)",
            &mut problems,
        );
        // Read as any text here; what they must say is checked where they
        // are used (`privacy_problems`), keeping those checks out of every
        // part's bundle.
        config.referral_kept = text_field(&object, "referral_kept", &mut problems);
        config.data_protection_officer =
            text_field(&object, "data_protection_officer", &mut problems);
        config.reply_within_days = match object.get("reply_within_days") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|d| (1..=60).contains(&d)) => {
                n.as_u64().map(|d| d as u32)
            }
            Some(_) => {
                problems.push(ConfigProblem::WrongType {
                    field: "reply_within_days",
                    expected: "a whole number of working days from 1 to 60, without quotes",
                });
                None
            }
        };
        config.show_volunteers = match object.get("show_volunteers") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(show)) => *show,
            Some(_) => {
                problems.push(ConfigProblem::WrongType {
                    field: "show_volunteers",
                    expected: "true or false, without quotes",
                });
                false
            }
        };
        LoadedConfig { config, problems }
    }
}

/// A text setting that must also look right (`plausible`): one that does not
/// is a problem, said with `why`, and left unset.
fn checked_text_field(
    object: &Map<String, Value>,
    field: &'static str,
    plausible: fn(&str) -> bool,
    why: &'static str,
    problems: &mut Vec<ConfigProblem>,
) -> Option<String> {
    let text = text_field(object, field, problems)?;
    if plausible(&text) {
        Some(text)
    } else {
        problems.push(ConfigProblem::Invalid { field, why });
        None
    }
}

/// Whether `address` is a database's address on the app's own website: a
/// path from the site's root, with a database name at its end. Another
/// website's address is refused: the page may connect only to its own
/// (its Content-Security-Policy), so the practice puts the database there.
pub fn is_sharing_address(address: &str) -> bool {
    let Some(path) = address.strip_prefix('/') else {
        return false;
    };
    let name = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    !path.starts_with('/')
        && !name.is_empty()
        && path.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '$' | '(' | ')' | '+' | '.')
        })
        && !path.split('/').any(|part| part == "..")
}

/// Whether a wording says something in words, not only a number ("8" alone
/// would read "keeps your referral 8").
fn says_in_words(text: &str) -> bool {
    text.chars().filter(char::is_ascii_alphabetic).count() >= 3
}

/// Whether a contact names a way to reach someone: an email address or a
/// phone number.
fn names_a_way_to_reach(text: &str) -> bool {
    text.split_whitespace()
        .any(|word| looks_like_email(word.trim_matches([',', '.', ';', '(', ')'])))
        || text.chars().filter(char::is_ascii_digit).count() >= 6
}

/// The known setting a misspelt one is nearest to, if it is near.
fn nearest_setting(name: &str) -> Option<&'static str> {
    let typed = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    SETTINGS
        .iter()
        .map(|known| (edit_distance(&typed, known), *known))
        .filter(|(distance, known)| *distance <= 3.max(known.len() / 4))
        .min()
        .map(|(_, known)| known)
}

/// How many single letters must change to make one word the other.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            previous = here;
        }
    }
    row[b.len()]
}

/// The longest a text field may be.
fn limit_of(field: &str) -> usize {
    match field {
        "phone" => PHONE_LIMIT,
        "referral_email" => EMAIL_LIMIT,
        "app_address" | "sharing" | "referral_kept" | "data_protection_officer" => {
            APP_ADDRESS_LIMIT
        }
        _ => NAME_LIMIT,
    }
}

/// A text cut to `limit` characters, with a problem when it was longer, and
/// one when it has web page tags (shown as typed all the same).
fn within_limits(field: &'static str, text: String, problems: &mut Vec<ConfigProblem>) -> String {
    if text.contains('<') && text.contains('>') {
        problems.push(ConfigProblem::Markup { field });
    }
    let limit = limit_of(field);
    if text.chars().count() > limit {
        problems.push(ConfigProblem::TooLong { field, limit });
        return text
            .chars()
            .take(limit)
            .collect::<String>()
            .trim_end()
            .to_string();
    }
    text
}

/// Whether a setting could be a web page's address: http or https, a
/// host, and no spaces, query or fragment.
fn looks_like_web_address(address: &str) -> bool {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or("");
        !host.is_empty()
            && !host.contains('@')
            && !address
                .contains(|c: char| c.is_whitespace() || matches!(c, '?' | '#' | '<' | '>' | '"'))
    })
}

/// The phone number: text, or a number typed without quotes (a UK number's
/// first 0 is then lost, and put back).
fn phone_field(object: &Map<String, Value>, problems: &mut Vec<ConfigProblem>) -> Option<String> {
    if let Some(Value::Number(n)) = object.get("phone") {
        let digits = n.to_string();
        let shown = if digits.len() == 10 && !digits.starts_with('0') {
            format!("0{digits}")
        } else {
            digits
        };
        problems.push(ConfigProblem::PhoneAsNumber {
            shown: shown.clone(),
        });
        return Some(shown);
    }
    let phone = text_field(object, "phone", problems)?;
    if phone.chars().filter(char::is_ascii_digit).count() < 3 {
        problems.push(ConfigProblem::Invalid {
            field: "phone",
            why: "must be a phone number, like 0113 496 0000",
        });
        return None;
    }
    Some(phone)
}

/// A non-empty text field, trimmed and within its limits; `None` when
/// absent, blank or wrong.
fn text_field(
    object: &Map<String, Value>,
    field: &'static str,
    problems: &mut Vec<ConfigProblem>,
) -> Option<String> {
    match object.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.trim().to_string())
            .filter(|t| !t.is_empty())
            .map(|t| within_limits(field, t, problems)),
        Some(_) => {
            problems.push(ConfigProblem::WrongType {
                field,
                expected: "text in double quotes",
            });
            None
        }
    }
}

/// The address as lines: either a list of lines or one line with commas.
fn address_field(object: &Map<String, Value>, problems: &mut Vec<ConfigProblem>) -> Vec<String> {
    let lines: Vec<String> = match object.get("address") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(text)) => text.split(',').map(str::to_string).collect(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_string))
            .collect(),
        Some(_) => {
            problems.push(ConfigProblem::WrongType {
                field: "address",
                expected: "a list of lines in double quotes",
            });
            Vec::new()
        }
    };
    let lines: Vec<String> = lines
        .into_iter()
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .map(|line| within_limits("address", line, problems))
        .collect();
    if lines.len() > ADDRESS_LINES {
        problems.push(ConfigProblem::Invalid {
            field: "address",
            why: "has more than 8 lines, so only the first 8 are shown",
        });
    }
    lines.into_iter().take(ADDRESS_LINES).collect()
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod lenient_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_file_gives_every_field() {
        let loaded = LoadedConfig::from_json(
            r#"{
              "practice_name": "Elm Surgery",
              "address": ["1 Elm Road", "Leeds", "LS1 1AA"],
              "phone": "0113 496 0000",
              "referral_email": "elm.linkworkers@example.nhs.uk",
              "clinic_team_name": "Elm Surgery link worker team",
              "reply_within_days": 5
            }"#,
        );
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.config.practice_name, "Elm Surgery");
        assert_eq!(
            loaded.config.address,
            vec!["1 Elm Road", "Leeds", "LS1 1AA"]
        );
        assert_eq!(loaded.config.phone.as_deref(), Some("0113 496 0000"));
        assert_eq!(
            loaded.config.referral_email.as_deref(),
            Some("elm.linkworkers@example.nhs.uk")
        );
        assert_eq!(
            loaded.config.clinic_team_name,
            "Elm Surgery link worker team"
        );
        assert_eq!(loaded.config.reply_within_days, Some(5));
    }

    #[test]
    fn sharing_is_off_unless_set_and_only_to_a_database_on_this_website() {
        assert_eq!(LoadedConfig::from_json("{}").config.sharing, None);
        let loaded = LoadedConfig::from_json(r#"{"sharing": "/couchdb/clinic"}"#);
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.config.sharing.as_deref(), Some("/couchdb/clinic"));
        for bad in [
            "https://couch.example.org/clinic",
            "//couch.example.org/clinic",
            "couchdb/clinic",
            "/",
            "/couchdb/../admin",
            "/couchdb/clinic?x=1",
            "/couch db/clinic",
        ] {
            let loaded = LoadedConfig::from_json(&format!(r#"{{"sharing": "{bad}"}}"#));
            assert_eq!(loaded.config.sharing, None, "{bad}");
            assert_eq!(loaded.problems[0].setting(), Some("sharing"), "{bad}");
        }
    }

    #[test]
    fn the_apps_address_must_be_a_whole_web_address() {
        let loaded =
            LoadedConfig::from_json(r#"{"app_address": " https://elm.example.nhs.uk/social/ "}"#);
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(
            loaded.config.app_address.as_deref(),
            Some("https://elm.example.nhs.uk/social/")
        );
        for bad in [
            "elm.example.nhs.uk",
            "https://",
            "javascript:alert(1)",
            "https://elm.example.nhs.uk/?a=1",
            "https://x/ y",
        ] {
            let loaded = LoadedConfig::from_json(&format!(r#"{{"app_address": "{bad}"}}"#));
            assert_eq!(loaded.config.app_address, None, "{bad}");
            assert_eq!(loaded.problems.len(), 1, "{bad}");
            assert!(
                loaded.problems[0].message().contains("starting https://"),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_reply_time_must_be_a_plain_number_of_days() {
        for bad in [r#""5""#, "0", "2.5", "90"] {
            let loaded = LoadedConfig::from_json(&format!(r#"{{"reply_within_days": {bad}}}"#));
            assert_eq!(loaded.config.reply_within_days, None, "{bad}");
            assert_eq!(loaded.problems.len(), 1, "{bad}");
        }
    }

    #[test]
    fn the_practice_is_described_in_plain_words() {
        let loaded = LoadedConfig::from_json(
            r#"{"practice_name": "Elm Surgery", "address": "1 Elm Road, Leeds", "phone": "0113 496 0000", "reply_within_days": 1}"#,
        );
        let practice = loaded.config;
        assert_eq!(
            practice.reply_time().as_deref(),
            Some("within 1 working day")
        );
        assert_eq!(practice.phone_link().as_deref(), Some("tel:01134960000"));
        assert_eq!(
            practice.contact_line(),
            "Elm Surgery, 1 Elm Road, Leeds, Phone 0113 496 0000"
        );
        let neutral = PracticeConfig::default();
        assert_eq!((neutral.reply_time(), neutral.phone_link()), (None, None));
        assert_eq!(neutral.contact_line(), "Your GP practice");
    }

    #[test]
    fn how_long_a_referral_is_kept_is_the_practices_words_or_the_usual_answer() {
        let neutral = PracticeConfig::default();
        assert_eq!(
            neutral.referral_kept_wording(),
            "as part of your GP record, for as long as the NHS keeps GP records"
        );
        let loaded = LoadedConfig::from_json(
            r#"{"referral_kept": " for 8 years after your last contact with us. "}"#,
        );
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(
            loaded.config.referral_kept_wording(),
            "for 8 years after your last contact with us"
        );
        for bad in ["8", "true"] {
            let loaded = LoadedConfig::from_json(&format!(r#"{{"referral_kept": {bad}}}"#));
            assert_eq!(loaded.config.referral_kept, None, "{bad}");
            assert_eq!(
                loaded.problems[0].message(),
                "In config.json, \"referral_kept\" must be text in double quotes."
            );
        }
        // Text without words is read, named on the set-up check, and the
        // privacy page keeps the usual wording.
        for bad in [r#""8""#, r#""8 y""#] {
            let loaded = LoadedConfig::from_json(&format!(r#"{{"referral_kept": {bad}}}"#));
            assert_eq!(loaded.problems, vec![], "{bad}");
            assert_eq!(loaded.config.referral_kept_wording(), REFERRAL_KEPT_DEFAULT);
            assert_eq!(loaded.config.privacy_problems().len(), 1, "{bad}");
        }
        let words = LoadedConfig::from_json(r#"{"referral_kept": "8"}"#);
        assert_eq!(
            words.config.privacy_problems()[0].message(),
            "In config.json, \"referral_kept\" must say in words how long the practice keeps a referral, to follow \u{201c}keeps your referral\u{201d}, like \"for 8 years after your last contact with the link workers\"."
        );
        let long = LoadedConfig::from_json(&format!(
            r#"{{"referral_kept": "{}"}}"#,
            "for ever ".repeat(30)
        ));
        assert_eq!(
            long.problems,
            vec![ConfigProblem::TooLong {
                field: "referral_kept",
                limit: PRIVACY_TEXT_LIMIT
            }]
        );
    }

    #[test]
    fn a_data_protection_officer_is_named_with_a_way_to_reach_them() {
        assert_eq!(PracticeConfig::default().data_protection_officer, None);
        for good in [
            "Jo Smith, dpo@example.nhs.uk",
            "Jo Smith (dpo@example.nhs.uk)",
            "Jo Smith, 0113 496 0999",
        ] {
            let loaded =
                LoadedConfig::from_json(&format!(r#"{{"data_protection_officer": "{good}"}}"#));
            assert_eq!(loaded.problems, vec![], "{good}");
            assert_eq!(loaded.config.privacy_problems(), vec![], "{good}");
            assert_eq!(loaded.config.data_protection_officer_contact(), Some(good));
        }
        let number = LoadedConfig::from_json(r#"{"data_protection_officer": 7}"#);
        assert_eq!(number.config.data_protection_officer, None);
        assert_eq!(
            number.problems[0].setting(),
            Some("data_protection_officer")
        );
        let no_way = LoadedConfig::from_json(r#"{"data_protection_officer": "Jo Smith"}"#);
        assert_eq!(no_way.config.data_protection_officer_contact(), None);
        assert_eq!(
            no_way.config.privacy_problems()[0].setting(),
            Some("data_protection_officer")
        );
    }

    #[test]
    fn a_missing_file_uses_neutral_defaults_and_says_so() {
        let loaded = LoadedConfig::missing();
        assert_eq!(loaded.config.practice_name, "Your GP practice");
        assert_eq!(loaded.problems, vec![ConfigProblem::Missing]);
    }

    #[test]
    fn a_list_instead_of_an_object_is_refused() {
        let loaded = LoadedConfig::from_json(r#"["Elm Surgery"]"#);
        assert!(matches!(loaded.problems[..], [ConfigProblem::NotJson(_)]));
    }

    #[test]
    fn a_wrong_field_is_reported_and_the_good_fields_are_kept() {
        let loaded = LoadedConfig::from_json(
            r#"{"practice_name": "Elm Surgery", "phone": 1134960000, "referral_email": "not an email"}"#,
        );
        assert_eq!(loaded.config.practice_name, "Elm Surgery");
        // A UK number typed without quotes lost its first 0: it is put back, and explained.
        assert_eq!(loaded.config.phone.as_deref(), Some("01134960000"));
        assert_eq!(loaded.config.referral_email, None);
        assert_eq!(
            loaded.problems,
            vec![
                ConfigProblem::PhoneAsNumber {
                    shown: "01134960000".into()
                },
                ConfigProblem::Invalid {
                    field: "referral_email",
                    why: "must be an email address, like referrals@example.nhs.uk"
                },
            ]
        );
        assert_eq!(
            loaded.problems[0].message(),
            "In config.json, the phone number is not in double quotes, so its first 0 is lost. It is shown as 01134960000: write it in quotes, like \"phone\": \"0113 496 0000\"."
        );
    }

    #[test]
    fn blank_fields_are_quietly_ignored() {
        let loaded = LoadedConfig::from_json(r#"{"practice_name": "   ", "clinic_team_name": ""}"#);
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.config, PracticeConfig::default());
    }

    #[test]
    fn an_address_on_one_line_is_split_at_its_commas() {
        let loaded = LoadedConfig::from_json(r#"{"address": "1 Elm Road, Leeds,  LS1 1AA"}"#);
        assert_eq!(
            loaded.config.address,
            vec!["1 Elm Road", "Leeds", "LS1 1AA"]
        );
    }
}
