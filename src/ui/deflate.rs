//! Deflating and inflating with the browser's own `CompressionStream` and
//! `DecompressionStream` (raw DEFLATE), for links that carry a document.
//! Nothing leaves the device, and no code for it is downloaded.

use js_sys::{Array, Function, Reflect, Uint8Array};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, WritableStream};

/// Why a link's data could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// This browser has no `DecompressionStream`.
    Unsupported,
    /// It inflates to more than it may: inflating was stopped there.
    TooLarge,
    /// It is not deflated data.
    Damaged,
}

/// Raw deflate inflates at most about 1,000 times: fed this much at a time,
/// the browser makes at most about 500 KB before the reading below can stop it.
const FED_AT_A_TIME: usize = 512;

/// `bytes` deflated, or `None` where the browser cannot deflate.
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    run("CompressionStream", bytes, usize::MAX).await.ok()
}

/// `bytes` inflated, stopping as soon as there is more than `largest` bytes.
pub async fn inflate(bytes: &[u8], largest: usize) -> Result<Vec<u8>, InflateError> {
    run("DecompressionStream", bytes, largest).await
}

fn field<T: JsCast>(object: &JsValue, name: &str) -> Option<T> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// Puts `bytes` through a `class` stream a little at a time, reading what
/// comes out until it ends or passes `largest`.
async fn run(class: &str, bytes: &[u8], largest: usize) -> Result<Vec<u8>, InflateError> {
    let stream = field::<Function>(&window(), class)
        .and_then(|c| Reflect::construct(&c, &Array::of1(&JsValue::from_str("deflate-raw"))).ok())
        .ok_or(InflateError::Unsupported)?;
    let writable: WritableStream = field(&stream, "writable").ok_or(InflateError::Unsupported)?;
    let readable: ReadableStream = field(&stream, "readable").ok_or(InflateError::Unsupported)?;
    let writer = writable
        .get_writer()
        .map_err(|_| InflateError::Unsupported)?;
    let slices: Vec<Uint8Array> = bytes.chunks(FED_AT_A_TIME).map(Uint8Array::from).collect();
    // Each write waits for the reading below to take what the last one
    // made; a write refused (the reading stopped) ends the feeding.
    leptos::task::spawn_local(async move {
        for slice in slices {
            if JsFuture::from(writer.write_with_chunk(&slice))
                .await
                .is_err()
            {
                return;
            }
        }
        let _ = JsFuture::from(writer.close()).await;
    });
    let reader: ReadableStreamDefaultReader = readable.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let read = JsFuture::from(reader.read())
            .await
            .map_err(|_| InflateError::Damaged)?;
        if field::<js_sys::Boolean>(&read, "done").is_none_or(|done| done.value_of()) {
            return Ok(out);
        }
        let chunk: Uint8Array = field(&read, "value").ok_or(InflateError::Damaged)?;
        if out.len() + chunk.length() as usize > largest {
            let _ = reader.cancel();
            return Err(InflateError::TooLarge);
        }
        out.extend(chunk.to_vec());
    }
}
