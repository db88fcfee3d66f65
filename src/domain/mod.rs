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
