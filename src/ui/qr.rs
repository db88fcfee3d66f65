//! A QR code drawn as SVG on the device: nothing is fetched to make it.

use leptos::prelude::*;

/// The SVG path of a code's dark modules, with a 4-module quiet zone, and the
/// size of its square view box.
fn svg_path(text: &str) -> Option<(String, i32)> {
    let code = crate::domain::qr::code(text)?;
    let border = 4;
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    Some((path, code.size() + 2 * border))
}

#[component]
pub fn QrCode(
    text: String,
    label: String,
    /// What to say when `text` is too long for any code.
    #[prop(
        default = "This referral is too long to fit in a code. Email it or show it at reception instead."
    )]
    too_long: &'static str,
) -> impl IntoView {
    match svg_path(&text) {
        Some((path, size)) => view! {
            <svg class="app-qr" role="img" aria-label=label viewBox=format!("0 0 {size} {size}")
                shape-rendering="crispEdges" data-testid="qr-code" data-link=text>
                <rect width="100%" height="100%" fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
        .into_any(),
        None => view! {
            <p>{too_long}</p>
        }
        .into_any(),
    }
}
