//! The clinic's texts: the next clinic day's reminders, ready to send from the
//! link worker's own phone, and the wording the practice has chosen. A part
//! of its own (`site::Area::Reminders`), so the clinic's bundle stays small.

mod person;
mod texts;
mod wording;

use crate::domain::clinic::Clinic;
use crate::domain::config::PracticeConfig;
use crate::domain::reminders::day_list::Sender;
use crate::domain::reminders::Wording;
use crate::ui::pages::NotFound;
use crate::ui::router::own_page;
use crate::ui::saved::Saved;
use leptos::prelude::*;

/// The clinic and the wording, shared by both pages.
#[derive(Clone, Copy)]
struct Texting {
    clinic: Saved<Clinic>,
    wording: Saved<Wording>,
}

fn use_texting() -> Texting {
    use_context::<Texting>().expect("a texts page outside RemindersFlow")
}

impl Texting {
    /// Runs `texts` with the clinic, the wording and who is sending (the
    /// volunteer's name and the practice's details), tracking all of them.
    fn with_sender<T>(
        &self,
        practice: Signal<PracticeConfig>,
        texts: impl FnOnce(&Clinic, &Wording, &Sender<'_>) -> T,
    ) -> T {
        let practice = practice.get();
        let practice_phone = practice.phone.clone().unwrap_or_default();
        self.wording.value.with(|w| {
            self.clinic.value.with(|c| {
                let sender = Sender {
                    name: &w.sender,
                    practice: &practice.practice_name,
                    practice_phone: &practice_phone,
                };
                texts(c, w, &sender)
            })
        })
    }
}

#[component]
pub fn RemindersFlow(page: Memo<String>) -> impl IntoView {
    provide_context(Texting {
        clinic: Saved::<Clinic>::open(),
        wording: Saved::<Wording>::open(),
    });
    move || {
        own_page(|| match page.get().as_str() {
            "clinic/reminders" => texts::Texts().into_any(),
            "clinic/reminders/wording" => wording::WordingPage().into_any(),
            "clinic/reminders/person" => person::PersonTexts().into_any(),
            _ => NotFound().into_any(),
        })
    }
}
