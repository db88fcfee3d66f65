// A volunteer's first day on the practice PC (1280 × 800), and the same on the
// clinic's tablet (768 × 1024): "Start here" leads
// the clinic page, one session runs on two days, a date with no session cannot
// be closed and a closed date is opened again; on a 12-week rota, choosing one
// session's volunteer moves nobody else; each volunteer downloads their own
// calendar file, read by an independent parser before and after a change; a
// follow-up is offered a week after the last appointment, with who is on duty.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";

test.use({ viewport: { width: 1280, height: 800 } });

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const clinic = () => clinicHelpers(served);
const TUESDAY = "Tuesday, 9am to 12:30pm, Room 4";
const THURSDAY = "Thursday, 9am to 12:30pm, Room 4";

/** Types a date into the date fields under `legend`. */
async function typeDate(page, legend, [d, m, y]) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(d);
  await group.getByLabel("Month").fill(m);
  await group.getByLabel("Year").fill(y);
}

/** From the empty clinic page: a session on Tuesdays and Thursdays, and three volunteers who can do both. */
async function setUp(page) {
  await page.getByRole("link", { name: "1. Add the clinic’s sessions" }).click();
  await expect(h1(page)).toHaveText("Sessions and closed dates");
  await page.getByRole("button", { name: "Add a weekly session" }).click();
  await page.getByLabel("Tuesday").check();
  await page.getByLabel("Thursday").check();
  await page.getByLabel("Start time").fill("9am");
  await page.getByLabel("End time").fill("12:30pm");
  await page.getByLabel("Room").fill("Room 4");
  await page.getByRole("button", { name: "Add this session" }).click();
  await expect(page.getByTestId("weekly-sessions")).toContainText(TUESDAY);
  await expect(page.getByTestId("weekly-sessions")).toContainText(THURSDAY);
  await page.goto(`${served.url}clinic/volunteers/`);
  for (const name of ["Ann Jones", "Bob Singh", "Cat Evans"]) await clinic().addVolunteer(page, name, [TUESDAY, THURSDAY]);
}

/** Who the rota shows at each session, by its label. */
async function rotaNow(page) {
  const selects = page.getByTestId("rota").locator("select");
  const out = {};
  for (const select of await selects.all()) {
    const label = await select.evaluate((s) => s.labels[0].textContent);
    out[label] = await select.locator("option:checked").textContent();
  }
  return out;
}

/** Downloads `name`'s calendar file and reads it with ical.js. */
async function calendarOf(page, name) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: `Download ${name}’s duties` }).click();
  const file = await download;
  const text = readFileSync(await file.path(), "utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone")));
  return {
    name: file.suggestedFilename(),
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((v) => {
      const event = new ICAL.Event(v);
      return { uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString(), status: v.getFirstPropertyValue("status") };
    }),
  };
}

