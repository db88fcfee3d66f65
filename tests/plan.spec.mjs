// A person builds their own plan on a phone, by keyboard alone: the task
// list of six sections, each section's page saved as they type, two goals
// with small steps, the wellbeing questions answered twice (a review), a
// chart with a table of the same scores, everything there after a reload,
// the plan on one page (printed, copied, emailed, read aloud), an earlier
// version kept, and a plan deleted after a confirmation.
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { storedText } from "./support/stored.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type, press, choose } from "./support/keyboard.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)) });
});
test.afterAll(async () => served.close());

const h1 = (page) => page.getByRole("heading", { level: 1 });
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const now = new Date();
const todayShort = `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
const todayLong = `${DAYS[now.getDay()]} ${todayShort}`;
const nextYear = now.getFullYear() + 1;

async function answerCompleted(page, done) {
  const label = done ? "Yes, I have completed this section" : "No, I will come back to it later";
  await choose(page, page.getByLabel(label));
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expect(h1(page)).toHaveText("My plan");
}

/** Checks a page with errors the GOV.UK way: the summary, the field's own message, "Error:" in the title. */
async function expectErrors(page, messages, label) {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  for (const message of messages) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
    await expect(page.locator(".nhsuk-error-message", { hasText: message })).toBeVisible();
  }
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page, label);
}

/** Answers the four wellbeing questions: scores, or "rather-not-say". */
async function answerWellbeing(page, [satisfied, worthwhile, happy, anxious]) {
  const questions = [
    ["Overall, how satisfied are you with your life nowadays?", satisfied],
    ["Overall, to what extent do you feel that the things you do in your life are worthwhile?", worthwhile],
    ["Overall, how happy did you feel yesterday?", happy],
    ["Overall, how anxious did you feel yesterday?", anxious],
  ];
  for (const [question, answer] of questions) {
    const group = page.getByRole("group", { name: question });
    const label = answer === "rather-not-say" ? "I would rather not say" : String(answer);
    await choose(page, group.getByLabel(label, { exact: true }));
  }
}

const status = (page, key) => page.locator(`#${key}-status`);

