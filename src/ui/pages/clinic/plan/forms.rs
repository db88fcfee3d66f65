//! The plan's forms at the clinic: about them, the wellbeing questions at
//! the start, adding a goal with its first small step, adding a group or
//! service (from the practice's directory, or typed in), and a review with
//! the wellbeing questions again. Each is saved when it is sent, once
//! nothing needs changing.

use super::{newest_plan, person_here, plan_href, NotHere, NotHereProps};
use crate::domain::clinic::plans::{unanswered, ActivityForm, GoalForm};
use crate::domain::dates::iso;
use crate::domain::directory::{days_words, Directory};
use crate::domain::form::FieldError;
use crate::domain::plan::check::{check, check_review};
use crate::domain::plan::wellbeing::Scores;
use crate::domain::plan::{AboutMe, CarePlan, Section, LONG_LIMIT, SHORT_LIMIT};
use crate::ui::form::{bind, Bound, Select, TextArea};
use crate::ui::intern;
use crate::ui::pages::clinic::{ClinicForm, Saver};
use crate::ui::pages::plan::wellbeing::WellbeingQuestions;
use crate::ui::saved::Saved;
use crate::ui::today;
use leptos::prelude::*;

/// The person and their newest plan, for a form's page; or the page that
/// says why there is nothing to change.
fn person_and_plan() -> Result<(u64, String, CarePlan), AnyView> {
    let Some((id, name)) = person_here() else {
        return Err(NotHere(NotHereProps {
            title: "Person not found",
            text: "This person is not in the clinic's records on this device.",
        })
        .into_any());
    };
    match newest_plan(id) {
        Some(plan) => Ok((id, name, plan)),
        None => Err(NotHere(NotHereProps {
            title: "There is no plan yet",
            text: "Start a plan from the person's record first.",
        })
        .into_any()),
    }
}

/// Saves `change` to the person's newest plan, then goes back to the plan.
fn save_to_plan(saver: Saver, id: u64, change: impl FnOnce(&mut CarePlan)) {
    saver.save_and_go(
        |c| {
            if let Some(plan) = c.newest_plan_mut(id) {
                change(plan);
            }
        },
        &format!("clinic/plan?id={id}"),
    );
}

const WORDS: &str = "Write their answers in their own words.";

/// `clinic/plan/about-me?id=`.
#[component]
pub fn AboutThem() -> impl IntoView {
    let (id, name, plan) = match person_and_plan() {
        Ok(found) => found,
        Err(page) => return page,
    };
    let saver = Saver::new();
    let form = RwSignal::new(plan.about.clone());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let about: AboutMe = form.get_untracked();
        let changed = CarePlan {
            about: about.clone(),
            ..plan.clone()
        };
        let errors = check(Section::AboutMe, &changed, &plan, today());
        if !errors.is_empty() {
            return Err(errors);
        }
        save_to_plan(saver, id, |p| p.about = about);
        Ok(())
    });
    view! {
        <ClinicForm title="About them" caption=name back=plan_href("clinic/plan", id) button="Save" submit>
            <p>{WORDS}</p>
            <TextArea id="called" label="What do they like to be called? (optional)" rows=1 limit=Some(SHORT_LIMIT)
                bind=bind(form, |f| f.called.clone(), |f, v| f.called = v) />
            <TextArea id="matters" label="What matters to them? (optional)" limit=Some(LONG_LIMIT)
                hint=Some("For example, people, places, things they enjoy or care about.")
                bind=bind(form, |f| f.matters.clone(), |f, v| f.matters = v) />
            <TextArea id="going-well" label="What is going well? (optional)" limit=Some(LONG_LIMIT)
                bind=bind(form, |f| f.going_well.clone(), |f, v| f.going_well = v) />
            <TextArea id="different" label="What would they like to be different? (optional)" limit=Some(LONG_LIMIT)
                bind=bind(form, |f| f.different.clone(), |f, v| f.different = v) />
        </ClinicForm>
    }
    .into_any()
}

