//! The links that carry a self-referral to the clinic and a plan to another
//! phone: the fragment (framing, base64, checksum), the deflated data as the
//! browser would inflate it, and the JSON inside, each spoiled on its own
//! (a spoiled JSON is sealed again, so it gets past the checksum).

use super::{fuzz, text};
use crate::domain::fragment::Packed;
use crate::domain::plan::share::{self, LARGEST_PLAN};
use crate::domain::referral::handover::{self, LARGEST_REFERRAL};
use crate::domain::sample::{generate, long_referral, Size};
use chrono::NaiveDate;

fn referrals() -> Vec<Vec<u8>> {
    let sent = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    vec![handover::referral_bytes(&long_referral(sent))]
}

fn plans() -> Vec<Vec<u8>> {
    let size = Size {
        people: 1,
        appointments: 0,
        log_entries: 0,
        services: 0,
        plans: 3,
    };
    generate(24, size)
        .plans
        .plans
        .iter()
        .map(share::plan_bytes)
        .collect()
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

/// What the import page does with a fragment, the browser's inflating
/// done here by a reader of the same format.
fn scanned_referral(fragment: &str) -> bool {
    match handover::open(fragment) {
        Ok(Packed::Plain(json)) => handover::read(&json).is_ok(),
        Ok(Packed::Deflated(data)) => {
            miniz_oxide::inflate::decompress_to_vec_with_limit(&data, LARGEST_REFERRAL)
                .is_ok_and(|json| handover::read(&json).is_ok())
        }
        Err(_) => false,
    }
}

fn scanned_plan(fragment: &str) -> bool {
    match share::open(fragment) {
        Ok(Packed::Plain(json)) => share::read(&json).is_ok(),
        Ok(Packed::Deflated(data)) => {
            miniz_oxide::inflate::decompress_to_vec_with_limit(&data, LARGEST_PLAN)
                .is_ok_and(|json| share::read(&json).is_ok())
        }
        Err(_) => false,
    }
}

#[test]
fn a_referral_link_spoiled_or_made_up_never_panics_and_is_refused_with_a_reason() {
    let jsons = referrals();
    let fragments: Vec<Vec<u8>> = jsons
        .iter()
        .flat_map(|j| {
            [
                handover::seal(&Packed::Plain(j.clone())),
                handover::seal(&Packed::Deflated(deflate(j))),
            ]
        })
        .map(String::into_bytes)
        .collect();
    fuzz("referral link", 1, &fragments, |input| {
        scanned_referral(&text(input))
    });
    fuzz("referral JSON, sealed again", 2, &jsons, |input| {
        scanned_referral(&handover::seal(&Packed::Plain(input.to_vec())))
    });
    let deflated: Vec<Vec<u8>> = jsons.iter().map(|j| deflate(j)).collect();
    fuzz(
        "referral deflated data, sealed again",
        3,
        &deflated,
        |input| scanned_referral(&handover::seal(&Packed::Deflated(input.to_vec()))),
    );
}

#[test]
fn a_plan_link_spoiled_or_made_up_never_panics_and_is_refused_with_a_reason() {
    let jsons = plans();
    let fragments: Vec<Vec<u8>> = jsons
        .iter()
        .flat_map(|j| {
            [
                share::seal(&Packed::Plain(j.clone())),
                share::seal(&Packed::Deflated(deflate(j))),
            ]
        })
        .map(String::into_bytes)
        .collect();
    fuzz("plan link", 4, &fragments, |input| {
        scanned_plan(&text(input))
    });
    fuzz("plan JSON, sealed again", 5, &jsons, |input| {
        scanned_plan(&share::seal(&Packed::Plain(input.to_vec())))
    });
    let deflated: Vec<Vec<u8>> = jsons.iter().map(|j| deflate(j)).collect();
    fuzz("plan deflated data, sealed again", 6, &deflated, |input| {
        scanned_plan(&share::seal(&Packed::Deflated(input.to_vec())))
    });
}