test("a person builds a plan by keyboard, reviews it, and finds everything after a reload", async ({ context, watch }) => {
  test.setTimeout(240_000);
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}plan/`);
  await expect(h1(page)).toHaveText("My plan");
  await expect(page.getByText("Your plan is kept on this phone.")).toBeVisible();
  await expectNoAxeViolations(page, "the plan before it is started");
  await screenshot(page, "plan-start");
  await press(page, page.getByRole("button", { name: "Start my plan" }));

  // The task list: six sections, none started.
  const tasks = page.locator(".nhsuk-task-list__item");
  await expect(tasks).toHaveCount(6);
  await expect(tasks).toHaveText([
    /About me\s*Not started/,
    /My wellbeing today\s*Not started/,
    /My goals\s*Not started/,
    /Support and activities\s*Not started/,
    /If things get harder\s*Not started/,
    /Review\s*Not started/,
  ]);
  await expect(page.getByTestId("plan-name")).toHaveText(`Plan started ${todayShort}`);
  await expectNoAxeViolations(page, "a new plan's task list");
  await screenshot(page, "plan-tasks-new");

  // About me, in the person's own words, with a character count.
  await press(page, page.getByRole("link", { name: "About me" }));
  await expect(h1(page)).toHaveText("About me");
  const matters = "Seeing my grandchildren 🌳\nMy garden, and Siobhán’s café";
  await type(page, page.getByLabel("What do you like to be called? (optional)"), "Siobhán");
  await type(page, page.getByLabel("What matters to you? (optional)"), matters);
  await expect(page.getByText(`You have ${1000 - [...matters].length} characters remaining`)).toBeVisible();
  await type(page, page.getByLabel("What is going well? (optional)"), "My neighbour pops in");
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expectErrors(page, ["Select yes if you have completed this section"], "about me with the completed question unanswered");
  await screenshot(page, "plan-about-me-error");
  await answerCompleted(page, true);
  await expect(status(page, "about-me")).toHaveText("Completed");

  // My wellbeing today: the ONS's four questions, 0 to 10 labelled at both ends.
  await press(page, page.getByRole("link", { name: "My wellbeing today" }));
  await expect(h1(page)).toHaveText("My wellbeing today");
  const anxious = page.getByRole("group", { name: "Overall, how anxious did you feel yesterday?" });
  await expect(anxious.getByRole("radio")).toHaveCount(12);
  await expect(anxious.getByLabel("0 (not at all anxious)")).toBeVisible();
  await expect(anxious.getByLabel("10 (completely anxious)")).toBeVisible();
  await expect(anxious.getByLabel("I would rather not say")).toBeVisible();
  await expect(page.locator('input[type="range"]')).toHaveCount(0);
  await answerWellbeing(page, [4, 5, 3, 8]);
  await expectNoAxeViolations(page, "my wellbeing today");
  await screenshot(page, "plan-wellbeing");
  await expectEvenScale(anxious);
  await answerCompleted(page, false);
  await expect(status(page, "wellbeing")).toHaveText("In progress");

  // My goals: two goals, each with small steps.
  await press(page, page.getByRole("link", { name: "My goals" }));
  await expect(h1(page)).toHaveText("My goals");
  await expect(page.getByText("You have not added a goal yet.")).toBeVisible();
  await press(page, page.getByRole("button", { name: "Add a goal" }));
  await expect(h1(page)).toHaveText("Goal 1");
  await type(page, page.getByLabel("What is your goal?"), "Go for a walk with other people");
  await type(page, page.getByLabel("Why does this matter to you? (optional)"), "I feel better outside");
  await type(page, page.getByLabel("Step 1", { exact: true }), "Ask about the walking group");
  const step1Date = page.getByRole("group", { name: "When will you do step 1? (optional)" });
  await type(page, step1Date.getByLabel("Day"), "10");
  await type(page, step1Date.getByLabel("Month"), "3");
  await type(page, step1Date.getByLabel("Year"), String(nextYear));
  await press(page, page.getByRole("button", { name: "Add another step" }));
  await expect(page.getByLabel("Step 2", { exact: true })).toBeFocused();
  await page.keyboard.type("Go to one walk");
  const step2Date = page.getByRole("group", { name: "When will you do step 2? (optional)" });
  await type(page, step2Date.getByLabel("Day"), "1");
  await type(page, step2Date.getByLabel("Month"), "1");
  await type(page, step2Date.getByLabel("Year"), "2020");
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expectErrors(page, ["The date for step 2 must be today or in the future"], "a goal with a step date in the past");
  await screenshot(page, "plan-goal-error");
  // The draft was kept all the same.
  await expect(page.getByLabel("Step 2", { exact: true })).toHaveValue("Go to one walk");
  await page.getByRole("link", { name: "The date for step 2 must be today or in the future" }).click();
  await expect(step2Date.getByLabel("Day")).toBeFocused();
  for (const part of ["Day", "Month", "Year"]) await step2Date.getByLabel(part).fill("");
  await press(page, page.getByRole("button", { name: "Add another step" }));
  // The new step's box takes the focus a frame later; typed before then, the
  // spaces would press "Add another step" again.
  await expect(page.getByLabel("Step 3", { exact: true })).toBeFocused();
  await page.keyboard.type("A step I do not want");
  await press(page, page.getByRole("button", { name: "Remove step 3" }));
  await expect(page.getByLabel("Step 3", { exact: true })).toHaveCount(0);
  await type(page, page.getByLabel("Who can help? (optional)"), "The link worker");
  await screenshot(page, "plan-goal");
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expect(h1(page)).toHaveText("My goals");

  await press(page, page.getByRole("button", { name: "Add a goal" }));
  await expect(h1(page)).toHaveText("Goal 2");
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expectErrors(page, ["Enter your goal, in your own words"], "a goal with no words");
  await type(page, page.getByLabel("What is your goal?"), "Sort out my bills");
  await type(page, page.getByLabel("Step 1", { exact: true }), "Book the Citizens Advice drop-in");
  await type(page, page.getByLabel("Who can help? (optional)"), "My sister Jo");
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expect(h1(page)).toHaveText("My goals");
  const cards = page.locator(".nhsuk-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText("Go for a walk with other people");
  await expect(cards.nth(0)).toContainText("2 small steps, 0 done");
  await expect(cards.nth(1)).toContainText("Sort out my bills");
  await expectNoAxeViolations(page, "my goals");
  await screenshot(page, "plan-goals");
  await answerCompleted(page, true);
  await expect(status(page, "goals")).toHaveText("Completed");

  // Support and activities.
  await press(page, page.getByRole("link", { name: "Support and activities" }));
  await expect(h1(page)).toHaveText("Support and activities");
  await press(page, page.getByRole("button", { name: "Add a group or service" }));
  await expect(page.getByLabel("Name of the group or service")).toBeFocused();
  await page.keyboard.type("Elm Park walking group");
  await type(page, page.getByLabel("Contact details (optional)"), "0113 496 0000");
  await type(page, page.getByLabel("When (optional)"), "Tuesdays at 10am");
  await expectNoAxeViolations(page, "support and activities");
  await screenshot(page, "plan-support");
  await answerCompleted(page, true);

  // If things get harder: urgent help is always there.
  await press(page, page.getByRole("link", { name: "If things get harder" }));
  await expect(h1(page)).toHaveText("If things get harder");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");
  await expect(main.getByRole("link", { name: "Call NHS 111" })).toHaveAttribute("href", "tel:111");
  await expect(main.getByRole("link", { name: "Call Samaritans free on 116 123" })).toHaveAttribute("href", "tel:116123");
  await type(page, page.getByLabel("Who can you call? (optional)"), "My sister Jo, 07700 900 123");
  await expectNoAxeViolations(page, "if things get harder");
  await screenshot(page, "plan-if-things-get-harder");
  await answerCompleted(page, true);

  // Review: a date in the past is asked to be changed; the draft is kept.
  await press(page, page.getByRole("link", { name: "Review", exact: true }));
  await expect(h1(page)).toHaveText("Review");
  const reviewDate = page.getByRole("group", { name: "When will you look at this plan again? (optional)" });
  await type(page, reviewDate.getByLabel("Day"), "1");
  await type(page, reviewDate.getByLabel("Month"), "1");
  await type(page, reviewDate.getByLabel("Year"), "2020");
  await type(page, page.getByLabel("Who are you working with? (optional)"), "Will, link worker");
  await choose(page, page.getByLabel("Yes, I have completed this section"));
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expectErrors(page, ["The review date must be today or in the future"], "a review date in the past");
  await screenshot(page, "plan-review-error");
  await reviewDate.getByLabel("Day").fill("14");
  await reviewDate.getByLabel("Month").fill("4");
  await reviewDate.getByLabel("Year").fill(String(nextYear));
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expect(h1(page)).toHaveText("My plan");
  await expect(page.getByTestId("sections-done")).toHaveText("You have completed 5 of 6 sections.");
  await expectNoAxeViolations(page, "the task list with sections done");
  await screenshot(page, "plan-tasks");

  // A review: a step ticked off, the four questions again, what changed.
  await press(page, page.getByRole("link", { name: "Reviews and progress" }));
  await expect(h1(page)).toHaveText("Reviews and progress");
  await expect(page.getByText("You have not looked back at this plan yet.")).toBeVisible();
  await press(page, page.getByRole("button", { name: "Look back at my plan now" }));
  await expect(h1(page)).toHaveText("Look back at your plan");
  await expect(page.getByText(`Today is ${todayLong}.`)).toBeVisible();
  await choose(page, page.getByLabel("Ask about the walking group"));
  await answerWellbeing(page, [6, 6, "rather-not-say", 4]);
  const changed = "I went to the walking group twice.\nI sleep better.";
  await type(page, page.getByLabel("What has changed since you made your plan? (optional)"), changed);
  // A review half written is kept as it is typed.
  await page.reload();
  await expect(page.getByLabel("Ask about the walking group")).toBeChecked();
  await expect(page.getByLabel("What has changed since you made your plan? (optional)")).toHaveValue(changed);
  await expect(page.getByRole("group", { name: "Overall, how anxious did you feel yesterday?" }).getByLabel("4", { exact: true })).toBeChecked();
  await expectNoAxeViolations(page, "a review");
  await screenshot(page, "plan-progress-review");
  await press(page, page.getByRole("button", { name: "Save this review" }));
  await expect(h1(page)).toHaveText("Reviews and progress");

  // The chart's table, as a screen reader reads it.
  const table = page.getByTestId("scores-table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveText(
    [`Start, ${todayShort}`, "4 out of 10 (low)", "5 out of 10 (medium)", "3 out of 10 (low)", "8 out of 10 (high)"].join(""),
  );
  await expect(rows.nth(1)).toHaveText(
    [`Review 1, ${todayShort}`, "6 out of 10 (medium)", "6 out of 10 (medium)", "I would rather not say", "4 out of 10 (medium)"].join(""),
  );
  await expect(table.locator("thead th")).toHaveText(["When", "Life satisfaction", "Feeling things are worthwhile", "Happiness", "Anxiety"]);
  // Four charts; anxiety went down from 8 to 4, drawn going up, with its bands named.
  const charts = page.getByTestId("chart");
  await expect(charts).toHaveCount(4);
  const anxiety = page.getByRole("img", { name: "Anxiety: a lower score is better, so better is higher up" });
  await expect(anxiety).toBeVisible();
  const ys = await anxiety.locator("circle").evaluateAll((circles) => circles.map((c) => Number(c.getAttribute("cy"))));
  expect(ys).toHaveLength(2);
  expect(ys[1]).toBeLessThan(ys[0]);
  await expect(anxiety.locator("text")).toContainText(["Very low", "0 to 1", "Low", "Medium", "High", "6 to 10"]);
  // "I would rather not say" is no point on the happiness chart.
  await expect(page.getByRole("img", { name: /^Happiness/ }).locator("circle")).toHaveCount(1);
  await expect(page.getByText("What changed: I went to the walking group twice.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Ask about the walking group" })).toBeVisible();
  await expectNoAxeViolations(page, "reviews and progress");
  await screenshot(page, "plan-progress");

  // Everything is there after a reload, exactly as typed.
  await page.reload();
  await expect(page.getByTestId("scores-table").locator("tbody tr")).toHaveCount(2);
  await page.goto(`${served.url}plan/`);
  await expect(status(page, "about-me")).toHaveText("Completed");
  await expect(status(page, "wellbeing")).toHaveText("In progress");
  await expect(status(page, "goals")).toHaveText("Completed");
  await expect(status(page, "support")).toHaveText("Completed");
  await expect(status(page, "if-things-get-harder")).toHaveText("Completed");
  await expect(status(page, "review")).toHaveText("Completed");
  await page.getByRole("link", { name: "About me" }).click();
  await expect(page.getByLabel("What matters to you? (optional)")).toHaveValue(matters);
  await expect(page.getByLabel("What do you like to be called? (optional)")).toHaveValue("Siobhán");
  await expect(page.getByLabel("Yes, I have completed this section")).toBeChecked();
  await page.goto(`${served.url}plan/goals/`);
  await page.getByRole("link", { name: "Change goal 1" }).click();
  await expect(h1(page)).toHaveText("Goal 1");
  await expect(page.getByLabel("Step 1", { exact: true })).toHaveValue("Ask about the walking group");
  await expect(page.getByLabel("I have done step 1")).toBeChecked();
  await expect(page.getByRole("group", { name: "When will you do step 1? (optional)" }).getByLabel("Year")).toHaveValue(String(nextYear));
  await expect(page.getByLabel("Step 2", { exact: true })).toHaveValue("Go to one walk");
  await expect(page.getByLabel("I have done step 2")).not.toBeChecked();
  await expectNoAxeViolations(page, "a goal");
  await page.goto(`${served.url}plan/wellbeing/`);
  await expect(page.getByRole("group", { name: "Overall, how anxious did you feel yesterday?" }).getByLabel("8", { exact: true })).toBeChecked();

  // At 320 pixels wide the longest pages do not scroll sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["plan/wellbeing/", "plan/progress/", "plan/goals/", "plan/one-page/"]) {
    await page.goto(served.url + path);
    await expect(h1(page)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} is ${overflow}px too wide`).toBeLessThanOrEqual(0);
  }
  await page.goto(`${served.url}plan/wellbeing/`);
  await expectEvenScale(page.getByRole("group", { name: "Overall, how satisfied are you with your life nowadays?" }));
  await screenshot(page, "plan-wellbeing-320");
});

