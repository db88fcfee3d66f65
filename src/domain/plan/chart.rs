//! "Reviews and progress": each wellbeing score over time, as a small chart
//! and as a table. The chart is laid out here in whole pixels, so the page
//! only draws it (formatting fractions would cost every visit about 20 KB).
//! Up always reads as better: anxiety's 0 is drawn at the top.

use super::wellbeing::{Answer, Question};
use super::CarePlan;
use crate::domain::dates::short_date;

/// The chart's drawing area, in the SVG's own units.
pub const WIDTH: u32 = 320;
pub const HEIGHT: u32 = 228;
/// Room on the left for the bands' names, and below for each record's name.
const LEFT: u32 = 76;
const TOP: u32 = 8;
/// Each score 0 to 10 has a row of this height.
const ROW: u32 = 16;
const PLOT_WIDTH: u32 = WIDTH - LEFT - 8;
const PLOT_HEIGHT: u32 = ROW * 11;

/// One of the ONS bands, as a shaded strip behind the scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandStrip {
    /// "High".
    pub name: String,
    /// "7 to 8".
    pub scores: String,
    pub y: u32,
    pub height: u32,
    /// Where its name sits, with its scores on the line below: every band
    /// is at least two scores tall, so both fit inside it.
    pub label_y: u32,
    /// Every other strip is shaded, so they can be told apart without colour.
    pub shaded: bool,
}

/// One recorded score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub x: u32,
    pub y: u32,
    pub score: u8,
}

/// The name of one record along the bottom ("Start", "Review 1").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub x: u32,
    pub name: String,
}

/// One question's chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreChart {
    pub question: Question,
    /// Says which way is better, in words: the chart's title.
    pub title: String,
    pub bands: Vec<BandStrip>,
    pub points: Vec<Point>,
    /// The line joining the points, as SVG `points`: "x,y x,y".
    pub line: String,
    pub ticks: Vec<Tick>,
    /// Where the names of the records sit.
    pub tick_y: u32,
    pub plot_left: u32,
    pub plot_right: u32,
}

/// The row a score sits in, from the top: the better end first.
fn row(question: Question, score: u8) -> u32 {
    let score = u32::from(score.min(10));
    if question.lower_is_better() {
        score
    } else {
        10 - score
    }
}

/// The chart of `question` over every time wellbeing was recorded.
pub fn score_chart(plan: &CarePlan, question: Question) -> ScoreChart {
    let history = plan.wellbeing_history();
    let count = history.len().max(1) as u32;
    let step = PLOT_WIDTH / count;
    let x = |n: usize| LEFT + step * n as u32 + step / 2;
    let y = |score: u8| TOP + row(question, score) * ROW + ROW / 2;
    let bands = question
        .bands_top_down()
        .into_iter()
        .enumerate()
        .map(|(n, (band, low, high))| {
            let top = row(question, low).min(row(question, high));
            let rows = high - low + 1;
            BandStrip {
                name: band.title().to_string(),
                scores: format!("{low} to {high}"),
                y: TOP + top * ROW,
                height: u32::from(rows) * ROW,
                label_y: TOP + top * ROW + u32::from(rows) * ROW / 2 - 2,
                shaded: n % 2 == 0,
            }
        })
        .collect();
    let points: Vec<Point> = history
        .iter()
        .enumerate()
        .filter_map(|(n, recorded)| match recorded.scores.get(question) {
            Some(Answer::Score(score)) => Some(Point {
                x: x(n),
                y: y(score),
                score,
            }),
            _ => None,
        })
        .collect();
    let line = points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    let ticks = history
        .iter()
        .enumerate()
        .map(|(n, recorded)| Tick {
            x: x(n),
            name: recorded.name.clone(),
        })
        .collect();
    let title = if question.lower_is_better() {
        format!(
            "{}: a lower score is better, so better is higher up",
            question.name()
        )
    } else {
        format!(
            "{}: a higher score is better, so better is higher up",
            question.name()
        )
    };
    ScoreChart {
        question,
        title,
        bands,
        points,
        line,
        ticks,
        tick_y: TOP + PLOT_HEIGHT + 20,
        plot_left: LEFT,
        plot_right: LEFT + PLOT_WIDTH,
    }
}

/// One row of the table under the charts: when, then the four answers in
/// words ("7 out of 10 (high)").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRow {
    pub when: String,
    pub answers: [String; 4],
}

/// Every time wellbeing was recorded, as the rows of a table.
pub fn history_rows(plan: &CarePlan) -> Vec<HistoryRow> {
    plan.wellbeing_history()
        .into_iter()
        .map(|recorded| HistoryRow {
            when: match recorded.on {
                Some(on) => format!("{}, {}", recorded.name, short_date(on)),
                None => recorded.name.clone(),
            },
            answers: Question::ALL.map(|q| recorded.scores.describe(q)),
        })
        .collect()
}
