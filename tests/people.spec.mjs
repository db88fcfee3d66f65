// A new volunteer's first day: a self-referral reaches the clinic's own
// computer by its emailed link pasted into the clinic, keeps every answer on
// the person's record, the record can be put right, and the same person
// typed in again is noticed before a second record is made.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";
import { h1, expectErrors, MONDAY, TUESDAY, clinicHelpers } from "./support/clinic.mjs";
import { referYourself } from "./support/self_referral.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)),
  });
});
test.afterAll(async () => served.close());

const PC = { viewport: { width: 1280, height: 800 } };
/** Sam refers herself on her phone, with an answer to every question; returns the email's text. */
async function samRefersHerself(phone) {
  await phone.clock.setFixedTime(MONDAY);
  await phone.goto(`${served.url}refer/name/`);
  const body = await referYourself(phone, {
    name: "Samantha Jones",
    called: "Sam",
    born: ["17", "5", "1961"],
    mobile: "07700 900 123",
    bestTimes: "Mornings are best",
    help: "Large print",
    language: "Polish",
  });
  expect(body).toContain("Samantha Jones");
  expect(body).toMatch(new RegExp(`For the clinic: open this link on the device that runs the clinic.*\\n${served.url}clinic/import/#\\S+\\n$`));
  await expect(phone.getByTestId("referral-text")).toContainText(`${served.url}clinic/import/#`);
  return body;
}

