//! The clinic in parts: its head (sessions, rooms, volunteers, the rota and
//! the people, without their contact logs), its appointments a year at a
//! time, its contact logs, and the plans made with people. A page that shows one day reads the head and
//! that day's year; a change writes the head and only the parts it changed.
//! This module says what each part holds; `store::clinic_parts` stores them.

use super::bookings::Booking;
use super::people::{LogEntry, Person};
pub use super::rows::Rows;
use super::{Clinic, Id};
use serde::ser::{SerializeSeq, SerializeStruct, Serializer};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

/// How much of the stored clinic is in memory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Held {
    /// All of it.
    #[default]
    Whole,
    /// The head, and the appointments of one year (as "2024"); no contact logs.
    Year(String),
}

impl Held {
    /// The head and the year of `day`: what a page showing that day needs.
    pub fn day(day: chrono::NaiveDate) -> Held {
        Held::Year(year_of_day(day))
    }
}

/// The year a day's appointments are stored under.
fn year_of_day(day: chrono::NaiveDate) -> String {
    chrono::Datelike::year(&day).to_string()
}

/// A fingerprint of each part as the device holds it, as far as this copy
/// of the clinic knows (from when it was read, or last stored), so that a
/// save writes only the parts that changed. It is bookkeeping, not part of
/// the clinic: two clinics compare equal whatever their prints.
#[derive(Default)]
pub struct Prints(Mutex<PrintsHeld>);

#[derive(Clone, Default)]
struct PrintsHeld {
    stored: Vec<(String, u64)>,
    /// From texts made for a save, until it is stored.
    pending: Vec<(String, u64)>,
}

impl Prints {
    fn held(&self) -> std::sync::MutexGuard<'_, PrintsHeld> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether the part `kind` is stored with the print `print`.
    pub fn is_stored(&self, kind: &str, print: u64) -> bool {
        self.held()
            .stored
            .iter()
            .any(|(k, p)| k == kind && *p == print)
    }

    /// Notes the print of a part read from the device.
    pub fn read(&self, kind: &str, print: u64) {
        set_print(&mut self.held().stored, kind, print);
    }

    /// Notes the print of a part about to be stored.
    pub fn pending(&self, kind: &str, print: u64) {
        set_print(&mut self.held().pending, kind, print);
    }

    /// Starts a save afresh: nothing is pending.
    pub fn start(&self) {
        self.held().pending.clear();
    }

    /// The parts pending are stored now.
    pub fn stored(&self) {
        let mut held = self.held();
        for (kind, print) in std::mem::take(&mut held.pending) {
            set_print(&mut held.stored, &kind, print);
        }
    }

    /// What the device holds is no longer known (another tab stored its
    /// own copy): the next save writes every part.
    pub fn forget(&self) {
        *self.held() = PrintsHeld::default();
    }
}

fn set_print(prints: &mut Vec<(String, u64)>, kind: &str, print: u64) {
    match prints.iter_mut().find(|(k, _)| k == kind) {
        Some((_, held)) => *held = print,
        None => prints.push((kind.to_string(), print)),
    }
}

impl Clone for Prints {
    fn clone(&self) -> Self {
        Prints(Mutex::new(self.held().clone()))
    }
}

impl PartialEq for Prints {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Prints {}

impl std::fmt::Debug for Prints {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        out.write_str("Prints")
    }
}

/// A fingerprint of a part's records, in order: any change to one record,
/// or to which records there are, changes it.
pub fn print_of(records: impl IntoIterator<Item = impl Hash>) -> u64 {
    let mut hasher = Fx(0);
    for record in records {
        record.hash(&mut hasher);
    }
    hasher.0
}

/// A quick hash, eight bytes at a time (as in rustc's FxHasher): a change
/// to any one word always changes it.
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The year an appointment is stored under: its date's year, or "undated"
/// for a date that is not one (only ever edited in by hand).
pub fn year_of(booking: &Booking) -> &str {
    match booking.date.get(..4) {
        Some(year) if year.bytes().all(|b| b.is_ascii_digit()) => year,
        _ => "undated",
    }
}

impl Clinic {
    /// Whether everything stored is in memory.
    pub fn is_whole(&self) -> bool {
        self.held == Held::Whole
    }

    /// Whether the appointments of `day` are in memory.
    pub fn holds_day(&self, day: chrono::NaiveDate) -> bool {
        self.holds_year(&year_of_day(day))
    }

    /// Whether the appointments of `year` are in memory.
    pub fn holds_year(&self, year: &str) -> bool {
        match &self.held {
            Held::Whole => true,
            Held::Year(held) => held == year,
        }
    }

