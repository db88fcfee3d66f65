//! The report's figures as bar charts: which lines go in each chart, and how
//! long each bar is against the longest. A figure hidden as "fewer than 5" has
//! no bar, so a chart never shows what the table does not.

use super::{Report, Shown};

/// One bar: what it counts, the figure in words, and its length as a share
/// of the longest bar (0 to 1); `None` when there is no bar to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub words: String,
    pub share: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The part of the report it belongs to, such as "Referrals".
    pub part: &'static str,
    pub title: &'static str,
    pub bars: Vec<Bar>,
}

/// Each chart: its part, its title, and the lines it draws, by the start of
/// their measure (that start is left out of the bar's label).
type ChartLines = (&'static str, &'static str, &'static [&'static str]);
const CHARTS: [ChartLines; 5] = [
    ("Referrals", "Who referred people", &["Referred by: "]),
    (
        "Referrals",
        "What people wanted support with",
        &["Support with: "],
    ),
    (
        "Appointments",
        "What happened to appointments",
        &["Attended", "Did not attend", "Cancelled"],
    ),
    (
        "Rota",
        "Sessions covered",
        &["Sessions covered", "Sessions nobody covered"],
    ),
    ("Rota", "Sessions per volunteer", &["Sessions for "]),
];

impl Report {
    /// The charts with at least one line, in the report's order.
    pub fn charts(&self) -> Vec<Chart> {
        CHARTS
            .iter()
            .filter_map(|(part, title, starts)| {
                let lines: Vec<(&str, &Shown)> = self
                    .lines
                    .iter()
                    .filter_map(|line| {
                        starts.iter().find_map(|start| {
                            let rest = line.measure.strip_prefix(start)?;
                            let label = if rest.is_empty() { start } else { rest };
                            Some((label, &line.shown))
                        })
                    })
                    .collect();
                let longest = lines
                    .iter()
                    .filter_map(|(_, shown)| shown.number())
                    .fold(0.0_f64, f64::max);
                let bars: Vec<Bar> = lines
                    .into_iter()
                    .map(|(label, shown)| Bar {
                        label: label.to_string(),
                        words: shown.words(),
                        share: shown
                            .number()
                            .map(|n| if longest > 0.0 { n / longest } else { 0.0 }),
                    })
                    .collect();
                (!bars.is_empty()).then_some(Chart { part, title, bars })
            })
            .collect()
    }
}
