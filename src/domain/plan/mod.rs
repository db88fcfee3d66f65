//! "What matters to me": a person's care and support plan, in their own words.
//! Made of six sections a person can fill in on different days, reviewed from
//! time to time with wellbeing scores recorded each time, and kept on the
//! device in as many versions as the person wants.

pub mod chart;
pub mod check;
pub mod fields;
pub mod share;
pub mod text;
pub mod wellbeing;

#[cfg(test)]
mod tests;

use crate::domain::dates::{self, TypedDate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wellbeing::Scores;

/// The longest answer to a short question (a name, a step, a contact), in characters.
pub const SHORT_LIMIT: usize = 200;
/// The longest answer to an open question (what matters to me), in characters.
pub const LONG_LIMIT: usize = 1000;
/// The longest "who can help" answer: a few names and numbers.
pub const WHO_LIMIT: usize = SHORT_LIMIT * 2;

/// A plan. Every text is kept exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CarePlan {
    /// Stable for the plan's life, also on another device it is shared to.
    pub id: String,
    /// When the plan was started, as "2026-03-03".
    pub started: String,
    pub about: AboutMe,
    /// "My wellbeing today", when the plan was made.
    pub wellbeing: Scores,
    /// When [`CarePlan::wellbeing`] was recorded, as "2026-03-03".
    pub wellbeing_on: String,
    pub goals: Vec<Goal>,
    pub activities: Vec<Activity>,
    pub harder: IfHarder,
    pub next_review: NextReview,
    pub reviews: Vec<Review>,
    /// The sections the person has said are finished.
    pub completed: Vec<Section>,
    /// A review being written, kept as it is typed until it is saved.
    #[serde(skip_serializing_if = "ReviewDraft::is_empty")]
    pub review_draft: ReviewDraft,
    /// The last number given to a goal, step or activity.
    pub last_id: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AboutMe {
    pub called: String,
    pub matters: String,
    pub going_well: String,
    pub different: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub id: u32,
    pub goal: String,
    pub why: String,
    pub steps: Vec<SmallStep>,
    pub who_can_help: String,
    pub in_the_way: String,
    pub what_could_help: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmallStep {
    pub id: u32,
    pub step: String,
    /// When the person means to do it, if they said.
    pub by: TypedDate,
    pub done: bool,
}

/// A group or service the person wants to try.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    pub id: u32,
    pub name: String,
    pub contact: String,
    pub when: String,
}

/// "If things get harder". Urgent help (999, NHS 111, Samaritans) is always
/// shown beside it, whatever is written here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IfHarder {
    pub i_can: String,
    pub i_can_call: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NextReview {
    pub date: TypedDate,
    pub working_with: String,
}

/// A look back at the plan: the wellbeing scores again and what changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// As "2026-03-03".
    pub on: String,
    pub wellbeing: Scores,
    pub changed: String,
    /// The steps ticked off at this review, as they were worded then.
    pub steps_done: Vec<String>,
}

/// A review not yet saved: the scores, what changed, and the ids of the
/// steps ticked off so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewDraft {
    pub wellbeing: Scores,
    pub changed: String,
    pub done: Vec<u32>,
}

impl ReviewDraft {
    pub fn is_empty(&self) -> bool {
        *self == ReviewDraft::default()
    }

    /// Ticks step `step` off, or not.
    pub fn tick(&mut self, step: u32, done: bool) {
        self.done.retain(|s| *s != step);
        if done {
            self.done.push(step);
        }
    }
}

/// The parts of a plan, in the order of the task list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    AboutMe,
    Wellbeing,
    Goals,
    Support,
    Harder,
    Review,
}

/// How far a section has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
        }
    }
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::AboutMe,
        Section::Wellbeing,
        Section::Goals,
        Section::Support,
        Section::Harder,
        Section::Review,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::AboutMe => "About me",
            Section::Wellbeing => "My wellbeing today",
            Section::Goals => "My goals",
            Section::Support => "Support and activities",
            Section::Harder => "If things get harder",
            Section::Review => "Review",
        }
    }

    /// Its page, under the app's base.
    pub fn path(self) -> &'static str {
        match self {
            Section::AboutMe => "plan/about-me",
            Section::Wellbeing => "plan/wellbeing",
            Section::Goals => "plan/goals",
            Section::Support => "plan/support",
            Section::Harder => "plan/if-things-get-harder",
            Section::Review => "plan/review",
        }
    }

    pub fn from_path(path: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.path() == path)
    }
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

impl CarePlan {
    /// A new, empty plan.
    pub fn new(id: impl Into<String>, today: NaiveDate) -> Self {
        CarePlan {
            id: id.into(),
            started: dates::iso(today),
            ..CarePlan::default()
        }
    }

