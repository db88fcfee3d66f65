//! Prints how the app counts each message given on standard input (a JSON
//! array of strings), as a JSON array of `[encoding, units, parts]`, so a
//! test can compare the counter with an independent one.

use social_prescribing::domain::reminders::sms::{count, Encoding};
use std::io::Read;

fn main() {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        eprintln!("could not read standard input");
        std::process::exit(2);
    }
    let texts: Vec<String> = match serde_json::from_str(&input) {
        Ok(texts) => texts,
        Err(error) => {
            eprintln!("standard input is not a JSON array of strings: {error}");
            std::process::exit(2);
        }
    };
    let counts: Vec<(&str, usize, usize)> = texts
        .iter()
        .map(|text| {
            let c = count(text);
            let encoding = match c.encoding {
                Encoding::Gsm7 => "GSM-7",
                Encoding::Ucs2 => "UCS-2",
            };
            (encoding, c.units, c.parts)
        })
        .collect();
    println!("{}", serde_json::to_string(&counts).unwrap_or_default());
}
