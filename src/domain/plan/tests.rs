use super::check::{check, check_goal, check_review, completed_answer, step_date_id};
use super::share::{self, ShareError};
use super::text::plain_text;
use super::wellbeing::{Answer, Question, Scores};
use super::*;
use crate::domain::dates::TypedDate;
use crate::domain::form::FieldError;
use crate::domain::fragment::Packed;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Sam's plan, made with a link worker on 3 March 2026.
fn sams_plan() -> CarePlan {
    let mut plan = CarePlan::new("plan-1", day(2026, 3, 3));
    plan.about.called = "Sam".into();
    plan.about.matters =
        "Seeing my grandchildren, and getting out of the house.\nMy garden.".into();
    plan.wellbeing = Scores::of([4, 5, 3, 8]);
    plan.wellbeing_on = "2026-03-03".into();
    let walk = plan.add_goal();
    let goal = plan.goals.iter_mut().find(|g| g.id == walk).unwrap();
    goal.goal = "Go for a walk with other people".into();
    goal.why = "I feel better when I’m outside 🌳".into();
    goal.steps[0].step = "Ask about the Tuesday walking group".into();
    goal.steps[0].by = TypedDate::from_date(day(2026, 3, 10));
    let second = plan.add_step(walk).unwrap();
    plan.goals[0].steps[1].step = "Go to one walk".into();
    assert_eq!(plan.goals[0].steps[1].id, second);
    let money = plan.add_goal();
    plan.goals.iter_mut().find(|g| g.id == money).unwrap().goal = "Sort out my bills".into();
    plan.goals[1].steps[0].step = "Book the Citizens Advice drop-in".into();
    let group = plan.add_activity();
    let activity = plan.activities.iter_mut().find(|a| a.id == group).unwrap();
    activity.name = "Elm Park walking group".into();
    activity.when = "Tuesdays 10am".into();
    plan.harder.i_can_call = "My sister Jo".into();
    plan.next_review.date = TypedDate::from_date(day(2026, 4, 14));
    plan
}

#[test]
fn a_new_plan_has_every_section_not_started() {
    let plan = CarePlan::new("plan-1", day(2026, 3, 3));
    for section in Section::ALL {
        assert_eq!(plan.status(section), Status::NotStarted, "{section:?}");
    }
    assert_eq!(plan.name(), "Plan started 3 March 2026");
}

#[test]
fn a_section_is_in_progress_once_written_in_and_completed_when_the_person_says() {
    let mut plan = CarePlan::new("plan-1", day(2026, 3, 3));
    plan.about.matters = "My garden".into();
    assert_eq!(plan.status(Section::AboutMe), Status::InProgress);
    plan.set_completed(Section::AboutMe, true);
    assert_eq!(plan.status(Section::AboutMe), Status::Completed);
    plan.set_completed(Section::AboutMe, false);
    assert_eq!(plan.status(Section::AboutMe), Status::InProgress);

    // Blank goals and spaces are not a start.
    plan.add_goal();
    plan.goals[0].goal = "   ".into();
    assert_eq!(plan.status(Section::Goals), Status::NotStarted);
    plan.goals[0].steps[0].step = "Call the library".into();
    assert_eq!(plan.status(Section::Goals), Status::InProgress);

    plan.wellbeing
        .set(Question::Happy, Some(Answer::RatherNotSay));
    assert_eq!(plan.status(Section::Wellbeing), Status::InProgress);
    assert_eq!(plan.completed_count(), 0);
}

#[test]
fn goals_steps_and_activities_keep_their_ids_when_others_are_removed() {
    let mut plan = sams_plan();
    let first_step = plan.goals[0].steps[0].id;
    let second_goal = plan.goals[1].id;
    plan.remove_step(first_step);
    assert_eq!(plan.goals[0].steps.len(), 1);
    assert_eq!(plan.goals[0].steps[0].step, "Go to one walk");
    let new_goal = plan.add_goal();
    assert!(plan.goals.iter().all(|g| g.id != first_step));
    plan.remove_goal(second_goal);
    assert_eq!(plan.goals.len(), 2);
    assert_eq!(plan.goals[1].id, new_goal);
    assert_eq!(plan.add_step(999), None);
    let activity = plan.activities[0].id;
    plan.remove_activity(activity);
    assert!(plan.activities.is_empty());
}

