//! Message templates with named placeholders such as `{name}` and `{time}`.
//! An unknown placeholder or a missing value is an error found before
//! sending: a person never receives a text with "{time}" in it.

/// Every placeholder a template may use, with what it stands for.
pub const PLACEHOLDERS: [(&str, &str); 8] = [
    ("name", "the name the person likes to be called"),
    (
        "day",
        "\"tomorrow\", \"today\", or the day, such as \"on Tuesday 3 March\"",
    ),
    ("time", "the time, such as \"2:30pm\""),
    (
        "place",
        "where: the practice and room, \"I will call you on 07...\", or \"I will come to you\"",
    ),
    (
        "see_you",
        "\"See you then.\", or \"Speak to you then.\" for a phone call",
    ),
    ("sender", "your name"),
    ("practice", "the practice's name"),
    ("practice_phone", "the practice's phone number"),
];

/// A problem with a template or with the values it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    Unknown(String),
    Missing(&'static str),
    Unclosed,
}

impl TemplateProblem {
    pub fn message(&self) -> String {
        match self {
            TemplateProblem::Unknown(name) => format!(
                "The message has {{{name}}}, which is not a placeholder this app knows. Check its spelling"
            ),
            TemplateProblem::Missing(name) => match *name {
                "practice_phone" => "Add the practice's phone number to config.json, or take {practice_phone} out of the message".to_string(),
                "sender" => "Enter your name, so the person knows who the text is from".to_string(),
                other => format!("There is nothing to put in {{{other}}} for this appointment. Take it out of the message, or add what is missing"),
            },
            TemplateProblem::Unclosed => "The message has a { without a }. Close it, or take it out".to_string(),
        }
    }
}

/// The placeholders a template uses, in order, each once, or its problems
/// (unknown names, an unclosed brace).
pub fn placeholders(template: &str) -> Result<Vec<&'static str>, Vec<TemplateProblem>> {
    let mut used: Vec<&'static str> = Vec::new();
    let mut problems = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            problems.push(TemplateProblem::Unclosed);
            break;
        };
        let name = &after[..close];
        match PLACEHOLDERS.iter().find(|(known, _)| *known == name) {
            Some((known, _)) if !used.contains(known) => used.push(known),
            Some(_) => {}
            None => {
                let unknown = TemplateProblem::Unknown(name.to_string());
                if !problems.contains(&unknown) {
                    problems.push(unknown);
                }
            }
        }
        rest = &after[close + 1..];
    }
    if problems.is_empty() {
        Ok(used)
    } else {
        Err(problems)
    }
}

/// Fills in `template` with `value(name)` for each placeholder; a value that
/// is `None` or blank is a problem.
pub fn render(
    template: &str,
    value: impl Fn(&str) -> Option<String>,
) -> Result<String, Vec<TemplateProblem>> {
    let used = placeholders(template)?;
    let missing: Vec<TemplateProblem> = used
        .iter()
        .filter(|name| value(name).is_none_or(|v| v.trim().is_empty()))
        .map(|name| TemplateProblem::Missing(name))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut out = template.to_string();
    // A day later than tomorrow is "on Tuesday 8 December"; after "for" or
    // "on" in the wording it is the date alone, never "for on Tuesday".
    if let Some(date) = value("day")
        .as_deref()
        .and_then(|d| d.trim().strip_prefix("on "))
    {
        for word in ["for", "For", "on", "On"] {
            out = out.replace(&format!("{word} {{day}}"), &format!("{word} {date}"));
        }
    }
    for name in used {
        out = out.replace(
            &format!("{{{name}}}"),
            value(name).unwrap_or_default().trim(),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(name: &str) -> Option<String> {
        match name {
            "name" => Some("Sam".into()),
            "day" => Some("tomorrow".into()),
            "time" => Some("2:30pm".into()),
            "sender" => Some("Will".into()),
            "practice_phone" => Some("  ".into()),
            _ => None,
        }
    }

    #[test]
    fn every_placeholder_is_filled_in_wherever_it_appears() {
        let text = render(
            "Hi {name}, see you {day} at {time}. {day}! {sender}",
            values,
        )
        .unwrap();
        assert_eq!(text, "Hi Sam, see you tomorrow at 2:30pm. tomorrow! Will");
        assert_eq!(
            render("No placeholders at all.", values).unwrap(),
            "No placeholders at all."
        );
    }

    #[test]
    fn an_unknown_placeholder_or_a_missing_value_is_an_error_before_sending() {
        assert_eq!(
            render("Hi {nmae}, at {time} {nmae}", values),
            Err(vec![TemplateProblem::Unknown("nmae".into())])
        );
        assert_eq!(
            render("Hi {name}, call {practice_phone} at {place}", values),
            Err(vec![
                TemplateProblem::Missing("practice_phone"),
                TemplateProblem::Missing("place")
            ])
        );
        assert_eq!(
            render("Hi {name", values),
            Err(vec![TemplateProblem::Unclosed])
        );
        assert_eq!(
            TemplateProblem::Unknown("nmae".into()).message(),
            "The message has {nmae}, which is not a placeholder this app knows. Check its spelling"
        );
    }
}
