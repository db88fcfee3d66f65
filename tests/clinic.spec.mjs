// Volunteers run a clinic: two weekly sessions, three volunteers and a rota
// (kept, changed by hand, downloaded as a calendar file and read back by an
// independent parser), then people booked, a double booking refused, a
// did-not-attend, a follow-up, a concern and a follow-up in the log.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";
import { changeStored } from "./support/stored.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const clinic = () => clinicHelpers(served);

test("volunteers set up sessions and a rota, change it by hand, and download it as a calendar file", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const page = await clinic().openClinic(context, watch);
  await expectNoAxeViolations(page, "the clinic's front page, empty");
  await clinic().setUpClinic(page);
  await screenshot(page, "clinic-volunteers");

  // A session that would double-book the room, and forms left empty or wrong.
  await page.goto(`${served.url}clinic/sessions/weekly/`);
  await page.getByRole("button", { name: "Add this session" }).click();
  await expectErrors(page, ["Select the days of the week the session runs", "Enter a start time, like 9:30am", "Enter the room, like Room 2"], "the weekly session form, empty");
  await page.getByLabel("Tuesday").check();
  await page.getByLabel("Start time").fill("11am");
  await page.getByLabel("End time").fill("10am");
  await page.getByLabel("Room").fill("Room 4");
  await page.getByRole("button", { name: "Add this session" }).click();
  await expectErrors(page, ["End time must be after the start time"], "the weekly session form, end before start");
  await page.getByLabel("End time").fill("1pm");
  await page.getByRole("button", { name: "Add this session" }).click();
  await expect(page.getByRole("alert")).toContainText("Room 4 is already booked");
  await expectNoAxeViolations(page, "the weekly session form, a clash");
  await screenshot(page, "clinic-session-clash");
  await expect(page.getByLabel("Start time")).toHaveValue("11am");

  await page.goto(`${served.url}clinic/volunteers/add/`);
  await page.getByLabel("Phone number (optional)").fill("0113");
  await page.getByRole("button", { name: "Add this volunteer" }).click();
  await expectErrors(page, ["Enter the volunteer's name", "Enter a UK phone number, like 07700 900 982", "Select the sessions they can usually do"], "the volunteer form, with errors");

  // The rota: four weeks, everyone fairly used, Cat's week away respected.
  await page.goto(`${served.url}clinic/rota/`);
  await expect(h1(page)).toHaveText("The volunteer rota");
  const rows = page.getByTestId("rota").locator("tbody tr");
  await expect(rows).toHaveCount(24);
  await expect(page.getByTestId("uncovered")).toHaveCount(0);
  await expect(page.getByText("This is a suggestion until you keep it.")).toBeVisible();
  const thursday12 = page.getByLabel("On duty, Thursday 12 March 2026, 1:30pm to 5pm, Room 4");
  await expect(thursday12.locator("option:checked")).toHaveText("Bob Singh");
  await page.getByRole("button", { name: "Keep this rota" }).click();
  await expect(page.getByText("This rota is kept: the day view shows who is on duty.")).toBeVisible();
  const shares = await page.getByTestId("shares").innerText();
  const counts = [...shares.matchAll(/: (\d+) session/g)].map((m) => Number(m[1]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(24);
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);

  // Cat is away that week: putting her on by hand warns, and still does it.
  await thursday12.selectOption({ label: "Cat Evans" });
  await expect(page.getByRole("status").filter({ hasText: "Cat Evans is away on Thursday 12 March 2026" })).toBeVisible();
  await expectNoAxeViolations(page, "the rota with a warning");
  await screenshot(page, "clinic-rota");
  await page.reload();
  await expect(thursday12.locator("option:checked")).toHaveText("Cat Evans");

  // Cat's own calendar file, read back by ical.js: her duties only.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Cat Evans’s duties" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("clinic-duties-cat-evans.ics");
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(await file.path(), "utf8")));
  const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  const catsRows = await rows.locator("select option:checked", { hasText: "Cat Evans" }).count();
  expect(events).toHaveLength(catsRows);
  const onThe12th = events.find((e) => e.startDate.toJSDate().toISOString() === "2026-03-12T13:30:00.000Z");
  expect(onThe12th.summary).toBe("Link worker clinic duty");
  expect(onThe12th.location).toContain("Room 4");
  expect(events.every((e) => e.startDate.toJSDate().getUTCDay() === 4)).toBe(true);

  // Shared by QR code: the link opens the rota on a volunteer's phone, with no names of people supported.
  const link = await page.getByTestId("qr-code").getAttribute("data-link");
  expect(link).toContain(`${served.url}clinic/rota/#`);
  const phone = await openPage(await context.browser().newContext({ viewport: { width: 390, height: 844 } }), watch, served.origin);
  try {
    await phone.goto(link);
    await expect(h1(phone)).toHaveText("The volunteer rota");
    const shared = phone.getByTestId("shared-rota");
    await expect(shared.locator(".nhsuk-summary-list__row")).toHaveCount(8);
    await expect(shared.locator(".nhsuk-summary-list__row", { hasText: "Thursday 12 March 2026, 1:30pm to 5pm, Room 4" })).toContainText("Cat Evans");
    await expectNoAxeViolations(phone, "a shared rota on a volunteer's phone");
    await screenshot(phone, "clinic-shared-rota");
  } finally {
    await phone.context().close();
  }

  // Ann leaves: asked once, then off the rota from today, and Bob suggested instead.
  await page.goto(`${served.url}clinic/volunteers/`);
  await page.getByRole("button", { name: "Remove Ann Jones" }).click();
  await expectNoAxeViolations(page, "removing a volunteer");
  await page.getByRole("button", { name: "Yes, remove Ann Jones" }).click();
  await expect(page.getByTestId("volunteers")).not.toContainText("Ann Jones");
  await page.goto(`${served.url}clinic/rota/`);
  const tuesday3 = page.getByLabel("On duty, Tuesday 3 March 2026, 9am to 12:30pm, Room 4");
  await expect(tuesday3.locator("option:checked")).toHaveText("Bob Singh");
});

