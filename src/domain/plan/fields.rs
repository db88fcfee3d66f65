//! Where each text a person types lives in a plan, so that one binding
//! serves every box on the plan's pages (each box saves as it is typed in).

use super::{CarePlan, Goal};
use crate::domain::dates::TypedDate;

/// One of a typed date's three boxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

impl DatePart {
    fn of(self, date: &TypedDate) -> &String {
        match self {
            DatePart::Day => &date.day,
            DatePart::Month => &date.month,
            DatePart::Year => &date.year,
        }
    }

    fn of_mut(self, date: &mut TypedDate) -> &mut String {
        match self {
            DatePart::Day => &mut date.day,
            DatePart::Month => &mut date.month,
            DatePart::Year => &mut date.year,
        }
    }
}

/// A text in a plan; goals, steps and activities by their id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanText {
    Called,
    Matters,
    GoingWell,
    Different,
    Goal(u32),
    Why(u32),
    WhoCanHelp(u32),
    InTheWay(u32),
    CouldHelp(u32),
    Step(u32),
    StepDate(u32, DatePart),
    ActivityName(u32),
    ActivityContact(u32),
    ActivityWhen(u32),
    ICan,
    ICanCall,
    ReviewDate(DatePart),
    WorkingWith,
    /// What has changed, in the review being written.
    ReviewChanged,
}

impl CarePlan {
    fn goal(&self, id: u32) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    fn goal_mut(&mut self, id: u32) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|g| g.id == id)
    }

    /// The text at `at`, if the goal, step or activity it is in exists.
    pub fn text(&self, at: PlanText) -> Option<&String> {
        use PlanText::*;
        let step = |id: u32| {
            self.goals
                .iter()
                .flat_map(|g| &g.steps)
                .find(|s| s.id == id)
        };
        let activity = |id: u32| self.activities.iter().find(|a| a.id == id);
        match at {
            Called => Some(&self.about.called),
            Matters => Some(&self.about.matters),
            GoingWell => Some(&self.about.going_well),
            Different => Some(&self.about.different),
            Goal(id) => self.goal(id).map(|g| &g.goal),
            Why(id) => self.goal(id).map(|g| &g.why),
            WhoCanHelp(id) => self.goal(id).map(|g| &g.who_can_help),
            InTheWay(id) => self.goal(id).map(|g| &g.in_the_way),
            CouldHelp(id) => self.goal(id).map(|g| &g.what_could_help),
            Step(id) => step(id).map(|s| &s.step),
            StepDate(id, part) => step(id).map(|s| part.of(&s.by)),
            ActivityName(id) => activity(id).map(|a| &a.name),
            ActivityContact(id) => activity(id).map(|a| &a.contact),
            ActivityWhen(id) => activity(id).map(|a| &a.when),
            ICan => Some(&self.harder.i_can),
            ICanCall => Some(&self.harder.i_can_call),
            ReviewDate(part) => Some(part.of(&self.next_review.date)),
            WorkingWith => Some(&self.next_review.working_with),
            ReviewChanged => Some(&self.review_draft.changed),
        }
    }

    /// [`CarePlan::text`], to change.
    pub fn text_mut(&mut self, at: PlanText) -> Option<&mut String> {
        use PlanText::*;
        match at {
            Called => Some(&mut self.about.called),
            Matters => Some(&mut self.about.matters),
            GoingWell => Some(&mut self.about.going_well),
            Different => Some(&mut self.about.different),
            Goal(id) => self.goal_mut(id).map(|g| &mut g.goal),
            Why(id) => self.goal_mut(id).map(|g| &mut g.why),
            WhoCanHelp(id) => self.goal_mut(id).map(|g| &mut g.who_can_help),
            InTheWay(id) => self.goal_mut(id).map(|g| &mut g.in_the_way),
            CouldHelp(id) => self.goal_mut(id).map(|g| &mut g.what_could_help),
            Step(id) => self.step_mut(id).map(|s| &mut s.step),
            StepDate(id, part) => self.step_mut(id).map(|s| part.of_mut(&mut s.by)),
            ActivityName(id) => self.activity_mut(id).map(|a| &mut a.name),
            ActivityContact(id) => self.activity_mut(id).map(|a| &mut a.contact),
            ActivityWhen(id) => self.activity_mut(id).map(|a| &mut a.when),
            ICan => Some(&mut self.harder.i_can),
            ICanCall => Some(&mut self.harder.i_can_call),
            ReviewDate(part) => Some(part.of_mut(&mut self.next_review.date)),
            WorkingWith => Some(&mut self.next_review.working_with),
            ReviewChanged => Some(&mut self.review_draft.changed),
        }
    }

    fn step_mut(&mut self, id: u32) -> Option<&mut super::SmallStep> {
        self.goals
            .iter_mut()
            .flat_map(|g| &mut g.steps)
            .find(|s| s.id == id)
    }

    fn activity_mut(&mut self, id: u32) -> Option<&mut super::Activity> {
        self.activities.iter_mut().find(|a| a.id == id)
    }

    /// Ticks a step as done, or not.
    pub fn set_step_done(&mut self, step: u32, done: bool) {
        if let Some(step) = self.step_mut(step) {
            step.done = done;
        }
    }

    /// Whether a step is ticked as done.
    pub fn step_done(&self, step: u32) -> bool {
        self.goals
            .iter()
            .flat_map(|g| &g.steps)
            .any(|s| s.id == step && s.done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn every_box_on_a_page_reads_and_writes_its_own_text_exactly_as_typed() {
        let mut plan = CarePlan::new("plan-1", NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
        let goal = plan.add_goal();
        let step = plan.goals[0].steps[0].id;
        let activity = plan.add_activity();
        let typed = "Siobhán’s walk 🌳\nTuesdays";
        *plan.text_mut(PlanText::Why(goal)).unwrap() = typed.to_string();
        *plan.text_mut(PlanText::Step(step)).unwrap() = "Ring Jo".to_string();
        *plan
            .text_mut(PlanText::StepDate(step, DatePart::Month))
            .unwrap() = "4".to_string();
        *plan.text_mut(PlanText::ActivityWhen(activity)).unwrap() = "Fridays".to_string();
        *plan.text_mut(PlanText::ReviewDate(DatePart::Year)).unwrap() = "2026".to_string();
        assert_eq!(plan.goals[0].why, typed);
        assert_eq!(plan.text(PlanText::Why(goal)).unwrap(), typed);
        assert_eq!(plan.goals[0].steps[0].step, "Ring Jo");
        assert_eq!(plan.goals[0].steps[0].by.month, "4");
        assert_eq!(plan.activities[0].when, "Fridays");
        assert_eq!(plan.next_review.date.year, "2026");
        // A goal or step that has gone has no text to show or change.
        plan.remove_goal(goal);
        assert!(plan.text(PlanText::Step(step)).is_none());
        assert!(plan.text_mut(PlanText::Goal(goal)).is_none());
    }

    #[test]
    fn a_step_is_ticked_done_and_unticked() {
        let mut plan = CarePlan::default();
        plan.add_goal();
        let step = plan.goals[0].steps[0].id;
        assert!(!plan.step_done(step));
        plan.set_step_done(step, true);
        assert!(plan.step_done(step));
        plan.set_step_done(step, false);
        assert!(!plan.step_done(step));
    }
}
