// Live sharing timed with the five busy years (issue 25), for `make bench`:
// the bench's own pouchdb-server (tests/support/sharing.mjs, in memory)
// behind the app's address. Device A restores the sample, locks it and
// sends it all to the empty server (the first full share); device B starts
// from A's locked backup and joins; then one person added on A is timed to
// B's people list, and the main thread's cost of a round on A is measured
// with the CPU slowed 4 times: an idle round (nothing changed anywhere) and
// a round after a change on this device (the whole clinic compared).
import { readFileSync } from "node:fs";
import { serveSharing, VOLUNTEERS } from "../tests/support/sharing.mjs";

const PASSPHRASE = "blue kettle on the windowsill";
const SLOWDOWN = 4;
const LONG = 600_000;

async function restore(page, url, name, buffer, passphrase) {
  await page.goto(`${url}clinic/backup/`);
  await page.getByLabel("Choose the backup file").setInputFiles({ name, mimeType: "application/json", buffer });
  if (passphrase) {
    await page.getByLabel("The backup’s passphrase").fill(passphrase);
    await page.getByRole("button", { name: "Open the backup" }).click();
  }
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await page.getByRole("region", { name: "Success" }).waitFor({ timeout: LONG });
}

/** Unlocks the clinic's records in this tab, when the page asks. */
async function unlock(page) {
  const field = page.getByLabel("Passphrase", { exact: true });
  const asked = await Promise.race([
    field.waitFor({ timeout: LONG }).then(() => true),
    page.getByRole("heading", { level: 1 }).filter({ hasNotText: "Unlock" }).waitFor({ timeout: LONG }).then(() => false),
  ]);
  if (!asked) return;
  await field.fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("heading", { level: 1 }).filter({ hasNotText: "Unlock" }).waitFor({ timeout: LONG });
}

/** Signs in on the sharing page and returns the time to the first round's
 * end: "Nothing waiting to be shared." */
async function signInAndShare(page, url, { name, password }) {
  await page.goto(`${url}clinic/backup/sharing/`);
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const start = Date.now();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("sharing-status").filter({ hasText: "Nothing waiting to be shared." }).waitFor({ timeout: LONG });
  return Date.now() - start;
}

/** The main thread's busy time (ms) in `page` while `act` runs and the `ms` after. */
async function busyDuring(cdp, act, ms) {
  const taskTime = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  const before = await taskTime();
  await act();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ((await taskTime()) - before) * 1000;
}

/** The longest task (ms) the page saw since the last call. */
const longestTask = (page) =>
  page.evaluate(() => {
    const longest = window.benchLongest || 0;
    window.benchLongest = 0;
    return longest;
  });

