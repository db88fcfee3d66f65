// After a first visit the app works with the network off, and a new
// deployment is announced so the person can reload into it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot, waitForOfflineCopy } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";

test("after a first visit the parts opened work with the network off, and a part never opened says so", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    await expect(page.getByRole("banner")).toContainText("Example Surgery");
    await waitForOfflineCopy(page);
    await page.getByRole("link", { name: "My plan", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My plan");
    // The plan's bundle is kept as it is fetched.
    await expect.poll(() => page.evaluate(async () => {
      const names = await Promise.all((await caches.keys()).map(async (key) => (await (await caches.open(key)).keys()).map((r) => r.url)));
      return names.flat().filter((url) => /\/plan-[0-9a-f]+_bg\.wasm$/.test(url)).length;
    })).toBe(1);

    // The privacy and accessibility statements are a part of their own,
    // kept once opened.
    await page.goto(served.url + "privacy/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How this app uses your information");
    await expect.poll(() => page.evaluate(async () => {
      const names = await Promise.all((await caches.keys()).map(async (key) => (await (await caches.open(key)).keys()).map((r) => r.url)));
      return names.flat().filter((url) => /\/about-[0-9a-f]+_bg\.wasm$/.test(url)).length;
    })).toBe(1);

    await served.stop();
    watch.allowedConsoleErrors.push(/net::ERR_FAILED \(.*not-kept-anywhere\.txt\)/);
    // The server is really gone: anything not kept on the device fails.
    const reachable = await page.evaluate(() =>
      fetch("not-kept-anywhere.txt").then(() => true, () => false),
    );
    expect(reachable).toBe(false);

    await page.goto(served.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");
    await expect(page.getByRole("banner")).toContainText("Example Surgery");
    await page.getByRole("link", { name: "My plan", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My plan");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My plan");
    await page.goto(served.url + "privacy/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How this app uses your information");
    await expect(page.getByTestId("config-notice")).toHaveCount(0);
    await page.getByRole("link", { name: "Accessibility statement" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");

    // The clinic was never opened on this device, so its bundle is not here.
    const notOpened = await page.goto(served.url + "clinic/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No internet connection");
    // The service worker's own page has a policy too, which lets its one style in by its hash.
    expect(notOpened.headers()["content-security-policy"]).toMatch(/^default-src 'none'; style-src 'sha256-[^']+';/);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toBe("arial, sans-serif");
    await expect(page.getByRole("link", { name: "116 123" })).toHaveAttribute("href", "tel:116123");
    await expectNoAxeViolations(page, "the page for a part not yet opened, offline");
    await screenshot(page, "offline-not-yet-opened");
  } finally {
    await closeAll(context, served);
  }
});

/** Puts a new build's service worker in place of the old one, as copying a new folder over the site does. */
function deployNewServiceWorker(served) {
  const swPath = join(served.dir, "sw.js");
  const oldBuild = readFileSync(swPath, "utf8").match(/\bBUILD ?= ?"([^"]+)"/)[1];
  writeFileSync(swPath, readFileSync(swPath, "utf8").replace(oldBuild, "next-build"));
}

test("what a patient has typed on a question, before Continue, is still there after Reload to update", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    await waitForOfflineCopy(page);
    await page.goto(`${served.url}refer/name/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is your name?");
    await page.getByLabel("Full name").pressSequentially("Siobhán O’Neill 😊");

    // A new version is found while the page is open (the app checks every half hour).
    deployNewServiceWorker(served);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.getByTestId("update-notice");
    await expect(notice).toContainText("A new version of this app is ready");
    await expect(notice).toContainText("Your answers are kept when you reload.");
    await expect(notice).not.toContainText("Save anything");
    await expectNoAxeViolations(page, "the update notice on a question page");
    await screenshot(page, "update-notice-patient");

    await page.getByRole("button", { name: "Reload to update" }).click();
    await expect(notice).toHaveCount(0);
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).join())).toBe("social-prescribing-next-build");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is your name?");
    await expect(page.getByLabel("Full name")).toHaveValue("Siobhán O’Neill 😊");
  } finally {
    await closeAll(context, served);
  }
});

test("a new deployment is announced, and reloading switches to it", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    await waitForOfflineCopy(page);
    await expect(page.getByTestId("update-notice")).toHaveCount(0);

    // The practice copies a new build over the old one.
    deployNewServiceWorker(served);
    // Both home's page (the drawn copy a host sends) and its undrawn copy,
    // which the service worker keeps and answers with (tools/prerender.mjs).
    for (const file of ["index.html", "loading.html"]) {
      const path = join(served.dir, file);
      writeFileSync(path, readFileSync(path, "utf8").replace("<title>", '<meta name="build" content="next">\n  <title>'));
    }

    await page.reload();
    const notice = page.getByTestId("update-notice");
    await expect(notice).toContainText("A new version of this app is ready");
    await expect(page.locator('meta[name="build"]')).toHaveCount(0);
    await expectNoAxeViolations(page, "the update notice");
    await screenshot(page, "update-notice");

    await page.getByRole("button", { name: "Reload to update" }).click();
    await expect(page.locator('meta[name="build"]')).toHaveAttribute("content", "next");
    await expect(page.getByTestId("update-notice")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toEqual(["social-prescribing-next-build"]);
  } finally {
    await closeAll(context, served);
  }
});
