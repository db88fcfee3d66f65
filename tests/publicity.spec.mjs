// Getting known: a volunteer prints a referral pad for the practice's GPs and
// a poster for the waiting room. Each is printed (print media, A4, one page),
// its QR code read back as a phone would and opened in a fresh browser, and
// its words checked for a reading grade of 6 or under. Printed from a
// computer's own address, the app says a phone could not open it and prints
// nothing.
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";
import { h1, clinicHelpers, expectPartOpened, TUESDAY, THURSDAY, MONDAY } from "./support/clinic.mjs";
import { choose, press } from "./support/keyboard.mjs";
import { readQr } from "./support/qr.mjs";
import { readingGrade } from "./support/reading.mjs";
import { referYourself } from "./support/self_referral.mjs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const APP = "https://elm.example.nhs.uk/social/";

let served;
let servedHere;
test.beforeAll(async () => {
  served = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify({ ...ELM_SURGERY, app_address: APP })),
  });
  servedHere = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)),
  });
});
test.afterAll(async () => {
  await served.close();
  await servedHere.close();
});

/** A clinic with its two weekly sessions, on the practice's PC. */
async function clinicWithSessions(context, watch, site) {
  const { openClinic, addWeekly } = clinicHelpers(site);
  const page = await openClinic(context, watch);
  await page.getByRole("link", { name: "Sessions and closed dates" }).click();
  await expectPartOpened(page, "Sessions and closed dates");
  await addWeekly(page, "Tuesday", "9:00am", "12:30pm", "Room 4");
  await expect(page.getByTestId("weekly-sessions")).toContainText(TUESDAY);
  await addWeekly(page, "Thursday", "13:30", "5pm", "Room 4");
  await expect(page.getByTestId("weekly-sessions")).toContainText(THURSDAY);
  await page.getByRole("link", { name: "Back to the clinic" }).click();
  await expectPartOpened(page, "Run a clinic");
  return page;
}

/** Prints the page to an A4 PDF, kept beside the screenshots; returns its pages. */
async function printToPdf(page, name) {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const dir = "test-results/screens";
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g).length;
}

/** The link in a printed code, opened on a patient's phone at the test's own site. */
async function openOnPhone(browser, watch, link) {
  expect(link.startsWith(APP)).toBe(true);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await openPage(phone, watch, served.origin);
  await page.clock.setFixedTime(MONDAY);
  await page.goto(served.url + link.slice(APP.length));
  await expectPartOpened(page, "Ask for support from a link worker");
  return { phone, page };
}

test("a pad for the GPs prints six slips on one page, each with a code that opens self-referral", async ({ browser, context, watch }) => {
  test.setTimeout(180_000);
  const page = await clinicWithSessions(context, watch, served);
  await page.getByRole("link", { name: "Print a referral pad for the practice's staff" }).click();
  await expectPartOpened(page, "Print a referral pad");
  await expect(page.getByTestId("pad")).toHaveCount(0);
  await expectNoAxeViolations(page, "the referral pad before a choice");

  await choose(page, page.getByLabel("GPs"));
  const slip = page.locator(".app-slip").first();
  await expect(slip).toBeVisible();
  await expect(page.locator(".app-slip:visible")).toHaveCount(1);
  await expect(slip).toContainText("Elm Surgery");
  await expect(slip).toContainText("When: Tuesdays, 9am to 12:30pm, Room 4; Thursdays, 1:30pm to 5pm, Room 4");
  await expect(slip).toContainText("To book: give this slip to reception.");
  await expect(slip.locator(".app-slip__address")).toHaveText("elm.example.nhs.uk/social/refer");
  await expectNoAxeViolations(page, "the referral pad for GPs");
  await screenshot(page, "referral-pad");

  // On paper: six slips and nothing of the app around them, on one A4 page.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(page.locator(".app-slip:visible")).toHaveCount(6);
  await expect(page.getByRole("heading", { name: "Print a referral pad" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print the slips" })).toBeHidden();
  await expect(page.getByText("If you need help now")).toBeHidden();
  await screenshot(page, "referral-pad-printed");
  const last = page.locator(".app-slip").nth(5);
  const grade = readingGrade(await last.innerText());
  expect(grade, `the slip's reading grade, ${grade.toFixed(1)}`).toBeLessThanOrEqual(6);
  const code = await readQr(last.getByTestId("qr-code"));
  expect(code.data).toBe(`${APP}refer?from=gp`);
  expect(await printToPdf(page, "referral-pad")).toBe(1);

  // A patient given the slip refers themselves: "A GP" is already chosen.
  const { phone, page: patient } = await openOnPhone(browser, watch, code.data);
  const email = await refersThemselves(patient);
  await phone.close();

  // The clinic adds the referral from its email, and counts where it came from.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`${served.url}clinic/import/`);
  await page.getByLabel("Paste the referral’s link or code").fill(email);
  await page.getByRole("button", { name: "Open the referral" }).click();
  await expect(h1(page)).toHaveText("Pat Slip");
  await page.getByRole("button", { name: "Keep this referral for the clinic" }).click();
  await page.getByRole("link", { name: "See self-referrals to add" }).click();
  await page.getByRole("button", { name: "Add to the caseload (Pat Slip)" }).click();
  await expect(h1(page)).toHaveText("Pat Slip");
  await expect(page.getByTestId("person-details")).toContainText("Monday 2 March 2026 by self-referral (suggested by a GP)");
  await page.goto(`${served.url}clinic/reports/`);
  await expectPartOpened(page, "Reports");
  const figure = (measure) =>
    page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: measure, exact: true }) }).getByRole("cell");
  await expect(figure("Referred by: Self-referral")).toHaveText("fewer than 5");
  await expect(figure("Self-referrals suggested by: GP")).toHaveText("fewer than 5");
  await expect(figure("Self-referrals suggested by: Nurse")).toHaveText("0");
});

