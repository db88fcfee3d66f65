//! Merging records kept on two volunteers' devices. Every record carries
//! the history of its changes (a short fingerprint for each), so a merge can
//! tell a newer copy of a record from one changed on both sides since the
//! devices last met. The newer copy wins; a deletion is a change like any
//! other, so a deleted record never comes back; a record changed on both
//! sides is a conflict, listed for a person to choose. Merging A into B gives
//! what merging B into A gives, and merging the same copy again changes nothing.
//! A conflict settled on both devices, each by its own person (perhaps each
//! choosing the other's copy), is settled once more by the later choice,
//! without asking again: two devices that exchange backups end the same.

use serde::{Deserialize, Serialize};

/// How many changes a record remembers. Two copies that last shared a
/// version further back than this are treated as changed on both sides.
pub const HISTORY: usize = 64;

/// A record with its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Versioned<T> {
    pub id: u64,
    /// Fingerprints of its versions, oldest first; the last is the current one.
    pub history: Vec<u64>,
    /// When the current version was made, as an ISO date and time (UTC).
    pub changed: String,
    pub deleted: bool,
    pub value: T,
    /// When a person last settled a conflict over this record: the version
    /// their choice made, then the two versions it settled. Kept through
    /// later changes, so the same conflict settled on another device is
    /// known for what it is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settles: Vec<u64>,
}

/// A record changed on both sides: the copy the merge kept for now and the other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict<T> {
    pub kept: Versioned<T>,
    pub other: Versioned<T>,
}

fn fingerprint(previous: u64, value: &impl Serialize, deleted: bool) -> u64 {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut hash = 0xcbf2_9ce4_8422_2325u64 ^ previous;
    for byte in text.bytes().chain([u8::from(deleted)]) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // Kept below 2^53 so it survives a trip through JavaScript.
    hash & ((1 << 53) - 1)
}

impl<T: Serialize + Clone> Versioned<T> {
    /// A new record.
    pub fn new(id: u64, value: T, now: &str) -> Self {
        Versioned {
            id,
            history: vec![fingerprint(id, &value, false)],
            changed: now.to_string(),
            deleted: false,
            value,
            settles: Vec::new(),
        }
    }

    pub fn head(&self) -> u64 {
        self.history.last().copied().unwrap_or(0)
    }

    fn push(&mut self, now: &str) {
        let next = fingerprint(self.head(), &self.value, self.deleted);
        self.history.push(next);
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
        self.changed = now.to_string();
    }

    /// Records a change; a deleted record that is changed is back.
    pub fn edit(&mut self, value: T, now: &str) {
        self.value = value;
        self.deleted = false;
        self.push(now);
    }

    /// Marks the record deleted; the marker is kept so the record does not
    /// come back from another device's older copy.
    pub fn delete(&mut self, now: &str) {
        self.deleted = true;
        self.push(now);
    }

    /// Settles a conflict: `chosen` becomes the current version, after both
    /// sides' histories, so the next merge with either side is not a conflict.
    pub fn resolve(conflict: &Conflict<T>, chosen: &Versioned<T>, now: &str) -> Versioned<T> {
        let mut history = conflict.kept.history.clone();
        for h in &conflict.other.history {
            if !history.contains(h) {
                history.push(*h);
            }
        }
        let mut resolved = Versioned {
            id: chosen.id,
            history,
            changed: chosen.changed.clone(),
            deleted: chosen.deleted,
            value: chosen.value.clone(),
            settles: Vec::new(),
        };
        resolved.push(now);
        let mut pair = [conflict.kept.head(), conflict.other.head()];
        pair.sort_unstable();
        resolved.settles = [resolved.head()].into_iter().chain(pair).collect();
        resolved
    }

    /// Whether a person's choice made the current version (it was not
    /// changed after the conflict was settled).
    fn is_a_settlement(&self) -> bool {
        self.settles.first() == Some(&self.head())
    }

    /// The two versions whose conflict was last settled, if one was.
    fn settled_pair(&self) -> Option<&[u64]> {
        self.settles.get(1..).filter(|pair| pair.len() == 2)
    }
}

