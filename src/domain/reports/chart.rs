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

/// Which lines a chart draws, and each bar's label.
enum Pick {
    /// Lines whose measure starts with one of these; the start is left out of
    /// the label, unless it is the whole measure.
    Starts(&'static [&'static str]),
    /// Lines whose measure ends with this; the label is what comes before it.
    Ends(&'static str),
}

impl Pick {
    fn label<'a>(&self, measure: &'a str) -> Option<&'a str> {
        match self {
            Pick::Starts(starts) => starts.iter().find_map(|start| {
                let rest = measure.strip_prefix(start)?;
                Some(if rest.is_empty() { measure } else { rest })
            }),
            Pick::Ends(end) => measure.strip_suffix(end),
        }
    }
}

/// Whether `part` of a report has charts when it has figures to draw.
pub fn has_charts(part: &str) -> bool {
    CHARTS.iter().any(|(p, _, _)| *p == part)
}

/// Each chart: its part, its title, and the lines it draws.
const CHARTS: [(&str, &str, Pick); 7] = [
    (
        "Referrals",
        "Who referred people",
        Pick::Starts(&["Referred by: "]),
    ),
    (
        "Referrals",
        "What people wanted support with",
        Pick::Starts(&["Support with: "]),
    ),
    (
        "Appointments",
        "What happened to appointments",
        Pick::Starts(&["Attended", "Did not attend", "Cancelled"]),
    ),
    (
        "Wellbeing",
        "People moving to a better wellbeing band",
        Pick::Ends(": people moving to a better band"),
    ),
    (
        "Wellbeing",
        "People moving to a worse wellbeing band",
        Pick::Ends(": people moving to a worse band"),
    ),
    (
        "Rota",
        "Sessions covered",
        Pick::Starts(&["Sessions covered", "Sessions nobody covered"]),
    ),
    (
        "Rota",
        "Sessions per volunteer",
        Pick::Starts(&["Sessions for "]),
    ),
];

impl Report {
    /// The charts with at least one bar to draw, in the report's order: a
    /// chart whose figures are all hidden or nought is left out, rather than
    /// drawn as an empty panel.
    pub fn charts(&self) -> Vec<Chart> {
        CHARTS
            .iter()
            .filter_map(|(part, title, pick)| {
                let lines: Vec<(&str, &Shown)> = self
                    .lines
                    .iter()
                    .filter_map(|line| Some((pick.label(&line.measure)?, &line.shown)))
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
                let drawn = bars.iter().any(|b| b.share.is_some_and(|s| s > 0.0));
                drawn.then_some(Chart { part, title, bars })
            })
            .collect()
    }
}
