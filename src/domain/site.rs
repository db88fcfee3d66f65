//! Where the app lives: the pages that exist as real files, and the base path
//! the app was opened under (the same build works at `/` and at `/any/sub/path/`).

/// Every page a person can open or reload directly. The build writes a copy of
/// `index.html` at `<path>/index.html` for each, so plain static servers answer
/// 200 for them; `tools/build.mjs` reads this list from this file.
pub const PAGE_PATHS: &[&str] = &[
    "refer",
    "refer/name",
    "refer/date-of-birth",
    "refer/under-16",
    "refer/contact",
    "refer/contact-times",
    "refer/support",
    "refer/own-words",
    "refer/barriers",
    "refer/meeting",
    "refer/communication",
    "refer/language",
    "refer/practice",
    "refer/consent",
    "refer/check",
    "refer/done",
    "plan",
    "plan/about-me",
    "plan/wellbeing",
    "plan/goals",
    "plan/goal",
    "plan/support",
    "plan/if-things-get-harder",
    "plan/review",
    "plan/progress",
    "plan/progress/review",
    "plan/one-page",
    "plan/share",
    "plan/receive",
    "plan/delete",
    "plan/lock",
    "clinic",
    "clinic/import",
    "clinic/day",
    "clinic/people",
    "clinic/people/add",
    "clinic/person",
    "clinic/person/book",
    "clinic/person/log",
    "clinic/person/concern",
    "clinic/person/change",
    "clinic/person/cancel",
    "clinic/person/remove",
    "clinic/rota",
    "clinic/pad",
    "clinic/poster",
    "clinic/board",
    "clinic/sessions",
    "clinic/sessions/weekly",
    "clinic/sessions/one-off",
    "clinic/sessions/closed",
    "clinic/sessions/settings",
    "clinic/sessions/change",
    "clinic/volunteers",
    "clinic/volunteers/add",
    "clinic/volunteers/change",
    "clinic/reminders",
    "clinic/reminders/wording",
    "clinic/reminders/person",
    "clinic/backup",
    "clinic/backup/merge",
    "clinic/backup/sharing",
    "clinic/lock",
    "clinic/directory",
    "clinic/directory/add",
    "clinic/directory/edit",
    "clinic/directory/service",
    "clinic/directory/import",
    "clinic/directory/print",
    "clinic/reports",
    "clinic/check",
    "clinic/plan",
    "clinic/plan/about-me",
    "clinic/plan/wellbeing",
    "clinic/plan/goal",
    "clinic/plan/support",
    "clinic/plan/review",
    "clinic/plan/give",
    "privacy",
    "accessibility",
];

/// A part of the app built as its own bundle, so that a person downloads only
/// the part they open: a patient referring themselves never downloads the
/// clinic's code. Moving between areas loads a page; moving inside one does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The home page and "Page not found".
    Home,
    Refer,
    Plan,
    /// Sharing a plan by a QR code, and the page a shared plan opens on: the
    /// QR encoder and the browser's compression stay out of the plan's pages.
    PlanShare,
    /// The plan's optional passphrase: setting, unlocking and removing it.
    /// Making a key from a passphrase and its forms stay out of the plan's pages.
    PlanLock,
    Clinic,
    /// The clinic's texts: the next clinic day's reminders and their wording.
    Reminders,
    /// Backing up everything the app keeps on the device, and restoring it.
    Backup,
    /// Setting the clinic up: its sessions and closed dates, volunteers and the rota.
    Setup,
    /// The local services directory: search, add, import and export, print.
    Directory,
    /// What the clinic did in a period, for the practice and funders.
    Reports,
    /// A person's plan, built and reviewed with them on the clinic's device.
    ClinicPlan,
    /// The privacy statement and the accessibility statement: their text
    /// would push home over its budget (`tests/support/size.mjs`).
    About,
}

