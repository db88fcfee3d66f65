// A clinic of several years is stored in parts: its head, its appointments a
// year at a time, and its contact logs. The day view of an earlier year
// opens with that year's appointments; a change there keeps every other year
// and every log; another tab sees the change whole; a change to one year made
// just as the page is reloaded, while another tab writes, is kept whole.
import { test, expect, closeAll, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { storedDocuments, changeStored, holdWriting } from "./support/stored.mjs";
import { clinicHelpers, h1, MONDAY } from "./support/clinic.mjs";

/** A clinic of three years, as version 1 of the app stored it: whole, in one document. */
function threeYears() {
  const weekly = { id: 11, weekday: 1, times: { start: 540, end: 750 }, room: "Room 4", first: "2024-01-02", last: "" };
  const sam = {
    id: 21,
    name: "Sam Patel",
    status: "active",
    referred_on: "2024-02-20",
    source: "gp",
    log: [{ id: 31, on: "2024-02-21", by: "Ann", note: "Called, booked in", follow_up: "", follow_up_done: false }],
  };
  const jo = { id: 22, name: "Jo Bloggs", status: "active", referred_on: "2024-02-22", source: "gp" };
  const booking = (id, person, date, start) => ({ id, person, session: 11, date, times: { start, end: start + 45 }, kind: "first", mode: "face-to-face" });
  const data = {
    sessions: { weekly: [weekly] },
    people: [sam, jo],
    bookings: [booking(41, 21, "2024-03-05", 540), booking(42, 22, "2024-03-05", 585), booking(43, 22, "2025-06-03", 540), booking(44, 21, "2026-03-03", 540), booking(45, 22, "2024-12-31", 540)],
  };
  return { kind: "clinic", version: 1, revision: 1, saved_at: "2026-03-01T09:00:00Z", data };
}

/** Opens the clinic with `threeYears` stored, on Tuesday 5 March 2024. */
async function openOnTheEarlierDay(context, watch, served) {
  const page = await clinicHelpers(served).openClinic(context, watch);
  await changeStored(page, { "sp.clinic": JSON.stringify(threeYears()) });
  await page.goto(`${served.url}clinic/day/?date=2024-03-05`);
  return page;
}

test("a day two years back opens with its appointments, a change there keeps every other year and every log, and another tab sees it whole", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openOnTheEarlierDay(context, watch, served);
    await expect(page.getByTestId("day-heading")).toHaveText("Tuesday 5 March 2024");
    const sam = page.getByTestId("appointment").filter({ hasText: "Sam Patel" });
    const jo = page.getByTestId("appointment").filter({ hasText: "Jo Bloggs" });
    await expect(sam).toBeVisible();
    await expect(jo).toBeVisible();
    await jo.getByRole("button", { name: "Did not attend (Jo Bloggs)" }).click();
    await expect(jo.getByTestId("outcome")).toHaveText("Did not attend");
    await expectNoAxeViolations(page, "a clinic day two years back, marked");
    await screenshot(page, "clinic-day-earlier-year");

    // Stored in parts, once changed: the head holds no appointment and no log line.
    await expect.poll(async () => Object.keys(await storedDocuments(page)).sort()).toEqual([
      "sp.clinic",
      "sp.clinic-part-appointments-2024",
      "sp.clinic-part-appointments-2025",
      "sp.clinic-part-appointments-2026",
      "sp.clinic-part-log",
      "sp.clinic-part-plans",
    ]);
    const stored = await storedDocuments(page);
    const head = JSON.parse(stored["sp.clinic"]);
    expect(head.version).toBe(2);
    expect(head.data.bookings).toBeUndefined();
    expect(head.data.people.map((p) => p.log)).toEqual([undefined, undefined]);
    expect(stored["sp.clinic-part-appointments-2024"]).toContain('"did-not-attend"');

    // Every other year and the log are as they were.
    await sam.getByRole("link", { name: "Sam Patel" }).click();
    await expect(h1(page)).toHaveText("Sam Patel");
    await expect(page.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 9am to 9:45am, Room 4");
    await expect(page.getByTestId("past")).toContainText("Tuesday 5 March 2024");
    await expect(page.getByTestId("log")).toContainText("Called, booked in");
    await page.goto(`${served.url}clinic/day/?date=2025-06-03`);
    await expect(page.getByTestId("day-heading")).toHaveText("Tuesday 3 June 2025");
    await expect(page.getByTestId("appointment").filter({ hasText: "Jo Bloggs" })).toBeVisible();
    // Opened on a day of 2025, the day view goes back into 2024 without a reload.
    await page.goto(`${served.url}clinic/day/?date=2025-01-07`);
    await expect(page.getByText("No appointments booked.")).toBeVisible();
    await page.getByRole("link", { name: "Previous clinic day" }).click();
    await expect(page.getByTestId("day-heading")).toHaveText("Tuesday 31 December 2024");
    await expect(page.getByTestId("appointment").filter({ hasText: "Jo Bloggs" })).toBeVisible();

    // Another tab on the earlier day sees a change made here, with every year still there.
    const other = await context.newPage();
    await other.clock.setFixedTime(MONDAY);
    await other.goto(`${served.url}clinic/day/?date=2024-03-05`);
    const hers = other.getByTestId("appointment").filter({ hasText: "Sam Patel" });
    await expect(hers.getByTestId("outcome")).toHaveText("Booked");
    await page.goto(`${served.url}clinic/day/?date=2024-03-05`);
    await sam.getByRole("button", { name: "Attended (Sam Patel)" }).click();
    await expect(sam.getByTestId("outcome")).toHaveText("Attended");
    await expect(hers.getByTestId("outcome")).toHaveText("Attended");
    await other.goto(`${served.url}clinic/day/?date=2026-03-03`);
    await expect(other.getByTestId("appointment").filter({ hasText: "Sam Patel" })).toBeVisible();
  } finally {
    await closeAll(context, served);
  }
});

test("a change to one year, made just as the page is reloaded while another tab writes, is stored with its head", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openOnTheEarlierDay(context, watch, served);
    const jo = page.getByTestId("appointment").filter({ hasText: "Jo Bloggs" });
    await jo.getByRole("button", { name: "Did not attend (Jo Bloggs)" }).click();
    await expect.poll(async () => (await storedDocuments(page))["sp.clinic-part-appointments-2024"]).toContain('"did-not-attend"');
    const before = await storedDocuments(page);

    const other = await context.newPage();
    await other.goto(`${served.url}privacy/`);
    const letGo = await holdWriting(other);
    const sam = page.getByTestId("appointment").filter({ hasText: "Sam Patel" });
    await sam.getByRole("button", { name: "Attended (Sam Patel)" }).click();
    await expect(sam.getByTestId("outcome")).toHaveText("Attended");
    await page.reload();
    await letGo();
    await expect(sam.getByTestId("outcome")).toHaveText("Attended");
    await expect(jo.getByTestId("outcome")).toHaveText("Did not attend");
    await expect(page.getByTestId("kept-notice")).toHaveCount(0);
    const after = await storedDocuments(page);
    expect(after["sp.clinic-part-appointments-2024"]).toContain('"attended"');
    expect(Number(/"revision":(\d+)/.exec(after["sp.clinic"])[1])).toBe(Number(/"revision":(\d+)/.exec(before["sp.clinic"])[1]) + 1);
    for (const year of ["2025", "2026"]) expect(after[`sp.clinic-part-appointments-${year}`]).toBe(before[`sp.clinic-part-appointments-${year}`]);
    expect(after["sp.clinic-part-log"]).toBe(before["sp.clinic-part-log"]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  } finally {
    await closeAll(context, served);
  }
});
