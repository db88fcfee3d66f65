//! The Leptos user interface.
#[allow(non_snake_case)]
pub fn App() -> impl leptos::IntoView {}
