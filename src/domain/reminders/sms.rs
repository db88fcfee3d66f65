//! How many texts a message is sent as. A message of GSM-7 characters holds
//! 160 characters, or 153 in each part when split; `^ { } \ [ ~ ] | €` take
//! two. One character outside GSM-7 makes the whole message UCS-2: 70 units,
//! or 67 in each part. Typographic punctuation is cleaned to plain first, as
//! GOV.UK Notify does, so a reminder stays one text where it can.

/// GSM 03.38's basic character set.
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Its extension table: each takes two characters' room.
const EXTENSION: &str = "^{}\\[~]|€\u{0C}";

/// How a message is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

/// The size of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SmsCount {
    pub encoding: Encoding,
    /// Characters as the network counts them: GSM-7 septets, or UTF-16 units.
    pub units: usize,
    /// How many texts it is sent as.
    pub parts: usize,
}

impl SmsCount {
    /// "133 characters, 1 text", "161 characters, 2 texts".
    pub fn words(&self) -> String {
        let texts = if self.parts == 1 { "text" } else { "texts" };
        format!("{} characters, {} {texts}", self.units, self.parts)
    }

    /// How many characters it is over one text, when it is more than one.
    pub fn over_one_text(&self) -> Option<usize> {
        let one = match self.encoding {
            Encoding::Gsm7 => 160,
            Encoding::Ucs2 => 70,
        };
        self.units.checked_sub(one).filter(|over| *over > 0)
    }
}

pub fn is_gsm7(c: char) -> bool {
    BASIC.contains(c) || EXTENSION.contains(c)
}

/// Replaces typographic characters with the plain ones a phone shows the
/// same, so they do not force UCS-2: curly quotes, dashes, ellipses, and
/// non-breaking and other unusual spaces; unseen characters are taken out.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                out.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
                out.push(' ')
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            // Direction marks and overrides (a name pasted with U+202E): unseen,
            // they could show a time or a number back to front on the phone,
            // and would make the text UCS-2. A text carries none.
            '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The characters in `text` that would make it UCS-2, each once, in order.
