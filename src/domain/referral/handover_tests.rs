//! A referral's code as the clinic's device meets it: deflated (version 2)
//! as the browser's CompressionStream makes it, version 1 codes still
//! opening, and every code that cannot be used refused with a reason.

use super::handover::{self, HandoverError, LARGEST_REFERRAL};
use super::tests::complete_answers;
use super::{Reference, Referral};
use crate::domain::fragment::{self, Packed};
use crate::domain::qr::{version, MOST_READABLE_VERSION};
use crate::domain::sample::long_referral;
use chrono::NaiveDate;

const APP: &str = "https://surgery.example/support/";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

/// The fragment the confirmation page makes for `referral`.
fn deflated(referral: &Referral) -> String {
    handover::seal(&Packed::Deflated(deflate(&handover::referral_bytes(
        referral,
    ))))
}

/// What the clinic's import page does with a fragment, the browser's
/// inflating done here by the same format's reader.
fn scanned(fragment: &str) -> Result<Referral, HandoverError> {
    match handover::open(fragment)? {
        Packed::Plain(json) => handover::read(&json),
        Packed::Deflated(data) => {
            let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&data, LARGEST_REFERRAL)
                .map_err(|e| match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => HandoverError::TooLong,
                    _ => HandoverError::Damaged,
                })?;
            handover::read(&json)
        }
    }
}

fn referral() -> Referral {
    Referral {
        reference: Reference::from_random(42),
        sent_on: today(),
        answers: complete_answers(),
    }
}

#[test]
fn a_deflated_code_brings_the_whole_referral_to_the_clinic() {
    for referral in [referral(), long_referral(today())] {
        let link = handover::link(APP, &deflated(&referral));
        let (page, fragment) = link.split_once('#').unwrap();
        assert_eq!(page, "https://surgery.example/support/clinic/import/");
        assert!(fragment.starts_with("r=2."));
        assert_eq!(scanned(fragment), Ok(referral.clone()));
        assert_eq!(scanned(&format!("#{fragment}")), Ok(referral));
    }
}

#[test]
fn a_long_referral_makes_a_code_a_phone_camera_can_read_once_deflated() {
    let referral = long_referral(today());
    let plain = handover::import_link(APP, &referral);
    let deflated = handover::link(APP, &deflated(&referral));
    // Version 30 as it is, 23 deflated when measured (`cargo run --example plan_link_sizes`).
    assert!(version(&plain).unwrap() > MOST_READABLE_VERSION);
    let deflated_version = version(&deflated).unwrap();
    assert!(
        deflated_version <= MOST_READABLE_VERSION,
        "{deflated_version}"
    );
}

#[test]
fn a_code_made_before_codes_were_deflated_still_opens() {
    let old = handover::encode(&referral());
    assert!(old.starts_with("r=1."));
    assert_eq!(scanned(&old), Ok(referral()));
    // The clinic's own link to a kept referral is read without inflating.
    assert_eq!(handover::decode(&old), Ok(referral()));
}

#[test]
fn a_code_cut_short_or_changed_is_refused_whole() {
    let fragment = deflated(&long_referral(today()));
    assert_eq!(scanned(""), Err(HandoverError::NoReferral));
    assert_eq!(
        scanned("#p=2.AAAA.00000000"),
        Err(HandoverError::NoReferral)
    );
    for cut in [1, 9, 20, fragment.len() / 2] {
        assert_eq!(
            scanned(&fragment[..fragment.len() - cut]),
            Err(HandoverError::Damaged),
            "{cut}"
        );
    }
    let mut altered: Vec<char> = fragment.chars().collect();
    let i = altered.len() / 2;
    altered[i] = if altered[i] == 'A' { 'B' } else { 'A' };
    let altered: String = altered.into_iter().collect();
    assert_eq!(scanned(&altered), Err(HandoverError::Damaged));
    // Sound framing around data that is not deflate, or not a referral.
    let not_deflate = handover::seal(&Packed::Deflated(vec![0xff; 40]));
    assert_eq!(scanned(&not_deflate), Err(HandoverError::Damaged));
    let not_a_referral = handover::seal(&Packed::Deflated(deflate(b"{\"id\":\"plan-1\"}")));
    assert_eq!(scanned(&not_a_referral), Err(HandoverError::Damaged));
    // A deflated code is never read as if it were plain.
    assert_eq!(
        handover::decode(&fragment),
        Err(HandoverError::CannotOpenHere)
    );
}

#[test]
fn a_code_from_a_newer_app_says_so() {
    let fragment = deflated(&referral());
    let newer = fragment.replacen("r=2.", "r=3.", 1);
    assert_eq!(scanned(&newer), Err(HandoverError::Newer));
}

#[test]
fn a_code_far_too_long_for_a_referral_is_refused_unread() {
    // 10 MB of spaces deflates to about 10 KB: inflating stops at the limit.
    let bomb = handover::seal(&Packed::Deflated(deflate(&vec![b' '; 10_000_000])));
    assert!(bomb.len() < 20_000, "{}", bomb.len());
    assert_eq!(scanned(&bomb), Err(HandoverError::TooLong));
    assert_eq!(
        handover::read(&vec![b' '; LARGEST_REFERRAL + 1]),
        Err(HandoverError::TooLong)
    );
    let long_link = fragment::seal("r", 1, &vec![b' '; 30_000]);
    assert_eq!(scanned(&long_link), Err(HandoverError::TooLong));
    for error in [
        HandoverError::NoReferral,
        HandoverError::Newer,
        HandoverError::Damaged,
        HandoverError::TooLong,
        HandoverError::CannotOpenHere,
    ] {
        assert!(error.message().ends_with('.'));
    }
}