/**
 * The 0 to 10 answers of one question are laid out evenly: 0, 10 and "I
 * would rather not say" each on a line of their own, 1 to 9 in three rows of
 * three, each answer (its radio and label) a target of at least 44 by 44 pixels.
 */
async function expectEvenScale(group) {
  // The page's first screen may be drawn before its answers are: wait for all twelve.
  await expect(group.locator(".nhsuk-radios__item")).toHaveCount(12);
  const boxes = await group.locator(".nhsuk-radios__item").evaluateAll((items) =>
    items.map((item) => {
      // The radio (NHS.UK's 44 pixel touch target) and its label both choose the answer.
      const radio = item.querySelector("input").getBoundingClientRect();
      const label = item.querySelector("label").getBoundingClientRect();
      const width = Math.max(radio.right, label.right) - Math.min(radio.left, label.left);
      const height = Math.max(radio.bottom, label.bottom) - Math.min(radio.top, label.top);
      return { text: item.textContent.trim(), top: Math.round(item.getBoundingClientRect().top), width, height };
    }),
  );
  const rows = [];
  for (const box of boxes) {
    const row = rows.find((r) => Math.abs(r.top - box.top) < 4);
    if (row) row.texts.push(box.text.split(" ")[0]);
    else rows.push({ top: box.top, texts: [box.text.split(" ")[0]] });
  }
  expect(rows.map((r) => r.texts.join(" "))).toEqual(["0", "1 2 3", "4 5 6", "7 8 9", "10", "I"]);
  for (const box of boxes) {
    expect(box.width, box.text).toBeGreaterThanOrEqual(44);
    expect(box.height, box.text).toBeGreaterThanOrEqual(44);
  }
}