/**
 * A patient who scanned a GP's slip refers themselves, shortly; "A GP" is
 * chosen for them and shown on the check page. Returns the email's text.
 */
async function refersThemselves(phone) {
  await press(phone, phone.getByRole("button", { name: "Start now" }));
  const body = await referYourself(
    phone,
    { name: "Pat Slip", born: ["3", "4", "1970"], mobile: "07700 900 321" },
    {
      atPractice: async () => {
        await expect(phone.getByLabel("A GP", { exact: true })).toBeChecked();
        await expectNoAxeViolations(phone, "the practice question, filled in from a GP's slip");
        await screenshot(phone, "refer-suggested-by");
      },
      onCheck: () =>
        expect(phone.locator(".nhsuk-summary-list__row", { hasText: "Who suggested it" })).toContainText("A GP"),
    },
  );
  expect(body).toContain("Who suggested it: A GP");
  return body;
}

test("a code naming someone the app does not know opens self-referral and chooses nothing", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer?from=%3Cscript%3Edentist`);
  await expectPartOpened(page, "Ask for support from a link worker");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.goto(`${served.url}refer/practice/`);
  await expect(h1(page)).toHaveText("What is the name of your GP practice?");
  for (const answer of ["A GP", "A nurse", "Someone at reception", "A pharmacist", "Someone else", "No, nobody suggested it"]) {
    await expect(page.getByLabel(answer, { exact: true })).not.toBeChecked();
  }
});

test("a poster prints on one A4 page in large type, with a code that opens self-referral", async ({ browser, context, watch }) => {
  test.setTimeout(180_000);
  const page = await clinicWithSessions(context, watch, served);
  await page.getByRole("link", { name: "Print a waiting-room poster" }).click();
  await expectPartOpened(page, "Print a waiting-room poster");
  const poster = page.getByTestId("poster");
  await expect(poster).toContainText("Feeling lonely, stressed or stuck?");
  await expect(poster).toContainText("Tuesdays, 9am to 12:30pm, Room 4; Thursdays, 1:30pm to 5pm, Room 4");
  await expect(poster).toContainText("call Samaritans free on 116 123");
  await expect(poster.locator(".app-poster__address")).toHaveText("elm.example.nhs.uk/social/refer");
  await expectNoAxeViolations(page, "the poster");
  await screenshot(page, "poster");

  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(page.getByRole("button", { name: "Print the poster" })).toBeHidden();
  await screenshot(page, "poster-printed");
  // Readable from 2 metres: the headline at 38 points, the rest at 17.
  const points = async (locator) => parseFloat(await locator.evaluate((e) => getComputedStyle(e).fontSize)) * 0.75;
  expect(await points(poster.locator(".app-poster__title"))).toBeGreaterThanOrEqual(36);
  expect(await points(poster.locator("li").first())).toBeGreaterThanOrEqual(16);
  const words = (await poster.innerText()).replace(/elm\.example\S*/, "");
  const grade = readingGrade(words);
  expect(grade, `the poster's reading grade, ${grade.toFixed(1)}`).toBeLessThanOrEqual(6);
  const code = await readQr(poster.getByTestId("qr-code"));
  expect(code.data).toBe(`${APP}refer`);
  expect(await printToPdf(page, "poster")).toBe(1);

  const { phone, page: patient } = await openOnPhone(browser, watch, code.data);
  await expect(patient.getByRole("button", { name: "Start now" })).toBeVisible();
  await phone.close();
});

test("printed from the computer's own address, the pad says a phone could not open it and prints no slips", async ({ context, watch }) => {
  const page = await clinicWithSessions(context, watch, servedHere);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Print a referral pad for the practice's staff" }).click();
  await expectPartOpened(page, "Print a referral pad");
  const warning = page.getByTestId("address-only-here");
  await expect(warning).toContainText("A patient’s phone cannot open this address");
  await expect(warning).toContainText(servedHere.url);
  await choose(page, page.getByLabel("Nurses"));
  await expect(page.getByLabel("Nurses")).toBeChecked();
  await expect(page.getByTestId("pad")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Print the slips" })).toHaveCount(0);
  await expectNoAxeViolations(page, "the referral pad at this computer's address");
  await screenshot(page, "referral-pad-only-here");

  await press(page, page.getByRole("link", { name: "Back to the clinic" }));
  await expectPartOpened(page, "Run a clinic");
  await page.getByRole("link", { name: "Print a waiting-room poster" }).click();
  await expectPartOpened(page, "Print a waiting-room poster");
  await expect(page.getByTestId("address-only-here")).toBeVisible();
  await expect(page.getByTestId("poster")).toHaveCount(0);
  await expectNoAxeViolations(page, "the poster at this computer's address");
});
