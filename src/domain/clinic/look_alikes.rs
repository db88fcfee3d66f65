//! Someone typed in twice: a new person (added by hand or from a
//! self-referral) who looks like one already on the caseload, so the
//! volunteer can open that record rather than start a second one.

use super::people::Person;
use super::Clinic;
use crate::domain::folded;

/// A phone number's digits, with a leading +44 read as 0, so "07700 900123"
/// and "+44 7700 900123" are the same number.
fn phone_digits(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("44") {
        Some(rest) if phone.trim_start().starts_with('+') => format!("0{rest}"),
        _ => digits,
    }
}

/// A name in any case, accents and spacing.
fn same_name(a: &str, b: &str) -> bool {
    let words = |name: &str| {
        folded(name)
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

impl Person {
    /// Whether `other` looks like the same person: the same name and date of
    /// birth, or the same phone number.
    pub fn looks_like(&self, other: &Person) -> bool {
        let born_same = !self.date_of_birth.is_empty() && self.date_of_birth == other.date_of_birth;
        let phone = phone_digits(&self.phone);
        (born_same && same_name(&self.name, &other.name))
            || (phone.len() >= 10 && phone == phone_digits(&other.phone))
    }
}

impl Clinic {
    /// The people on the caseload who look like `new` (see [`Person::looks_like`]).
    pub fn look_alikes(&self, new: &Person) -> Vec<&Person> {
        self.people
            .iter()
            .filter(|p| p.id != new.id && new.looks_like(p))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: u64, name: &str, born: &str, phone: &str) -> Person {
        Person {
            id,
            name: name.into(),
            date_of_birth: born.into(),
            phone: phone.into(),
            ..Person::default()
        }
    }

    #[test]
    fn the_same_name_and_date_of_birth_or_the_same_phone_looks_like_someone_on_the_caseload() {
        let clinic = Clinic {
            people: vec![
                person(1, "Samantha Jones", "1961-05-17", "07700 900123"),
                person(2, "Jo Bloggs", "", "07700 900999"),
            ],
            ..Clinic::default()
        };
        let ids =
            |new: &Person| -> Vec<u64> { clinic.look_alikes(new).iter().map(|p| p.id).collect() };
        assert_eq!(ids(&person(9, " samantha  JONES", "1961-05-17", "")), [1]);
        assert_eq!(ids(&person(9, "Joanne Bloggs", "", "+44 7700 900999")), [2]);
        // A name alone, or a name with another birthday, is not enough.
        assert!(ids(&person(9, "Samantha Jones", "", "")).is_empty());
        assert!(ids(&person(9, "Samantha Jones", "1970-01-01", "")).is_empty());
        // Nor two people without a date of birth.
        assert!(ids(&person(9, "Jo Bloggs", "", "")).is_empty());
        // A person is not their own look-alike (their details being changed).
        assert!(ids(&person(1, "Samantha Jones", "1961-05-17", "")).is_empty());
    }
}
