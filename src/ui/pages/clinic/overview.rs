//! The clinic's front page: what needs doing now (sessions nobody covers,
//! follow-ups due, self-referrals to add), the caseload at a glance, and the
//! way to each part of the clinic.

use super::person::record_href;
use super::{href, use_clinic, SectionLinks};
use crate::domain::backup_habit::BackupHabit;
use crate::domain::clinic::people::{EscalatedTo, Person, ACCEPTED_CODE};
use crate::domain::clinic::Clinic;
use crate::domain::clinic::{rota, setup};
use crate::domain::dates::{iso, long_date, parse_iso};
use crate::domain::referral::{handover, ClinicInbox};
use crate::domain::reminders::Wording;
use crate::store::backend::BrowserStorage;
use crate::store::{vault, Store};
use crate::ui::double_bookings::double_bookings;
use crate::ui::layout::BackLink;
use crate::ui::lock::LockNow;
use crate::ui::pages::page_title;
use crate::ui::router::use_location;
use crate::ui::saved::Saved;
use crate::ui::{new_id, today, use_base};
use leptos::prelude::*;

/// "1 day", "3 days".
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    page_title("Run a clinic");
    let clinic = use_clinic();
    let now = today();
    let uncovered = move || {
        clinic
            .value
            .with(|c| rota::uncovered(&c.rota_for(now, 4)).len())
    };
    let any_uncovered = move || uncovered() > 0;
    let next_day = move || clinic.value.with(|c| c.clinic_day_from(now));
    let follow_ups = move || {
        clinic.value.with(|c| {
            c.people
                .iter()
                .flat_map(|p| p.follow_ups_due(now).into_iter().map(move |e| (p, e)))
                .map(|(p, e)| view! { <li><a href=record_href(p.id)>{p.name.clone()}</a> ": " {e.note.clone()}</li> })
                .collect_view()
        })
    };
    let has_follow_ups = move || {
        clinic
            .value
            .with(|c| c.people.iter().any(|p| !p.follow_ups_due(now).is_empty()))
    };
    let caseload = move || {
        clinic.value.with(|c| {
            let figures = c.caseload(now);
            let wait = match (figures.median_wait, figures.longest_wait) {
                (Some(median), Some(longest)) => format!(
                    "{} on average (median), {} at most",
                    days(median.round() as i64),
                    days(longest)
                ),
                _ => "Not known yet: nobody has had a first appointment".to_string(),
            };
            let contacts = figures
                .contacts_per_person
                .map(|n| format!("{n:.1} (6 to 12 is usual)"))
                .unwrap_or_else(|| "Not known yet".to_string());
            let rows = [
                ("Waiting", figures.waiting.to_string()),
                ("Active", figures.active.to_string()),
                ("Finished", figures.finished.to_string()),
                ("Declined", figures.declined.to_string()),
                ("Wait from referral to first appointment", wait),
                ("Contacts per person", contacts),
                ("Referred in the last 12 months", format!("{} of a safe {} a year", figures.this_year, c.safe_yearly_maximum)),
            ];
            let warning = figures.nearing_maximum.then(|| view! {
                <div class="nhsuk-warning-callout">
                    <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Nearly at the safe caseload"</span></h3>
                    <p>{format!("{} people were referred in the last 12 months. A link worker can safely support about {} a year.", figures.this_year, c.safe_yearly_maximum)}</p>
                </div>
            });
            view! {
                {warning}
                <dl class="nhsuk-summary-list" data-testid="caseload">
                    {rows.into_iter().map(|(k, v)| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{k}</dt>
                            <dd class="nhsuk-summary-list__value">{v}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            }
        })
    };
    view! {
        <BackLink href=use_base().href("") text="Back to home" />
        <h1>"Run a clinic"</h1>
        <GettingStarted />
        {use_context::<LockNow>().filter(|_| vault::is_set()).map(|lock_now| view! {
            <p><button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=move |_| lock_now.run()>"Lock the records now"</button></p>
        })}
        {move || next_day().map(|d| view! {
            <p><a class="nhsuk-button" role="button" draggable="false" href=format!("{}?date={}", href("clinic/day"), iso(d))>
                {if d == now { "Today's clinic".to_string() } else { format!("Next clinic: {}", long_date(d)) }}
            </a></p>
        })}
        <OpenConcerns />
        {move || double_bookings(clinic.value.with(|c| c.double_bookings(now, chrono::NaiveDate::MAX)))}
        <Show when=any_uncovered>
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Sessions nobody is on"</span></h2>
                <p>{move || format!("{} in the next 4 weeks. ", uncovered())} <a href=href("clinic/rota")>"See the rota"</a></p>
            </div>
        </Show>
        <Show when=has_follow_ups>
            <h2>"Follow-ups due"</h2>
            <ul class="nhsuk-list" data-testid="follow-ups-due">{follow_ups}</ul>
        </Show>
        <BackupReminder />
        <ReferralsWaiting />
        <h2>"The caseload"</h2>
        {caseload}
        <h2>"The clinic"</h2>
        <SectionLinks />
    }
}

/// Every safeguarding concern still open, at the top of the clinic's front
/// page, so that one written down is acted on and not left on one person's
/// record (hazard H10 in docs/clinical-safety.md).
#[component]
fn OpenConcerns() -> impl IntoView {
    let clinic = use_clinic();
    move || {
        clinic.value.with(|c| {
            let open = c.open_concerns();
            (!open.is_empty()).then(|| {
                let items = open
                    .into_iter()
                    .map(|(person, concern)| {
                        let raised = parse_iso(&concern.raised_on).map(long_date).unwrap_or_default();
                        let state = match concern.escalated_to {
                            EscalatedTo::NotYet => "not escalated yet: escalate it now".to_string(),
                            to => format!("escalated to {}", to.name()),
                        };
                        view! { <li><a href=record_href(person.id)>{person.name.clone()}</a> {format!(": raised {raised}, {state}.")}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="nhsuk-warning-callout" data-testid="open-concerns">
                        <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Safeguarding concerns still open"</span></h2>
                        <p>"Tell the GP supervisor or Community Navigator about each one as soon as you can. Clear it on the person’s page once it has been dealt with."</p>
                        <ul class="nhsuk-list">{items}</ul>
                    </div>
                }
            })
        })
    }
}

/// "Start here": the steps of setting the clinic up, each ticked once done,
/// leading the page until they all are.
#[component]
fn GettingStarted() -> impl IntoView {
    let clinic = use_clinic();
    let habit = Saved::<BackupHabit>::open();
    // Only whether the practice's wording is stored, not the wording itself.
    let wording_saved = Store::new(BrowserStorage)
        .current_revision::<Wording>()
        .is_ok_and(|revision| revision > 0);
    let steps = move || {
        let elsewhere = setup::Elsewhere {
            wording_saved,
            backed_up: habit.value.with(|h| !h.last_backup.is_empty()),
        };
        clinic.value.with(|c| setup::steps(c, elsewhere))
    };
    move || {
        let steps = steps();
        setup::still_setting_up(&steps).then(|| {
            let done = steps.iter().filter(|s| s.done).count();
            let items = steps
                .into_iter()
                .enumerate()
                .map(|(n, step)| {
                    let status_id = format!("setup-step-{n}-status");
                    let (class, words) = if step.done {
                        ("", "Done")
                    } else {
                        ("nhsuk-tag nhsuk-tag--blue", "To do")
                    };
                    view! {
                        <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                            <div class="nhsuk-task-list__name-and-hint">
                                <a class="nhsuk-link nhsuk-task-list__link" href=href(step.path)
                                    aria-describedby=status_id.clone()>{format!("{}. {}", n + 1, step.title)}</a>
                            </div>
                            <div class="nhsuk-task-list__status" id=status_id><span class=class>{words}</span></div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section aria-labelledby="start-here" data-testid="start-here">
                    <h2 id="start-here">"Start here: set up the clinic"</h2>
                    <p>{format!("Take these steps in order. {done} of 5 done.")}</p>
                    <ul class="nhsuk-task-list">{items}</ul>
                </section>
            }
        })
    }
}

/// A gentle reminder when the last backup is older than the practice wants.
#[component]
fn BackupReminder() -> impl IntoView {
    let habit = Saved::<BackupHabit>::open();
    let clinic = use_clinic();
    let now = today();
    move || {
        let has_records = clinic.value.with(Clinic::has_records);
        habit.value.with(|h| h.reminder(now, has_records)).map(|words| view! {
            <div class="nhsuk-inset-text" data-testid="backup-reminder">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>{words} " " <a href=href("clinic/backup")>"Back up the clinic’s records"</a></p>
            </div>
        })
    }
}

/// The self-referrals scanned into this device and not yet in the caseload,
/// newest first, each with its answers and a way to add it.
#[component]
fn ReferralsWaiting() -> impl IntoView {
    let inbox = Saved::<ClinicInbox>::open();
    let clinic = use_clinic();
    let base = use_base();
    let location = use_location();
    // The referral whose person looks like someone on the caseload, once warned.
    let warned = RwSignal::new(None::<String>);
    move || {
        let referrals: Vec<_> = inbox.value.with(|i| i.referrals.clone());
        let in_caseload = |reference: String| {
            clinic
                .value
                .with(|c| c.people.iter().any(|p| p.referral_reference == reference))
        };
        let waiting: Vec<_> = referrals
            .into_iter()
            .rev()
            .filter(|r| !in_caseload(r.reference.to_string()))
            .collect();
        if waiting.is_empty() {
            return view! {
                <p>"No self-referrals are waiting to be added. When a person shows you their referral code, scan it with this device's camera."</p>
                <p><a href=base.href("clinic/import")>"Add a referral from its link or code"</a></p>
            }
            .into_any();
        }
        let rows = waiting
            .into_iter()
            .map(|referral| {
                let link = format!("{}#{}", base.href("clinic/import"), handover::encode(&referral));
                let name = referral.answers.full_name.clone();
                let reference = referral.reference.to_string();
                let at_risk = referral.answers.mentions_crisis().then(|| {
                    view! { <strong class="nhsuk-tag nhsuk-tag--red app-tag">"Read now: may be at risk"</strong> " " }
                });
                let look_alikes: Vec<(u64, String)> = clinic.value.with_untracked(|c| {
                    c.look_alikes(&Person::from_referral(0, &referral))
                        .into_iter()
                        .map(|p| (p.id, super::details::name_and_birth(p)))
                        .collect()
                });
                let add_anyway = move || {
                    let mut person = None;
                    clinic.update(|c| person = Some(c.add_referral(new_id(), &referral)));
                    if let (Some(id), None) = (person, clinic.problem.get_untracked()) {
                        location.navigate(&format!("clinic/person?id={id}&accepted=yes"));
                    }
                };
                let warn_here = {
                    let reference = reference.clone();
                    move || warned.with(|w| w.as_deref() == Some(reference.as_str()))
                };
                let alike = !look_alikes.is_empty();
                let add = {
                    let add_anyway = add_anyway.clone();
                    move |_| {
                        if alike {
                            warned.set(Some(reference.clone()));
                            request_animation_frame(|| crate::ui::layout::focus_element("look-alikes"));
                        } else {
                            add_anyway();
                        }
                    }
                };
                let warning = move || {
                    let add_anyway = add_anyway.clone();
                    warn_here().then(|| view! {
                        <super::details::LookAlikes people=look_alikes.clone() add_anyway=move |()| add_anyway() />
                    })
                };
                view! {
                    <li>
                        {warning}
                        {at_risk}
                        <strong>{name.clone()}</strong> " "
                        <a href=link>"See answers" <span class="nhsuk-u-visually-hidden">{format!(" of {name}")}</span></a>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button" on:click=add>
                            "Add to the caseload" <span class="nhsuk-u-visually-hidden">{format!(" ({name})")}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>"Self-referrals to add"</h2>
            <p>{format!("When you add a person, enter {} {} in their GP record.", ACCEPTED_CODE.0, ACCEPTED_CODE.1)}</p>
            <ul class="nhsuk-list" data-testid="referrals-waiting">{rows}</ul>
            <p><a href=base.href("clinic/import")>"Add a referral from its link or code"</a></p>
        }
        .into_any()
    }
}