/// The four questions bound to `scores`.
fn questions(scores: RwSignal<Scores>) -> impl IntoView {
    view! {
        <WellbeingQuestions scores=scores.into()
            set=Callback::new(move |(q, a)| scores.update(|s| s.set(q, a))) />
    }
}

const ASK: &str = "Read each question to them as it is written, and let them choose. \
    These are the questions the Office for National Statistics asks across the UK.";

/// `clinic/plan/wellbeing?id=`: the questions when the plan is made.
#[component]
pub fn Wellbeing() -> impl IntoView {
    let (id, name, plan) = match person_and_plan() {
        Ok(found) => found,
        Err(page) => return page,
    };
    let saver = Saver::new();
    let scores = RwSignal::new(plan.wellbeing.clone());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let answers = scores.get_untracked();
        let errors = unanswered(&answers);
        if !errors.is_empty() {
            return Err(errors);
        }
        save_to_plan(saver, id, |p| {
            p.wellbeing = answers;
            p.wellbeing_on = iso(today());
        });
        Ok(())
    });
    view! {
        <ClinicForm title="Their wellbeing today" caption=name back=plan_href("clinic/plan", id) button="Save" submit>
            <p>{ASK}</p>
            {questions(scores)}
        </ClinicForm>
    }
    .into_any()
}

/// `clinic/plan/goal?id=`: a goal and its first small step.
#[component]
pub fn AddGoal() -> impl IntoView {
    let (id, name, plan) = match person_and_plan() {
        Ok(found) => found,
        Err(page) => return page,
    };
    let saver = Saver::new();
    let form = RwSignal::new(GoalForm::default());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let goal = form.get_untracked();
        // Checked on a copy: nothing is added until it is right.
        goal.add_to(&mut plan.clone())?;
        save_to_plan(saver, id, |p| {
            let _ = goal.add_to(p);
        });
        Ok(())
    });
    view! {
        <ClinicForm title="Add a goal" caption=name back=plan_href("clinic/plan", id) button="Add the goal" submit>
            <p>{WORDS}</p>
            <TextArea id="goal" label="What is their goal?" rows=2 limit=Some(SHORT_LIMIT)
                hint=Some("For example, get out of the house more.")
                bind=bind(form, |f| f.goal.clone(), |f, v| f.goal = v) />
            <TextArea id="why" label="Why does it matter to them? (optional)" rows=3 limit=Some(LONG_LIMIT)
                bind=bind(form, |f| f.why.clone(), |f, v| f.why = v) />
            <TextArea id="step" label="What is a first small step? (optional)" rows=2 limit=Some(SHORT_LIMIT)
                hint=Some("Something small they can do soon. For example, ask at the library about groups.")
                bind=bind(form, |f| f.step.clone(), |f, v| f.step = v) />
        </ClinicForm>
    }
    .into_any()
}

