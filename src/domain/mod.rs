//! The rules of the app in plain Rust: no Leptos, no browser, no storage.

pub mod accessibility;
pub mod backup_habit;
pub mod clinic;
pub mod config;
pub mod dates;
pub mod directory;
pub mod form;
pub mod fragment;
pub mod lock;
pub mod merge;
pub mod plan;
pub mod qr;
pub mod referral;
pub mod reminders;
pub mod reports;
pub mod sample;
pub mod sharing;
pub mod site;

/// How many more of `found` results a long list's "Show more" adds when
/// `shown` are on it: up to `at_a_time`, and none once all are shown.
pub fn more_to_show(found: usize, shown: usize, at_a_time: usize) -> usize {
    found.saturating_sub(shown).min(at_a_time)
}

/// `n` of something, in words: "1 person", "3 people".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text as a search compares it: lower case, with accents and curly
/// apostrophes taken off, so that "siobhan o'neill", typed on any keyboard,
/// finds "Siobhán O’Neill".
pub fn folded(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        // Accents typed as marks of their own, after the letter.
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::folded;

    #[test]
    fn a_search_finds_names_whatever_their_accents_and_apostrophes() {
        assert_eq!(folded("Siobhán O’Neill"), "siobhan o'neill");
        assert_eq!(folded("ZOË Łukasz Dvořák"), "zoe lukasz dvorak");
        // The same letters written as a letter and a mark.
        assert_eq!(folded("Zoe\u{308}"), "zoe");
        assert_eq!(folded("Café, 2 Elm Road"), "cafe, 2 elm road");
    }
}
