//! Plans made with a person at the clinic, on the clinic's device: kept with
//! the clinic (so the lock, backups and merging cover them) in a part of
//! their own, a [`PlanBook`] for each person. Their wellbeing answers are
//! the ONS4 answers the reports count.

use super::people::WellbeingRecord;
use super::{Clinic, Id};
use crate::domain::dates;
use crate::domain::plan::{CarePlan, PlanBook};
use serde::{Deserialize, Serialize};

/// One person's plans, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonPlans {
    pub person: Id,
    pub book: PlanBook,
}

// Every field of a plan is text, a number or a choice: equality is exact.
impl Eq for PersonPlans {}

impl Clinic {
    /// The plans made with `person`, if any.
    pub fn plans_of(&self, person: Id) -> Option<&PlanBook> {
        self.plans
            .iter()
            .find(|p| p.person == person)
            .map(|p| &p.book)
    }

    /// The plans of `person`, to change: an empty book the first time.
    pub fn plans_of_mut(&mut self, person: Id) -> &mut PlanBook {
        let at = match self.plans.iter().position(|p| p.person == person) {
            Some(at) => at,
            None => {
                self.plans.push(PersonPlans {
                    person,
                    book: PlanBook::default(),
                });
                self.plans.len() - 1
            }
        };
        &mut self.plans[at].book
    }

    /// The newest plan made with `person`, to change.
    pub fn newest_plan_mut(&mut self, person: Id) -> Option<&mut CarePlan> {
        self.plans
            .iter_mut()
            .find(|p| p.person == person)
            .and_then(|p| p.book.newest_mut())
    }

    /// Every set of wellbeing scores given by `person`, oldest first, one a
    /// day: those recorded on their record (kept from older files) and every
    /// answer in the plans made with them (the start and each review). An
    /// answer found twice on one day (a new version of a plan starts with
    /// its latest review's scores) is counted once, the plan's being kept.
    pub fn wellbeing_of(&self, person: Id) -> Vec<WellbeingRecord> {
        let mut all: Vec<WellbeingRecord> = self
            .person(person)
            .map(|p| p.wellbeing.clone())
            .unwrap_or_default();
        let plans = self.plans_of(person).map_or(&[][..], |b| &b.plans[..]);
        // Oldest plan first, so a later plan's answer on the same day wins.
        for plan in plans.iter().rev() {
            for recorded in plan.wellbeing_history() {
                let Some(on) = recorded.on else { continue };
                if !recorded.scores.any() {
                    continue;
                }
                let on = dates::iso(on);
                all.retain(|w| w.on != on);
                all.push(WellbeingRecord {
                    on,
                    scores: recorded.scores.clone(),
                });
            }
        }
        all.sort_by(|a, b| a.on.cmp(&b.on));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clinic::people::Person;
    use crate::domain::plan::wellbeing::Scores;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn clinic_with_sam() -> Clinic {
        let mut clinic = Clinic::default();
        clinic.people.push(Person {
            id: 7,
            name: "Sam Taylor".into(),
            ..Person::default()
        });
        clinic
    }

    #[test]
    fn a_plan_made_with_a_person_is_kept_under_them_and_no_one_else() {
        let mut clinic = clinic_with_sam();
        assert!(clinic.plans_of(7).is_none());
        clinic.plans_of_mut(7).start("plan-a", day(3));
        clinic.plans_of_mut(7).start("plan-b", day(4));
        assert_eq!(clinic.plans.len(), 1, "one book for Sam");
        assert_eq!(clinic.plans_of(7).unwrap().plans.len(), 2);
        assert_eq!(clinic.newest_plan_mut(7).unwrap().id, "plan-b");
        assert!(clinic.plans_of(8).is_none() && clinic.newest_plan_mut(8).is_none());
    }

    #[test]
    fn the_start_and_each_review_of_a_plan_are_the_persons_wellbeing_answers() {
        let mut clinic = clinic_with_sam();
        let plan = clinic.plans_of_mut(7).start("plan-a", day(3)).id.clone();
        let plan = clinic.plans_of_mut(7).get_mut(&plan).unwrap();
        plan.wellbeing = Scores::of([4, 5, 4, 8]);
        plan.wellbeing_on = "2026-03-03".into();
        plan.record_review(day(24), Scores::of([6, 6, 7, 4]), String::new(), &[]);
        let answers = clinic.wellbeing_of(7);
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[0].on, "2026-03-03");
        assert_eq!(answers[1].scores, Scores::of([6, 6, 7, 4]));
    }

    #[test]
    fn an_answer_on_the_record_and_in_a_plan_on_the_same_day_is_counted_once() {
        let mut clinic = clinic_with_sam();
        clinic.person_mut(7).unwrap().wellbeing = vec![
            WellbeingRecord {
                on: "2026-01-05".into(),
                scores: Scores::of([2, 2, 2, 9]),
            },
            WellbeingRecord {
                on: "2026-03-03".into(),
                scores: Scores::of([3, 3, 3, 9]),
            },
        ];
        let plan = clinic.plans_of_mut(7).start("plan-a", day(3)).id.clone();
        let plan = clinic.plans_of_mut(7).get_mut(&plan).unwrap();
        plan.wellbeing = Scores::of([4, 5, 4, 8]);
        plan.wellbeing_on = "2026-03-03".into();
        // A new version starts with the same day's scores: still one answer.
        clinic.plans_of_mut(7).new_version("plan-a", "plan-b", day(10));
        let answers = clinic.wellbeing_of(7);
        let days: Vec<&str> = answers.iter().map(|w| w.on.as_str()).collect();
        assert_eq!(days, ["2026-01-05", "2026-03-03"]);
        assert_eq!(answers[1].scores, Scores::of([4, 5, 4, 8]));
    }

    #[test]
    fn a_plan_without_wellbeing_answers_adds_none() {
        let mut clinic = clinic_with_sam();
        clinic.plans_of_mut(7).start("plan-a", day(3));
        assert!(clinic.wellbeing_of(7).is_empty());
    }
}
