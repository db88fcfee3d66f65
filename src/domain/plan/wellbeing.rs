//! Personal wellbeing as the ONS asks it (ONS4): four questions, each answered
//! 0 to 10, with the ONS's bands. For three of them a higher score is better;
//! for anxiety a lower one is.

use serde::{Deserialize, Serialize};

/// One of the four ONS4 questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    Satisfied,
    Worthwhile,
    Happy,
    Anxious,
}

impl Question {
    pub const ALL: [Question; 4] = [
        Question::Satisfied,
        Question::Worthwhile,
        Question::Happy,
        Question::Anxious,
    ];

    /// The ONS wording, exactly.
    pub fn wording(self) -> &'static str {
        match self {
            Question::Satisfied => "Overall, how satisfied are you with your life nowadays?",
            Question::Worthwhile => {
                "Overall, to what extent do you feel that the things you do in your life are worthwhile?"
            }
            Question::Happy => "Overall, how happy did you feel yesterday?",
            Question::Anxious => "Overall, how anxious did you feel yesterday?",
        }
    }

    /// A short name for tables and charts.
    pub fn name(self) -> &'static str {
        match self {
            Question::Satisfied => "Life satisfaction",
            Question::Worthwhile => "Feeling things are worthwhile",
            Question::Happy => "Happiness",
            Question::Anxious => "Anxiety",
        }
    }

    /// The id of its form field.
    pub fn id(self) -> &'static str {
        match self {
            Question::Satisfied => "satisfied",
            Question::Worthwhile => "worthwhile",
            Question::Happy => "happy",
            Question::Anxious => "anxious",
        }
    }

    /// What 0 and 10 mean.
    pub fn ends(self) -> (&'static str, &'static str) {
        match self {
            Question::Anxious => ("not at all anxious", "completely anxious"),
            _ => ("not at all", "completely"),
        }
    }

    /// The choices offered, as (form value, words): 0 to 10 with both ends
    /// labelled, then "I would rather not say". Never a slider.
    pub fn offers(self) -> Vec<(&'static str, &'static str)> {
        let (bottom, top) = match self {
            Question::Anxious => ("0 (not at all anxious)", "10 (completely anxious)"),
            _ => ("0 (not at all)", "10 (completely)"),
        };
        std::iter::once(("0", bottom))
            .chain(SCORE_VALUES[1..10].iter().map(|n| (*n, *n)))
            .chain([("10", top), (RATHER_NOT_SAY, "I would rather not say")])
            .collect()
    }

    pub fn lower_is_better(self) -> bool {
        self == Question::Anxious
    }

    /// The ONS band a score falls in.
    pub fn band(self, score: u8) -> Band {
        if self.lower_is_better() {
            match score {
                0..=1 => Band::VeryLow,
                2..=3 => Band::Low,
                4..=5 => Band::Medium,
                _ => Band::High,
            }
        } else {
            match score {
                0..=4 => Band::Low,
                5..=6 => Band::Medium,
                7..=8 => Band::High,
                _ => Band::VeryHigh,
            }
        }
    }

    /// How a score moved from `from` to `to`, read the right way round.
    pub fn change(self, from: u8, to: u8) -> Change {
        let up = i16::from(to) - i16::from(from);
        let better = if self.lower_is_better() { -up } else { up };
        match better {
            0 => Change::Same,
            n if n > 0 => Change::Better(up.unsigned_abs() as u8),
            _ => Change::Worse(up.unsigned_abs() as u8),
        }
    }

    /// Where a score sits on a chart, from 0.0 at the top to 1.0 at the
    /// bottom, placed so that up always reads as better: anxiety's 0 is at the top.
    pub fn height(self, score: u8) -> f32 {
        let score = f32::from(score.min(10)) / 10.0;
        if self.lower_is_better() {
            score
        } else {
            1.0 - score
        }
    }

    /// The bands in the order they are drawn from the top of a chart down,
    /// each with its lowest and highest score.
    pub fn bands_top_down(self) -> Vec<(Band, u8, u8)> {
        let mut bands: Vec<(Band, u8, u8)> = Vec::new();
        for score in 0..=10u8 {
            let band = self.band(score);
            match bands.last_mut() {
                Some(last) if last.0 == band => last.2 = score,
                _ => bands.push((band, score, score)),
            }
        }
        if !self.lower_is_better() {
            bands.reverse();
        }
        bands
    }
}

