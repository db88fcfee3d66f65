//! Reading and writing the Open Referral UK shape of a list of services, so a
//! practice can start from a list its council publishes and share its own.
//! Files of version 1.0 and 3.0 (the UK profile) are both read, page by page;
//! the directory is written as 3.0, or as 1.0 for councils still on it. What
//! the directory does not keep is named in the preview; a file that is not
//! such a list is refused whole.

mod read;
#[cfg(test)]
mod tests;
pub mod uuid;
mod write;

pub use write::{write, write_v1};

use super::Service;
use crate::domain::clinic::Id;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};

/// Files bigger than this are refused unread.
pub const LARGEST_FILE: usize = 5 * 1024 * 1024;

/// Lists longer than this are refused before they are read into services:
/// a practice's area has hundreds, a whole county a few thousand, and a
/// preview naming 100,000 would hold the page still for many seconds.
pub const MOST_SERVICES: usize = 5_000;

/// Why a file could not be imported, in words for the volunteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    TooMany {
        found: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    NoServices,
    /// The pages already added and this one hold more than [`MOST_SERVICES`] together.
    TooManyInAll {
        found: usize,
    },
    /// Every service in the file is in a page already added.
    PageAlreadyAdded,
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge => "The file is bigger than 5 MB. Choose a smaller file".to_string(),
            ImportError::TooMany { found } => format!(
                "The file has {} services. Choose a file with 5,000 services or fewer, such as the services near your practice",
                thousands(*found)
            ),
            ImportError::NotJson { line, column } => format!(
                "The file is not an Open Referral UK JSON file: it stops making sense at line {line}, column {column}"
            ),
            ImportError::NoServices => {
                "The file has no services in it. Choose an Open Referral UK list of services".to_string()
            }
            ImportError::TooManyInAll { found } => format!(
                "With this page the list has {} services, more than 5,000. Import the pages added so far, then add this one",
                thousands(*found)
            ),
            ImportError::PageAlreadyAdded => {
                "That page is already added. Choose the next page of the list".to_string()
            }
        }
    }
}

/// How many entries a list of services holds, counted in a quick pass that
/// keeps none of them (reading 100,000 into values took over a second on a
/// phone-class page): `None` when the file is not such a list.
fn entries_in(file: &str) -> Option<usize> {
    #[derive(serde::Deserialize)]
    struct Page {
        contents: Option<Vec<IgnoredAny>>,
        content: Option<Vec<IgnoredAny>>,
        services: Option<Vec<IgnoredAny>>,
    }
    if let Ok(list) = serde_json::from_str::<Vec<IgnoredAny>>(file) {
        return Some(list.len());
    }
    let page = serde_json::from_str::<Page>(file).ok()?;
    page.contents
        .or(page.content)
        .or(page.services)
        .map(|list| list.len())
}

/// 100000 as "100,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The versions of the standard the app reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    One,
    Three,
}

impl Version {
    pub fn name(self) -> &'static str {
        match self {
            Version::One => "Open Referral UK 1.0",
            Version::Three => "Open Referral UK 3.0",
        }
    }
}

/// One file of a council's list, read: a list may come as several pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The version its fields belong to, when they say.
    pub version: Option<Version>,
    pub services: Vec<Service>,
    /// Entries without a name, left out.
    pub skipped: usize,
    /// Fields with something in them that the directory does not keep, by
    /// their path in a service ("schedules.notes", "funding"), in order.
    pub dropped: Vec<String>,
    /// Terms services are filed under that match none of the directory's categories.
    pub unmatched: Vec<String>,
}

/// What an import would do, shown before anything is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// Services not in the directory yet.
    pub new: Vec<Service>,
    /// Services already in it (by their Open Referral id, or the same name
    /// and organisation) that the file changes: the existing id, and the service as it would be.
    pub changed: Vec<(Id, Service)>,
    pub unchanged: usize,
    /// Entries in the file without a name, left out.
    pub skipped: usize,
    /// Fields the directory does not keep, over every page.
    pub dropped: Vec<String>,
    /// Terms matching none of the directory's categories, over every page.
    pub unmatched: Vec<String>,
}

impl Page {
    /// "Page 2: Open Referral UK 3.0, 3 services".
    pub fn summary(&self, number: usize) -> String {
        let version = self
            .version
            .map(Version::name)
            .unwrap_or("Open Referral UK, version not given");
        let services = crate::domain::counted(self.services.len(), "service", "services");
        format!("Page {number}: {version}, {services}")
    }
}

impl Preview {
    /// "3 fields this directory does not keep were left out: funding, …", if any were.
    pub fn left_out_words(&self) -> Option<String> {
        (!self.dropped.is_empty()).then(|| {
            let n = self.dropped.len();
            let fields = if n == 1 { "field" } else { "fields" };
            let were = if n == 1 { "was" } else { "were" };
            format!(
                "{n} {fields} this directory does not keep {were} left out: {}.",
                self.dropped.join(", ")
            )
        })
    }

    /// What the services are filed under that matches nothing here, if anything.
    pub fn unmatched_words(&self) -> Option<String> {
        (!self.unmatched.is_empty()).then(|| {
            format!(
                "Kinds of help with no match in \"What it helps with\", left out: {}.",
                self.unmatched.join(", ")
            )
        })
    }

    /// How many services an import would write.
    pub fn to_write(&self) -> usize {
        self.new.len() + self.changed.len()
    }
}