    /// The appointments by the year they are stored under, years in order.
    pub fn bookings_by_year(&self) -> Vec<(&str, Vec<&Booking>)> {
        // A handful of years: found by search, kept in order as they come
        // (a map or a sort would add to every clinic page's download).
        let mut years: Vec<(&str, Vec<&Booking>)> = Vec::new();
        for booking in &self.bookings {
            let year = year_of(booking);
            match years.binary_search_by(|(y, _)| (*y).cmp(year)) {
                Ok(at) => years[at].1.push(booking),
                Err(at) => years.insert(at, (year, vec![booking])),
            }
        }
        years
    }

    /// The clinic as it is read back from its parts: its appointments a year
    /// at a time, each year in its order.
    #[cfg(test)]
    pub fn as_read_back(&self) -> Clinic {
        let mut read = self.clone();
        read.bookings = self
            .bookings_by_year()
            .into_iter()
            .flat_map(|(_, bookings)| bookings)
            .cloned()
            .collect();
        read
    }

    /// Adds appointments read from a part.
    pub fn add_bookings(&mut self, bookings: Vec<Booking>) {
        self.bookings.extend(bookings);
    }

    /// Gives each person their contact log, read from its part. A log whose
    /// person is no longer in the clinic is left out.
    pub fn add_logs(&mut self, logs: Vec<(Id, Vec<LogEntry>)>) {
        let mut logs: HashMap<Id, Vec<LogEntry>> = logs.into_iter().collect();
        for person in &mut self.people {
            if let Some(log) = logs.remove(&person.id) {
                person.log.extend(log);
            }
        }
    }

    /// The head, to store: everything but the appointments, the logs and the plans.
    pub fn head(&self) -> Head<'_> {
        Head(self)
    }

    /// Every person's contact log, to store, as `[person id, [lines]]`.
    pub fn logs(&self) -> Logs<'_> {
        Logs(&self.people)
    }

    /// The print of the contact logs (see [`print_of`]), as read from
    /// their part or as they are now.
    pub fn logs_print(&self) -> u64 {
        print_of(
            self.people
                .iter()
                .filter(|p| !p.log.is_empty())
                .map(|p| (p.id, &p.log)),
        )
    }
}

impl Clinic {
    /// The print of the plans (see [`print_of`]), from their stored text:
    /// a plan's scores and dates are not hashable as they are.
    pub fn plans_print(&self) -> u64 {
        print_of([serde_json::to_string(&self.plans).unwrap_or_default()])
    }
}

/// See [`Clinic::head`].
pub struct Head<'a>(&'a Clinic);

impl Serialize for Head<'_> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        // Every field named, so that a field added to the clinic is a
        // compile error here rather than left out of what is stored.
        let Clinic {
            sessions,
            slots,
            volunteers,
            rota,
            people,
            bookings: _,
            safe_yearly_maximum,
            removals,
            plans: _,
            held: _,
            prints: _,
        } = self.0;
        let mut head = out.serialize_struct("Clinic", 6)?;
        head.serialize_field("sessions", sessions)?;
        head.serialize_field("slots", slots)?;
        head.serialize_field("volunteers", volunteers)?;
        head.serialize_field("rota", &Rows(rota))?;
        head.serialize_field("people", &PeopleWithoutLogs(people))?;
        head.serialize_field("safe_yearly_maximum", safe_yearly_maximum)?;
        if removals.is_empty() {
            head.skip_field("removals")?;
        } else {
            head.serialize_field("removals", removals)?;
        }
        head.end()
    }
}

struct PeopleWithoutLogs<'a>(&'a [Person]);

impl Serialize for PeopleWithoutLogs<'_> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        out.collect_seq(self.0.iter().map(WithoutLog))
    }
}

struct WithoutLog<'a>(&'a Person);

impl Serialize for WithoutLog<'_> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        // Every field named, as in [`Head`].
        let Person {
            id,
            name,
            preferred_name,
            phone,
            email,
            date_of_birth,
            address,
            postcode,
            contact_method,
            contact_through,
            leave_message,
            best_times,
            language,
            interpreter,
            practice,
            suggested_by,
            consent_contact,
            consent_record,
            no_texts,
            source,
            referred_on,
            support,
            barriers,
            communication,
            mode,
            any_mode,
            days,
            part_of_day,
            preferred_minutes,
            status,
            log: _,
            concerns,
            referral_reference,
            needs,
            wellbeing,
        } = self.0;
        let mut person = out.serialize_struct("Person", 34)?;
        // Written only when given, as the derived form does.
        macro_rules! given {
            ($($field:ident: $empty:expr),+) => {$(
                if $empty {
                    person.skip_field(stringify!($field))?;
                } else {
                    person.serialize_field(stringify!($field), $field)?;
                }
            )+};
        }
        person.serialize_field("id", id)?;
        person.serialize_field("name", name)?;
        person.serialize_field("preferred_name", preferred_name)?;
        person.serialize_field("phone", phone)?;
        person.serialize_field("email", email)?;
        given!(
            date_of_birth: date_of_birth.is_empty(),
            address: address.is_empty(),
            postcode: postcode.is_empty(),
            contact_method: contact_method.is_none(),
            contact_through: contact_through.is_empty(),
            leave_message: leave_message.is_none(),
            best_times: best_times.is_empty(),
            language: language.is_empty(),
            interpreter: interpreter.is_none(),
            practice: practice.is_empty(),
            suggested_by: suggested_by.is_none(),
            consent_contact: !consent_contact,
            consent_record: consent_record.is_none()
        );
        person.serialize_field("no_texts", no_texts)?;
        person.serialize_field("source", source)?;
        person.serialize_field("referred_on", referred_on)?;
        person.serialize_field("support", support)?;
        person.serialize_field("barriers", barriers)?;
        person.serialize_field("communication", communication)?;
        person.serialize_field("mode", mode)?;
        given!(any_mode: !any_mode);
        person.serialize_field("days", days)?;
        person.serialize_field("part_of_day", part_of_day)?;
        person.serialize_field("preferred_minutes", preferred_minutes)?;
        person.serialize_field("status", status)?;
        person.serialize_field("concerns", concerns)?;
        person.serialize_field("referral_reference", referral_reference)?;
        person.serialize_field("needs", needs)?;
        person.serialize_field("wellbeing", wellbeing)?;
        person.end()
    }
}