/// Which area a page is in: the first entry whose path is the page's path or
/// a folder above it. Anything else is home. `tools/build.mjs` reads this
/// list, so the service worker follows the same rule.
pub const AREA_PATHS: &[(&str, &str)] = &[
    ("clinic/reminders", "reminders"),
    ("clinic/backup", "backup"),
    ("clinic/lock", "backup"),
    ("clinic/sessions", "setup"),
    ("clinic/volunteers", "setup"),
    ("clinic/rota", "setup"),
    ("clinic/check", "setup"),
    ("clinic/pad", "setup"),
    ("clinic/poster", "setup"),
    ("clinic/board", "setup"),
    ("clinic/directory", "directory"),
    ("clinic/reports", "reports"),
    ("clinic/plan", "clinicplan"),
    ("clinic", "clinic"),
    ("refer", "refer"),
    ("plan/share", "plan_share"),
    ("plan/receive", "plan_share"),
    ("plan/lock", "plan_lock"),
    ("plan", "plan"),
    ("privacy", "about"),
    ("accessibility", "about"),
];

impl Area {
    pub const ALL: [Area; 13] = [
        Area::Home,
        Area::Refer,
        Area::Plan,
        Area::PlanShare,
        Area::PlanLock,
        Area::Clinic,
        Area::Reminders,
        Area::Backup,
        Area::Setup,
        Area::Directory,
        Area::Reports,
        Area::ClinicPlan,
        Area::About,
    ];

    /// The area a page path belongs to (see [`AREA_PATHS`]).
    pub fn of(page: &str) -> Area {
        let name = AREA_PATHS
            .iter()
            .find(|(path, _)| {
                page == *path
                    || page
                        .strip_prefix(path)
                        .is_some_and(|rest| rest.starts_with('/'))
            })
            .map_or("home", |(_, name)| name);
        Area::ALL
            .into_iter()
            .find(|area| area.name() == name)
            .unwrap_or(Area::Home)
    }

    /// The area's name, as its bundle and stylesheet are named.
    /// Whether the area is for patients (and anyone visiting), rather than
    /// for the practice and its volunteers.
    pub fn is_for_patients(self) -> bool {
        matches!(
            self,
            Area::Home | Area::Refer | Area::Plan | Area::PlanLock | Area::About
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Area::Home => "home",
            Area::Refer => "refer",
            Area::Plan => "plan",
            Area::PlanShare => "plan_share",
            Area::PlanLock => "plan_lock",
            Area::Clinic => "clinic",
            Area::Reminders => "reminders",
            Area::Backup => "backup",
            Area::Setup => "setup",
            Area::Directory => "directory",
            Area::Reports => "reports",
            Area::ClinicPlan => "clinicplan",
            Area::About => "about",
        }
    }
}

/// The router base for a document whose base URL path is `base_uri_path`
/// (the path of `document.baseURI`, set by each page's `<base href>`): the
/// directory without its trailing slash, so `""` at the root of a site.
pub fn router_base(base_uri_path: &str) -> String {
    let dir = match base_uri_path.rfind('/') {
        Some(i) => &base_uri_path[..i],
        None => "",
    };
    dir.to_string()
}

