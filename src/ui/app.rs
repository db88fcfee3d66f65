//! The app: what it provides to every page, and which page shows at which path.

use super::kept_notice::KeptNotice;
use super::layout::{Footer, Header, SkipLink};
use super::practice::{self, ConfigNotice};
use super::router::{provide_location, Location};
use super::updates::{self, UpdateNotice};
use super::AppBase;
use crate::domain::site::Area;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Draws the page for a path inside one area (see [`super::areas`]).
pub type AreaPages = fn(Memo<String>) -> AnyView;

/// Starts the app in the page: one bundle per area, each naming its own
/// `pages`, so that a bundle holds only its own area's code.
pub fn mount(area: Area, pages: AreaPages) {
    start::<true>(area, pages, None);
}

/// As [`mount`], for an area whose pages all open one large document first:
/// `read_first` reads it, and the pages are drawn in the browser's next task,
/// so that neither is a long task holding up the phone.
pub fn mount_reading_first(area: Area, pages: AreaPages, read_first: fn()) {
    start::<true>(area, pages, Some(read_first));
}

/// As [`mount`], for home, whose pages neither read nor write what is kept
/// on the device: its bundle leaves out the store's code and the look
/// through every document for damage (about 21 KB of a first visit's 140,
/// gzip). The parts that keep documents look through them as they open, so
/// a damaged one is still kept aside and named on the first page that could
/// use it.
pub fn mount_keeping_nothing(area: Area, pages: AreaPages) {
    start::<false>(area, pages, None);
}

/// Starts an area; `KEEPS` when its pages keep documents on the device: they
/// are read in first, and every page says when one has been kept aside.
fn start<const KEEPS: bool>(area: Area, pages: AreaPages, read_first: Option<fn()>) {
    // Pages read the stored documents at once, so they are read in first.
    // (Leptos's own task runner starts with the mount, so not that one.)
    wasm_bindgen_futures::spawn_local(async move {
        if KEEPS {
            crate::store::backend::open().await;
        }
        if let Some(read) = read_first {
            read();
            next_task().await;
        }
        // The "Loading…" line in index.html is for slow connections; the app replaces it.
        if let Some(loading) = document().get_element_by_id("app-loading") {
            loading.remove();
        }
        clear_first_screen();
        let kept_notice = KEEPS.then_some(kept_notice as fn() -> AnyView);
        leptos::mount::mount_to_body(move || view! { <App area pages kept_notice /> });
        mark_ready();
    });
}

fn kept_notice() -> AnyView {
    KeptNotice().into_any()
}

/// Takes away the first screen drawn into the page at build time
/// (`tools/prerender.mjs`), just before the app draws the same page in the
/// same task: the browser never shows the page without it.
fn clear_first_screen() {
    let Some(body) = document().body() else {
        return;
    };
    if body.has_attribute("data-prerendered") {
        let _ = body.remove_attribute("data-prerendered");
        body.set_inner_html("");
    }
}

/// Marks the moment the app has drawn the page and its buttons and links
/// answer (`performance.mark("sp-app-ready")`), for the patients' benchmark
/// (`tools/bench_patient.mjs`).
fn mark_ready() {
    let performance = js_sys::Reflect::get(&window(), &"performance".into()).ok();
    let mark = performance
        .as_ref()
        .and_then(|p| js_sys::Reflect::get(p, &"mark".into()).ok())
        .and_then(|m| m.dyn_into::<js_sys::Function>().ok());
    if let (Some(performance), Some(mark)) = (performance, mark) {
        let _ = mark.call1(&performance, &"sp-app-ready".into());
    }
}

/// Waits for the browser's next task (a timer's), letting it handle a tap or
/// a key in between.
pub(crate) async fn next_task() {
    wait_ms(0).await;
}

/// Waits for a timer of `ms` milliseconds.
pub(crate) async fn wait_ms(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}

#[component]
fn App(area: Area, pages: AreaPages, kept_notice: Option<fn() -> AnyView>) -> impl IntoView {
    let base = AppBase::from_document();
    provide_context(base.clone());
    provide_context(practice::load(&base));
    provide_context(updates::watch(&base));
    let location = provide_location(&base, area);
    super::layout::links_as_buttons_take_space();
    view! {
        <SkipLink />
        <Header />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                <UpdateNotice area />
                <ConfigNotice area />
                {kept_notice.map(|notice| notice())}
                <Pages location pages />
            </main>
        </div>
        <Footer />
    }
}

/// The page for the address.
#[component]
fn Pages(location: Location, pages: AreaPages) -> impl IntoView {
    let page = Memo::new(move |_| location.page());
    focus_on_navigate(page);
    pages(page)
}

/// After moving to another page inside the app, puts keyboard and screen
/// reader focus on the new page's heading, so that its question is what a
/// screen reader reads first, as GOV.UK services do on a new page.
fn focus_on_navigate(page: Memo<String>) {
    Effect::new(move |previous: Option<String>| {
        let path = page.get();
        if previous.is_some_and(|previous| previous != path) {
            // The new page is drawn by the time the browser paints.
            request_animation_frame(super::layout::focus_page_heading);
        }
        path
    });
}
