// What the clinic's browser tests share: a volunteer setting up a clinic
// through its pages, at a fixed date.
import { expect, openPage, expectNoAxeViolations } from "./fixtures.mjs";

export const h1 = (page) => page.getByRole("heading", { level: 1 });

/**
 * Waits for the heading of a page in another part of the app. The browser
 * loads that part's page and compiles its wasm, which on a busy machine
 * (two test workers and a service worker filling its cache) has taken longer
 * than the 10 seconds a move within a part is given.
 */
export async function expectPartOpened(page, heading) {
  await expect(h1(page)).toHaveText(heading, { timeout: 30_000 });
}

/** Checks a page with errors the GOV.UK way, and runs axe on it. */
export async function expectErrors(page, messages, label) {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  for (const message of messages) await expect(summary.getByRole("link", { name: message })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page, label);
}

export const TUESDAY = "Tuesday, 9am to 12:30pm, Room 4";
export const THURSDAY = "Thursday, 1:30pm to 5pm, Room 4";

// Monday 2 March 2026, 9am in London: every date in the clinic's tests follows from it.
export const MONDAY = new Date("2026-03-02T09:00:00Z");

/** The clinic's pages for the app `served`, as a volunteer uses them. */
export function clinicHelpers(served) {
  async function openClinic(context, watch) {
    const page = await openPage(context, watch, served.origin);
    await page.clock.setFixedTime(MONDAY);
    await page.goto(`${served.url}clinic/`);
    await expect(h1(page)).toHaveText("Run a clinic");
    return page;
  }

  async function addWeekly(page, day, start, end, room) {
    await page.getByRole("button", { name: "Add a weekly session" }).click();
    await page.getByLabel(day).check();
    await page.getByLabel("Start time").fill(start);
    await page.getByLabel("End time").fill(end);
    await page.getByLabel("Room").fill(room);
    await page.getByRole("button", { name: "Add this session" }).click();
  }

  async function addVolunteer(page, name, sessions, away) {
    await page.getByRole("button", { name: "Add a volunteer" }).click();
    await expect(h1(page)).toHaveText("Add a volunteer");
    await page.getByLabel("Name", { exact: true }).fill(name);
    for (const session of sessions) await page.getByLabel(session).check();
    if (away) {
      const [from, to] = away;
      const group = (legend) => page.getByRole("group", { name: legend });
      for (const [legend, [d, m, y]] of [["First day away (optional)", from], ["Last day away (optional)", to]]) {
        await group(legend).getByLabel("Day").fill(d);
        await group(legend).getByLabel("Month").fill(m);
        await group(legend).getByLabel("Year").fill(y);
      }
    }
    await page.getByRole("button", { name: "Add this volunteer" }).click();
    await expect(h1(page)).toHaveText("Volunteers");
  }

  /** Adds a person; `fill` fills in anything more before the form is sent. */
  async function addPerson(page, name, source, mode, fill = async () => {}) {
    await page.goto(`${served.url}clinic/people/`);
    await page.getByRole("button", { name: "Add a person" }).click();
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel(source, { exact: true }).check();
    await page.getByLabel(mode, { exact: true }).check();
    await fill();
    await page.getByRole("button", { name: "Add this person" }).click();
    await expect(h1(page)).toHaveText(name);
  }

  /** Two weekly sessions in Room 4 and three volunteers, Cat away 9 to 13 March. */
  async function setUpClinic(page) {
    await page.getByRole("link", { name: "Sessions and closed dates" }).click();
    await expect(h1(page)).toHaveText("Sessions and closed dates");
    await addWeekly(page, "Tuesday", "9:00am", "12:30pm", "Room 4");
    await expect(page.getByTestId("weekly-sessions")).toContainText(TUESDAY);
    await addWeekly(page, "Thursday", "13:30", "5pm", "Room 4");
    await expect(page.getByTestId("weekly-sessions")).toContainText(THURSDAY);
    await page.getByRole("link", { name: "Back to the clinic" }).click();
    await page.getByRole("link", { name: "Volunteers" }).click();
    await addVolunteer(page, "Ann Jones", [TUESDAY]);
    await addVolunteer(page, "Bob Singh", [TUESDAY, THURSDAY]);
    await addVolunteer(page, "Cat Evans", [THURSDAY], [["9", "3", "2026"], ["13", "3", "2026"]]);
    await expect(page.getByTestId("volunteers")).toContainText("Away Monday 9 March 2026 to Friday 13 March 2026");
  }

  /** Books `name`'s next time that fits, from their record. */
  async function bookNext(page) {
    await page.getByRole("button", { name: "Book an appointment" }).click();
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByTestId("upcoming")).not.toBeEmpty();
  }

  return { openClinic, addWeekly, addVolunteer, addPerson, setUpClinic, bookNext };
}

/** Locks the clinic's records with `passphrase` on the lock page, as a volunteer does. */
export async function lockRecords(page, served, passphrase) {
  await page.goto(`${served.url}clinic/lock/`);
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByLabel("Type the passphrase again").fill(passphrase);
  await page.getByLabel("I understand that if the passphrase is forgotten, nobody can read the records").check();
  await page.getByRole("button", { name: "Lock the records" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toBeVisible();
}