/// The address of a page of the app under `base`, as a link's `href`.
/// `page` is `""` for the home page, and may end with a query
/// (`"refer?deleted=yes"`). Every page is a folder on the server, so its
/// address ends with `/`: a static server would otherwise answer a link or a
/// reload with a redirect, one more round trip on a slow connection.
pub fn page_href(base: &str, page: &str) -> String {
    let page = page.trim_start_matches('/');
    let split = page.find(['?', '#']).unwrap_or(page.len());
    let (path, rest) = page.split_at(split);
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        format!("{base}/{rest}")
    } else {
        format!("{base}/{path}/{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_root_of_a_site_the_base_is_empty() {
        assert_eq!(router_base("/"), "");
        assert_eq!(page_href("", ""), "/");
        assert_eq!(page_href("", "plan"), "/plan/");
    }

    #[test]
    fn under_a_sub_path_the_base_is_that_directory() {
        assert_eq!(router_base("/any/sub/path/"), "/any/sub/path");
        assert_eq!(page_href("/any/sub/path", "refer"), "/any/sub/path/refer/");
        assert_eq!(
            page_href("/any/sub/path", "refer/name/"),
            "/any/sub/path/refer/name/"
        );
        assert_eq!(page_href("/any/sub/path", ""), "/any/sub/path/");
    }

    #[test]
    fn a_query_follows_the_folder() {
        assert_eq!(page_href("", "refer?deleted=yes"), "/refer/?deleted=yes");
        assert_eq!(
            page_href("/a", "refer/check?change=name#x"),
            "/a/refer/check/?change=name#x"
        );
        assert_eq!(page_href("/a", "?x=1"), "/a/?x=1");
    }

    #[test]
    fn a_base_that_names_a_file_keeps_only_its_directory() {
        assert_eq!(router_base("/practice/index.html"), "/practice");
    }

    #[test]
    fn a_page_belongs_to_the_area_of_its_first_folder() {
        assert_eq!(Area::of(""), Area::Home);
        assert_eq!(Area::of("privacy"), Area::About);
        assert_eq!(Area::of("accessibility"), Area::About);
        assert_eq!(Area::of("privacyx"), Area::Home);
        assert_eq!(Area::of("refer"), Area::Refer);
        assert_eq!(Area::of("refer/check"), Area::Refer);
        assert_eq!(Area::of("referral"), Area::Home);
        assert_eq!(Area::of("plan/receive"), Area::PlanShare);
        assert_eq!(Area::of("plan/share"), Area::PlanShare);
        assert_eq!(Area::of("plan/lock"), Area::PlanLock);
        assert_eq!(Area::of("plan/one-page"), Area::Plan);
        assert_eq!(Area::of("plan/shared"), Area::Plan);
        assert_eq!(Area::of("clinic/import"), Area::Clinic);
        assert_eq!(Area::of("no-such-page"), Area::Home);
        assert_eq!(Area::of("clinic/reminders"), Area::Reminders);
        assert_eq!(Area::of("clinic/rota"), Area::Setup);
        assert_eq!(Area::of("clinic/sessions/weekly"), Area::Setup);
        assert_eq!(Area::of("clinic/check"), Area::Setup);
        assert_eq!(Area::of("clinic/person"), Area::Clinic);
        assert_eq!(Area::of("clinic/plan/give"), Area::ClinicPlan);
        assert_eq!(Area::of("clinic/planned"), Area::Clinic);
        assert_eq!(Area::of("clinic/reminders/wording"), Area::Reminders);
        assert_eq!(Area::of("clinic/remindersx"), Area::Clinic);
        assert_eq!(Area::of("clinics"), Area::Home);
        let names: Vec<_> = Area::ALL.iter().map(|a| a.name()).collect();
        assert_eq!(
            names,
            [
                "home",
                "refer",
                "plan",
                "plan_share",
                "plan_lock",
                "clinic",
                "reminders",
                "backup",
                "setup",
                "directory",
                "reports",
                "clinicplan",
                "about"
            ]
        );
        assert_eq!(Area::of("clinic/backup"), Area::Backup);
        assert_eq!(Area::of("clinic/directory"), Area::Directory);
        assert_eq!(Area::of("clinic/directory/service"), Area::Directory);
        assert_eq!(Area::of("clinic/reports"), Area::Reports);
        assert_eq!(Area::of("clinic/reportsx"), Area::Clinic);
        for (_, name) in AREA_PATHS {
            assert!(names.contains(name), "{name} is an area");
        }
    }

    #[test]
    fn every_page_path_is_a_plain_relative_folder_name() {
        for path in PAGE_PATHS {
            assert!(!path.is_empty() && !path.starts_with('/') && !path.ends_with('/'));
            assert!(path
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '/'));
        }
    }
}
