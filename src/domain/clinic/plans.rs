//! Plans made with a person at the clinic, on the clinic's device: kept with
//! the clinic (so the lock, backups and merging cover them) in a part of
//! their own, a [`PlanBook`] for each person. Their wellbeing answers are
//! the ONS4 answers the reports count.

use super::people::WellbeingRecord;
use super::{Clinic, Id};
use crate::domain::dates;
use crate::domain::directory::{days_words, Directory, Service};
use crate::domain::form::{too_long, FieldError};
use crate::domain::plan::wellbeing::{Question, Scores};
use crate::domain::plan::{Activity, CarePlan, PlanBook, LONG_LIMIT, SHORT_LIMIT};
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

/// The wellbeing questions asked at the clinic left unanswered: each needs a
/// score or "I would rather not say", so that a blank is never taken for
/// an answer in the reports.
pub fn unanswered(scores: &Scores) -> Vec<FieldError> {
    Question::ALL
        .into_iter()
        .filter(|q| scores.get(*q).is_none())
        .map(|q| {
            FieldError::new(
                q.id(),
                format!(
                    "{}: select a number from 0 to 10, or I would rather not say",
                    q.name()
                ),
            )
        })
        .collect()
}

/// "Add a goal" at the clinic: the goal in the person's words, why it
/// matters, and a first small step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalForm {
    pub goal: String,
    pub why: String,
    pub step: String,
}

impl GoalForm {
    /// Adds the goal to `plan`, or says what to change (nothing is added).
    pub fn add_to(&self, plan: &mut CarePlan) -> Result<u32, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.goal.trim().is_empty() {
            errors.push(FieldError::new(
                "goal",
                "Enter the goal, in their own words",
            ));
        }
        errors.extend(too_long("goal", "The goal", &self.goal, SHORT_LIMIT));
        errors.extend(too_long("why", "Why it matters", &self.why, LONG_LIMIT));
        errors.extend(too_long(
            "step",
            "The first small step",
            &self.step,
            SHORT_LIMIT,
        ));
        if !errors.is_empty() {
            return Err(errors);
        }
        let id = plan.add_goal();
        if let Some(goal) = plan.goals.iter_mut().find(|g| g.id == id) {
            goal.goal = self.goal.trim().to_string();
            goal.why = self.why.trim().to_string();
            if let Some(step) = goal.steps.first_mut() {
                step.step = self.step.trim().to_string();
            }
        }
        Ok(id)
    }
}

/// "Add a group or service" at the clinic: one from the practice's
/// directory, or one typed in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityForm {
    /// The directory entry chosen, if one was.
    pub service: Option<Id>,
    pub name: String,
    pub contact: String,
    pub when: String,
}

impl ActivityForm {
    /// Adds the activity to `plan`, or says what to change. A service from
    /// the directory brings its name, contact details and when it runs.
    pub fn add_to(
        &self,
        plan: &mut CarePlan,
        directory: &Directory,
    ) -> Result<(), Vec<FieldError>> {
        let chosen = match self.service {
            Some(id) => match directory.services.iter().find(|s| s.id == id) {
                Some(service) => Some(service),
                None => {
                    return Err(vec![FieldError::new(
                        "service",
                        "Choose a service that is in the directory",
                    )])
                }
            },
            None => None,
        };
        let typed = [&self.name, &self.contact, &self.when]
            .into_iter()
            .any(|t| !t.trim().is_empty());
        let mut errors = Vec::new();
        if chosen.is_some() && typed {
            errors.push(FieldError::new(
                "service",
                "Choose a service from the directory or type one in, not both",
            ));
        } else if chosen.is_none() && self.name.trim().is_empty() {
            errors.push(FieldError::new(
                "service",
                "Choose a service from the directory, or enter the name of a group or service",
            ));
        }
        errors.extend(too_long("name", "The name", &self.name, SHORT_LIMIT));
        errors.extend(too_long(
            "contact",
            "Contact details",
            &self.contact,
            SHORT_LIMIT,
        ));
        errors.extend(too_long("when", "When", &self.when, SHORT_LIMIT));
        if !errors.is_empty() {
            return Err(errors);
        }
        let activity = match chosen {
            Some(service) => activity_from(service),
            None => Activity {
                name: self.name.trim().to_string(),
                contact: self.contact.trim().to_string(),
                when: self.when.trim().to_string(),
                ..Activity::default()
            },
        };
        let id = plan.add_activity();
        if let Some(added) = plan.activities.iter_mut().find(|a| a.id == id) {
            *added = Activity { id, ..activity };
        }
        Ok(())
    }
}