/// The ONS's bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    VeryLow,
    Low,
    Medium,
    High,
    VeryHigh,
}

impl Band {
    /// Its place from very low (0) to very high (4).
    pub fn rank(self) -> u8 {
        match self {
            Band::VeryLow => 0,
            Band::Low => 1,
            Band::Medium => 2,
            Band::High => 3,
            Band::VeryHigh => 4,
        }
    }

    /// Its name at the start of a line: "Very low".
    pub fn title(self) -> &'static str {
        match self {
            Band::VeryLow => "Very low",
            Band::Low => "Low",
            Band::Medium => "Medium",
            Band::High => "High",
            Band::VeryHigh => "Very high",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Band::VeryLow => "very low",
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::VeryHigh => "very high",
        }
    }
}

/// A score's change between two records, already turned the right way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Better(u8),
    Worse(u8),
    Same,
}

/// The form values of the scores 0 to 10.
const SCORE_VALUES: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// The form value of "I would rather not say".
pub const RATHER_NOT_SAY: &str = "rather-not-say";

/// One answer: a score, or the person chose not to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Score(u8),
    RatherNotSay,
}

impl Answer {
    pub fn score(self) -> Option<u8> {
        match self {
            Answer::Score(score) => Some(score),
            Answer::RatherNotSay => None,
        }
    }

    /// The answer's form value: "0" to "10", or "rather-not-say".
    pub fn key(self) -> &'static str {
        match self {
            Answer::Score(score) => SCORE_VALUES[usize::from(score.min(10))],
            Answer::RatherNotSay => RATHER_NOT_SAY,
        }
    }

    pub fn from_key(key: &str) -> Option<Answer> {
        match key {
            RATHER_NOT_SAY => Some(Answer::RatherNotSay),
            _ => key
                .parse()
                .ok()
                .filter(|score| *score <= 10)
                .map(Answer::Score),
        }
    }
}

/// The four answers given at one time; any may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scores {
    pub satisfied: Option<Answer>,
    pub worthwhile: Option<Answer>,
    pub happy: Option<Answer>,
    pub anxious: Option<Answer>,
}

impl Scores {
    /// Scores for the four questions in order, as tests write them.
    #[cfg(test)]
    pub fn of(values: [u8; 4]) -> Scores {
        let mut scores = Scores::default();
        for (question, value) in Question::ALL.into_iter().zip(values) {
            scores.set(question, Some(Answer::Score(value)));
        }
        scores
    }

    pub fn get(&self, question: Question) -> Option<Answer> {
        match question {
            Question::Satisfied => self.satisfied,
            Question::Worthwhile => self.worthwhile,
            Question::Happy => self.happy,
            Question::Anxious => self.anxious,
        }
    }

    pub fn set(&mut self, question: Question, answer: Option<Answer>) {
        let slot = match question {
            Question::Satisfied => &mut self.satisfied,
            Question::Worthwhile => &mut self.worthwhile,
            Question::Happy => &mut self.happy,
            Question::Anxious => &mut self.anxious,
        };
        *slot = answer;
    }

    /// Whether any of the four was answered (a score or "rather not say").
    pub fn any(&self) -> bool {
        Question::ALL.iter().any(|q| self.get(*q).is_some())
    }

    /// Whether all four were answered.
    pub fn all(&self) -> bool {
        Question::ALL.iter().all(|q| self.get(*q).is_some())
    }