test("the plan on one page is printed, copied, emailed and read aloud; an earlier version stays readable; plans are deleted after a confirmation", async ({ context, watch }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // What the phone would say aloud is written down instead.
  await context.addInitScript(() => {
    if (window.speechSynthesis) {
      window.speechSynthesis.speak = (utterance) => (window.spoken = utterance.text);
    }
  });
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}plan/`);
  await page.getByRole("button", { name: "Start my plan" }).click();
  await page.getByRole("link", { name: "About me" }).click();
  await page.getByLabel("What do you like to be called? (optional)").fill("Siobhán");
  await page.getByLabel("What matters to you? (optional)").fill("My garden");
  await page.goto(`${served.url}plan/goals/`);
  await page.getByRole("button", { name: "Add a goal" }).click();
  await page.getByLabel("What is your goal?").fill("Go for a walk");
  await page.getByLabel("Step 1", { exact: true }).fill("Ring Jo");

  await page.goto(`${served.url}plan/`);
  await page.getByRole("link", { name: "My plan on one page" }).click();
  await expect(h1(page)).toHaveText("Siobhán's plan");
  await expect(page.getByText(`Started on ${todayLong}`)).toBeVisible();
  const about = page.locator(".app-plan-part").filter({ has: page.getByRole("heading", { name: "About me" }) });
  await expect(about.locator(".nhsuk-summary-list__row")).toHaveText(["I like to be calledSiobhán", "What matters to meMy garden"]);
  await expect(page.locator(".app-plan-part").filter({ hasText: "My goals" })).toContainText("- Ring Jo");
  // Urgent help is part of the plan itself, so it is on paper too.
  await expect(page.getByRole("main").getByRole("link", { name: "Call Samaritans free on 116 123" })).toBeVisible();
  await expectNoAxeViolations(page, "the plan on one page");
  await screenshot(page, "plan-one-page");

  // Email to myself: the mail app opens with the plan as text.
  const mailto = decodeURIComponent(await page.getByRole("button", { name: "Email my plan to myself" }).getAttribute("href"));
  expect(mailto.startsWith("mailto:?subject=Siobhán's plan&body=Siobhán's plan\n")).toBe(true);
  expect(mailto).toContain("What matters to me:\nMy garden");
  expect(mailto).toContain("To talk to someone at any time, call Samaritans free on 116 123.");
  const body = mailto.slice(mailto.indexOf("&body=") + "&body=".length);

  // Copy as text: the same text.
  await page.getByRole("button", { name: "Copy my plan as text" }).click();
  await expect(page.getByText("Copied. You can paste your plan into a message or a note.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(body);

  // Read aloud, where the browser can speak.
  await page.getByRole("button", { name: "Read my plan aloud" }).click();
  expect(await page.evaluate(() => window.spoken)).toBe(body);

  // On paper: large text, without the app's header, links back or buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.nhsuk-header")).toBeHidden();
  await expect(page.getByRole("link", { name: "Back" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print my plan" })).toBeHidden();
  await expect(h1(page)).toBeVisible();
  await expect(page.getByText("My garden")).toBeVisible();
  await expect(page.getByRole("main").getByText("Do you want to talk to someone, day or night?")).toBeVisible();
  const size = await page.getByText("My garden").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(21);
  await screenshot(page, "plan-one-page-print");
  await page.emulateMedia({ media: "screen" });

  // A browser that cannot speak shows no button to read aloud.
  const mute = await context.newPage();
  await mute.addInitScript(() => {
    delete Window.prototype.speechSynthesis;
    delete window.speechSynthesis;
  });
  await mute.goto(`${served.url}plan/one-page/`);
  await expect(h1(mute)).toHaveText("Siobhán's plan");
  await expect(mute.getByRole("button", { name: "Copy my plan as text" })).toBeVisible();
  await expect(mute.getByRole("button", { name: "Read my plan aloud" })).toHaveCount(0);
  await mute.close();

  // A new version: the earlier one is kept as it was, to read.
  await page.goto(`${served.url}plan/`);
  await page.getByRole("button", { name: "Start a new version of my plan" }).click();
  await expect(page.getByRole("heading", { name: "Earlier plans" })).toBeVisible();
  await page.getByRole("link", { name: "About me" }).click();
  await page.getByLabel("What do you like to be called? (optional)").fill("Shiv");
  await page.goto(`${served.url}plan/`);
  await page.getByRole("link", { name: `Plan started ${todayShort}` }).click();
  await expect(h1(page)).toHaveText("Siobhán's plan");
  await expect(page.getByText("This is an earlier version of your plan. It is kept as it was.")).toBeVisible();
  await expectNoAxeViolations(page, "an earlier plan");
  await page.goto(`${served.url}plan/one-page/`);
  await expect(h1(page)).toHaveText("Shiv's plan");

  // Deleting asks first; "No, keep it" keeps it.
  await page.goto(`${served.url}plan/`);
  await page.getByRole("link", { name: "Delete this plan from this phone" }).click();
  await expect(h1(page)).toHaveText("Are you sure you want to delete this plan?");
  await expectNoAxeViolations(page, "deleting a plan");
  await screenshot(page, "plan-delete");
  await page.getByRole("button", { name: "No, keep it" }).click();
  await expect(h1(page)).toHaveText("My plan");
  expect(await storedText(page)).toContain("Shiv");
  await page.getByRole("link", { name: "Delete this plan from this phone" }).click();
  await page.getByRole("button", { name: "Yes, delete this plan" }).click();
  await expect(page.getByRole("region", { name: "Done" })).toContainText("Your plan has been deleted from this phone");
  await expectNoAxeViolations(page, "the task list after deleting");
  // The earlier plan is now the one shown.
  await expect(page.getByRole("heading", { name: "Earlier plans" })).toBeHidden();
  await page.getByRole("link", { name: "My plan on one page" }).click();
  await expect(h1(page)).toHaveText("Siobhán's plan");
  expect(await storedText(page)).not.toContain("Shiv");

  await page.goto(`${served.url}plan/`);
  await page.getByRole("link", { name: "Delete this plan from this phone" }).click();
  await page.getByRole("button", { name: "Yes, delete this plan" }).click();
  await expect(page.getByRole("button", { name: "Start my plan" })).toBeVisible();
  expect(await storedText(page)).not.toContain("Siobhán");
  await page.reload();
  await expect(page.getByRole("button", { name: "Start my plan" })).toBeVisible();
});

test("a section's page opened before a plan is started says so", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}plan/goals/`);
  await expect(h1(page)).toHaveText("You have not started a plan yet");
  await expectNoAxeViolations(page, "a section with no plan");
  await screenshot(page, "plan-no-plan-yet");
  await page.getByRole("link", { name: "Start your plan" }).click();
  await expect(page.getByRole("button", { name: "Start my plan" })).toBeVisible();
});
