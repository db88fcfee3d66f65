//! Where the app lives: the pages that exist as real files, and the base path
//! the app was opened under (the same build works at `/` and at `/any/sub/path/`).

/// Every page a person can open or reload directly. The build writes a copy of
/// `index.html` at `<path>/index.html` for each, so plain static servers answer
/// 200 for them; `tools/postbuild.mjs` reads this list from this file.
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
    "clinic",
    "clinic/import",
    "privacy",
];

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
/// `page` is `""` for the home page.
pub fn page_href(base: &str, page: &str) -> String {
    let page = page.trim_start_matches('/');
    if page.is_empty() {
        format!("{base}/")
    } else {
        format!("{base}/{page}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_root_of_a_site_the_base_is_empty() {
        assert_eq!(router_base("/"), "");
        assert_eq!(page_href("", ""), "/");
        assert_eq!(page_href("", "plan"), "/plan");
    }

    #[test]
    fn under_a_sub_path_the_base_is_that_directory() {
        assert_eq!(router_base("/any/sub/path/"), "/any/sub/path");
        assert_eq!(page_href("/any/sub/path", "refer"), "/any/sub/path/refer");
        assert_eq!(page_href("/any/sub/path", ""), "/any/sub/path/");
    }

    #[test]
    fn a_base_that_names_a_file_keeps_only_its_directory() {
        assert_eq!(router_base("/practice/index.html"), "/practice");
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
