//! Every decoder of something another person hands the app (a link, a
//! backup file, a council's directory file, `config.json`, what is stored
//! in the browser) tried with thousands of random and spoiled inputs: none
//! may panic (a panic stops the app), and each says why it refused.
//! Seeded, so a failure is found again; counted and timed, so it stays fast.

mod files;
mod limits;
mod links;
mod stored;
mod text;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// How many inputs each decoder is tried with in every test run: 16
/// decoders and spoilings, 32,000 inputs in all, about 20 s of one core
/// on a shared 2-core machine. `FUZZ_INPUTS=50000 cargo test --lib fuzz`
/// tries more (the same first inputs, then others).
pub const INPUTS: usize = 2_000;

fn inputs() -> usize {
    std::env::var("FUZZ_INPUTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(INPUTS)
}

/// A small, fast, seeded source of randomness (xorshift64): the same seed
/// gives the same inputs on every machine.
pub struct Xorshift(u64);

impl Xorshift {
    pub fn new(seed: u64) -> Self {
        Xorshift(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number from 0 to `n - 1` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that tend to reach the corners of a JSON or link reader.
const TOKENS: [&str; 22] = [
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "-1",
    "0",
    "1e999",
    "18446744073709551616",
    "\\u0000",
    "\\ud800",
    "\u{202e}",
    "<script>",
    "=",
    ".",
    "&",
    "\"kind\"",
    "\"data\"",
];

/// Random bytes: half of them any byte, half of them made of the pieces above.
pub fn random_input(rng: &mut Xorshift) -> Vec<u8> {
    let len = rng.below(400);
    if rng.below(2) == 0 {
        (0..len).map(|_| rng.next() as u8).collect()
    } else {
        let mut out = Vec::new();
        while out.len() < len {
            out.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes());
        }
        out
    }
}

/// `valid` spoiled in one to four ways: a bit flipped, cut short, a piece
/// repeated, a piece of `other` spliced in, a piece taken out, a token put in.
pub fn mutate(rng: &mut Xorshift, valid: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = valid.to_vec();
    for _ in 0..=rng.below(4) {
        let len = out.len().max(1);
        let at = rng.below(len);
        match rng.below(6) {
            0 => {
                if let Some(byte) = out.get_mut(at) {
                    *byte ^= 1 << rng.below(8);
                }
            }
            1 => out.truncate(at),
            2 => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                let piece = out.get(at..end).unwrap_or_default().to_vec();
                out.splice(at..at, piece);
            }
            3 => {
                let from = rng.below(other.len().max(1));
                let end = (from + 1 + rng.below(128)).min(other.len());
                let piece = other.get(from..end).unwrap_or_default().to_vec();
                out.splice(at.min(out.len())..at.min(out.len()), piece);
            }
            4 => {
                let end = (at + 1 + rng.below(32)).min(out.len());
                if at < end {
                    out.drain(at..end);
                }
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at.min(out.len())..at.min(out.len()), token.iter().copied());
            }
        }
    }
    out
}

/// What a decoder made of its inputs.
#[derive(Debug, Default)]
pub struct Tally {
    pub tried: usize,
    pub refused: usize,
    /// Spoiled inputs that were still whole enough to read (a flipped bit
    /// inside a name, a space taken out): read as they are, never a panic.
    pub read: usize,
}

/// Tries `decode` with [`INPUTS`] (or `FUZZ_INPUTS`) inputs from `seed`: random ones (each must
/// be refused) and spoiled copies of the `valid` ones. `decode` says
/// whether it read the input; any panic fails the test, naming the input.
pub fn fuzz(
    name: &str,
    seed: u64,
    valid: &[Vec<u8>],
    mut decode: impl FnMut(&[u8]) -> bool,
) -> Tally {
    assert!(!valid.is_empty());
    for input in valid {
        assert!(decode(input), "{name}: a valid input must be read");
    }
    let started = Instant::now();
    let mut rng = Xorshift::new(seed);
    let mut tally = Tally::default();
    for n in 0..inputs() {
        let random = n % 4 == 0;
        let input = if random {
            random_input(&mut rng)
        } else {
            let one = &valid[rng.below(valid.len())];
            let other = &valid[rng.below(valid.len())];
            mutate(&mut rng, one, other)
        };
        let read = catch_unwind(AssertUnwindSafe(|| decode(&input))).unwrap_or_else(|_| {
            panic!(
                "{name}: input {n} of seed {seed} panicked: {:?}",
                String::from_utf8_lossy(&input)
            )
        });
        assert!(
            !(random && read),
            "{name}: random input {n} was read: {:?}",
            String::from_utf8_lossy(&input)
        );
        tally.tried += 1;
        if read {
            tally.read += 1;
        } else {
            tally.refused += 1;
        }
    }
    eprintln!(
        "fuzz {name} (valid input {} bytes): {} inputs, {} refused, {} read, {} ms",
        valid.iter().map(Vec::len).max().unwrap_or(0),
        tally.tried,
        tally.refused,
        tally.read,
        started.elapsed().as_millis()
    );
    tally
}

/// Bytes as the text a browser hands over (a file's or a link's text).
pub fn text(input: &[u8]) -> String {
    String::from_utf8_lossy(input).into_owned()
}

#[test]
fn the_same_seed_gives_the_same_inputs_and_spoiling_changes_them() {
    let (mut a, mut b) = (Xorshift::new(9), Xorshift::new(9));
    assert_eq!(random_input(&mut a), random_input(&mut b));
    let valid = br#"{"kind":"plan","data":[1,2,3]}"#;
    let changed = (0..100)
        .filter(|_| mutate(&mut a, valid, valid) != valid)
        .count();
    assert!(changed > 90, "{changed} of 100 spoiled copies differ");
}
