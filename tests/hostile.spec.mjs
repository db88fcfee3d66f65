// Text and files from outside the app, made to do harm: a council's list
// whose services hold web page code and javascript: addresses, a person's
// name and note written as markup, a backup of 50 MB and a list of 100,000
// services. Each shows as the characters typed, never as part of the page
// or as a link, and each file too large is refused at once, saying why.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { storedText } from "./support/stored.mjs";
import { h1, clinicHelpers } from "./support/clinic.mjs";

const SCRIPT = "<script>window.hostileRan = 1</script>";
const IMAGE = "<img src=x onerror=window.hostileRan=2>";
const LINK = "javascript:window.hostileRan=3";
// A right-to-left override in a name, as a pasted name may carry it.
const REVERSED = "Walk\u202Eing group";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

/** Nothing from the text has become part of the page: no script ran, no element was made. */
async function expectOnlyText(page) {
  expect(await page.evaluate(() => window.hostileRan)).toBeUndefined();
  expect(await page.locator("img[onerror], img[src='x']").count()).toBe(0);
  expect(await page.locator("a[href^='javascript:'], a[href^='data:']").count()).toBe(0);
  expect(await page.locator("body script").count()).toBe(0);
}

/**
 * Chooses a file in the page's file input by `choose`, and measures the
 * app's part from the moment the file is chosen (its change event): the
 * longest task, in ms (a frozen page is one long task), and the time until
 * the error summary is drawn. Tasks before the change are Playwright's own
 * (it builds a file handed over as bytes inside the page).
 */
async function timedRefusal(page, choose) {
  await page.evaluate(() => {
    window.timing = { changedAt: null, shownAt: null, longest: 0 };
    document.querySelector("input[type=file]").addEventListener("change", () => { window.timing.changedAt = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (window.timing.shownAt === null && document.querySelector(".nhsuk-error-summary")) window.timing.shownAt = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        if (window.timing.changedAt !== null && task.startTime + task.duration > window.timing.changedAt) {
          window.timing.longest = Math.max(window.timing.longest, task.duration);
        }
      }
    }).observe({ type: "longtask" });
  });
  await choose();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const { changedAt, shownAt, longest } = await page.evaluate(() => window.timing);
  return { longest: Math.round(longest), shown: Math.round(shownAt - changedAt) };
}

test("a council's list with markup, an override and javascript: and data: addresses shows them as text, never as links", async ({ context, watch }) => {
  const page = await clinicHelpers(served).openClinic(context, watch);
  await page.goto(`${served.url}clinic/directory/import/`);
  await expect(h1(page)).toHaveText("Import or export services");
  const file = [
    { id: "a1", name: REVERSED, description: `${SCRIPT} ${IMAGE}`, url: LINK, email: "data:text/html,<b>hi</b>", organization: { name: IMAGE } },
    { id: "a2", name: SCRIPT, description: "Tea and a chat", url: "data:text/html;base64,PHNjcmlwdD4=", email: LINK },
  ];
  await page.getByLabel("Choose an Open Referral UK JSON file").setInputFiles({
    name: "council.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ content: file })),
  });
  await expect(page.getByTestId("import-new")).toHaveText(REVERSED + SCRIPT);
  await expectOnlyText(page);
  await page.getByRole("button", { name: "Import 2 services" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("2 services written to the directory.");

  await page.getByRole("link", { name: "See the directory" }).click();
  const names = page.getByTestId("service").getByRole("heading");
  await expect(names).toHaveText([SCRIPT, REVERSED]);
  await expectOnlyText(page);
  await page.getByRole("link", { name: REVERSED }).click();
  await expect(h1(page)).toHaveText(REVERSED);
  const details = page.locator("main");
  await expect(details).toContainText(`${SCRIPT} ${IMAGE}`);
  await expect(details).toContainText(LINK);
  await expect(details).toContainText("data:text/html,<b>hi</b>");
  await expect(details).toContainText(IMAGE);
  await expectOnlyText(page);
  await expectNoAxeViolations(page, "a service holding markup");
  await screenshot(page, "hostile-service");

  // On the printed list too, on screen and on paper.
  await page.goto(`${served.url}clinic/directory/`);
  await page.getByLabel(`Add to the printed list: ${REVERSED}`).check();
  await page.getByLabel(`Add to the printed list: ${SCRIPT}`).check();
  await page.getByRole("button", { name: "Print the chosen services (2)" }).click();
  await expect(h1(page)).toHaveText("Services for you");
  await page.emulateMedia({ media: "print" });
  const handout = page.getByTestId("handout-service");
  await expect(handout.getByRole("heading")).toHaveText([REVERSED, SCRIPT]);
  await expect(handout.last()).toContainText(LINK);
  await expect(handout.first()).toContainText(LINK);
  await expectOnlyText(page);
  await screenshot(page, "hostile-print");
  await page.emulateMedia({ media: "screen" });
});

test("a person's name and note written as markup show as typed on their record and in the list of people", async ({ context, watch }) => {
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  const name = `Sam ${IMAGE}`;
  await clinic.addPerson(page, name, "GP", "Face to face");
  await page.getByRole("button", { name: "Add to the log" }).click();
  const note = `${SCRIPT} ${LINK} ${REVERSED}`;
  await page.getByLabel("What happened?").fill(note);
  await page.getByRole("button", { name: "Add to the log" }).click();
  await expect(page.getByTestId("log")).toContainText(note);
  await expectOnlyText(page);
  await page.reload();
  await expect(h1(page)).toHaveText(name);
  await expect(page.getByTestId("log")).toContainText(note);
  await expectOnlyText(page);
  await page.goto(`${served.url}clinic/people/`);
  await expect(page.getByTestId("people")).toContainText(name);
  await expectOnlyText(page);
});

test("a 50 MB backup and a list of 100,000 services are refused at once, saying why, and nothing stored changes", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
  const before = await storedText(page);

  await page.goto(`${served.url}clinic/backup/`);
  // Playwright hands over a file this large only from a path.
  const backup = join(mkdtempSync(join(tmpdir(), "sp-hostile-")), "linkworker-backup-huge.json");
  writeFileSync(backup, Buffer.alloc(50 * 1024 * 1024, " "));
  const backupTask = await timedRefusal(page, async () => {
    await page.getByLabel("Choose the backup file").setInputFiles(backup);
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
      "The file is too large to be a backup from this app. Choose the backup file",
    );
  });
  expect(backupTask.longest, "the longest task while a 50 MB backup was refused, ms").toBeLessThan(1000);
  expect(backupTask.shown, "from choosing a 50 MB backup to its message, ms").toBeLessThan(1000);
  await expectNoAxeViolations(page, "a backup too large");

  await page.goto(`${served.url}clinic/directory/import/`);
  const services = Array.from({ length: 100_000 }, (_, n) => ({ name: `Service ${n}` }));
  const list = Buffer.from(JSON.stringify({ content: services }));
  const listTask = await timedRefusal(page, async () => {
    await page.getByLabel("Choose an Open Referral UK JSON file").setInputFiles({ name: "everything.json", mimeType: "application/json", buffer: list });
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
      "The file has 100,000 services. Choose a file with 5,000 services or fewer, such as the services near your practice",
    );
  });
  console.log(
    `from choosing to the message, and the longest task: 50 MB backup ${backupTask.shown} and ${backupTask.longest} ms, ` +
      `${(list.length / 1e6).toFixed(1)} MB list of 100,000 services ${listTask.shown} and ${listTask.longest} ms`,
  );
  expect(listTask.longest, "the longest task while 100,000 services were refused, ms").toBeLessThan(1000);
  expect(listTask.shown, "from choosing 100,000 services to the message, ms").toBeLessThan(1000);
  await expect(page.getByTestId("import-preview")).toHaveCount(0);
  await expectNoAxeViolations(page, "a list too long");
  await screenshot(page, "hostile-too-many-services");
  expect(await storedText(page)).toBe(before);
});

