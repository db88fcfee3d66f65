// A volunteer starts the directory from the list their council publishes in
// Open Referral UK 3.0, which comes in pages: each page is added to one
// preview that says the version and what the directory leaves out; a bad
// file or the same page twice is refused and changes nothing. The directory
// is exported as 3.0 (checked here against the standard's required fields and
// formats, by a check the app did not write) and as 1.0, and the 3.0 export
// imported on a fresh device gives back the same directory.
import { readFileSync } from "node:fs";
import { test, expect, expectNoAxeViolations, screenshot, watchContext } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { storedDocuments } from "./support/stored.mjs";
import { h1, clinicHelpers } from "./support/clinic.mjs";
import { problemsAsOruk3 } from "./support/oruk3.mjs";

const fixture = (name) => new URL(`../src/domain/directory/fixtures/${name}`, import.meta.url).pathname;
const PAGE_1 = fixture("council-oruk3-page1.json");
const PAGE_2 = fixture("council-oruk3-page2.json");
const NAMES = ["Talking Space", "Riverside Knit and Natter", "Carers' Cafe", "Allotment Buddies", "Benefits Check"];

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

async function openImportPage(context, watch) {
  const page = await clinicHelpers(served).openClinic(context, watch);
  await page.getByRole("link", { name: "Local services directory" }).click();
  await expect(h1(page)).toHaveText("Local services directory");
  await page.getByRole("link", { name: "Import or export an Open Referral UK file" }).click();
  await expect(h1(page)).toHaveText("Import or export services");
  return page;
}

/** Downloads the directory with the button named `button`: its file name and JSON. */
async function exported(page, button) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