    /// A score in words: "7 out of 10 (high)", "I would rather not say",
    /// or "Not answered".
    pub fn describe(&self, question: Question) -> String {
        match self.get(question) {
            Some(Answer::Score(score)) => {
                format!("{score} out of 10 ({})", question.band(score).name())
            }
            Some(Answer::RatherNotSay) => "I would rather not say".to_string(),
            None => "Not answered".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_positive_questions_use_the_ons_bands() {
        let bands: Vec<Band> = (0..=10).map(|s| Question::Happy.band(s)).collect();
        use Band::*;
        assert_eq!(
            bands,
            [Low, Low, Low, Low, Low, Medium, Medium, High, High, VeryHigh, VeryHigh]
        );
        assert_eq!(Question::Satisfied.band(9), VeryHigh);
        assert_eq!(Question::Worthwhile.band(4), Low);
    }

    #[test]
    fn anxiety_has_its_own_bands() {
        let bands: Vec<Band> = (0..=10).map(|s| Question::Anxious.band(s)).collect();
        use Band::*;
        assert_eq!(
            bands,
            [VeryLow, VeryLow, Low, Low, Medium, Medium, High, High, High, High, High]
        );
    }

    #[test]
    fn less_anxiety_is_better_and_more_happiness_is_better() {
        assert_eq!(Question::Anxious.change(8, 5), Change::Better(3));
        assert_eq!(Question::Anxious.change(2, 4), Change::Worse(2));
        assert_eq!(Question::Happy.change(4, 7), Change::Better(3));
        assert_eq!(Question::Happy.change(7, 6), Change::Worse(1));
        assert_eq!(Question::Satisfied.change(5, 5), Change::Same);
    }

    #[test]
    fn on_a_chart_up_is_always_better() {
        assert_eq!(Question::Happy.height(10), 0.0);
        assert_eq!(Question::Happy.height(0), 1.0);
        assert_eq!(Question::Anxious.height(0), 0.0);
        assert_eq!(Question::Anxious.height(10), 1.0);
        let top = Question::Anxious.bands_top_down();
        assert_eq!(top.first(), Some(&(Band::VeryLow, 0, 1)));
        assert_eq!(top.last(), Some(&(Band::High, 6, 10)));
        let top = Question::Happy.bands_top_down();
        assert_eq!(top.first(), Some(&(Band::VeryHigh, 9, 10)));
        assert_eq!(top.last(), Some(&(Band::Low, 0, 4)));
    }

    #[test]
    fn answers_go_through_a_form_and_back() {
        for score in 0..=10 {
            let answer = Answer::Score(score);
            assert_eq!(Answer::from_key(answer.key()), Some(answer));
        }
        assert_eq!(
            Answer::from_key("rather-not-say"),
            Some(Answer::RatherNotSay)
        );
        assert_eq!(Answer::from_key("11"), None);
        assert_eq!(Answer::from_key("-1"), None);
        assert_eq!(Answer::from_key(""), None);
    }

    #[test]
    fn a_score_is_described_with_its_band() {
        let mut scores = Scores::default();
        assert!(!scores.any());
        scores.set(Question::Anxious, Some(Answer::Score(7)));
        scores.set(Question::Happy, Some(Answer::RatherNotSay));
        assert!(scores.any() && !scores.all());
        assert_eq!(scores.describe(Question::Anxious), "7 out of 10 (high)");
        assert_eq!(scores.describe(Question::Happy), "I would rather not say");
        assert_eq!(scores.describe(Question::Satisfied), "Not answered");
    }

    #[test]
    fn the_wording_is_the_ons_wording() {
        assert_eq!(
            Question::Worthwhile.wording(),
            "Overall, to what extent do you feel that the things you do in your life are worthwhile?"
        );
        assert_eq!(
            Question::Anxious.ends(),
            ("not at all anxious", "completely anxious")
        );
    }
}