/** The first day, as a volunteer does it on the practice PC or on the tablet. */
async function firstDay({ context, watch }) {
  test.setTimeout(150_000);
  const page = await clinic().openClinic(context, watch);

  // Start here: the steps lead the page, none done yet.
  const start = page.getByTestId("start-here");
  await expect(start.getByRole("heading")).toHaveText("Start here: set up the clinic");
  await expect(start).toContainText("0 of 5 done.");
  const firstOnPage = page.locator("main h2").first();
  await expect(firstOnPage).toHaveText("Start here: set up the clinic");
  await expect(start.getByRole("link").first()).toHaveText("1. Add the clinic’s sessions");
  await expectNoAxeViolations(page, "the clinic page with its first steps");
  await screenshot(page, "rota-start-here");

  await setUp(page);

  // A date with no session says so; a closed date can be opened again.
  await page.goto(`${served.url}clinic/sessions/closed/`);
  await typeDate(page, "Date the clinic is closed", ["7", "3", "2026"]);
  await page.getByLabel("Why is it closed?").fill("Staff training");
  await page.getByRole("button", { name: "Close the clinic that day" }).click();
  await expectErrors(page, ["There is no session on Saturday 7 March 2026, so there is nothing to close. Enter a date the clinic runs"], "closing a date with no session");
  await typeDate(page, "Date the clinic is closed", ["10", "3", "2026"]);
  await page.getByRole("button", { name: "Close the clinic that day" }).click();
  await expect(h1(page)).toHaveText("Sessions and closed dates");
  await expect(page.getByTestId("closed-dates")).toContainText("Tuesday 10 March 2026: Staff training");
  await expectNoAxeViolations(page, "sessions with a closed date");
  await screenshot(page, "rota-sessions");
  await page.getByRole("button", { name: "Open again on Tuesday 10 March 2026" }).click();
  await expect(page.getByTestId("closed-dates")).not.toContainText("Tuesday 10 March 2026");
  await page.reload();
  await expect(page.getByTestId("closed-dates")).not.toContainText("Tuesday 10 March 2026");

  await page.goto(`${served.url}clinic/`);
  await expect(start).toContainText("2 of 5 done.");
  await expect(page.locator("#setup-step-0-status")).toHaveText("Done");
  await expect(page.locator("#setup-step-2-status")).toHaveText("To do");

  // Twelve weeks of Tuesdays and Thursdays.
  await page.goto(`${served.url}clinic/rota/`);
  await expect(page.getByTestId("rota").locator("tbody tr")).toHaveCount(24);
  await expect(page.getByTestId("calendars")).toHaveCount(0);
  const shown = await rotaNow(page);
  const thursday19 = "On duty, Thursday 19 March 2026, 9am to 12:30pm, Room 4";
  const thursday26 = "On duty, Thursday 26 March 2026, 9am to 12:30pm, Room 4";
  expect(Object.keys(shown)).toContain(thursday19);
  expect(Object.keys(shown)).toContain("On duty, Thursday 21 May 2026, 9am to 12:30pm, Room 4");

  // Thursday 19 March to someone the suggestion did not pick: nothing else moves.
  const other = (label) => ["Ann Jones", "Bob Singh", "Cat Evans"].find((n) => n !== shown[label]);
  const first = other(thursday19);
  await page.getByLabel(thursday19).selectOption({ label: first });
  await expect(page.getByLabel(thursday19).locator("option:checked")).toHaveText(first);
  expect(await rotaNow(page)).toEqual({ ...shown, [thursday19]: first });
  // Then Thursday 26 March: Thursday 19 stays, and still nothing else moves.
  const second = other(thursday26);
  await page.getByLabel(thursday26).selectOption({ label: second });
  await expect(page.getByLabel(thursday26).locator("option:checked")).toHaveText(second);
  expect(await rotaNow(page)).toEqual({ ...shown, [thursday19]: first, [thursday26]: second });
  await page.reload();
  await expect(page.getByLabel(thursday26).locator("option:checked")).toHaveText(second);
  expect(await rotaNow(page)).toEqual({ ...shown, [thursday19]: first, [thursday26]: second });

  // Keeping it says so beside the button, where focus goes.
  await page.getByRole("button", { name: "Keep this rota" }).click();
  const kept = page.getByTestId("rota-kept");
  await expect(kept).toBeFocused();
  await expect(kept).toBeInViewport();
  await expect(kept).toContainText("This rota is kept.");
  expect(await rotaNow(page)).toEqual({ ...shown, [thursday19]: first, [thursday26]: second });
  await expectNoAxeViolations(page, "the rota, kept");
  await screenshot(page, "rota-kept");

  // Each volunteer's own calendar file, before and after a change.
  const ann = await calendarOf(page, "Ann Jones");
  expect(ann.name).toBe("clinic-duties-ann-jones.ics");
  expect(ann.method).toBe("PUBLISH");
  const annRows = Object.entries(await rotaNow(page)).filter(([, who]) => who === "Ann Jones");
  // A duty of hers handed on by hand before any export may come as cancelled;
  // every duty she has now comes as confirmed.
  const annConfirmed = ann.events.filter((e) => e.status === "CONFIRMED");
  expect(annConfirmed).toHaveLength(annRows.length);
  expect(ann.events.every((e) => ["CONFIRMED", "CANCELLED"].includes(e.status))).toBe(true);
  const [handedLabel] = annRows[0];
  const handedTo = handedLabel === thursday19 ? "Cat Evans" : "Bob Singh";
  await page.getByLabel(handedLabel).selectOption({ label: handedTo });
  await expect(page.getByLabel(handedLabel).locator("option:checked")).toHaveText(handedTo);
  const annAfter = await calendarOf(page, "Ann Jones");
  expect(annAfter.events).toHaveLength(ann.events.length);
  const wasCancelled = new Set(ann.events.filter((e) => e.status === "CANCELLED").map((e) => e.uid));
  const cancelled = annAfter.events.filter((e) => e.status === "CANCELLED" && !wasCancelled.has(e.uid));
  expect(cancelled).toHaveLength(1);
  const before = ann.events.find((e) => e.uid === cancelled[0].uid);
  expect(cancelled[0].sequence).toBeGreaterThan(before.sequence);
  const theirs = await calendarOf(page, handedTo);
  const taken = theirs.events.find((e) => e.uid === cancelled[0].uid);
  expect(taken).toMatchObject({ status: "CONFIRMED", sequence: cancelled[0].sequence, start: before.start });
}

