// Several volunteers share one clinic live through the practice's CouchDB
// (here a real server of its protocol, pouchdb-server in memory, under the
// app's own address). Without the setting nothing is sent; with it, a
// volunteer signs in once per device, changes reach the other device within
// seconds (one of them offline for a while), the same record changed on both
// is offered for a choice, and the server never holds a name or a phone.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, expectNoAxeViolations, screenshot, openPage, watchContext } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { serveSharing, VOLUNTEERS } from "./support/sharing.mjs";
import { h1, expectErrors, clinicHelpers, lockRecords, MONDAY } from "./support/clinic.mjs";

const PASSPHRASE = "blue kettle on the windowsill";
const [ANA, BEN] = VOLUNTEERS;

async function openSharing(page, served) {
  await page.goto(`${served.url}clinic/backup/`);
  await page.getByRole("link", { name: "Share the clinic with other devices" }).click();
  await expect(h1(page)).toHaveText("Share the clinic with other devices");
}

async function signIn(page, { name, password }) {
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const status = (page) => page.getByTestId("sharing-status");

/** The browser logs each answer from the server that is not a success (a
 * wrong password's 401, the proxy's 502 while the database is down, no
 * network): expected here, and said on the page instead. */
function allowServerErrors(watch) {
  watch.allowedConsoleErrors.push(/Failed to load resource.*\/couchdb\//);
}

/** Ana's device: Sam, the clinic's passphrase, a backup for another device
 * to start from, and signed in to share. */
async function firstDevice(context, watch, served, phone = () => async () => {}) {
  const clinic = clinicHelpers(served);
  const ana = await clinic.openClinic(context, watch);
  await clinic.addPerson(ana, "Sam Patel", "GP", "Face to face", phone(ana, "07700 900123"));
  await lockRecords(ana, served, PASSPHRASE);
  await ana.goto(`${served.url}clinic/backup/`);
  const download = ana.waitForEvent("download");
  await ana.getByRole("button", { name: "Download a backup" }).click();
  const backup = readFileSync(await (await download).path(), "utf8");
  await openSharing(ana, served);
  await signIn(ana, ANA);
  await expect(status(ana)).toContainText("Nothing waiting to be shared.");
  return { ana, backup };
}

/** Another device started from that backup, with the same passphrase, on the clinic's front page. */
async function startFromBackup(context, watch, served, backup) {
  const page = await openPage(context, watch, served.origin);
  await page.clock.setFixedTime(MONDAY);
  await page.goto(`${served.url}clinic/backup/`);
  await page.getByLabel("Choose the backup file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByLabel("The backup’s passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the backup" }).click();
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await page.getByRole("link", { name: "Go to the clinic" }).click();
  await page.getByLabel("Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(h1(page)).toHaveText("Run a clinic");
  return page;
}

/** Another tab of the same device, unlocked (each new tab asks). */
async function newTab(context, served) {
  const page = await context.newPage();
  await page.clock.setFixedTime(MONDAY);
  await page.goto(`${served.url}clinic/`);
  await expect(h1(page)).toHaveText("Unlock the clinic’s records");
  await page.getByLabel("Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(h1(page)).toHaveText("Run a clinic");
  return page;
}

test("without the sharing setting the page says so and nothing is sent anywhere", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const clinic = clinicHelpers(served);
    const page = await clinic.openClinic(context, watch);
    const asked = [];
    page.on("request", (request) => asked.push(request.url()));
    await page.goto(`${served.url}clinic/backup/`);
    await expect(h1(page)).toHaveText("Back up or restore the clinic's data");
    await expect(page.getByRole("link", { name: "Share the clinic with other devices" })).toHaveCount(0);
    await page.goto(`${served.url}clinic/backup/sharing/`);
    await expect(page.getByTestId("sharing-off")).toContainText("Sharing is not set up for this clinic, so nothing is sent anywhere");
    await expectNoAxeViolations(page, "the sharing page without the setting");
    expect(asked.filter((url) => /couchdb|_session|_changes|_bulk_docs/.test(url))).toEqual([]);
  } finally {
    await served.close();
  }
});

test("signing in: empty fields, a wrong password, a server that answers garbage or hangs, an unknown database, then the right account", async ({ context, watch }) => {
  test.setTimeout(180_000);
  const served = await serveSharing();
  allowServerErrors(watch);
  try {
    const clinic = clinicHelpers(served);
    const page = await clinic.openClinic(context, watch);
    await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");

    // No passphrase yet: nothing may leave the device unsealed.
    await openSharing(page, served);
    await expect(page.getByTestId("sharing-needs-lock")).toContainText("Set a passphrase for the clinic first");
    await expectNoAxeViolations(page, "the sharing page before a passphrase is set");
    await lockRecords(page, served, PASSPHRASE);
    await openSharing(page, served);
    await expectNoAxeViolations(page, "the sharing page's sign-in form");
    await screenshot(page, "sharing-sign-in");

    await page.getByRole("button", { name: "Sign in" }).click();
    await expectErrors(page, ["Enter your username", "Enter your password"], "the sign-in form left empty");

    await signIn(page, { name: ANA.name, password: "not her password" });
    await expectErrors(page, ["The username or password is not right. Check them and try again"], "a wrong password");
    await screenshot(page, "sharing-wrong-password");

    const problem = page.getByTestId("sharing-problem");
    served.answer("garbage");
    await signIn(page, ANA);
    await expect(problem).toContainText("does not answer as a CouchDB database");
    await expectNoAxeViolations(page, "a server that answers garbage");

    served.answer("hang");
    await signIn(page, ANA);
    await expect(page.getByRole("button", { name: "Signing in…" })).toBeVisible();
    await expect(problem).toContainText("did not answer within 10 seconds", { timeout: 15_000 });
    await expectNoAxeViolations(page, "a server that does not answer");
    await screenshot(page, "sharing-server-hangs");
    served.answer("ok");

    // The practice's setting names a database the server does not have.
    const config = join(served.root, "config.json");
    const settings = JSON.parse(readFileSync(config, "utf8"));
    writeFileSync(config, JSON.stringify({ ...settings, sharing: "/couchdb/no-such-clinic" }));
    await page.reload();
    await signIn(page, ANA);
    await expect(problem).toContainText("has no clinic database at the address in config.json");
    await expectNoAxeViolations(page, "an unknown database");
    writeFileSync(config, JSON.stringify(settings));
    await page.reload();

    // Nothing typed was lost along the way, and the right account signs in.
    await signIn(page, ANA);
    await expect(page.getByText(`Signed in as ${ANA.name}.`)).toBeVisible();
    await expect(status(page)).toContainText("Last shared at");
    await expect(status(page)).toContainText("Nothing waiting to be shared.");
    await expectNoAxeViolations(page, "sharing, signed in");
    await screenshot(page, "sharing-signed-in");
    // Signed in once per device: the page opened again knows it.
    await page.reload();
    await expect(page.getByText(`Signed in as ${ANA.name}.`)).toBeVisible();
    const work = await newTab(context, served);
    await clinic.addPerson(work, "Priya Khan", "GP", "Telephone");
    await expect(status(page)).toContainText("Nothing waiting to be shared.");
    await expect.poll(async () => (await served.documents()).length).toBeGreaterThanOrEqual(3);
    const before = (await served.documents()).length;

    // The server stops mid-sharing: changes wait, and nothing is lost.
    await served.stopDatabase();
    await clinic.addPerson(work, "Jo Bloggs", "GP", "Telephone");
    await expect(page.getByTestId("sharing-paused")).toContainText("cannot be reached", { timeout: 20_000 });
    await expect(status(page)).toContainText("waiting to be shared");
    await expect(status(page)).not.toContainText("Nothing waiting");
    await expectNoAxeViolations(page, "sharing paused, the server stopped");
    await screenshot(page, "sharing-server-stopped");

    // It starts again, empty (in memory) and with new sessions: the volunteer
    // signs in again and the device sends the whole clinic back.
    await served.startDatabase();
    await expect(page.getByTestId("sharing-problem")).toContainText("You have been signed out", { timeout: 20_000 });
    await signIn(page, ANA);
    await expect(status(page)).toContainText("Nothing waiting to be shared.", { timeout: 20_000 });
    await expect.poll(async () => (await served.documents()).length).toBeGreaterThan(before);
    await work.goto(`${served.url}clinic/people/`);
    for (const name of ["Sam Patel", "Priya Khan", "Jo Bloggs"]) await expect(work.getByTestId("people")).toContainText(name);
    const everything = JSON.stringify(await served.documents());
    for (const secret of ["Sam", "Patel", "Priya", "Khan", "Jo Bloggs"]) expect(everything, secret).not.toContain(secret);
  } finally {
    await served.close();
  }
});

test("two devices share: changes arrive without a reload, one device offline catches up, a record changed on both is chosen once and the choice shared, and the server holds no name or phone", async ({ context, watch }) => {
  test.setTimeout(240_000);
  const served = await serveSharing();
  const other = await context.browser().newContext({ viewport: { width: 390, height: 844 } });
  allowServerErrors(watch);
  await watchContext(other, watch);
  try {
    const clinic = clinicHelpers(served);
    const phone = (page, number) => async () => page.getByLabel("Phone number (optional)").fill(number);

    // Ana's device: the clinic, Sam, the passphrase, a backup for Ben's device to start from.
    const { ana, backup } = await firstDevice(context, watch, served, phone);

    // Ben's device starts from that backup, with the same passphrase.
    const ben = await startFromBackup(other, watch, served, backup);
    await openSharing(ben, served);
    await signIn(ben, BEN);
    await expect(status(ben)).toContainText("Nothing waiting to be shared.");

    // Ben keeps the people list open in a second tab.
    const benList = await newTab(other, served);
    await benList.goto(`${served.url}clinic/people/`);
    await expect(benList.getByTestId("people")).toContainText("Sam Patel");

    // Ana adds Priya in another tab of hers: it reaches Ben's list without a reload.
    const anaWork = await newTab(context, served);
    await clinic.addPerson(anaWork, "Priya Khan", "Self-referral", "Telephone", phone(anaWork, "07700 900456"));
    await expect(benList.getByTestId("people")).toContainText("Priya Khan", { timeout: 20_000 });

    // Ben goes offline and adds Jo; his change waits, then arrives at Ana's.
    const benWork = await newTab(other, served);
    await other.setOffline(true);
    await clinic.addPerson(benWork, "Jo Bloggs", "GP", "Face to face", phone(benWork, "07700 900789"));
    await expect(ben.getByTestId("sharing-paused")).toContainText("cannot be reached", { timeout: 20_000 });
    await expect(status(ben)).toContainText("waiting to be shared");
    await expect(status(ben)).not.toContainText("Nothing waiting");
    await expectNoAxeViolations(ben, "sharing paused while offline");
    await screenshot(ben, "sharing-offline");

    // While Ben is offline, both change Sam: Ana marks him finished, Ben declined.
    for (const [page, button, words] of [[anaWork, "Mark as finished", "Sam is finished."], [benWork, "Mark as declined", "Sam is declined."]]) {
      await page.goto(`${served.url}clinic/people/`);
      await page.getByTestId("people").getByRole("link", { name: "Sam Patel" }).click();
      await page.getByRole("button", { name: button }).click();
      await expect(page.getByText(words)).toBeVisible();
    }
    await other.setOffline(false);

    // The device that merges second finds Sam changed on both and asks (Ben's,
    // unless his change reached the server before Ana's): the choice is made once.
    const asking = async () => (await ana.getByTestId("sharing-choices").count()) + (await ben.getByTestId("sharing-choices").count());
    await expect.poll(asking, { timeout: 30_000 }).toBe(1);
    const chooser = (await ben.getByTestId("sharing-choices").count()) ? ben : ana;
    const choices = chooser.getByTestId("sharing-choices");
    await expect(choices).toContainText("1 record was changed on this device and another");
    // The status says plainly that a choice waits, never "Nothing waiting".
    await expect(status(chooser)).toContainText("A choice is waiting: 1 record changed on this device and another. Choose which version to keep");
    await expect(status(chooser)).not.toContainText("Nothing waiting");
    await expectNoAxeViolations(chooser, "a record changed on two devices");
    await screenshot(chooser, "sharing-choice");
    await chooser.getByRole("button", { name: "Keep these versions" }).click();
    await expect(chooser.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Select which version of");
    await expectNoAxeViolations(chooser, "a choice not made");
    await chooser.getByLabel("Use the other device’s version").check();
    await chooser.getByRole("button", { name: "Keep these versions" }).click();
    await expect(chooser.getByTestId("sharing-settled")).toBeVisible();
    await expect(status(chooser)).toContainText("Nothing waiting to be shared.", { timeout: 20_000 });
    const kept = chooser === ben ? "Sam is finished." : "Sam is declined.";

    // Both devices end the same: Jo and Priya on each, Sam as chosen on each.
    for (const page of [anaWork, benWork]) {
      await page.goto(`${served.url}clinic/people/`);
      await expect(page.getByTestId("people")).toContainText("Jo Bloggs", { timeout: 20_000 });
      await expect(page.getByTestId("people")).toContainText("Priya Khan");
      await page.getByTestId("people").getByRole("link", { name: "Sam Patel" }).click();
      await expect(page.getByText(kept)).toBeVisible({ timeout: 20_000 });
    }

    // Every document the server holds is sealed: no name, no phone number.
    // (But the lock's salt, iterations and check, for a new device: see the next test.)
    const documents = (await served.documents()).filter((doc) => doc._id !== "clinic-lock");
    expect(documents.length).toBeGreaterThan(3);
    for (const doc of documents) expect(Object.keys(doc).sort()).toEqual(["_id", "_rev", "sealed"]);
    // What the server could read: each document as written, with its sealed
    // bytes decoded from base64 (the base64 text itself is not searched: a
    // random ciphertext spells "Sam" in base64 in about one run in fifty).
    const held = documents.map(({ sealed: { iv, data, ...restOfSealed }, ...rest }) =>
      [JSON.stringify({ ...rest, sealed: restOfSealed }), Buffer.from(iv, "base64").toString("latin1"), Buffer.from(data, "base64").toString("latin1")].join("\n"),
    );
    for (const doc of documents) expect(doc.sealed.data).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const everything = held.join("\n");
    for (const secret of ["Sam", "Patel", "Priya", "Khan", "Jo Bloggs", "07700", "900123", "900456", "900789", "finished", "declined"]) {
      expect(everything, secret).not.toContain(secret);
    }
  } finally {
    await other.close();
    await served.close();
  }
});

test("a new device starts from the server: sign in, a wrong passphrase keeps nothing, the right one brings the whole clinic; a device with a clinic of its own is refused", async ({ context, watch }) => {
  test.setTimeout(240_000);
  const served = await serveSharing();
  const fresh = await context.browser().newContext({ viewport: { width: 390, height: 844 } });
  const own = await context.browser().newContext({ viewport: { width: 390, height: 844 } });
  allowServerErrors(watch);
  await watchContext(fresh, watch);
  await watchContext(own, watch);
  try {
    const clinic = clinicHelpers(served);

    // Ana's device holds the clinic and shares it.
    const ana = await clinic.openClinic(context, watch);
    await clinic.addPerson(ana, "Sam Patel", "GP", "Face to face");
    await lockRecords(ana, served, PASSPHRASE);
    await openSharing(ana, served);
    await signIn(ana, ANA);
    await expect(status(ana)).toContainText("Nothing waiting to be shared.");
    // The one document not sealed names nothing: the lock's salt, iterations and check.
    const lock = (await served.documents()).find((doc) => doc._id === "clinic-lock");
    expect(Object.keys(lock).sort()).toEqual(["_id", "_rev", "check", "iterations", "salt"]);
    expect(JSON.stringify(lock)).not.toContain("Sam");

    // Ben's new device: no clinic, no backup.
    const ben = await openPage(fresh, watch, served.origin);
    await ben.clock.setFixedTime(MONDAY);
    await ben.goto(`${served.url}clinic/backup/sharing/`);
    await expect(ben.getByTestId("sharing-new-device")).toContainText("This device has no clinic yet");
    await expectNoAxeViolations(ben, "the sharing page on a new device");
    await signIn(ben, BEN);
    await expect(ben.getByRole("heading", { name: "Open the clinic from the practice’s server" })).toBeVisible();
    await expectNoAxeViolations(ben, "a new device asked for the clinic's passphrase");
    await screenshot(ben, "sharing-new-device");
    const open = ben.getByRole("button", { name: "Open the clinic" });
    await open.click();
    await expectErrors(ben, ["Enter the clinic’s passphrase"], "the clinic's passphrase left empty");
    await ben.getByLabel("The clinic’s passphrase").fill("not the passphrase at all");
    await open.click();
    await expect(ben.getByRole("button", { name: "Opening the clinic…" })).toHaveCount(0, { timeout: 20_000 });
    await expectErrors(ben, ["The passphrase is not right. Check it and try again"], "a wrong clinic passphrase");
    await screenshot(ben, "sharing-new-device-wrong-passphrase");
    // Nothing was kept: the clinic opens without a passphrase, empty.
    await ben.goto(`${served.url}clinic/people/`);
    await expect(h1(ben)).toHaveText("People and appointments");
    await expect(ben.getByText("Sam Patel")).toHaveCount(0);

    await openSharing(ben, served);
    await ben.getByLabel("The clinic’s passphrase").fill(PASSPHRASE);
    await ben.getByRole("button", { name: "Open the clinic" }).click();
    await expect(ben.getByText(`Signed in as ${BEN.name}.`)).toBeVisible({ timeout: 30_000 });
    await expect(status(ben)).toContainText("Nothing waiting to be shared.", { timeout: 30_000 });
    await ben.goto(`${served.url}clinic/people/`);
    await expect(ben.getByTestId("people")).toContainText("Sam Patel");
    // Locked with the clinic's passphrase, as Ana's is: a new tab asks for it.
    const benTab = await newTab(fresh, served);
    await expect(h1(benTab)).toHaveText("Run a clinic");

    // A device that set up a clinic of its own, with its own passphrase.
    const cy = await openPage(own, watch, served.origin);
    await cy.clock.setFixedTime(MONDAY);
    await cy.goto(`${served.url}clinic/`);
    await clinic.addPerson(cy, "Zed Other", "GP", "Telephone");
    await lockRecords(cy, served, "a passphrase of its very own");
    await openSharing(cy, served);
    await signIn(cy, ANA);
    await expect(cy.getByTestId("sharing-paused")).toContainText("locked with a different passphrase from the clinic on this device", { timeout: 20_000 });
    await expectNoAxeViolations(cy, "a device with a clinic of its own");
    await screenshot(cy, "sharing-other-clinic");
    await ana.goto(`${served.url}clinic/people/`);
    await expect(ana.getByTestId("people")).toContainText("Sam Patel");
    await expect(ana.getByText("Zed Other")).toHaveCount(0);
  } finally {
    await fresh.close();
    await own.close();
    await served.close();
  }
});

test("with no sharing page open, the clinic's own pages share: a change reaches the other device's open list, a device not signed in says so, and a record changed on both leads to the sharing page to choose", async ({ context, watch }) => {
  test.setTimeout(240_000);
  const served = await serveSharing();
  const other = await context.browser().newContext({ viewport: { width: 390, height: 844 } });
  allowServerErrors(watch);
  await watchContext(other, watch);
  try {
    const clinic = clinicHelpers(served);
    const notice = (page) => page.getByTestId("sharing-notice");

    // Ana's device: Sam, the passphrase, signed in once; then she leaves the sharing page.
    const { ana, backup } = await firstDevice(context, watch, served);
    await ana.goto(`${served.url}clinic/people/`);
    await expect(ana.getByTestId("people")).toContainText("Sam Patel");

    // Ben's device starts from the backup. Not signed in yet: his clinic's pages say so.
    const ben = await startFromBackup(other, watch, served, backup);
    await expect(notice(ben)).toContainText("This device is not sharing the clinic with the other volunteers’ devices.", { timeout: 20_000 });
    await expectNoAxeViolations(ben, "a clinic page on a device not signed in to share");
    await screenshot(ben, "sharing-notice-signed-out");
    await ben.getByRole("link", { name: "Sign in to share the clinic" }).click();
    await expect(h1(ben)).toHaveText("Share the clinic with other devices");
    await signIn(ben, BEN);
    await expect(status(ben)).toContainText("Nothing waiting to be shared.");
    await ben.goto(`${served.url}clinic/people/`);
    await expect(ben.getByTestId("people")).toContainText("Sam Patel");
    await expect(notice(ben)).toHaveCount(0);

    // Ana adds Priya on her clinic's pages: it reaches Ben's open list, no sharing page open anywhere.
    await clinic.addPerson(ana, "Priya Khan", "Self-referral", "Telephone");
    await expect(ben.getByTestId("people")).toContainText("Priya Khan", { timeout: 20_000 });
    // And a change in Ben's other tab reaches Ana's open list the same way.
    const benWork = await newTab(other, served);
    await ana.goto(`${served.url}clinic/people/`);
    await expect(ana.getByTestId("people")).toContainText("Priya Khan");
    await clinic.addPerson(benWork, "Jo Bloggs", "GP", "Face to face");
    await expect(ana.getByTestId("people")).toContainText("Jo Bloggs", { timeout: 20_000 });

    // Both change Sam while Ben is offline: a clinic page says a choice waits and leads to it.
    await other.setOffline(true);
    for (const [page, button, words] of [[ana, "Mark as finished", "Sam is finished."], [benWork, "Mark as declined", "Sam is declined."]]) {
      await page.goto(`${served.url}clinic/people/`);
      await page.getByTestId("people").getByRole("link", { name: "Sam Patel" }).click();
      await page.getByRole("button", { name: button }).click();
      await expect(page.getByText(words)).toBeVisible();
    }
    await ben.close();
    await other.setOffline(false);
    // The device whose round meets the other's change second asks (Ben's, unless
    // his change reached the server before Ana's): its clinic page says so.
    const waits = (page) => notice(page).filter({ hasText: "A record was changed on this device and on another." });
    const asking = async () => (await waits(ana).count()) + (await waits(benWork).count());
    await expect.poll(asking, { timeout: 30_000 }).toBe(1);
    const chooser = (await waits(benWork).count()) ? benWork : ana;
    await expectNoAxeViolations(chooser, "a clinic page with a choice waiting");
    await screenshot(chooser, "sharing-notice-choice");
    await chooser.getByRole("link", { name: "Choose which version to keep" }).click();
    const choices = chooser.getByTestId("sharing-choices");
    await expect(choices).toContainText("1 record was changed on this device and another", { timeout: 20_000 });
    await chooser.getByLabel("Use the other device’s version").check();
    await chooser.getByRole("button", { name: "Keep these versions" }).click();
    await expect(chooser.getByTestId("sharing-settled")).toBeVisible();
    await expect(status(chooser)).toContainText("Nothing waiting to be shared.", { timeout: 20_000 });
    const kept = chooser === benWork ? "Sam is finished." : "Sam is declined.";

    // Back on the clinic's pages, both devices end the same: Sam as chosen.
    for (const page of [ana, benWork]) {
      await page.goto(`${served.url}clinic/people/`);
      await page.getByTestId("people").getByRole("link", { name: "Sam Patel" }).click();
      await expect(page.getByText(kept)).toBeVisible({ timeout: 20_000 });
      await expect(notice(page)).toHaveCount(0);
    }
  } finally {
    await other.close();
    await served.close();
  }
});
