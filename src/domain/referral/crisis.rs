//! Words in a referral that may mean the person is thinking of hurting
//! themselves or ending their life. Nobody reads a self-referral straight
//! away (hazard H01 in docs/clinical-safety.md), so where a person's own
//! words say this, the form tells them where to get help now, and the
//! clinic's device tells the volunteer to read it at once. It is a prompt,
//! never a judgement: it can miss words and can be wrong.

use super::Answers;

/// Phrases looked for, in lower case. Short on purpose: each is one a
/// person in crisis commonly writes, and rarely means anything else.
const PHRASES: &[&str] = &[
    "suicid",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "end it all",
    "take my own life",
    "taking my own life",
    "want to die",
    "wanna die",
    "better off dead",
    "no reason to live",
    "not worth living",
    "self harm",
    "self-harm",
    "selfharm",
    "harm myself",
    "harming myself",
    "hurt myself",
    "hurting myself",
    "cutting myself",
    "overdose",
    "don't want to be here",
    "dont want to be here",
    "don't want to live",
    "dont want to live",
];

/// Whether `text` has one of the phrases, whatever its case, spacing or
/// kind of apostrophe. Written over bytes: the standard library's Unicode
/// lower-casing and searching made every patient's download 11 KB larger (gzip).
pub fn mentions_crisis(text: &str) -> bool {
    let mut words: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.chars() {
        let byte = match c {
            '\u{2018}' | '\u{2019}' | '`' => b'\'',
            c if c.is_ascii_whitespace() => b' ',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => 0,
        };
        if !(byte == b' ' && words.last() == Some(&b' ')) {
            words.push(byte);
        }
    }
    PHRASES.iter().any(|phrase| {
        words
            .windows(phrase.len())
            .any(|window| window == phrase.as_bytes())
    })
}

impl Answers {
    /// Whether the person's own words (what they would like support with,
    /// and what they told us) may mean they are in crisis.
    pub fn mentions_crisis(&self) -> bool {
        mentions_crisis(&self.own_words) || mentions_crisis(&self.support_other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_writing_of_ending_their_life_is_noticed_however_it_is_typed() {
        for text in [
            "I have been feeling suicidal since my wife died",
            "Some days I want to END MY   LIFE",
            "I don’t want to be here any more",
            "thoughts of self-harm",
            "I took an overdose last year",
        ] {
            assert!(mentions_crisis(text), "{text}");
        }
    }

    #[test]
    fn everyday_worries_are_not_taken_for_a_crisis() {
        for text in [
            "",
            "I feel lonely since I retired and would like to meet people",
            "Money worries and my landlord wants to end my tenancy",
            "I care for my mum and I am tired",
        ] {
            assert!(!mentions_crisis(text), "{text}");
        }
    }

    #[test]
    fn the_own_words_and_the_other_support_asked_for_are_both_read() {
        let mut answers = Answers {
            own_words: "I feel low".into(),
            ..Answers::default()
        };
        assert!(!answers.mentions_crisis());
        answers.support_other = "I keep thinking I would be better off dead".into();
        assert!(answers.mentions_crisis());
        answers.support_other.clear();
        answers.own_words = "I want to kill myself".into();
        assert!(answers.mentions_crisis());
    }
}