    /// When the plan was started, if that is known.
    pub fn started_on(&self) -> Option<NaiveDate> {
        dates::parse_iso(&self.started)
    }

    /// What the plan is called in a list of plans.
    pub fn name(&self) -> String {
        match self.started_on() {
            Some(date) => format!("Plan started {}", dates::short_date(date)),
            None => "Plan".to_string(),
        }
    }

    /// Whether anything has been written in `section`.
    pub fn has_content(&self, section: Section) -> bool {
        match section {
            Section::AboutMe => {
                let a = &self.about;
                [&a.called, &a.matters, &a.going_well, &a.different]
                    .into_iter()
                    .any(|t| filled(t))
            }
            Section::Wellbeing => self.wellbeing.any(),
            Section::Goals => self.goals.iter().any(|g| {
                [
                    &g.goal,
                    &g.why,
                    &g.who_can_help,
                    &g.in_the_way,
                    &g.what_could_help,
                ]
                .into_iter()
                .any(|t| filled(t))
                    || g.steps.iter().any(|s| filled(&s.step))
            }),
            Section::Support => self.activities.iter().any(|a| {
                [&a.name, &a.contact, &a.when]
                    .into_iter()
                    .any(|t| filled(t))
            }),
            Section::Harder => filled(&self.harder.i_can) || filled(&self.harder.i_can_call),
            Section::Review => {
                !self.next_review.date.is_empty() || filled(&self.next_review.working_with)
            }
        }
    }

    /// A section is completed when the person says so, and in progress as
    /// soon as anything is written in it.
    pub fn status(&self, section: Section) -> Status {
        if self.completed.contains(&section) {
            Status::Completed
        } else if self.has_content(section) {
            Status::InProgress
        } else {
            Status::NotStarted
        }
    }

    /// Records whether the person has finished `section`.
    pub fn set_completed(&mut self, section: Section, done: bool) {
        self.completed.retain(|s| *s != section);
        if done {
            self.completed.push(section);
        }
    }

    /// How many sections are completed.
    pub fn completed_count(&self) -> usize {
        Section::ALL
            .iter()
            .filter(|s| self.status(**s) == Status::Completed)
            .count()
    }

    fn next_id(&mut self) -> u32 {
        self.last_id += 1;
        self.last_id
    }

    /// Adds an empty goal with one empty step, and returns its id.
    pub fn add_goal(&mut self) -> u32 {
        let id = self.next_id();
        let step = self.next_id();
        self.goals.push(Goal {
            id,
            steps: vec![SmallStep {
                id: step,
                ..SmallStep::default()
            }],
            ..Goal::default()
        });
        id
    }

    pub fn remove_goal(&mut self, goal: u32) {
        self.goals.retain(|g| g.id != goal);
    }

    /// Adds an empty step to `goal`, and returns its id.
    pub fn add_step(&mut self, goal: u32) -> Option<u32> {
        let id = self.next_id();
        let goal = self.goals.iter_mut().find(|g| g.id == goal)?;
        goal.steps.push(SmallStep {
            id,
            ..SmallStep::default()
        });
        Some(id)
    }

    pub fn remove_step(&mut self, step: u32) {
        for goal in &mut self.goals {
            goal.steps.retain(|s| s.id != step);
        }
    }

    /// Adds an empty activity, and returns its id.
    pub fn add_activity(&mut self) -> u32 {
        let id = self.next_id();
        self.activities.push(Activity {
            id,
            ..Activity::default()
        });
        id
    }

    pub fn remove_activity(&mut self, activity: u32) {
        self.activities.retain(|a| a.id != activity);
    }

    /// Records one answer to "My wellbeing today", dated `today`.
    pub fn answer_wellbeing(
        &mut self,
        question: wellbeing::Question,
        answer: Option<wellbeing::Answer>,
        today: NaiveDate,
    ) {
        self.wellbeing.set(question, answer);
        self.wellbeing_on = dates::iso(today);
    }

    /// Every step not yet done, with the goal it belongs to.
    pub fn open_steps(&self) -> Vec<(&Goal, &SmallStep)> {
        self.goals
            .iter()
            .flat_map(|g| g.steps.iter().map(move |s| (g, s)))
            .filter(|(_, s)| !s.done && filled(&s.step))
            .collect()
    }

    /// Records a review on `on`: ticks off the steps `done`, and keeps the
    /// scores and what changed alongside every earlier review.
    pub fn record_review(
        &mut self,
        on: NaiveDate,
        wellbeing: Scores,
        changed: String,
        done: &[u32],
    ) {
        let mut steps_done = Vec::new();
        for step in self.goals.iter_mut().flat_map(|g| g.steps.iter_mut()) {
            if done.contains(&step.id) && !step.done {
                step.done = true;
                steps_done.push(step.step.clone());
            }
        }
        self.reviews.push(Review {
            on: dates::iso(on),
            wellbeing,
            changed,
            steps_done,
        });
    }