const FIRST_DAY = "a first-time volunteer is led through setting up, and choosing one session's volunteer moves nobody else";
test(`${FIRST_DAY} (the practice PC)`, firstDay);
test.describe("on the clinic's tablet", () => {
  test.use({ viewport: { width: 768, height: 1024 } });
  test(`${FIRST_DAY} (a tablet, 768 × 1024)`, firstDay);
});

test("a follow-up is offered a week after the last appointment, as a follow-up, with who is on duty", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const page = await clinic().openClinic(context, watch);
  await setUp(page);
  await page.goto(`${served.url}clinic/rota/`);
  const onTuesday3 = await page.getByLabel("On duty, Tuesday 3 March 2026, 9am to 12:30pm, Room 4").locator("option:checked").textContent();
  await page.getByRole("button", { name: "Keep this rota" }).click();
  await expect(page.getByTestId("rota-kept")).toBeFocused();

  await clinic().addPerson(page, "Sam Patel", "GP", "Face to face");
  await page.getByRole("button", { name: "Book an appointment" }).click();
  await expect(page.getByLabel("First appointment")).toBeChecked();
  await expect(page.getByTestId("next-fitting")).toContainText(`Tuesday 3 March 2026, 9am to 9:45am, Room 4 (${onTuesday3} on duty)`);
  // Free times reach 12 weeks ahead, each with who is on duty.
  const free = page.getByTestId("free-times");
  await expect(free.getByRole("heading", { name: /^Thursday 21 May 2026, Room 4 \(.+ on duty\)$/ })).toBeVisible();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByTestId("upcoming")).toContainText(`Tuesday 3 March 2026, 9am to 9:45am, Room 4: first appointment, face to face (${onTuesday3} on duty)`);

  // The next booking is a follow-up, a week after the first: not the same morning.
  await page.getByRole("button", { name: "Book an appointment" }).click();
  await expect(page.getByLabel("Follow-up")).toBeChecked();
  await expect(page.getByTestId("follow-up-gap")).toHaveText("A follow-up is offered from Tuesday 10 March 2026, a week after their last appointment.");
  await expect(page.getByTestId("next-fitting")).toContainText("Tuesday 10 March 2026, 9am to 9:20am, Room 4");
  await expect(free).not.toContainText("Tuesday 3 March 2026");
  await expectNoAxeViolations(page, "booking a follow-up");
  await screenshot(page, "rota-book-follow-up");
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByTestId("upcoming")).toContainText("Tuesday 10 March 2026, 9am to 9:20am, Room 4: follow-up, face to face");
});