/// See [`Clinic::logs`].
pub struct Logs<'a>(&'a [Person]);

impl Serialize for Logs<'_> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let logged = self.0.iter().filter(|p| !p.log.is_empty());
        let mut seq = out.serialize_seq(None)?;
        for person in logged {
            seq.serialize_element(&(person.id, Rows(&person.log)))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::{generate, A_FEW_MONTHS as SMALL};

    /// The clinic put back together from its head, its years and its logs,
    /// each read from the text it is stored as.
    fn rejoined(clinic: &Clinic) -> Clinic {
        let head = serde_json::to_string(&clinic.head()).unwrap();
        let mut joined: Clinic = serde_json::from_str(&head).unwrap();
        for (_, bookings) in clinic.bookings_by_year() {
            let text = serde_json::to_string(&Rows(&bookings)).unwrap();
            joined.add_bookings(serde_json::from_str(&text).unwrap());
        }
        let logs = serde_json::to_string(&clinic.logs()).unwrap();
        joined.add_logs(serde_json::from_str(&logs).unwrap());
        joined
    }

    #[test]
    fn a_clinic_stored_in_parts_reads_back_the_same() {
        let mut clinic = generate(5, SMALL).clinic;
        for booking in clinic.bookings.iter_mut().step_by(7) {
            booking.date.replace_range(..4, "2019");
        }
        assert!(
            clinic.bookings_by_year().len() > 1,
            "the clinic spans years"
        );
        assert_eq!(rejoined(&clinic), clinic.as_read_back());
    }

    #[test]
    fn the_head_holds_no_appointment_and_no_log_line() {
        let clinic = generate(5, SMALL).clinic;
        let head = serde_json::to_value(clinic.head()).unwrap();
        assert!(head.get("bookings").is_none());
        let people = head["people"].as_array().unwrap();
        assert_eq!(people.len(), clinic.people.len());
        assert!(people.iter().all(|p| p.get("log").is_none()));
        assert_eq!(people[0]["name"], clinic.people[0].name.as_str());
    }

    #[test]
    fn a_clinic_read_for_a_day_holds_that_days_year_only() {
        let mut clinic = generate(5, SMALL).clinic;
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        clinic.held = Held::day(day);
        assert!(clinic.holds_day(day) && clinic.holds_year("2024"));
        assert!(!clinic.holds_day(chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()));
        assert!(!clinic.is_whole());
    }

    #[test]
    fn an_appointment_is_stored_under_its_year() {
        let mut booking = generate(5, SMALL).clinic.bookings[0].clone();
        booking.date = "2024-03-05".to_string();
        assert_eq!(year_of(&booking), "2024");
        booking.date = "5 March".to_string();
        assert_eq!(year_of(&booking), "undated");
    }

    #[test]
    fn a_log_whose_person_has_gone_is_left_out() {
        let mut clinic = generate(5, SMALL).clinic;
        let logs = serde_json::to_string(&clinic.logs()).unwrap();
        let gone = clinic
            .people
            .iter()
            .position(|p| !p.log.is_empty())
            .unwrap();
        let gone = clinic.people.remove(gone).id;
        for person in &mut clinic.people {
            person.log.clear();
        }
        let read: Vec<(Id, Vec<LogEntry>)> = serde_json::from_str(&logs).unwrap();
        assert!(read.iter().any(|(id, _)| *id == gone));
        let lines = |c: &Clinic| c.people.iter().map(|p| p.log.len()).sum::<usize>();
        let total: usize = read
            .iter()
            .filter(|(id, _)| *id != gone)
            .map(|(_, l)| l.len())
            .sum();
        clinic.add_logs(read);
        assert_eq!(lines(&clinic), total);
    }
}
