//! A stored document, live on screen: what pages use to keep a person's work.
//!
//! The value on screen is always what the person last typed, whether or not
//! it could be saved. A failed save is shown in plain words by
//! [`SaveProblemNotice`]; a change made in another tab is picked up from the
//! browser's `storage` event, and never written over by this tab's older copy,
//! nor by a change this tab made before it heard of theirs (`sp-clash:` and
//! the document's key, from `js/store.js`).

use crate::store::backend::BrowserStorage;
use crate::store::{document_key, Document, Loaded, SaveProblem, Store};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;

/// The time now, as stored with a save (RFC 3339, UTC). The browser's own
/// clock formats it: chrono's formatting would add about 10 KB to every visit.
pub fn now_stamp() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A document read ahead of the page that opens it (see [`read_ahead`]).
struct ReadAhead {
    kind: &'static str,
    revision: u64,
    value: Box<dyn Any>,
}

thread_local! {
    static AHEAD: RefCell<Option<ReadAhead>> = const { RefCell::new(None) };
}

/// Reads the document of kind `D` now, for a page drawn in the browser's
/// next task: reading a clinic of several years and drawing its page are then
/// two tasks, rather than one that holds up the phone for twice as long. The
/// page's [`Saved::open`] takes it, if it is still the one stored. `narrow`
/// says which of its parts the page needs first (see [`Saved::complete`]).
pub fn read_ahead<D: Document + 'static>(narrow: impl FnOnce(&mut D)) {
    if let Loaded::Ready {
        value, revision, ..
    } = Store::new(BrowserStorage).load_narrowed::<D>(&now_stamp(), narrow)
    {
        let read = ReadAhead {
            kind: D::KIND,
            revision,
            value: Box::new(value),
        };
        AHEAD.with(|ahead| *ahead.borrow_mut() = Some(read));
    }
}

/// The document read ahead, with its revision, unless another tab has
/// stored a newer one since.
fn taken_ahead<D: Document + 'static>() -> Option<(D, u64)> {
    let read = AHEAD.with(|ahead| ahead.borrow_mut().take())?;
    let stored = Store::new(BrowserStorage).current_revision::<D>().ok()?;
    if read.kind != D::KIND || stored != read.revision {
        return None;
    }
    let value = read.value.downcast::<D>().ok()?;
    Some((*value, read.revision))
}

/// A document of kind `D`, loaded from the browser and saved back to it.
pub struct Saved<D: Send + Sync + 'static> {
    /// What is on screen.
    pub value: RwSignal<D>,
    /// Why the last save did not happen, until one does.
    pub problem: RwSignal<Option<SaveProblem>>,
    revision: RwSignal<u64>,
}

impl<D: Send + Sync + 'static> Clone for Saved<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for Saved<D> {}