pub fn ucs2_characters(text: &str) -> Vec<char> {
    let mut found = Vec::new();
    for c in text.chars() {
        if !is_gsm7(c) && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// Counts `text` as sent (count the cleaned text to see what will be sent).
pub fn count(text: &str) -> SmsCount {
    if text.chars().all(is_gsm7) {
        let widths: Vec<usize> = text
            .chars()
            .map(|c| if EXTENSION.contains(c) { 2 } else { 1 })
            .collect();
        let units = widths.iter().sum();
        SmsCount {
            encoding: Encoding::Gsm7,
            units,
            parts: parts(&widths, units, 160, 153),
        }
    } else {
        let widths: Vec<usize> = text.chars().map(char::len_utf16).collect();
        let units = widths.iter().sum();
        SmsCount {
            encoding: Encoding::Ucs2,
            units,
            parts: parts(&widths, units, 70, 67),
        }
    }
}

/// How many parts a message of characters `widths` wide is split into: one
/// if it fits `single`, otherwise parts of at most `each`, never splitting a
/// character (an escaped GSM-7 character, or an emoji's surrogate pair).
fn parts(widths: &[usize], units: usize, single: usize, each: usize) -> usize {
    if units <= single {
        return 1;
    }
    let mut parts = 1;
    let mut used = 0;
    for &width in widths {
        if used + width > each {
            parts += 1;
            used = 0;
        }
        used += width;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_of(text: &str) -> (Encoding, usize, usize) {
        let c = count(text);
        (c.encoding, c.units, c.parts)
    }

    #[test]
    fn plain_texts_are_one_text_up_to_160_then_153_a_part() {
        use Encoding::Gsm7;
        assert_eq!(parts_of(""), (Gsm7, 0, 1));
        assert_eq!(parts_of(&"a".repeat(160)), (Gsm7, 160, 1));
        assert_eq!(parts_of(&"a".repeat(161)), (Gsm7, 161, 2));
        assert_eq!(parts_of(&"a".repeat(306)), (Gsm7, 306, 2));
        assert_eq!(parts_of(&"a".repeat(307)), (Gsm7, 307, 3));
        assert_eq!(parts_of(&"a".repeat(459)), (Gsm7, 459, 3));
        assert_eq!(count(&"a".repeat(160)).over_one_text(), None);
        assert_eq!(count(&"a".repeat(174)).over_one_text(), Some(14));
        assert_eq!(
            count(&format!("{}’", "a".repeat(70))).over_one_text(),
            Some(1)
        );
    }

    #[test]
    fn extension_characters_count_twice_and_are_never_split() {
        use Encoding::Gsm7;
        assert_eq!(parts_of(&format!("{}€", "a".repeat(158))), (Gsm7, 160, 1));
        assert_eq!(parts_of(&format!("{}€", "a".repeat(159))), (Gsm7, 161, 2));
        // 152 + an escape that would straddle the first part's end.
        let straddle = format!("{}[{}", "a".repeat(152), "a".repeat(153));
        assert_eq!(parts_of(&straddle), (Gsm7, 307, 3));
        let fits = format!("{}[{}", "a".repeat(151), "a".repeat(153));
        assert_eq!(parts_of(&fits), (Gsm7, 306, 2));
    }

    #[test]
    fn one_character_outside_gsm7_makes_it_70_then_67_a_part() {
        use Encoding::Ucs2;
        assert_eq!(parts_of(&format!("{}’", "a".repeat(69))), (Ucs2, 70, 1));
        assert_eq!(parts_of(&format!("{}’", "a".repeat(70))), (Ucs2, 71, 2));
        assert_eq!(parts_of(&format!("{}’", "a".repeat(133))), (Ucs2, 134, 2));
        assert_eq!(parts_of(&format!("{}’", "a".repeat(134))), (Ucs2, 135, 3));
    }

    #[test]
    fn an_emoji_is_two_units_and_is_never_split_across_parts() {
        use Encoding::Ucs2;
        assert_eq!(parts_of("😊"), (Ucs2, 2, 1));
        assert_eq!(parts_of(&format!("{}😊", "a".repeat(68))), (Ucs2, 70, 1));
        let straddle = format!("{}😊{}", "a".repeat(66), "a".repeat(10));
        assert_eq!(parts_of(&straddle), (Ucs2, 78, 2));
        let exact = format!("{}😊{}", "a".repeat(66), "a".repeat(65));
        assert_eq!(parts_of(&exact), (Ucs2, 133, 2));
        let over = format!("{}😊{}", "a".repeat(66), "a".repeat(66));
        assert_eq!(parts_of(&over), (Ucs2, 134, 3));
    }

    #[test]
    fn a_curly_apostrophe_is_cleaned_so_the_reminder_stays_one_text() {
        let reminder = "Hi Sam, appointment confirmed for tomorrow at 2:30pm at Elm Surgery’s Room 4 – the one by the lift. See you then. To change or cancel, reply. Will";
        assert_eq!(count(reminder).encoding, Encoding::Ucs2);
        assert!(count(reminder).parts >= 3);
        let cleaned = clean(reminder);
        assert_eq!(count(&cleaned).encoding, Encoding::Gsm7);
        assert_eq!(count(&cleaned).parts, 1);
        assert!(cleaned.contains("Elm Surgery's Room 4 - the one"));
    }

    #[test]
    fn cleaning_replaces_typographic_characters_and_points_out_the_rest() {
        assert_eq!(clean("“Yes” – it’s 9\u{a0}am…"), "\"Yes\" - it's 9 am...");
        assert_eq!(clean("a\u{200b}b\r\nc"), "ab\nc");
        assert_eq!(ucs2_characters(&clean("Zoë’s café 😊 é")), vec!['ë', '😊']);
        assert!(ucs2_characters("£5 at Café Élan? No: é is GSM, É too").is_empty());
    }
}
