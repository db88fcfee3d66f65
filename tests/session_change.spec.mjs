// A session set up wrongly is put right with people already booked in it,
// by keyboard: the form starts filled in, bad times and a change that would
// strand an appointment are refused with the people named, and a change
// that goes through says who to tell and moves their appointments. A
// person removed by mistake is then listed, without their name, among the
// records removed. At the practice PC and on the clinic's tablet.
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { h1, expectErrors, TUESDAY, clinicHelpers } from "./support/clinic.mjs";
import { type, press } from "./support/keyboard.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const SIZES = [
  ["pc", { width: 1280, height: 800 }],
  ["tablet", { width: 768, height: 1024 }],
];

for (const [device, viewport] of SIZES) {
  test.describe(`on the ${device}`, () => {
    test.use({ viewport });

    test("a session with bookings is changed by keyboard, its people are named to tell and move with it, and a removal is listed", async ({ context, watch }) => {
      test.setTimeout(180_000);
      const clinic = clinicHelpers(served);
      const page = await clinic.openClinic(context, watch);
      await clinic.setUpClinic(page);
      // Sam and Jo are booked into Tuesday 3 March's morning session.
      await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
      await clinic.bookNext(page);
      await expect(page.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 9am");
      await clinic.addPerson(page, "Jo Bloggs", "GP", "Face to face");
      await clinic.bookNext(page);

      await page.goto(`${served.url}clinic/sessions/`);
      await press(page, page.getByRole("button", { name: `Change ${TUESDAY}` }));
      await expect(h1(page)).toHaveText("Change a weekly session");
      await expect(page.getByLabel("Tuesday")).toBeChecked();
      await expect(page.getByLabel("Start time")).toHaveValue("9am");
      await expect(page.getByLabel("End time")).toHaveValue("12:30pm");
      await expect(page.getByLabel("Room")).toHaveValue("Room 4");
      await expectNoAxeViolations(page, `changing a weekly session (${device})`);

      // Nothing in the start or the room, and an end that is not a time.
      const save = page.getByRole("button", { name: "Save the change" });
      await page.getByLabel("Start time").fill("");
      await page.getByLabel("End time").fill("");
      await type(page, page.getByLabel("End time"), "half past");
      await page.getByLabel("Room").fill("");
      await press(page, save);
      await expectErrors(
        page,
        ["Enter a start time, like 9:30am", "Enter an end time in the right format, like 9:30am or 14:00", "Enter the room, like Room 2"],
        `changing a session with errors (${device})`,
      );
      await screenshot(page, `session-change-errors-${device}`);

      // Cut short to end at 9:30am, Sam's and Jo's appointments would not fit: refused, naming them.
      await type(page, page.getByLabel("Start time"), "9am");
      await page.getByLabel("End time").fill("");
      await type(page, page.getByLabel("End time"), "9:30am");
      await type(page, page.getByLabel("Room"), "Room 5");
      await press(page, save);
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await expect(summary).toContainText("Sam Patel’s appointment on Tuesday 3 March 2026 at 9am would be outside the changed session");
      await expect(summary).toContainText("Jo Bloggs’s appointment on Tuesday 3 March 2026");
      await expectNoAxeViolations(page, `a change that would strand appointments (${device})`);
      await screenshot(page, `session-change-stranded-${device}`);

      // Moved to the afternoon in Room 5: both move with it and are named to tell.
      await page.getByLabel("Start time").fill("");
      await type(page, page.getByLabel("Start time"), "1pm");
      await page.getByLabel("End time").fill("");
      await type(page, page.getByLabel("End time"), "4:30pm");
      await press(page, save);
      await expect(h1(page)).toHaveText("Session changed");
      await expect(h1(page)).toBeFocused();
      const moved = page.getByTestId("moved-appointments").getByRole("listitem");
      await expect(moved).toHaveCount(2);
      await expect(moved.nth(0)).toHaveText("Sam Patel: Tuesday 3 March 2026, now 1pm to 1:45pm in Room 5 (was 9am to 9:45am in Room 4)");
      await expect(moved.nth(1)).toContainText("Jo Bloggs: Tuesday 3 March 2026, now 1:");
      await expect(page.getByRole("heading", { name: "2 people to tell" })).toBeVisible();
      await expectNoAxeViolations(page, `a session changed (${device})`);
      await screenshot(page, `session-changed-${device}`);

      await press(page, page.getByRole("button", { name: "Back to sessions and closed dates" }));
      await expect(page.getByTestId("weekly-sessions")).toContainText("Tuesday, 1pm to 4:30pm, Room 5");
      await page.reload();
      await expect(page.getByTestId("weekly-sessions")).toContainText("Tuesday, 1pm to 4:30pm, Room 5");
      await expect(page.getByRole("button", { name: "Change Tuesday, 1pm to 4:30pm, Room 5" })).toBeVisible();
      await expectNoAxeViolations(page, `sessions with a change button beside each (${device})`);
      await screenshot(page, `sessions-changed-list-${device}`);
      // The day's list and the person's record carry the new time.
      await page.goto(`${served.url}clinic/day/?date=2026-03-03`);
      await expect(page.locator("main")).toContainText("1pm to 4:30pm");
      await page.goto(`${served.url}clinic/people/`);
      await press(page, page.getByRole("link", { name: "Jo Bloggs" }));
      await expect(page.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 1:");

      // Jo was added twice by mistake: removed, then listed with the date and reason only.
      await press(page, page.getByRole("link", { name: "Remove this person from the caseload" }));
      await type(page, page.getByLabel("Why are you removing them?"), "Added twice by mistake");
      await press(page, page.getByRole("button", { name: "Remove Jo Bloggs" }));
      await expect(h1(page)).toHaveText("People and appointments");
      const removals = page.getByTestId("removals");
      const removedLine = removals.getByText("Removed on Monday 2 March 2026: Added twice by mistake");
      await expect(removedLine).toBeHidden();
      await press(page, removals.locator("summary", { hasText: "Records removed (1)" }));
      await expect(removedLine).toBeVisible();
      await expect(removals.getByText("the person’s name and details are not kept")).toBeVisible();
      await expect(removals).not.toContainText("Jo Bloggs");
      await expectNoAxeViolations(page, `records removed listed (${device})`);
      await screenshot(page, `people-removals-${device}`);
    });
  });
}
