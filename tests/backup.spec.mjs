// A volunteer backs up the clinic, the device is wiped, and the backup is
// restored after a preview; files that are not a good backup are refused
// with a clear message and change nothing.
import { readFileSync } from "node:fs";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { clearStored, storedText } from "./support/stored.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

test("a backup is downloaded, the device wiped, bad files refused, and the backup restored after a preview", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await page.getByRole("link", { name: "Sessions and closed dates" }).click();
  await clinic.addWeekly(page, "Tuesday", "9am", "12:30pm", "Room 4");
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");

  // A clinic that was never backed up says so, gently, on its front page.
  await page.goto(`${served.url}clinic/`);
  await expect(page.getByTestId("backup-reminder")).toHaveText(/The clinic’s records on this device have never been backed up\.\s+Back up the clinic’s records/);
  await expect(page.getByRole("button", { name: "Today's clinic" }).or(page.getByRole("button", { name: /Next clinic/ }))).toBeVisible();
  await page.getByRole("link", { name: "Back up or restore the clinic's data" }).click();
  await expect(h1(page)).toHaveText("Back up or restore the clinic's data");
  await expect(page.getByTestId("last-backup")).toHaveText("No backup has been made from this device yet.");
  await expectNoAxeViolations(page, "the backup page");
  // The device is given a name, so its backups are told apart from another's.
  await expect(page.getByTestId("device-name")).toContainText("This device has no name yet");
  await page.getByRole("button", { name: "Save the device’s name" }).click();
  await expectErrors(page, ["Enter a name for this device, such as Reception PC"], "the backup page with no device name");
  await page.getByLabel("Name this device").fill("Reception PC");
  await page.getByRole("button", { name: "Save the device’s name" }).click();
  await expect(page.getByTestId("device-name")).toHaveText("This device is called Reception PC. Its backups have the name in their file names.");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("linkworker-backup-2026-03-02-0900-reception-pc.json");
  await expect(page.getByTestId("backup-made")).toHaveText("Downloaded linkworker-backup-2026-03-02-0900-reception-pc.json.");
  const saved = readFileSync(await file.path(), "utf8");
  expect(JSON.parse(saved).format).toBe("social-prescribing-backup");
  expect(saved).toContain("Sam Patel");
  await expect(page.getByTestId("last-backup")).toHaveText("The last backup from this device was on Monday 2 March 2026.");

  // How often to be reminded: checked, then saved.
  const every = page.getByLabel("Remind me to back up when the last backup is older than this many days");
  await every.fill("0");
  await page.getByRole("button", { name: "Save the reminder setting" }).click();
  await expectErrors(page, ["The number of days must be between 1 and 90"], "the reminder setting with 0 days");
  await every.fill("10");
  await page.getByRole("button", { name: "Save the reminder setting" }).click();
  await expect(page.getByTestId("reminder-saved")).toHaveText("Saved. The reminder shows after 10 days.");
  await page.goto(`${served.url}clinic/`);
  await expect(h1(page)).toHaveText("Run a clinic");
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
  // Eleven days on, the front page reminds, without getting in the way.
  await page.clock.setFixedTime(new Date("2026-03-13T09:00:00Z"));
  await page.reload();
  await expect(page.getByTestId("backup-reminder")).toContainText("The clinic’s records on this device were last backed up 11 days ago, on Monday 2 March 2026.");
  await expectNoAxeViolations(page, "the clinic's front page with a backup reminder");
  await screenshot(page, "clinic-backup-reminder");
  await page.clock.setFixedTime(new Date("2026-03-02T09:00:00Z"));

  // The device loses everything.
  await clearStored(page);
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).not.toContainText("Sam Patel");

  // Files that are not a good backup are refused, saying why.
  await page.goto(`${served.url}clinic/backup/`);
  const input = page.getByLabel("Choose the backup file");
  const refused = [
    ["notes.json", '{"hello": 1}', "The file is not a backup from this app. Choose a file whose name starts with linkworker-backup"],
    ["linkworker-backup-cut.json", saved.slice(0, saved.length / 2), "The backup file is incomplete"],
    ["linkworker-backup-changed.json", saved.replace("Sam Patel", "Sam Potel"), "The backup file has been changed or damaged since it was made"],
  ];
  for (const [name, text, message] of refused) {
    await input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(message);
    await expect(page.getByTestId("backup-preview")).toHaveCount(0);
  }
  await expectErrors(page, ["The backup file has been changed or damaged since it was made, so it cannot be used. Choose another backup"], "the backup page with a damaged file");
  await screenshot(page, "backup-refused");

  // The good file: what it holds is shown first, and nothing changes until asked.
  await input.setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(saved) });
  const preview = page.getByTestId("backup-preview");
  await expect(preview).toContainText("This backup was made on Monday 2 March 2026 at 9am, on Reception PC. It holds:");
  await expect(preview).toContainText("The clinic: 1 weekly session, 0 volunteers, 1 person, 0 appointments");
  await expectNoAxeViolations(page, "the backup page with a preview");
  await screenshot(page, "backup-preview");
  expect(await storedText(page)).not.toContain("Sam Patel");
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The backup has been restored");
  await page.getByRole("link", { name: "Go to the clinic" }).click();
  await expect(h1(page)).toHaveText("Run a clinic");
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText("Sam Patel");
});

test("once the clinic is stored, the browser is asked to keep it, and the backup page says plainly whether it agreed", async ({ context, watch }) => {
  // Each time the page asks the browser to keep the site's storage is counted.
  await context.addInitScript(() => {
    if (!navigator.storage) return;
    const ask = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      sessionStorage.setItem("asked-to-keep", String(Number(sessionStorage.getItem("asked-to-keep") ?? 0) + 1));
      return ask();
    };
  });
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
  await expect.poll(() => page.evaluate(() => Number(sessionStorage.getItem("asked-to-keep") ?? 0))).toBeGreaterThan(0);

  await page.goto(`${served.url}clinic/backup/`);
  await expect(h1(page)).toHaveText("Back up or restore the clinic's data");
  const kept = await page.evaluate(() => navigator.storage.persisted());
  await expect(page.getByTestId("storage-kept")).toHaveText(
    kept
      ? "This browser has agreed to keep the clinic’s records, even when the device is short of space. Backups are still the only copy if the device is lost or broken."
      : "This browser may clear the clinic’s records when the device is short of space: keep backups.",
  );
  await expectNoAxeViolations(page, "the backup page saying whether the browser keeps the records");
  await screenshot(page, "backup-storage-kept");
});
