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
    // Each part as it is stored inside the clinic (appointments and log
    // lines as rows), not as the records would be written on their own.
    let stored = serde_json::to_value(&sample.clinic).unwrap_or_default();
    let part = |name: &str, key: &str| {
        let bytes = stored[key].to_string().len();
        println!("  of which {name}: {:.1} KB", bytes as f64 / 1024.0);
    };
    part("appointments", "bookings");
    part("people with their logs", "people");
    part("rota", "rota");
}
