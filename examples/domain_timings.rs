//! Times the clinic's rules on the five-year sample, natively, to find the
//! ones that will not stay under 100 ms on a phone (wasm is slower, and
//! phone-class CPUs are emulated 4 times slower than this machine).

use chrono::NaiveDate;
use social_prescribing::domain::clinic::parts::Held;
use social_prescribing::domain::clinic::slots::Kind;
use social_prescribing::domain::clinic::Clinic;
use social_prescribing::domain::directory::{search, Search};
use social_prescribing::domain::reports::{report, Period};
use social_prescribing::domain::sample::{generate, FIVE_YEARS};
use social_prescribing::store::json::to_json;
use social_prescribing::store::{Document, Loaded, MemoryBackend, Store};
use std::time::Instant;

/// The median of `runs` timings of `work`, in milliseconds.
fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[runs / 2]
}

fn main() {
    let sample = generate(42, FIVE_YEARS);
    let clinic_json = serde_json::to_string(&sample.clinic).unwrap_or_default();
    let last_day = NaiveDate::from_ymd_opt(2026, 12, 29).unwrap_or_default();
    let year = Period {
        from: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default(),
        to: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
    };
    let person = sample.clinic.people[1_200].clone();
    // The clinic as the app stores it: a head, a part a year, and the logs.
    let store = Store::new(MemoryBackend::default());
    let _ = store.save(&sample.clinic, 0, "2026-11-22T09:00:00Z");
    let in_2024 = |clinic: &mut Clinic| clinic.held = Held::Year("2024".to_string());
    let Loaded::Ready {
        value: mut read, ..
    } = store.load::<Clinic>("")
    else {
        return;
    };
    let rows = [
        (
            "read the clinic's head and one year, as the day view does",
            time(5, || match store.load_narrowed::<Clinic>("", in_2024) {
                Loaded::Ready { value, .. } => value.bookings.len(),
                _ => 0,
            }),
        ),
        (
            "read the whole clinic from its parts",
            time(5, || match store.load::<Clinic>("") {
                Loaded::Ready { value, .. } => value.bookings.len(),
                _ => 0,
            }),
        ),
        (
            "write the whole clinic as its parts",
            time(5, || {
                let revision = store.current_revision::<Clinic>().unwrap_or(0);
                sample.clinic.forget_stored();
                store.save(&sample.clinic, revision, "2026-11-22T09:00:00Z")
            }),
        ),
        (
            "write one appointment's change: the head and its year",
            time(5, || {
                let revision = store.current_revision::<Clinic>().unwrap_or(0);
                if let Some(booking) = read.bookings.last_mut() {
                    booking.reminder_sent = !booking.reminder_sent;
                }
                store.save(&read, revision, "2026-11-22T09:00:00Z")
            }),
        ),
        (
            "read the clinic as one document (JSON)",
            time(5, || {
                serde_json::from_str::<Clinic>(&clinic_json).map(|c| c.people.len())
            }),
        ),
        (
            "write the clinic as one document (JSON)",
            time(5, || to_json(&sample.clinic).map(|s| s.len())),
        ),
        (
            "the same with serde_json's own writer",
            time(5, || serde_json::to_string(&sample.clinic).map(|s| s.len())),
        ),
        (
            "one day's clinic list",
            time(21, || sample.clinic.day(last_day).len()),
        ),
        (
            "next free time for a person",
            time(21, || {
                sample
                    .clinic
                    .next_fitting(&person, Kind::FollowUp, last_day, 4)
                    .is_some()
            }),
        ),
        (
            "caseload at a glance",
            time(5, || sample.clinic.caseload(last_day).waiting),
        ),
        (
            "report for a year",
            time(5, || report(&sample.clinic, year).lines.len()),
        ),
        (
            "directory search",
            time(21, || {
                search(
                    &sample.directory.services,
                    &Search {
                        words: "walking tea".into(),
                        ..Search::default()
                    },
                )
                .len()
            }),
        ),
    ];
    println!("Native timings on the five-year sample (median, ms):");
    for (what, ms) in rows {
        println!("{ms:>9.2}  {what}");
    }
}
