// A backup from elsewhere can replace everything a clinic has, so it is read
// whole before anything is written: a clinic that cannot be used is refused
// and the device keeps all it had; records that break the app's rules are
// named and left out if the volunteer chooses; and a restore can be undone.
import { readFileSync } from "node:fs";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { storedDocuments } from "./support/stored.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";
import { changedBackup, documentOf } from "./support/backup_file.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

/** The clinic's documents as stored, by key. */
async function clinicStored(page) {
  const all = await storedDocuments(page);
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith("sp.clinic")));
}

test("a clinic that cannot be used is refused, bad records are named and left out, and the restore is undone", async ({ context, watch }) => {
  test.setTimeout(150_000);
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await page.getByRole("link", { name: "Sessions and closed dates" }).click();
  await clinic.addWeekly(page, "Tuesday", "9am", "12:30pm", "Room 4");
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
  await page.goto(`${served.url}clinic/backup/`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const saved = readFileSync(await (await download).path(), "utf8");

  // This device carries on: another person is added after the backup.
  await clinic.addPerson(page, "Priya Khan", "Self-referral", "Telephone");
  const before = await clinicStored(page);
  expect(JSON.stringify(before)).toContain("Priya Khan");

  await page.goto(`${served.url}clinic/backup/`);
  const input = page.getByLabel("Choose the backup file");
  const choose = (name, text) => input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  const refused = [
    [(f) => { documentOf(f, "clinic").data = null; }, "The clinic: its records are missing"],
    [(f) => { documentOf(f, "clinic").data.people = "Sam Patel"; }, "The clinic’s list of each person: it is not a list"],
  ];
  for (const [change, message] of refused) {
    await choose("linkworker-backup-2026-03-02.json", changedBackup(saved, change));
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(message);
    await expect(page.getByTestId("backup-preview")).toHaveCount(0);
  }
  await expectErrors(page, ["The backup cannot be used, because a record in it cannot be read. The clinic’s list of each person: it is not a list. Choose another backup"], "a backup whose people are not a list");
  await screenshot(page, "restore-refused-people-not-a-list");
  expect(await clinicStored(page)).toEqual(before);

  // A file with a second person under Sam's id, a session ending past the
  // end of the day and a status the app does not know.
  const crafted = changedBackup(saved, (f) => {
    const head = documentOf(f, "clinic").data;
    const sam = head.people[0];
    head.people.push({ ...sam, name: "Ann Other" });
    head.people.push({ ...sam, id: 12345, name: "Bo Status", status: "sometimes" });
    head.sessions.weekly.push({ ...head.sessions.weekly[0], id: 777, weekday: 3, times: { start: 540, end: 65535 } });
  });
  await choose("linkworker-backup-2026-03-02.json", crafted);
  const problems = page.getByTestId("record-problems");
  await expect(problems).toContainText("3 records in this backup cannot be used");
  await expect(problems).toContainText("The person Bo Status (number 3 in the backup): it holds a word the app does not know");
  await expect(problems).toContainText("Ann Other: another person has the same id, so only one of them could be opened");
  await expect(problems).toContainText("The weekly session on Thursdays in Room 4: its times are not times of day");
  await expectNoAxeViolations(page, "a backup with records that break the rules");
  await screenshot(page, "restore-records-named");
  expect(await clinicStored(page)).toEqual(before);
  await page.getByRole("button", { name: "Restore without these records" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The backup has been restored");
  await expect(page.getByTestId("undo-restore")).toContainText("On Monday 2 March 2026 you restored a backup made on Monday 2 March 2026.");
  await expectNoAxeViolations(page, "the backup page after a restore");
  await screenshot(page, "restore-done-undo-offered");

  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText("Sam Patel");
  for (const gone of ["Ann Other", "Bo Status", "Priya Khan"]) await expect(page.getByTestId("people")).not.toContainText(gone);
  await page.goto(`${served.url}clinic/sessions/`);
  await expect(h1(page)).toHaveText("Sessions and closed dates");
  await expect(page.locator("main")).toContainText("Tuesday");
  await expect(page.locator("main")).not.toContainText("Thursday");

  // The restore is undone: the device is as it was, word for word.
  await page.goto(`${served.url}clinic/backup/`);
  await page.getByRole("button", { name: "Undo the restore" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The restore has been undone");
  await expect(page.getByTestId("undo-restore")).toHaveCount(0);
  expect(await clinicStored(page)).toEqual(before);
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText("Priya Khan");

  // A good restore, then a new backup: what was there before is let go.
  await page.goto(`${served.url}clinic/backup/`);
  await choose("linkworker-backup-2026-03-02.json", saved);
  await expect(page.getByTestId("record-problems")).toHaveCount(0);
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await expect(page.getByTestId("undo-restore")).toBeVisible();
  const again = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  await again;
  await expect(page.getByTestId("undo-restore")).toHaveCount(0);
  expect(Object.keys(await storedDocuments(page))).not.toContain("sp.before-restore");
});
