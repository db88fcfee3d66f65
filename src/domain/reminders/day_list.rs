//! The texts for the next clinic day: every appointment on it with its
//! finished reminder, ready to copy or open in the phone's messaging app;
//! people who asked not to be texted, or have no mobile number, are listed
//! apart to be called instead.

use super::{message, sms_link, Details, Purpose, Wording};
use crate::domain::clinic::bookings::{Booking, Outcome};
use crate::domain::clinic::people::{Mode, Person};
use crate::domain::clinic::Clinic;
use crate::domain::referral::validate::is_uk_mobile;
use chrono::{Days, NaiveDate};

/// Who is sending, and the practice's details, for every text of the day.
pub struct Sender<'a> {
    pub name: &'a str,
    pub practice: &'a str,
    pub practice_phone: &'a str,
}

/// One appointment on the day's list.
pub struct ToSend<'a> {
    pub booking: &'a Booking,
    pub person: &'a Person,
    pub how: How,
}

/// What to do for one appointment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum How {
    /// The text, and the link that opens it in the messaging app.
    Text { text: String, link: String },
    /// Call instead: no mobile number, or they asked not to be texted.
    Call(&'static str),
    /// The text cannot be made: what is missing, in words.
    Problem(Vec<String>),
}

/// The first day after `today`, within four weeks, with appointments still booked.
pub fn next_clinic_day(clinic: &Clinic, today: NaiveDate) -> Option<NaiveDate> {
    clinic
        .bookings
        .iter()
        .filter(|b| b.outcome == Outcome::Booked)
        .filter_map(Booking::on)
        .filter(|d| *d > today && *d <= today.checked_add_days(Days::new(28)).unwrap_or(today))
        .min()
}

/// The clinic days whose reminders are offered: today, while an appointment
/// today is still booked (on the morning of a clinic day, its own texts come
/// first), and the next clinic day after it.
pub fn days_to_text(clinic: &Clinic, today: NaiveDate) -> Vec<NaiveDate> {
    let booked_today = clinic
        .bookings
        .iter()
        .any(|b| b.outcome == Outcome::Booked && b.on() == Some(today));
    booked_today
        .then_some(today)
        .into_iter()
        .chain(next_clinic_day(clinic, today))
        .collect()
}

/// Which day a list of texts is for, in words: "Today, Tuesday 3 March 2026",
/// "Next clinic day: tomorrow, Wednesday 4 March 2026".
pub fn day_heading(day: NaiveDate, today: NaiveDate) -> String {
    let date = crate::domain::dates::long_date(day);
    if day == today {
        format!("Today, {date}")
    } else if Some(day) == today.succ_opt() {
        format!("Next clinic day: tomorrow, {date}")
    } else {
        format!("Next clinic day: {date}")
    }
}

/// Every booked appointment on `day`, in time order, with its reminder.
pub fn day_list<'a>(
    clinic: &'a Clinic,
    wording: &Wording,
    day: NaiveDate,
    today: NaiveDate,
    sender: &Sender<'_>,
) -> Vec<ToSend<'a>> {
    texts_for(clinic, wording, Purpose::Reminder, today, sender, |b| {
        b.outcome == Outcome::Booked && b.on() == Some(day)
    })
}

/// How many days after a missed appointment a "sorry we missed you" text is offered.
pub const MISSED_DAYS: u64 = 7;

/// Every appointment missed in the last week, most recent first, with its
/// "sorry we missed you" text.
pub fn missed_list<'a>(
    clinic: &'a Clinic,
    wording: &Wording,
    today: NaiveDate,
    sender: &Sender<'_>,
) -> Vec<ToSend<'a>> {
    let since = today
        .checked_sub_days(Days::new(MISSED_DAYS))
        .unwrap_or(today);
    let mut list = texts_for(clinic, wording, Purpose::MissedYou, today, sender, |b| {
        b.outcome == Outcome::DidNotAttend && b.on().is_some_and(|d| since <= d && d <= today)
    });
    list.sort_by_key(|t| std::cmp::Reverse((t.booking.on(), t.booking.times.start)));
    list
}

/// The texts a link worker may send a person about their next appointment:
/// an introduction before a call (only when it is by phone: a person coming
/// in is not told "I will call you"), and the confirmation that it is
/// booked. Empty when nothing is booked from `today` on.
pub fn person_texts<'a>(
    clinic: &'a Clinic,
    wording: &Wording,
    person: crate::domain::clinic::Id,
    today: NaiveDate,
    sender: &Sender<'_>,
) -> Vec<(Purpose, ToSend<'a>)> {
    let Some((next, mode)) = clinic
        .upcoming(person, today)
        .first()
        .map(|b| (b.id, b.mode))
    else {
        return Vec::new();
    };
    let introduce = mode == Mode::Telephone;
    [Purpose::Introduction, Purpose::Booked]
        .into_iter()
        .filter(|purpose| *purpose != Purpose::Introduction || introduce)
        .filter_map(|purpose| {
            let text = texts_for(clinic, wording, purpose, today, sender, |b| b.id == next);
            text.into_iter().next().map(|t| (purpose, t))
        })
        .collect()
}

/// The `purpose` text for each appointment that `wanted`, in time order.
fn texts_for<'a>(
    clinic: &'a Clinic,
    wording: &Wording,
    purpose: Purpose,
    today: NaiveDate,
    sender: &Sender<'_>,
    wanted: impl Fn(&Booking) -> bool,
) -> Vec<ToSend<'a>> {
    let mut list: Vec<ToSend<'a>> = clinic
        .bookings
        .iter()
        .filter(|b| wanted(b))
        .filter_map(|booking| {
            let person = clinic.person(booking.person)?;
            let day = booking.on()?;
            let room = clinic
                .sessions
                .find(booking.session, day)
                .map(|s| s.room)
                .unwrap_or_default();
            let how = if person.no_texts {
                How::Call("Asked not to be texted")
            } else if !is_uk_mobile(&person.phone) {
                How::Call("No mobile number")
            } else {
                let details = Details {
                    name: person.called().to_string(),
                    date: Some(day),
                    time: booking.times.start.words(),
                    mode: Some(booking.mode),
                    room,
                    phone: person.phone.clone(),
                    sender: sender.name.to_string(),
                    practice: sender.practice.to_string(),
                    practice_phone: sender.practice_phone.to_string(),
                };
                match message(wording, purpose, &details, today) {
                    Ok(text) => How::Text {
                        link: sms_link(&person.phone, &text),
                        text,
                    },
                    Err(problems) => How::Problem(problems.iter().map(|p| p.message()).collect()),
                }
            };
            Some(ToSend {
                booking,
                person,
                how,
            })
        })
        .collect();
    list.sort_by_key(|t| (t.booking.times.start, t.booking.id));
    list
}
