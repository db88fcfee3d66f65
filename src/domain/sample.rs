//! A made-up but realistic five busy years of a clinic, for the benchmark and
//! for measuring how much storage the app needs: 1,250 people, 15,000
//! appointments, 10,000 log entries, 300 directory entries and 400 plans with
//! reviews. The same seed always gives the same data.

use crate::domain::clinic::bookings::{Booking, Outcome};
use crate::domain::clinic::people::{Mode, Person, PersonStatus, Source, WellbeingRecord};
use crate::domain::clinic::plans::PersonPlans;
use crate::domain::clinic::rota::{RotaEntry, Usually, Volunteer};
use crate::domain::clinic::sessions::WeeklySession;
use crate::domain::clinic::slots::Kind;
use crate::domain::clinic::time::{ClockTime, TimeRange};
use crate::domain::clinic::Clinic;
use crate::domain::dates::{self, TypedDate};
use crate::domain::directory::{Access, Category, Directory, Service};
use crate::domain::plan::wellbeing::{Answer, Question, Scores};
use crate::domain::plan::{CarePlan, PlanBook};
use crate::domain::referral::{
    Answers, Barrier, Choice, ContactMethod, Format, Meeting, OtherSupport, Professional,
    Reference, Referral, SupportNeed, YesNo, OWN_WORDS_LIMIT,
};
use chrono::{Days, NaiveDate};

/// How much to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub people: usize,
    pub appointments: usize,
    pub log_entries: usize,
    pub services: usize,
    pub plans: usize,
}

/// Five busy years, as issue 9 describes them.
pub const FIVE_YEARS: Size = Size {
    people: 1_250,
    appointments: 15_000,
    log_entries: 10_000,
    services: 300,
    plans: 400,
};

/// A clinic's first months: quick to make in a test.
#[cfg(test)]
pub const A_FEW_MONTHS: Size = Size {
    people: 40,
    appointments: 400,
    log_entries: 200,
    services: 0,
    plans: 0,
};

/// Everything the app keeps, made up.
pub struct Sample {
    pub clinic: Clinic,
    pub directory: Directory,
    pub plans: PlanBook,
}

/// A small, fast, seeded source of numbers (SplitMix64).
pub(crate) struct Dice(pub u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST_NAMES: [&str; 24] = [
    "Sam",
    "Jo",
    "Alex",
    "Priya",
    "Mohammed",
    "Aisha",
    "Tom",
    "Grace",
    "Wiktoria",
    "Oluwaseun",
    "Margaret",
    "Dev",
    "Siobhan",
    "Kwame",
    "Li",
    "Fatima",
    "Gareth",
    "Ruth",
    "Zoë",
    "Callum",
    "Amara",
    "Ivan",
    "Beth",
    "Noor",
];
const LAST_NAMES: [&str; 20] = [
    "Jones", "Smith", "Patel", "Khan", "O'Neil", "Williams", "Nowak", "Okafor", "Brown", "Taylor",
    "Hussain", "Evans", "Wright", "Mensah", "Chen", "Ali", "Davies", "Murphy", "Walker", "Begum",
];
const NOTES: [&str; 8] = [
    "Called, left message",
    "Called, talked about what matters to them",
    "Met, made a plan",
    "Introduced to the walking group",
    "Sent details of the Money Matters drop-in",
    "Texted to confirm Tuesday",
    "Met, reviewed the plan; going well",
    "Called to check in after the first group session",
];

/// The clinic's first day in the sample.
pub fn start_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 3).unwrap_or_default()
}