export async function measureSharing(browser, file) {
  const served = await serveSharing();
  const a = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const b = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const result = {};
  try {
    for (const context of [a, b]) {
      await context.addInitScript(() => {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.benchLongest = Math.max(window.benchLongest || 0, entry.duration);
        }).observe({ type: "longtask", buffered: true });
      });
    }
    // Device A: the five years, locked, sent to the empty server.
    const anaSharing = await a.newPage();
    await restore(anaSharing, served.url, "bench.json", readFileSync(file));
    await anaSharing.goto(`${served.url}clinic/lock/`);
    await anaSharing.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await anaSharing.getByLabel("Type the passphrase again").fill(PASSPHRASE);
    await anaSharing.getByLabel("I understand that if the passphrase is forgotten, nobody can read the records").check();
    await anaSharing.getByRole("button", { name: "Lock the records" }).click();
    await anaSharing.getByRole("region", { name: "Success" }).waitFor({ timeout: LONG });
    await anaSharing.goto(`${served.url}clinic/backup/`);
    const download = anaSharing.waitForEvent("download", { timeout: LONG });
    await anaSharing.getByRole("button", { name: "Download a backup" }).click();
    const locked = readFileSync(await (await download).path());
    result.firstShare = await signInAndShare(anaSharing, served.url, VOLUNTEERS[0]);
    result.documents = (await served.documents()).length;
    console.log(`sharing: first full share ${result.firstShare} ms, ${result.documents} documents`);

    // Device B: A's locked backup, then its first round against the full server.
    const benSharing = await b.newPage();
    await restore(benSharing, served.url, "locked.json", locked, PASSPHRASE);
    await benSharing.goto(`${served.url}clinic/`);
    await unlock(benSharing);
    result.join = await signInAndShare(benSharing, served.url, VOLUNTEERS[1]);
    console.log(`sharing: B joins ${result.join} ms`);

    // B's people list open in another tab; a person added in A's other tab.
    const benList = await b.newPage();
    await benList.goto(`${served.url}clinic/people/`);
    await unlock(benList);
    await benList.goto(`${served.url}clinic/people/`);
    await benList.getByTestId("people").waitFor();
    const anaWork = await a.newPage();
    await anaWork.goto(`${served.url}clinic/people/`);
    await unlock(anaWork);
    const arrivals = [];
    for (const name of ["Ada Lovelace", "Bea Fenwick", "Cy Tremaine"]) {
      await anaWork.goto(`${served.url}clinic/people/`);
      await anaWork.getByRole("button", { name: "Add a person" }).click();
      await anaWork.getByLabel("Full name").fill(name);
      await anaWork.getByLabel("GP", { exact: true }).check();
      await anaWork.getByLabel("Telephone", { exact: true }).check();
      // B's list, searched for the name, notes the moment it shows it.
      await benList.getByRole("textbox", { name: /Search|Find/ }).fill(name.split(" ")[1]);
      await benList.evaluate((name) => {
        window.benchSeen = 0;
        const look = () => {
          if (!window.benchSeen && document.querySelector('[data-testid="people"]')?.textContent.includes(name)) window.benchSeen = Date.now();
        };
        new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
      }, name);
      const sent = await anaWork.evaluate(() => {
        const at = Date.now();
        [...document.querySelectorAll("button")].find((button) => button.textContent.trim() === "Add this person").click();
        return at;
      });
      await benList.waitForFunction(() => window.benchSeen > 0, null, { timeout: 60_000 });
      arrivals.push((await benList.evaluate(() => window.benchSeen)) - sent);
    }
    result.arrivals = arrivals;
    console.log(`sharing: arrivals ${arrivals.join(", ")} ms`);

    // A round's cost on A's sharing tab, slowed 4 times. Idle: woken with
    // nothing changed. After a change: a person's details changed in A's
    // other tab, so the round compares the whole clinic.
    const cdp = await a.newCDPSession(anaSharing);
    await cdp.send("Performance.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
    await anaSharing.waitForTimeout(3000);
    await longestTask(anaSharing);
    result.quiet = await busyDuring(cdp, async () => {}, 4000);
    result.idle = await busyDuring(cdp, () => anaSharing.evaluate(() => dispatchEvent(new Event("sp-saved"))), 4000);
    result.idleLongest = await longestTask(anaSharing);
    await anaWork.goto(`${served.url}clinic/people/`);
    await anaWork.getByTestId("people").getByRole("link").first().click();
    await anaWork.getByRole("button", { name: "Mark as finished" }).waitFor();
    result.changed = await busyDuring(cdp, () => anaWork.getByRole("button", { name: "Mark as finished" }).click(), 12_000);
    result.changedLongest = await longestTask(anaSharing);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

    // Rounds from a clinic page: A's sharing page closes, so A's people page
    // (anaWork) takes the turn and shares in the background. Its first round
    // reads the whole server; then a round after a change made on that page,
    // and one bringing in a change from B, each timed on that page at 4×.
    await anaSharing.close();
    const work = await a.newCDPSession(anaWork);
    await work.send("Performance.enable");
    await work.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
    await anaWork.goto(`${served.url}clinic/people/`);
    await unlock(anaWork);
    await anaWork.getByTestId("people").waitFor({ timeout: LONG });
    await longestTask(anaWork);
    result.takeOver = await busyDuring(work, async () => {}, 40_000);
    result.takeOverLongest = await longestTask(anaWork);
    await anaWork.getByTestId("people").getByRole("link").nth(1).click();
    await anaWork.getByRole("button", { name: "Mark as finished" }).waitFor({ timeout: LONG });
    await longestTask(anaWork);
    result.pageChanged = await busyDuring(work, () => anaWork.getByRole("button", { name: "Mark as finished" }).click(), 12_000);
    result.pageChangedLongest = await longestTask(anaWork);
    await benList.goto(`${served.url}clinic/people/`);
    await benList.getByRole("button", { name: "Add a person" }).click();
    await benList.getByLabel("Full name").fill("Dee Ashworth");
    await benList.getByLabel("GP", { exact: true }).check();
    await benList.getByLabel("Telephone", { exact: true }).check();
    result.pageArrived = await busyDuring(work, () => benList.getByRole("button", { name: "Add this person" }).click(), 12_000);
    result.pageArrivedLongest = await longestTask(anaWork);
    return result;
  } finally {
    await a.close();
    await b.close();
    await served.close();
  }
}

const ms = (n) => `${Math.round(n)} ms`;
const seconds = (n) => `${(n / 1000).toFixed(1)} s`;

export function sharingLines(percent, r) {
  return [
    `## Live sharing (${percent}% of the five busy years)`,
    "",
    "A real CouchDB-protocol server (npm `pouchdb-server`, in memory) on this machine, behind the app's address; two browser contexts are two devices, the CPU at full speed unless said.",
    "",
    "| what | time |",
    "| --- | --- |",
    `| first full share: device A, holding the clinic, signs in and sends it all to the empty server (${r.documents} sealed documents) | ${seconds(r.firstShare)} |`,
    `| device B, started from A's locked backup, signs in: its first round reads the whole server and compares | ${seconds(r.join)} |`,
    `| a person added on A reaches B's open people list (3 runs) | ${r.arrivals.map(ms).join(", ")} |`,
    `| A's sharing tab at ${SLOWDOWN}× slower CPU: main thread busy over 4 s, nothing happening | ${ms(r.quiet)} |`,
    `| the same, with one idle round (woken, nothing changed anywhere) | ${ms(r.idle)}, longest task ${ms(r.idleLongest)} |`,
    `| the same over 12 s, with a round after a change on A (only the records that changed compared) | ${ms(r.changed)}, longest task ${ms(r.changedLongest)} |`,
    `| A's sharing page closed: A's people page takes the turn and its first round reads the whole server, at ${SLOWDOWN}×, main thread busy over 40 s | ${ms(r.takeOver)}, longest task ${ms(r.takeOverLongest)} |`,
    `| that people page over 12 s at ${SLOWDOWN}×, with a person marked finished on it (the round in the same page) | ${ms(r.pageChanged)}, longest task ${ms(r.pageChangedLongest)} |`,
    `| that people page over 12 s at ${SLOWDOWN}×, with a person added on B arriving | ${ms(r.pageArrived)}, longest task ${ms(r.pageArrivedLongest)} |`,
    "",
  ];
}
