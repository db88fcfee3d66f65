//! The people the clinic supports (its caseload): who referred them, what
//! they want help with, how to reach them, a dated log of every contact and
//! action with follow-ups that come back when due, and safeguarding concerns
//! that stay visible until cleared with a note.

use super::Id;
use crate::domain::dates;
use crate::domain::plan::wellbeing::Scores;
use crate::domain::referral::suggested::SuggestedBy;
use crate::domain::referral::{
    Barrier, Choice, ContactMethod, Meeting, Referral, SupportNeed, YesNo,
};
use crate::domain::{counted, folded};
use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Who referred the person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    #[default]
    Gp,
    Nurse,
    Receptionist,
    Pharmacy,
    HospitalDischarge,
    OtherAgency,
    SelfReferral,
}

impl Source {
    pub const ALL: [Source; 7] = [
        Source::Gp,
        Source::Nurse,
        Source::Receptionist,
        Source::Pharmacy,
        Source::HospitalDischarge,
        Source::OtherAgency,
        Source::SelfReferral,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Source::Gp => "GP",
            Source::Nurse => "Nurse",
            Source::Receptionist => "Receptionist",
            Source::Pharmacy => "Pharmacy",
            Source::HospitalDischarge => "Hospital discharge team",
            Source::OtherAgency => "Another organisation",
            Source::SelfReferral => "Self-referral",
        }
    }

    /// Who referred them, after "Referred 3 March 2026": "by their GP".
    pub fn referred_by(self) -> &'static str {
        match self {
            Source::Gp => "by their GP",
            Source::Nurse => "by a nurse",
            Source::Receptionist => "by a receptionist",
            Source::Pharmacy => "by a pharmacy",
            Source::HospitalDischarge => "by a hospital discharge team",
            Source::OtherAgency => "by another organisation",
            Source::SelfReferral => "by self-referral",
        }
    }
}

/// Where a person is with the clinic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PersonStatus {
    #[default]
    Waiting,
    Active,
    Finished,
    Declined,
}

impl PersonStatus {
    pub const ALL: [PersonStatus; 4] = [
        PersonStatus::Waiting,
        PersonStatus::Active,
        PersonStatus::Finished,
        PersonStatus::Declined,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PersonStatus::Waiting => "Waiting",
            PersonStatus::Active => "Active",
            PersonStatus::Finished => "Finished",
            PersonStatus::Declined => "Declined",
        }
    }
}

/// How many of each status's people the people page lists at first, and how
/// many more each time a volunteer asks. Five busy years are over a thousand
/// people: listing them all took over 200 ms at 4x slowdown, and finding one
/// meant scrolling past the rest.
pub const LISTED_AT_A_TIME: usize = 20;

/// Everyone whose name or preferred name holds every word of `find`, in any
/// case and with or without accents, by status, each in the order a
/// volunteer works through it: waiting and active people longest referred
/// first, finished and declined people latest first, as those are looked
/// back on.
pub fn people_by_status<'a>(
    people: &'a [Person],
    find: &str,
) -> Vec<(PersonStatus, Vec<&'a Person>)> {
    let find = folded(find);
    let words: Vec<&str> = find.split_whitespace().collect();
    let named = |p: &&Person| {
        let names = folded(&format!("{} {}", p.name, p.preferred_name));
        words.iter().all(|word| names.contains(word))
    };
    PersonStatus::ALL
        .iter()
        .map(|&status| {
            let mut found: Vec<&Person> = people
                .iter()
                .filter(|p| p.status == status)
                .filter(named)
                .collect();
            found.sort_by(|a, b| a.referred_on.cmp(&b.referred_on).then(a.name.cmp(&b.name)));
            if matches!(status, PersonStatus::Finished | PersonStatus::Declined) {
                found.reverse();
            }
            (status, found)
        })
        .collect()
}

/// What the people page's list holds, read out as a search changes it:
/// `found` of `all` people match `find` (nothing typed but spaces is no search).
pub fn people_found_words(found: usize, all: usize, find: &str) -> String {
    if all == 0 {
        "Nobody has been added yet.".to_string()
    } else if !find.trim().is_empty() {
        format!("{} found of {all}", counted(found, "person", "people"))
    } else {
        counted(all, "person", "people")
    }
}

