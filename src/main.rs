//! Mounts the app into the page; everything else lives in the library.

fn main() {
    // The "Loading…" line in index.html is for slow connections; the app replaces it.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("app-loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(social_prescribing::ui::App);
}
