//! Who suggested a person refer themselves. The clinic prints a referral pad
//! for each kind of referrer, and its slips' QR codes say which
//! (`refer?from=gp`), so that the reports can count where self-referrals
//! come from. Nothing about the person is in the code.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestedBy {
    Gp,
    Nurse,
    Reception,
    Pharmacy,
    Other,
    Nobody,
}

impl SuggestedBy {
    /// The people a pad is printed for, in the order they are offered.
    pub const REFERRERS: [SuggestedBy; 5] = [
        SuggestedBy::Gp,
        SuggestedBy::Nurse,
        SuggestedBy::Reception,
        SuggestedBy::Pharmacy,
        SuggestedBy::Other,
    ];

    /// Every answer to "Did someone suggest you refer yourself?".
    pub const ALL: [SuggestedBy; 6] = [
        SuggestedBy::Gp,
        SuggestedBy::Nurse,
        SuggestedBy::Reception,
        SuggestedBy::Pharmacy,
        SuggestedBy::Other,
        SuggestedBy::Nobody,
    ];

    /// How it is written in a pad's link: `refer?from=gp`.
    pub fn code(self) -> &'static str {
        match self {
            SuggestedBy::Gp => "gp",
            SuggestedBy::Nurse => "nurse",
            SuggestedBy::Reception => "reception",
            SuggestedBy::Pharmacy => "pharmacy",
            SuggestedBy::Other => "other",
            SuggestedBy::Nobody => "nobody",
        }
    }

    /// The referrer a pad's link names, or `None` for anything else: a
    /// `from` the app does not know is ignored without a word.
    pub fn from_link(code: &str) -> Option<SuggestedBy> {
        let code = code.trim();
        SuggestedBy::REFERRERS
            .into_iter()
            .find(|kind| kind.code().eq_ignore_ascii_case(code))
    }

    /// The answer as the person reads it.
    pub fn answer(self) -> &'static str {
        match self {
            SuggestedBy::Gp => "A GP",
            SuggestedBy::Nurse => "A nurse",
            SuggestedBy::Reception => "Someone at reception",
            SuggestedBy::Pharmacy => "A pharmacist",
            SuggestedBy::Other => "Someone else",
            SuggestedBy::Nobody => "No, nobody suggested it",
        }
    }

    /// Who a pad is for, as the clinic chooses it.
    pub fn pad_for(self) -> &'static str {
        match self {
            SuggestedBy::Gp => "GPs",
            SuggestedBy::Nurse => "Nurses",
            SuggestedBy::Reception => "Reception staff",
            SuggestedBy::Pharmacy => "Pharmacists",
            SuggestedBy::Other => "Anyone else, such as a local group or another service",
            SuggestedBy::Nobody => "Nobody",
        }
    }

    /// Its name in the reports: "Self-referrals suggested by: GP".
    pub fn report_name(self) -> &'static str {
        match self {
            SuggestedBy::Gp => "GP",
            SuggestedBy::Nurse => "Nurse",
            SuggestedBy::Reception => "Reception",
            SuggestedBy::Pharmacy => "Pharmacist",
            SuggestedBy::Other => "Someone else",
            SuggestedBy::Nobody => "Nobody",
        }
    }

    /// A short name, after "suggested by" on a person's record.
    pub fn short(self) -> &'static str {
        match self {
            SuggestedBy::Gp => "a GP",
            SuggestedBy::Nurse => "a nurse",
            SuggestedBy::Reception => "reception",
            SuggestedBy::Pharmacy => "a pharmacist",
            SuggestedBy::Other => "someone else",
            SuggestedBy::Nobody => "nobody",
        }
    }
}

impl super::Choice for SuggestedBy {
    const ALL: &'static [Self] = &SuggestedBy::ALL;

    fn key(self) -> &'static str {
        self.code()
    }

    fn label(self) -> &'static str {
        self.answer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pads_link_names_only_a_known_referrer() {
        assert_eq!(SuggestedBy::from_link("gp"), Some(SuggestedBy::Gp));
        assert_eq!(SuggestedBy::from_link(" Nurse "), Some(SuggestedBy::Nurse));
        assert_eq!(SuggestedBy::from_link("nobody"), None);
        assert_eq!(SuggestedBy::from_link("<script>"), None);
        assert_eq!(SuggestedBy::from_link(""), None);
        for kind in SuggestedBy::REFERRERS {
            assert_eq!(SuggestedBy::from_link(kind.code()), Some(kind));
        }
    }

    #[test]
    fn it_is_stored_by_its_code() {
        for kind in SuggestedBy::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
            assert_eq!(serde_json::from_str::<SuggestedBy>(&json).unwrap(), kind);
        }
    }
}
