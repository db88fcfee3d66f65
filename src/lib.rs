//! A social prescribing app for GP practices that runs in the browser and keeps
//! its data on the device.
//!
//! - [`domain`]: plain Rust rules, tested with `cargo test` on the host.
//! - [`store`]: the one place that reads and writes the browser's storage.
//! - [`ui`]: the Leptos pages and the shared pieces they are built from.

pub mod domain;
pub mod store;
pub mod ui;

#[cfg(test)]
mod fuzz;