/// The words of a status's "Show more" button, when it adds `more` people.
pub fn more_people_words(more: usize, status: PersonStatus) -> String {
    let status = status.name().to_lowercase();
    let more = counted(
        more,
        &format!("more {status} person"),
        &format!("more {status} people"),
    );
    format!("Show {more}")
}

/// The SNOMED CT code staff enter by hand in the GP record.
pub const ACCEPTED_CODE: (&str, &str) =
    ("871731000000106", "Referral to social prescribing service");
pub const DECLINED_CODE: (&str, &str) = ("871711000000103", "Social prescribing declined");

/// How the person would like to meet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    FaceToFace,
    Telephone,
    HomeVisit,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::FaceToFace, Mode::Telephone, Mode::HomeVisit];

    pub fn name(self) -> &'static str {
        match self {
            Mode::FaceToFace => "Face to face",
            Mode::Telephone => "Telephone",
            Mode::HomeVisit => "Home visit",
        }
    }
}

/// Part of the day a person prefers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartOfDay {
    Morning,
    Afternoon,
}

/// One line in a person's log: what happened, and a follow-up if one is due.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct LogEntry {
    pub id: Id,
    /// As "2026-03-03".
    pub on: String,
    pub by: String,
    pub note: String,
    /// When to follow up, as "2026-03-10", if at all.
    pub follow_up: String,
    pub follow_up_done: bool,
}

/// Whom a safeguarding concern was escalated to. A worry is written down
/// the moment it is noticed, so it may not have been escalated yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EscalatedTo {
    GpSupervisor,
    CommunityNavigator,
    NotYet,
}

impl EscalatedTo {
    pub const ALL: [EscalatedTo; 3] = [
        EscalatedTo::GpSupervisor,
        EscalatedTo::CommunityNavigator,
        EscalatedTo::NotYet,
    ];

    /// Those a concern can be escalated to.
    pub const PEOPLE: [EscalatedTo; 2] =
        [EscalatedTo::GpSupervisor, EscalatedTo::CommunityNavigator];

    pub fn name(self) -> &'static str {
        match self {
            EscalatedTo::GpSupervisor => "the GP supervisor",
            EscalatedTo::CommunityNavigator => "the Community Navigator",
            EscalatedTo::NotYet => "nobody yet",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    pub raised_on: String,
    pub raised_by: String,
    pub note: String,
    pub escalated_to: EscalatedTo,
    /// When and why it was cleared; a concern is never cleared without a note.
    #[serde(default)]
    pub cleared: Option<(String, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub preferred_name: String,
    pub phone: String,
    pub email: String,
    // The fields from here to `consent_record` are left out of what is
    // stored while empty: older records read the same, and hash the same
    // for merging.
    /// As "1980-05-17", or empty if not known: with the name, it is how
    /// staff find the person's GP record.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date_of_birth: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub postcode: String,
    /// How they would like to be contacted, if they said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_method: Option<ContactMethod>,
    /// The person to contact them through (a carer, a friend), and how.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_through: String,
    /// Whether a message may be left for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leave_message: Option<YesNo>,
    /// When is best to contact them, in their words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub best_times: String,
    /// The language they speak, if they said, and whether they need an interpreter.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<YesNo>,
    /// The GP practice they said they are registered with.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub practice: String,
    /// Who suggested they refer themselves, when they said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_by: Option<SuggestedBy>,
    /// They agreed to be contacted about their referral.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub consent_contact: bool,
    /// Whether they agreed to the referral being added to their GP record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_record: Option<YesNo>,
    /// They asked not to be sent texts.
    pub no_texts: bool,
    pub source: Source,
    /// As "2026-03-03".
    pub referred_on: String,
    pub support: String,
    pub barriers: String,
    pub communication: String,
    pub mode: Mode,
    /// They said any way of meeting suits them ("I do not mind").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub any_mode: bool,
    /// Days (0 Monday to 6 Sunday) the person can do; empty for any.
    pub days: Vec<u8>,
    pub part_of_day: Option<PartOfDay>,
    /// Their preferred appointment length in minutes, if they gave one.
    pub preferred_minutes: Option<u16>,
    pub status: PersonStatus,
    #[serde(serialize_with = "super::rows::as_rows")]
    pub log: Vec<LogEntry>,
    pub concerns: Vec<Concern>,
    /// The self-referral's reference, when the person came by one.
    pub referral_reference: String,
    /// What they want support with, for the clinic's reports.
    pub needs: Vec<SupportNeed>,
    /// Their wellbeing scores (ONS4) each time they were asked, oldest first.
    pub wellbeing: Vec<WellbeingRecord>,
}

/// Wellbeing scores recorded with the clinic on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WellbeingRecord {
    /// As "2026-03-03".
    pub on: String,
    pub scores: Scores,
}

/// Why a concern could not be cleared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClearError {
    NoNote,
    NoOpenConcern,
}