test("a council's 3.0 list is imported page by page, exported, and the export read on a fresh device changes nothing", async ({ context, watch, browser }) => {
  const page = await openImportPage(context, watch);
  const input = page.getByLabel("Choose an Open Referral UK JSON file");
  const preview = page.getByTestId("import-preview");
  const problem = page.getByRole("alert").filter({ hasText: "There is a problem" });

  // The first page: its version, its services, and what the directory leaves out.
  await input.setInputFiles(PAGE_1);
  await expect(page.getByTestId("import-pages")).toHaveText("Page 1: Open Referral UK 3.0, 3 services");
  await expect(preview).toContainText("3 new");
  await expect(page.getByTestId("import-left-out")).toHaveText(
    "15 fields this directory does not keep were left out: accreditations, assurer_email, funding, languages.code, last_modified, " +
      "organization.description, organization.website, schedules.freq, schedules.interval, schedules.notes, service_areas, " +
      "service_at_locations.location.addresses.country, service_at_locations.location.addresses.state_province, " +
      "service_at_locations.location.latitude, service_at_locations.location.longitude.",
  );
  await expect(page.getByTestId("import-unmatched")).toHaveText('Kinds of help with no match in "What it helps with", left out: Counselling.');
  await expect(page.getByRole("button", { name: "Import 3 services" })).toBeVisible();
  await expectNoAxeViolations(page, "the preview of a 3.0 page");
  await screenshot(page, "directory-oruk3-first-page");

  // The second page adds to the same preview.
  await input.setInputFiles(PAGE_2);
  await expect(page.getByTestId("import-pages").getByRole("listitem")).toHaveText([
    "Page 1: Open Referral UK 3.0, 3 services",
    "Page 2: Open Referral UK 3.0, 2 services",
  ]);
  await expect(page.getByTestId("import-new").getByRole("listitem")).toHaveText(NAMES);
  await expect(page.getByRole("button", { name: "Import 5 services" })).toBeVisible();

  // The same page again, and a file that is not a list, are refused; the two pages stay.
  await input.setInputFiles(PAGE_2);
  await expect(problem).toContainText("That page is already added. Choose the next page of the list");
  await expectNoAxeViolations(page, "the preview with a page added twice");
  await screenshot(page, "directory-oruk3-page-twice");
  await input.setInputFiles({ name: "page-3.json", mimeType: "application/json", buffer: Buffer.from('{"contents": [{"name": "Cut') });
  await expect(problem).toContainText("The file is not an Open Referral UK JSON file: it stops making sense at line 1, column 27");
  await expect(page.getByTestId("import-new").getByRole("listitem")).toHaveText(NAMES);
  expect((await storedDocuments(page))["sp.directory"]).toBeUndefined();

  await page.getByRole("button", { name: "Import 5 services" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("5 services written to the directory.");
  await expect(problem).toHaveCount(0);

  // What 3.0 says about a service reaches its page.
  await page.getByRole("link", { name: "See the directory" }).click();
  await page.getByRole("link", { name: "Talking Space" }).click();
  const details = page.getByTestId("service-details");
  await expect(details).toContainText("Most sessions are by video call until the hall reopens in May.");
  await expect(details).toContainText("Thursdays and Fridays, 10:00 to 18:00");
  await expect(details).toContainText("Ages 12 to 100");
  await expect(details).toContainText("Ann Persona (Reception manager)");
  await expect(details).toContainText("English, Urdu");
  await expect(details).toContainText("Free (Under 18s and over 60s); £35 a one-hour session (Everyone else)");
  await expect(details).toContainText("St Anne's Hall, 12 Chapel Street, Leeds, LS6 3AB");
  await expect(page.getByTestId("out-of-date")).toContainText("Checked in January 2005");
  const shown = await details.textContent();
  await expectNoAxeViolations(page, "a service read from a 3.0 file");
  await screenshot(page, "directory-oruk3-service");

  // Exported as 3.0: valid by the standard's required fields and formats.
  await page.goto(`${served.url}clinic/directory/import/`);
  const three = await exported(page, "Download the directory");
  expect(three.name).toBe("services-directory-2026-03-02.json");
  const file = JSON.parse(three.text);
  expect(problemsAsOruk3(file)).toEqual([]);
  expect(file.contents.map((s) => s.name)).toEqual(NAMES);
  const talking = file.contents[0];
  expect(talking.id).toBe("5b0e6c1a-3f2d-4e8a-9b71-0c2d4e6f8a10");
  expect(talking.schedules).toEqual([expect.objectContaining({ byday: "TH,FR", opens_at: "10:00:00", closes_at: "18:00:00" })]);
  expect(talking.alert).toBe("Most sessions are by video call until the hall reopens in May.");
  expect(three.text).not.toContain('""');
  // The same again: every id as before.
  expect((await exported(page, "Download the directory")).text).toBe(three.text);

  // And as 1.0, named as such.
  const one = await exported(page, "Download in Open Referral UK 1.0");
  expect(one.name).toBe("services-directory-2026-03-02-oruk-1.0.json");
  const list = JSON.parse(one.text);
  expect(list.map((s) => s.name)).toEqual(NAMES);
  expect(list[0].regular_schedules[0].byday).toBe("TH,FR");
  expect(list[0].organization.description).toBe("Leeds Talking Therapies Trust");
  expect(one.text).not.toContain('""');

  // A fresh device imports the 3.0 export: the same services, and the same file out.
  const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    await watchContext(fresh, watch);
    const other = await openImportPage(fresh, watch);
    await other.getByLabel("Choose an Open Referral UK JSON file").setInputFiles({ name: three.name, mimeType: "application/json", buffer: Buffer.from(three.text) });
    await expect(other.getByTestId("import-pages")).toHaveText("Page 1: Open Referral UK 3.0, 5 services");
    await expect(other.getByTestId("import-new").getByRole("listitem")).toHaveText(NAMES);
    await expect(other.getByTestId("import-left-out")).toHaveCount(0);
    await expectNoAxeViolations(other, "the app's own export previewed on a fresh device");
    await screenshot(other, "directory-oruk3-fresh-device");
    await other.getByRole("button", { name: "Import 5 services" }).click();
    await expect(other.getByRole("region", { name: "Success" })).toContainText("5 services written to the directory.");
    const again = await exported(other, "Download the directory");
    expect(again.text).toBe(three.text);
    await other.getByRole("link", { name: "See the directory" }).click();
    await other.getByRole("link", { name: "Talking Space" }).click();
    await expect(other.getByTestId("service-details")).toHaveText(shown);
  } finally {
    await fresh.close();
  }

  // The first device reads its own export back: nothing would change.
  await page.getByLabel("Choose an Open Referral UK JSON file").setInputFiles({ name: three.name, mimeType: "application/json", buffer: Buffer.from(three.text) });
  await expect(page.getByTestId("import-preview")).toContainText("5 already in the directory, unchanged");
  await expect(page.getByTestId("import-preview")).toContainText("Nothing in the directory would change.");
});
