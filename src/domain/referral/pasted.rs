//! A referral's link or code pasted into the clinic's import page: from an
//! email or a message, perhaps with words around it.

/// The fragment (what follows `#`) of the referral link in `pasted`, or the
/// pasted code itself when there is no link.
pub fn fragment_in(pasted: &str) -> &str {
    let words = || pasted.split_whitespace();
    if let Some(link) = words().find(|w| w.contains("clinic/import") && w.contains('#')) {
        return link.split_once('#').map_or("", |(_, fragment)| fragment);
    }
    match words().find_map(|w| w.split_once('#')) {
        Some((_, fragment)) => fragment,
        None => pasted.trim(),
    }
}

/// The text an email or a copied message carries: the referral in words,
/// then its link, which brings it into the clinic on the clinic's device.
pub fn with_link(text: &str, link: &str) -> String {
    format!(
        "{text}\nFor the clinic: open this link on the device that runs the clinic, or paste it into the clinic's \"Add a referral\" page, to add this referral:\n{link}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::referral::{handover, text, Answers, Reference, Referral};

    #[test]
    fn a_referral_pasted_as_a_link_an_email_or_a_code_is_read_back_whole() {
        let referral = Referral {
            reference: Reference::from_random(77),
            sent_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            answers: Answers {
                full_name: "Samantha Jones".into(),
                dob_day: "17".into(),
                dob_month: "5".into(),
                dob_year: "1961".into(),
                ..Answers::default()
            },
        };
        let link = handover::import_link("https://surgery.example/support/", &referral);
        let email = with_link(&text::plain_text(&referral), &link);
        assert!(email.ends_with(&format!("{link}\n")));
        let code = link.split_once('#').unwrap().1;
        for pasted in [link.as_str(), email.as_str(), code, &format!("  {code}\n")] {
            assert_eq!(
                handover::decode(fragment_in(pasted)),
                Ok(referral.clone()),
                "{pasted}"
            );
        }
        assert_eq!(
            handover::decode(fragment_in("Hello, this is Sam")),
            Err(handover::HandoverError::NoReferral)
        );
    }
}
