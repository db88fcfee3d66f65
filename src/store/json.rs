//! JSON text for storage, written quickly. serde_json writes a document a
//! token at a time, most tokens a byte or two; a `Vec`'s own writer, built for
//! size as the app is, copies each through a general routine it does not
//! inline. Pushing the single bytes instead writes a five-year clinic in about
//! 6.5 ms rather than 8.6 (natively, `examples/domain_timings.rs`), and every
//! save of the clinic writes all of it.

use serde::Serialize;
use std::io;

/// The bytes written so far.
struct Written(Vec<u8>);

impl io::Write for Written {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match bytes {
            [byte] => self.0.push(*byte),
            _ => self.0.extend_from_slice(bytes),
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What `write` writes, as text, or `None` if it could not write it.
fn text_of(write: impl FnOnce(&mut Written) -> serde_json::Result<()>) -> Option<String> {
    let mut written = Written(Vec::new());
    write(&mut written).ok()?;
    String::from_utf8(written.0).ok()
}

/// `value` as compact JSON, or `None` if it cannot be written (plain data
/// types always can).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    text_of(|written| serde_json::to_writer(written, value))
}

/// `value` as JSON laid out for reading (a backup file), or `None` as [`to_json`].
pub fn to_pretty_json<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    text_of(|written| serde_json::to_writer_pretty(written, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::{generate, Size};

    #[test]
    fn a_clinic_is_written_exactly_as_serde_json_writes_it() {
        let size = Size {
            people: 40,
            appointments: 300,
            log_entries: 200,
            services: 0,
            plans: 0,
        };
        let clinic = generate(7, size).clinic;
        assert_eq!(to_json(&clinic), serde_json::to_string(&clinic).ok());
        assert_eq!(
            to_pretty_json(&clinic),
            serde_json::to_string_pretty(&clinic).ok()
        );
    }

    #[test]
    fn text_that_needs_escaping_is_written_as_serde_json_writes_it() {
        let note = "Said \"call me\" \u{2019}after 2\u{2019}\n\ttab, caf\u{e9}, \u{1F600} \\";
        assert_eq!(to_json(note), serde_json::to_string(note).ok());
    }
}
