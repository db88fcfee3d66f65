//! Prints how much storage the five-year sample takes as the app stores it
//! (JSON), document by document, for the README and the benchmark.

use social_prescribing::domain::sample::{generate, FIVE_YEARS};

fn main() {
    let sample = generate(42, FIVE_YEARS);
    let sizes = [
        (
            "clinic",
            serde_json::to_string(&sample.clinic).map(|s| s.len()),
        ),
        (
            "directory",
            serde_json::to_string(&sample.directory).map(|s| s.len()),
        ),
        (
            "plans",
            serde_json::to_string(&sample.plans).map(|s| s.len()),
        ),
    ];
    let mut total = 0;
    for (kind, size) in sizes {
        match size {
            Ok(bytes) => {
                total += bytes;
                println!("{kind:>10}: {:>8.1} KB", bytes as f64 / 1024.0);
            }
            Err(error) => {
                eprintln!("{kind} could not be written: {error}");
                std::process::exit(1);
            }
        }
    }
    println!("{:>10}: {:>8.1} KB", "total", total as f64 / 1024.0);
    let part =
        |name: &str, bytes: usize| println!("  of which {name}: {:.1} KB", bytes as f64 / 1024.0);
    part(
        "appointments",
        serde_json::to_string(&sample.clinic.bookings).map_or(0, |s| s.len()),
    );
    part(
        "people with their logs",
        serde_json::to_string(&sample.clinic.people).map_or(0, |s| s.len()),
    );
    part(
        "rota",
        serde_json::to_string(&sample.clinic.rota).map_or(0, |s| s.len()),
    );
}