/// Two copies of a record whose one conflict was settled on both devices,
/// each by its own choice: the later settlement, or a copy changed since its
/// own, stays, and its history takes in the other's, so a later merge with
/// either device is no conflict. None when they are not such a pair.
fn settled_twice<T: Serialize + Clone>(a: &Versioned<T>, b: &Versioned<T>) -> Option<Versioned<T>> {
    if a.settled_pair()? != b.settled_pair()? || a.settles[0] == b.settles[0] {
        return None;
    }
    let keep = match (a.is_a_settlement(), b.is_a_settlement()) {
        (true, true) => later(a, b).0,
        // Changed since its settlement: a change made after both choices.
        (false, true) => a,
        (true, false) => b,
        (false, false) => return None,
    };
    let other = if std::ptr::eq(keep, a) { b } else { a };
    let mut kept = keep.clone();
    let head = kept.history.pop();
    for h in &other.history {
        if !kept.history.contains(h) {
            kept.history.push(*h);
        }
    }
    kept.history.extend(head);
    let excess = kept.history.len().saturating_sub(HISTORY);
    kept.history.drain(..excess);
    Some(kept)
}

/// The copy that stays for now when two copies conflict: the later change,
/// then the larger fingerprint, so both devices choose the same one.
fn later<'a, T>(a: &'a Versioned<T>, b: &'a Versioned<T>) -> (&'a Versioned<T>, &'a Versioned<T>) {
    let a_head = a.history.last().copied().unwrap_or(0);
    let b_head = b.history.last().copied().unwrap_or(0);
    if (&a.changed, a_head) >= (&b.changed, b_head) {
        (a, b)
    } else {
        (b, a)
    }
}

/// The result of merging two lists of records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged<T> {
    /// Every record, in id order, deleted ones included (as markers).
    pub records: Vec<Versioned<T>>,
    pub conflicts: Vec<Conflict<T>>,
}

/// A list of records by id; the first of two with the same id is the one seen.
fn by_id<T>(list: &[Versioned<T>]) -> std::collections::BTreeMap<u64, &Versioned<T>> {
    let mut map = std::collections::BTreeMap::new();
    for record in list {
        map.entry(record.id).or_insert(record);
    }
    map
}

