// What the app saves is never lost quietly: what it cannot read is kept aside
// for the person to download; what an older version kept moves over whole; a
// backup too large for the device is refused whole; a change the device will
// not store is said, held in the tab and stored when tried again; a change
// another tab stored first is never written over; a change made just as a
// page is left is stored by the next page if it was not stored in time.
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { readFileSync } from "node:fs";
import { storedDocuments, clearStored, changeStored, holdWriting } from "./support/stored.mjs";
import { clinicHelpers, h1, MONDAY } from "./support/clinic.mjs";

const DAMAGED = '{"kind":"referral","version":1,"revision":2,"data":{"name":"Sam Smi';

test("damaged saved data is kept, can be downloaded, and is deleted only when the person asks", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    await page.evaluate((damaged) => localStorage.setItem("sp.referral", damaged), DAMAGED);
    // Home keeps nothing, so it does not read what is kept: the damaged
    // draft is left as it is for self-referral, which keeps it aside.
    await page.reload();
    await expect(h1(page)).toHaveText("Get support with what matters to you");
    await expect(page.getByTestId("kept-notice")).toHaveCount(0);
    await page.getByRole("link", { name: "Refer yourself" }).click();
    await expect(h1(page)).toHaveText("Ask for support from a link worker");

    const notice = page.getByTestId("kept-notice");
    await expect(notice).toContainText("Some saved information has been kept aside");
    await expect(notice).toContainText("It has not been deleted.");
    const stored = await storedDocuments(page);
    expect(stored["sp.referral"]).toBeUndefined();
    const keptKeys = Object.keys(stored).filter((key) => key.startsWith("sp.kept.referral."));
    expect(keptKeys).toHaveLength(1);
    await expectNoAxeViolations(page, "the kept-data notice");
    await screenshot(page, "kept-notice");

    // It is still there after another reload: nothing is dropped quietly.
    await page.reload();
    await expect(notice).toContainText("Some saved information has been kept aside");
    await expect(page.getByRole("button", { name: "Delete it from this device" })).toHaveCount(0);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the kept copy" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^social-prescribing-referral-kept-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(readFileSync(await download.path(), "utf8")).toBe(DAMAGED);

    await page.getByRole("button", { name: "Delete it from this device" }).click();
    await expect(notice).toHaveCount(0);
    const left = Object.keys(await storedDocuments(page)).filter((key) => key.startsWith("sp."));
    expect(left).toEqual([]);
  } finally {
    await closeAll(context, served);
  }
});

