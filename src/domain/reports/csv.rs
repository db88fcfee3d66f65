//! Writing a table as CSV that spreadsheets open as it was meant: cells with
//! commas, quotes or line breaks are quoted, and a cell that a spreadsheet
//! would run as a formula (starting `=`, `+`, `-`, `@`) is made plain text.

/// One cell, escaped.
pub fn cell(text: &str) -> String {
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if text.parse::<f64>().is_err() => {
            format!("'{text}")
        }
        _ => text.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Rows of cells as CSV, with CRLF line ends as RFC 4180 has them.
pub fn table(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|row| row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","))
        .map(|line| line + "\r\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("GP, nurse"), "\"GP, nurse\"");
        assert_eq!(
            cell("the \"walking\" group"),
            "\"the \"\"walking\"\" group\""
        );
        assert_eq!(cell("line one\nline two"), "\"line one\nline two\"");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn a_cell_that_looks_like_a_formula_is_made_plain_text() {
        assert_eq!(cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(cell("+44 7700"), "'+44 7700");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("=1,2"), "\"'=1,2\"");
        // Numbers stay numbers.
        assert_eq!(cell("-3"), "-3");
        assert_eq!(cell("-1.5"), "-1.5");
    }

    #[test]
    fn a_table_has_one_line_a_row() {
        let rows = vec![
            vec!["Measure".to_string(), "Value".to_string()],
            vec![
                "People referred, GP".to_string(),
                "fewer than 5".to_string(),
            ],
        ];
        assert_eq!(
            table(&rows),
            "Measure,Value\r\n\"People referred, GP\",fewer than 5\r\n"
        );
    }
}
