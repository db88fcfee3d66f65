//! The Leptos user interface: the app shell, its pages, and the notices every
//! page shares.

mod app;
pub mod areas;
mod banner;
mod deflate;
pub mod double_bookings;
pub mod form;
mod kept_notice;
mod layout;
pub mod lock;
pub mod pages;
pub mod photo;
mod practice;
mod qr;
mod router;
pub mod saved;
pub mod sharing_turn;
pub mod updates;

pub use app::{mount, mount_keeping_nothing, mount_reading_first, AreaPages};

/// Where the app was opened: the router base, derived once from the page's
/// `<base href>` so the same build runs at any path on any static server.
#[derive(Clone, Debug)]
pub struct AppBase(pub String);

impl AppBase {
    fn from_document() -> Self {
        let path = leptos::prelude::document()
            .base_uri()
            .ok()
            .flatten()
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_else(|| "/".to_string());
        AppBase(crate::domain::site::router_base(&path))
    }

    /// The link to a page of the app; `""` for the home page.
    pub fn href(&self, page: &str) -> String {
        crate::domain::site::page_href(&self.0, page)
    }

    /// The address of one of the app's own files, such as `config.json`.
    pub fn file(&self, name: &str) -> String {
        format!("{}/{name}", self.0)
    }
}

/// Today's date on this device.
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// A link address for a file made on the device (no server involved), for
/// a download link: `mime` is its type, such as "text/calendar".
pub fn file_url(text: &str, mime: &str) -> String {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok())
        .unwrap_or_default()
}

/// Hands `text` to the browser as a download named `name` (made on the
/// device: nothing is sent anywhere).
pub fn download(text: &str, mime: &str, name: &str) {
    use wasm_bindgen::JsCast;
    let link = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&file_url(text, mime));
        link.set_download(name);
        link.click();
    }
}

/// Copies `text` to the clipboard, then says how it went in `said`: `done`,
/// or how to copy by hand when the browser does not allow it.
pub fn copy_text(
    text: &str,
    said: leptos::prelude::RwSignal<Option<&'static str>>,
    done: &'static str,
) {
    use leptos::prelude::Set;
    let promise = leptos::prelude::window()
        .navigator()
        .clipboard()
        .write_text(text);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        said.set(Some(if copied {
            done
        } else {
            "This phone did not let the app copy. Select the text and copy it yourself."
        }));
    });
}

/// Reads the file chosen in a file input `ev` came from, then hands over its
/// text, or `None` when it is larger than `largest` bytes (it is not read).
/// Nothing happens when no file was chosen.
pub fn read_chosen_file(
    ev: leptos::ev::Event,
    largest: usize,
    then: impl FnOnce(Option<String>) + 'static,
) {
    use wasm_bindgen::JsCast;
    let Some(file) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
    else {
        return;
    };
    if file.size() > largest as f64 {
        then(None);
        return;
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text());
    leptos::task::spawn_local(async move {
        let text = text.await.ok().and_then(|t| t.as_string());
        then(Some(text.unwrap_or_default()));
    });
}

/// A new record id, made at random on this device: 53 bits, so it survives a
/// trip through JavaScript (see `domain::clinic::Id`).
pub fn new_id() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// A `&'static str` for words or ids made at run time (a session's name in a
/// list of choices, "Step 2", "goal-7-why"), kept once per distinct text: the
/// form components take static words, and a page makes only a handful.
pub fn intern(text: String) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashSet;
    thread_local! {
        static KEPT: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
    }
    KEPT.with(|kept| {
        if let Some(known) = kept.borrow().get(text.as_str()) {
            return *known;
        }
        let leaked: &'static str = Box::leak(text.into_boxed_str());
        kept.borrow_mut().insert(leaked);
        leaked
    })
}

/// The app's [`AppBase`], from any component under the app.
pub fn use_base() -> AppBase {
    leptos::prelude::use_context::<AppBase>().unwrap_or_else(|| AppBase(String::new()))
}