    /// Records the review being written ([`CarePlan::review_draft`]) on
    /// `on`, and starts the next one empty.
    pub fn record_draft_review(&mut self, on: NaiveDate) {
        let draft = std::mem::take(&mut self.review_draft);
        self.record_review(on, draft.wellbeing, draft.changed, &draft.done);
    }

    /// Every time wellbeing was recorded, in order: the start, then each
    /// review. Each is named ("Start", "Review 1") and dated when known.
    pub fn wellbeing_history(&self) -> Vec<Recorded<'_>> {
        let start = self.wellbeing.any().then(|| Recorded {
            name: "Start".to_string(),
            on: dates::parse_iso(&self.wellbeing_on),
            scores: &self.wellbeing,
        });
        start
            .into_iter()
            .chain(self.reviews.iter().enumerate().map(|(n, review)| Recorded {
                name: format!("Review {}", n + 1),
                on: dates::parse_iso(&review.on),
                scores: &review.wellbeing,
            }))
            .collect()
    }
}

impl Goal {
    /// Its steps in a few words: "2 small steps, 1 done".
    pub fn steps_summary(&self) -> String {
        let written: Vec<&SmallStep> = self.steps.iter().filter(|s| filled(&s.step)).collect();
        let done = written.iter().filter(|s| s.done).count();
        match written.len() {
            0 => "No small steps yet".to_string(),
            1 => format!("1 small step, {done} done"),
            n => format!("{n} small steps, {done} done"),
        }
    }
}

/// One time wellbeing was recorded.
#[derive(Debug, PartialEq)]
pub struct Recorded<'a> {
    pub name: String,
    pub on: Option<NaiveDate>,
    pub scores: &'a Scores,
}

/// Every plan kept on the device, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanBook {
    pub plans: Vec<CarePlan>,
}

impl PlanBook {
    pub fn get(&self, id: &str) -> Option<&CarePlan> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut CarePlan> {
        self.plans.iter_mut().find(|p| p.id == id)
    }

    /// The plan a person is most likely to want: the newest.
    pub fn newest(&self) -> Option<&CarePlan> {
        self.plans.first()
    }

    /// The plan the person is working on: the newest. Earlier ones are kept
    /// to read, as they were.
    pub fn newest_mut(&mut self) -> Option<&mut CarePlan> {
        self.plans.first_mut()
    }

    /// The plans kept from before the newest, newest first.
    pub fn earlier(&self) -> &[CarePlan] {
        self.plans.get(1..).unwrap_or(&[])
    }

    /// Starts a new, empty plan.
    pub fn start(&mut self, id: impl Into<String>, today: NaiveDate) -> &CarePlan {
        self.plans.insert(0, CarePlan::new(id, today));
        &self.plans[0]
    }

    /// Keeps a copy of plan `from` as a new version started today, so the old
    /// one stays as it was. Reviews stay with the old version; the new one
    /// starts from its latest scores.
    pub fn new_version(
        &mut self,
        from: &str,
        id: impl Into<String>,
        today: NaiveDate,
    ) -> Option<&CarePlan> {
        let old = self.get(from)?;
        let latest = old
            .reviews
            .iter()
            .rev()
            .find(|r| r.wellbeing.any())
            .map(|r| (r.wellbeing.clone(), r.on.clone()))
            .unwrap_or_else(|| (old.wellbeing.clone(), old.wellbeing_on.clone()));
        let copy = CarePlan {
            id: id.into(),
            started: dates::iso(today),
            wellbeing: latest.0,
            wellbeing_on: latest.1,
            reviews: Vec::new(),
            review_draft: ReviewDraft::default(),
            ..old.clone()
        };
        self.plans.insert(0, copy);
        Some(&self.plans[0])
    }

    pub fn delete(&mut self, id: &str) {
        self.plans.retain(|p| p.id != id);
    }

    /// Keeps a plan received from another device beside the others. If a
    /// plan with its id is already here (or it came without one), the
    /// received one is given `fresh_id` so that neither is lost.
    pub fn add_received(&mut self, mut plan: CarePlan, fresh_id: impl Into<String>) -> String {
        if plan.id.is_empty() || self.get(&plan.id).is_some() {
            plan.id = fresh_id.into();
        }
        let id = plan.id.clone();
        self.plans.insert(0, plan);
        id
    }

    /// Puts a received plan in place of plan `id`, keeping its id.
    pub fn replace_with_received(&mut self, id: &str, plan: CarePlan) -> bool {
        match self.get_mut(id) {
            Some(existing) => {
                *existing = CarePlan {
                    id: id.to_string(),
                    ..plan
                };
                true
            }
            None => false,
        }
    }
}