/// `clinic/plan/support?id=`: a service from the practice's directory, or
/// one typed in.
#[component]
pub fn AddActivity() -> impl IntoView {
    let (id, name, plan) = match person_and_plan() {
        Ok(found) => found,
        Err(page) => return page,
    };
    let saver = Saver::new();
    let directory = Saved::<Directory>::open();
    let chosen = RwSignal::new(String::new());
    let form = RwSignal::new(ActivityForm::default());
    let options = Signal::derive(move || {
        directory.value.with(|d| {
            let mut services: Vec<(String, String)> = d
                .services
                .iter()
                .map(|s| {
                    let when = [days_words(&s.days), s.when.trim().to_string()]
                        .into_iter()
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let words = match when.as_str() {
                        "" => s.name.clone(),
                        when => format!("{} ({when})", s.name),
                    };
                    (s.id.to_string(), words)
                })
                .collect();
            services.sort_by_key(|(_, words)| words.to_lowercase());
            services.insert(0, (String::new(), "Not from the directory".to_string()));
            services
        })
    });
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let mut activity = form.get_untracked();
        activity.service = chosen.get_untracked().parse().ok();
        let services = directory.value.get_untracked();
        // Checked on a copy: nothing is added until it is right.
        activity.add_to(&mut plan.clone(), &services)?;
        save_to_plan(saver, id, |p| {
            let _ = activity.add_to(p, &services);
        });
        Ok(())
    });
    let has_services = move || directory.value.with(|d| !d.services.is_empty());
    view! {
        <ClinicForm title="Add a group or service" caption=name back=plan_href("clinic/plan", id) button="Add it to the plan" submit>
            <Show when=has_services fallback=|| view! { <p id="service">"The practice's directory has no services yet. Type one in below."</p> }>
                {move || view! {
                    <Select id="service" label="Choose from the practice's directory" options=options.get()
                        hint=Some("Its name, contact details and when it runs are added to the plan.")
                        bind=Bound { get: chosen.into(), set: Callback::new(move |v| chosen.set(v)) } />
                }}
            </Show>
            <h2 class="nhsuk-heading-m">"Or type in a group or service"</h2>
            <TextArea id="name" label="Name (optional if chosen above)" rows=1 limit=Some(SHORT_LIMIT)
                bind=bind(form, |f| f.name.clone(), |f, v| f.name = v) />
            <TextArea id="contact" label="Contact details (optional)" rows=2 limit=Some(SHORT_LIMIT)
                hint=Some("A phone number, email address, website or place.")
                bind=bind(form, |f| f.contact.clone(), |f, v| f.contact = v) />
            <TextArea id="when" label="When (optional)" rows=1 limit=Some(SHORT_LIMIT)
                hint=Some("For example, Tuesdays at 10am.")
                bind=bind(form, |f| f.when.clone(), |f, v| f.when = v) />
        </ClinicForm>
    }
    .into_any()
}

/// `clinic/plan/review?id=`: the wellbeing questions again, what has
/// changed, and the small steps done since.
#[component]
pub fn Review() -> impl IntoView {
    let (id, name, plan) = match person_and_plan() {
        Ok(found) => found,
        Err(page) => return page,
    };
    let saver = Saver::new();
    let scores = RwSignal::new(Scores::default());
    let changed = RwSignal::new(String::new());
    let done = RwSignal::new(Vec::<u32>::new());
    let submit = Callback::new(move |()| -> Result<(), Vec<FieldError>> {
        let answers = scores.get_untracked();
        let note = changed.get_untracked();
        let mut errors = unanswered(&answers);
        errors.extend(check_review(&note));
        if !errors.is_empty() {
            return Err(errors);
        }
        let ticked = done.get_untracked();
        save_to_plan(saver, id, |p| {
            p.record_review(today(), answers, note.trim().to_string(), &ticked)
        });
        Ok(())
    });
    let steps = plan
        .open_steps()
        .into_iter()
        .filter(|(_, s)| !s.step.trim().is_empty())
        .map(|(goal, step)| {
            let (step_id, words) = (step.id, format!("{} ({})", step.step, goal.goal));
            let input = intern(format!("step-{step_id}-done"));
            view! {
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=input type="checkbox"
                        on:change=move |ev| {
                            let ticked = event_target_checked(&ev);
                            done.update(|d| {
                                d.retain(|s| *s != step_id);
                                if ticked { d.push(step_id) }
                            })
                        } />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=input>{words}</label>
                </div>
            }
        })
        .collect::<Vec<_>>();
    let has_steps = !steps.is_empty();
    view! {
        <ClinicForm title="Review the plan" caption=name back=plan_href("clinic/plan", id) button="Save the review" submit>
            <p>{ASK}</p>
            {questions(scores)}
            <TextArea id="changed" label="What has changed since the plan was made? (optional)" limit=Some(LONG_LIMIT)
                bind=Bound { get: changed.into(), set: Callback::new(move |v| changed.set(v)) } />
            {has_steps.then(|| view! {
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Which small steps have they done? (optional)"</legend>
                        <div class="nhsuk-checkboxes">{steps}</div>
                    </fieldset>
                </div>
            })}
        </ClinicForm>
    }
    .into_any()
}
