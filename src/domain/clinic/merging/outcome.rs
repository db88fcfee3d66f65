//! Choosing between the two copies of a record changed on both devices, and
//! the merge's result: the clinic and ledger to keep, and what it did in words.

use super::patch::patch;
use super::records::{rebuild, Record};
use super::words::lower_first;
use super::{ClinicMerge, Ledger, Side};
use crate::domain::clinic::Clinic;
use crate::domain::form::FieldError;
use crate::domain::merge::Versioned;

impl ClinicMerge {
    /// The choice made for each conflict, or an error for each left unmade.
    /// A conflict's choices are `conflict-<n>` (this device) and `conflict-<n>-other`.
    pub fn check_choices(&self, chosen: &[Option<Side>]) -> Result<Vec<Side>, Vec<FieldError>> {
        let mut sides = Vec::new();
        let mut errors = Vec::new();
        for (n, conflict) in self.conflicts.iter().enumerate() {
            match chosen.get(n).copied().flatten() {
                Some(side) => sides.push(side),
                None => errors.push(FieldError::new(
                    format!("conflict-{n}"),
                    format!(
                        "Select which version of {} to keep",
                        lower_first(&conflict.label)
                    ),
                )),
            }
        }
        if errors.is_empty() {
            Ok(sides)
        } else {
            Err(errors)
        }
    }

    /// Counts the self-referrals scanned in on the other device that are new
    /// here among what the merge adds (they are merged apart from the clinic,
    /// see `ClinicInbox::take_in`).
    pub fn add_referrals(&mut self, new: usize) {
        match new {
            0 => {}
            1 => self.added.push("1 self-referral scanned in".to_string()),
            n => self.added.push(format!("{n} self-referrals scanned in")),
        }
    }

    /// What the merge did, said once it is saved: "1 person added: Sam
    /// Taylor", "2 appointments brought up to date: ...", then how each
    /// record changed on both devices was settled, with `choices`.
    pub fn summary(&self, choices: &[Side]) -> Vec<String> {
        let counts = [
            (&self.added, "added"),
            (&self.changed, "brought up to date"),
            (&self.removed, "removed"),
        ]
        .into_iter()
        .flat_map(|(list, how)| {
            list.iter().map(move |r| match r.split_once(": ") {
                Some((count, names)) => format!("{count} {how}: {names}"),
                None => format!("{r} {how}"),
            })
        });
        let settled = self.conflicts.iter().zip(choices).map(|(conflict, side)| {
            let kept = match side {
                Side::ThisDevice => "kept this device\u{2019}s version",
                Side::OtherDevice => "took the other device\u{2019}s version",
            };
            let what: Vec<String> = conflict
                .differences
                .iter()
                .map(|d| {
                    let value = match side {
                        Side::ThisDevice => &d.this_device,
                        Side::OtherDevice => &d.other_device,
                    };
                    format!("{}: {}", d.field, value)
                })
                .collect();
            if what.is_empty() {
                format!("{}: {kept}", conflict.label)
            } else {
                format!("{}: {kept} ({})", conflict.label, what.join("; "))
            }
        });
        counts.chain(settled).collect()
    }

    /// Whether the merge would change nothing on this device.
    pub fn changes_nothing(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.conflicts.is_empty()
    }

    /// Whether the merge changes this device's ledger: the other device
    /// knows more of some record's history, or less.
    pub fn changes_ledger(&self) -> bool {
        let Some(onto) = &self.onto else {
            return true;
        };
        let ledger = &onto.1;
        self.rows.iter().any(|(collection, entry, _)| {
            ledger
                .entries(*collection)
                .iter()
                .find(|e| e.id == entry.id)
                != Some(entry)
        })
    }

    /// The merged clinic and ledger, with each conflict settled as chosen
    /// (one choice per conflict, in order).
    pub fn finish(mut self, choices: &[Side], now: &str) -> (Clinic, Ledger) {
        for (conflict, side) in self.conflicts.iter().zip(choices) {
            let ours_is_kept =
                conflict.ours.as_ref().map(Versioned::head) == Some(conflict.conflict.kept.head());
            let chosen = if (*side == Side::ThisDevice) == ours_is_kept {
                &conflict.conflict.kept
            } else {
                &conflict.conflict.other
            };
            let value = match side {
                Side::ThisDevice => conflict.this_device.clone(),
                Side::OtherDevice => conflict.other_device.clone(),
            };
            let resolved = Versioned::resolve(&conflict.conflict, chosen, now);
            if let Some(row) = self
                .rows
                .iter_mut()
                .find(|(c, e, _)| *c == conflict.collection && e.id == resolved.id)
            {
                row.2 = if resolved.deleted { None } else { value };
                row.1 = resolved;
            }
        }
        if let Some(onto) = self.onto {
            let (mut clinic, mut ledger) = *onto;
            let mut entries = Vec::with_capacity(self.rows.len());
            let mut values = Vec::with_capacity(self.rows.len());
            for (collection, entry, value) in self.rows {
                values.push((collection, entry.id, value));
                entries.push((collection, entry));
            }
            patch(&mut clinic, &values);
            ledger.put(&entries);
            return (clinic, ledger);
        }
        let records: Vec<Record> = self
            .rows
            .iter()
            .filter_map(|(collection, entry, value)| {
                value.clone().map(|value| Record {
                    collection: *collection,
                    id: entry.id,
                    value,
                })
            })
            .collect();
        let mut ledger = Ledger::default();
        for (collection, entry, _) in self.rows {
            ledger.records.entry(collection).or_default().push(entry);
        }
        (rebuild(&records), ledger)
    }
}
