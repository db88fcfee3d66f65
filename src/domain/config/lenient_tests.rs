//! The slips a practice manager makes in `config.json`, one at a time: each
//! is named with its line and what to write instead, and costs only itself.

use super::*;

const GOOD: &str = r#"{
  "practice_name": "Elm Surgery",
  "address": ["1 Elm Road", "Leeds", "LS1 1AA"],
  "phone": "0113 496 0000",
  "referral_email": "elm.linkworkers@example.nhs.uk",
  "clinic_team_name": "Elm Surgery link worker team"
}"#;

fn read(text: &str) -> LoadedConfig {
    LoadedConfig::from_json(text)
}

fn messages(loaded: &LoadedConfig) -> Vec<String> {
    loaded.problems.iter().map(ConfigProblem::message).collect()
}

/// Every setting of GOOD still read.
fn assert_all_read(loaded: &LoadedConfig) {
    let config = &loaded.config;
    assert_eq!(config.practice_name, "Elm Surgery");
    assert_eq!(config.address, ["1 Elm Road", "Leeds", "LS1 1AA"]);
    assert_eq!(config.phone.as_deref(), Some("0113 496 0000"));
    assert_eq!(
        config.referral_email.as_deref(),
        Some("elm.linkworkers@example.nhs.uk")
    );
    assert_eq!(config.clinic_team_name, "Elm Surgery link worker team");
}

#[test]
fn the_good_file_has_no_problems() {
    let loaded = read(GOOD);
    assert_eq!(loaded.problems, []);
    assert_all_read(&loaded);
    assert_eq!(loaded.patient_notice(), None);
}

#[test]
fn a_comma_after_the_last_setting_is_named_on_its_own_line() {
    let loaded = read(&GOOD.replace("team\"\n}", "team\",\n}"));
    assert_all_read(&loaded);
    assert_eq!(
        messages(&loaded),
        ["Line 6 of config.json: there is a comma after the last setting: remove it."]
    );
}

#[test]
fn a_missing_closing_brace_is_named_and_the_settings_kept() {
    let loaded = read(GOOD.trim_end_matches('}'));
    assert_all_read(&loaded);
    assert_eq!(
        messages(&loaded),
        ["Line 6 of config.json: the file does not end with }: add } on a line of its own at the end."]
    );
}

