//! The rules of the app in plain Rust: no Leptos, no browser, no storage.

pub mod backup_habit;
pub mod clinic;
pub mod config;
pub mod dates;
pub mod directory;
pub mod form;
pub mod fragment;
pub mod lock;
pub mod merge;
pub mod plan;
pub mod referral;
pub mod reminders;
pub mod reports;
pub mod sample;
pub mod site;

/// How many more of `found` results a long list's "Show more" adds when
/// `shown` are on it: up to `at_a_time`, and none once all are shown.
pub fn more_to_show(found: usize, shown: usize, at_a_time: usize) -> usize {
    found.saturating_sub(shown).min(at_a_time)
}

/// `n` of something, in words: "1 person", "3 people".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
