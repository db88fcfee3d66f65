//! Text from outside is never markup: a name or note holding web page code
//! or a right-to-left override reaches the app's files and texts as the
//! characters typed (each format's own escaping aside), and nowhere as code.
//! Texts leave out the unseen direction characters: see `sms::clean`.

use crate::domain::clinic::ical;
use crate::domain::directory::oruk;
use crate::domain::reminders::{message, sample_details, sms, Purpose, Wording};
use crate::domain::reports::csv;
use chrono::NaiveDate;

pub const SCRIPT: &str = "<script>alert(1)</script>";
pub const IMAGE: &str = "<img src=x onerror=alert(1)>";
pub const LINK: &str = "javascript:alert(1)";
/// "Sam" then a right-to-left override, as a pasted name may carry it.
pub const REVERSED: &str = "Sam\u{202e}evoL";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// The reminder's text, the person's name typed as `name`.
fn reminder_for(name: &str) -> String {
    let mut details = sample_details(
        Purpose::Reminder,
        today(),
        "Will",
        "Elm Surgery",
        "0113 496 0000",
    );
    details.name = name.to_string();
    message(&Wording::default(), Purpose::Reminder, &details, today()).unwrap()
}

#[test]
fn a_text_carries_markup_as_typed_and_no_unseen_direction_characters() {
    for name in [SCRIPT, IMAGE, LINK] {
        let text = reminder_for(name);
        assert!(text.contains(name), "{text}");
    }
    let text = reminder_for(REVERSED);
    assert!(text.contains("SamevoL"), "{text}");
    assert!(!text.contains('\u{202e}'));
    // So the text stays GSM-7: one text, not the three a UCS-2 one would be.
    assert_eq!(sms::count(&text).encoding, sms::Encoding::Gsm7);
    for unseen in [
        '\u{200e}', '\u{200f}', '\u{061c}', '\u{202a}', '\u{202d}', '\u{2066}', '\u{2069}',
    ] {
        assert_eq!(sms::clean(&format!("a{unseen}b")), "ab");
    }
}

#[test]
fn a_csv_cell_holds_markup_and_overrides_as_typed_and_never_a_formula() {
    let rows = vec![vec![
        SCRIPT.to_string(),
        IMAGE.to_string(),
        REVERSED.to_string(),
    ]];
    assert_eq!(
        csv::table(&rows),
        format!("{SCRIPT},{IMAGE},{REVERSED}\r\n")
    );
    // A link made into a spreadsheet formula stays text.
    assert_eq!(
        csv::cell("=HYPERLINK(\"javascript:alert(1)\")"),
        "\"'=HYPERLINK(\"\"javascript:alert(1)\"\")\""
    );
    assert_eq!(csv::cell(LINK), LINK);
}

#[test]
fn a_calendar_file_holds_markup_and_overrides_as_typed_in_its_own_field() {
    let made = today().and_hms_opt(9, 0, 0).unwrap();
    for name in [SCRIPT, IMAGE, LINK, REVERSED] {
        let file = ical::calendar(&[], name, "Elm Surgery", made).replace("\r\n ", "");
        let line = file
            .lines()
            .find(|l| l.starts_with("X-WR-CALNAME:"))
            .unwrap();
        // iCalendar escapes only its own characters (here the comma).
        assert_eq!(
            line,
            format!("X-WR-CALNAME:{name} clinic duties\\, Elm Surgery")
        );
    }
}

#[test]
fn an_open_referral_file_gives_back_its_text_as_typed_for_the_pages_to_show_as_text() {
    let file = format!(
        r#"[{{"name":"{REVERSED}","description":"{SCRIPT} {IMAGE}","url":"{LINK}","email":"data:text/html,<b>hi</b>"}}]"#
    );
    let (services, _) = oruk::read(&file).unwrap();
    assert_eq!(services[0].name, REVERSED);
    assert_eq!(services[0].description, format!("{SCRIPT} {IMAGE}"));
    assert_eq!(services[0].website, LINK);
    assert_eq!(services[0].email, "data:text/html,<b>hi</b>");
    // Such a website is not one a person could type into the service's form either.
    assert!(!crate::domain::directory::form::is_web_address(LINK));
}
