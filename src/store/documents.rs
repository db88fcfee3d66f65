//! The documents the app keeps, with their storage kind and schema version.
//! A change to a stored shape raises its version here and adds its migration.

use super::{Document, KnownKind};
use crate::domain::backup_habit::BackupHabit;
use crate::domain::clinic::merging::Ledger;
use crate::domain::clinic::Clinic;
use crate::domain::directory::Directory;
use crate::domain::plan::PlanBook;
use crate::domain::referral::{ClinicInbox, ReferralDraft};
use crate::domain::reminders::Wording;

impl Document for ReferralDraft {
    const KIND: &'static str = "referral";
    const VERSION: u32 = 1;
}

impl Document for ClinicInbox {
    const KIND: &'static str = "clinic-inbox";
    const VERSION: u32 = 1;
}

impl Document for PlanBook {
    const KIND: &'static str = "plans";
    const VERSION: u32 = 1;
}

impl Document for Directory {
    const KIND: &'static str = "directory";
    const VERSION: u32 = 1;
}

impl Document for Wording {
    const KIND: &'static str = "reminder-wording";
    const VERSION: u32 = 1;
}

impl Document for Ledger {
    const KIND: &'static str = "clinic-ledger";
    const VERSION: u32 = 1;
}

impl Document for BackupHabit {
    const KIND: &'static str = "backup-habit";
    const VERSION: u32 = 1;
}

/// Every kind this version of the app reads: checked when the app opens.
pub const KNOWN: &[KnownKind] = &[
    KnownKind::of::<ReferralDraft>(),
    KnownKind::of::<ClinicInbox>(),
    KnownKind::of::<PlanBook>(),
    KnownKind::of::<Clinic>(),
    KnownKind::parts(
        super::clinic_parts::PARTS,
        super::clinic_parts::PART_VERSION,
    ),
    KnownKind::of::<Ledger>(),
    KnownKind::of::<BackupHabit>(),
    KnownKind::of::<super::sealed::LockSettings>(),
    KnownKind::of::<Directory>(),
    KnownKind::of::<Wording>(),
];
