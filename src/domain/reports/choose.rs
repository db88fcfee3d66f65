//! Choosing a report's period: this month, the last quarter, or dates typed
//! by hand, checked with GOV.UK-style messages; and the period as it travels
//! in the page's address, so a report can be reloaded, printed and shared.

use super::Period;
use crate::domain::dates::{self, TypedDate, TypedDateProblem};
use crate::domain::form::FieldError;
use chrono::NaiveDate;

/// The periods offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    ThisMonth,
    LastQuarter,
    Dates,
}

impl PeriodChoice {
    pub const ALL: [PeriodChoice; 3] = [
        PeriodChoice::ThisMonth,
        PeriodChoice::LastQuarter,
        PeriodChoice::Dates,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "this-month",
            PeriodChoice::LastQuarter => "last-quarter",
            PeriodChoice::Dates => "dates",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "This month",
            PeriodChoice::LastQuarter => "The last quarter",
            PeriodChoice::Dates => "Choose the dates",
        }
    }

    pub fn from_key(key: &str) -> Option<PeriodChoice> {
        PeriodChoice::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The period as chosen on the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodForm {
    pub choice: Option<PeriodChoice>,
    pub from: TypedDate,
    pub to: TypedDate,
}

/// The longest report, so a typing slip (2062 for 2026) is caught.
const LONGEST_YEARS: u32 = 10;

fn typed(field: &str, name: &str, date: &TypedDate) -> Result<NaiveDate, FieldError> {
    date.date().map_err(|problem| {
        let message = match problem {
            TypedDateProblem::Missing => format!("Enter the {}", name.to_lowercase()),
            TypedDateProblem::YearNotFourNumbers => "Year must include 4 numbers".to_string(),
            TypedDateProblem::NotReal => format!("{name} must be a real date"),
        };
        FieldError::new(field, message)
    })
}

impl PeriodForm {
    /// The form showing `period`: one of the fixed choices when it is one.
    pub fn showing(period: Period, today: NaiveDate) -> Self {
        let choice = if period == Period::this_month(today) {
            PeriodChoice::ThisMonth
        } else if period == Period::last_quarter(today) {
            PeriodChoice::LastQuarter
        } else {
            PeriodChoice::Dates
        };
        PeriodForm {
            choice: Some(choice),
            from: TypedDate::from_date(period.from),
            to: TypedDate::from_date(period.to),
        }
    }

    pub fn check(&self, today: NaiveDate) -> Result<Period, Vec<FieldError>> {
        match self.choice {
            None => Err(vec![FieldError::new(
                "period",
                "Select the period for the report",
            )]),
            Some(PeriodChoice::ThisMonth) => Ok(Period::this_month(today)),
            Some(PeriodChoice::LastQuarter) => Ok(Period::last_quarter(today)),
            Some(PeriodChoice::Dates) => {
                let from = typed("from-day", "Start date", &self.from);
                let to = typed("to-day", "End date", &self.to);
                match (from, to) {
                    (Ok(from), Ok(to)) if to < from => Err(vec![FieldError::new(
                        "to-day",
                        "End date must be the same as or after the start date",
                    )]),
                    (Ok(from), Ok(to))
                        if from
                            .checked_add_months(chrono::Months::new(12 * LONGEST_YEARS))
                            .is_some_and(|limit| to >= limit) =>
                    {
                        Err(vec![FieldError::new(
                            "to-day",
                            format!("A report can cover up to {LONGEST_YEARS} years. Enter an earlier end date"),
                        )])
                    }
                    (Ok(from), Ok(to)) => Ok(Period { from, to }),
                    (from, to) => Err([from.err(), to.err()].into_iter().flatten().collect()),
                }
            }
        }
    }
}

impl Period {
    /// The period in a page's address: "from=2026-02-01&to=2026-02-28".
    pub fn query(&self) -> String {
        format!("from={}&to={}", dates::iso(self.from), dates::iso(self.to))
    }

    /// The period an address names, if it names a real one.
    pub fn from_query(from: Option<&str>, to: Option<&str>) -> Option<Period> {
        let from = dates::parse_iso(from?)?;
        let to = dates::parse_iso(to?)?;
        (from <= to).then_some(Period { from, to })
    }

    /// "clinic-report-2026-02-01-to-2026-02-28.csv".
    pub fn file_name(&self) -> String {
        format!(
            "clinic-report-{}-to-{}.csv",
            dates::iso(self.from),
            dates::iso(self.to)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dates(from: (&str, &str, &str), to: (&str, &str, &str)) -> PeriodForm {
        let t = |(d, m, y): (&str, &str, &str)| TypedDate {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        };
        PeriodForm {
            choice: Some(PeriodChoice::Dates),
            from: t(from),
            to: t(to),
        }
    }

    fn messages(result: Result<Period, Vec<FieldError>>) -> Vec<(String, String)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    }

    #[test]
    fn the_fixed_choices_follow_today() {
        let today = day(2026, 3, 2);
        let form = |choice| PeriodForm {
            choice: Some(choice),
            ..PeriodForm::default()
        };
        assert_eq!(
            form(PeriodChoice::ThisMonth).check(today).unwrap().words(),
            "1 March 2026 to 31 March 2026"
        );
        assert_eq!(
            form(PeriodChoice::LastQuarter)
                .check(today)
                .unwrap()
                .words(),
            "1 October 2025 to 31 December 2025"
        );
        assert_eq!(
            messages(PeriodForm::default().check(today)),
            [(
                "period".to_string(),
                "Select the period for the report".to_string()
            )]
        );
        assert_eq!(
            PeriodForm::showing(Period::last_quarter(today), today).choice,
            Some(PeriodChoice::LastQuarter)
        );
    }

    #[test]
    fn typed_dates_must_be_real_and_in_order() {
        let today = day(2026, 3, 2);
        assert_eq!(
            dates(("1", "2", "2026"), ("28", "2", "2026")).check(today),
            Ok(Period {
                from: day(2026, 2, 1),
                to: day(2026, 2, 28)
            })
        );
        assert_eq!(
            messages(dates(("", "", ""), ("30", "2", "2026")).check(today)),
            [
                ("from-day".to_string(), "Enter the start date".to_string()),
                (
                    "to-day".to_string(),
                    "End date must be a real date".to_string()
                ),
            ]
        );
        assert_eq!(
            messages(dates(("1", "2", "2026"), ("31", "1", "2026")).check(today)),
            [(
                "to-day".to_string(),
                "End date must be the same as or after the start date".to_string()
            )]
        );
        assert_eq!(
            messages(dates(("1", "2", "26"), ("1", "3", "2026")).check(today))[0].1,
            "Year must include 4 numbers"
        );
        assert_eq!(
            messages(dates(("1", "2", "2026"), ("1", "2", "2062")).check(today))[0].1,
            "A report can cover up to 10 years. Enter an earlier end date"
        );
    }

    #[test]
    fn a_period_travels_in_the_address_and_names_its_file() {
        let february = Period {
            from: day(2026, 2, 1),
            to: day(2026, 2, 28),
        };
        assert_eq!(february.query(), "from=2026-02-01&to=2026-02-28");
        assert_eq!(
            Period::from_query(Some("2026-02-01"), Some("2026-02-28")),
            Some(february)
        );
        assert_eq!(
            Period::from_query(Some("2026-02-28"), Some("2026-02-01")),
            None
        );
        assert_eq!(
            Period::from_query(Some("yesterday"), Some("2026-02-01")),
            None
        );
        assert_eq!(
            february.file_name(),
            "clinic-report-2026-02-01-to-2026-02-28.csv"
        );
    }
}