impl Person {
    /// The name to use when speaking to them.
    pub fn called(&self) -> &str {
        match self.preferred_name.trim() {
            "" => self.name.split_whitespace().next().unwrap_or(""),
            name => name,
        }
    }

    pub fn referred(&self) -> Option<NaiveDate> {
        dates::parse_iso(&self.referred_on)
    }

    /// A person taken from a self-referral scanned or pasted at the clinic.
    /// How they came to the clinic, after "Referred 3 March 2026": "by
    /// their GP", or "by self-referral (suggested by a nurse)".
    pub fn referred_how(&self) -> String {
        match self.suggested_by {
            Some(kind) if self.source == Source::SelfReferral && kind != SuggestedBy::Nobody => {
                format!(
                    "{} (suggested by {})",
                    self.source.referred_by(),
                    kind.short()
                )
            }
            _ => self.source.referred_by().to_string(),
        }
    }

    pub fn from_referral(id: Id, referral: &Referral) -> Person {
        let a = &referral.answers;
        let mut support: Vec<String> = a.support.iter().map(|s| s.label().to_string()).collect();
        if a.support.contains(&SupportNeed::SomethingElse) && !a.support_other.trim().is_empty() {
            support.push(a.support_other.trim().to_string());
        }
        if !a.own_words.trim().is_empty() {
            support.push(format!("In their words: {}", a.own_words.trim()));
        }
        let mut communication: Vec<String> = a
            .formats
            .iter()
            .map(|c| c.label().to_string())
            .chain(a.professionals.iter().map(|c| c.label().to_string()))
            .chain(a.other_support.iter().map(|c| c.label().to_string()))
            .collect();
        if !a.communication_other.trim().is_empty() {
            communication.push(a.communication_other.trim().to_string());
        }
        let meeting = match a.meeting {
            Some(Meeting::Telephone) => Mode::Telephone,
            Some(Meeting::HomeVisit) => Mode::HomeVisit,
            _ => Mode::FaceToFace,
        };
        Person {
            id,
            name: a.full_name.trim().to_string(),
            preferred_name: a.preferred_name.trim().to_string(),
            phone: a.phone.trim().to_string(),
            email: a.email.trim().to_string(),
            date_of_birth: a.date_of_birth().map(dates::iso).unwrap_or_default(),
            address: a.address.trim().to_string(),
            postcode: a.postcode.trim().to_string(),
            contact_method: a.contact_method,
            contact_through: a.someone_else.trim().to_string(),
            leave_message: a.leave_message,
            best_times: a.best_times.trim().to_string(),
            any_mode: a.meeting == Some(Meeting::NoPreference),
            language: a.language.trim().to_string(),
            interpreter: a.interpreter,
            practice: a.practice.trim().to_string(),
            suggested_by: a.suggested_by,
            consent_contact: a.consent_contact,
            consent_record: a.consent_record,
            source: Source::SelfReferral,
            referred_on: dates::iso(referral.sent_on),
            support: support.join("\n"),
            barriers: a
                .barriers
                .iter()
                .filter(|b| **b != Barrier::None)
                .map(|b| b.label())
                .collect::<Vec<_>>()
                .join("\n"),
            communication: communication.join("\n"),
            mode: meeting,
            referral_reference: referral.reference.to_string(),
            needs: a.support.clone(),
            ..Person::default()
        }
    }

