//! The practice's settings, read from the one file a practice edits:
//! `config.json` beside `index.html`. A missing or broken file never stops the
//! app: it falls back to neutral wording and says what is wrong.

use serde_json::{Map, Value};

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

    /// The practice's name, address and phone on one line, for the footer.
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
    /// A sentence a practice manager can act on.
    pub fn message(&self) -> String {
        match self {
            ConfigProblem::Missing => {
                "config.json could not be found next to index.html.".to_string()
            }
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

    /// Reads the text of `config.json`. Every field is optional; a field that
    /// is wrong is reported and replaced by its neutral default, and the good
    /// fields are still used. Unknown fields are ignored.
    pub fn from_json(text: &str) -> Self {
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                return LoadedConfig {
                    config: PracticeConfig::default(),
                    problems: vec![ConfigProblem::NotJson(
                        "it must be an object in curly brackets { }".to_string(),
                    )],
                }
            }
            Err(error) => {
                return LoadedConfig {
                    config: PracticeConfig::default(),
                    problems: vec![ConfigProblem::NotJson(format!(
                        "line {}, column {}",
                        error.line(),
                        error.column()
                    ))],
                }
            }
        };

        let mut problems = Vec::new();
        let mut config = PracticeConfig::default();
        if let Some(name) = text_field(&object, "practice_name", &mut problems) {
            config.practice_name = name;
        }
        if let Some(team) = text_field(&object, "clinic_team_name", &mut problems) {
            config.clinic_team_name = team;
        }
        config.phone = text_field(&object, "phone", &mut problems);
        config.referral_email =
            text_field(&object, "referral_email", &mut problems).filter(|email| {
                let plausible = looks_like_email(email);
                if !plausible {
                    problems.push(ConfigProblem::Invalid {
                        field: "referral_email",
                        why: "must be an email address, like referrals@example.nhs.uk",
                    });
                }
                plausible
            });
        config.address = address_field(&object, &mut problems);
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
        LoadedConfig { config, problems }
    }
}

/// A non-empty text field, trimmed; `None` when absent, blank or wrong.
fn text_field(
    object: &Map<String, Value>,
    field: &'static str,
    problems: &mut Vec<ConfigProblem>,
) -> Option<String> {
    match object.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.trim().to_string()).filter(|t| !t.is_empty()),
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
    lines
        .into_iter()
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
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
    fn a_missing_file_uses_neutral_defaults_and_says_so() {
        let loaded = LoadedConfig::missing();
        assert_eq!(loaded.config.practice_name, "Your GP practice");
        assert_eq!(loaded.problems, vec![ConfigProblem::Missing]);
    }

    #[test]
    fn a_file_that_is_not_json_says_where_it_broke() {
        let loaded = LoadedConfig::from_json("{\n \"practice_name\": \"Elm\",\n}");
        assert_eq!(loaded.config, PracticeConfig::default());
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].message().contains("line 3"));
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
        assert_eq!(loaded.config.phone, None);
        assert_eq!(loaded.config.referral_email, None);
        assert_eq!(
            loaded.problems,
            vec![
                ConfigProblem::WrongType {
                    field: "phone",
                    expected: "text in double quotes"
                },
                ConfigProblem::Invalid {
                    field: "referral_email",
                    why: "must be an email address, like referrals@example.nhs.uk"
                },
            ]
        );
        assert_eq!(
            loaded.problems[0].message(),
            "In config.json, \"phone\" must be text in double quotes."
        );
    }

    #[test]
    fn blank_fields_and_unknown_fields_are_quietly_ignored() {
        let loaded = LoadedConfig::from_json(
            r#"{"practice_name": "   ", "clinic_team_name": "", "colour": "green"}"#,
        );
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