#[test]
fn a_review_ticks_off_steps_and_keeps_every_earlier_review() {
    let mut plan = sams_plan();
    let asked = plan.goals[0].steps[0].id;
    assert_eq!(plan.open_steps().len(), 3);
    plan.record_review(
        day(2026, 4, 14),
        Scores::of([6, 6, 5, 5]),
        "I went to two walks.".into(),
        &[asked],
    );
    assert!(plan.goals[0].steps[0].done);
    assert_eq!(plan.open_steps().len(), 2);
    plan.record_review(
        day(2026, 5, 26),
        Scores::of([7, 7, 7, 3]),
        String::new(),
        &[asked],
    );

    assert_eq!(plan.reviews.len(), 2);
    assert_eq!(
        plan.reviews[0].steps_done,
        ["Ask about the Tuesday walking group"]
    );
    // A step already done is not counted again.
    assert!(plan.reviews[1].steps_done.is_empty());

    let history = plan.wellbeing_history();
    let names: Vec<&str> = history.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Start", "Review 1", "Review 2"]);
    assert_eq!(history[0].on, Some(day(2026, 3, 3)));
    assert_eq!(
        history[2].scores.get(Question::Anxious),
        Some(Answer::Score(3))
    );
    let anxiety: Vec<u8> = history
        .iter()
        .filter_map(|r| r.scores.get(Question::Anxious)?.score())
        .collect();
    assert_eq!(anxiety, [8, 5, 3]);
}

#[test]
fn a_plan_without_starting_scores_starts_its_history_at_the_first_review() {
    let mut plan = CarePlan::new("plan-1", day(2026, 3, 3));
    assert!(plan.wellbeing_history().is_empty());
    plan.record_review(
        day(2026, 4, 1),
        Scores::of([5, 5, 5, 5]),
        String::new(),
        &[],
    );
    let history = plan.wellbeing_history();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].name, "Review 1");
}

#[test]
fn a_step_date_in_the_past_is_an_error_only_when_it_was_just_typed() {
    let today = day(2026, 3, 20);
    let before = sams_plan();
    // The plan's old step date (10 March) is left alone.
    assert!(check(Section::Goals, &before, &before, today).is_empty());

    let mut plan = before.clone();
    let step = plan.goals[1].steps[0].id;
    plan.goals[1].steps[0].by = TypedDate::from_date(day(2026, 3, 19));
    let errors = check(Section::Goals, &plan, &before, today);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, step_date_id(step));
    assert_eq!(
        errors[0].message,
        "The date for step 1 must be today or in the future"
    );

    plan.goals[1].steps[0].by = TypedDate {
        day: "31".into(),
        month: "2".into(),
        year: "2026".into(),
    };
    let errors = check(Section::Goals, &plan, &before, today);
    assert_eq!(errors[0].message, "The date for step 1 must be a real date");
    plan.goals[1].steps[0].by.year = "26".into();
    assert_eq!(
        check(Section::Goals, &plan, &before, today)[0].message,
        "Year must include 4 numbers"
    );
}

#[test]
fn a_review_date_in_the_past_asks_for_a_new_one() {
    let plan = sams_plan();
    let after_it = day(2026, 4, 15);
    let errors = check(Section::Review, &plan, &plan, after_it);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "review-day");
    assert_eq!(
        errors[0].message,
        "The review date must be today or in the future"
    );
    assert!(check(Section::Review, &plan, &plan, day(2026, 4, 14)).is_empty());
    let mut no_date = plan.clone();
    no_date.next_review.date = TypedDate::default();
    assert!(check(Section::Review, &no_date, &plan, after_it).is_empty());
}

