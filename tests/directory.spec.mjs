// A volunteer keeps the practice's directory of local services: adds one by
// keyboard and is told clearly what to fix, imports a council's Open Referral
// UK list after a preview, searches and filters, sees which entries may be out
// of date, exports the list and reads the file back, prints chosen services
// for a person, and logs an introduction on a person's record in one step.
import { readFileSync } from "node:fs";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { storedDocuments } from "./support/stored.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";

const SAMPLE = new URL("./samples/council-services-oruk.json", import.meta.url).pathname;

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

/** Types into the field labelled `label` with the keyboard. */
async function typeInto(page, label, text) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

/** Ticks or chooses the box or radio labelled `label` with the space bar. */
async function press(page, label) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press("Space");
}

async function openDirectory(context, watch) {
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await page.getByRole("link", { name: "Local services directory" }).click();
  await expect(h1(page)).toHaveText("Local services directory");
  return { page, clinic };
}

async function importSample(page) {
  await page.getByRole("link", { name: "Import or export an Open Referral UK file" }).click();
  await expect(h1(page)).toHaveText("Import or export services");
  await page.getByLabel("Choose an Open Referral UK JSON file").setInputFiles(SAMPLE);
  await expect(page.getByTestId("import-preview")).toContainText("2 new");
  await page.getByRole("button", { name: "Import 2 services" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("2 services written to the directory.");
  await page.getByRole("link", { name: "See the directory" }).click();
  await expect(h1(page)).toHaveText("Local services directory");
}

test("a service is added by keyboard, with every mistake named and nothing typed lost", async ({ context, watch }) => {
  const { page } = await openDirectory(context, watch);
  await expect(page.getByTestId("found")).toHaveText("The directory is empty. Add a service, or import a list your council publishes.");
  await expectNoAxeViolations(page, "the empty directory");
  await page.getByRole("button", { name: "Add a service" }).click();
  await expect(h1(page)).toHaveText("Add a service");
  await expectNoAxeViolations(page, "the add a service form");

  // Nothing filled in: every required field says what to do. The date last
  // checked starts as today, so it is cleared first.
  for (const part of ["Day", "Month", "Year"]) await typeInto(page, part, "");
  await page.getByRole("button", { name: "Add this service" }).click();
  await expectErrors(
    page,
    [
      "Enter the name of the service or group",
      "Enter the organisation that runs it",
      "Enter what it offers, like a weekly walk then tea",
      "Select what it helps with",
      "Select whether it is free",
      "Enter a phone number, email address or website, so people can get in touch",
      "Select whether people can refer themselves",
      "Enter the date the entry was last checked",
    ],
    "the add a service form with nothing filled in",
  );
  await screenshot(page, "directory-add-errors");
  // An error link takes focus to its field.
  await page.getByRole("link", { name: "Select what it helps with" }).click();
  await expect(page.getByLabel("Loneliness and isolation")).toBeFocused();

  await typeInto(page, "Name of the service or group", "Rainbow Choir");
  await typeInto(page, "Organisation that runs it", "Leeds Arts Together");
  await typeInto(page, "What it offers", "Sing together, no experience needed. Tea and cake after.");
  await press(page, "Arts");
  await press(page, "Loneliness and isolation");
  await typeInto(page, "Who it is for (optional)", "Adults of any age");
  await press(page, "There is a cost");
  await typeInto(page, "What it costs", "£2 a session");
  await press(page, "Tuesday");
  await typeInto(page, "When it runs (optional)", "2pm to 3:30pm");
  await typeInto(page, "Where it runs (optional)", "St Mary's Hall, Elm Road");
  await typeInto(page, "Phone number", "0113");
  await typeInto(page, "Website", "rainbow choir");
  await press(page, "People can refer themselves");
  await typeInto(page, "Day", "2");
  await typeInto(page, "Month", "3");
  await typeInto(page, "Year", "2026");
  // Enter in a box sends the form.
  await page.getByLabel("Website").focus();
  await page.keyboard.press("Enter");
  await expectErrors(
    page,
    ["Enter a UK phone number, like 0113 496 0000", "Enter a website address in the correct format, like www.example.org"],
    "the add a service form with a bad phone number and website",
  );
  await expect(page.getByLabel("Phone number")).toHaveClass(/nhsuk-input--error/);
  // What was typed is still there.
  await expect(page.getByLabel("Name of the service or group")).toHaveValue("Rainbow Choir");
  await expect(page.getByLabel("What it costs")).toHaveValue("£2 a session");
  await expect(page.getByLabel("Arts", { exact: true })).toBeChecked();

  await typeInto(page, "Phone number", "0113 496 0555");
  await typeInto(page, "Website", "www.rainbowchoir.example.org");
  await page.keyboard.press("Enter");
  await expect(h1(page)).toHaveText("Rainbow Choir");
  const details = page.getByTestId("service-details");
  await expect(details).toContainText("Leeds Arts Together");
  await expect(details).toContainText("Loneliness and isolation, Arts");
  await expect(details).toContainText("£2 a session");
  await expect(details).toContainText("Tuesdays, 2pm to 3:30pm");
  await expect(details).toContainText("People can refer themselves");
  await expect(details).toContainText("Monday 2 March 2026");
  await expect(page.getByTestId("out-of-date")).toHaveCount(0);
  await expectNoAxeViolations(page, "a service's page");
  await screenshot(page, "directory-service");

  // Changed later, and kept after a reload.
  await page.getByRole("button", { name: "Change this service" }).click();
  await expect(h1(page)).toHaveText("Change a service");
  await expect(page.getByLabel("Name of the service or group")).toHaveValue("Rainbow Choir");
  await typeInto(page, "What it costs", "£3 a session");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(h1(page)).toHaveText("Rainbow Choir");
  await page.reload();
  await expect(page.getByTestId("service-details")).toContainText("£3 a session");

  // The choir stops running: it comes out of the directory after a warning.
  await page.getByRole("button", { name: "Remove this service" }).click();
  await expect(page.getByTestId("remove-service")).toContainText("Introductions already logged stay on people's records.");
  await expectNoAxeViolations(page, "a service's page asking before removing it");
  await page.getByRole("button", { name: "No, keep it" }).click();
  await expect(page.getByTestId("remove-service")).toHaveCount(0);
  await page.getByRole("button", { name: "Remove this service" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(h1(page)).toHaveText("Local services directory");
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The service has been removed from the directory");
  await expect(page.getByTestId("found")).toHaveText("The directory is empty. Add a service, or import a list your council publishes.");
});

test("a council's list is imported after a preview, bad files are refused, and the list is searched, filtered, exported and printed", async ({ context, watch }) => {
  const { page } = await openDirectory(context, watch);
  await page.getByRole("link", { name: "Import or export an Open Referral UK file" }).click();
  await expect(h1(page)).toHaveText("Import or export services");
  await expect(page.getByText("The directory is empty, so there is nothing to export yet.")).toBeVisible();
  await expectNoAxeViolations(page, "the import and export page");
  const input = page.getByLabel("Choose an Open Referral UK JSON file");

  // Files that are not a list of services are refused, saying why, and change nothing.
  const refused = [
    ["notes.json", '{"content": [ {"name": "x" }', "The file is not an Open Referral UK JSON file: it stops making sense at line 1, column 28"],
    ["numbers.json", "[1, 2, 3]", "The file has no services in it. Choose an Open Referral UK list of services"],
  ];
  for (const [name, text, message] of refused) {
    await input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(message);
    await expect(page.getByTestId("import-preview")).toHaveCount(0);
  }
  await expectErrors(page, ["The file has no services in it. Choose an Open Referral UK list of services"], "the import page with a bad file");
  await screenshot(page, "directory-import-refused");

  // The good file: what it holds first, nothing written until asked.
  await input.setInputFiles(SAMPLE);
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("2 new");
  await expect(preview).toContainText("0 already in the directory, unchanged");
  await expect(preview).toContainText("1 left out because they have no name");
  await expect(page.getByTestId("import-new")).toHaveText(["Chapeltown Community Garden", "Debt Advice Line"].join(""));
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expectNoAxeViolations(page, "the import preview");
  await screenshot(page, "directory-import-preview");
  expect((await storedDocuments(page))["sp.directory"]).toBeUndefined();
  await page.getByRole("button", { name: "Import 2 services" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("2 services written to the directory.");

  // The same file again changes nothing.
  await input.setInputFiles({ name: "again.json", mimeType: "application/json", buffer: readFileSync(SAMPLE) });
  await expect(preview).toContainText("2 already in the directory, unchanged");
  await expect(preview).toContainText("Nothing in the directory would change.");

  await page.getByRole("link", { name: "Back to the directory" }).click();
  await expect(page.getByTestId("found")).toHaveText("2 services in the directory");
  const names = page.getByTestId("service").getByRole("heading");
  await expect(names).toHaveText(["Chapeltown Community Garden", "Debt Advice Line"]);
  // Checked in May 2025: over 6 months before 2 March 2026.
  const debt = page.getByTestId("service").filter({ hasText: "Debt Advice Line" });
  await expect(debt.getByTestId("out-of-date")).toHaveText("May be out of date");
  await expect(debt).toContainText("Checked in May 2025");
  await expect(page.getByTestId("service").filter({ hasText: "Chapeltown" }).getByTestId("out-of-date")).toHaveCount(0);
  await expectNoAxeViolations(page, "the directory with two services");
  await screenshot(page, "directory-list");

  // Search as you type, then filters.
  await page.getByLabel("Search", { exact: true }).fill("vegetables");
  await expect(names).toHaveText(["Chapeltown Community Garden"]);
  await expect(page.getByTestId("found")).toHaveText("1 service found of 2");
  await page.getByLabel("Search", { exact: true }).fill("");
  await page.getByLabel("What it helps with").selectOption({ label: "Money, debt and benefits" });
  await expect(names).toHaveText(["Debt Advice Line"]);
  await page.getByLabel("What it helps with").selectOption({ label: "Anything" });
  await page.getByLabel("Day it runs").selectOption({ label: "Saturday" });
  await expect(names).toHaveText(["Chapeltown Community Garden"]);
  await page.getByLabel("Day it runs").selectOption({ label: "Monday" });
  await expect(names).toHaveText(["Debt Advice Line"]);
  await page.getByLabel("Free only").check();
  await expect(names).toHaveText(["Debt Advice Line"]);
  await page.getByLabel("Search", { exact: true }).fill("swimming");
  await expect(page.getByTestId("found")).toHaveText("0 services found of 2");
  await page.getByLabel("Search", { exact: true }).fill("");
  await page.getByLabel("Day it runs").selectOption({ label: "Any day" });
  await page.getByLabel("Free only").uncheck();
  await expect(names).toHaveCount(2);

  // The service's own page says it may be out of date.
  await page.getByRole("link", { name: "Debt Advice Line" }).click();
  await expect(page.getByTestId("out-of-date")).toContainText("Checked in May 2025. Check the details with the organisation");
  await expect(page.getByTestId("service-details")).toContainText("People need a referral");
  await page.getByRole("link", { name: "Back to the directory" }).click();

  // Exported, and the file read back.
  await page.getByRole("link", { name: "Import or export an Open Referral UK file" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the directory" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("services-directory-2026-03-02.json");
  // Open Referral UK 3.0: a page of services, each id a UUID.
  const exported = JSON.parse(readFileSync(await file.path(), "utf8")).contents;
  expect(exported.map((s) => s.name).sort()).toEqual(["Chapeltown Community Garden", "Debt Advice Line"]);
  const garden = exported.find((s) => s.name === "Chapeltown Community Garden");
  expect(garden.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(garden.organization.name).toBe("Chapeltown Growers");
  expect(garden.phones[0].number).toBe("0113 496 0711");
  expect(garden.schedules[0].byday).toBe("WE,SA");
  expect(garden.url).toBe("https://www.chapeltown-garden.example.org");
  expect(garden.cost_options[0].amount).toBe(0);
  expect(garden.assured_date).toBe("2026-01-20");
  expect(garden.attributes.map((t) => t.taxonomy_term.name)).toEqual(["Nature and gardening"]);
  expect(exported.find((s) => s.name === "Debt Advice Line").attending_access).toBe("referral");
  // The older version keeps the council's own ids.
  const older = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download in Open Referral UK 1.0" }).click();
  const oldFile = await older;
  expect(oldFile.suggestedFilename()).toBe("services-directory-2026-03-02-oruk-1.0.json");
  const oldList = JSON.parse(readFileSync(await oldFile.path(), "utf8"));
  expect(oldList.find((s) => s.name === "Chapeltown Community Garden").id).toBe("elm-council-101");
  expect(oldList.find((s) => s.name === "Chapeltown Community Garden").regular_schedules[0].byday).toBe("WE,SA");

  // Two services chosen and printed for a person.
  await page.getByRole("link", { name: "Back to the directory" }).click();
  await page.getByLabel("Add to the printed list: Chapeltown Community Garden").check();
  await page.getByLabel("Add to the printed list: Debt Advice Line").check();
  await page.getByRole("button", { name: "Print the chosen services (2)" }).click();
  await expect(h1(page)).toHaveText("Services for you");
  const handout = page.getByTestId("handout-service");
  await expect(handout.getByRole("heading")).toHaveText(["Chapeltown Community Garden", "Debt Advice Line"]);
  await expect(handout.first()).toContainText("Wednesdays and Saturdays, 10:00 to 12:00");
  await expect(handout.first()).toContainText("0113 496 0711");
  await expect(handout.last()).toContainText("Your link worker needs to refer you.");
  await expectNoAxeViolations(page, "the printed list");
  await screenshot(page, "directory-print");
  // On paper: only the list, on one A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print this list" })).toBeHidden();
  await expect(page.locator(".nhsuk-header")).toBeHidden();
  await screenshot(page, "directory-print-paper");
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBe(1);
  await page.emulateMedia({ media: "screen" });
});

test("a long directory shows 20 services at a time, more when asked, and a search starts again from the top", async ({ context, watch }) => {
  const { page } = await openDirectory(context, watch);
  // A council's list of 50 services.
  const content = Array.from({ length: 50 }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return { id: `long-${n}`, name: `Group ${n}`, description: i % 2 ? "Walking in the park" : "Knitting and a chat", status: "active" };
  });
  await page.getByRole("link", { name: "Import or export an Open Referral UK file" }).click();
  await page.getByLabel("Choose an Open Referral UK JSON file").setInputFiles({
    name: "long-list.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ total_items: 50, page: 1, content })),
  });
  await page.getByRole("button", { name: "Import 50 services" }).click();
  await page.getByRole("link", { name: "Back to the directory" }).click();

  const names = page.getByTestId("service").getByRole("heading");
  await expect(page.getByTestId("found")).toHaveText("50 services in the directory. Showing the first 20");
  await expect(names).toHaveCount(20);
  await expect(names.last()).toHaveText("Group 020");
  await expectNoAxeViolations(page, "the directory showing 20 of 50 services");

  // With the keyboard: the next 20, and focus on the first of them.
  await page.getByRole("button", { name: "Show 20 more services" }).focus();
  await page.keyboard.press("Enter");
  await expect(names).toHaveCount(40);
  await expect(page.getByRole("link", { name: "Group 021" })).toBeFocused();
  await expect(page.getByTestId("found")).toHaveText("50 services in the directory. Showing the first 40");
  await page.getByRole("button", { name: "Show 10 more services" }).click();
  await expect(names).toHaveCount(50);
  await expect(page.getByTestId("found")).toHaveText("50 services in the directory");
  await expect(page.getByRole("button", { name: /more services/ })).toHaveCount(0);

  // A search shows its own first 20, and so does clearing it.
  await typeInto(page, "Search", "walking");
  await expect(page.getByTestId("found")).toHaveText("25 services found of 50. Showing the first 20");
  await expect(names).toHaveCount(20);
  await expect(names.first()).toHaveText("Group 002");
  await page.getByRole("button", { name: "Show 5 more services" }).click();
  await expect(names).toHaveCount(25);
  await typeInto(page, "Search", "");
  await expect(names).toHaveCount(20);
  await screenshot(page, "directory-long-list");
});

test("an introduction is logged on a person's record in one step", async ({ context, watch }) => {
  const { page, clinic } = await openDirectory(context, watch);
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
  await page.goto(`${served.url}clinic/directory/`);
  await importSample(page);
  await page.getByRole("link", { name: "Chapeltown Community Garden" }).click();
  await expect(h1(page)).toHaveText("Chapeltown Community Garden");

  await page.getByRole("button", { name: "Log the introduction" }).click();
  await expectErrors(page, ["Select the person you introduced to this service"], "a service's page with no person chosen");
  await page.getByLabel("Who did you introduce to this service?").selectOption({ label: "Sam Patel" });
  await page.getByRole("button", { name: "Log the introduction" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("It is on Sam Patel's record.");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expectNoAxeViolations(page, "a service's page after an introduction");
  await screenshot(page, "directory-introduced");

  await page.getByRole("link", { name: "See Sam Patel's record" }).click();
  await expect(h1(page)).toHaveText("Sam Patel");
  await expect(page.getByTestId("log")).toContainText("Monday 2 March 2026 Introduced to Chapeltown Community Garden (Chapeltown Growers)");
});