/// A directory entry as a plan's activity: its name, how to contact it
/// (phone, email, website, place) and when it runs (days and times).
pub fn activity_from(service: &Service) -> Activity {
    let join = |parts: &[&str]| {
        parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let days = days_words(&service.days);
    Activity {
        id: 0,
        name: service.name.trim().to_string(),
        contact: join(&[
            &service.phone,
            &service.email,
            &service.website,
            &service.place,
        ]),
        when: join(&[&days, &service.when]),
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
        clinic
            .plans_of_mut(7)
            .new_version("plan-a", "plan-b", day(10));
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

#[cfg(test)]
mod form_tests {
    use super::*;
    use crate::domain::directory::Service;
    use chrono::NaiveDate;

    fn plan() -> CarePlan {
        CarePlan::new("plan-1", NaiveDate::from_ymd_opt(2026, 3, 3).unwrap())
    }

    fn directory() -> Directory {
        Directory {
            services: vec![Service {
                id: 41,
                name: "Walk and Talk".into(),
                phone: "0113 496 0000".into(),
                place: "Park Lane".into(),
                days: vec![1, 3],
                when: "10am to 11am".into(),
                ..Service::default()
            }],
        }
    }

    #[test]
    fn every_wellbeing_question_needs_a_score_or_rather_not_say() {
        let mut scores = Scores::default();
        assert_eq!(unanswered(&scores).len(), 4);
        scores.set(
            Question::Happy,
            Some(crate::domain::plan::wellbeing::Answer::RatherNotSay),
        );
        let left = unanswered(&scores);
        assert_eq!(left.len(), 3);
        assert!(left.iter().all(|e| e.field != Question::Happy.id()));
        assert!(left[0]
            .message
            .ends_with(": select a number from 0 to 10, or I would rather not say"));
        assert!(unanswered(&Scores::of([1, 2, 3, 4])).is_empty());
    }

    #[test]
    fn a_goal_needs_its_words_and_brings_its_first_step() {
        let mut plan = plan();
        let empty = GoalForm::default().add_to(&mut plan).unwrap_err();
        assert_eq!(empty[0].message, "Enter the goal, in their own words");
        assert!(plan.goals.is_empty(), "nothing added");
        let form = GoalForm {
            goal: " Get out more ".into(),
            why: String::new(),
            step: "Ask at the library".into(),
        };
        let id = form.add_to(&mut plan).unwrap();
        let goal = plan.goals.iter().find(|g| g.id == id).unwrap();
        assert_eq!(goal.goal, "Get out more");
        assert_eq!(goal.steps[0].step, "Ask at the library");
    }

    #[test]
    fn a_service_from_the_directory_brings_its_contact_and_when_it_runs() {
        let mut plan = plan();
        let form = ActivityForm {
            service: Some(41),
            ..ActivityForm::default()
        };
        form.add_to(&mut plan, &directory()).unwrap();
        let added = &plan.activities[0];
        assert_eq!(added.name, "Walk and Talk");
        assert_eq!(added.contact, "0113 496 0000, Park Lane");
        assert_eq!(added.when, "Tuesdays and Thursdays, 10am to 11am");
        assert_ne!(added.id, 0);
    }

    #[test]
    fn a_service_is_chosen_or_typed_in_never_neither_nor_both() {
        let mut plan = plan();
        let neither = ActivityForm::default().add_to(&mut plan, &directory());
        assert_eq!(
            neither.unwrap_err()[0].message,
            "Choose a service from the directory, or enter the name of a group or service"
        );
        let both = ActivityForm {
            service: Some(41),
            name: "Choir".into(),
            ..ActivityForm::default()
        };
        assert_eq!(
            both.add_to(&mut plan, &directory()).unwrap_err()[0].message,
            "Choose a service from the directory or type one in, not both"
        );
        let gone = ActivityForm {
            service: Some(99),
            ..ActivityForm::default()
        };
        assert!(gone.add_to(&mut plan, &directory()).is_err());
        assert!(plan.activities.is_empty());
        let typed = ActivityForm {
            name: "Choir".into(),
            when: "Fridays".into(),
            ..ActivityForm::default()
        };
        typed.add_to(&mut plan, &directory()).unwrap();
        assert_eq!(plan.activities[0].name, "Choir");
    }
}