/// Makes a sample of `size` from `seed`.
pub fn generate(seed: u64, size: Size) -> Sample {
    let mut dice = Dice(seed);
    let start = start_date();
    let days_in_sample: u64 = 5 * 365;
    // Ids as the app makes them (`ui::new_id`): at random, below 2^53, so
    // most are 16 digits written out. Counting from 1 instead wrote a five
    // years' clinic 0.7 MB shorter than a real one, and quicker to read.
    // They come from dice of their own, so the rest of the sample is the
    // same whatever they are.
    let mut id_dice = Dice(seed ^ 0x1D5_1D5_1D5);
    let mut id = || (id_dice.next() >> 11).max(1);

    let mut clinic = Clinic::default();
    // Eight half-day sessions a week in two rooms.
    let morning = TimeRange::new(ClockTime::at(9, 0), ClockTime::at(12, 30));
    let afternoon = TimeRange::new(ClockTime::at(13, 30), ClockTime::at(17, 0));
    for (weekday, times, room) in [
        (0, morning, "Room 4"),
        (1, morning, "Room 4"),
        (1, afternoon, "Room 4"),
        (2, afternoon, "Room 4"),
        (3, morning, "Room 2"),
        (3, afternoon, "Room 4"),
        (4, morning, "Room 2"),
        (4, afternoon, "Room 2"),
    ] {
        clinic.sessions.weekly.push(WeeklySession {
            id: id(),
            weekday,
            times,
            room: room.into(),
            first: dates::iso(start),
            last: String::new(),
        });
    }
    for n in 0..8 {
        clinic.volunteers.push(Volunteer {
            id: id(),
            name: format!("{} {}", FIRST_NAMES[(n * 5) % 24], LAST_NAMES[(n * 3) % 20]),
            phone: format!("07700 900{:03}", n),
            usually: (0..5)
                .filter(|d| (d + n) % 3 != 0)
                .map(|d| Usually {
                    weekday: d as u8,
                    times: TimeRange::new(ClockTime::at(8, 30), ClockTime::at(17, 30)),
                })
                .collect(),
            ..Volunteer::default()
        });
    }
    let end = start
        .checked_add_days(Days::new(days_in_sample))
        .unwrap_or(start);
    let sessions = clinic.sessions.between(start, end);
    for (n, session) in sessions.iter().enumerate() {
        clinic.rota.push(RotaEntry {
            session: session.session,
            date: dates::iso(session.date),
            volunteer: (n % 11 != 0).then(|| clinic.volunteers[n % 8].id),
            by_hand: false,
            ..Default::default()
        });
    }

    // People, referred evenly through the five years.
    for n in 0..size.people {
        let referred = start
            .checked_add_days(Days::new(
                (n as u64 * days_in_sample) / size.people.max(1) as u64,
            ))
            .unwrap_or(start);
        let needs: Vec<SupportNeed> = SupportNeed::ALL
            .iter()
            .copied()
            .filter(|_| dice.chance(25))
            .collect();
        clinic.people.push(Person {
            id: id(),
            name: format!("{} {}", dice.pick(&FIRST_NAMES), dice.pick(&LAST_NAMES)),
            phone: format!("07700 {:06}", dice.below(1_000_000)),
            source: *dice.pick(&Source::ALL),
            referred_on: dates::iso(referred),
            support: needs
                .iter()
                .map(|n| n.label())
                .collect::<Vec<_>>()
                .join("\n"),
            needs,
            mode: *dice.pick(&Mode::ALL),
            status: *dice.pick(&[
                PersonStatus::Finished,
                PersonStatus::Finished,
                PersonStatus::Active,
                PersonStatus::Declined,
            ]),
            ..Person::default()
        });
    }

    // Appointments: each session filled from its start, people in the order
    // they were referred, a first appointment then follow-ups.
    let per_session = size.appointments.div_ceil(sessions.len().max(1));
    let mut made = 0;
    let mut person_cursor = 0;
    for session in &sessions {
        let mut at = session.times.start;
        for _ in 0..per_session {
            if made == size.appointments {
                break;
            }
            let person = &clinic.people[person_cursor % clinic.people.len().max(1)];
            person_cursor += 1;
            let kind = if dice.chance(20) {
                Kind::First
            } else {
                Kind::FollowUp
            };
            let length = clinic.slots.length(kind, None);
            let Some(end) = at.plus(length).filter(|e| *e <= session.times.end) else {
                break;
            };
            let outcome = match dice.below(20) {
                0..=1 => Outcome::DidNotAttend,
                2 => Outcome::Cancelled,
                _ => Outcome::Attended,
            };
            clinic.bookings.push(Booking {
                id: id(),
                person: person.id,
                session: session.session,
                date: dates::iso(session.date),
                times: TimeRange::new(at, end),
                kind,
                mode: person.mode,
                outcome,
                helpful: (kind == Kind::First).then(|| dice.chance(85)),
                another: (kind == Kind::First).then(|| dice.chance(70)),
                reminder_sent: dice.chance(80),
                missed_text_sent: false,
            });
            made += 1;
            at = end;
        }
    }

    // The log: spread over everyone, with some follow-ups.
    for n in 0..size.log_entries {
        let person = dice.below(clinic.people.len().max(1));
        let on = clinic.people[person]
            .referred()
            .and_then(|d| d.checked_add_days(Days::new(dice.below(90) as u64)))
            .unwrap_or(start);
        let follow_up = dice
            .chance(30)
            .then(|| on.checked_add_days(Days::new(7)))
            .flatten();
        let by = clinic.volunteers[n % 8].name.clone();
        let entry = id();
        let note = *dice.pick(&NOTES);
        clinic.people[person].log(entry, on, &by, note, follow_up);
        if let Some(last) = clinic.people[person].log.last_mut() {
            last.follow_up_done = follow_up.is_some() && dice.chance(90);
        }
    }

    // Wellbeing recorded for about a third of people, at the start and later.
    for person in clinic.people.iter_mut().step_by(3) {
        let first = random_scores(&mut dice);
        let later = random_scores(&mut dice);
        let on = person.referred().unwrap_or(start);
        person.wellbeing = vec![
            WellbeingRecord {
                on: dates::iso(on),
                scores: first,
            },
            WellbeingRecord {
                on: dates::iso(on.checked_add_days(Days::new(84)).unwrap_or(on)),
                scores: later,
            },
        ];
    }

    let directory = Directory {
        services: (0..size.services)
            .map(|n| Service {
                id: id(),
                name: format!("{} {}", dice.pick(&["Elm Park", "Northside", "Riverside", "Hilltop", "Canal"]), dice.pick(&["walking group", "choir", "community garden", "tea and chat", "money advice", "carers' café", "art club", "book group"])),
                organisation: format!("Community group {n}"),
                description: "A friendly group that meets every week. Everyone is welcome; come on your own or bring someone.".into(),
                categories: vec![*dice.pick(&Category::ALL), *dice.pick(&Category::ALL)],
                who_for: "Adults living in Leeds".into(),
                free: dice.chance(70),
                days: vec![dice.below(7) as u8],
                when: "10am to 12pm".into(),
                place: "Community centre, Park Lane, Leeds".into(),
                phone: format!("0113 496 {:04}", dice.below(10_000)),
                access: if dice.chance(80) { Access::SelfReferralWelcome } else { Access::ReferralNeeded },
                checked_on: dates::iso(start.checked_add_days(Days::new(dice.below(days_in_sample as usize) as u64)).unwrap_or(start)),
                ..Service::default()
            })
            .collect(),
    };

    let mut plans = PlanBook::default();
    for n in 0..size.plans {
        let started = start
            .checked_add_days(Days::new(
                (n as u64 * days_in_sample) / size.plans.max(1) as u64,
            ))
            .unwrap_or(start);
        let mut plan = CarePlan::new(format!("plan-{n}"), started);
        plan.about.called = dice.pick(&FIRST_NAMES).to_string();
        plan.about.matters =
            "Seeing my grandchildren more, and getting out of the house a bit each day.".into();
        plan.about.going_well = "My neighbour pops in. I still enjoy cooking.".into();
        plan.wellbeing = random_scores(&mut dice);
        plan.wellbeing_on = dates::iso(started);
        for _ in 0..2 {
            let goal = plan.add_goal();
            if let Some(g) = plan.goals.iter_mut().find(|g| g.id == goal) {
                g.goal = "Go to a group once a week".into();
                g.why = "I feel better when I have talked to people".into();
                g.steps[0].step = "Ask at the library about groups".into();
                g.steps[0].by = TypedDate::from_date(started);
            }
            plan.add_step(goal);
        }
        plan.next_review.date =
            TypedDate::from_date(started.checked_add_days(Days::new(42)).unwrap_or(started));
        for r in 1..=2u64 {
            let on = started
                .checked_add_days(Days::new(42 * r))
                .unwrap_or(started);
            plan.record_review(
                on,
                random_scores(&mut dice),
                "Went to the group twice.".into(),
                &[],
            );
        }
        plans.plans.push(plan);
    }
    // A plan made at the clinic with the second person, so that storing,
    // backing up and merging the clinic always carry one.
    if let (Some(plan), Some(person)) = (plans.plans.first(), clinic.people.get(1)) {
        clinic.plans.push(PersonPlans {
            person: person.id,
            book: PlanBook {
                plans: vec![plan.clone()],
            },
        });
    }

    Sample {
        clinic,
        directory,
        plans,
    }
}

