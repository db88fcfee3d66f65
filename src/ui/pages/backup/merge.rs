//! Adding another volunteer's records: their backup file is checked, merged
//! with this device's clinic record by record, and shown before anything is
//! written; a record changed on both devices waits for a person to choose.

use super::checked::{Checked, ChooseBackup, RecordProblems};
use crate::domain::clinic::double_bookings::DoubleBooking;
use crate::domain::clinic::merging::{merge_clinics, ClinicMerge, RecordConflict, Side};
use crate::domain::form::FieldError;
use crate::domain::referral::ClinicInbox;
use crate::store::backend::BrowserStorage;
use crate::store::backup;
use crate::store::{Loaded, Pending, SaveProblem, Store};
use crate::ui::banner::NotificationBanner;
use crate::ui::double_bookings::double_bookings;
use crate::ui::form::ErrorSummary;
use crate::ui::layout::BackLink;
use crate::ui::pages::form_errors;
use crate::ui::saved::now_stamp;
use crate::ui::use_base;
use leptos::prelude::*;

const TITLE: &str = "Add records from another device";

/// A merge worked out and waiting for the person: with the revisions of
/// this device's clinic and ledger it was worked out from.
#[derive(Clone)]
struct Prepared {
    merge: ClinicMerge,
    /// This device's scanned self-referrals with the other device's added,
    /// and its revision.
    inbox: (ClinicInbox, u64),
    clinic_revision: u64,
    ledger_revision: u64,
    made: String,
}

/// Works out what merging the checked backup into this device's clinic
/// would do; records the backup holds that break the rules are left out.
fn prepare(checked: &Checked) -> Result<Prepared, String> {
    let Some((theirs, their_ledger)) = checked.contents.without_problems() else {
        return Err("The backup has no clinic records in it. Choose a backup made on another volunteer’s device from the clinic’s backup page".into());
    };
    let their_ledger = their_ledger.unwrap_or_default();
    let their_inbox = checked.contents.inbox.clone().unwrap_or_default();
    let now = now_stamp();
    let store = Store::new(BrowserStorage);
    let inbox = match store.load::<ClinicInbox>(&now) {
        Loaded::Ready {
            value, revision, ..
        } => (value, revision),
        Loaded::Empty | Loaded::KeptAside(_) => (ClinicInbox::default(), 0),
        Loaded::Stuck(_) => return Err(SaveProblem::UnreadableInTheWay.message().to_string()),
    };
    let (mut inbox, inbox_revision) = inbox;
    let new_referrals = inbox.take_in(&their_inbox);
    let ours = backup::stamp_ledger(&store, &now).map_err(|p| p.message().to_string())?;
    let mut merge = merge_clinics(&ours.clinic, &ours.ledger, &theirs, &their_ledger, &now);
    merge.add_referrals(new_referrals);
    Ok(Prepared {
        inbox: (inbox, inbox_revision),
        merge,
        clinic_revision: ours.clinic_revision,
        ledger_revision: ours.ledger_revision,
        made: super::device::made_words(&checked.backup.made, &checked.backup.device),
    })
}

