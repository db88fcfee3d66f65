// A person opens the app at a sub-path of a plain static server, finds the
// practice's name, urgent help and privacy, and goes through each door.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot, waitForOfflineCopy } from "./support/fixtures.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";

const DOORS = [
  { link: "Refer yourself", path: "refer", heading: "Ask for support from a link worker" },
  { link: "My plan", path: "plan", heading: "My plan" },
  { link: "Run a clinic", path: "clinic", heading: "Run a clinic" },
];

let served;
test.beforeAll(async () => {
  served = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)),
  });
});
test.afterAll(async () => served.close());

test("the home page shows the practice, three doors, urgent help and the privacy statement", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  const response = await page.goto(served.url);
  expect(response.status()).toBe(200);

  await expect(page.getByRole("banner")).toContainText("Elm Surgery");
  await expect(page.getByRole("banner")).toContainText("Social prescribing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");
  await expect(page).toHaveTitle("Home - Elm Surgery social prescribing");
  for (const door of DOORS) {
    await expect(page.getByRole("link", { name: door.link, exact: true })).toHaveAttribute(
      "href",
      `/any/sub/path/${door.path}/`,
    );
  }
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");
  await expect(footer.getByRole("link", { name: "Call NHS 111" })).toHaveAttribute("href", "tel:111");
  await expect(footer.getByRole("link", { name: "Call Samaritans free on 116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(footer).toContainText("What you type into this app stays on this device.");
  await expect(footer).toContainText("Elm Surgery, 1 Elm Road, Leeds, LS1 1AA, Phone 0113 496 0123");
  await expect(page.getByText("Loading…")).toHaveCount(0);

  // The first Tab reaches the skip link, and it moves focus to the content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#maincontent")).toBeFocused();

  await expectNoAxeViolations(page, "the home page");
  await screenshot(page, "home");
});

for (const door of DOORS) {
  test(`the "${door.link}" door opens its page with the keyboard`, async ({ context, watch }) => {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    await page.getByRole("link", { name: door.link, exact: true }).focus();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(`${served.url}${door.path}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(door.heading);
    await expect(page).toHaveTitle(`${door.heading} - Elm Surgery social prescribing`);
    await expectNoAxeViolations(page, `the ${door.path} page`);
    await screenshot(page, door.path);

    await page.getByRole("link", { name: "Back to home" }).click();
    await expect(page).toHaveURL(served.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");
  });
}

test("moving between pages of one area does not reload the app, the back and forward buttons work, and another area loads its own bundle", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(served.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");

  // The privacy statement is another area: its page loads with its own bundle, not the home page's.
  const bundles = [];
  page.on("request", (request) => request.url().endsWith(".wasm") && bundles.push(new URL(request.url()).pathname.split("/").pop()));
  await page.getByRole("link", { name: "How this app uses your information" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How this app uses your information");
  expect(bundles).toEqual([expect.stringMatching(/^about-[0-9a-f]+_bg\.wasm$/)]);
  // The page's first screen is drawn into its HTML: a link pressed before the
  // app has taken it over loads the next page as a plain link would.
  await page.waitForFunction(() => performance.getEntriesByName("sp-app-ready").length > 0);

  // A mark left on the window is lost if a link reloads the page.
  await page.evaluate(() => (window.stillTheSameApp = true));
  await page.getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  expect(await page.evaluate(() => window.stillTheSameApp)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(`${served.url}privacy/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How this app uses your information");
  await page.goForward();
  await expect(page).toHaveURL(`${served.url}accessibility/`);
  await expect(page).toHaveTitle("Accessibility statement - Elm Surgery social prescribing");
  expect(await page.evaluate(() => window.stillTheSameApp)).toBe(true);

  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(served.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");
  bundles.length = 0;
  await page.getByRole("link", { name: "My plan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My plan");
  expect(await page.evaluate(() => window.stillTheSameApp)).toBeUndefined();
  expect(bundles).toEqual([expect.stringMatching(/^plan-[0-9a-f]+_bg\.wasm$/)]);
});

test("the privacy statement opens from the footer", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(served.url);
  await page.getByRole("link", { name: "How this app uses your information" }).click();
  await expect(page).toHaveURL(`${served.url}privacy/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How this app uses your information");
  await expectNoAxeViolations(page, "the privacy page");
  await screenshot(page, "privacy");
});

test.describe("without a service worker, straight from the server", () => {
  test.use({ serviceWorkers: "block" });

  test("every page opens and reloads from a deep link with status 200", async ({ context, watch }) => {
    const page = await openPage(context, watch, served.origin);
    const pages = [
      ["", "Get support with what matters to you"],
      ["index.html", "Get support with what matters to you"],
      ["refer", "Ask for support from a link worker"],
      ["refer/", "Ask for support from a link worker"],
      ["refer/check/", "Check your answers before sending"],
      ["plan", "My plan"],
      ["plan/", "My plan"],
      ["clinic", "Run a clinic"],
      ["clinic/", "Run a clinic"],
      ["privacy/", "How this app uses your information"],
      ["accessibility/", "Accessibility statement"],
    ];
    for (const [path, heading] of pages) {
      const response = await page.goto(served.url + path);
      expect(response.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      const reloaded = await page.reload();
      expect(reloaded.status(), `${path} reloaded`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    }
  });
});

test("an unknown address shows Page not found with a way home", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(served.url);
  await waitForOfflineCopy(page);

  for (const path of ["no-such-page", "clinic/no/such/page/"]) {
    const response = await page.goto(served.url + path);
    expect(response.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle("Page not found - Elm Surgery social prescribing");
  }
  await expectNoAxeViolations(page, "the page not found page");
  await screenshot(page, "not-found");
  await page.getByRole("link", { name: "go to the home page" }).click();
  await expect(page).toHaveURL(served.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");
});

test("the same folder works at the root of a site", async ({ context, watch }) => {
  const atRoot = await serveApp({ at: "/" });
  try {
    const page = await openPage(context, watch, atRoot.origin);
    await page.goto(atRoot.url);
    await page.getByRole("link", { name: "My plan", exact: true }).click();
    await expect(page).toHaveURL(`${atRoot.origin}/plan/`);
    const response = await page.goto(`${atRoot.origin}/clinic/`);
    expect(response.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Run a clinic");
  } finally {
    await closeAll(context, atRoot);
  }
});

test("the app can be added to a home screen: its manifest and icons are served", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}plan/`);
  const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link) => link.href);
  expect(manifestUrl).toBe(`${served.url}manifest.webmanifest`);
  const manifest = await (await page.request.get(manifestUrl)).json();
  expect(manifest.start_url).toBe("./");
  // One id for the app at any address and in every version, so that a new
  // version, or the same folder moved, is the same installed app.
  expect(manifest.id).toBe("/social-prescribing");
  const cdp = await context.newCDPSession(page);
  const { appId } = await cdp.send("Page.getAppId");
  expect(appId).toBe(`${served.origin}/social-prescribing`);
  expect(served.url).not.toBe(`${served.origin}/`);
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"], icon.src).toBe(icon.type);
  }
});

test.describe("on a small phone, or zoomed to 400%", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("no page scrolls sideways at 320 pixels wide", async ({ context, watch }) => {
    const page = await openPage(context, watch, served.origin);
    for (const path of ["", "refer", "plan", "clinic", "privacy", "accessibility"]) {
      await page.goto(served.url + path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path || "home"} is ${overflow}px too wide`).toBeLessThanOrEqual(0);
    }
  });
});
