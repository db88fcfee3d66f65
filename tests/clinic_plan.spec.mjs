// A volunteer builds a plan with a person on the clinic's device, from their
// record, by keyboard: about them, the wellbeing questions, a goal with a
// small step, and a service picked from the practice's directory. Weeks
// later they review it with the wellbeing questions again, hand it to the
// person's phone by a QR code (read off the screen and opened in a fresh
// browser), and the reports count the change in wellbeing from the plans,
// with "fewer than 5" until five people have two answers.
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { changeStored, storedDocuments } from "./support/stored.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";
import { type, press, choose } from "./support/keyboard.mjs";
import { readQr } from "./support/qr.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const scores = ([satisfied, worthwhile, happy, anxious]) => ({
  satisfied: { score: satisfied },
  worthwhile: { score: worthwhile },
  happy: { score: happy },
  anxious: { score: anxious },
});

/** A plan made at the clinic in March, answered at the start and at a review on 20 March. */
const plan = (person, first, latest) => ({
  person,
  book: {
    plans: [{
      id: `plan-${person}`,
      started: "2026-03-02",
      wellbeing: scores(first),
      wellbeing_on: "2026-03-02",
      reviews: [{ on: "2026-03-20", wellbeing: scores(latest), changed: "", steps_done: [] }],
    }],
  },
});

const person = (id, name) => ({ id, name, referred_on: "2026-02-16", source: "gp", status: "active" });
/** Dot's answers when she was referred, kept on her record (as older files have them). */
const DOT_REFERRED = [{ on: "2026-02-16", scores: scores([3, 4, 4, 9]) }];

/** Four people whose plans have two answers each, and Dot Dogwood, who has no plan yet. */
const CLINIC = {
  people: [person(101, "Amy Ash"), person(102, "Ben Birch"), person(103, "Cas Cedar"), person(104, "Dee Dogwood"), { ...person(105, "Dot Dogwood"), wellbeing: DOT_REFERRED }],
  // Life satisfaction +3, +1, +2 and 0.
  plans: [
    plan(101, [3, 5, 5, 7], [6, 6, 6, 4]),
    plan(102, [4, 5, 5, 6], [5, 5, 6, 5]),
    plan(103, [5, 6, 6, 5], [7, 7, 7, 3]),
    plan(104, [6, 6, 6, 4], [6, 6, 6, 4]),
  ],
};

const DIRECTORY = {
  services: [
    { id: 501, name: "Walk and Talk", phone: "0113 496 0000", place: "Park Lane", days: [1], when: "10am to 11am", checked_on: "2026-02-01" },
    { id: 502, name: "Benefits advice", phone: "0113 496 0001", days: [3], when: "2pm to 4pm", checked_on: "2026-02-01" },
  ],
};

const envelope = (kind, data) => JSON.stringify({ kind, version: 1, revision: 1, saved_at: "2026-03-01T09:00:00Z", data });

/** Answers the four wellbeing questions by keyboard. */
async function answerWellbeing(page, answers) {
  const questions = [
    "Overall, how satisfied are you with your life nowadays?",
    "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
    "Overall, how happy did you feel yesterday?",
    "Overall, how anxious did you feel yesterday?",
  ];
  for (const [n, question] of questions.entries()) {
    const group = page.getByRole("group", { name: question });
    await choose(page, group.getByLabel(String(answers[n]), { exact: true }));
  }
}

const figure = (page, measure) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: measure, exact: true }) }).getByRole("cell");

async function marchReport(page) {
  await page.goto(`${served.url}clinic/reports/?from=2026-03-01&to=2026-03-31`);
  await expect(page.getByTestId("report-period")).toHaveText("1 March 2026 to 31 March 2026");
}