#[test]
fn long_answers_are_counted_in_characters_not_bytes() {
    let mut plan = sams_plan();
    plan.about.matters = "😊".repeat(LONG_LIMIT);
    assert!(check(Section::AboutMe, &plan, &plan, day(2026, 3, 3)).is_empty());
    plan.about.matters.push('!');
    let errors = check(Section::AboutMe, &plan, &plan, day(2026, 3, 3));
    assert_eq!(errors[0].field, "matters");
    assert_eq!(
        errors[0].message,
        "What matters to you must be 1000 characters or less"
    );
}

#[test]
fn the_plan_as_text_is_in_the_persons_words_with_urgent_help_always() {
    let text = plain_text(&sams_plan());
    assert!(text.starts_with("Sam's plan\n"));
    assert!(text.contains("Started on Tuesday 3 March 2026"));
    assert!(text.contains(
        "What matters to me:\nSeeing my grandchildren, and getting out of the house.\nMy garden.\n"
    ));
    assert!(text.contains("Anxiety: 8 out of 10 (high)"));
    assert!(text.contains("Goal 1: Go for a walk with other people"));
    assert!(text.contains("I feel better when I’m outside 🌳"));
    assert!(text.contains("- Ask about the Tuesday walking group (by Tuesday 10 March 2026)"));
    assert!(text.contains("- Elm Park walking group, Tuesdays 10am"));
    assert!(text.contains("Who I can call:\nMy sister Jo"));
    assert!(text.contains("We will look at this plan again on Tuesday 14 April 2026."));
    // Nothing is said about what was left empty.
    assert!(!text.contains("What is going well"));

    let empty = plain_text(&CarePlan::new("plan-2", day(2026, 3, 3)));
    assert!(empty.starts_with("My plan\n"));
    for line in text::URGENT_HELP {
        assert!(empty.contains(line), "{line}");
    }
    assert!(empty.contains("116 123"));
}

/// What the browser's `CompressionStream("deflate-raw")` does to a plan.
fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

/// What the receiving page does with a link's fragment, the browser's
/// inflating done here by the same format's reader.
fn receive(fragment: &str) -> Result<CarePlan, ShareError> {
    match share::open(fragment)? {
        Packed::Plain(json) => share::read(&json),
        Packed::Deflated(data) => {
            let json =
                miniz_oxide::inflate::decompress_to_vec_with_limit(&data, share::LARGEST_PLAN)
                    .map_err(|e| match e.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLong,
                        _ => ShareError::Damaged,
                    })?;
            share::read(&json)
        }
    }
}

/// The link the plan's page makes for `plan`.
fn shared(plan: &CarePlan) -> String {
    share::seal(&Packed::Deflated(deflate(&share::plan_bytes(plan))))
}

#[test]
fn a_shared_plan_comes_back_exactly_as_it_was() {
    let mut plan = sams_plan();
    plan.record_review(
        day(2026, 4, 14),
        Scores::of([0, 6, 5, 0]),
        "Line one\nline two & more".into(),
        &[3],
    );
    plan.wellbeing
        .set(Question::Happy, Some(Answer::RatherNotSay));
    plan.set_completed(Section::AboutMe, true);
    let link = share::link("https://surgery.example/support/", &shared(&plan));
    let (address, fragment) = link.split_once('#').unwrap();
    assert_eq!(address, "https://surgery.example/support/plan/receive/");
    assert!(fragment.starts_with("p=2."));
    assert_eq!(receive(fragment), Ok(plan.clone()));
    assert_eq!(receive(&format!("#{fragment}")), Ok(plan.clone()));
    // Deflating takes out most of what the plan's empty parts repeat.
    let plain = share::encode_plain(&plan);
    assert!(fragment.len() < plain.len() / 2, "{fragment}");
}

