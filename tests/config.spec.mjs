// The practice edits config.json by hand; a mistake must not break the app.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";

test("a missing config.json shows a clear notice and the app still works", async ({ context, watch }) => {
  const served = await serveApp({ change: (dir) => rmSync(join(dir, "config.json")) });
  try {
    // The server's 404 for config.json is expected here, and only that.
    watch.allowedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/);
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    const notice = page.getByTestId("config-notice");
    await expect(notice).toContainText("Some of this practice's details could not be loaded");
    await expect(notice).toContainText("config.json could not be found next to index.html.");
    await expect(page.getByRole("banner")).toContainText("Your GP practice");
    await expectNoAxeViolations(page, "the home page with a missing config");
    await screenshot(page, "config-missing");

    await page.getByRole("link", { name: "Refer yourself", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for support from a link worker");
    await expect(page.getByText("registered with Your GP practice.")).toBeVisible();
    await expect(page.getByTestId("config-notice")).toContainText("config.json could not be found next to index.html.");
  } finally {
    await closeAll(context, served);
  }
});

test("a config.json with a typing mistake says where, and the good fields are used", async ({ context, watch }) => {
  const broken = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), '{\n  "practice_name": "Elm Surgery",\n}\n'),
  });
  const wrongField = await serveApp({
    change: (dir) =>
      writeFileSync(join(dir, "config.json"), JSON.stringify({ practice_name: "Elm Surgery", phone: 1134960123 })),
  });
  try {
    let page = await openPage(context, watch, broken.origin);
    await page.goto(broken.url);
    await expect(page.getByTestId("config-notice")).toContainText("config.json is not valid JSON (line 3, column 1).");
    await expect(page.getByRole("banner")).toContainText("Your GP practice");
    await expectNoAxeViolations(page, "the home page with broken config");
    await page.close();

    page = await openPage(context, watch, wrongField.origin);
    await page.goto(wrongField.url);
    await expect(page.getByTestId("config-notice")).toContainText(
      'In config.json, "phone" must be text in double quotes.',
    );
    await expect(page.getByRole("banner")).toContainText("Elm Surgery");
  } finally {
    await closeAll(context, broken, wrongField);
  }
});

test("a correct config.json shows no notice", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    await expect(page.getByRole("banner")).toContainText("Example Surgery");
    await expect(page.getByTestId("config-notice")).toHaveCount(0);
  } finally {
    await closeAll(context, served);
  }
});