impl<D> Saved<D>
where
    D: Document + Clone + Default + Send + Sync + 'static,
{
    /// Loads the document and starts following changes from other tabs.
    /// Unreadable data has been kept aside by the store, so it starts empty.
    pub fn open() -> Self {
        let saved = Saved {
            value: RwSignal::new(D::default()),
            problem: RwSignal::new(None),
            revision: RwSignal::new(0),
        };
        saved.reload();
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            // No key means the whole storage was cleared.
            let ours = event.key().is_none_or(|key| key == document_key(D::KIND));
            if ours {
                saved.changed_elsewhere();
            }
        });
        // Another tab stored this document while this tab's change was on
        // its way to the device: theirs was kept there, and this tab's stays
        // on screen until the person chooses.
        let clashed = format!("sp-clash:{}", document_key(D::KIND));
        let clash = window_event_listener_untyped(&clashed, move |_| {
            saved.problem.set(Some(SaveProblem::ChangedElsewhere));
        });
        on_cleanup(move || {
            handle.remove();
            clash.remove();
        });
        // Read in part for its first page: the rest once that page is on
        // screen, in a task of its own.
        if !saved.value.with_untracked(D::is_whole) {
            request_animation_frame(move || {
                set_timeout(move || saved.complete(), std::time::Duration::ZERO)
            });
        }
        saved
    }

    /// Reads whatever of the document was left unread when it was opened
    /// for a page that needed only part of it. Every change, and every page
    /// that shows more than that part, comes after this. The screen is not
    /// redrawn: the page on it shows nothing from the parts read.
    pub fn complete(&self) {
        if self.value.try_with_untracked(D::is_whole) == Some(false) {
            self.value
                .try_update_untracked(|value| self.read_rest(value));
        }
    }

    /// Reads into `value` whatever of it was left unread (see
    /// [`Saved::complete`]). False, with the problem shown, when that could
    /// not be read: saving it then would lose what was left unread.
    fn read_rest(&self, value: &mut D) -> bool {
        if value.is_whole() {
            return true;
        }
        let read = Store::new(BrowserStorage).complete(value, &now_stamp());
        if read.is_err() {
            self.problem.set(Some(SaveProblem::UnreadableInTheWay));
        }
        read.is_ok()
    }

    /// Shows `value` and saves it.
    pub fn save(&self, value: D) {
        let mut value = value;
        if !self.read_rest(&mut value) {
            return;
        }
        let saved = Self::store(&value, self.revision.get_untracked());
        // Shown whether or not it was stored: what the person typed stays.
        self.value.set(value);
        self.saved(saved);
    }

    /// Changes what is on screen with `change`, and saves it. The change is
    /// made in place: a copy of a clinic of several years costs more than
    /// the change itself.
    pub fn update(&self, change: impl FnOnce(&mut D)) {
        let unrefused = |value: &mut D| {
            change(value);
            Ok::<(), ()>(())
        };
        let _ = self.try_update_then(unrefused, || {});
    }

    /// As [`Saved::update`], for a change that may be refused, with `then`
    /// run once the change is stored (or has failed to be) and before the
    /// pages showing the document hear of it: a page that goes to another
    /// page on saving is not redrawn first, only to be left. A refused change
    /// must leave the value as it was; then nothing is saved, `then` is not
    /// run, and the screen is not redrawn.
    pub fn try_update_then<E>(
        &self,
        change: impl FnOnce(&mut D) -> Result<(), E>,
        then: impl FnOnce(),
    ) -> Result<(), E> {
        self.complete();
        if self.value.try_with_untracked(D::is_whole) == Some(false) {
            // Part of it could not be read: saving would lose it.
            return Ok(());
        }
        let changed = self.value.try_update_untracked(change).unwrap_or(Ok(()));
        if changed.is_ok() {
            let revision = self.revision.get_untracked();
            let saved = self
                .value
                .with_untracked(|value| Self::store(value, revision));
            self.saved(saved);
            then();
            self.value.notify();
        }
        changed
    }

    fn store(value: &D, revision: u64) -> Result<u64, SaveProblem> {
        Store::new(BrowserStorage).save(value, revision, &now_stamp())
    }

    fn saved(&self, saved: Result<u64, SaveProblem>) {
        match saved {
            Ok(revision) => {
                self.revision.set(revision);
                self.problem.set(None);
            }
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// Removes the document from the device, and starts again empty.
    /// Returns whether it is gone; if not, the problem is shown.
    pub fn delete(&self) -> bool {
        match Store::new(BrowserStorage).remove::<D>() {
            Ok(()) => {
                self.value.set(D::default());
                self.revision.set(0);
                self.problem.set(None);
                true
            }
            Err(error) => {
                self.problem.set(Some(SaveProblem::NotStored(error)));
                false
            }
        }
    }

    /// After a clash with another tab: keep what is on screen, over theirs.
    pub fn keep_mine(&self) {
        let store = Store::new(BrowserStorage);
        match store.current_revision::<D>() {
            Ok(current) => {
                self.revision.set(current);
                // Theirs is stored: every part of this copy is written over it.
                self.value.with_untracked(D::forget_stored);
                self.save(self.value.get_untracked());
            }
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// After a clash with another tab: show and keep theirs.
    pub fn take_theirs(&self) {
        self.problem.set(None);
        self.reload();
    }

    fn changed_elsewhere(&self) {
        // Unsaved work on screen is never replaced: the person chooses.
        if self.problem.get_untracked().is_some() {
            self.problem.set(Some(SaveProblem::ChangedElsewhere));
        } else {
            self.reload();
        }
    }

    fn reload(&self) {
        if let Some((value, revision)) = taken_ahead::<D>() {
            self.value.set(value);
            self.revision.set(revision);
            return;
        }
        let store = Store::new(BrowserStorage);
        match store.load::<D>(&now_stamp()) {
            Loaded::Ready {
                value, revision, ..
            } => {
                self.value.set(value);
                self.revision.set(revision);
            }
            Loaded::Empty | Loaded::KeptAside(_) => {
                self.value.set(D::default());
                self.revision.set(0);
            }
            Loaded::Stuck(_) => self.problem.set(Some(SaveProblem::UnreadableInTheWay)),
        }
    }
}

/// Says why the last save did not happen, in the GOV.UK error summary style,
/// and after a clash with another tab lets the person choose a version.
#[component]
pub fn SaveProblemNotice<D>(saved: Saved<D>) -> impl IntoView
where
    D: Document + Clone + Default + Send + Sync + 'static,
{
    move || {
        saved.problem.get().map(|problem| {
            let clash = problem == SaveProblem::ChangedElsewhere;
            view! {
                <ProblemBox id="save-problem" title="Your changes have not been saved">
                    <p>{problem.message()}</p>
                    <Show when=move || clash>
                        <div class="nhsuk-button-group">
                            <button type="button" class="nhsuk-button" on:click=move |_| saved.keep_mine()>
                                "Keep my version"
                            </button>
                            <button type="button" class="nhsuk-button nhsuk-button--secondary"
                                on:click=move |_| saved.take_theirs()>
                                "Use the other version"
                            </button>
                        </div>
                    </Show>
                </ProblemBox>
            }
        })
    }
}

/// A problem with saving, in the GOV.UK error summary style: announced, with
/// `title` as its heading and what to do in `children`.
#[component]
fn ProblemBox(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <div class="nhsuk-error-summary" role="alert" tabindex="-1"
            aria-labelledby=labelled_by data-testid=id>
            <h2 class="nhsuk-error-summary__title" id=heading>{title}</h2>
            <div class="nhsuk-error-summary__body">{children()}</div>
        </div>
    }
}

/// Says when changes the app has accepted could not then be written to the
/// device (IndexedDB stores a moment after a save): they are held in this tab
/// until the person frees space and tries again.
#[component]
pub fn NotStoredNotice() -> impl IntoView {
    use crate::store::backend::{not_stored, store_again};
    let problem = RwSignal::new(not_stored());
    let failed = window_event_listener_untyped("sp-not-stored", move |_| problem.set(not_stored()));
    let stored = window_event_listener_untyped("sp-stored", move |_| problem.set(None));
    on_cleanup(move || {
        failed.remove();
        stored.remove();
    });
    move || {
        problem.get().map(|error| {
            view! {
                <ProblemBox id="not-stored" title="Your latest changes are not saved on this device">
                    <p>{error.not_written_message()}</p>
                    <p>"Free some space on this device, for example by deleting photos or apps you no longer need, then try again."</p>
                    <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-0"
                        on:click=move |_| store_again()>
                        "Try saving again"
                    </button>
                </ProblemBox>
            }
        })
    }
}
