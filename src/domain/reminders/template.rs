//! Message templates with named placeholders such as `{name}` and `{time}`.
//! `{{` and `}}` stand for a curly bracket itself. An unknown placeholder, a
//! lone bracket or a missing value is an error found before sending: a person
//! never receives a text with "{time}" in it.

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
    /// A `{` with no `}` after it.
    Unclosed,
    /// A `}` with no `{` before it.
    Unopened,
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
            TemplateProblem::Unclosed => "The message has a { without a }. Close it, or type {{ to show a curly bracket in the text".to_string(),
            TemplateProblem::Unopened => "The message has a } without a {. Take it out, or type }} to show a curly bracket in the text".to_string(),
        }
    }
}

/// One piece of a template as read.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    /// Words as written, with `{{` and `}}` already made single brackets.
    Text(String),
    Placeholder(&'static str),
    /// Something that is not a placeholder, kept as written for counting.
    Problem(String),
}

fn note(problem: TemplateProblem, problems: &mut Vec<TemplateProblem>) {
    if !problems.contains(&problem) {
        problems.push(problem);
    }
}

/// Reads `template` into pieces, with its problems (each once).
fn read(template: &str) -> (Vec<Piece>, Vec<TemplateProblem>) {
    let mut pieces = Vec::new();
    let mut problems = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("{{") || rest.starts_with("}}") {
            text.push(c);
            rest = &rest[2..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '}' => {
                note(TemplateProblem::Unopened, &mut problems);
                pieces.push(Piece::Text(std::mem::take(&mut text)));
                pieces.push(Piece::Problem("}".to_string()));
            }
            '{' => {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
                // The name runs to the next `}`; another `{` first, or the
                // end, leaves this one unclosed.
                match rest.find(['{', '}']) {
                    Some(close) if rest[close..].starts_with('}') => {
                        let name = &rest[..close];
                        rest = &rest[close + 1..];
                        match PLACEHOLDERS.iter().find(|(known, _)| *known == name) {
                            Some((known, _)) => pieces.push(Piece::Placeholder(known)),
                            None => {
                                note(TemplateProblem::Unknown(name.to_string()), &mut problems);
                                pieces.push(Piece::Problem(format!("{{{name}}}")));
                            }
                        }
                    }
                    _ => {
                        note(TemplateProblem::Unclosed, &mut problems);
                        pieces.push(Piece::Problem("{".to_string()));
                    }
                }
            }
            c => text.push(c),
        }
    }
    pieces.push(Piece::Text(text));
    pieces.retain(|p| *p != Piece::Text(String::new()));
    (pieces, problems)
}

/// The placeholders a template uses, in order, each once, or its problems
/// (unknown names, a lone bracket).
pub fn placeholders(template: &str) -> Result<Vec<&'static str>, Vec<TemplateProblem>> {
    match read(template) {
        (pieces, problems) if problems.is_empty() => Ok(known_in(&pieces)),
        (_, problems) => Err(problems),
    }
}

/// Whether `template` has the placeholder `name`, even if it has problems elsewhere.
pub fn mentions(template: &str, name: &str) -> bool {
    known_in(&read(template).0).contains(&name)
}

fn known_in(pieces: &[Piece]) -> Vec<&'static str> {
    let mut used: Vec<&'static str> = Vec::new();
    for piece in pieces {
        if let Piece::Placeholder(name) = piece {
            if !used.contains(name) {
                used.push(name);
            }
        }
    }
    used
}

/// Fills in `template` with `value(name)` for each placeholder; a value that
/// is `None` or blank is a problem.
pub fn render(
    template: &str,
    value: impl Fn(&str) -> Option<String>,
) -> Result<String, Vec<TemplateProblem>> {
    let (pieces, problems) = read(template);
    if !problems.is_empty() {
        return Err(problems);
    }
    let missing: Vec<TemplateProblem> = known_in(&pieces)
        .into_iter()
        .filter(|name| value(name).is_none_or(|v| v.trim().is_empty()))
        .map(TemplateProblem::Missing)
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok(filled(&pieces, &value))
}

/// The message as far as it can be filled in: what cannot be (an unknown
/// placeholder, a lone bracket, a missing value) is left as written. For
/// counting its length while it still has a problem.
pub fn as_far_as_it_goes(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    filled(&read(template).0, &value)
}

fn filled(pieces: &[Piece], value: &impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) | Piece::Problem(text) => out.push_str(text),
            Piece::Placeholder(name) => {
                let Some(filled) = value(name).filter(|v| !v.trim().is_empty()) else {
                    out.push_str(&format!("{{{name}}}"));
                    continue;
                };
                let mut filled = filled.trim();
                // A day later than tomorrow is "on Tuesday 8 December"; after
                // "for" or "on" in the wording it is the date alone, never
                // "for on Tuesday".
                if *name == "day" {
                    let last_word = out.trim_end().rsplit(' ').next().unwrap_or("");
                    if out.ends_with(' ')
                        && ["for", "on"].contains(&last_word.to_lowercase().as_str())
                    {
                        filled = filled.strip_prefix("on ").unwrap_or(filled);
                    }
                }
                out.push_str(filled);
            }
        }
    }
    out
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

    #[test]
    fn doubled_brackets_are_brackets_and_a_lone_bracket_is_an_error() {
        assert_eq!(
            render("Hi {name}, code {{A1}} at {time}", values).unwrap(),
            "Hi Sam, code {A1} at 2:30pm"
        );
        assert_eq!(
            render("Hi {name} }} {{ {{{time}}}", values).unwrap(),
            "Hi Sam } { {2:30pm}"
        );
        assert_eq!(
            render("Hi {name} } bye", values),
            Err(vec![TemplateProblem::Unopened])
        );
        assert_eq!(
            render("Hi {name {time}", values),
            Err(vec![TemplateProblem::Unclosed])
        );
        assert_eq!(
            render("Hi {{name}, {time}", values),
            Err(vec![TemplateProblem::Unopened])
        );
        assert_eq!(
            placeholders("{time} {oops} } {name"),
            Err(vec![
                TemplateProblem::Unknown("oops".into()),
                TemplateProblem::Unopened,
                TemplateProblem::Unclosed
            ])
        );
    }

    #[test]
    fn a_template_with_a_problem_is_still_filled_in_as_far_as_it_goes_for_counting() {
        assert_eq!(
            as_far_as_it_goes("Hi {name}, at {tiem} {{ok}} } {place}", values),
            "Hi Sam, at {tiem} {ok} } {place}"
        );
        assert!(mentions("Hi {name} at {time} }", "time"));
        assert!(!mentions("Hi {{time}}", "time"));
    }
}