#[test]
fn a_plan_link_made_before_links_were_deflated_still_opens() {
    // Made by the app before version 2 (which left empty parts out).
    let old = "p=1.eyJhYm91dCI6eyJjYWxsZWQiOiJTYW0ifSwiaWQiOiJwbGFuLTEiLCJsYXN0X2lkIjowLCJzdGFydGVkIjoiMjAyNi0wMy0wMyJ9.5038edeb";
    let mut plan = CarePlan::new("plan-1", day(2026, 3, 3));
    plan.about.called = "Sam".into();
    assert_eq!(receive(old), Ok(plan));
    // What a browser that cannot deflate shares.
    assert_eq!(receive(&share::encode_plain(&sams_plan())), Ok(sams_plan()));
}

#[test]
fn a_typical_plan_makes_a_code_a_phone_camera_can_read() {
    use crate::domain::qr::{version, MOST_READABLE_VERSION};
    use crate::domain::sample::{generate, FIVE_YEARS};
    let sample = generate(42, FIVE_YEARS);
    let mut links: Vec<String> = sample
        .plans
        .plans
        .iter()
        .map(|plan| share::link("https://surgery.example/support/", &shared(plan)))
        .collect();
    links.sort_by_key(String::len);
    let median = &links[links.len() / 2];
    // Version 20 when measured (`cargo run --example plan_link_sizes`).
    let median_version = version(median).unwrap();
    assert!(median_version <= MOST_READABLE_VERSION, "{median_version}");
    assert!(version(&links[links.len() - 1]).unwrap() <= MOST_READABLE_VERSION);
    // Sam's plan, with reviews and both goals, fits as well.
    let sams = share::link("https://surgery.example/support/", &shared(&sams_plan()));
    assert!(version(&sams).unwrap() <= MOST_READABLE_VERSION);
}

#[test]
fn a_damaged_or_newer_plan_link_is_refused_with_a_reason() {
    let fragment = shared(&sams_plan());
    assert_eq!(receive(""), Err(ShareError::NoPlan));
    // Cut short, as a half-read code or a link broken over two lines would be.
    for cut in [1, 9, 20, fragment.len() / 2] {
        assert_eq!(
            receive(&fragment[..fragment.len() - cut]),
            Err(ShareError::Damaged),
            "{cut}"
        );
    }
    // One character of the data changed.
    let mut altered: Vec<char> = fragment.chars().collect();
    let i = altered.len() / 2;
    altered[i] = if altered[i] == 'A' { 'B' } else { 'A' };
    let altered: String = altered.into_iter().collect();
    assert_eq!(receive(&altered), Err(ShareError::Damaged));
    let newer = fragment.replacen("p=2.", "p=3.", 1);
    assert_eq!(receive(&newer), Err(ShareError::Newer));
    // A referral code is not a plan.
    assert_eq!(receive("r=1.e30.00000000"), Err(ShareError::NoPlan));
    let sealed_not_a_plan = crate::domain::fragment::seal("p", 1, b"[1,2,3]");
    assert_eq!(receive(&sealed_not_a_plan), Err(ShareError::Damaged));
    // Deflated data that is not deflate at all, with a checksum that fits.
    let not_deflate = share::seal(&Packed::Deflated(vec![0xff; 40]));
    assert_eq!(receive(&not_deflate), Err(ShareError::Damaged));
    for error in [
        ShareError::NoPlan,
        ShareError::Newer,
        ShareError::Damaged,
        ShareError::TooLong,
        ShareError::CannotOpenHere,
    ] {
        assert!(error.message().ends_with('.'));
    }
}

