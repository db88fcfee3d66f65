//! The practice's list of local services and groups: what each offers, who it
//! is for, when and where it runs, how to get in touch, and when someone last
//! checked it. Searched as a volunteer types, and kept in step with the Open
//! Referral UK lists councils publish.

pub mod form;
pub mod oruk;

#[cfg(test)]
mod tests;

use crate::domain::clinic::sessions::weekday_name;
use crate::domain::clinic::Id;
use crate::domain::dates;
use crate::domain::{counted, folded};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a service helps with: the support areas of self-referral, and activities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Loneliness,
    Money,
    Housing,
    Work,
    Caring,
    Wellbeing,
    LongTermConditions,
    ActiveLiving,
    Arts,
    NatureAndGardening,
    SportAndMovement,
    Befriending,
    Learning,
    Volunteering,
    Advice,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::Loneliness,
        Category::Money,
        Category::Housing,
        Category::Work,
        Category::Caring,
        Category::Wellbeing,
        Category::LongTermConditions,
        Category::ActiveLiving,
        Category::Arts,
        Category::NatureAndGardening,
        Category::SportAndMovement,
        Category::Befriending,
        Category::Learning,
        Category::Volunteering,
        Category::Advice,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Loneliness => "Loneliness and isolation",
            Category::Money => "Money, debt and benefits",
            Category::Housing => "Housing",
            Category::Work => "Work",
            Category::Caring => "Caring",
            Category::Wellbeing => "Stress, worry and low mood",
            Category::LongTermConditions => "Long-term conditions",
            Category::ActiveLiving => "Getting active and eating well",
            Category::Arts => "Arts",
            Category::NatureAndGardening => "Nature and gardening",
            Category::SportAndMovement => "Sport and movement",
            Category::Befriending => "Befriending",
            Category::Learning => "Learning",
            Category::Volunteering => "Volunteering",
            Category::Advice => "Advice",
        }
    }

    /// Its key in files and form fields.
    pub fn key(self) -> &'static str {
        match self {
            Category::Loneliness => "loneliness",
            Category::Money => "money",
            Category::Housing => "housing",
            Category::Work => "work",
            Category::Caring => "caring",
            Category::Wellbeing => "wellbeing",
            Category::LongTermConditions => "long-term-conditions",
            Category::ActiveLiving => "active-living",
            Category::Arts => "arts",
            Category::NatureAndGardening => "nature-and-gardening",
            Category::SportAndMovement => "sport-and-movement",
            Category::Befriending => "befriending",
            Category::Learning => "learning",
            Category::Volunteering => "volunteering",
            Category::Advice => "advice",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The category a name or key in someone else's file means, if any.
    pub fn from_words(words: &str) -> Option<Category> {
        let words = words.trim().to_lowercase();
        Category::ALL
            .into_iter()
            .find(|c| c.key() == words || c.name().to_lowercase() == words)
    }
}

/// How a person gets to use a service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    #[default]
    SelfReferralWelcome,
    ReferralNeeded,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Service {
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub description: String,
    pub categories: Vec<Category>,
    /// Who it is for: ages, area, other criteria.
    pub who_for: String,
    pub free: bool,
    pub cost: String,
    /// Days it runs (0 Monday to 6 Sunday), and when, in words.
    pub days: Vec<u8>,
    pub when: String,
    pub place: String,
    pub phone: String,
    /// Whom to ask for: a name, and their role.
    pub contact: String,
    pub email: String,
    pub website: String,
    /// Languages spoken, as "English, Polish".
    pub languages: String,
    /// A short-term notice from the service, such as a change of place.
    pub alert: String,
    pub access: Access,
    pub accessibility: String,
    /// When someone last checked the entry, as "2026-03-03".
    pub checked_on: String,
    /// The id it has in an Open Referral UK file it came from, kept for the next import.
    pub oruk_id: String,
}

/// The directory as it is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Directory {
    pub services: Vec<Service>,
}

/// An entry not checked for this many months may be out of date.
pub const STALE_AFTER_MONTHS: u32 = 6;

impl Service {
    /// Whether nobody has checked the entry for over six months (or ever).
    pub fn may_be_out_of_date(&self, today: NaiveDate) -> bool {
        match dates::parse_iso(&self.checked_on) {
            None => true,
            Some(checked) => today
                .checked_sub_months(chrono::Months::new(STALE_AFTER_MONTHS))
                .is_some_and(|limit| checked < limit),
        }
    }

    fn text_to_search(&self) -> String {
        [
            &self.name,
            &self.organisation,
            &self.description,
            &self.who_for,
            &self.place,
            &self.when,
            &self.languages,
        ]
        .map(|t| folded(t))
        .join("\n")
    }
}

/// What a volunteer is looking for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub words: String,
    pub category: Option<Category>,
    pub free_only: bool,
    pub day: Option<u8>,
}

/// How many services the directory's list shows at first, and how many more
/// each time a person asks: hundreds of entries at once are slow to draw and
/// to narrow on a phone, and long to scroll. With 50, a search finding 46 took
/// 91 ms to show at 4x slowdown, at the edge of the 100 ms an action may take.
pub const SHOWN_AT_A_TIME: usize = 20;

/// What the list says it holds, read out as it changes: `found` of `all`
/// services match the search, and the first `shown` are on the list.
pub fn found_words(found: usize, all: usize, shown: usize) -> String {
    if all == 0 {
        return "The directory is empty. Add a service, or import a list your council publishes."
            .to_string();
    }
    let found_words = if found == all {
        format!("{} in the directory", counted(all, "service", "services"))
    } else {
        format!("{} found of {all}", counted(found, "service", "services"))
    };
    if found > shown {
        format!("{found_words}. Showing the first {shown}")
    } else {
        found_words
    }
}

/// The "Show more" button's words, when it adds `more` services.
pub fn more_words(more: usize) -> String {
    format!("Show {}", counted(more, "more service", "more services"))
}

/// The services that match `search`: every word typed must appear somewhere
/// in an entry (name, organisation, description, who it is for, place,
/// when or languages), in any case and with or without accents. Entries whose name
/// matches come first, then by name.
pub fn search<'a>(services: &'a [Service], search: &Search) -> Vec<&'a Service> {
    let typed = folded(&search.words);
    let words: Vec<&str> = typed.split_whitespace().collect();
    let mut found: Vec<(bool, &Service)> = services
        .iter()
        .filter(|s| search.category.is_none_or(|c| s.categories.contains(&c)))
        .filter(|s| !search.free_only || s.free)
        .filter(|s| search.day.is_none_or(|d| s.days.contains(&d)))
        .filter_map(|s| {
            let text = s.text_to_search();
            words.iter().all(|w| text.contains(w)).then(|| {
                let name = folded(&s.name);
                (words.iter().any(|w| name.contains(w)), s)
            })
        })
        .collect();
    found.sort_by(|(a_named, a), (b_named, b)| {
        b_named
            .cmp(a_named)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    found.into_iter().map(|(_, s)| s).collect()
}

/// "Tuesdays and Thursdays" for a service's days.
pub fn days_words(days: &[u8]) -> String {
    let names: Vec<String> = days
        .iter()
        .filter(|d| **d < 7)
        .map(|d| format!("{}s", weekday_name(*d)))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "Checked in March 2026".
pub fn checked_words(service: &Service) -> Option<String> {
    let date = dates::parse_iso(&service.checked_on)?;
    let day_month_year = dates::short_date(date);
    let (_, month_year) = day_month_year.split_once(' ')?;
    Some(format!("Checked in {month_year}"))
}
