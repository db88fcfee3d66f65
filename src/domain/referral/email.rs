//! The email a patient sends the practice with their referral, as a `mailto:`
//! link: the referral's done page and the practice's "Send a test referral"
//! both use this one, so the test is exactly what a patient's would be.

use super::text::plain_text;
use super::{Answers, ContactMethod, Reference, Referral};
use chrono::NaiveDate;

/// The link that opens the person's own email app with the referral written
/// out to `address`, ending with the link that brings it into the clinic
/// when opened on the clinic's device (the app's address is `app_root`).
pub fn mailto(address: &str, referral: &Referral, app_root: &str) -> String {
    format!(
        "mailto:{address}?subject={}&body={}",
        encode(&subject(referral)),
        encode(&body(referral, app_root))
    )
}

/// What the email (and the copied text) says: the referral written out, and its link.
pub fn body(referral: &Referral, app_root: &str) -> String {
    let link = super::handover::import_link(app_root, referral);
    super::pasted::with_link(&plain_text(referral), &link)
}

/// The email's subject, which the practice can search its inbox for.
pub fn subject(referral: &Referral) -> String {
    format!("Self-referral {}", referral.reference)
}

/// A made-up referral the practice sends itself to see that referrals arrive
/// and what they look like. Its name says plainly that it is a test.
pub fn practice_test(sent_on: NaiveDate, reference: Reference) -> Referral {
    let answers = Answers {
        full_name: "Test referral (not a real patient)".to_string(),
        contact_method: Some(ContactMethod::PhoneCall),
        phone: "01134960000".to_string(),
        own_words: "This is a test sent by the practice from the set-up check page. \
                    It can be deleted."
            .to_string(),
        consent_contact: true,
        ..Answers::default()
    };
    Referral {
        reference,
        sent_on,
        answers,
    }
}

/// Percent-encodes as the browser's `encodeURIComponent` does, so a link made
/// here is the link the browser would have made.
fn encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => encoded.push(byte as char),
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_referral() -> Referral {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        practice_test(day, Reference::from_random(42))
    }

    #[test]
    fn the_link_goes_to_the_practice_with_the_reference_in_the_subject() {
        let referral = test_referral();
        let link = mailto("elm@example.org", &referral, "https://elm.example/support/");
        let subject = format!("subject=Self-referral%20{}", referral.reference);
        assert!(link.starts_with("mailto:elm@example.org?"), "{link}");
        assert!(link.contains(&subject), "{link}");
    }

    fn body_of(referral: &Referral) -> String {
        body(referral, "https://elm.example/support/")
    }

    #[test]
    fn the_body_is_the_referral_text_encoded_as_the_browser_would() {
        assert_eq!(encode("a b\nc&d=é?"), "a%20b%0Ac%26d%3D%C3%A9%3F");
        assert_eq!(encode("it's (ok)!~*_.-"), "it's%20(ok)!~*_.-");
        let referral = test_referral();
        let link = mailto("elm@example.org", &referral, "https://elm.example/support/");
        let body = link.split("&body=").nth(1).unwrap();
        assert_eq!(body, encode(&body_of(&referral)));
        // It ends with the link that brings the referral into the clinic.
        assert!(body_of(&referral).contains("https://elm.example/support/clinic/import/#"));
        assert!(plain_text(&referral).contains("Test referral (not a real patient)"));
    }
}
