//! How the clinic is stored: its head under "clinic", its appointments a
//! year at a time under "clinic-part-appointments-2024" and so on, and its
//! contact logs under "clinic-part-log", and the plans made with people
//! under "clinic-part-plans" (see `domain::clinic::parts`). The
//! day view reads the head and one year, a fifth of a five-year clinic; a
//! change writes the head and the parts whose records changed (their
//! prints differ from those read or last stored). Every part is saved with
//! its head, in one change, and only the head carries the revision.

use super::envelope::{decode_part, encode_as, encode_part, Unreadable};
use super::Document;
use crate::domain::clinic::bookings::Booking;
use crate::domain::clinic::parts::{print_of, Held, Rows};
use crate::domain::clinic::people::LogEntry;
use crate::domain::clinic::{Clinic, Id};

/// How the kinds of the clinic's parts start.
pub const PARTS: &str = "clinic-part-";
/// How the kinds of the parts holding appointments start.
pub const APPOINTMENTS: &str = "clinic-part-appointments-";
/// The kind of the part holding the appointments of `year` ("2024").
pub fn appointments_kind(year: &str) -> String {
    format!("{APPOINTMENTS}{year}")
}
/// The kind of the part holding every person's contact log.
pub const LOG_KIND: &str = "clinic-part-log";
/// The kind of the part holding the plans made with people at the clinic.
pub const PLANS_KIND: &str = "clinic-part-plans";
/// The version of every kind of part.
pub const PART_VERSION: u32 = 1;

/// A part's kind in words, as a kept copy of it is named to the person:
/// "clinic appointments in 2024", "clinic contact logs".
pub fn in_words(kind: &str) -> Option<String> {
    if kind == LOG_KIND {
        return Some("clinic contact logs".to_string());
    }
    if kind == PLANS_KIND {
        return Some("plans made at the clinic".to_string());
    }
    let year = kind.strip_prefix(APPOINTMENTS)?;
    Some(format!("clinic appointments in {year}"))
}

impl Document for Clinic {
    const KIND: &'static str = "clinic";
    /// 2: the appointments and the logs are stored in parts of their own.
    const VERSION: u32 = 2;
    const PARTS: &'static str = PARTS;

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // A clinic of version 1 is a head that holds all its parts.
            1 => Ok(data),
            _ => Err(format!("there is no way to read version {from}")),
        }
    }

    fn stored_texts(
        &self,
        revision: u64,
        saved_at: &str,
        stored: &[String],
    ) -> Vec<(String, String)> {
        let mut texts = vec![(Self::KIND.to_string(), head_text(self, revision, saved_at))];
        self.prints.start();
        // A part is written when it may differ from what the device holds.
        let mut write = |kind: String, print: u64, text: &dyn Fn(&str) -> String| {
            if !self.prints.is_stored(&kind, print) {
                self.prints.pending(&kind, print);
                let made = text(&kind);
                texts.push((kind, made));
            }
        };
        let years = self.bookings_by_year();
        let mut year = |year: &str, bookings: &[&Booking]| {
            let rows = |kind: &str| encode_part(kind, PART_VERSION, &Rows(bookings));
            write(appointments_kind(year), print_of(bookings), &rows);
        };
        match &self.held {
            Held::Year(held) => {
                let found = years.iter().find(|(y, _)| y == held);
                year(held, found.map_or(&[][..], |(_, b)| b.as_slice()));
            }
            Held::Whole => {
                for (y, bookings) in &years {
                    year(y, bookings);
                }
                let emptied = stored.iter().filter_map(|kind| {
                    let y = kind.strip_prefix(APPOINTMENTS)?;
                    (!years.iter().any(|(held, _)| *held == y)).then_some(y)
                });
                for y in emptied {
                    year(y, &[]);
                }
                let logs = |kind: &str| encode_part(kind, PART_VERSION, &self.logs());
                write(LOG_KIND.to_string(), self.logs_print(), &logs);
                let plans = |kind: &str| encode_part(kind, PART_VERSION, &self.plans);
                write(PLANS_KIND.to_string(), self.plans_print(), &plans);
            }
        }
        texts
    }

    fn holds_part(&self, kind: &str) -> bool {
        match kind.strip_prefix(APPOINTMENTS) {
            Some(year) => self.holds_year(year),
            None => self.is_whole(),
        }
    }

    fn read_part(&mut self, kind: &str, raw: &str) -> Result<(), Unreadable> {
        if kind == LOG_KIND {
            let logs: Vec<(Id, Vec<LogEntry>)> = decode_part(raw, kind, PART_VERSION)?;
            let print = print_of(logs.iter().map(|(id, log)| (*id, log)));
            self.add_logs(logs);
            // Read as stored only when every log found its person.
            if self.logs_print() == print {
                self.prints.read(kind, print);
            }
        } else if kind == PLANS_KIND {
            // Kept whether or not their person is here: the check names
            // plans for a person the clinic does not have.
            self.plans = decode_part(raw, kind, PART_VERSION)?;
            self.prints.read(kind, self.plans_print());
        } else if kind.starts_with(APPOINTMENTS) {
            let bookings: Vec<Booking> = decode_part(raw, kind, PART_VERSION)?;
            self.prints.read(kind, print_of(&bookings));
            self.add_bookings(bookings);
        }
        Ok(())
    }

    fn hold_whole(&mut self) {
        self.held = Held::Whole;
    }

    fn parts_stored(&self) {
        self.prints.stored();
    }

    fn forget_stored(&self) {
        self.prints.forget();
    }

    fn is_whole(&self) -> bool {
        Clinic::is_whole(self)
    }
}

/// The head's stored text: the clinic without its appointments and logs.
fn head_text(clinic: &Clinic, revision: u64, saved_at: &str) -> String {
    encode_as::<Clinic>(&clinic.head(), revision, saved_at)
}

#[cfg(test)]
mod tests;
