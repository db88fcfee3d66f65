// Two volunteers' devices each book a different person into the same free
// time. Each booking was right on its own device; once one device's backup
// is merged into the other, the clinic warns that two people hold one time,
// on the merge's result, the clinic's front page and the day, until one is moved.
import { test, expect, expectNoAxeViolations, screenshot, openPage } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { downloadBackup, chooseBackup } from "./support/backup_file.mjs";
import { h1, clinicHelpers, MONDAY } from "./support/clinic.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

test("a time booked for two people on two devices is shown after the merge until one is moved", async ({ context, watch }) => {
  test.setTimeout(150_000);
  const clinic = clinicHelpers(served);

  const ann = await clinic.openClinic(context, watch);
  await ann.getByRole("link", { name: "Sessions and closed dates" }).click();
  await clinic.addWeekly(ann, "Tuesday", "9am", "12:30pm", "Room 4");
  const start = await downloadBackup(ann, served.url);

  const bobContext = await context.browser().newContext({ viewport: { width: 390, height: 844 } });
  try {
    const bob = await openPage(bobContext, watch, served.origin);
    await bob.clock.setFixedTime(MONDAY);
    await bob.goto(`${served.url}clinic/backup/`);
    await chooseBackup(bob, "Choose the backup file", start);
    await bob.getByRole("button", { name: "Restore this backup" }).click();
    await expect(bob.getByRole("region", { name: "Success" })).toContainText("The backup has been restored");

    // Each device books its own person into the first free time, 9am on Tuesday.
    await clinic.addPerson(bob, "Priya Khan", "Self-referral", "Face to face");
    await clinic.bookNext(bob);
    await expect(bob.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 9am to 9:45am");
    const bobs = await downloadBackup(bob, served.url);
    await clinic.addPerson(ann, "Sam Patel", "GP", "Face to face");
    await clinic.bookNext(ann);
    await expect(ann.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 9am to 9:45am");

    await ann.goto(`${served.url}clinic/backup/merge/`);
    await chooseBackup(ann, "Choose the other device’s backup file", bobs);
    await expect(ann.getByTestId("merge-preview")).toContainText("1 appointment");
    await ann.getByRole("button", { name: "Add these records" }).click();
    await expect(ann.getByRole("region", { name: "Success" })).toContainText("1 person added: Priya Khan");
    const warning = ann.getByTestId("double-bookings");
    await expect(warning).toContainText("Two people are booked at the same time");
    await expect(warning.getByRole("listitem")).toHaveText([
      /^Tuesday 3 March 2026: (Sam Patel at 9am to 9:45am and Priya Khan|Priya Khan at 9am to 9:45am and Sam Patel) at 9am to 9:45am$/,
    ]);
    await expectNoAxeViolations(ann, "the merge done with a double booking");
    await screenshot(ann, "merge-double-booking");

    // The clinic's front page and the day say so too.
    await ann.goto(`${served.url}clinic/`);
    await expect(ann.getByTestId("double-bookings")).toContainText("Tuesday 3 March 2026: ");
    await ann.goto(`${served.url}clinic/day/?date=2026-03-03`);
    const onTheDay = ann.getByTestId("double-bookings");
    await expect(onTheDay).toContainText("Sam Patel at 9am to 9:45am");
    await expect(onTheDay).toContainText("Priya Khan at 9am to 9:45am");
    await expectNoAxeViolations(ann, "the clinic day with a double booking");
    await screenshot(ann, "day-double-booking");

    // Priya is moved: her 9am appointment cancelled, and the next free time booked.
    await onTheDay.getByRole("link", { name: "Priya Khan" }).click();
    await expect(h1(ann)).toHaveText("Priya Khan");
    await ann.getByRole("button", { name: "Cancel the appointment on Tuesday 3 March 2026" }).click();
    await ann.getByLabel("Why is it cancelled?").fill("Double booked: moved to a free time");
    await ann.getByRole("button", { name: "Cancel the appointment" }).click();
    await expect(h1(ann)).toHaveText("Priya Khan");
    await clinic.bookNext(ann);
    await expect(ann.getByTestId("upcoming")).toContainText("Tuesday 3 March 2026, 9:45am to 10:30am");
    await ann.goto(`${served.url}clinic/day/?date=2026-03-03`);
    await expect(ann.getByTestId("appointment")).toHaveCount(3);
    await expect(ann.getByTestId("double-bookings")).toHaveCount(0);
    await ann.goto(`${served.url}clinic/`);
    await expect(h1(ann)).toHaveText("Run a clinic");
    await expect(ann.getByTestId("double-bookings")).toHaveCount(0);
  } finally {
    await bobContext.close();
  }
});
