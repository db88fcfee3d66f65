//! The volunteers' clinic: sessions and closed dates, the rota, the people being
//! supported, their appointments and the day's list. Every page works on the
//! one stored [`Clinic`], and asks the domain to change it.

mod board;
mod corrections;
mod day;
mod details;
mod import;
mod overview;
mod people;
mod person;
mod plan;
mod publicity;
mod rota;
mod session_change;
mod sessions;
mod setup_check;
mod volunteers;

pub use person::record_href;
pub use plan::ClinicPlanFlow;
pub use setup_check::SetupCheck;

use crate::domain::clinic::Clinic;
use crate::domain::form::FieldError;
use crate::ui::intern;
use crate::ui::pages::{FormPage, NotFound};
use crate::ui::router::{own_page, use_location, Location};
use crate::ui::saved::Saved;
use crate::ui::use_base;
use leptos::prelude::*;

/// The days of the week as choices, keyed by days after Monday.
const WEEKDAYS: [(&str, &str); 7] = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
];

/// The clinic, shared by every page of the area.
pub fn use_clinic() -> Saved<Clinic> {
    use_context::<Saved<Clinic>>().expect("a clinic page outside ClinicFlow")
}

/// Opens the clinic once for the area, and shows the page for `page`.
#[component]
pub fn ClinicFlow(page: Memo<String>) -> impl IntoView {
    let clinic = Saved::<Clinic>::open();
    provide_context(clinic);
    move || {
        let page = page.get();
        // Opened for the day view, the clinic may hold only that day's year.
        if page != "clinic/day" {
            clinic.complete();
        }
        own_page(|| match page.as_str() {
            "clinic" => overview::Overview().into_any(),
            "clinic/import" => import::ClinicImport().into_any(),
            "clinic/people" => people::People().into_any(),
            "clinic/people/add" => details::AddPerson().into_any(),
            "clinic/person" => person::PersonRecord().into_any(),
            "clinic/person/book" => person::Book().into_any(),
            "clinic/person/change" => details::ChangeDetails().into_any(),
            "clinic/person/cancel" => corrections::CancelAppointment().into_any(),
            "clinic/person/remove" => corrections::RemovePerson().into_any(),
            "clinic/person/log" => person::AddLog().into_any(),
            "clinic/person/concern" => person::ConcernPage().into_any(),
            "clinic/day" => day::Day().into_any(),
            _ => NotFound().into_any(),
        })
    }
}

/// The clinic's set-up pages, a bundle of their own so the everyday pages
/// stay small: sessions and closed dates, volunteers and the rota, and the
/// printed pad, poster and "meet the volunteers" board.
#[component]
pub fn SetupFlow(page: Memo<String>) -> impl IntoView {
    provide_context(Saved::<Clinic>::open());
    move || {
        own_page(|| match page.get().as_str() {
            "clinic/sessions" => sessions::Sessions().into_any(),
            "clinic/sessions/weekly" => sessions::AddWeekly().into_any(),
            "clinic/sessions/one-off" => sessions::AddExtra().into_any(),
            "clinic/sessions/closed" => sessions::AddClosed().into_any(),
            "clinic/sessions/settings" => sessions::Settings().into_any(),
            "clinic/sessions/change" => session_change::ChangeSession().into_any(),
            "clinic/volunteers" => volunteers::Volunteers().into_any(),
            "clinic/volunteers/add" | "clinic/volunteers/change" => {
                volunteers::AddVolunteer().into_any()
            }
            "clinic/rota" => rota::Rota().into_any(),
            "clinic/pad" => publicity::ReferralPad().into_any(),
            "clinic/poster" => publicity::Poster().into_any(),
            "clinic/board" => board::Board().into_any(),
            _ => NotFound().into_any(),
        })
    }
}

/// A clinic form on its own page (see [`FormPage`]).
#[component]
fn ClinicForm(
    title: &'static str,
    back: String,
    #[prop(into)] button: String,
    #[prop(optional)] caption: Option<String>,
    submit: Callback<(), Result<(), Vec<FieldError>>>,
    children: Children,
) -> impl IntoView {
    view! { <FormPage title back button caption saved=use_clinic() submit>{children()}</FormPage> }
}

/// Saves changes to the clinic from a page's buttons and forms. Made when
/// the page is drawn: event handlers run outside the page's context.
#[derive(Clone, Copy)]
struct Saver {
    clinic: Saved<Clinic>,
    location: Location,
}

impl Saver {
    fn new() -> Self {
        Saver {
            clinic: use_clinic(),
            location: use_location(),
        }
    }

    /// Saves a change, and if it was stored goes to `then`. A save that
    /// fails stays on the page, with the save problem shown.
    fn save_and_go(&self, change: impl FnOnce(&mut Clinic), then: &str) {
        let unrefused = |clinic: &mut Clinic| {
            change(clinic);
            Ok::<(), ()>(())
        };
        let _ = self.try_save_and_go(unrefused, then);
    }

    /// As [`Saver::save_and_go`], for a change the clinic may refuse: then
    /// nothing changes, and the reason is returned.
    fn try_save_and_go<E>(
        &self,
        change: impl FnOnce(&mut Clinic) -> Result<(), E>,
        then: &str,
    ) -> Result<(), E> {
        let go_if_saved = || {
            if self.clinic.problem.get_untracked().is_none() {
                self.location.navigate(then);
            }
        };
        self.clinic.try_update_then(change, go_if_saved)
    }
}

/// The id in the address's query (`?id=`), for a person's pages.
fn id_in_address() -> Option<u64> {
    use_location().query("id").and_then(|id| id.parse().ok())
}

/// The link to a clinic page, from any clinic page.
fn href(page: &str) -> String {
    use_base().href(page)
}

/// The clinic's sections, at the foot of its front page.
#[component]
fn SectionLinks() -> impl IntoView {
    let links = [
        ("clinic/day", "The clinic day"),
        (
            "clinic/reminders",
            "Texts for today and the next clinic day",
        ),
        ("clinic/people", "People and appointments"),
        ("clinic/directory", "Local services directory"),
        ("clinic/reports", "Reports for the practice and funders"),
        ("clinic/rota", "The volunteer rota"),
        (
            "clinic/pad",
            "Print a referral pad for the practice's staff",
        ),
        ("clinic/poster", "Print a waiting-room poster"),
        ("clinic/board", "Print the faces for the surgery’s board"),
        ("clinic/volunteers", "Volunteers"),
        ("clinic/sessions", "Sessions and closed dates"),
        ("clinic/backup", "Back up or restore the clinic's data"),
        ("clinic/lock", "Lock the records with a passphrase"),
        (
            "clinic/check",
            "Check the practice's settings (for the practice)",
        ),
    ];
    view! {
        <ul class="nhsuk-list app-section-links">
            {links.map(|(page, text)| view! { <li><a href=href(page)>{text}</a></li> }).into_iter().collect_view()}
        </ul>
    }
}
