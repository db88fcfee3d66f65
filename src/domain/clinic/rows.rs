//! How the clinic writes its long lists (appointments, log lines, the rota):
//! each record as a JSON array of its fields in the order the type declares
//! them, rather than an object naming every field. A five-year clinic is then
//! half the size, and quicker to read and write on a slow phone. serde's
//! derived readers take a record either way, so clinics saved as objects (by
//! earlier versions, or in older backups) read as before, and an earlier
//! version of the app reads these too. Each record on its own (in a merge's
//! ledger and its field-by-field differences) is still written as an object.

use super::bookings::Booking;
use super::people::LogEntry;
use super::rota::RotaEntry;
use serde::ser::{Serialize, Serializer};

/// A record written as the array of its fields.
pub(super) struct Row<'a, T>(&'a T);

/// A list of records, each written as a [`Row`].
pub(super) fn as_rows<T, S: Serializer>(records: &[T], out: S) -> Result<S::Ok, S::Error>
where
    for<'a> Row<'a, T>: Serialize,
{
    out.collect_seq(records.iter().map(Row))
}

/// Records written as rows, for a list stored on its own.
pub struct Rows<'a, T>(pub &'a [T]);

impl<T> Serialize for Rows<'_, T>
where
    for<'a> Row<'a, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        as_rows(self.0, out)
    }
}

/// An appointment written as a row through a reference, as in one year's
/// appointments.
impl Serialize for Row<'_, &Booking> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        Row(*self.0).serialize(out)
    }
}

impl Serialize for Row<'_, Booking> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let b = self.0;
        (
            b.id,
            b.person,
            b.session,
            &b.date,
            (b.times.start, b.times.end),
            b.kind,
            b.mode,
            b.outcome,
            b.helpful,
            b.another,
            b.reminder_sent,
            b.missed_text_sent,
        )
            .serialize(out)
    }
}

impl Serialize for Row<'_, LogEntry> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        (e.id, &e.on, &e.by, &e.note, &e.follow_up, e.follow_up_done).serialize(out)
    }
}

impl Serialize for Row<'_, RotaEntry> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        (
            r.session,
            &r.date,
            r.volunteer,
            r.by_hand,
            r.changes,
            &r.earlier,
        )
            .serialize(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::bookings::Outcome;
    use super::super::Clinic;
    use crate::domain::sample::{generate, A_FEW_MONTHS as SMALL};
    use serde_json::Value;

    /// A sample clinic with every optional field of an appointment, log line
    /// and duty filled in somewhere.
    fn busy_clinic() -> Clinic {
        let mut clinic = generate(11, SMALL).clinic;
        let booking = &mut clinic.bookings[0];
        booking.outcome = Outcome::DidNotAttend;
        booking.helpful = Some(true);
        booking.another = Some(false);
        booking.reminder_sent = true;
        booking.missed_text_sent = true;
        let entry = clinic.people.iter_mut().find_map(|p| p.log.first_mut());
        let entry = entry.expect("the sample has a log line");
        entry.follow_up = "2026-03-10".to_string();
        entry.follow_up_done = true;
        let duty = clinic.rota.first_mut().expect("the sample has a rota");
        duty.volunteer = None;
        duty.by_hand = true;
        duty.changes = 2;
        duty.earlier = vec![7, 8];
        clinic
    }

    /// The same clinic with every record written as an object naming its
    /// fields, as versions before this one saved it.
    fn as_objects(clinic: &Clinic) -> Value {
        fn objects<T: serde::Serialize>(records: &[T]) -> Value {
            serde_json::to_value(records).unwrap()
        }
        let mut value = serde_json::to_value(clinic).unwrap();
        value["bookings"] = objects(&clinic.bookings);
        value["rota"] = objects(&clinic.rota);
        let people = value["people"].as_array_mut().unwrap();
        for (person, stored) in clinic.people.iter().zip(people) {
            stored["log"] = objects(&person.log);
        }
        value
    }

    #[test]
    fn appointments_log_lines_and_duties_are_written_as_rows_and_read_back_the_same() {
        let clinic = busy_clinic();
        let text = serde_json::to_string(&clinic).unwrap();
        let stored: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(stored["bookings"][0].as_array().map(Vec::len), Some(12));
        assert_eq!(stored["rota"][0].as_array().map(Vec::len), Some(6));
        let logged = stored["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["log"][0].is_array());
        assert_eq!(
            logged.and_then(|p| p["log"][0].as_array()).map(Vec::len),
            Some(6)
        );
        assert_eq!(serde_json::from_str::<Clinic>(&text).unwrap(), clinic);
    }

    #[test]
    fn a_clinic_saved_as_objects_by_an_earlier_version_reads_the_same() {
        let clinic = busy_clinic();
        let earlier = as_objects(&clinic).to_string();
        assert!(earlier.contains("\"missed_text_sent\":true"));
        assert_eq!(serde_json::from_str::<Clinic>(&earlier).unwrap(), clinic);
    }

    #[test]
    fn a_duty_written_as_four_fields_by_an_earlier_version_reads_with_no_changes_counted() {
        let earlier = r#"{"rota":[[5,"2026-03-03",7,true]]}"#;
        let clinic: Clinic = serde_json::from_str(earlier).unwrap();
        let duty = &clinic.rota[0];
        assert_eq!(
            (duty.session, duty.volunteer, duty.by_hand),
            (5, Some(7), true)
        );
        assert_eq!((duty.changes, duty.earlier.len()), (0, 0));
    }

    #[test]
    fn rows_take_about_half_the_room_of_objects() {
        let clinic = generate(3, SMALL).clinic;
        let rows = serde_json::to_string(&clinic).unwrap().len();
        let objects = as_objects(&clinic).to_string().len();
        assert!(
            rows * 10 < objects * 6,
            "rows {rows} bytes, objects {objects}"
        );
    }
}