/// The entries of a list: a bare list, a 3.0 page (`{"contents": [...]}`),
/// a 1.0 page (`{"content": [...]}`), or one service; and the version the
/// page's shape says, if it does.
fn entries(value: &Value) -> (Vec<&Value>, Option<Version>) {
    match value {
        Value::Array(items) => (items.iter().collect(), None),
        Value::Object(fields) => {
            for (key, version) in [
                ("contents", Some(Version::Three)),
                ("content", Some(Version::One)),
                ("services", None),
            ] {
                if let Some(Value::Array(items)) = fields.get(key) {
                    return (items.iter().collect(), version);
                }
            }
            if fields.contains_key("name") {
                (vec![value], None)
            } else {
                (Vec::new(), None)
            }
        }
        _ => (Vec::new(), None),
    }
}

/// Reads one file of Open Referral UK services, of either version.
pub fn read_page(file: &str) -> Result<Page, ImportError> {
    if file.len() > LARGEST_FILE {
        return Err(ImportError::TooLarge);
    }
    let file = file.trim_start_matches('\u{feff}');
    if let Some(found) = entries_in(file).filter(|n| *n > MOST_SERVICES) {
        return Err(ImportError::TooMany { found });
    }
    let value: Value = serde_json::from_str(file).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let (entries, shape_version) = entries(&value);
    if entries.len() > MOST_SERVICES {
        return Err(ImportError::TooMany {
            found: entries.len(),
        });
    }
    let objects: Vec<&Map<String, Value>> = entries.iter().filter_map(|v| v.as_object()).collect();
    if objects.is_empty() {
        return Err(ImportError::NoServices);
    }
    let mut page = Page {
        version: shape_version.or_else(|| objects.iter().find_map(|o| read::version_of(o))),
        ..Page::default()
    };
    for fields in objects {
        let service = read::service_from(fields, &mut page.dropped, &mut page.unmatched);
        if service.name.trim().is_empty() {
            page.skipped += 1;
        } else {
            page.services.push(service);
        }
    }
    if page.services.is_empty() {
        return Err(ImportError::NoServices);
    }
    Ok(page)
}

/// Reads the services in an Open Referral UK file, and how many were left
/// out for having no name.
pub fn read(file: &str) -> Result<(Vec<Service>, usize), ImportError> {
    read_page(file).map(|page| (page.services, page.skipped))
}

/// Whether `id` is the one an export of this app gave `service`.
fn exported_as(service: &Service, id: &str) -> bool {
    write::service_uuid(service) == id || write::service_v1_id(service) == id
}

/// Whether two entries are the same service: the same Open Referral id (or
/// the id the app gave it in an export), or the same name and organisation.
fn same_service(existing: &Service, incoming: &Service) -> bool {
    let same_name = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    (!incoming.oruk_id.is_empty()
        && (existing.oruk_id == incoming.oruk_id
            || write::service_uuid(existing) == incoming.oruk_id))
        || (same_name(&existing.name, &incoming.name)
            && same_name(&existing.organisation, &incoming.organisation))
}

/// `page` added to the pages already chosen, or why it cannot be.
pub fn add_page(pages: &[Page], page: Page) -> Result<Vec<Page>, ImportError> {
    let before: usize = pages.iter().map(|p| p.services.len()).sum();
    let already = |s: &Service| {
        pages
            .iter()
            .flat_map(|p| &p.services)
            .any(|earlier| earlier == s)
    };
    if !pages.is_empty() && page.services.iter().all(already) {
        return Err(ImportError::PageAlreadyAdded);
    }
    if before + page.services.len() > MOST_SERVICES {
        return Err(ImportError::TooManyInAll {
            found: before + page.services.len(),
        });
    }
    let mut all = pages.to_vec();
    all.push(page);
    Ok(all)
}

/// Compares the services of every page chosen with the directory. A service
/// on two pages is counted once, as the later page has it.
pub fn preview_pages(existing: &[Service], pages: &[Page]) -> Preview {
    let mut incoming: Vec<Service> = Vec::new();
    for service in pages.iter().flat_map(|p| p.services.iter().cloned()) {
        let repeated = |s: &Service| match (s.oruk_id.is_empty(), service.oruk_id.is_empty()) {
            (false, false) => s.oruk_id == service.oruk_id,
            _ => same_service(s, &service),
        };
        match incoming.iter_mut().find(|s| repeated(s)) {
            Some(earlier) => *earlier = service,
            None => incoming.push(service),
        }
    }
    let mut preview = Preview {
        skipped: pages.iter().map(|p| p.skipped).sum(),
        dropped: in_order(pages.iter().flat_map(|p| p.dropped.iter().cloned())),
        unmatched: in_order(pages.iter().flat_map(|p| p.unmatched.iter().cloned())),
        ..Preview::default()
    };
    for incoming in incoming {
        match existing.iter().find(|s| same_service(s, &incoming)) {
            Some(existing) => {
                // A service first made here keeps its empty Open Referral id
                // when it comes back with the id its export gave it.
                let oruk_id = if exported_as(existing, &incoming.oruk_id) {
                    existing.oruk_id.clone()
                } else {
                    incoming.oruk_id.clone()
                };
                let updated = Service {
                    id: existing.id,
                    oruk_id,
                    ..incoming
                };
                if &updated == existing {
                    preview.unchanged += 1;
                } else {
                    preview.changed.push((existing.id, updated));
                }
            }
            None => preview.new.push(incoming),
        }
    }
    preview
}

/// Names in order, each once.
fn in_order(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut names: Vec<String> = names.collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Compares the services read from one file with the directory.
pub fn preview(existing: &[Service], file: &str) -> Result<Preview, ImportError> {
    Ok(preview_pages(existing, &[read_page(file)?]))
}

/// The days of the week as iCalendar writes them, Monday first.
const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