#[test]
fn a_link_far_too_long_for_a_plan_is_refused_unread() {
    // 10 MB of spaces deflates to about 10 KB: a link that would fill a
    // phone's memory once inflated. Inflating stops at the limit.
    let bomb = share::seal(&Packed::Deflated(deflate(&vec![b' '; 10_000_000])));
    assert!(bomb.len() < 20_000, "{}", bomb.len());
    let Ok(Packed::Deflated(data)) = share::open(&bomb) else {
        panic!("the link itself is sound");
    };
    assert!(
        miniz_oxide::inflate::decompress_to_vec_with_limit(&data, share::LARGEST_PLAN).is_err()
    );
    assert_eq!(receive(&bomb), Err(ShareError::TooLong));
    assert_eq!(
        share::read(&vec![b' '; share::LARGEST_PLAN + 1]),
        Err(ShareError::TooLong)
    );
    let plain_bomb = share::seal(&Packed::Plain(vec![b' '; 100_000]));
    assert_eq!(receive(&plain_bomb), Err(ShareError::TooLong));
}

#[test]
fn a_new_version_keeps_the_old_plan_as_it_was() {
    let mut book = PlanBook::default();
    book.start("plan-1", day(2026, 3, 3));
    *book.get_mut("plan-1").unwrap() = sams_plan();
    book.get_mut("plan-1").unwrap().record_review(
        day(2026, 4, 14),
        Scores::of([6, 6, 6, 4]),
        String::new(),
        &[],
    );

    let copy = book
        .new_version("plan-1", "plan-2", day(2026, 6, 1))
        .unwrap();
    assert_eq!(copy.id, "plan-2");
    assert_eq!(copy.started, "2026-06-01");
    assert_eq!(copy.goals, sams_plan().goals);
    assert!(copy.reviews.is_empty());
    // The new version starts from the latest scores.
    assert_eq!(copy.wellbeing, Scores::of([6, 6, 6, 4]));
    assert_eq!(copy.wellbeing_on, "2026-04-14");

    assert_eq!(book.plans.len(), 2);
    assert_eq!(book.newest().unwrap().id, "plan-2");
    assert_eq!(book.get("plan-1").unwrap().reviews.len(), 1);
    book.delete("plan-1");
    assert_eq!(book.plans.len(), 1);
    assert!(book
        .new_version("plan-1", "plan-3", day(2026, 6, 1))
        .is_none());
}

#[test]
fn a_received_plan_is_added_beside_or_put_in_place_of_one_the_person_picks() {
    let mut book = PlanBook::default();
    book.start("plan-1", day(2026, 3, 3));
    let received = sams_plan();

    // Same id as one already here: added under a fresh id, so neither is lost.
    let id = book.add_received(received.clone(), "plan-9");
    assert_eq!(id, "plan-9");
    assert_eq!(book.plans.len(), 2);
    assert_eq!(book.get("plan-1").unwrap().about.called, "");

    assert!(book.replace_with_received("plan-1", received.clone()));
    assert_eq!(book.get("plan-1").unwrap().about.called, "Sam");
    assert_eq!(book.plans.len(), 2);
    assert!(!book.replace_with_received("plan-5", received));

    // A plan that came without an id is given one.
    let nameless = CarePlan {
        id: String::new(),
        ..sams_plan()
    };
    assert_eq!(book.add_received(nameless, "plan-10"), "plan-10");
    assert_eq!(book.newest().unwrap().id, "plan-10");
}

