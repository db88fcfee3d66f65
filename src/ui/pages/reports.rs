//! What the clinic did in a period, for the practice and funders: the period
//! chosen (this month, the last quarter, or typed dates), every figure of
//! `domain::reports` in tables with small numbers hidden, bar charts of the
//! counts beside them, a CSV download, and a layout that prints on A4.

use super::form_errors;
use crate::domain::clinic::Clinic;
use crate::domain::reports::chart::{has_charts, Chart};
use crate::domain::reports::choose::{PeriodChoice, PeriodForm};
use crate::domain::reports::{report_on, Period, Report};
use crate::ui::form::{bind, DateInput, ErrorSummary, Radios};
use crate::ui::layout::BackLink;
use crate::ui::router::use_location;
use crate::ui::saved::Saved;
use crate::ui::{today, use_base};
use leptos::prelude::*;

const TITLE: &str = "Reports";
/// The report's parts, in the order they are shown.
const PARTS: [&str; 7] = [
    "Referrals",
    "Waiting",
    "Appointments",
    "Contacts",
    "Outcomes",
    "Wellbeing",
    "Rota",
];

#[component]
pub fn ReportsPage() -> impl IntoView {
    let errors = form_errors(|| TITLE.to_string());
    let base = use_base();
    let location = use_location();
    let clinic = Saved::<Clinic>::open();
    let now = today();
    let period = Memo::new(move |_| {
        let from = location.query_tracked("from");
        Period::from_query(from.as_deref(), location.query("to").as_deref())
            .unwrap_or_else(|| Period::this_month(now))
    });
    let form = RwSignal::new(PeriodForm::showing(period.get_untracked(), now));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.with(|f| f.check(now)) {
            Ok(chosen) => {
                errors.set(Vec::new());
                location.navigate(&format!("clinic/reports?{}", chosen.query()));
            }
            Err(found) => errors.set(found),
        }
    };
    let shown = Memo::new(move |_| {
        let period = period.get();
        clinic
            .value
            .with(|c| ReportView::of(&report_on(c, period, now)))
    });
    let download = move |_| {
        let (csv, name) = shown.with_untracked(|r| (r.csv.clone(), r.file_name.clone()));
        crate::ui::download(&csv, "text/csv", &name);
    };
    let choices: Vec<(&'static str, &'static str)> = PeriodChoice::ALL
        .iter()
        .map(|c| (c.key(), c.label()))
        .collect();
    view! {
        <BackLink href=base.href("clinic") text="Back to the clinic" />
        <ErrorSummary />
        <h1>{TITLE}</h1>
        <p class="app-no-print">"What the clinic did in a period, for the practice and funders. A count under 5 shows as \"fewer than 5\", and a rate, average or median worked out from fewer than 5 is not shown, so a report cannot identify anyone."</p>
        <form novalidate class="app-no-print" on:submit=submit>
            <Radios id="period" legend="Which period?" choices
                bind=bind(form, |f| f.choice.map(PeriodChoice::key), |f, k| f.choice = k.and_then(PeriodChoice::from_key)) />
            <Show when=move || form.with(|f| f.choice == Some(PeriodChoice::Dates))>
                <DateInput id="from" legend="Start date" hint=Some("For example, 1 2 2026")
                    day=bind(form, |f| f.from.day.clone(), |f, v| f.from.day = v)
                    month=bind(form, |f| f.from.month.clone(), |f, v| f.from.month = v)
                    year=bind(form, |f| f.from.year.clone(), |f, v| f.from.year = v) />
                <DateInput id="to" legend="End date" hint=Some("For example, 28 2 2026")
                    day=bind(form, |f| f.to.day.clone(), |f, v| f.to.day = v)
                    month=bind(form, |f| f.to.month.clone(), |f, v| f.to.month = v)
                    year=bind(form, |f| f.to.year.clone(), |f, v| f.to.year = v) />
            </Show>
            <button class="nhsuk-button" type="submit">"Show the report"</button>
        </form>
        <h2 class="nhsuk-heading-l" data-testid="report-period">{move || shown.with(|r| r.period.clone())}</h2>
        <div class="nhsuk-button-group app-no-print">
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download>"Download as CSV"</button>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print the report"</button>
        </div>
        {move || shown.with(|r| r.parts.iter().map(part_view).collect_view())}
    }
}

