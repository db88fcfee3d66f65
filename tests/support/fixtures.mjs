// The test fixture every browser test uses: a fresh browser context whose
// page is watched for errors and for any request to another origin.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";

export { expect };

export const test = base.extend({
  // Filled in by each test with the origin the app is served from.
  watch: async ({ context }, use) => {
    const watch = { origin: null, foreign: [], errors: [], allowedConsoleErrors: [] };
    await watchContext(context, watch);
    await use(watch);
    expect(watch.foreign, "requests to other origins").toEqual([]);
    expect(watch.errors, "errors in the page").toEqual([]);
  },
});

/**
 * Watches every page of `context`, now and later, for errors and for any
 * request to an origin other than `watch.origin` (which is refused). For a
 * context a test makes itself, such as a persistent profile.
 */
export async function watchContext(context, watch) {
  await context.route(
    (url) => watch.origin !== null && url.origin !== watch.origin,
    (route) => {
      watch.foreign.push(route.request().url());
      return route.abort();
    },
  );
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (watch.origin && !["data:", "blob:"].includes(url.protocol) && url.origin !== watch.origin) {
      watch.foreign.push(request.url());
    }
  });
  context.on("page", (page) => watchPage(page, watch));
  context.pages().forEach((page) => watchPage(page, watch));
}

function watchPage(page, watch) {
  page.on("pageerror", (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    const text = `${message.text()} (${message.location().url})`;
    if (message.type() === "error" && !watch.allowedConsoleErrors.some((allowed) => allowed.test(text))) {
      watch.errors.push(`console: ${text}`);
    }
  });
}

/** Opens a page in the test's context, watched, for an app at `origin`. */
export async function openPage(context, watch, origin) {
  watch.origin = origin;
  const page = await context.newPage();
  return page;
}

/** Closes the test's pages, then the servers it started (in that order, so
 * that no page sees its server vanish mid-request). */
export async function closeAll(context, ...servers) {
  for (const page of context.pages()) await page.close();
  for (const served of servers) await served.close();
}

/** Axe with the WCAG 2.2 AA rule set: no violations allowed. */
export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(found, `axe violations on ${label}`).toEqual([]);
}

/** Saves a phone-sized screenshot for people to look at. */
export async function screenshot(page, name) {
  mkdirSync("test-results/screens", { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Waits until the service worker controls the page (after a first visit). */
export async function waitForOfflineCopy(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