#[test]
fn a_stored_plan_book_reads_back_and_fills_in_what_is_missing() {
    let mut book = PlanBook::default();
    book.start("plan-1", day(2026, 3, 3));
    *book.get_mut("plan-1").unwrap() = sams_plan();
    let json = serde_json::to_string(&book).unwrap();
    assert_eq!(serde_json::from_str::<PlanBook>(&json).unwrap(), book);
    let sparse: PlanBook =
        serde_json::from_str(r#"{"plans":[{"id":"p","goals":[{"id":1,"steps":[{"id":2}]}]}]}"#)
            .unwrap();
    assert_eq!(sparse.plans[0].goals[0].steps[0].by, TypedDate::default());
    assert_eq!(sparse.plans[0].status(Section::Goals), Status::NotStarted);
}

#[test]
fn each_wellbeing_question_offers_eleven_scores_labelled_at_both_ends_and_rather_not_say() {
    let offers = Question::Anxious.offers();
    assert_eq!(offers.len(), 12);
    assert_eq!(offers[0], ("0", "0 (not at all anxious)"));
    assert_eq!(offers[5], ("5", "5"));
    assert_eq!(offers[10], ("10", "10 (completely anxious)"));
    assert_eq!(offers[11], ("rather-not-say", "I would rather not say"));
    assert_eq!(Question::Happy.offers()[10].1, "10 (completely)");
    for (value, _) in offers {
        assert_eq!(Answer::from_key(value).map(Answer::key), Some(value));
    }
}

#[test]
fn answering_wellbeing_dates_the_answers() {
    let mut plan = CarePlan::new("plan-1", day(2026, 3, 3));
    plan.answer_wellbeing(Question::Happy, Some(Answer::Score(6)), day(2026, 3, 5));
    assert_eq!(plan.wellbeing.happy, Some(Answer::Score(6)));
    assert_eq!(plan.wellbeing_on, "2026-03-05");
    assert_eq!(plan.status(Section::Wellbeing), Status::InProgress);
}

#[test]
fn a_goals_page_finds_only_its_own_problems_and_asks_for_the_goal_in_words() {
    let mut plan = sams_plan();
    let before = plan.clone();
    let walk = plan.goals[0].id;
    let bills = plan.goals[1].id;
    plan.goals[1].goal = String::new();
    plan.goals[1].steps[0].step = "x".repeat(SHORT_LIMIT + 1);
    assert_eq!(check_goal(&plan, &before, walk, day(2026, 3, 3)), []);
    let step = plan.goals[1].steps[0].id;
    assert_eq!(
        check_goal(&plan, &before, bills, day(2026, 3, 3)),
        [
            FieldError::new(
                format!("goal-{bills}-goal"),
                "Enter your goal, in your own words"
            ),
            FieldError::new(
                format!("step-{step}"),
                "Step 1 must be 200 characters or less"
            ),
        ]
    );
    // A date typed today for a day gone by is an error; one kept from before is not.
    plan.goals[0].steps[1].by = TypedDate::from_date(day(2026, 3, 1));
    let later = check_goal(&plan, &before, walk, day(2026, 3, 20));
    assert_eq!(
        later,
        [FieldError::new(
            step_date_id(plan.goals[0].steps[1].id),
            "The date for step 2 must be today or in the future"
        )]
    );
    assert_eq!(check_goal(&plan, &before, 999, day(2026, 3, 3)), []);
}

#[test]
fn have_you_completed_this_section_must_be_answered() {
    assert_eq!(completed_answer(Some(true)), Ok(true));
    assert_eq!(completed_answer(Some(false)), Ok(false));
    assert_eq!(
        completed_answer(None),
        Err(FieldError::new(
            "completed",
            "Select yes if you have completed this section"
        ))
    );
    assert_eq!(check_review("What changed"), []);
    assert_eq!(
        check_review(&"é".repeat(LONG_LIMIT + 1)),
        [FieldError::new(
            "changed",
            "What has changed must be 1000 characters or less"
        )]
    );
}

#[test]
fn a_goal_says_how_many_of_its_steps_are_done() {
    let mut plan = sams_plan();
    assert_eq!(plan.goals[0].steps_summary(), "2 small steps, 0 done");
    plan.goals[0].steps[0].done = true;
    assert_eq!(plan.goals[0].steps_summary(), "2 small steps, 1 done");
    assert_eq!(plan.goals[1].steps_summary(), "1 small step, 0 done");
    plan.add_goal();
    assert_eq!(plan.goals[2].steps_summary(), "No small steps yet");
}

#[test]
fn the_newest_plan_is_worked_on_and_earlier_ones_are_kept_to_read() {
    let mut book = PlanBook::default();
    assert!(book.earlier().is_empty() && book.newest_mut().is_none());
    book.start("plan-1", day(2026, 3, 3));
    book.newest_mut().unwrap().about.called = "Sam".into();
    book.new_version("plan-1", "plan-2", day(2026, 6, 1));
    book.newest_mut().unwrap().about.called = "Sammy".into();
    assert_eq!(book.earlier().len(), 1);
    assert_eq!(book.earlier()[0].about.called, "Sam");
    assert_eq!(book.newest().unwrap().about.called, "Sammy");
}

#[test]
fn the_chart_draws_better_higher_up_for_every_question_with_the_bands_named() {
    let mut plan = sams_plan();
    plan.record_review(
        day(2026, 4, 14),
        Scores::of([6, 6, 5, 4]),
        String::new(),
        &[],
    );
    let mut third = Scores::of([7, 7, 7, 2]);
    third.set(Question::Happy, Some(Answer::RatherNotSay));
    plan.record_review(day(2026, 5, 26), third, String::new(), &[]);

    let anxiety = chart::score_chart(&plan, Question::Anxious);
    let scores: Vec<u8> = anxiety.points.iter().map(|p| p.score).collect();
    assert_eq!(scores, [8, 4, 2]);
    // Anxiety went down, which is better: each point is higher (a smaller y).
    assert!(anxiety.points[0].y > anxiety.points[1].y);
    assert!(anxiety.points[1].y > anxiety.points[2].y);
    assert!(anxiety
        .title
        .starts_with("Anxiety: a lower score is better"));
    let bands: Vec<String> = anxiety
        .bands
        .iter()
        .map(|b| format!("{} ({})", b.name, b.scores))
        .collect();
    assert_eq!(
        bands,
        [
            "Very low (0 to 1)",
            "Low (2 to 3)",
            "Medium (4 to 5)",
            "High (6 to 10)"
        ]
    );
    let happy = chart::score_chart(&plan, Question::Happy);
    // Happiness went up from 3 to 5: also drawn higher.
    assert!(happy.points[0].y > happy.points[1].y);
    // "I would rather not say" is no point, but its review is still named.
    assert_eq!(happy.points.len(), 2);
    let names: Vec<&str> = happy.ticks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Start", "Review 1", "Review 2"]);
    assert_eq!(happy.bands[0].name, "Very high");
    assert_eq!(happy.bands[0].scores, "9 to 10");
    assert!(happy.bands.iter().all(|b| b.height >= 32));
    // Everything stays inside the drawing.
    for chart in [&anxiety, &happy] {
        for band in &chart.bands {
            assert!(band.y + band.height <= chart::HEIGHT);
            assert!(band.label_y > band.y && band.label_y + 12 < band.y + band.height);
        }
        for point in &chart.points {
            assert!(point.x < chart::WIDTH && point.y < chart.tick_y);
        }
        assert!(chart.tick_y < chart::HEIGHT);
    }
    assert_eq!(
        anxiety.line,
        anxiety
            .points
            .iter()
            .map(|p| format!("{},{}", p.x, p.y))
            .collect::<Vec<_>>()
            .join(" ")
    );
}

#[test]
fn the_table_under_the_chart_says_every_score_in_words() {
    let mut plan = sams_plan();
    plan.record_review(
        day(2026, 4, 14),
        Scores::of([6, 6, 5, 4]),
        String::new(),
        &[],
    );
    let rows = chart::history_rows(&plan);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].when, "Start, 3 March 2026");
    assert_eq!(rows[0].answers[3], "8 out of 10 (high)");
    assert_eq!(rows[1].when, "Review 1, 14 April 2026");
    assert_eq!(rows[1].answers[0], "6 out of 10 (medium)");
    assert!(chart::history_rows(&CarePlan::default()).is_empty());
}

