//! Prints how long the share link of the sample's plans is, against what a
//! QR code a phone camera reads easily from another screen can hold.

use social_prescribing::domain::plan::share;
use social_prescribing::domain::sample::{generate, FIVE_YEARS};

fn main() {
    let sample = generate(42, FIVE_YEARS);
    if std::env::args().any(|a| a == "--first") {
        println!(
            "{}",
            share::link("https://surgery.example/support/", &sample.plans.plans[0])
        );
        return;
    }
    let mut lengths: Vec<usize> = sample
        .plans
        .plans
        .iter()
        .map(|p| share::link("https://surgery.example/support/", p).len())
        .collect();
    lengths.sort_unstable();
    println!(
        "Share links of {} sample plans: shortest {}, median {}, longest {} characters",
        lengths.len(),
        lengths[0],
        lengths[lengths.len() / 2],
        lengths[lengths.len() - 1]
    );
}