/// Merges two lists of the same kind of record.
pub fn merge<T: Serialize + Clone + PartialEq>(
    ours: &[Versioned<T>],
    theirs: &[Versioned<T>],
) -> Merged<T> {
    let (ours, theirs) = (by_id(ours), by_id(theirs));
    let mut ids: Vec<u64> = ours.keys().chain(theirs.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut records = Vec::with_capacity(ids.len());
    let mut conflicts = Vec::new();
    for id in ids {
        let a = ours.get(&id).copied();
        let b = theirs.get(&id).copied();
        let merged = match (a, b) {
            (Some(a), None) | (None, Some(a)) => a.clone(),
            (Some(a), Some(b)) if a.head() == b.head() => later(a, b).0.clone(),
            (Some(a), Some(b)) if a.history.contains(&b.head()) => a.clone(),
            (Some(a), Some(b)) if b.history.contains(&a.head()) => b.clone(),
            (Some(a), Some(b)) => settled_twice(a, b).unwrap_or_else(|| {
                let (kept, other) = later(a, b);
                conflicts.push(Conflict {
                    kept: kept.clone(),
                    other: other.clone(),
                });
                kept.clone()
            }),
            (None, None) => continue,
        };
        records.push(merged);
    }
    Merged { records, conflicts }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::sample::Dice;

    type Note = Versioned<String>;

    fn stamp(n: u64) -> String {
        format!("2026-03-03T10:{:02}:{:02}Z", n / 60 % 60, n % 60)
    }

    /// Two devices that start from the same records and each make random
    /// changes (edits, deletions, new records) without meeting.
    fn diverge(seed: u64) -> (Vec<Note>, Vec<Note>) {
        let mut dice = Dice(seed);
        let shared: Vec<Note> = (0..12)
            .map(|id| Note::new(id, format!("note {id}"), &stamp(0)))
            .collect();
        let mut sides = [shared.clone(), shared];
        let mut clock = 1;
        for (side, list) in sides.iter_mut().enumerate() {
            for _ in 0..dice.below(15) {
                clock += 1;
                match dice.below(4) {
                    0 => {
                        let id = 100 + side as u64 * 100 + clock;
                        list.push(Note::new(id, format!("new {id}"), &stamp(clock)));
                    }
                    1 => {
                        let n = dice.below(list.len());
                        list[n].delete(&stamp(clock));
                    }
                    _ => {
                        let n = dice.below(list.len());
                        let text = format!("{} / changed by {side} at {clock}", list[n].value);
                        list[n].edit(text, &stamp(clock));
                    }
                }
            }
        }
        let [a, b] = sides;
        (a, b)
    }

    #[test]
    fn the_order_of_a_merge_does_not_matter() {
        for seed in 0..300 {
            let (a, b) = diverge(seed);
            let ab = merge(&a, &b);
            let ba = merge(&b, &a);
            assert_eq!(ab.records, ba.records, "seed {seed}");
            assert_eq!(ab.conflicts, ba.conflicts, "seed {seed}");
        }
    }

    #[test]
    fn merging_the_same_copy_again_changes_nothing() {
        for seed in 0..300 {
            let (a, b) = diverge(seed);
            let once = merge(&a, &b).records;
            let twice = merge(&once, &b);
            assert_eq!(twice.records, once, "seed {seed}");
            assert_eq!(merge(&once, &once).records, once);
            assert!(merge(&once, &once).conflicts.is_empty());
        }
    }

    #[test]
    fn a_deleted_record_stays_deleted_when_an_older_copy_is_merged() {
        let old = vec![Note::new(1, "Sam's log".into(), &stamp(0))];
        let mut newer = old.clone();
        newer[0].delete(&stamp(5));
        for merged in [merge(&old, &newer), merge(&newer, &old)] {
            assert!(merged.records[0].deleted);
            assert!(merged.conflicts.is_empty());
        }
    }

    #[test]
    fn the_newer_change_wins_and_a_change_on_both_sides_is_a_conflict() {
        let base = vec![Note::new(1, "called".into(), &stamp(0))];
        let mut a = base.clone();
        a[0].edit("called, left message".into(), &stamp(2));
        let fast_forward = merge(&base, &a);
        assert_eq!(fast_forward.records[0].value, "called, left message");
        assert!(fast_forward.conflicts.is_empty());

        let mut b = base.clone();
        b[0].edit("called, no answer".into(), &stamp(3));
        let clash = merge(&a, &b);
        assert_eq!(clash.conflicts.len(), 1);
        // The later change is kept for now; the other is listed beside it.
        assert_eq!(clash.records[0].value, "called, no answer");
        assert_eq!(clash.conflicts[0].other.value, "called, left message");

        // Once a person chooses, neither side's copy brings the conflict back.
        let chosen = Versioned::resolve(&clash.conflicts[0], &clash.conflicts[0].other, &stamp(4));
        assert_eq!(chosen.value, "called, left message");
        for side in [&a, &b] {
            let again = merge(std::slice::from_ref(&chosen), side);
            assert!(again.conflicts.is_empty());
            assert_eq!(again.records[0], chosen);
        }
    }

    #[test]
    fn conflicts_surface_in_random_histories_whenever_both_sides_changed_a_record() {
        let mut seen = 0;
        for seed in 0..300 {
            let (a, b) = diverge(seed);
            let merged = merge(&a, &b);
            for conflict in &merged.conflicts {
                let (x, y) = (&conflict.kept, &conflict.other);
                assert!(!x.history.contains(&y.head()) && !y.history.contains(&x.head()));
                seen += 1;
            }
            // Every record of either side is in the result.
            for r in a.iter().chain(&b) {
                assert!(merged.records.iter().any(|m| m.id == r.id));
            }
        }
        assert!(seen > 0, "the random histories never made a conflict");
    }
}