test("a plan built with a person at the clinic, reviewed, given to their phone by QR code, and counted in the reports", async ({ browser, context, watch }) => {
  test.setTimeout(240_000);
  const page = await clinicHelpers(served).openClinic(context, watch);
  await changeStored(page, { "sp.clinic": envelope("clinic", CLINIC), "sp.directory": envelope("directory", DIRECTORY) });

  // Four people have two answers: too few to show.
  await marchReport(page);
  await expect(figure(page, "Life satisfaction: average change")).toHaveText("not shown: fewer than 5 people");

  // Dot's record: no plan yet.
  await page.goto(`${served.url}clinic/person/?id=105`);
  await expect(h1(page)).toHaveText("Dot Dogwood");
  await expect(page.getByText("No plan yet.")).toBeVisible();
  await press(page, page.getByRole("link", { name: "Build a plan with them" }));
  await expect(h1(page)).toHaveText("Their plan");
  await expectNoAxeViolations(page, "a person with no plan yet");
  await screenshot(page, "clinic-plan-none");
  await press(page, page.getByRole("button", { name: "Start a plan with them" }));

  // About them, in their words.
  await expect(h1(page)).toHaveText("About them");
  await type(page, page.getByLabel("What do they like to be called? (optional)"), "Dot");
  await type(page, page.getByLabel("What matters to them? (optional)"), "My allotment\nSeeing my sister");
  await expectNoAxeViolations(page, "about them");
  await screenshot(page, "clinic-plan-about");
  await press(page, page.getByRole("button", { name: "Save" }));
  await expect(h1(page)).toHaveText("Their plan");
  await expect(page.getByTestId("plan-about")).toContainText("My allotment");

  // The wellbeing questions: each must be answered (or "rather not say").
  await press(page, page.getByRole("link", { name: "Ask the wellbeing questions" }));
  await expect(h1(page)).toHaveText("Their wellbeing today");
  await page.getByRole("group", { name: "Overall, how happy did you feel yesterday?" }).getByLabel("5", { exact: true }).focus();
  await page.keyboard.press("Space");
  await press(page, page.getByRole("button", { name: "Save" }));
  await expectErrors(page, [
    "Life satisfaction: select a number from 0 to 10, or I would rather not say",
    "Anxiety: select a number from 0 to 10, or I would rather not say",
  ], "the wellbeing questions not all answered");
  await screenshot(page, "clinic-plan-wellbeing-errors");
  await answerWellbeing(page, [4, 5, 5, 8]);
  await press(page, page.getByRole("button", { name: "Save" }));
  await expect(h1(page)).toHaveText("Their plan");
  await expect(page.getByTestId("plan-wellbeing")).toContainText("4 out of 10 (low)");

  // A goal with a first small step.
  await press(page, page.getByRole("link", { name: "Add a goal" }));
  await expect(h1(page)).toHaveText("Add a goal");
  await press(page, page.getByRole("button", { name: "Add the goal" }));
  await expectErrors(page, ["Enter the goal, in their own words"], "a goal with no words");
  await type(page, page.getByLabel("What is their goal?"), "Get out of the house more");
  await type(page, page.getByLabel("What is a first small step? (optional)"), "Go to the walking group on Tuesday");
  await press(page, page.getByRole("button", { name: "Add the goal" }));
  await expect(h1(page)).toHaveText("Their plan");
  await expect(page.getByTestId("plan-goals")).toContainText("Go to the walking group on Tuesday");

  // A service from the practice's directory, chosen by typing its name.
  await press(page, page.getByRole("link", { name: "Add a group or service" }));
  await expect(h1(page)).toHaveText("Add a group or service");
  await press(page, page.getByRole("button", { name: "Add it to the plan" }));
  await expectErrors(page, ["Choose a service from the directory, or enter the name of a group or service"], "no service chosen");
  const service = page.getByLabel("Choose from the practice's directory");
  await service.focus();
  await page.keyboard.type("Walk");
  await expect(service).toHaveValue("501");
  await expectNoAxeViolations(page, "a service chosen from the directory");
  await screenshot(page, "clinic-plan-support");
  await press(page, page.getByRole("button", { name: "Add it to the plan" }));
  await expect(h1(page)).toHaveText("Their plan");
  await expect(page.getByTestId("plan-activities")).toContainText("Walk and Talk: 0113 496 0000, Park Lane. Tuesdays, 10am to 11am");
  await expectNoAxeViolations(page, "the plan built");
  await screenshot(page, "clinic-plan-built");

  // Kept with the clinic, in its own part, not in the phone's own plans.
  const stored = await storedDocuments(page);
  expect(stored["sp.clinic-part-plans"]).toContain("My allotment");
  expect(stored["sp.clinic"]).not.toContain("My allotment");
  expect(stored["sp.plans"] ?? "").not.toContain("My allotment");

  // Four weeks later: the review, with the wellbeing questions again.
  await page.clock.setFixedTime(new Date("2026-03-30T10:00:00Z"));
  await page.reload();
  await expect(h1(page)).toHaveText("Their plan");
  await press(page, page.getByRole("button", { name: "Review the plan with them" }));
  await expect(h1(page)).toHaveText("Review the plan");
  await answerWellbeing(page, [8, 7, 7, 3]);
  await type(page, page.getByLabel("What has changed since the plan was made? (optional)"), "Goes walking every week");
  await choose(page, page.getByLabel("Go to the walking group on Tuesday (Get out of the house more)"));
  await expectNoAxeViolations(page, "a review");
  await screenshot(page, "clinic-plan-review");
  await press(page, page.getByRole("button", { name: "Save the review" }));
  await expect(h1(page)).toHaveText("Their plan");
  await expect(page.getByText("Reviewed once.")).toBeVisible();
  await expect(page.getByTestId("plan-wellbeing")).toContainText("Review 1");
  await expect(page.getByTestId("plan-goals")).toContainText("Go to the walking group on Tuesday (done)");

  // Given to Dot's phone by the QR code, read off the screen.
  await press(page, page.getByRole("button", { name: "Show the QR code" }));
  await expect(h1(page)).toHaveText("Give them their plan");
  const qr = page.getByTestId("qr-code");
  await expect(qr).toBeVisible();
  await expectNoAxeViolations(page, "the plan in a QR code");
  await screenshot(page, "clinic-plan-give");
  const link = await qr.getAttribute("data-link");
  expect(link.startsWith(`${served.url}plan/receive/#p=2.`)).toBe(true);
  const read = await readQr(qr);
  expect(read.data).toBe(link);
  const side = Number((await qr.getAttribute("viewBox")).split(" ")[2]);
  const version = (side - 8 - 17) / 4;
  console.log(`clinic plan link: ${link.length} characters, QR version ${version}`);
  expect(version).toBeLessThanOrEqual(25);

  const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const phone = await openPage(other, watch, served.origin);
    await phone.goto(read.data);
    await expect(h1(phone)).toHaveText("Dot's plan");
    await expect(phone.getByText("My allotment")).toBeVisible();
    await expect(phone.getByText("Walk and Talk")).toBeVisible();
    await press(phone, phone.getByRole("button", { name: "Add this plan to this phone" }));
    await expect(h1(phone)).toHaveText("Plan added to this phone");
    await screenshot(phone, "clinic-plan-on-the-phone");
    expect(JSON.stringify(await storedDocuments(phone))).toContain("Goes walking every week");
  } finally {
    await other.close();
  }

  // The record says there is a plan.
  await page.goto(`${served.url}clinic/person/?id=105`);
  await expect(page.getByTestId("plan-summary")).toHaveText(/^Started Monday 2 March 2026\. 1 goal, 1 group or service, 1 review\.$/);

  // Five people with two answers now: the change is shown. Dot's first
  // answer is from her record (16 February), her latest the review's.
  // Life satisfaction +3, +1, +2, 0 and Dot's 3 to 8, +5: +11 over 5 people.
  await marchReport(page);
  await expect(figure(page, "Life satisfaction: average change")).toHaveText("+2.2 (from 5 people)");
  // Anxiety -3, -1, -2, 0 and Dot's 9 to 3, -6: -12 over 5.
  await expect(figure(page, "Anxiety: average change")).toHaveText("-2.4 (from 5 people)");
  await screenshot(page, "clinic-plan-report");
});

test("a plan page for a person the clinic does not have says so", async ({ context, watch }) => {
  const page = await clinicHelpers(served).openClinic(context, watch);
  await changeStored(page, { "sp.clinic": envelope("clinic", CLINIC) });
  await page.goto(`${served.url}clinic/plan/?id=999`);
  await expect(h1(page)).toHaveText("Person not found");
  await expectNoAxeViolations(page, "a plan for nobody");
  await page.goto(`${served.url}clinic/plan/goal/?id=105`);
  await expect(h1(page)).toHaveText("There is no plan yet");
  await expectNoAxeViolations(page, "a goal before there is a plan");
  await screenshot(page, "clinic-plan-no-plan-yet");
});