#[test]
fn a_misspelt_setting_is_named_with_the_one_it_is_nearest() {
    let loaded = read(&GOOD.replace("practice_name", "practise_name"));
    assert_eq!(loaded.config.practice_name, "Your GP practice");
    assert_eq!(
        messages(&loaded),
        ["Line 2 of config.json: \u{201c}practise_name\u{201d} is not a setting this app knows, so it is not used. Did you mean practice_name?"]
    );
    let far = read(r#"{"colour": "green"}"#);
    assert!(messages(&far)[0].ends_with("The settings it knows are listed in the README."));
}

#[test]
fn a_phone_number_without_quotes_keeps_its_first_nought() {
    let loaded = read(&GOOD.replace("\"0113 496 0000\"", "0113 496 0000"));
    assert_all_read(&loaded);
    assert_eq!(
        messages(&loaded),
        ["Line 4 of config.json: the value of phone is not in double quotes: write \"phone\": \"0113 496 0000\"."]
    );
    let run_together = read(&GOOD.replace("\"0113 496 0000\"", "01134960000"));
    assert_eq!(run_together.config.phone.as_deref(), Some("01134960000"));
}

#[test]
fn a_name_too_long_is_cut_short_and_said() {
    let long = "Elm ".repeat(75);
    let loaded = read(&GOOD.replace("\"Elm Surgery\"", &format!("\"{long}\"")));
    assert_eq!(loaded.config.practice_name.chars().count(), NAME_LIMIT - 1);
    assert_eq!(
        messages(&loaded),
        ["In config.json, \u{201c}practice_name\u{201d} is longer than 80 characters, so it is cut short: shorten it."]
    );
}

#[test]
fn an_email_without_an_at_sign_loses_only_itself() {
    let loaded = read(&GOOD.replace(
        "elm.linkworkers@example.nhs.uk",
        "elm.linkworkers.example.nhs.uk",
    ));
    assert_eq!(loaded.config.referral_email, None);
    assert_eq!(loaded.config.phone.as_deref(), Some("0113 496 0000"));
    assert_eq!(loaded.problems.len(), 1);
    // Patients still have the phone, so they are told nothing.
    assert_eq!(loaded.patient_notice(), None);
}

#[test]
fn tags_in_a_name_are_shown_as_typed_and_flagged() {
    let loaded = read(&GOOD.replace("\"Elm Surgery\"", "\"<b>Elm</b> Surgery\""));
    assert_eq!(loaded.config.practice_name, "<b>Elm</b> Surgery");
    assert_eq!(
        loaded.problems,
        [ConfigProblem::Markup {
            field: "practice_name"
        }]
    );
}

#[test]
fn an_empty_file_says_so_and_patients_hear_only_how_to_contact_the_practice() {
    for empty in ["", "  \n", "\u{feff}"] {
        let loaded = read(empty);
        assert_eq!(loaded.problems, [ConfigProblem::Empty]);
        assert_eq!(
            loaded.patient_notice(),
            Some("Some of this practice’s details could not be shown. To contact the practice, use the phone number on its website or on a letter from it.")
        );
    }
    assert!(LoadedConfig::missing().patient_notice().is_some());
}

#[test]
fn other_slips_are_each_named_with_their_line() {
    let cases = [
        (GOOD.replace("\"Elm Surgery\",", "\"Elm Surgery\""), "Line 2 of config.json: there is no comma at the end of this line, before the next setting: add one."),
        (GOOD.replace("\"Leeds\", \"LS1 1AA\"]", "\"Leeds\", \"LS1 1AA\",]"), "Line 3 of config.json: there is a comma after the last item of a list: remove it."),
        (GOOD.replace("\"phone\"", "phone"), "Line 4 of config.json: the name phone is not in double quotes: write \"phone\"."),
        (GOOD.replacen('{', "", 1), "Line 2 of config.json: the file does not start with {: add { on a line of its own at the start."),
    ];
    for (text, expected) in cases {
        let loaded = read(&text);
        assert_all_read(&loaded);
        assert_eq!(messages(&loaded), [expected], "{text}");
    }
    // A quote left open costs its own setting, no more.
    let open = read(&GOOD.replace("\"0113 496 0000\"", "\"0113 496 0000"));
    assert_eq!(open.config.practice_name, "Elm Surgery");
    assert_eq!(
        open.config.referral_email.as_deref(),
        Some("elm.linkworkers@example.nhs.uk")
    );
    assert!(messages(&open)
        .iter()
        .any(|m| m.starts_with("Line 4 of config.json: a text has no closing double quote")));
}

#[test]
fn the_readme_table_of_settings_names_every_setting_the_app_reads_and_no_other() {
    let readme = include_str!("../../../README.md");
    let table = readme
        .split("| setting | what it is for | if it is left out |")
        .nth(1)
        .expect("README.md has its table of settings");
    let rows: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| line.split('`').nth(1))
        .collect();
    for setting in SETTINGS {
        assert!(
            rows.contains(&setting),
            "README.md's table of settings has no row for `{setting}`"
        );
    }
    for row in &rows {
        assert!(
            SETTINGS.contains(row),
            "README.md's table of settings names `{row}`, which the app does not read"
        );
    }
    // And the reader reads each of them: a file with all of them has no unknown setting.
    let all = SETTINGS
        .iter()
        .map(|s| format!("\"{s}\": null"))
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(read(&format!("{{{all}}}")).problems, []);
}

#[test]
fn the_volunteers_are_shown_to_patients_only_when_the_practice_writes_true() {
    assert!(!read(GOOD).config.show_volunteers);
    let on = read(r#"{ "practice_name": "Elm Surgery", "show_volunteers": true }"#);
    assert!(on.config.show_volunteers && on.problems.is_empty());
    let quoted = read(r#"{ "show_volunteers": "yes" }"#);
    assert!(!quoted.config.show_volunteers);
    assert_eq!(
        messages(&quoted),
        ["In config.json, \"show_volunteers\" must be true or false, without quotes."]
    );
    // A slip elsewhere in the file costs only itself.
    let slipped = read("{ \"practice_name\": \"Elm Surgery\",\n  \"show_volunteers\": true,\n}");
    assert!(slipped.config.show_volunteers);
}
