// Issue 23: a patient page's first screen is in the HTML the host sends, so
// a phone on a slow network shows its text before the app has started; the
// app then takes over without changing a word; and the service worker never
// shows one page's first screen at another page's address.
import { test, expect, openPage, closeAll, screenshot, waitForOfflineCopy } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";

const PAGES = [
  { path: "", heading: "Get support with what matters to you" },
  { path: "privacy/", heading: "How this app uses your information" },
  { path: "accessibility/", heading: "Accessibility statement" },
  { path: "refer/", heading: "Ask for support from a link worker" },
  { path: "plan/", heading: "My plan" },
];

/** The words a person sees in the page's header, content and footer. */
const seen = (page) =>
  page.evaluate(() => ["header", "main", "footer"].map((part) => document.querySelector(part)?.innerText ?? "").join("\n---\n"));

/** Where each heading, paragraph, link and button is on screen, in whole pixels. */
const places = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, p, a, button, li")].map((element) => {
      const box = element.getBoundingClientRect();
      const words = element.textContent.trim().slice(0, 30);
      return `${element.localName} "${words}" at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
    }),
  );

test("with JavaScript off, each patient page's first screen is there to read, and its links lead on at the practice's sub-path", async ({ browser, watch }) => {
  const served = await serveApp();
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await openPage(context, watch, served.origin);
    for (const { path, heading } of PAGES) {
      await page.goto(served.url + path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByRole("link", { name: "Call Samaritans free on 116 123" }).first()).toHaveAttribute("href", "tel:116123");
      await screenshot(page, `first-screen-no-javascript-${path.replace("/", "") || "home"}`);
    }
    await page.goto(`${served.url}refer/`);
    await page.getByRole("button", { name: "Start now" }).click();
    await expect(page).toHaveURL(`${served.url}refer/name/`);
    await page.goto(`${served.url}refer/`);
    await page.getByRole("link", { name: "Back to home" }).click();
    await expect(page).toHaveURL(served.url);
  } finally {
    await context.close();
    await closeAll(context, served);
  }
});

test("the app takes over each first screen without changing a word of it or moving anything", async ({ browser, watch }) => {
  const served = await serveApp();
  // The first screen as a phone shows it while the app is still on its way
  // (its wasm held back), and the page once the app has taken over.
  const off = await browser.newContext({ serviceWorkers: "block" });
  const on = await browser.newContext({ serviceWorkers: "block" });
  try {
    await off.route("**/*.wasm", () => new Promise(() => {}));
    // Until the practice's settings arrive, the app shows its neutral wording,
    // as the first screen does: held back here, so both are compared as drawn.
    await on.route("**/config.json", () => new Promise(() => {}));
    // Every shift of something already on screen, from the first frame on.
    await on.addInitScript(() => {
      window.shifted = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.shifted += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const before = await openPage(off, watch, served.origin);
    const after = await openPage(on, watch, served.origin);
    for (const { path, heading } of PAGES) {
      await before.goto(served.url + path);
      await expect(before.getByRole("heading", { level: 1 })).toHaveText(heading);
      expect(await before.evaluate(() => document.body.hasAttribute("data-prerendered")), `${path}: the app has not started`).toBe(true);
      await after.goto(served.url + path);
      await after.waitForFunction(() => performance.getEntriesByName("sp-app-ready").length > 0);
      await expect(after.getByRole("heading", { level: 1 })).toHaveText(heading);
      expect(await after.evaluate(() => document.body.hasAttribute("data-prerendered")), `${path}: the app has cleared the drawn body`).toBe(false);
      expect(await seen(after), `${path || "home"} as the app draws it`).toBe(await seen(before));
      expect(await places(after), `${path || "home"}: everything where the first screen had it`).toEqual(await places(before));
      await after.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await after.evaluate(() => window.shifted), `${path || "home"}: nothing on screen moved`).toBe(0);
    }
  } finally {
    await off.close();
    await on.close();
    await closeAll(off, served);
  }
});

test("a page the service worker answers never shows another page's first screen", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}refer/`);
    await waitForOfflineCopy(page);
    // The question page's address, answered by the service worker from the
    // part's one copy, in a tab of the same browser that runs no script:
    // what the phone shows before the app starts. (A frame cannot be used:
    // the app's Content-Security-Policy refuses frames.)
    const tab = await context.newPage();
    const devtools = await context.newCDPSession(tab);
    await devtools.send("Emulation.setScriptExecutionDisabled", { value: true });
    await tab.goto(`${served.url}refer/name/`);
    const frame = await tab.evaluate(() => ({
      controlled: navigator.serviceWorker.controller !== null,
      text: document.body.innerText,
      drawn: document.body.hasAttribute("data-prerendered"),
    }));
    await tab.close();
    expect(frame.controlled, "the tab was answered by the service worker").toBe(true);
    expect(frame.drawn).toBe(false);
    expect(frame.text).not.toContain("Ask for support from a link worker");
    expect(frame.text).toContain("Loading…");
  } finally {
    await closeAll(context, served);
  }
});

test("the service worker keeps the opened part's undrawn page, and the patient pages open offline from it at any sub-path", async ({ context, watch }) => {
  const served = await serveApp({ at: "/a/practice/at/a/sub/path/" });
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}refer/`);
    await waitForOfflineCopy(page);
    const kept = await page.evaluate(async () => {
      const pages = [];
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) {
          if (!/\.html$/.test(request.url)) continue;
          const html = await (await cache.match(request)).text();
          pages.push({ url: request.url, drawn: html.includes("data-prerendered") });
        }
      }
      return pages;
    });
    const names = kept.map(({ url }) => url.slice(served.url.length)).sort();
    // A first visit downloads the drawn page it opened, and keeps only its
    // own part's small undrawn copy: another part's page comes with its code.
    expect(names).toEqual(["refer/loading.html"]);
    expect(kept.filter(({ drawn }) => drawn), "no drawn page is kept").toEqual([]);

    await served.stop();
    for (const [path, heading] of [["refer/", "Ask for support from a link worker"], ["refer/name/", "What is your name?"]]) {
      await page.goto(served.url + path);
      await expect(page.getByRole("heading", { level: 1 }), `${path} with the network off`).toHaveText(heading);
    }
  } finally {
    await closeAll(context, served);
  }
});