test("a self-referral's email, pasted into the clinic's computer, brings every answer onto the person's record, which can be changed", async ({ browser, context, watch }) => {
  test.setTimeout(120_000);
  const phone = await openPage(context, watch, served.origin);
  const email = await samRefersHerself(phone);

  const pc = await browser.newContext(PC);
  try {
    const page = await openPage(pc, watch, served.origin);
    await page.clock.setFixedTime(MONDAY);
    await page.goto(`${served.url}clinic/`);
    await page.getByRole("link", { name: "Add a referral from its link or code" }).click();
    await expect(h1(page)).toHaveText("Add a referral");
    await expect(page.getByTestId("stays-on-device")).toContainText("Referrals and records stay on the device that took them.");
    await expect(page.getByTestId("stays-on-device")).toContainText("This device has no clinic set up.");
    await expectNoAxeViolations(page, "the clinic's page to paste a referral");
    await page.getByRole("button", { name: "Open the referral" }).click();
    await expectErrors(page, ["Paste the referral’s link or code"], "the paste page, empty");
    await page.getByLabel("Paste the referral’s link or code").fill("Hello, please see my referral");
    await page.getByRole("button", { name: "Open the referral" }).click();
    await expectErrors(page, ["This link does not hold a referral."], "the paste page, no referral");
    await page.getByLabel("Paste the referral’s link or code").fill(email);
    await screenshot(page, "people-paste-referral");
    await page.getByRole("button", { name: "Open the referral" }).click();
    await expect(h1(page)).toHaveText("Samantha Jones");
    await expect(page).toHaveURL(new RegExp(`clinic/import/#`));
    await page.getByRole("button", { name: "Keep this referral for the clinic" }).click();
    await page.getByRole("link", { name: "See self-referrals to add" }).click();
    await page.getByRole("button", { name: "Add to the caseload (Samantha Jones)" }).click();
    await expect(h1(page)).toHaveText("Samantha Jones");
    await expect(page.getByTestId("accepted-code")).toContainText("Find the GP record of Samantha Jones, born 17 May 1961, and enter this code: 871731000000106");

    const details = page.getByTestId("person-details");
    for (const [key, value] of [
      ["Likes to be called", "Sam"],
      ["Date of birth", "17 May 1961"],
      ["Phone", "07700 900 123"],
      ["How to contact them", "Text message"],
      ["Leaving a message", "OK to leave a message"],
      ["Best times to contact them", "Mornings are best"],
      ["Language", "Polish: needs an interpreter"],
      ["GP practice", "Elm Surgery"],
      ["Consent", "Agreed to be contacted"],
      ["GP record", "Agreed to the referral being added to their GP record"],
      ["How they like to meet", "Face to face (any way suits them)"],
      ["Communication needs", "Large print"],
    ]) {
      await expect(details.locator(".nhsuk-summary-list__row", { has: page.getByText(key, { exact: true }) })).toContainText(value);
    }
    await expectNoAxeViolations(page, "a person added from a self-referral, with every answer");
    await screenshot(page, "people-record-from-referral");

    // Sam's number changes: her details are changed, and only those.
    await page.getByRole("link", { name: "Change their details" }).click();
    await expect(h1(page)).toHaveText("Change their details");
    await expect(page.getByLabel("Best times to contact them (optional)")).toHaveValue("Mornings are best");
    await page.getByLabel("Phone number (optional)").fill("07700 900 555");
    await page.getByLabel("Postcode (optional)").fill("not a postcode");
    await page.getByRole("group", { name: "Date of birth (optional)" }).getByLabel("Day").fill("31");
    await page.getByRole("group", { name: "Date of birth (optional)" }).getByLabel("Month").fill("2");
    await page.getByRole("button", { name: "Save the changes" }).click();
    await expectErrors(page, ["Enter a real postcode, like LS1 4AP", "Date of birth must be a real date"], "changing details, with errors");
    await screenshot(page, "people-change-details-errors");
    await page.getByLabel("Postcode (optional)").fill("LS1 4AP");
    await page.getByRole("group", { name: "Date of birth (optional)" }).getByLabel("Day").fill("17");
    await page.getByRole("group", { name: "Date of birth (optional)" }).getByLabel("Month").fill("5");
    await page.getByRole("button", { name: "Save the changes" }).click();
    await expect(h1(page)).toHaveText("Samantha Jones");
    await expect(details).toContainText("07700 900 555");
    await expect(details).not.toContainText("07700 900 123");
    await expect(details).toContainText("LS1 4AP");
    await expect(details).toContainText("Mornings are best");
    await page.reload();
    await expect(details).toContainText("07700 900 555");

    // Typed in again by hand, she is noticed before a second record is made.
    await page.goto(`${served.url}clinic/people/add/`);
    await expect(page.getByRole("group", { name: "Date of birth (optional)" })).toBeVisible();
    await page.getByLabel("Full name").fill("samantha  jones");
    const born = page.getByRole("group", { name: "Date of birth (optional)" });
    await born.getByLabel("Day").fill("17");
    await born.getByLabel("Month").fill("5");
    await born.getByLabel("Year").fill("1961");
    await page.getByLabel("GP", { exact: true }).check();
    await page.getByLabel("Face to face", { exact: true }).check();
    await page.getByRole("button", { name: "Add this person" }).click();
    const warning = page.getByTestId("look-alikes");
    await expect(warning).toBeFocused();
    await expect(warning).toContainText("They may be on the caseload already");
    await expectNoAxeViolations(page, "adding a person who looks like one on the caseload");
    await screenshot(page, "people-look-alike");
    await warning.getByRole("link", { name: "Open the record of Samantha Jones, born 17 May 1961" }).click();
    await expect(h1(page)).toHaveText("Samantha Jones");
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people-found")).toHaveText("1 person");

    // Another person who shares her mobile is added only when the volunteer says so.
    await page.goto(`${served.url}clinic/people/add/`);
    await page.getByLabel("Full name").fill("Ria Jones");
    await page.getByLabel("Phone number (optional)").fill("+44 7700 900555");
    await page.getByLabel("GP", { exact: true }).check();
    await page.getByLabel("Face to face", { exact: true }).check();
    await page.getByRole("button", { name: "Add this person" }).click();
    await page.getByRole("button", { name: "They are someone else: add them" }).click();
    await expect(h1(page)).toHaveText("Ria Jones");
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people-found")).toHaveText("2 people");
  } finally {
    await pc.close();
  }
});

