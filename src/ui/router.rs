//! Which page is showing, and moving between pages without reloading.
//!
//! The app needs only this much routing: the page's path under the app's base,
//! its query, links that stay in the app, and the browser's back button.
//! Only pages of the area that is running move in place: a page of another
//! area is another bundle (`site::Area`), so it loads as a new page.
//! `leptos_router` 0.8 did the same at a measured 44-47 KB more gzipped wasm
//! a part (docs/packages.md).

use super::AppBase;
use crate::domain::site::Area;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;

/// The page showing, as a path under the app's base without slashes at
/// either end (`""` for home, `"refer/name"`), and its query string.
#[derive(Clone, Copy)]
pub struct Location {
    base: StoredValue<String>,
    area: Area,
    page: RwSignal<String>,
    query: RwSignal<String>,
}

impl Location {
    /// The page's path under the base, tracked.
    pub fn page(&self) -> String {
        self.page.get()
    }

    /// A value from the query string, read once (the page does not redraw
    /// when only the query changes).
    pub fn query(&self, key: &str) -> Option<String> {
        let query = self.query.get_untracked();
        web_sys::UrlSearchParams::new_with_str(&query)
            .ok()
            .and_then(|params| params.get(key))
    }

    /// A value from the query string, tracked, for a page that shows
    /// something else when only its query changes (the day view's date).
    pub fn query_tracked(&self, key: &str) -> Option<String> {
        self.query.track();
        self.query(key)
    }

    /// Shows `to` (a page path under the base, with an optional query, such
    /// as `"refer?deleted=yes"`) and adds it to the browser's history.
    pub fn navigate(&self, to: &str) {
        let href = crate::domain::site::page_href(&self.base.get_value(), to);
        let page = to.split(['?', '#']).next().unwrap_or("");
        if Area::of(page) != self.area {
            leave_for(href);
            return;
        }
        let history = window().history();
        if history
            .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href)))
            .is_err()
        {
            // Without history the page still moves, by loading it.
            let _ = window().location().set_href(&href);
            return;
        }
        self.read_address();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    fn read_address(&self) {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let page = page_under(&self.base.get_value(), &path);
        self.query.set(location.search().unwrap_or_default());
        if self.page.get_untracked() != page {
            self.page.set(page);
        }
    }
}

/// The page path of `path` under `base`: `base` and the slashes around the
/// rest removed, and `index.html` taken as the home page.
fn page_under(base: &str, path: &str) -> String {
    let rest = path.strip_prefix(base).unwrap_or(path);
    let rest = rest.trim_matches('/');
    let rest = rest.strip_suffix("index.html").unwrap_or(rest);
    rest.trim_end_matches('/').to_string()
}

/// Starts following the address: the back and forward buttons, and clicks on
/// links to pages of the app.
pub fn provide_location(base: &AppBase, area: Area) -> Location {
    let location = Location {
        base: StoredValue::new(base.0.clone()),
        area,
        page: RwSignal::new(String::new()),
        query: RwSignal::new(String::new()),
    };
    location.read_address();
    provide_context(location);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| location.read_address());
    let click = window_event_listener(leptos::ev::click, move |ev| follow_link(ev, location));
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    location
}

/// Draws the page for an address under an owner of its own. A route's
/// closure reruns in the same owner, which keeps what was provided in it, so
/// without this a page's form errors would still be found by the next page's
/// fields after they were gone.
pub fn own_page(page: impl FnOnce() -> AnyView) -> AnyView {
    let owner = Owner::new();
    let view = owner.with(page);
    // The page's reactive parts are made when it is drawn, after this
    // returns: OwnedView draws it under the same owner.
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner).into_any()
}

/// The app's [`Location`], from any component under the app.
pub fn use_location() -> Location {
    use_context::<Location>().expect("use_location outside the app")
}

thread_local! {
    static BUSY: Cell<Option<fn() -> bool>> = const { Cell::new(None) };
}

/// Holds back loading another area's page while `busy` says a save is still
/// being stored (the lock seals saves a moment after they are made), so
/// that leaving a page never drops one.
pub fn wait_before_leaving(busy: fn() -> bool) {
    BUSY.with(|slot| slot.set(Some(busy)));
}

/// Loads `href`, once nothing is being stored.
fn leave_for(href: String) {
    if BUSY.with(Cell::get).is_some_and(|busy| busy()) {
        set_timeout(
            move || leave_for(href),
            std::time::Duration::from_millis(20),
        );
    } else {
        let _ = window().location().set_href(&href);
    }
}

/// Handles a click on a link to a page of the app in the app, as the browser
/// would but without a reload. Anything the browser does differently (a new
/// tab, a download, another site, a link into the page) is left to it.
fn follow_link(ev: web_sys::MouseEvent, location: Location) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if !link.target().is_empty() || link.has_attribute("download") {
        return;
    }
    let here = window().location();
    if link.origin() != here.origin().unwrap_or_default() {
        return;
    }
    let base = location.base.get_value();
    let path = link.pathname();
    if !(path == base || path.starts_with(&format!("{base}/"))) {
        return;
    }
    if !link.hash().is_empty() && path == here.pathname().unwrap_or_default() {
        return;
    }
    let page = page_under(&base, &path);
    if Area::of(&page) != location.area {
        // Another area loads its own page: let the browser go, unless a
        // save is still being stored (see `wait_before_leaving`).
        if BUSY.with(Cell::get).is_some_and(|busy| busy()) {
            ev.prevent_default();
            leave_for(link.href());
        }
        return;
    }
    ev.prevent_default();
    location.navigate(&format!("{page}{}{}", link.search(), link.hash()));
}

#[cfg(test)]
mod tests {
    use super::page_under;

    #[test]
    fn a_page_path_drops_the_base_and_the_slashes() {
        assert_eq!(page_under("/any/sub", "/any/sub/refer/name"), "refer/name");
        assert_eq!(page_under("/any/sub", "/any/sub/refer/"), "refer");
        assert_eq!(page_under("", "/"), "");
        assert_eq!(page_under("", "/index.html"), "");
        assert_eq!(page_under("/any/sub", "/any/sub/"), "");
        assert_eq!(page_under("", "/plan"), "plan");
    }
}
