// The volunteers' pages at 320 CSS pixels wide (a 1280-pixel screen at 400%
// zoom): which scroll sideways, with a clinic set up and a person booked.
// The accessibility statement (src/ui/pages/about/accessibility.rs) names
// the pages that do and how many were checked: when this list changes, so
// must the statement.
import { test, expect, closeAll, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { clinicHelpers, h1 } from "./support/clinic.mjs";

/** The clinic's pages the statement says were checked (21). */
const PAGES = [
  "clinic", "clinic/day", "clinic/people", "clinic/people/add", "clinic/rota", "clinic/sessions",
  "clinic/sessions/weekly", "clinic/volunteers", "clinic/reminders", "clinic/reminders/wording",
  "clinic/backup", "clinic/backup/merge", "clinic/lock", "clinic/directory", "clinic/directory/add",
  "clinic/reports", "clinic/check", "clinic/import", "clinic/pad", "clinic/poster", "clinic/board",
];

test("none of the volunteers' pages checked at 320 pixels wide scrolls sideways, as the accessibility statement says", async ({ context, watch }) => {
  test.setTimeout(240_000);
  const served = await serveApp();
  const clinic = clinicHelpers(served);
  try {
    const page = await clinic.openClinic(context, watch);
    await clinic.setUpClinic(page);
    await clinic.addPerson(page, "Sam Patel", "Self-referral", "Telephone");
    await clinic.bookNext(page);
    await page.setViewportSize({ width: 320, height: 640 });
    const wide = [];
    for (const path of PAGES) {
      await page.goto(`${served.url}${path}/`);
      await expect(h1(page)).toBeVisible();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) {
        wide.push(path);
        await screenshot(page, `reflow-${path.replaceAll("/", "-")}-320`);
      }
    }
    expect(PAGES).toHaveLength(21);
    expect(wide).toEqual([]);
  } finally {
    await closeAll(context, served);
  }
});
