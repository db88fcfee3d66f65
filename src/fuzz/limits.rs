//! Inputs far larger or deeper than any the app makes: a 50 MB backup, a
//! 5 MB link, JSON nested 10,000 deep. Each is refused with its message,
//! quickly, before it is read whole; none uses up the stack (which would
//! stop the app, or this test, without a message).

use crate::domain::config::{ConfigProblem, LoadedConfig};
use crate::domain::directory::oruk::{self, ImportError};
use crate::domain::plan::share::{self, ShareError};
use crate::domain::plan::{CarePlan, PlanBook};
use crate::domain::referral::handover::{self, HandoverError};
use crate::store::backup::{self, BackupProblem};
use crate::store::documents::KNOWN;
use crate::store::envelope::decode;
use std::time::{Duration, Instant};

/// Quick enough that a page would not be seen to stop (the test build is
/// unoptimised and the machine shared: the app is faster).
const QUICK: Duration = Duration::from_millis(1000);

fn timed<T>(what: &str, run: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = run();
    let took = started.elapsed();
    eprintln!("limit {what}: {} ms", took.as_millis());
    assert!(took < QUICK, "{what} took {took:?}");
    out
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_50_mb_backup_is_refused_unread_with_its_message() {
    let file = format!(
        "{{\"format\":\"social-prescribing-backup\",\"documents\":[\"{}\"]}}",
        "a".repeat(50 * 1024 * 1024)
    );
    let problem = timed("50 MB backup", || backup::open(&file, KNOWN).err());
    assert_eq!(problem, Some(BackupProblem::TooLarge));
    assert_eq!(
        BackupProblem::TooLarge.message(),
        "The file is too large to be a backup from this app. Choose the backup file"
    );
}

#[test]
fn a_5_mb_link_is_refused_unread_with_its_message() {
    let long = format!("#r=2.{}.00000000", "A".repeat(5 * 1024 * 1024));
    assert_eq!(
        timed("5 MB referral link", || handover::open(&long).err()),
        Some(HandoverError::TooLong)
    );
    let long = format!("#p=2.{}.00000000", "A".repeat(5 * 1024 * 1024));
    assert_eq!(
        timed("5 MB plan link", || share::open(&long).err()),
        Some(ShareError::TooLong)
    );
    assert!(HandoverError::TooLong
        .message()
        .starts_with("This code holds far more than a referral can"));
}

#[test]
fn json_nested_10000_deep_is_refused_by_every_reader_without_using_up_the_stack() {
    let deep = nested(10_000);
    let object_deep = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    for text in [&deep, &object_deep] {
        assert!(timed("deep backup", || backup::open(text, KNOWN)).is_err());
        assert!(matches!(
            timed("deep directory file", || oruk::read(text)),
            Err(ImportError::NotJson { .. })
        ));
        assert_eq!(
            timed("deep referral", || handover::read(text.as_bytes())).err(),
            Some(HandoverError::Damaged)
        );
        // A plan is read straight into its own type, and serde_json skips a
        // field it does not know without going deeper: the nesting costs no
        // stack, and nothing of it is kept (an empty plan at most).
        match timed("deep plan", || share::read(text.as_bytes())) {
            Err(problem) => assert_eq!(problem, ShareError::Damaged),
            Ok(plan) => assert_eq!(plan, CarePlan::default()),
        }
        assert!(timed("deep stored plans", || decode::<PlanBook>(text)).is_err());
        let config = timed("deep config.json", || LoadedConfig::from_json(text));
        assert!(!config.problems.is_empty());
        assert!(config
            .problems
            .iter()
            .all(|p| !matches!(p, ConfigProblem::Missing)));
    }
    // The same inside a well-formed backup, link and service list, where a reader
    // might walk the value by hand.
    let wrapped = format!("{{\"format\":\"social-prescribing-backup\",\"format_version\":1,\"documents\":[{deep}],\"checksum\":\"x\"}}");
    assert!(backup::open(&wrapped, KNOWN).is_err());
    let services = format!("{{\"content\":[{{\"name\":\"Walk\",\"description\":{deep}}}]}}");
    assert!(oruk::read(&services).is_err());
    // serde_json stops at 128 levels: what the app writes is far shallower.
    assert!(serde_json::from_str::<serde_json::Value>(&nested(127)).is_ok());
    assert!(serde_json::from_str::<serde_json::Value>(&nested(129)).is_err());
}