/// A self-referral with every question answered at length, "in your own
/// words" up to its limit: the longest a person is likely to send by QR code.
pub fn long_referral(sent_on: NaiveDate) -> Referral {
    let own_words = "Since my husband died two years ago I hardly go out. My daughter lives in \
        Leeds and I see her at Christmas. I used to sing in a choir and help at the church café, \
        but my knees are bad now and the bus is £4.20 each way, which I cannot really afford \
        since my pension credit was stopped. Some days I do not speak to anyone at all. I worry \
        about the gas bill and I keep the heating off. I would like to meet people again, and \
        get some help with the letters from the council that I do not understand.";
    let answers = Answers {
        full_name: "Siobhán Margaret O'Neill-Nkemelu".into(),
        preferred_name: "Shiv".into(),
        dob_day: "23".into(),
        dob_month: "11".into(),
        dob_year: "1948".into(),
        contact_method: Some(ContactMethod::SomeoneElse),
        phone: "07700 900 982".into(),
        email: "shiv.oneill-nkemelu@example.co.uk".into(),
        address: "Flat 12, Rosemary Court\n114 Upper Wellington Road\nHarehills, Leeds".into(),
        postcode: "LS8 5QT".into(),
        someone_else: "My daughter Aoife O'Neill, 07700 900 417, she rings me on Sundays".into(),
        leave_message: Some(YesNo::Yes),
        best_times: "Weekday mornings after 10am, not Wednesdays (hospital appointments)".into(),
        support: vec![
            SupportNeed::Lonely,
            SupportNeed::Money,
            SupportNeed::Housing,
            SupportNeed::Stress,
            SupportNeed::Condition,
            SupportNeed::SomethingElse,
        ],
        support_other: "Help reading letters from the council and the bank".into(),
        own_words: own_words.chars().take(OWN_WORDS_LIMIT).collect(),
        barriers: vec![
            Barrier::Transport,
            Barrier::WaitingRooms,
            Barrier::LeavingHome,
        ],
        meeting: Some(Meeting::HomeVisit),
        formats: vec![Format::LargePrint, Format::EasyRead],
        professionals: vec![Professional::Lipspeaker],
        other_support: vec![OtherSupport::HearingLoop, OtherSupport::LongerAppointment],
        communication_other: "I lip-read, so please face me and speak slowly".into(),
        language: "English and Irish".into(),
        interpreter: Some(YesNo::No),
        practice: "Elm Surgery, Harehills".into(),
        suggested_by: Some(crate::domain::referral::suggested::SuggestedBy::Reception),
        consent_contact: true,
        consent_record: Some(YesNo::Yes),
    };
    Referral {
        reference: Reference::from_random(2_026_112_201),
        sent_on,
        answers,
    }
}

