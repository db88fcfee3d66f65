//! The browser's WebCrypto, called from Rust: a key derived from a passphrase
//! (PBKDF2-SHA256), sealing and opening with AES-GCM, and random bytes.

use crate::store::backend::SaveError;
use crate::store::sealed::SealedBytes;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

pub(super) fn subtle() -> Result<web_sys::SubtleCrypto, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    Ok(window.crypto()?.subtle())
}

pub(super) fn random(n: usize) -> Result<Vec<u8>, SaveError> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or(SaveError::Unavailable)?;
    Ok(bytes)
}

/// A plain JavaScript object from name and value pairs.
pub(super) fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (name, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

pub(super) fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect::<js_sys::Array>()
        .into()
}

pub(super) async fn bytes_of(promise: js_sys::Promise) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(promise).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// 256 bits from the passphrase, by PBKDF2-SHA256.
pub(super) async fn derive(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<Vec<u8>, JsValue> {
    let subtle = subtle()?;
    let secret = js_sys::Uint8Array::from(passphrase.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &usages(&["deriveBits"]),
    )?)
    .await?
    .dyn_into::<CryptoKey>()?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", js_sys::Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ]);
    bytes_of(subtle.derive_bits_with_object(&params, &base, 256)?).await
}

pub(super) async fn aes_key(raw: &[u8]) -> Result<CryptoKey, JsValue> {
    let bytes = js_sys::Uint8Array::from(raw);
    JsFuture::from(subtle()?.import_key_with_str(
        "raw",
        &bytes,
        "AES-GCM",
        false,
        &usages(&["encrypt", "decrypt"]),
    )?)
    .await?
    .dyn_into::<CryptoKey>()
}

pub(super) async fn encrypt(key: &CryptoKey, plain: &[u8]) -> Result<SealedBytes, JsValue> {
    let iv = random(12).map_err(|_| JsValue::NULL)?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", js_sys::Uint8Array::from(&iv[..]).into()),
    ]);
    let data = bytes_of(subtle()?.encrypt_with_object_and_u8_array(&params, key, plain)?).await?;
    Ok(SealedBytes::new(&iv, &data))
}

pub(super) async fn decrypt(key: &CryptoKey, sealed: &SealedBytes) -> Result<Vec<u8>, JsValue> {
    let (iv, data) = sealed.bytes().ok_or(JsValue::NULL)?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", js_sys::Uint8Array::from(&iv[..]).into()),
    ]);
    bytes_of(subtle()?.decrypt_with_object_and_u8_array(&params, key, &data)?).await
}