#[component]
pub fn MergePage() -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let base = use_base();
    let prepared = RwSignal::new(None::<Prepared>);
    let choices = RwSignal::new(Vec::<Option<Side>>::new());
    let done = RwSignal::new(None::<Vec<String>>);
    // Appointments the merge left holding the same time.
    let clashes = RwSignal::new(Vec::<DoubleBooking>::new());
    let problem = RwSignal::new(None::<String>);

    let checked = RwSignal::new_local(None::<Checked>);
    Effect::new(move || {
        done.set(None);
        problem.set(None);
        prepared.set(None);
        let Some(prepared_now) = checked.with(|c| c.as_ref().map(prepare)) else {
            return;
        };
        match prepared_now {
            Ok(ready) if ready.merge.changes_nothing() => {
                // The records are the same, but the other device may know
                // more of their history (a conflict settled there): keep
                // that, so the next merge does not ask again.
                let (_, ledger) = ready.merge.clone().finish(&[], &now_stamp());
                let _ =
                    Store::new(BrowserStorage).save(&ledger, ready.ledger_revision, &now_stamp());
                prepared.set(Some(ready));
            }
            Ok(ready) => {
                choices.set(vec![None; ready.merge.conflicts.len()]);
                prepared.set(Some(ready));
            }
            Err(message) => errors.set(vec![FieldError::new("backup-file", message)]),
        }
    });

    let merge_now = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(ready) = prepared.get_untracked() else {
            return;
        };
        let sides = match ready.merge.check_choices(&choices.get_untracked()) {
            Ok(sides) => sides,
            Err(found) => {
                errors.set(found);
                return;
            }
        };
        errors.set(Vec::new());
        let summary = ready.merge.summary(&sides);
        let now = now_stamp();
        let (clinic, ledger) = ready.merge.finish(&sides, &now);
        let store = Store::new(BrowserStorage);
        let saved = store.save_all(
            &[
                Pending::new(&clinic, ready.clinic_revision),
                Pending::new(&ledger, ready.ledger_revision),
                Pending::new(&ready.inbox.0, ready.inbox.1),
            ],
            &now,
        );
        match saved {
            Ok(()) => {
                prepared.set(None);
                clashes.set(clinic.double_bookings(chrono::NaiveDate::MIN, chrono::NaiveDate::MAX));
                done.set(Some(summary));
            }
            Err(SaveProblem::ChangedElsewhere) => problem.set(Some(
                "The clinic was changed in another tab or window while you were choosing. Nothing has been merged. Choose the backup file again to see it with the latest records.".into(),
            )),
            Err(other) => problem.set(Some(other.message().into())),
        }
    };

    let preview = move || {
        prepared.get().map(|ready| {
            let when = ready.made.clone();
            let nothing = ready.merge.changes_nothing();
            let merge = ready.merge;
            if nothing {
                return view! {
                    <div class="nhsuk-inset-text" data-testid="merge-preview">
                        <p>{format!("This device already has everything in the backup made on {when}. Nothing needs to change.")}</p>
                    </div>
                }
                .into_any();
            }
            let list = |heading: &'static str, items: Vec<String>| {
                (!items.is_empty()).then(|| view! {
                    <h3>{heading}</h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                })
            };
            let conflicts = merge.conflicts.iter().enumerate().map(|(n, conflict)| conflict_choice(n, conflict, errors, choices)).collect_view();
            let conflict_count = merge.conflicts.len();
            view! {
                <div data-testid="merge-preview">
                    <h2>{format!("What the backup made on {when} brings")}</h2>
                    {list("New on this device", merge.added.clone())}
                    {list("Changed more recently on the other device", merge.changed.clone())}
                    {list("Deleted on the other device", merge.removed.clone())}
                    <form novalidate on:submit=merge_now>
                        {(conflict_count > 0).then(|| view! {
                            <h2>{if conflict_count == 1 { "1 record was changed on both devices".to_string() } else { format!("{conflict_count} records were changed on both devices") }}</h2>
                            <p>"Choose which version of each to keep."</p>
                        })}
                        {conflicts}
                        <button type="submit" class="nhsuk-button">"Add these records"</button>
                    </form>
                </div>
            }
            .into_any()
        })
    };

    view! {
        <BackLink href=base.href("clinic/backup") text="Back to backups" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <ErrorSummary />
                {move || done.get().map(|summary| view! {
                    <NotificationBanner id="merged" title="Success" heading="The other device’s records have been added">
                        {if summary.is_empty() { view! { <p>"The versions you chose have been kept."</p> }.into_any() } else {
                            view! { <ul class="nhsuk-list nhsuk-list--bullet">{summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                        }}
                        <p>"To give the other device these records too, back up this device and add its backup there."</p>
                    </NotificationBanner>
                    {double_bookings(clashes.get())}
                })}
                {move || problem.get().map(|message| view! {
                    <div class="nhsuk-error-summary" role="alert" tabindex="-1" aria-labelledby="merge-problem-title">
                        <h2 class="nhsuk-error-summary__title" id="merge-problem-title">"Nothing was changed"</h2>
                        <div class="nhsuk-error-summary__body"><p>{message}</p></div>
                    </div>
                })}
                <h1>{TITLE}</h1>
                <p>"Use this when two volunteers have kept the clinic on different devices. The other device’s backup is matched with this device record by record:"</p>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    <li>"the newer change to each record is kept"</li>
                    <li>"a record deleted on either device stays deleted"</li>
                    <li>"a record changed on both devices is shown to you to choose"</li>
                </ul>
                <p>"You will see what changes before anything is written. Adding the same backup again changes nothing."</p>
                <ChooseBackup label="Choose the other device’s backup file" errors checked />
                {move || checked.with(|c| c.as_ref().map(Checked::problems)).map(|problems| view! {
                    <RecordProblems problems
                        going_on="If you add the other device’s records, these are left out and everything else is added." />
                })}
                {preview}
            </div>
        </div>
    }
}

/// One record changed on both devices, with what differs and a choice of
/// which version to keep (`conflict-<n>`), as the merge and sharing ask it.
pub(super) fn conflict_choice(
    n: usize,
    conflict: &RecordConflict,
    errors: RwSignal<Vec<FieldError>>,
    choices: RwSignal<Vec<Option<Side>>>,
) -> impl IntoView {
    let id = format!("conflict-{n}");
    let other_id = format!("conflict-{n}-other");
    let error = Signal::derive({
        let id = id.clone();
        move || errors.with(|e| crate::domain::form::error_for(e, &id))
    });
    let pick = move |side: Side| {
        choices.update(|c| {
            if let Some(slot) = c.get_mut(n) {
                *slot = Some(side);
            }
        })
    };
    let rows = conflict
        .differences
        .iter()
        .map(|d| {
            view! {
                <tr class="nhsuk-table__row">
                    <th class="nhsuk-table__header" scope="row">{d.field.clone()}</th>
                    <td class="nhsuk-table__cell">{d.this_device.clone()}</td>
                    <td class="nhsuk-table__cell">{d.other_device.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let error_id = format!("{id}-error");
    view! {
        <div class=move || if error.get().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            <fieldset class="nhsuk-fieldset" aria-describedby=move || error.get().map(|_| error_id.clone())>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{conflict.label.clone()}</legend>
                <table class="nhsuk-table app-merge-table">
                    <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">{format!("What differs in {}", conflict.label)}</caption>
                    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">"Detail"</th>
                        <th class="nhsuk-table__header" scope="col">"This device"</th>
                        <th class="nhsuk-table__header" scope="col">"The other device"</th>
                    </tr></thead>
                    <tbody class="nhsuk-table__body">{rows}</tbody>
                </table>
                {move || error.get().map(|message| view! {
                    <span class="nhsuk-error-message" id=format!("conflict-{n}-error")><span class="nhsuk-u-visually-hidden">"Error: "</span>{message}</span>
                })}
                <div class="nhsuk-radios">
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id=id.clone() name=id.clone() type="radio" value="this"
                            on:change=move |_| pick(Side::ThisDevice) />
                        <label class="nhsuk-label nhsuk-radios__label" for=id.clone()>"Keep this device’s version"</label>
                    </div>
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id=other_id.clone() name=id.clone() type="radio" value="other"
                            on:change=move |_| pick(Side::OtherDevice) />
                        <label class="nhsuk-label nhsuk-radios__label" for=other_id>"Use the other device’s version"</label>
                    </div>
                </div>
            </fieldset>
        </div>
    }
}