fn random_scores(dice: &mut Dice) -> Scores {
    let mut scores = Scores::default();
    for question in Question::ALL {
        let answer = if dice.chance(3) {
            Answer::RatherNotSay
        } else {
            Answer::Score(dice.below(11) as u8)
        };
        scores.set(question, Some(answer));
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clinic::Id;
    use std::collections::HashMap;

    #[test]
    fn five_years_has_the_counts_the_benchmark_asks_for() {
        let sample = generate(42, FIVE_YEARS);
        assert_eq!(sample.clinic.people.len(), 1_250);
        assert_eq!(sample.clinic.bookings.len(), 15_000);
        let logs: usize = sample.clinic.people.iter().map(|p| p.log.len()).sum();
        assert_eq!(logs, 10_000);
        assert_eq!(sample.directory.services.len(), 300);
        assert_eq!(sample.plans.plans.len(), 400);
        assert!(sample.plans.plans.iter().all(|p| p.reviews.len() == 2));
    }

    #[test]
    fn ids_are_as_long_as_the_apps_own_and_never_repeat() {
        let sample = generate(42, FIVE_YEARS);
        let clinic = &sample.clinic;
        let ids: Vec<Id> = clinic
            .people
            .iter()
            .flat_map(|p| std::iter::once(p.id).chain(p.log.iter().map(|e| e.id)))
            .chain(clinic.bookings.iter().map(|b| b.id))
            .chain(sample.directory.services.iter().map(|s| s.id))
            .collect();
        let unique: std::collections::HashSet<Id> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
        // As `ui::new_id`: below 2^53, so JavaScript holds each exactly.
        assert!(ids.iter().all(|&id| id > 0 && id < 1 << 53));
        let sixteen_digits = ids
            .iter()
            .filter(|&&id| id >= 1_000_000_000_000_000)
            .count();
        assert!(
            sixteen_digits * 10 > ids.len() * 8,
            "{sixteen_digits} of {}",
            ids.len()
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_data_and_another_seed_does_not() {
        let small = Size {
            people: 50,
            appointments: 200,
            log_entries: 100,
            services: 10,
            plans: 5,
        };
        let a = generate(7, small);
        let b = generate(7, small);
        let c = generate(8, small);
        assert_eq!(a.clinic, b.clinic);
        assert_eq!(a.directory, b.directory);
        assert_eq!(a.plans, b.plans);
        assert_ne!(a.clinic, c.clinic);
    }

    #[test]
    fn no_two_appointments_share_a_time_in_a_session() {
        let sample = generate(42, FIVE_YEARS);
        let mut by_session: HashMap<(Id, &str), Vec<TimeRange>> = HashMap::new();
        for b in &sample.clinic.bookings {
            by_session
                .entry((b.session, b.date.as_str()))
                .or_default()
                .push(b.times);
        }
        for ((_, date), times) in by_session {
            for (i, a) in times.iter().enumerate() {
                assert!(
                    times[i + 1..].iter().all(|b| !a.overlaps(*b)),
                    "clash on {date}"
                );
            }
        }
    }
}
