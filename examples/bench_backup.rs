//! Writes the seeded sample as a backup file the app can restore, for the
//! benchmark (`make bench`): `cargo run --release --example bench_backup --
//! <percent of the five-year sample> <file>`.

use social_prescribing::domain::sample::{generate, Size, FIVE_YEARS};
use social_prescribing::store::documents::KNOWN;
use social_prescribing::store::envelope::encode;
use social_prescribing::store::{backup, document_key, Backend, MemoryBackend, SaveError, Store};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(percent), Some(file)) = (
        args.get(1).and_then(|p| p.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: bench_backup <percent of five years> <file>");
        std::process::exit(2);
    };
    let part = |n: usize| n * percent / 100;
    let size = Size {
        people: part(FIVE_YEARS.people),
        appointments: part(FIVE_YEARS.appointments),
        log_entries: part(FIVE_YEARS.log_entries),
        services: FIVE_YEARS.services,
        plans: part(FIVE_YEARS.plans),
    };
    let sample = generate(42, size);
    let now = "2026-11-22T09:00:00Z";
    let store = Store::new(MemoryBackend::default());
    // The clinic as the app stores it: its head, each year and its log.
    let clinic = store.save(&sample.clinic, 0, now);
    let device = store.backend();
    let written = [
        clinic.map(|_| ()).map_err(|_| SaveError::Full),
        device.write(
            &document_key("directory"),
            &encode(&sample.directory, 1, now),
        ),
        device.write(&document_key("plans"), &encode(&sample.plans, 1, now)),
    ];
    let made = written
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .and_then(|_| backup::make(device, KNOWN, now, "bench"));
    match made.map(|text| std::fs::write(file, text)) {
        Ok(Ok(())) => println!(
            "{file}: {} people, {} appointments, {} services, {} plans",
            sample.clinic.people.len(),
            sample.clinic.bookings.len(),
            sample.directory.services.len(),
            sample.plans.plans.len()
        ),
        _ => {
            eprintln!("the backup could not be written to {file}");
            std::process::exit(1);
        }
    }
}
