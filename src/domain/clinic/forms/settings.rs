//! The clinic's appointment settings as typed.

use super::{finish, keep, number};
use crate::domain::clinic::check::{
    BUFFER_MINUTES, FIRST_MINUTES, FOLLOW_UP_MINUTES, SAFE_YEARLY_MAXIMUM,
};
use crate::domain::clinic::slots::SlotSettings;
use crate::domain::form::FieldError;

/// The clinic's settings as typed: appointment lengths, the gap between
/// appointments, and the safe number of people a year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SettingsForm {
    pub first: String,
    pub follow_up: String,
    pub buffer: String,
    pub safe_yearly_maximum: String,
}

impl SettingsForm {
    pub fn from_clinic(slots: SlotSettings, safe_yearly_maximum: u32) -> Self {
        SettingsForm {
            first: slots.first_minutes.to_string(),
            follow_up: slots.follow_up_minutes.to_string(),
            buffer: slots.buffer_minutes.to_string(),
            safe_yearly_maximum: safe_yearly_maximum.to_string(),
        }
    }

    pub fn check(&self) -> Result<(SlotSettings, u32), Vec<FieldError>> {
        let mut errors = Vec::new();
        let first = keep(
            number(
                "first",
                &self.first,
                "the minutes for a first appointment",
                FIRST_MINUTES.0,
                FIRST_MINUTES.1,
            ),
            &mut errors,
        );
        let follow_up = keep(
            number(
                "follow-up",
                &self.follow_up,
                "the minutes for a follow-up",
                FOLLOW_UP_MINUTES.0,
                FOLLOW_UP_MINUTES.1,
            ),
            &mut errors,
        );
        let buffer = keep(
            number(
                "buffer",
                &self.buffer,
                "the minutes between appointments",
                BUFFER_MINUTES.0,
                BUFFER_MINUTES.1,
            ),
            &mut errors,
        );
        let maximum = keep(
            number(
                "safe-maximum",
                &self.safe_yearly_maximum,
                "the number of people a year",
                SAFE_YEARLY_MAXIMUM.0,
                SAFE_YEARLY_MAXIMUM.1,
            ),
            &mut errors,
        );
        let settings = (|| {
            Some((
                SlotSettings {
                    first_minutes: u16::try_from(first?).ok()?,
                    follow_up_minutes: u16::try_from(follow_up?).ok()?,
                    buffer_minutes: u16::try_from(buffer?).ok()?,
                },
                maximum?,
            ))
        })();
        finish(settings, errors)
    }
}
