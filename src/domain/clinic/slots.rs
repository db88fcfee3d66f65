//! Cutting a session into appointment slots: 45 minutes for a first
//! appointment and 20 for a follow-up (both settings), with an optional buffer
//! between appointments. Slots are laid back to back from the start of each
//! free stretch, so booked appointments never leave unusable gaps.

use super::time::TimeRange;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlotSettings {
    pub first_minutes: u16,
    pub follow_up_minutes: u16,
    /// Minutes kept free between one appointment and the next.
    pub buffer_minutes: u16,
}

impl Default for SlotSettings {
    fn default() -> Self {
        SlotSettings {
            first_minutes: 45,
            follow_up_minutes: 20,
            buffer_minutes: 0,
        }
    }
}

/// A first appointment with a new person, or a follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    First,
    FollowUp,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::First => "First appointment",
            Kind::FollowUp => "Follow-up",
        }
    }
}

impl SlotSettings {
    /// How long an appointment of `kind` is: the person's own preference
    /// when they gave one, otherwise the setting.
    pub fn length(&self, kind: Kind, preferred: Option<u16>) -> u16 {
        preferred.filter(|m| *m > 0).unwrap_or(match kind {
            Kind::First => self.first_minutes,
            Kind::FollowUp => self.follow_up_minutes,
        })
    }

    /// The free slots of `length` minutes in a session running `session`,
    /// around the appointments already in it (`taken`).
    pub fn free_slots(
        &self,
        session: TimeRange,
        taken: &[TimeRange],
        length: u16,
    ) -> Vec<TimeRange> {
        if length == 0 {
            return Vec::new();
        }
        let mut taken: Vec<TimeRange> = taken
            .iter()
            .copied()
            .filter(|t| t.overlaps(session))
            .collect();
        taken.sort_by_key(|t| t.start);
        // Counted in u32: a stored time or length near u16's top (only a
        // damaged or hand-made file could hold one) must not wrap round
        // and keep the loop going.
        let buffer = u32::from(self.buffer_minutes);
        let length = u32::from(length);
        let end_of_day = u32::from(super::time::DAY_MINUTES);
        let mut slots = Vec::new();
        let mut from = u32::from(session.start.minutes());
        for next in taken.iter().map(Some).chain([None]) {
            let until = match next {
                Some(t) => u32::from(t.start.minutes()).saturating_sub(buffer),
                None => u32::from(session.end.minutes()),
            }
            .min(end_of_day);
            let mut start = from;
            while start + length <= until {
                let slot = super::time::ClockTime::from_minutes(start)
                    .and_then(|s| Some(TimeRange::new(s, s.plus(length as u16)?)));
                if let Some(slot) = slot {
                    slots.push(slot);
                }
                start += length + buffer;
            }
            if let Some(t) = next {
                from = from.max(u32::from(t.end.minutes()) + buffer);
            }
        }
        slots
    }

    /// Whether an appointment at `slot` fits in the session and clear of the
    /// others (with the buffer between them).
    pub fn fits(&self, session: TimeRange, taken: &[TimeRange], slot: TimeRange) -> bool {
        let buffer = u32::from(self.buffer_minutes);
        let minutes = |t: super::time::ClockTime| u32::from(t.minutes());
        session.contains(slot)
            && slot.minutes() > 0
            && taken.iter().all(|t| {
                minutes(slot.end) + buffer <= minutes(t.start)
                    || minutes(t.end) + buffer <= minutes(slot.start)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::time::ClockTime;
    use super::*;

    fn at(h: u16, m: u16) -> ClockTime {
        ClockTime::at(h, m)
    }

    fn range(a: (u16, u16), b: (u16, u16)) -> TimeRange {
        TimeRange::new(at(a.0, a.1), at(b.0, b.1))
    }

    fn starts(slots: &[TimeRange]) -> Vec<String> {
        slots.iter().map(|s| s.start.words()).collect()
    }

    const MORNING: TimeRange = TimeRange {
        start: ClockTime::at(9, 0),
        end: ClockTime::at(12, 30),
    };

    #[test]
    fn a_new_person_gets_a_45_minute_first_slot_and_a_follow_up_20() {
        let settings = SlotSettings::default();
        assert_eq!(settings.length(Kind::First, None), 45);
        assert_eq!(settings.length(Kind::FollowUp, None), 20);
        assert_eq!(settings.length(Kind::FollowUp, Some(30)), 30);
        let firsts = settings.free_slots(MORNING, &[], 45);
        assert_eq!(starts(&firsts), ["9am", "9:45am", "10:30am", "11:15am"]);
        let follow_ups = settings.free_slots(MORNING, &[], 20);
        assert_eq!(follow_ups.len(), 10);
        assert_eq!(follow_ups.last().unwrap().end, at(12, 20));
    }

    #[test]
    fn slots_pack_around_bookings_so_no_time_is_wasted() {
        let settings = SlotSettings::default();
        // Four first appointments fill 9am to 12pm; a follow-up still fits at the end.
        let taken: Vec<TimeRange> = settings.free_slots(MORNING, &[], 45);
        assert!(settings.free_slots(MORNING, &taken, 45).is_empty());
        assert_eq!(starts(&settings.free_slots(MORNING, &taken, 20)), ["12pm"]);
        // A follow-up booked at 9:45am: first appointments go round it.
        let taken = [range((9, 45), (10, 5))];
        assert_eq!(
            starts(&settings.free_slots(MORNING, &taken, 45)),
            ["9am", "10:05am", "10:50am", "11:35am"]
        );
    }

    #[test]
    fn a_buffer_keeps_time_between_appointments_but_not_at_the_edges() {
        let settings = SlotSettings {
            buffer_minutes: 10,
            ..SlotSettings::default()
        };
        assert_eq!(
            starts(&settings.free_slots(MORNING, &[], 45)),
            ["9am", "9:55am", "10:50am", "11:45am"]
        );
        let taken = [range((10, 0), (10, 45))];
        let slots = settings.free_slots(MORNING, &taken, 20);
        assert_eq!(
            starts(&slots),
            ["9am", "9:30am", "10:55am", "11:25am", "11:55am"]
        );
        assert!(slots.iter().all(|s| settings.fits(MORNING, &taken, *s)));
        assert!(!settings.fits(MORNING, &taken, range((10, 45), (11, 5))));
        assert!(!settings.fits(MORNING, &taken, range((12, 15), (12, 45))));
    }
}
