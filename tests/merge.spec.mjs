// Two volunteers keep the clinic on two devices that started from the same
// backup. Each adds and changes records; one device's backup is merged into
// the other: new records arrive, the record both changed waits for a choice,
// and merging the same backup again changes nothing.
import { test, expect, expectNoAxeViolations, screenshot, openPage } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { downloadBackup, chooseBackup } from "./support/backup_file.mjs";
import { changeStored, storedDocuments } from "./support/stored.mjs";
import { h1, expectErrors, clinicHelpers, MONDAY } from "./support/clinic.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

async function openRecord(page, name) {
  await page.goto(`${served.url}clinic/people/`);
  await page.getByTestId("people").getByRole("link", { name }).click();
  await expect(h1(page)).toHaveText(name);
}

test("another volunteer's backup is merged: new records added, a record changed on both chosen, and a second merge changes nothing", async ({ context, watch }) => {
  test.setTimeout(150_000);
  const clinic = clinicHelpers(served);

  // Ann's device: a session and Sam, then a backup that Bob's device starts from.
  const ann = await clinic.openClinic(context, watch);
  await ann.getByRole("link", { name: "Sessions and closed dates" }).click();
  await clinic.addWeekly(ann, "Tuesday", "9am", "12:30pm", "Room 4");
  await clinic.addPerson(ann, "Sam Patel", "GP", "Face to face");
  const start = await downloadBackup(ann, served.url);

  const bobContext = await context.browser().newContext({ viewport: { width: 390, height: 844 } });
  try {
    const bob = await openPage(bobContext, watch, served.origin);
    await bob.clock.setFixedTime(MONDAY);
    await bob.goto(`${served.url}clinic/backup/`);
    await chooseBackup(bob, "Choose the backup file", start);
    await bob.getByRole("button", { name: "Restore this backup" }).click();
    await expect(bob.getByRole("region", { name: "Success" })).toContainText("The backup has been restored");

    // Bob adds Priya, logs a call with Sam, and marks Sam declined.
    await clinic.addPerson(bob, "Priya Khan", "Self-referral", "Telephone");
    await openRecord(bob, "Sam Patel");
    await bob.getByRole("button", { name: "Add to the log" }).click();
    await bob.getByLabel("What happened?").fill("Called, left message");
    await bob.getByRole("button", { name: "Add to the log" }).click();
    await expect(bob.getByTestId("log")).toContainText("Called, left message");
    await bob.getByRole("button", { name: "Mark as declined" }).click();
    await expect(bob.getByText("Sam is declined.")).toBeVisible();
    // A self-referral scanned in on Bob's device (as the clinic's import page stores it).
    const referral = { reference: "WCAA-AAAY", sent_on: "2026-03-01", answers: { full_name: "Jo Bloggs" } };
    await changeStored(bob, {
      "sp.clinic-inbox": JSON.stringify({ kind: "clinic-inbox", version: 1, revision: 1, saved_at: "2026-03-02T09:00:00Z", data: { referrals: [referral] } }),
    });
    const bobs = await downloadBackup(bob, served.url);

    // Meanwhile Ann marks Sam finished.
    await openRecord(ann, "Sam Patel");
    await ann.getByRole("button", { name: "Mark as finished" }).click();
    await expect(ann.getByText("Sam is finished.")).toBeVisible();

    // Ann merges Bob's backup.
    await ann.goto(`${served.url}clinic/backup/`);
    await ann.getByRole("link", { name: "Add records from another device’s backup" }).click();
    await expect(h1(ann)).toHaveText("Add records from another device");
    await expectNoAxeViolations(ann, "the merge page");
    await chooseBackup(ann, "Choose the other device’s backup file", { name: "notes.json", text: '{"a": 1}' });
    await expectErrors(ann, ["The file is not a backup from this app. Choose a file whose name starts with linkworker-backup"], "the merge page with a file that is not a backup");

    await chooseBackup(ann, "Choose the other device’s backup file", bobs);
    const preview = ann.getByTestId("merge-preview");
    await expect(preview).toContainText("New on this device");
    await expect(preview.getByRole("listitem").filter({ hasText: "1 person: Priya Khan" })).toHaveCount(1);
    await expect(preview.getByRole("listitem").filter({ hasText: "1 log entry" })).toHaveCount(1);
    await expect(preview.getByRole("listitem").filter({ hasText: "1 self-referral scanned in" })).toHaveCount(1);
    await expect(preview).toContainText("1 record was changed on both devices");
    const choice = ann.getByRole("group", { name: "Sam Patel’s record" });
    // In the words the app's pages use, not its stored codes.
    await expect(choice.getByRole("row", { name: /Status/ })).toContainText("Finished");
    await expect(choice.getByRole("row", { name: /Status/ })).toContainText("Declined");
    await expectNoAxeViolations(ann, "the merge preview with a record changed on both devices");
    await screenshot(ann, "merge-preview");
    // Nothing is written before the person says so.
    expect((await storedDocuments(ann))["sp.clinic"]).not.toContain("Priya Khan");

    await ann.getByRole("button", { name: "Add these records" }).click();
    await expectErrors(ann, ["Select which version of Sam Patel’s record to keep"], "the merge with no choice made");
    await screenshot(ann, "merge-choice-missing");
    await choice.getByLabel("Use the other device’s version").check();
    await ann.getByRole("button", { name: "Add these records" }).click();
    const success = ann.getByRole("region", { name: "Success" });
    await expect(success).toContainText("The other device’s records have been added");
    await expect(success).toContainText("1 person added: Priya Khan");
    await expect(success).toContainText("Sam Patel’s record: took the other device’s version (Status: Declined)");
    await expect(success).toContainText("1 log entry added");
    await expect(success).toContainText("1 self-referral scanned in added");
    await expectNoAxeViolations(ann, "the merge done");

    await ann.goto(`${served.url}clinic/people/`);
    await expect(ann.getByTestId("people")).toContainText("Priya Khan");
    await ann.goto(`${served.url}clinic/`);
    await expect(ann.getByText("Jo Bloggs").first()).toBeVisible();
    await openRecord(ann, "Sam Patel");
    await expect(ann.getByText("Sam is declined.")).toBeVisible();
    await expect(ann.getByTestId("log")).toContainText("Called, left message");

    // The same backup again changes nothing.
    await ann.goto(`${served.url}clinic/backup/merge/`);
    await chooseBackup(ann, "Choose the other device’s backup file", bobs);
    await expect(ann.getByTestId("merge-preview")).toContainText(/This device already has everything in the backup made on Monday 2 March 2026 at \d+(:\d+)?[ap]m\. Nothing needs to change\./);

    // Bob takes Ann's backup back: his records are already the same, and he
    // learns how Ann settled Sam's record, so his next change is no conflict.
    const anns = await downloadBackup(ann, served.url);
    await bob.goto(`${served.url}clinic/backup/merge/`);
    await chooseBackup(bob, "Choose the other device’s backup file", anns);
    await expect(bob.getByTestId("merge-preview")).toContainText("Nothing needs to change");
    await openRecord(bob, "Sam Patel");
    await bob.getByRole("button", { name: "Mark as finished" }).click();
    await expect(bob.getByText("Sam is finished.")).toBeVisible();
    const bobsNext = await downloadBackup(bob, served.url);
    await ann.goto(`${served.url}clinic/backup/merge/`);
    await chooseBackup(ann, "Choose the other device’s backup file", bobsNext);
    const next = ann.getByTestId("merge-preview");
    await expect(next).toContainText("Changed more recently on the other device");
    await expect(next).not.toContainText("changed on both devices");
    await ann.getByRole("button", { name: "Add these records" }).click();
    await expect(ann.getByRole("region", { name: "Success" })).toContainText("1 person brought up to date");
    // The clinic's head holds its people; their contact logs are a part of their own.
    const records = async (page) => {
      const stored = await storedDocuments(page);
      const logs = new Map(JSON.parse(stored["sp.clinic-part-log"] ?? '{"data":[]}').data);
      return JSON.parse(stored["sp.clinic"])
        .data.people.map((p) => `${p.name}:${p.status}:${logs.get(p.id)?.length ?? 0}`)
        .sort();
    };
    // Each device writes its change a moment after showing it.
    await expect.poll(() => records(ann)).toEqual(["Priya Khan:waiting:0", "Sam Patel:finished:1"]);
    await expect.poll(() => records(bob)).toEqual(["Priya Khan:waiting:0", "Sam Patel:finished:1"]);
  } finally {
    await bobContext.close();
  }
});
