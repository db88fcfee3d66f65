// The practice's whole life with the app on its website: an update that
// cannot touch its settings, the set-up check page, a 404 page for hosts
// that show one, and taking the app down on every device that visited.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot, waitForOfflineCopy } from "./support/fixtures.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";

const dist = new URL("../dist/", import.meta.url).pathname;
const h1 = (page) => page.getByRole("heading", { level: 1 });
const next = (page) => page.getByRole("button", { name: "Continue" }).click();
const elmConfig = (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY, null, 2));

/** A patient answers every question and confirms; returns the "Email my referral" link. */
async function referralEmailLink(page, url) {
  await page.goto(`${url}refer/`);
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByLabel("Full name").fill("Sam Patel");
  await next(page);
  await page.getByLabel("Day").fill("3");
  await page.getByLabel("Month").fill("3");
  await page.getByLabel("Year").fill("1961");
  await next(page);
  await page.getByLabel("Phone call").check();
  await page.getByLabel("Phone number").fill("07700 900 982");
  await next(page);
  await expect(h1(page)).toHaveText("When is it best to contact you?");
  await page.getByLabel("Yes").check();
  await next(page);
  await page.getByLabel("Feeling lonely or isolated").check();
  await next(page);
  await expect(h1(page)).toHaveText("Tell us more in your own words (optional)");
  await next(page);
  await page.getByLabel("None of these").check();
  await next(page);
  await page.getByLabel("By telephone").check();
  await next(page);
  await expect(h1(page)).toHaveText("Do you need any help to communicate with us? (optional)");
  await next(page);
  await page.getByLabel("No").check();
  await next(page);
  await expect(h1(page)).toHaveText("What is the name of your GP practice?");
  await next(page);
  await page.getByLabel(/I agree to a link worker/).check();
  await page.getByLabel("Yes").check();
  await next(page);
  await page.getByRole("button", { name: "Confirm and send" }).click();
  await expect(h1(page)).toHaveText("Your referral is ready to send");
  return page.getByRole("button", { name: "Email my referral" }).getAttribute("href");
}

test("copying a new build over a configured site keeps the practice's details and referral address", async ({ browser, watch }) => {
  // The build carries only an example of the settings, never a live config.json.
  expect(existsSync(join(dist, "config.json"))).toBe(false);
  expect(JSON.parse(readFileSync(join(dist, "config.example.json"), "utf8")).practice_name).toBe("Example Surgery");

  const served = await serveApp({ change: elmConfig });
  const before = readFileSync(join(served.dir, "config.json"), "utf8");
  // The practice updates as the README says: the whole new folder copied over the old.
  cpSync(dist, served.dir, { recursive: true });
  expect(readFileSync(join(served.dir, "config.json"), "utf8")).toBe(before);

  // A fresh visitor, after the update.
  const context = await browser.newContext();
  try {
    const page = await openPage(context, watch, served.origin);
    const mailto = decodeURIComponent(await referralEmailLink(page, served.url));
    expect(mailto).toMatch(/^mailto:elm\.linkworkers@example\.org\?subject=Self-referral /);
    await expect(page.getByRole("banner")).toContainText("Elm Surgery");
    // The footer's phone number rings the practice.
    const phone = page.getByRole("contentinfo").getByRole("link", { name: "0113 496 0123" });
    await expect(phone).toHaveAttribute("href", "tel:01134960123");
    // The team's own name is used where a patient is told who will contact them.
    await page.goto(`${served.url}refer/`);
    await expect(page.getByText("a link worker from Elm Surgery link worker team will contact you")).toBeVisible();
  } finally {
    await closeAll(context, served);
    await context.close();
  }
});

