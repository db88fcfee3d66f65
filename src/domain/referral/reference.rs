//! A referral's short reference, easy to read aloud over the phone: no 0/O,
//! 1/I/L, 2/Z, 5/S or 8/B to confuse, in two groups of four, the last
//! character a check that catches one misread character or a swapped pair.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

const ALPHABET: &[u8; 25] = b"ACDEFGHJKMNPQRTUVWXY34679";
// Weights with no factor in common with 25, and neighbours one apart.
const WEIGHTS: [usize; 7] = [1, 2, 3, 4, 6, 7, 8];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reference([u8; 8]);

impl Reference {
    /// A reference from a random number (any u64 gives a valid reference).
    pub fn from_random(mut n: u64) -> Self {
        let mut chars = [0u8; 8];
        for c in chars.iter_mut().take(7) {
            *c = ALPHABET[(n % 25) as usize];
            n /= 25;
        }
        chars[7] = check_char(&chars[..7]);
        Reference(chars)
    }

    /// Reads a reference as a person might type it: any case, with or
    /// without the dash or spaces. `None` when it is not a real reference.
    pub fn parse(text: &str) -> Option<Self> {
        let chars: Vec<u8> = text
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'-'))
            .map(|b| b.to_ascii_uppercase())
            .collect();
        let chars: [u8; 8] = chars.try_into().ok()?;
        if !chars.iter().all(|c| ALPHABET.contains(c)) || check_char(&chars[..7]) != chars[7] {
            return None;
        }
        Some(Reference(chars))
    }
}

fn check_char(chars: &[u8]) -> u8 {
    let sum: usize = chars
        .iter()
        .zip(WEIGHTS)
        .map(|(c, w)| ALPHABET.iter().position(|a| a == c).unwrap_or(0) * w)
        .sum();
    ALPHABET[sum % 25]
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = std::str::from_utf8(&self.0).map_err(|_| fmt::Error)?;
        write!(f, "{}-{}", &text[..4], &text[4..])
    }
}

impl Serialize for Reference {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Reference::parse(&text).ok_or_else(|| serde::de::Error::custom("not a referral reference"))
    }
}