test("data the app does not know, and other sites' keys, are left alone", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}refer/`);
    const fromNewerApp = '{"kind":"diary","version":9,"revision":1,"data":[]}';
    await page.evaluate((value) => {
      localStorage.setItem("sp.diary", value);
      localStorage.setItem("another-app", "{not ours");
    }, fromNewerApp);
    await page.reload();
    await expect(h1(page)).toHaveText("Ask for support from a link worker");
    await expect(page.getByTestId("kept-notice")).toHaveCount(0);
    const stored = await storedDocuments(page);
    expect(stored).toEqual({ "sp.diary": fromNewerApp, "another-app": "{not ours" });
  } finally {
    await closeAll(context, served);
  }
});

test("what an older version kept in localStorage moves to IndexedDB whole, and a second tab sees each change at once", async ({ context, watch }) => {
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    // The device as the version before this one left it: everything in localStorage.
    const documents = await storedDocuments(page);
    expect(Object.keys(documents)).toContain("sp.clinic");
    await clearStored(page);
    await page.evaluate((documents) => {
      for (const [key, text] of Object.entries(documents)) localStorage.setItem(key, text);
    }, documents);
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people")).toContainText("Sam Patel");
    await expect(page.getByTestId("kept-notice")).toHaveCount(0);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await storedDocuments(page)).toEqual(documents);

    // Another tab on the people page sees Priya as soon as she is added here.
    const other = await context.newPage();
    await other.clock.setFixedTime(MONDAY);
    await other.goto(`${served.url}clinic/people/`);
    await expect(other.getByTestId("people")).toContainText("Sam Patel");
    await clinic.addPerson(page, "Priya Khan", "Self-referral", "Telephone");
    await expect(other.getByTestId("people")).toContainText("Priya Khan");
  } finally {
    await closeAll(context, served);
  }
});

test("a backup too large for the room left on the device is refused whole, and the device is left as it was", async ({ context, watch }) => {
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    await page.goto(`${served.url}clinic/backup/`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download a backup" }).click();
    const file = await downloading;
    const backup = readFileSync(await file.path(), "utf8");

    // A new device with room for about half of what the backup's documents
    // need (they take about half the file's length).
    await clearStored(page);
    await context.addInitScript((bytes) => {
      if (typeof StorageManager === "function") StorageManager.prototype.estimate = async () => ({ usage: 0, quota: bytes });
    }, Math.round(backup.length / 4));
    await page.goto(`${served.url}clinic/backup/`);
    await page.getByLabel("Choose the backup file").setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(backup) });
    await page.getByRole("button", { name: "Restore this backup" }).click();
    await expect(page.getByRole("alert")).toContainText("The backup is too large for this browser’s storage for this app on this device, with a copy of what is here now kept to undo the restore. Everything on the device is as it was.");
    await expectNoAxeViolations(page, "a restore that does not fit");
    await screenshot(page, "restore-too-large");
    expect(Object.keys(await storedDocuments(page)).filter((key) => key.startsWith("sp."))).toEqual([]);
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people")).not.toContainText("Sam Patel");
  } finally {
    await closeAll(context, served);
  }
});

test("a change the device will not store is said, kept in the tab, and stored when tried again", async ({ context, watch }) => {
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    await page.goto(`${served.url}clinic/people/`);
    // The device's disk fills up while the page is open.
    await page.evaluate(() => {
      window.storing = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.getByRole("button", { name: "Add a person" }).click();
    await page.getByLabel("Full name").fill("Priya Khan");
    await page.getByLabel("Self-referral", { exact: true }).check();
    await page.getByLabel("Telephone", { exact: true }).check();
    await page.getByRole("button", { name: "Add this person" }).click();
    await expect(h1(page)).toHaveText("Priya Khan");
    const notice = page.getByTestId("not-stored");
    await expect(notice).toContainText("Your latest changes are not saved on this device");
    await expect(notice).toContainText("They could not be saved because this device’s storage for this app is full. They are still in this tab, so do not close it.");
    await expectNoAxeViolations(page, "changes not stored");
    await screenshot(page, "not-stored");
    expect((await storedDocuments(page))["sp.clinic"]).not.toContain("Priya Khan");
    // Leaving the page now asks first; staying keeps the change.
    const asked = page.waitForEvent("dialog");
    await page.evaluate(() => setTimeout(() => location.reload(), 0));
    const dialog = await asked;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
    await expect(notice).toBeVisible();
    await expect(h1(page)).toHaveText("Priya Khan");

    // Space is freed, and the next try stores everything held.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = window.storing;
    });
    await notice.getByRole("button", { name: "Try saving again" }).click();
    await expect(notice).toHaveCount(0);
    await expect.poll(async () => (await storedDocuments(page))["sp.clinic"]).toContain("Priya Khan");
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people")).toContainText("Priya Khan");
  } finally {
    await closeAll(context, served);
  }
});

test("a change another tab stored a moment before this one is never written over: the person chooses", async ({ context, watch }) => {
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    // Another tab renames Sam, and stores it; this tab has not heard yet
    // (the other tab's message is still on its way).
    const renameInAnotherTab = async (name) => {
      const stored = (await storedDocuments(page))["sp.clinic"];
      await changeStored(page, { "sp.clinic": renamedLater(stored, name) });
    };
    const addPriya = () => fillInPriya(page, served);
    const notice = page.getByTestId("save-problem");

    await addPriya();
    await renameInAnotherTab("Sam Patel-Jones");
    await page.getByRole("button", { name: "Add this person" }).click();
    await expect(notice).toContainText("Your changes have not been saved");
    await expect(notice).toContainText("This was also changed in another tab or window");
    await expectNoAxeViolations(page, "a change another tab stored first");
    await screenshot(page, "changed-in-another-tab");
    // Theirs is what the device holds; this tab's Priya is still on screen.
    const held = (await storedDocuments(page))["sp.clinic"];
    expect(held).toContain("Sam Patel-Jones");
    expect(held).not.toContain("Priya Khan");
    await expect(h1(page)).toHaveText("Priya Khan");
    await notice.getByRole("button", { name: "Use the other version" }).click();
    await expect(notice).toHaveCount(0);
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people")).toContainText("Sam Patel-Jones");
    await expect(page.getByTestId("people")).not.toContainText("Priya Khan");

    // Again, and this time the person keeps their own version.
    await addPriya();
    await renameInAnotherTab("Samuel Patel");
    await page.getByRole("button", { name: "Add this person" }).click();
    await expect(notice).toContainText("Your changes have not been saved");
    expect((await storedDocuments(page))["sp.clinic"]).not.toContain("Priya Khan");
    await notice.getByRole("button", { name: "Keep my version" }).click();
    await expect(notice).toHaveCount(0);
    await expect.poll(async () => (await storedDocuments(page))["sp.clinic"]).toContain("Priya Khan");
    const kept = (await storedDocuments(page))["sp.clinic"];
    expect(kept).toContain("Sam Patel-Jones");
    expect(kept).not.toContain("Samuel Patel");
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people")).toContainText("Priya Khan");
  } finally {
    await closeAll(context, served);
  }
});

test("a change held a moment before it is stored gives way to another tab's, and the person chooses", async ({ context, watch }) => {
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    const theirs = renamedLater((await storedDocuments(page))["sp.clinic"], "Sam Patel-Jones");
    await fillInPriya(page, served);
    // This tab's change waits for the next frame to be stored; frames are
    // held back, and meanwhile another tab stores its rename and says so.
    await page.evaluate(() => {
      window.drawFrame = window.requestAnimationFrame;
      window.requestAnimationFrame = () => 0;
    });
    await page.getByRole("button", { name: "Add this person" }).click();
    await expect(h1(page)).toHaveText("Priya Khan");
    await changeStored(page, { "sp.clinic": theirs }, { asAnotherTab: true });
    const notice = page.getByTestId("save-problem");
    await expect(notice).toContainText("This was also changed in another tab or window");
    await page.evaluate(() => {
      window.requestAnimationFrame = window.drawFrame;
    });
    expect((await storedDocuments(page))["sp.clinic"]).toContain("Sam Patel-Jones");
    await notice.getByRole("button", { name: "Keep my version" }).click();
    await expect(notice).toHaveCount(0);
    // The page is put in the background: what is waiting is stored at once.
    await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
    await expect.poll(async () => (await storedDocuments(page))["sp.clinic"]).toContain("Priya Khan");
    expect((await storedDocuments(page))["sp.clinic"]).not.toContain("Sam Patel-Jones");
  } finally {
    await closeAll(context, served);
  }
});

test("a change made just as the page is left is kept, even while another tab is writing", async ({ context, watch }) => {
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    // Another tab holds a write to the device open, so this tab's writes
    // wait behind it.
    const other = await openPage(context, watch, served.origin);
    await other.goto(`${served.url}privacy/`);
    const letGo = await holdWriting(other);
    await page.getByRole("button", { name: "Mark as finished" }).click();
    await expect(page.getByText("Sam is finished.")).toBeVisible();
    // The page is reloaded while its write still waits, then the other tab
    // finishes.
    await page.reload();
    await letGo();
    await expect(h1(page)).toHaveText("Sam Patel");
    await expect(page.getByText("Sam is finished.")).toBeVisible();
    await expect(page.getByTestId("kept-notice")).toHaveCount(0);
    expect((await storedDocuments(page))["sp.clinic"]).toContain('"finished"');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  } finally {
    await closeAll(context, served);
  }
});

test("a change written down as a page was left is stored by the next page, or kept aside if another tab stored since, even when the device is full at first", async ({ context, watch }) => {
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    const stored = (await storedDocuments(page))["sp.clinic"];
    // Two pages were left before their writes were made: the first had
    // renamed Sam from the revision before the one stored (so another tab
    // stored since), the second from the one stored.
    const earlier = renamedLater(stored, "Samuel Patel").replace(/"revision":(\d+)/, (_, n) => `"revision":${Number(n) - 1}`);
    await page.evaluate(([earlier, later]) => {
      localStorage.setItem("sp-unstored.1700000000000.a", JSON.stringify({ changes: [{ key: "sp.clinic", text: earlier }] }));
      localStorage.setItem("sp-unstored.1700000000001.b", JSON.stringify({ changes: [{ key: "sp.clinic", text: later }] }));
      // Damaged: left as it is.
      localStorage.setItem("sp-unstored.1700000000002.c", '{"changes": [{"key": "sp.clin');
      sessionStorage.setItem("full", "yes");
    }, [earlier, renamedLater(stored, "Sam Patel-Jones")]);
    // The device is full when the next page opens.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem("full")) return;
      window.storing = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people")).toContainText("Sam Patel-Jones");
    const kept = page.getByTestId("kept-notice");
    await expect(kept).toContainText("Saved clinic (a change made as a page was closed, after another tab or window had changed it)");
    const notStored = page.getByTestId("not-stored");
    await expect(notStored).toContainText("Your latest changes are not saved on this device");
    await expectNoAxeViolations(page, "a change kept aside, and not stored");
    await screenshot(page, "left-behind-not-stored");
    expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(["sp-unstored.1700000000000.a", "sp-unstored.1700000000001.b", "sp-unstored.1700000000002.c"]);

    // Space is freed: the next try stores both, and what was written down goes.
    await page.evaluate(() => {
      sessionStorage.removeItem("full");
      IDBObjectStore.prototype.put = window.storing;
    });
    await notStored.getByRole("button", { name: "Try saving again" }).click();
    await expect(notStored).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage))).toEqual(["sp-unstored.1700000000002.c"]);
    const now = await storedDocuments(page);
    expect(now["sp.clinic"]).toContain("Sam Patel-Jones");
    expect(Object.keys(now).filter((key) => key.startsWith("sp.kept.clinic."))).toHaveLength(1);
    await screenshot(page, "kept-change-left-behind");
    const downloading = page.waitForEvent("download");
    await kept.getByRole("link", { name: "Download the kept copy" }).click();
    expect(readFileSync(await (await downloading).path(), "utf8")).toContain("Samuel Patel");
  } finally {
    await closeAll(context, served);
  }
});

/** The clinic's stored text as another tab would store it next: Sam
 * renamed `name`, at the next revision. */
function renamedLater(stored, name) {
  const revision = Number(/"revision":(\d+)/.exec(stored)[1]);
  return stored.replace(`"revision":${revision}`, `"revision":${revision + 1}`).replace(/"name":"Sam Patel[^"]*"/, `"name":"${name}"`);
}

/** Fills in the form adding Priya Khan, short of sending it. */
async function fillInPriya(page, served) {
  await page.goto(`${served.url}clinic/people/`);
  await page.getByRole("button", { name: "Add a person" }).click();
  await page.getByLabel("Full name").fill("Priya Khan");
  await page.getByLabel("Self-referral", { exact: true }).check();
  await page.getByLabel("Telephone", { exact: true }).check();
}