test("the set-up check page shows the settings as read, the addresses to give out, and a test referral", async ({ context, watch }) => {
  const served = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify({ ...ELM_SURGERY, phone: 1134960123, reply_within_days: 5 })),
  });
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}clinic/`);
    await page.getByRole("link", { name: "Check the practice's settings (for the practice)" }).click();
    await expect(h1(page)).toHaveText("Check the practice's settings");
    await expect(page).toHaveURL(`${served.url}clinic/check/`);

    await expect(page.getByTestId("setting-practice_name")).toContainText("Elm Surgery");
    await expect(page.getByTestId("setting-address")).toContainText("1 Elm Road");
    await expect(page.getByTestId("setting-referral_email")).toContainText("elm.linkworkers@example.org");
    await expect(page.getByTestId("setting-clinic_team_name")).toContainText("Elm Surgery link worker team");
    await expect(page.getByTestId("setting-reply_within_days")).toContainText("within 5 working days");
    // The phone written as a number: its problem is shown beside it, and only there.
    await expect(page.getByTestId("setting-phone").locator(".nhsuk-error-message")).toHaveCount(1);
    await expect(page.getByTestId("setting-practice_name").locator(".nhsuk-error-message")).toHaveCount(0);

    await expect(page.getByTestId("address-refer")).toHaveText(`${served.url}refer/`);
    await expect(page.getByTestId("address-plan")).toHaveText(`${served.url}plan/`);
    await expect(page.getByTestId("address-clinic")).toHaveText(`${served.url}clinic/`);

    const test = decodeURIComponent(await page.getByTestId("test-referral").getAttribute("href"));
    expect(test).toMatch(/^mailto:elm\.linkworkers@example\.org\?subject=Self-referral [A-Z0-9]{4}-[A-Z0-9]{4}&body=Self-referral to social prescribing\n/);
    expect(test).toContain("Full name: Test referral (not a real patient)");
    await expect(page.getByText("A patient's referral email is sent from the patient's own email account")).toBeVisible();
    await expectNoAxeViolations(page, "the set-up check page");
    await screenshot(page, "setup-check");
  } finally {
    await closeAll(context, served);
  }
});

test("a site without config.json tells the practice it is not set up yet", async ({ context, watch }) => {
  const served = await serveApp({ change: (dir) => rmSync(join(dir, "config.json")) });
  try {
    watch.allowedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/);
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}clinic/check/`);
    const notSetUp = page.getByTestId("not-set-up");
    await expect(notSetUp).toContainText("This app is not set up yet");
    await expect(notSetUp).toContainText("Copy the file config.example.json in the same folder to config.json");
    await expect(page.getByTestId("setting-referral_email")).toContainText("patients cannot email their referral");
    await expect(page.getByTestId("test-referral")).toHaveCount(0);
    await expectNoAxeViolations(page, "the set-up check with no config.json");
    await screenshot(page, "setup-check-not-set-up");
  } finally {
    await closeAll(context, served);
  }
});

test("a host that shows 404.html for a wrong address shows the app's page not found, linking to the app", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    watch.allowedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/);
    const notFound = readFileSync(join(served.dir, "404.html"), "utf8");
    // As Apache's ErrorDocument or nginx's error_page would answer.
    await context.route(`${served.url}no/such/page`, (route) => route.fulfill({ status: 404, contentType: "text/html", body: notFound }));
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}no/such/page`);
    await expect(h1(page)).toHaveText("Page not found");
    const home = page.getByRole("link", { name: "Go to the start" });
    await expect(home).toHaveAttribute("href", "/any/sub/path/");
    await expectNoAxeViolations(page, "404.html");
    await screenshot(page, "404");
    await home.click();
    await expect(h1(page)).toHaveText("Get support with what matters to you");
  } finally {
    await closeAll(context, served);
  }
});

test("the retirement files take the app down on a device that visited, keeping what people typed", async ({ context, watch }) => {
  const served = await serveApp({ change: elmConfig });
  try {
    watch.allowedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/);
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}plan/`);
    await waitForOfflineCopy(page);
    await page.goto(served.url);
    await expect(h1(page)).toHaveText("Get support with what matters to you");
    expect((await page.evaluate(() => caches.keys())).length).toBe(1);

    // The practice takes the app down: every file goes but its config.json,
    // and the retirement files take their place.
    for (const name of readdirSync(served.dir)) {
      if (name !== "config.json") rmSync(join(served.dir, name), { recursive: true });
    }
    cpSync(join(dist, "retire"), served.dir, { recursive: true });

    // The device's copy of the app still answers at first; it finds the
    // replacement service worker, which takes the copy away and reloads.
    await page.reload();
    await expect(h1(page)).toHaveText("This service has closed", { timeout: 15000 });
    await expect(page.getByText("contact Elm Surgery on 0113 496 0123.")).toBeVisible();
    await expect(page.getByRole("link", { name: "0113 496 0123" })).toHaveAttribute("href", "tel:01134960123");
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([]);
    // What people typed is not deleted.
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
    expect(databases).toContain("social-prescribing");
    await expectNoAxeViolations(page, "the app taken down");
    await screenshot(page, "retired");

    // Any page of the app, reloaded or opened, says the same.
    await page.goto(`${served.url}plan/`);
    await expect(h1(page)).toHaveText("This service has closed");
    await page.reload();
    await expect(h1(page)).toHaveText("This service has closed");
  } finally {
    await closeAll(context, served);
  }
});