#[test]
fn the_plan_on_one_page_shows_only_what_was_written_with_if_things_get_harder_always() {
    let empty = text::one_page(&CarePlan::new("plan-1", day(2026, 3, 3)));
    assert_eq!(
        empty,
        [text::PlanPart {
            title: "If things get harder",
            rows: vec![]
        }]
    );
    assert_eq!(text::title(&CarePlan::default()), "My plan");

    let mut plan = sams_plan();
    plan.goals[0].steps[0].done = true;
    plan.record_review(
        day(2026, 4, 14),
        Scores::of([6, 6, 5, 4]),
        "I go out more".into(),
        &[plan.goals[0].steps[1].id],
    );
    let parts = text::one_page(&plan);
    let titles: Vec<&str> = parts.iter().map(|p| p.title).collect();
    assert_eq!(
        titles,
        [
            "About me",
            "My wellbeing",
            "My goals",
            "Support and activities",
            "If things get harder",
            "Review",
            "Reviews"
        ]
    );
    assert_eq!(text::title(&plan), "Sam's plan");
    let row = |part: usize, n: usize| {
        (
            parts[part].rows[n].0.as_str(),
            parts[part].rows[n].1.as_str(),
        )
    };
    assert_eq!(
        row(0, 1),
        (
            "What matters to me",
            "Seeing my grandchildren, and getting out of the house.\nMy garden."
        )
    );
    assert_eq!(row(1, 0), ("Answered", "Review 1, Tuesday 14 April 2026"));
    assert_eq!(row(1, 4), ("Anxiety", "4 out of 10 (medium)"));
    assert_eq!(row(2, 0), ("Goal 1", "Go for a walk with other people"));
    assert_eq!(
        row(2, 1),
        ("Why it matters to me", "I feel better when I’m outside 🌳")
    );
    assert_eq!(
        row(2, 2),
        (
            "Small steps",
            "- Ask about the Tuesday walking group (by Tuesday 10 March 2026) - done\n- Go to one walk - done"
        )
    );
    assert_eq!(
        row(3, 0),
        (
            "Group or service 1",
            "Elm Park walking group\nTuesdays 10am"
        )
    );
    assert_eq!(row(4, 0), ("Who I can call", "My sister Jo"));
    assert_eq!(row(5, 0), ("Next review", "Tuesday 14 April 2026"));
    assert_eq!(
        row(6, 0),
        (
            "Review 1, Tuesday 14 April 2026",
            "Done: Go to one walk\nWhat changed: I go out more"
        )
    );
}

