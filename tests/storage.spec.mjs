// Saved information that the app cannot read is never thrown away: it is kept
// aside, the person is told, and they can download it.
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { readFileSync } from "node:fs";
import { storedDocuments } from "./support/stored.mjs";

const DAMAGED = '{"kind":"referral","version":1,"revision":2,"data":{"name":"Sam Smi';

test("damaged saved data is kept, can be downloaded, and is deleted only when the person asks", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    await page.evaluate((damaged) => localStorage.setItem("sp.referral", damaged), DAMAGED);
    await page.reload();

    const notice = page.getByTestId("kept-notice");
    await expect(notice).toContainText("Some saved information could not be read");
    await expect(notice).toContainText("It has not been deleted.");
    const stored = await storedDocuments(page);
    expect(stored["sp.referral"]).toBeUndefined();
    const keptKeys = Object.keys(stored).filter((key) => key.startsWith("sp.kept.referral."));
    expect(keptKeys).toHaveLength(1);
    await expectNoAxeViolations(page, "the kept-data notice");
    await screenshot(page, "kept-notice");

    // It is still there after another reload: nothing is dropped quietly.
    await page.reload();
    await expect(notice).toContainText("Some saved information could not be read");
    await expect(page.getByRole("button", { name: "Delete it from this device" })).toHaveCount(0);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the kept copy" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^social-prescribing-referral-kept-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(readFileSync(await download.path(), "utf8")).toBe(DAMAGED);

    await page.getByRole("button", { name: "Delete it from this device" }).click();
    await expect(notice).toHaveCount(0);
    const left = Object.keys(await storedDocuments(page)).filter((key) => key.startsWith("sp."));
    expect(left).toEqual([]);
  } finally {
    await closeAll(context, served);
  }
});

test("data the app does not know, and other sites' keys, are left alone", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    const fromNewerApp = '{"kind":"diary","version":9,"revision":1,"data":[]}';
    await page.evaluate((value) => {
      localStorage.setItem("sp.diary", value);
      localStorage.setItem("another-app", "{not ours");
    }, fromNewerApp);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get support with what matters to you");
    await expect(page.getByTestId("kept-notice")).toHaveCount(0);
    const stored = await storedDocuments(page);
    expect(stored).toEqual({ "sp.diary": fromNewerApp, "another-app": "{not ours" });
  } finally {
    await closeAll(context, served);
  }
});
