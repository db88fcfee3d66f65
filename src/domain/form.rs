//! What every form shares: a problem with one thing a person typed or chose
//! (worded as the GOV.UK error message shown in the error summary and beside
//! the field), and the character count under a text box with a limit.

/// One problem with one field. `field` is the id of the input to move focus to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The error for `field` in a list, if there is one.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// What a character count says under a text box, and whether it is over.
pub fn character_count(text: &str, limit: usize) -> (String, bool) {
    let used = text.chars().count();
    match limit.checked_sub(used) {
        Some(1) => ("You have 1 character remaining".to_string(), false),
        Some(left) => (format!("You have {left} characters remaining"), false),
        None if used - limit == 1 => ("You have 1 character too many".to_string(), true),
        None => (
            format!("You have {} characters too many", used - limit),
            true,
        ),
    }
}

/// The error for a text over its limit: "`name` must be `limit` characters or less".
pub fn too_long(
    field: impl Into<String>,
    name: &str,
    text: &str,
    limit: usize,
) -> Option<FieldError> {
    (text.chars().count() > limit)
        .then(|| FieldError::new(field, format!("{name} must be {limit} characters or less")))
}