test("a self-referral whose name and own words are written as markup shows them as typed, on screen, on paper and in its email", async ({ context, watch }) => {
  const page = await clinicHelpers(served).openClinic(context, watch);
  const name = `Sam ${REVERSED}`;
  const ownWords = `${SCRIPT} ${IMAGE} ${LINK}`;
  const next = async (question) => {
    await page.getByRole("button", { name: "Continue" }).click();
    if (question) await expect(h1(page)).toHaveText(question);
  };
  await page.goto(`${served.url}refer/name/`);
  await page.getByLabel("Full name").fill(name);
  await next("What is your date of birth?");
  await page.getByLabel("Day").fill("3");
  await page.getByLabel("Month").fill("3");
  await page.getByLabel("Year").fill("1961");
  await next("How would you like us to contact you?");
  await page.getByLabel("Text message").check();
  await page.getByLabel("Mobile number").fill("07700 900 982");
  await next("When is it best to contact you?");
  await page.getByLabel("Yes").check();
  await next("What would you like support with?");
  await page.getByLabel("Feeling lonely or isolated").check();
  await next("Tell us more in your own words (optional)");
  await page.getByLabel("Tell us more in your own words (optional)").fill(ownWords);
  await next("Is anything making it hard to get to appointments?");
  await page.getByLabel("None of these").check();
  await next("How would you prefer to meet a link worker?");
  await page.getByLabel("By telephone").check();
  await next("Do you need any help to communicate with us? (optional)");
  await next("Which language would you like to use?");
  await page.getByLabel("No").check();
  await next("What is the name of your GP practice?");
  await next("Before you send this");
  await page.getByLabel(/I agree to a link worker/).check();
  await page.getByLabel("Yes").check();
  await next("Check your answers before sending");

  const answers = page.locator(".nhsuk-summary-list");
  await expect(answers).toContainText(name);
  await expect(answers).toContainText(ownWords);
  await expectOnlyText(page);
  await screenshot(page, "hostile-referral-check");
  await page.getByRole("button", { name: "Confirm and send" }).click();
  await expect(h1(page)).toHaveText("Your referral is ready to send");
  const mailto = decodeURIComponent(await page.getByRole("button", { name: "Email my referral" }).getAttribute("href"));
  expect(mailto).toContain(name);
  expect(mailto).toContain(ownWords);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("main")).toContainText(ownWords);
  await expectOnlyText(page);
  await page.emulateMedia({ media: "screen" });
});