test("a person is booked, a double booking is refused, a did-not-attend and a follow-up are marked, and a concern is raised and cleared", async ({ context, watch }) => {
  test.setTimeout(150_000);
  const page = await clinic().openClinic(context, watch);
  await clinic().setUpClinic(page);
  await page.goto(`${served.url}clinic/rota/`);
  await page.getByRole("button", { name: "Keep this rota" }).click();

  await page.goto(`${served.url}clinic/people/add/`);
  await page.getByRole("button", { name: "Add this person" }).click();
  await expectErrors(page, ["Enter the person's full name", "Select who referred them", "Select how they would like to meet"], "the person form, empty");
  await clinic().addPerson(page, "Sam Patel", "GP", "Face to face");
  await expectNoAxeViolations(page, "a new person's record");

  // The next time that fits is offered first.
  await page.getByRole("button", { name: "Book an appointment" }).click();
  await expect(h1(page)).toHaveText("Book an appointment");
  await expect(page.getByLabel("First appointment")).toBeChecked();
  await expect(page.getByTestId("next-fitting")).toContainText("Tuesday 3 March 2026, 9am to 9:45am, Room 4");
  await expectNoAxeViolations(page, "booking an appointment");
  await screenshot(page, "clinic-book");
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(h1(page)).toHaveText("Sam Patel");
  await expect(page.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 9am to 9:45am, Room 4: first appointment, face to face");

  // Another person cannot have Sam's time, typed by hand.
  await clinic().addPerson(page, "Jo Bloggs", "Nurse", "Telephone", async () => {
    await page.getByLabel("Tuesday").check();
    await page.getByLabel("Mornings").check();
    await page.getByLabel("Communication needs (optional)").fill("Large print");
  });
  await expect(page.getByTestId("person-details")).toContainText("Tuesdays, mornings");
  await page.getByRole("button", { name: "Book an appointment" }).click();
  await expect(page.getByTestId("next-fitting")).toContainText("Tuesday 3 March 2026, 9:45am to 10:30am, Room 4");
  await page.getByLabel("Tuesday 3 March 2026, 9am to 12:30pm, Room 4").check();
  await page.getByLabel("Start time").fill("9:15am");
  await page.getByRole("button", { name: "Book at this time" }).click();
  await expectErrors(page, ["That time is already booked. Choose a free time"], "a double booking refused");
  await screenshot(page, "clinic-double-booking");
  await page.getByRole("button", { name: "Book 9:45am to 10:30am on Tuesday 3 March 2026" }).click();
  await expect(page.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 9:45am to 10:30am, Room 4: first appointment, telephone");

  // On the day: who is on duty, Sam attended and wants another, Jo did not attend.
  await page.clock.setFixedTime(new Date("2026-03-03T08:30:00Z"));
  await page.goto(`${served.url}clinic/`);
  await page.getByRole("button", { name: "Today's clinic" }).click();
  await expect(page.getByTestId("day-heading")).toHaveText("Tuesday 3 March 2026");
  await expect(page.getByText(/On duty: (Ann Jones|Bob Singh)/)).toBeVisible();
  const sam = page.getByTestId("appointment").filter({ hasText: "Sam Patel" });
  const jo = page.getByTestId("appointment").filter({ hasText: "Jo Bloggs" });
  await sam.getByRole("button", { name: "Attended (Sam Patel)" }).click();
  await expect(sam.getByTestId("outcome")).toHaveText("Attended");
  await sam.getByRole("group", { name: "Was that helpful today?" }).getByLabel("Yes").check();
  await sam.getByRole("group", { name: "Would it be useful to have another appointment?" }).getByLabel("Yes").check();
  await sam.getByRole("button", { name: "Book a follow-up" }).click();
  await expect(sam.getByTestId("follow-up-booked")).toHaveText("Follow-up booked: Tuesday 10 March 2026, 9am to 9:20am.");
  // It is 8:30am: marking Jo as not come before her time is asked first.
  await jo.getByRole("button", { name: "Did not attend (Jo Bloggs)" }).click();
  await expect(jo.getByTestId("not-started")).toBeFocused();
  await expect(jo.getByTestId("not-started")).toContainText("This appointment has not started yet");
  await expectNoAxeViolations(page, "the clinic day, did not attend asked first");
  await jo.getByRole("button", { name: "No, leave it booked" }).click();
  await expect(jo.getByTestId("outcome")).toHaveText("Booked");
  await jo.getByRole("button", { name: "Did not attend (Jo Bloggs)" }).click();
  await jo.getByRole("button", { name: "Yes, they did not attend" }).click();
  await expect(jo.getByTestId("outcome")).toHaveText("Did not attend");
  await expectNoAxeViolations(page, "the clinic day, marked");
  await screenshot(page, "clinic-day");
  await page.reload();
  await expect(jo.getByTestId("outcome")).toHaveText("Did not attend");
  await expect(sam.getByRole("group", { name: "Was that helpful today?" }).getByLabel("Yes")).toBeChecked();

  // A concern: raised with errors first, shown at the top, cleared only with a note.
  await jo.getByRole("link", { name: "Jo Bloggs" }).click();
  await expect(h1(page)).toHaveText("Jo Bloggs");
  await expect(page.getByTestId("past")).toContainText("did not attend");
  await page.getByRole("link", { name: "Raise a concern about Jo Bloggs" }).click();
  await page.getByRole("button", { name: "Raise the concern" }).click();
  await expectErrors(page, ["Select who the concern was escalated to, or ‘Not yet’", "Enter what the concern is"], "the concern form, empty");
  // Written down first, before anyone has been told: never refused for that.
  await page.getByLabel("Not yet: I will escalate it as soon as I can").check();
  await page.getByLabel("What is the concern?").fill("Said they have not eaten for two days.");
  await page.getByRole("button", { name: "Raise the concern" }).click();
  const concern = page.getByTestId("concern");
  await expect(concern).toContainText("Raised on Tuesday 3 March 2026. Not escalated yet. Escalate it to the GP supervisor or Community Navigator as soon as you can.");
  await expectNoAxeViolations(page, "a person with a concern not escalated yet");
  await screenshot(page, "clinic-concern-not-escalated");
  // The clinic's front page leads with it, so that it is not left on one record.
  await page.goto(`${served.url}clinic/`);
  const open = page.getByTestId("open-concerns");
  await expect(open).toContainText("Safeguarding concerns still open");
  await expect(open.getByRole("listitem")).toHaveText("Jo Bloggs: raised Tuesday 3 March 2026, not escalated yet: escalate it now.");
  await expectNoAxeViolations(page, "the clinic's front page with a concern open");
  await open.getByRole("link", { name: "Jo Bloggs" }).click();
  await expect(h1(page)).toHaveText("Jo Bloggs");
  await concern.getByRole("link", { name: "Record who it was escalated to" }).click();
  await expect(h1(page)).toHaveText("Record the escalation");
  await page.getByRole("button", { name: "Record the escalation" }).click();
  await expectErrors(page, ["Select who the concern was escalated to"], "recording an escalation with nobody chosen");
  await page.getByLabel("GP supervisor").check();
  await page.getByRole("button", { name: "Record the escalation" }).click();
  await expect(concern).toContainText("Raised on Tuesday 3 March 2026, escalated to the GP supervisor.");
  await expect(concern).toContainText("Said they have not eaten for two days.");
  await expectNoAxeViolations(page, "a person with a concern raised");
  await screenshot(page, "clinic-concern");
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people").locator("li", { hasText: "Jo Bloggs" })).toContainText("Concern raised");
  await page.getByRole("link", { name: "Jo Bloggs" }).click();
  await concern.getByRole("link", { name: "Clear the concern" }).click();
  await page.getByRole("button", { name: "Clear the concern" }).click();
  await expectErrors(page, ["Enter why the concern can be cleared"], "clearing a concern with no note");
  await page.getByLabel("Why can it be cleared?").fill("GP supervisor called; food bank referral made.");
  await page.getByRole("button", { name: "Clear the concern" }).click();
  await expect(h1(page)).toHaveText("Jo Bloggs");
  await expect(page.getByTestId("concern")).toHaveCount(0);
  await page.goto(`${served.url}clinic/`);
  await expect(h1(page)).toHaveText("Run a clinic");
  await expect(page.getByTestId("open-concerns")).toHaveCount(0);
  await page.goBack();
  await expect(h1(page)).toHaveText("Jo Bloggs");

  // A log line with a follow-up comes back on its day.
  await page.getByRole("button", { name: "Add to the log" }).click();
  await page.getByLabel("What happened?").fill("Called, left message");
  await page.getByLabel("Day").fill("5");
  await page.getByLabel("Month").fill("3");
  await page.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Add to the log" }).click();
  await expect(page.getByTestId("log")).toContainText("Called, left message Follow up on Thursday 5 March 2026.");
  await expect(page.getByTestId("follow-ups")).toHaveCount(0);
  await page.clock.setFixedTime(new Date("2026-03-05T09:00:00Z"));
  await page.goto(`${served.url}clinic/`);
  await expect(page.getByTestId("follow-ups-due")).toContainText("Jo Bloggs: Called, left message");
  const caseload = page.getByTestId("caseload");
  await expect(caseload.locator(".nhsuk-summary-list__row", { hasText: "Active" })).toContainText("2");
  await expect(caseload).toContainText("1 day on average (median), 1 day at most");
  await expectNoAxeViolations(page, "the clinic's front page with a follow-up due");
  await screenshot(page, "clinic-overview");
});

test("a long caseload is listed 20 at a time by status, and a person is found by any part of their name", async ({ context, watch }) => {
  const page = await clinic().openClinic(context, watch);
  // Five years of a clinic is over a thousand people; 30 active and 15
  // finished are enough to see the list stop at 20 and go on when asked.
  const person = (n, status, referredOn) => ({ id: 1000 + n, name: `Person ${String(n).padStart(2, "0")} Smith`, status, referred_on: referredOn, source: "gp" });
  const people = [
    ...Array.from({ length: 30 }, (_, i) => person(i + 1, "active", `2026-01-${String(i + 1).padStart(2, "0")}`)),
    ...Array.from({ length: 15 }, (_, i) => person(i + 31, "finished", `2025-06-${String(i + 1).padStart(2, "0")}`)),
    { ...person(46, "active", "2026-02-02"), name: "Margaret O'Neil", preferred_name: "Peggy" },
    { ...person(47, "waiting", "2026-02-20"), name: "Siobhán O’Neill" },
  ];
  const envelope = { kind: "clinic", version: 1, revision: 1, saved_at: "2026-03-01T09:00:00Z", data: { people } };
  await changeStored(page, { "sp.clinic": JSON.stringify(envelope) });
  await page.goto(`${served.url}clinic/people/`);
  await expect(h1(page)).toHaveText("People and appointments");

  const found = page.getByTestId("people-found");
  const list = page.getByTestId("people");
  await expect(found).toHaveText("47 people");
  await expect(page.getByRole("heading", { name: "Active (31)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Finished (15)" })).toBeVisible();
  // Active people longest referred first; finished people latest first.
  const active = list.getByRole("list").nth(1).getByRole("link");
  await expect(active).toHaveCount(20);
  await expect(active.first()).toHaveText("Person 01 Smith");
  await expect(list.getByRole("listitem").filter({ hasText: "Person 01 Smith" })).toContainText("Referred Thursday 1 January 2026 by their GP");
  const finished = list.getByRole("list").nth(2).getByRole("link");
  await expect(finished).toHaveCount(15);
  await expect(finished.first()).toHaveText("Person 45 Smith");
  await expect(page.getByRole("button", { name: /more finished/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "the people page, a long caseload");
  await screenshot(page, "clinic-people-long");

  // By keyboard: the next 11 active people, and focus on the first of them.
  await page.getByRole("button", { name: "Show 11 more active people" }).focus();
  await page.keyboard.press("Enter");
  await expect(active).toHaveCount(31);
  await expect(page.getByRole("link", { name: "Person 21 Smith" })).toBeFocused();
  await expect(page.getByRole("button", { name: /more active/ })).toHaveCount(0);

  // Found by part of a name, in any case, or by the name they go by.
  const search = page.getByRole("textbox", { name: "Find a person" });
  await search.focus();
  // Every word typed must be in the name: "4" and "smith".
  await page.keyboard.type("SMITH 4");
  await expect(found).toHaveText("10 people found of 47");
  await expect(page.getByRole("heading", { name: "Active (3)" })).toBeVisible();
  await expect(list.getByRole("link")).toHaveText([
    "Person 04 Smith", "Person 14 Smith", "Person 24 Smith",
    "Person 45 Smith", "Person 44 Smith", "Person 43 Smith", "Person 42 Smith", "Person 41 Smith", "Person 40 Smith", "Person 34 Smith",
  ]);
  await search.fill("peggy");
  await expect(found).toHaveText("1 person found of 47");
  await expect(list.getByRole("link")).toHaveText(["Margaret O'Neil"]);
  await expectNoAxeViolations(page, "the people page, a person found");
  await screenshot(page, "clinic-people-found");
  // Typed without the accent or the curly apostrophe the referral gave.
  await search.fill("siobhan o'neill");
  await expect(found).toHaveText("1 person found of 47");
  await expect(list.getByRole("link")).toHaveText(["Siobhán O’Neill"]);
  await search.fill("nobody like this");
  await expect(found).toHaveText("0 people found of 47");
  await expect(list.getByRole("link")).toHaveCount(0);

  // A new search starts from the top again: 20 active people, not 31.
  await search.fill("");
  await expect(found).toHaveText("47 people");
  await expect(active).toHaveCount(20);
  await search.fill("o'neil");
  await list.getByRole("link", { name: "Margaret O'Neil" }).click();
  await expect(h1(page)).toHaveText("Margaret O'Neil");
});