#[test]
fn a_review_is_kept_as_it_is_written_and_recorded_whole_when_saved() {
    let mut plan = sams_plan();
    let walk_step = plan.goals[0].steps[1].id;
    plan.review_draft
        .wellbeing
        .set(Question::Anxious, Some(Answer::Score(4)));
    plan.review_draft.tick(walk_step, true);
    plan.review_draft.tick(walk_step, true);
    *plan.text_mut(fields::PlanText::ReviewChanged).unwrap() = "I go out more 🌳".into();
    assert_eq!(plan.review_draft.done, [walk_step]);
    // Stored with the plan, so a reload finds it.
    let stored = serde_json::to_string(&plan).unwrap();
    let back: CarePlan = serde_json::from_str(&stored).unwrap();
    assert_eq!(back.review_draft, plan.review_draft);
    // A new version of the plan starts with no review half written.
    let mut book = PlanBook {
        plans: vec![plan.clone()],
    };
    book.new_version("plan-1", "plan-2", day(2026, 5, 1));
    assert!(book.newest().unwrap().review_draft.is_empty());

    plan.record_draft_review(day(2026, 4, 14));
    assert!(plan.review_draft.is_empty());
    assert_eq!(plan.reviews.len(), 1);
    assert_eq!(plan.reviews[0].changed, "I go out more 🌳");
    assert_eq!(plan.reviews[0].steps_done, ["Go to one walk"]);
    assert_eq!(plan.reviews[0].wellbeing.anxious, Some(Answer::Score(4)));
    // No draft, nothing more stored than before drafts existed.
    assert!(!serde_json::to_string(&plan)
        .unwrap()
        .contains("review_draft"));
    plan.review_draft.tick(walk_step, false);
    assert!(plan.review_draft.is_empty());
}
