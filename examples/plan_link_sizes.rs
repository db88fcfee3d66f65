//! Prints how long the share links of the sample's plans and of a long
//! self-referral are, and which QR code version each makes, before and after
//! deflating (as the browser's CompressionStream does). A phone camera reads
//! a code of version 25 or below easily from another phone's screen.
//!
//! `cargo run --example plan_link_sizes` (`--first` prints the first plan's link).

use social_prescribing::domain::fragment::Packed;
use social_prescribing::domain::plan::share;
use social_prescribing::domain::qr;
use social_prescribing::domain::referral::handover;
use social_prescribing::domain::sample::{generate, long_referral, FIVE_YEARS};

const APP: &str = "https://surgery.example/support/";

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

/// A link's length and its QR code's version.
fn measured(link: &str) -> String {
    match qr::version(link) {
        Some(v) => format!("{} characters, QR version {v}", link.len()),
        None => format!("{} characters, too long for a QR code", link.len()),
    }
}

fn main() {
    let sample = generate(42, FIVE_YEARS);
    let plans = &sample.plans.plans;
    let deflated = |p| {
        share::link(
            APP,
            &share::seal(&Packed::Deflated(deflate(&share::plan_bytes(p)))),
        )
    };
    let plain = |p| share::link(APP, &share::encode_plain(p));
    if std::env::args().any(|a| a == "--first") {
        println!("{}", deflated(&plans[0]));
        return;
    }
    let mut by_length: Vec<_> = plans.iter().collect();
    by_length.sort_by_key(|p| (share::plan_bytes(p).len(), deflated(p).len()));
    let median = by_length[by_length.len() / 2];
    let largest = by_length[by_length.len() - 1];
    println!(
        "{} sample plans, error correction {:?}:",
        plans.len(),
        qr::ERROR_CORRECTION
    );
    for (name, plan) in [("median", median), ("largest", largest)] {
        println!("  {name} plan ({}):", plan.id);
        println!("    as it is (version 1): {}", measured(&plain(plan)));
        println!("    deflated (version 2): {}", measured(&deflated(plan)));
    }
    let referral = long_referral(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default());
    println!("A long self-referral:");
    println!(
        "    as it is (version 1): {}",
        measured(&handover::import_link(APP, &referral))
    );
    let deflated = handover::seal(&Packed::Deflated(deflate(&handover::referral_bytes(
        &referral,
    ))));
    println!(
        "    deflated (version 2): {}",
        measured(&handover::link(APP, &deflated))
    );
}