    /// Whether the person can come on `weekday` at a time starting in `hour`.
    pub fn suits(&self, weekday: Weekday, hour: u16) -> bool {
        let day_ok =
            self.days.is_empty() || self.days.contains(&(weekday.num_days_from_monday() as u8));
        let part_ok = match self.part_of_day {
            None => true,
            Some(PartOfDay::Morning) => hour < 12,
            Some(PartOfDay::Afternoon) => hour >= 12,
        };
        day_ok && part_ok
    }

    /// Adds a line to the log.
    pub fn log(
        &mut self,
        id: Id,
        on: NaiveDate,
        by: &str,
        note: &str,
        follow_up: Option<NaiveDate>,
    ) {
        self.log.push(LogEntry {
            id,
            on: dates::iso(on),
            by: by.trim().to_string(),
            note: note.trim().to_string(),
            follow_up: follow_up.map(dates::iso).unwrap_or_default(),
            follow_up_done: false,
        });
    }

    /// Follow-ups due on or before `today` and not yet done.
    pub fn follow_ups_due(&self, today: NaiveDate) -> Vec<&LogEntry> {
        self.log
            .iter()
            .filter(|e| {
                !e.follow_up_done && dates::parse_iso(&e.follow_up).is_some_and(|d| d <= today)
            })
            .collect()
    }

    /// The concern still open, if any: shown at the top of the person's record.
    pub fn open_concern(&self) -> Option<&Concern> {
        self.concerns.iter().find(|c| c.cleared.is_none())
    }

    pub fn raise_concern(
        &mut self,
        on: NaiveDate,
        by: &str,
        note: &str,
        escalated_to: EscalatedTo,
    ) {
        self.concerns.push(Concern {
            raised_on: dates::iso(on),
            raised_by: by.trim().to_string(),
            note: note.trim().to_string(),
            escalated_to,
            cleared: None,
        });
    }

    /// Records whom the open concern was escalated to, once it has been.
    pub fn escalate_concern(&mut self, to: EscalatedTo) -> bool {
        let open = self.concerns.iter_mut().find(|c| c.cleared.is_none());
        match open {
            Some(concern) if to != EscalatedTo::NotYet => {
                concern.escalated_to = to;
                true
            }
            _ => false,
        }
    }

    /// Clears the open concern, only with a note saying why.
    pub fn clear_concern(&mut self, on: NaiveDate, note: &str) -> Result<(), ClearError> {
        if note.trim().is_empty() {
            return Err(ClearError::NoNote);
        }
        let concern = self
            .concerns
            .iter_mut()
            .find(|c| c.cleared.is_none())
            .ok_or(ClearError::NoOpenConcern)?;
        concern.cleared = Some((dates::iso(on), note.trim().to_string()));
        Ok(())
    }
}

/// Each kind of choice a form offers, keyed by its words.
macro_rules! named_choice {
    ($($kind:ty),+) => {$(
        impl crate::domain::referral::Choice for $kind {
            const ALL: &'static [Self] = &<$kind>::ALL;
            fn key(self) -> &'static str {
                self.name()
            }
            fn label(self) -> &'static str {
                self.name()
            }
        }
    )+};
}

named_choice!(Source, Mode, PersonStatus);

impl crate::domain::referral::Choice for EscalatedTo {
    const ALL: &'static [Self] = &EscalatedTo::ALL;
    fn key(self) -> &'static str {
        self.name()
    }
    fn label(self) -> &'static str {
        match self {
            EscalatedTo::GpSupervisor => "GP supervisor",
            EscalatedTo::CommunityNavigator => "Community Navigator",
            EscalatedTo::NotYet => "Not yet: I will escalate it as soon as I can",
        }
    }
}

impl super::Clinic {
    /// Every safeguarding concern still open, for the clinic's front page:
    /// those nobody has escalated yet first, then the oldest first, so that
    /// a concern written down is not left on one person's record alone.
    pub fn open_concerns(&self) -> Vec<(&Person, &Concern)> {
        let mut open: Vec<(&Person, &Concern)> = self
            .people
            .iter()
            .filter_map(|p| p.open_concern().map(|c| (p, c)))
            .collect();
        open.sort_by(|(_, a), (_, b)| {
            let escalated = |c: &Concern| c.escalated_to != EscalatedTo::NotYet;
            (escalated(a), &a.raised_on).cmp(&(escalated(b), &b.raised_on))
        });
        open
    }
}

#[cfg(test)]
mod tests;
