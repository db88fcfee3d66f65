//! Volunteers' photos (`domain::clinic::faces`): made small on the device
//! from a chosen file, and shown within the page's Content-Security-Policy.

use crate::domain::clinic::faces::{
    check_chosen_photo, is_kept_photo, middle_square, Face, PhotoProblem, PHOTO_SIDE,
};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A photo as an `<img>`. The photo is kept as a `data:` address, which the
/// policy does not allow an image to load (so markup put into a page some
/// other way cannot show one); it is shown from a `blob:` address the page
/// makes itself, which the policy allows, and lets go of when it goes.
#[component]
pub fn Photo(photo: String, #[prop(into)] alt: String) -> impl IntoView {
    let src = blob_address(&photo);
    if let Some(src) = src.clone() {
        on_cleanup(move || {
            let _ = web_sys::Url::revoke_object_url(&src);
        });
    }
    src.map(|src| view! { <img class="app-photo" src=src alt=alt width="240" height="240" /> })
}

/// The volunteers' faces as cards: the photo (or the first letter of their
/// name), the first name and their line. The name says who is in the photo.
#[component]
pub fn Faces(faces: Vec<Face>) -> impl IntoView {
    let card = |face: Face| {
        let picture = match face.photo {
            Some(photo) => view! { <Photo photo alt="" /> }.into_any(),
            None => {
                let initial: String = face.name.chars().take(1).collect();
                view! { <span class="app-face__initial" aria-hidden="true">{initial}</span> }
                    .into_any()
            }
        };
        view! {
            <li class="app-face">
                {picture}
                <p class="app-face__name">{face.name}</p>
                {(!face.about.is_empty()).then(|| view! { <p class="app-face__about">{face.about}</p> })}
            </li>
        }
    };
    view! { <ul class="app-faces" data-testid="faces">{faces.into_iter().map(card).collect_view()}</ul> }
}

/// A kept photo's `blob:` address (see [`Photo`]); never revoked, for a page
/// that shows a few photos once.
pub fn blob_address(photo: &str) -> Option<String> {
    let (head, body) = photo.split_once(',')?;
    let mime = head.strip_prefix("data:")?.strip_suffix(";base64")?;
    let bytes: Vec<u8> = window().atob(body).ok()?.chars().map(|c| c as u8).collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// The chosen file as a small square JPEG, the middle of the picture
/// [`PHOTO_SIDE`] pixels across, as a `data:` address; or why it cannot be.
/// Nothing leaves the device: the browser opens and draws it here.
pub async fn small_photo(file: web_sys::File) -> Result<String, PhotoProblem> {
    check_chosen_photo(&file.type_(), file.size())?;
    let opened = window()
        .create_image_bitmap_with_blob(&file)
        .map_err(|_| PhotoProblem::CannotOpen)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(opened)
        .await
        .ok()
        .and_then(|b| b.dyn_into().ok())
        .ok_or(PhotoProblem::CannotOpen)?;
    let photo = draw_small(&bitmap);
    bitmap.close();
    photo.ok_or(PhotoProblem::CannotOpen)
}

fn draw_small(bitmap: &web_sys::ImageBitmap) -> Option<String> {
    let (left, top, side) = middle_square(bitmap.width(), bitmap.height());
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(PHOTO_SIDE);
    canvas.set_height(PHOTO_SIDE);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let out = f64::from(PHOTO_SIDE);
    // A see-through picture (a PNG) goes on white, as JPEG has no see-through.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, out, out);
    let (left, top, side) = (f64::from(left), f64::from(top), f64::from(side));
    context
        .draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            bitmap, left, top, side, side, 0.0, 0.0, out, out,
        )
        .ok()?;
    [0.8, 0.6, 0.4].into_iter().find_map(|quality| {
        canvas
            .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(quality))
            .ok()
            .filter(|photo| is_kept_photo(photo))
    })
}