test("mistakes are put right: an appointment cancelled with a reason, a person removed, a volunteer changed, a relief volunteer added and a closed date opened again", async ({ browser, watch }) => {
  test.setTimeout(150_000);
  const pc = await browser.newContext(PC);
  try {
    const clinic = clinicHelpers(served);
    const page = await clinic.openClinic(pc, watch);
    await clinic.setUpClinic(page);

    // A volunteer's phone number changes; a relief volunteer joins.
    const volunteers = page.getByTestId("volunteers");
    await page.getByRole("link", { name: "Change Ann Jones" }).click();
    await expect(h1(page)).toHaveText("Change a volunteer's details");
    await expect(page.getByLabel(TUESDAY)).toBeChecked();
    await page.getByLabel("Phone number (optional)").fill("0113");
    await page.getByRole("button", { name: "Save the changes" }).click();
    await expectErrors(page, ["Enter a UK phone number, like 07700 900 982"], "changing a volunteer, with an error");
    await page.getByLabel("Phone number (optional)").fill("07700 900 321");
    await page.getByRole("button", { name: "Save the changes" }).click();
    await expect(h1(page)).toHaveText("Volunteers");
    await expect(volunteers).toContainText("07700 900 321");
    await expect(volunteers.locator(".nhsuk-summary-list__row").filter({ hasText: "Ann Jones" })).toContainText("Tuesdays, 9am to 12:30pm");
    await page.getByRole("button", { name: "Add a volunteer" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Dee Patel");
    await page.getByLabel(/a relief volunteer who covers when asked/).check();
    await page.getByRole("button", { name: "Add this volunteer" }).click();
    await expect(volunteers.locator(".nhsuk-summary-list__row").filter({ hasText: "Dee Patel" })).toContainText("Relief: no regular session");
    await expectNoAxeViolations(page, "volunteers with a relief volunteer");
    await screenshot(page, "people-volunteers-changed");

    // A date closed by mistake is opened again.
    await page.goto(`${served.url}clinic/sessions/closed/`);
    await page.getByLabel("Day").fill("10");
    await page.getByLabel("Month").fill("3");
    await page.getByLabel("Year").fill("2026");
    await page.getByLabel("Why is it closed?").fill("Room being painted");
    await page.getByRole("button", { name: "Close the clinic that day" }).click();
    await expect(page.getByTestId("closed-dates")).toContainText("Tuesday 10 March 2026: Room being painted");
    await page.getByRole("button", { name: "Open again on Tuesday 10 March 2026: Room being painted" }).click();
    await expect(page.getByTestId("closed-dates")).not.toContainText("10 March");
    await page.reload();
    await expect(page.getByTestId("closed-dates")).not.toContainText("10 March");

    // An appointment is cancelled, once asked why; the reason is in the log.
    await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
    await clinic.bookNext(page);
    await page.getByRole("button", { name: "Cancel the appointment on Tuesday 3 March 2026" }).click();
    await expect(h1(page)).toHaveText("Cancel this appointment?");
    await expect(page.getByTestId("cancelling")).toHaveText("Tuesday 3 March 2026, 9am to 9:45am");
    await page.getByRole("button", { name: "Cancel the appointment" }).click();
    await expectErrors(page, ["Enter why the appointment is cancelled"], "cancelling an appointment without a reason");
    await page.getByLabel("Why is it cancelled?").fill("Sam has a hospital appointment");
    await screenshot(page, "people-cancel-appointment");
    await page.getByRole("button", { name: "Cancel the appointment" }).click();
    await expect(h1(page)).toHaveText("Sam Patel");
    await expect(page.getByTestId("upcoming")).toBeEmpty();
    await expect(page.getByTestId("past")).toContainText("(cancelled)");
    await expect(page.getByTestId("log")).toContainText("Appointment on Tuesday 3 March 2026 at 9am cancelled: Sam has a hospital appointment");

    // Sam was added by mistake: removed, with the reason asked first.
    await page.getByRole("link", { name: "Remove this person from the caseload" }).click();
    await expect(h1(page)).toHaveText("Remove this person from the caseload?");
    await page.getByRole("button", { name: "Remove Sam Patel" }).click();
    await expectErrors(page, ["Enter why you are removing them"], "removing a person without a reason");
    await page.getByLabel("Why are you removing them?").fill("Added to the wrong clinic");
    await screenshot(page, "people-remove-person");
    await page.getByRole("button", { name: "Remove Sam Patel" }).click();
    await expect(h1(page)).toHaveText("People and appointments");
    await expect(page.getByTestId("people-found")).toHaveText("Nobody has been added yet.");
    await page.reload();
    await expect(page.getByTestId("people-found")).toHaveText("Nobody has been added yet.");
  } finally {
    await pc.close();
  }
});