/// One part of a report as drawn: its name, each measure with its figure in
/// words, and its charts.
type PartView = (&'static str, Vec<(String, String)>, Vec<Chart>);

/// A report as drawn: its lines and charts by part, and its CSV.
#[derive(Clone, PartialEq)]
struct ReportView {
    period: String,
    parts: Vec<PartView>,
    csv: String,
    file_name: String,
}

impl ReportView {
    fn of(report: &Report) -> Self {
        let charts = report.charts();
        ReportView {
            period: report.period.words(),
            parts: PARTS
                .iter()
                .map(|part| {
                    let lines = report
                        .part(part)
                        .into_iter()
                        .map(|l| (l.measure.clone(), l.shown.words()))
                        .collect();
                    let charts = charts.iter().filter(|c| c.part == *part).cloned().collect();
                    (*part, lines, charts)
                })
                .collect(),
            csv: report.to_csv(),
            file_name: report.period.file_name(),
        }
    }
}

fn part_view(
    (part, lines, charts): &(&'static str, Vec<(String, String)>, Vec<Chart>),
) -> impl IntoView {
    let rows = lines
        .iter()
        .map(|(measure, figure)| {
            view! {
                <tr class="nhsuk-table__row">
                    <th class="nhsuk-table__header" scope="row">{measure.clone()}</th>
                    <td class="nhsuk-table__cell app-figure">{figure.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    // A part whose charts have nothing to draw says so once, rather than
    // showing empty panels.
    let no_data = (charts.is_empty() && has_charts(part)).then(|| {
        view! { <p class="app-no-data" data-testid="no-chart-data">"Charts: no data for this period."</p> }
    });
    let charts = charts.iter().map(bar_chart).collect_view();
    let slug = part.to_lowercase();
    view! {
        <section class="app-report-part" data-testid=format!("part-{slug}")>
            <table class="nhsuk-table app-report-table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--m">{*part}</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">"Measure"</th>
                        <th class="nhsuk-table__header app-figure" scope="col">"Figure"</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">{rows}</tbody>
            </table>
            {no_data}
            <div class="app-charts">{charts}</div>
        </section>
    }
}

/// The width the longest bar is drawn at, of a chart 320 wide.
const LONGEST_BAR: f64 = 230.0;
/// The height of one bar's row: its label above, the bar below.
const ROW: usize = 46;

/// A bar chart of `chart`, as an image with a title; the figures are in the
/// table beside it, so it is one image to a screen reader.
fn bar_chart(chart: &Chart) -> impl IntoView {
    let height = chart.bars.len() * ROW + 8;
    let title_id = format!("chart-{}", chart.title.to_lowercase().replace(' ', "-"));
    let labelled_by = title_id.clone();
    let bars = chart
        .bars
        .iter()
        .enumerate()
        .map(|(n, bar)| {
            let y = n * ROW;
            let width = bar.share.map(|s| (s * LONGEST_BAR).max(if s > 0.0 { 2.0 } else { 0.0 }));
            let text_x = width.filter(|w| *w > 0.0).map_or(0.0, |w| w + 6.0);
            view! {
                <text x="0" y={y + 16} class="app-chart__label">{bar.label.clone()}</text>
                {width.map(|w| view! { <rect x="0" y={y + 22} width=format!("{w:.1}") height="16" class="app-chart__bar" /> })}
                <text x=format!("{text_x:.1}") y={y + 36} class="app-chart__value">{bar.words.clone()}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="app-chart">
            <figcaption class="app-chart__caption">{chart.title}</figcaption>
            <svg role="img" aria-labelledby=labelled_by viewBox=format!("0 0 320 {height}") width="100%" class="app-chart__svg" data-testid="chart">
                <title id=title_id>{format!("{}: bar chart. The figures are in the table above.", chart.title)}</title>
                {bars}
            </svg>
        </figure>
    }
}
