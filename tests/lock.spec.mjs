// A volunteer locks the clinic's records with a passphrase: what is stored
// can no longer be read, the records open again with the passphrase (not
// with a wrong one, and more slowly after many wrong tries), they lock on
// demand and after a time without use, and backups stay locked.
import { readFileSync } from "node:fs";
import { test, expect, expectNoAxeViolations, screenshot, openPage } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { everythingStored, storedText } from "./support/stored.mjs";
import { h1, expectErrors, clinicHelpers, lockRecords, MONDAY } from "./support/clinic.mjs";
import { changedBackup, documentOf } from "./support/backup_file.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const PASSPHRASE = "blue kettle on the windowsill";

async function unlock(page, passphrase) {
  await expect(h1(page)).toHaveText("Unlock the clinic’s records");
  await page.getByLabel("Passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
}

/** A clinic with one person, Sam Patel, and its records locked with PASSPHRASE. */
async function lockedClinic(clinic, context, watch) {
  const page = await clinic.openClinic(context, watch);
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
  await lockRecords(page, served, PASSPHRASE);
  return page;
}

test("the records are locked with a passphrase, unlocked only with it, locked on demand and after a time without use", async ({ context, watch }) => {
  test.setTimeout(150_000);
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
  // A line in Sam's log: stored apart from his record, and sealed too.
  await page.getByRole("button", { name: "Add to the log" }).click();
  await page.getByLabel("What happened?").fill("Called, left message");
  await page.getByRole("button", { name: "Add to the log" }).click();
  await expect(page.getByTestId("log")).toContainText("Called, left message");
  await expect.poll(() => storedText(page)).toContain("Called, left message");

  await page.goto(`${served.url}clinic/`);
  await page.getByRole("link", { name: "Lock the records with a passphrase" }).click();
  await expect(h1(page)).toHaveText("Lock the clinic’s records");
  await expectNoAxeViolations(page, "the lock page");
  await page.getByRole("button", { name: "Lock the records" }).click();
  await expectErrors(page, [
    "Enter a passphrase",
    "Enter the passphrase again",
    "Confirm that you understand a forgotten passphrase means the records cannot be read",
  ], "the lock page with nothing typed");
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Type the passphrase again").fill("blue kettle on the windowsil");
  await page.getByLabel("I understand that if the passphrase is forgotten, nobody can read the records").check();
  await page.getByRole("button", { name: "Lock the records" }).click();
  await expectErrors(page, ["The passphrases do not match. Enter the same passphrase twice"], "the lock page with passphrases that differ");
  await screenshot(page, "lock-errors");
  await page.getByLabel("Type the passphrase again").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Lock the records" }).click();
  const set = page.getByRole("region", { name: "Success" });
  await expect(set).toContainText("The passphrase is set");
  // What is true now: stored encrypted, open in this window; and what to do
  // about the backups made before, which are not locked.
  await expect(set).toContainText("Backups made before now are not locked: anyone who has one of those files can read the records in it. Delete them");
  await expect(page.getByTestId("lock-state")).toHaveText("A passphrase is set: the records are stored encrypted on this device. They are open in this window until you lock them, or after 15 minutes without use.");

  // Nothing readable is left in storage.
  const stored = await storedText(page);
  expect(stored).toContain('"sealed"');
  expect(stored).not.toContain("Sam Patel");
  expect(stored).not.toContain("Called, left message");

  // Moving to another part of the clinic in the same tab does not ask again.
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText("Sam Patel");
  const beforePriya = await storedText(page);
  await clinic.addPerson(page, "Priya Khan", "Self-referral", "Telephone");
  // Once her record has been sealed and stored, nothing of it can be read.
  await expect.poll(() => storedText(page)).not.toBe(beforePriya);
  expect(await storedText(page)).not.toContain("Priya Khan");

  // Locked on demand, then a wrong passphrase and the right one.
  await page.goto(`${served.url}clinic/`);
  await page.getByRole("button", { name: "Lock the records now" }).click();
  await expect(h1(page)).toHaveText("Unlock the clinic’s records");
  await expect(page.getByText("Sam Patel")).toHaveCount(0);
  await expectNoAxeViolations(page, "the unlock page");
  await unlock(page, "blue kettle on the windowsil");
  await expectErrors(page, ["The passphrase is not right. Check it and try again"], "the unlock page after a wrong passphrase");
  await screenshot(page, "unlock-wrong");
  await unlock(page, PASSPHRASE);
  await expect(h1(page)).toHaveText("Run a clinic");
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText("Priya Khan");

  // A backup made while locked is locked the same way.
  await page.goto(`${served.url}clinic/backup/`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const lockedFile = await download;
  // Its name says it is locked, to tell it from the plain ones made before.
  expect(lockedFile.suggestedFilename()).toMatch(/^linkworker-backup-2026-03-02-\d{4}-locked\.json$/);
  const backup = readFileSync(await lockedFile.path(), "utf8");
  expect(backup).toContain('"sealed"');
  expect(backup).not.toContain("Sam Patel");

  // A new tab asks for the passphrase.
  const other = await openPage(context, watch, served.origin);
  await other.clock.setFixedTime(MONDAY);
  await other.goto(`${served.url}clinic/day/`);
  await expect(h1(other)).toHaveText("Unlock the clinic’s records");
  await other.close();

  // A shorter time without use, then the records lock by themselves.
  await page.goto(`${served.url}clinic/lock/`);
  await page.getByLabel("Lock the records after this many minutes without use").fill("0");
  await page.getByRole("button", { name: "Save the time" }).click();
  await expectErrors(page, ["The number of minutes must be between 1 and 120"], "the lock page with 0 minutes");
  await page.getByLabel("Lock the records after this many minutes without use").fill("1");
  await page.getByRole("button", { name: "Save the time" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The time before the records lock has been saved");
  await expect(page.getByTestId("lock-state")).toHaveText("A passphrase is set: the records are stored encrypted on this device. They are open in this window until you lock them, or after 1 minute without use.");
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText("Sam Patel");
  await page.clock.setFixedTime(new Date(MONDAY.getTime() + 2 * 60_000));
  await expect(h1(page)).toHaveText("Unlock the clinic’s records", { timeout: 20_000 });
  await expect(page.getByText("Sam Patel")).toHaveCount(0);

  // Many wrong tries in a row slow down the next.
  for (let n = 0; n < 4; n++) {
    await unlock(page, `wrong guess number ${n}`);
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("The passphrase is not right");
    await expect(page.getByLabel("Passphrase")).toHaveValue("");
  }
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("There have been too many wrong tries. Wait 2 seconds, then try again");
  await expectNoAxeViolations(page, "the unlock page after too many wrong tries");
  await page.clock.setFixedTime(new Date(MONDAY.getTime() + 3 * 60_000));
  await unlock(page, PASSPHRASE);
  await expect(page.getByTestId("people")).toContainText("Sam Patel");

  // A new passphrase, only once the current one is typed again: the old one
  // then no longer opens the records.
  const NEW = "the gate by the blue shed";
  await page.goto(`${served.url}clinic/lock/`);
  await page.getByLabel("New passphrase").fill(NEW);
  await page.getByLabel("Type the passphrase again").fill(NEW);
  await page.getByLabel("I understand that if the passphrase is forgotten, nobody can read the records").check();
  await page.getByRole("button", { name: "Change the passphrase" }).click();
  await expectErrors(page, ["Enter your current passphrase"], "changing the passphrase without the current one");
  await page.getByLabel("Your current passphrase").fill("not the passphrase at all");
  await page.getByRole("button", { name: "Change the passphrase" }).click();
  await expectErrors(page, ["The current passphrase is not right"], "changing the passphrase with a wrong current one");
  await expect(page.getByLabel("Your current passphrase")).toHaveValue("");
  await screenshot(page, "lock-change-wrong-current");
  await page.getByRole("button", { name: "Lock the records now" }).click();
  await unlock(page, NEW);
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("The passphrase is not right");
  await unlock(page, PASSPHRASE);
  await expect(page.getByTestId("lock-state")).toBeVisible();
  await page.getByLabel("Your current passphrase").fill(PASSPHRASE);
  await page.getByLabel("New passphrase").fill(NEW);
  await page.getByLabel("Type the passphrase again").fill(NEW);
  await page.getByLabel("I understand that if the passphrase is forgotten, nobody can read the records").check();
  await page.getByRole("button", { name: "Change the passphrase" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The passphrase has been changed");
  await expectNoAxeViolations(page, "the lock page once locked");
  await screenshot(page, "lock-set");
  expect(await storedText(page)).not.toContain("Sam Patel");
  await page.getByRole("button", { name: "Lock the records now" }).click();
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("The passphrase is not right");
  await unlock(page, NEW);
  await expect(page.getByTestId("lock-state")).toBeVisible();

  // Turning the lock off, after being asked and typing the passphrase again,
  // leaves the records readable; a wrong passphrase changes nothing.
  await page.getByRole("button", { name: "Turn the lock off" }).click();
  await page.getByLabel("Type the current passphrase to turn the lock off").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Yes, turn the lock off" }).click();
  await expectErrors(page, ["The current passphrase is not right"], "turning the lock off with a wrong passphrase");
  await expect(page.getByTestId("lock-state")).toBeVisible();
  expect(await storedText(page)).not.toContain("Sam Patel");
  await expect(page.getByLabel("Type the current passphrase to turn the lock off")).toHaveValue("");
  await screenshot(page, "lock-off-wrong-current");
  await page.getByLabel("Type the current passphrase to turn the lock off").fill(NEW);
  await page.getByRole("button", { name: "Yes, turn the lock off" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The lock has been turned off");
  expect(await storedText(page)).toContain("Sam Patel");
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText("Priya Khan");
});

test("a locked clinic moves to a new device by backup and restore, and two tabs see each other's changes", async ({ context, browser, watch }) => {
  test.setTimeout(150_000);
  const clinic = clinicHelpers(served);
  const page = await lockedClinic(clinic, context, watch);

  // A second tab, unlocked on its own, sees what the first one adds.
  const second = await openPage(context, watch, served.origin);
  await second.clock.setFixedTime(MONDAY);
  await second.goto(`${served.url}clinic/people/`);
  await unlock(second, PASSPHRASE);
  await expect(second.getByTestId("people")).toContainText("Sam Patel");
  await clinic.addPerson(page, "Priya Khan", "Self-referral", "Telephone");
  await expect(second.getByTestId("people")).toContainText("Priya Khan");
  await second.close();

  await page.goto(`${served.url}clinic/backup/`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const file = await download;
  const text = readFileSync(await file.path(), "utf8");

  // The new device restores it, and needs the passphrase to read it.
  const device = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const fresh = await openPage(device, watch, served.origin);
    await fresh.clock.setFixedTime(MONDAY);
    await fresh.goto(`${served.url}clinic/backup/`);
    const choose = (body) => fresh.getByLabel(/^Choose the (other device’s )?backup file$/).setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(body) });
    const problem = fresh.getByRole("alert").filter({ hasText: "There is a problem" });
    const openWith = async (passphrase) => {
      await fresh.getByLabel("The backup’s passphrase").fill(passphrase);
      await fresh.getByRole("button", { name: "Open the backup" }).click();
    };

    // A lock whose salt is gone cannot be opened by any passphrase: said at once.
    await choose(changedBackup(text, (f) => { documentOf(f, "lock").data.salt = ""; }));
    await expect(problem).toContainText("The backup is locked with a passphrase, but its lock has been changed or damaged");
    // One character of the sealed clinic changed: the right passphrase finds it damaged.
    const flipped = changedBackup(text, (f) => {
      const sealed = documentOf(f, "clinic").sealed;
      const at = Math.floor(sealed.data.length / 2);
      sealed.data = sealed.data.slice(0, at) + (sealed.data[at] === "A" ? "B" : "A") + sealed.data.slice(at + 1);
    });
    await choose(flipped);
    await expect(fresh.getByRole("heading", { name: "This backup is locked" })).toBeVisible();
    await openWith(PASSPHRASE);
    await expect(problem).toContainText("The passphrase is right, but the backup's clinic has been changed or damaged since it was made");
    await expect(fresh.getByTestId("backup-preview")).toHaveCount(0);
    expect(await storedText(fresh)).not.toContain("sp.clinic");

    // The backup as it was made: a wrong passphrase is said beside its field.
    await choose(text);
    await openWith("not the passphrase");
    await expect(problem).toContainText("The passphrase does not open this backup");
    await expectNoAxeViolations(fresh, "a locked backup with a wrong passphrase");
    await screenshot(fresh, "restore-locked-wrong-passphrase");
    await openWith(PASSPHRASE);
    await expect(fresh.getByTestId("backup-preview")).toContainText("2 people");
    await expect(fresh.getByTestId("backup-preview")).toContainText("It is locked with a passphrase");
    await expectNoAxeViolations(fresh, "the restore preview of a locked backup");
    await fresh.getByRole("button", { name: "Restore this backup" }).click();
    await fresh.getByRole("link", { name: "Go to the clinic" }).click();
    await unlock(fresh, PASSPHRASE);
    await expect(h1(fresh)).toHaveText("Run a clinic");
    await fresh.goto(`${served.url}clinic/people/`);
    await expect(fresh.getByTestId("people")).toContainText("Priya Khan");

    // The same backup added on the merge page: opened with its own passphrase.
    await fresh.goto(`${served.url}clinic/backup/merge/`);
    await choose(text);
    await openWith(PASSPHRASE);
    await expect(fresh.getByTestId("merge-preview")).toContainText("This device already has everything in the backup made on Monday 2 March 2026 at 9am.");
    await expectNoAxeViolations(fresh, "merging a locked backup");
  } finally {
    await device.close();
  }
});

test("a page with a search, opened by unlocking the records, works as it should", async ({ context, watch }) => {
  await lockedClinic(clinicHelpers(served), context, watch);

  // A wrong try first, so the unlock form has shown an error, then the right one.
  for (const [path, field] of [["clinic/directory/", "Search"], ["clinic/people/", "Find a person"]]) {
    const tab = await openPage(context, watch, served.origin);
    await tab.clock.setFixedTime(MONDAY);
    await tab.goto(`${served.url}${path}`);
    await unlock(tab, "not the passphrase");
    await expect(tab.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("The passphrase is not right");
    await unlock(tab, PASSPHRASE);
    const search = tab.getByRole("textbox", { name: field });
    await search.fill("sam");
    await expect(search).toHaveValue("sam");
    await expect(tab).toHaveTitle(/^(?!Error)/);
    await expectNoAxeViolations(tab, `${path} opened by unlocking`);
    if (path === "clinic/directory/") await expect(tab.getByTestId("found")).toHaveText("The directory is empty. Add a service, or import a list your council publishes.");
    if (path === "clinic/people/") await expect(tab.getByTestId("people-found")).toHaveText("1 person found of 1");
    await tab.close();
  }
});

test("with the records locked, nothing the browser keeps holds a person's name, phone number or note", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const [name, phone, note] = ["Oona Winterbourne", "07700 900417", "Talked about the allotment waiting list"];
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.addPerson(page, name, "GP", "Face to face", () => page.getByLabel("Phone number (optional)").fill(phone));
  await page.getByRole("button", { name: "Add to the log" }).click();
  await page.getByLabel("What happened?").fill(note);
  await page.getByRole("button", { name: "Add to the log" }).click();
  await expect(page.getByTestId("log")).toContainText(note);
  // Before the lock, the search finds all three: it looks where they are kept.
  await expect.poll(() => everythingStored(page)).toContain(note);
  const open = await everythingStored(page);
  for (const typed of [name, phone]) expect(open).toContain(typed);

  await page.goto(`${served.url}clinic/lock/`);
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Type the passphrase again").fill(PASSPHRASE);
  await page.getByLabel("I understand that if the passphrase is forgotten, nobody can read the records").check();
  await page.getByRole("button", { name: "Lock the records" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The passphrase is set");
  await page.goto(`${served.url}clinic/`);
  await page.getByRole("button", { name: "Lock the records now" }).click();
  await expect(h1(page)).toHaveText("Unlock the clinic’s records");

  const locked = await everythingStored(page);
  // Every place was searched: the app's database, Web Storage and the offline copy.
  expect(locked).toContain('"sealed"');
  expect(locked).toMatch(/^indexedDB social-prescribing\/documents\//m);
  expect(locked).toMatch(/^cache social-prescribing-[^ ]+ [^=]+_bg\.wasm=/m);
  for (const typed of [name, phone, phone.replace(" ", ""), note]) expect(locked, typed).not.toContain(typed);
});
