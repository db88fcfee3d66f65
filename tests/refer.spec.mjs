// A patient refers themselves on a phone: one question a page, errors that
// say what to fix, answers that survive a reload, a check-your-answers page,
// and a referral handed over by a QR code the clinic's device can open.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { readQr } from "./support/qr.mjs";
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { storedText } from "./support/stored.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify({ ...ELM_SURGERY, reply_within_days: 5 })),
  });
});
test.afterAll(async () => served.close());

const h1 = (page) => page.getByRole("heading", { level: 1 });
const next = (page) => page.getByRole("button", { name: "Continue" }).click();

/** A new question page as a screen reader meets it: focus is on its heading,
 * so the question is the first thing read, not "main" or the Back link. */
async function asked(page, question) {
  await expect(h1(page)).toHaveText(question);
  await expect(h1(page)).toBeFocused();
  await expect(page.locator(":focus")).toMatchAriaSnapshot(`- heading ${JSON.stringify(question)} [level=1]`);
}

/** Checks a page with errors the GOV.UK way: the summary, the field's own message, "Error:" in the title. */
async function expectErrors(page, messages, label) {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  for (const message of messages) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
    await expect(page.locator(".nhsuk-error-message", { hasText: message })).toBeVisible();
  }
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page, label);
}

// "In your own words" at its limit of 500 characters.
const LONG_OWN_WORDS = (
  "Since my husband died two years ago I hardly go out. My daughter lives in Leeds and I see her at Christmas. " +
  "I used to sing in a choir and help at the church café, but my knees are bad now and the bus is £4.20 each way, " +
  "which I cannot really afford since my pension credit was stopped. Some days I do not speak to anyone at all. " +
  "I worry about the gas bill and I keep the heating off. I would like to meet people again, and get some help " +
  "with the letters from the council that I do not understand."
).slice(0, 500);

/** Answers every question for Siobhán, a 65-year-old who would like a text. */
async function answerEverything(page, { shots = false, long = false } = {}) {
  const shot = async (name) => shots && screenshot(page, `refer-${name}`);
  await page.goto(`${served.url}refer/`);
  await expect(h1(page)).toHaveText("Ask for support from a link worker");
  await expect(page.getByText("usually within 5 working days")).toBeVisible();
  await shot("start");
  await page.getByRole("button", { name: "Start now" }).click();

  await asked(page, "What is your name?");
  await page.getByLabel("Full name").pressSequentially(long ? "Siobhán Margaret O’Neill-Nkemelu" : "Siobhán O’Neill");
  await page.getByLabel("What would you like us to call you? (optional)").fill("Shiv");
  await page.getByLabel("Full name").press("Enter");

  await asked(page, "What is your date of birth?");
  await page.getByLabel("Day").fill("3");
  await page.getByLabel("Month").fill("3");
  await page.getByLabel("Year").fill("1961");
  await next(page);

  await asked(page, "How would you like us to contact you?");
  await page.getByLabel("Text message").check();
  await page.getByLabel("Mobile number").fill("07700 900 982");
  await next(page);

  await asked(page, "When is it best to contact you?");
  await page.getByLabel("Yes").check();
  if (long) await page.getByLabel("Best days and times (optional)").fill("Weekday mornings after 10am, not Wednesdays (hospital appointments)");
  await next(page);

  await asked(page, "What would you like support with?");
  await page.getByLabel("Feeling lonely or isolated").check();
  if (long) {
    for (const need of ["Money, debt or benefits", "Housing", "Stress, worry or low mood", "Living with a long-term condition", "Something else"]) {
      await page.getByLabel(need).check();
    }
    await page.getByLabel("What else would you like support with?").fill("Help reading letters from the council and the bank");
  }
  await shot("support");
  await next(page);

  await asked(page, "Tell us more in your own words (optional)");
  await page.getByLabel("Tell us more in your own words (optional)").fill(long ? LONG_OWN_WORDS : "Since my husband died I hardly go out.");
  await next(page);

  await asked(page, "Is anything making it hard to get to appointments?");
  if (long) {
    for (const barrier of ["Transport, or the cost of getting there", "Busy waiting rooms", "Leaving the house"]) await page.getByLabel(barrier).check();
  } else {
    await page.getByLabel("None of these").check();
  }
  await next(page);

  await asked(page, "How would you prefer to meet a link worker?");
  await page.getByLabel("By telephone").check();
  await next(page);

  await asked(page, "Do you need any help to communicate with us? (optional)");
  await page.getByLabel("Large print").check();
  if (long) {
    await page.getByLabel("Easy read").check();
    await page.getByLabel("Lipspeaker").check();
    await page.getByLabel("Anything else that would help (optional)").fill("I lip-read, so please face me and speak slowly");
  }
  await next(page);

  await asked(page, "Which language would you like to use?");
  await expect(page.getByLabel("Which language would you like to use?")).toHaveValue("English");
  await page.getByLabel("No").check();
  await next(page);

  await asked(page, "What is the name of your GP practice?");
  await expect(page.getByLabel("What is the name of your GP practice?")).toHaveValue("Elm Surgery");
  await next(page);

  await asked(page, "Before you send this");
  await page.getByLabel(/I agree to a link worker/).check();
  await page.getByLabel("Yes").check();
  await next(page);
  await asked(page, "Check your answers before sending");
}

test("a person refers themselves, checks their answers, and hands the referral over by QR code", async ({ browser, context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await answerEverything(page, { shots: true });
  await expect(page).toHaveURL(`${served.url}refer/check/`);
  const answers = page.locator(".nhsuk-summary-list");
  await expect(answers).toContainText("Siobhán O’Neill");
  await expect(answers).toContainText("3 March 1961");
  await expect(answers).toContainText("07700 900 982");
  await expect(answers).toContainText("Feeling lonely or isolated");
  await expect(answers).toContainText("Since my husband died I hardly go out.");
  await expectNoAxeViolations(page, "check your answers");
  await screenshot(page, "refer-check");
  // Each Change link says what it changes, as a screen reader lists links.
  await expect(page.getByRole("link", { name: "Change GP practice", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change OK to leave a message", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change full name", exact: true })).toBeVisible();

  // A change goes back to its question and returns here.
  await page.getByRole("link", { name: "Change how to contact" }).click();
  await expect(h1(page)).toHaveText("How would you like us to contact you?");
  await page.getByLabel("Mobile number").fill("07700 900 123");
  await next(page);
  await expect(h1(page)).toHaveText("Check your answers before sending");
  await expect(answers).toContainText("07700 900 123");

  await page.getByRole("button", { name: "Confirm and send" }).click();
  await expect(h1(page)).toHaveText("Your referral is ready to send");
  const reference = (await page.getByTestId("reference").textContent()).trim();
  expect(reference).toMatch(/^[A-Z0-9]{3,5}[- ]?[A-Z0-9]{3,5}$/);
  await expect(page.getByText("A link worker will then contact you by text message within 5 working days.")).toBeVisible();
  const email = page.getByRole("button", { name: "Email my referral" });
  const mailto = decodeURIComponent(await email.getAttribute("href"));
  expect(mailto).toContain("mailto:elm.linkworkers@example.org?subject=Self-referral " + reference);
  expect(mailto).toContain("Siobhán O’Neill");
  await expectNoAxeViolations(page, "the referral is ready to send");
  await screenshot(page, "refer-done");

  // The QR code, read from the screen as a phone's camera would.
  const code = await readQr(page.getByTestId("qr-code"));
  expect(code.data.startsWith(`${served.url}clinic/import/#r=2.`), "the referral is deflated").toBe(true);
  expect(code.data).not.toContain("Siobh");

  // The clinic's device: another browser, with nothing of the patient's.
  const clinic = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const clinicPage = await openPage(clinic, watch, served.origin);
    await clinicPage.goto(code.data);
    await expect(h1(clinicPage)).toHaveText("Siobhán O’Neill");
    await expect(clinicPage.getByText(`Self-referral ${reference}`)).toBeVisible();
    await expect(clinicPage.getByTestId("snomed")).toHaveText("871731000000106");
    await expect(clinicPage.locator(".nhsuk-summary-list")).toContainText("07700 900 123");
    await expectNoAxeViolations(clinicPage, "a referral to add, on the clinic's device");
    await clinicPage.getByRole("button", { name: "Keep this referral for the clinic" }).click();
    await expect(clinicPage.getByTestId("import-kept")).toBeVisible();
    await screenshot(clinicPage, "clinic-import");
    await clinicPage.reload();
    await expect(clinicPage.getByTestId("import-kept")).toBeVisible();

    // The clinic's page lists it, and leads back to the answers.
    await clinicPage.getByRole("link", { name: "See self-referrals to add" }).click();
    await expect(h1(clinicPage)).toHaveText("Run a clinic");
    const waiting = clinicPage.getByTestId("referrals-waiting");
    await expect(waiting).toContainText("Siobhán O’Neill");
    await expectNoAxeViolations(clinicPage, "the clinic page with a referral kept");
    await screenshot(clinicPage, "clinic-referrals-waiting");
    await waiting.getByRole("link", { name: "See answers of Siobhán O’Neill" }).click();
    await expect(h1(clinicPage)).toHaveText("Siobhán O’Neill");
    await expect(clinicPage.getByTestId("import-kept")).toBeVisible();

    // Added to the caseload, the referral becomes a person with their answers.
    await clinicPage.goBack();
    await clinicPage.getByRole("button", { name: "Add to the caseload (Siobhán O’Neill)" }).click();
    await expect(h1(clinicPage)).toHaveText("Siobhán O’Neill");
    const details = clinicPage.getByTestId("person-details");
    await expect(details).toContainText("Waiting");
    await expect(details).toContainText("by self-referral");
    await expect(details).toContainText("07700 900 123");
    await expect(clinicPage.getByTestId("accepted-code")).toContainText("871731000000106");
    await expectNoAxeViolations(clinicPage, "a person added from a self-referral");
    await clinicPage.getByRole("link", { name: "Back to people" }).click();
    await expect(clinicPage.getByTestId("people")).toContainText("Siobhán O’Neill");

    // The same code scanned again says whose record it already is.
    await clinicPage.goto(code.data);
    await expect(clinicPage.getByTestId("import-on-caseload")).toHaveText("Information: This referral is already on the caseload: Siobhán O’Neill’s record.");
    await expect(clinicPage.getByRole("button", { name: "Keep this referral for the clinic" })).toHaveCount(0);
    await expectNoAxeViolations(clinicPage, "a referral already on the caseload");
    await clinicPage.getByRole("link", { name: "Siobhán O’Neill’s record" }).click();
    await expect(h1(clinicPage)).toHaveText("Siobhán O’Neill");
  } finally {
    await clinic.close();
  }
});

test("each question says what to fix, the summary links to the field, and nothing typed is lost", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/name/`);
  await next(page);
  await expectErrors(page, ["Enter your full name"], "the name page with an error");
  await screenshot(page, "refer-name-error");
  await page.getByRole("link", { name: "Enter your full name" }).click();
  await expect(page.getByLabel("Full name")).toBeFocused();
  await page.keyboard.type("Sam Patel");
  await page.keyboard.press("Enter");

  await expect(h1(page)).toHaveText("What is your date of birth?");
  await page.getByLabel("Year").fill("61");
  await next(page);
  await expectErrors(page, ["Date of birth must include a day and month"], "the date of birth page with an error");
  await expect(page.getByLabel("Year")).toHaveValue("61");
  await page.getByLabel("Day").fill("30");
  await page.getByLabel("Month").fill("2");
  await page.getByLabel("Year").fill("1961");
  await next(page);
  await expectErrors(page, ["Date of birth must be a real date"], "the date of birth page with an impossible date");
  await page.getByLabel("Day").fill("28");
  await next(page);

  await expect(h1(page)).toHaveText("How would you like us to contact you?");
  await next(page);
  await expectErrors(page, ["Select how you would like us to contact you"], "the contact page with nothing chosen");
  await page.getByLabel("Text message").check();
  await page.getByLabel("Mobile number").fill("0113 496 0");
  await next(page);
  await expectErrors(page, ["Enter a UK mobile number, like 07700 900 982"], "the contact page with a landline as a mobile");
  await screenshot(page, "refer-contact-error");

  // A reload, or coming back later, keeps what was typed, even with errors showing.
  await page.reload();
  await expect(page.getByLabel("Text message")).toBeChecked();
  await expect(page.getByLabel("Mobile number")).toHaveValue("0113 496 0");
  await page.goto(`${served.url}refer/`);
  await expect(page.getByText("You have already started. Your answers are saved on this device.")).toBeVisible();
  await page.getByRole("button", { name: "Continue where you left off" }).click();
  await expect(h1(page)).toHaveText("How would you like us to contact you?");
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page.getByLabel("Day")).toHaveValue("28");

  // Check your answers with questions left unanswered lists each as a link.
  await page.goto(`${served.url}refer/check/`);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Some answers are missing or need changing before you can send this.");
  await expect(summary.getByRole("link", { name: "Select what you would like support with" })).toBeVisible();
  await expectNoAxeViolations(page, "check your answers with answers missing");
  await page.getByRole("button", { name: "Confirm and send" }).click();
  await expect(h1(page)).toHaveText("Check your answers before sending");
});

test("moving through the form does not reload the page, and focus starts at the new page's question", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/`);
  await page.evaluate(() => (window.stillTheSameApp = true));
  await page.getByRole("button", { name: "Start now" }).click();
  await asked(page, "What is your name?");
  await expect(page).toHaveTitle("What is your name? - Elm Surgery social prescribing");
  await page.goBack();
  await expect(h1(page)).toHaveText("Ask for support from a link worker");
  expect(await page.evaluate(() => window.stillTheSameApp)).toBe(true);
});

test("a person under 16 is told who can help instead", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/name/`);
  await page.getByLabel("Full name").fill("Alex Young");
  await next(page);
  const year = new Date().getFullYear() - 12;
  await page.getByLabel("Day").fill("1");
  await page.getByLabel("Month").fill("6");
  await page.getByLabel("Year").fill(String(year));
  await next(page);
  await expect(h1(page)).toHaveText("You need to be 16 or over to use this form");
  await expect(page.getByRole("main").getByRole("link", { name: "0113 496 0123" })).toHaveAttribute("href", "tel:01134960123");
  await expectNoAxeViolations(page, "the under 16 page");
  await screenshot(page, "refer-under-16");
});

test("a person can delete their answers from the phone, after being asked once", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/name/`);
  await page.getByLabel("Full name").fill("Sam Patel");
  await next(page);
  await expect(h1(page)).toHaveText("What is your date of birth?");
  const deleteButton = page.getByRole("button", { name: "Delete my answers from this device" });
  await deleteButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Everything you have typed into this form will be removed from this device.")).toBeVisible();
  // Focus goes to the question, so that it is read out; "No" gives it back to the button.
  await expect(page.getByRole("heading", { name: "Important: Delete your answers?" })).toBeFocused();
  await expectNoAxeViolations(page, "the delete question");
  await page.getByRole("button", { name: "No, keep them" }).click();
  await expect(deleteButton).toBeFocused();
  await deleteButton.click();
  await page.getByRole("button", { name: "Yes, delete my answers" }).click();
  await expect(page.getByRole("region", { name: "Done" })).toContainText("Your answers have been deleted from this device");
  await expect(page.locator("#deleted")).toBeFocused();
  await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
  await expectNoAxeViolations(page, "the start page after deleting");
  expect(await storedText(page)).not.toContain("Sam Patel");
  await page.goto(`${served.url}refer/name/`);
  await expect(page.getByLabel("Full name")).toHaveValue("");
});

test("a person on a shared phone deletes saved answers from the start page, without going back into the form", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/name/`);
  await page.getByLabel("Full name").fill("Sam Patel");
  await next(page);
  await expect(h1(page)).toHaveText("What is your date of birth?");
  await page.goto(`${served.url}refer/`);
  await expect(page.getByText("You have already started. Your answers are saved on this device.")).toBeVisible();
  await page.getByRole("button", { name: "Delete my answers from this device" }).click();
  await expect(page.getByRole("heading", { name: "Important: Delete your answers?" })).toBeFocused();
  await expectNoAxeViolations(page, "the start page asking to delete");
  await screenshot(page, "refer-start-delete");
  await page.getByRole("button", { name: "Yes, delete my answers" }).click();
  await expect(page.getByRole("region", { name: "Done" })).toContainText("Your answers have been deleted from this device");
  await expect(page.locator("#deleted")).toBeFocused();
  await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue where you left off" })).toHaveCount(0);
  expect(await storedText(page)).not.toContain("Sam Patel");
});

/** A referral code's fragment as the app seals one: `r=<version>.<base64url>.<FNV-1a>`. */
function sealed(version, bytes) {
  let hash = 0x811c9dc5;
  for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
  return `r=${version}.${Buffer.from(bytes).toString("base64url")}.${hash.toString(16).padStart(8, "0")}`;
}

test("a long referral's QR code stays easy to read, and the clinic's device opens it; a code that cannot be used says why and keeps nothing", async ({ browser, context, watch }) => {
  test.setTimeout(180_000);
  const page = await openPage(context, watch, served.origin);
  await answerEverything(page, { long: true });
  await page.getByRole("button", { name: "Confirm and send" }).click();
  await expect(h1(page)).toHaveText("Your referral is ready to send");
  const reference = (await page.getByTestId("reference").textContent()).trim();

  // Read from the screen as a phone's camera would, drawn larger (a camera
  // sees the code with more pixels a module than this screen's 320): 6
  // pixels a module, a whole number, which jsQR needs for a code this dense.
  const qr = page.getByTestId("qr-code");
  // 17 modules a side at version 1, 4 more each version, and a quiet zone of 4 each side.
  const side = Number((await qr.getAttribute("viewBox")).split(" ")[2]);
  const version = (side - 8 - 17) / 4;
  const code = await readQr(qr);
  expect(code.data.startsWith(`${served.url}clinic/import/#r=2.`)).toBe(true);
  console.log(`long referral link: ${code.data.length} characters, QR version ${version}`);
  expect(version).toBeLessThanOrEqual(25);
  await screenshot(page, "refer-done-long");

  const clinic = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const clinicPage = await openPage(clinic, watch, served.origin);
    const fragment = code.data.split("#")[1];
    const [, data, sum] = fragment.split(".");
    const i = Math.floor(data.length / 2);
    const changed = `r=2.${data.slice(0, i)}${data[i] === "A" ? "B" : "A"}${data.slice(i + 1)}.${sum}`;
    const damaged = "This code is incomplete or has been changed, so it cannot be used.";
    const cases = [
      ["cut short", fragment.slice(0, -12), damaged],
      ["changed", changed, damaged],
      ["newer", fragment.replace("r=2.", "r=3."), "This code was made by a newer version of the app."],
      ["far too long", sealed(2, deflateRawSync(Buffer.alloc(10_000_000, " "))), "This code holds far more than a referral can, so it has not been opened."],
    ];
    for (const [name, bad, message] of cases) {
      await clinicPage.goto(`${served.url}clinic/import/#${bad}`);
      await clinicPage.reload();
      // The paste page, saying why this code cannot be used, so another can be pasted.
      await expect(h1(clinicPage)).toHaveText("Add a referral");
      await expect(clinicPage.getByRole("heading", { name: "Important: This referral code cannot be used" })).toBeVisible();
      await expect(clinicPage.getByTestId("import-problem")).toContainText(message);
      await expect(clinicPage.getByRole("button", { name: "Keep this referral for the clinic" })).toHaveCount(0);
      await expectNoAxeViolations(clinicPage, `a referral code ${name}`);
      if (name === "changed") await screenshot(clinicPage, "clinic-import-changed");
    }
    // A link with nothing after its # opens the page to paste a referral into.
    await clinicPage.goto(`${served.url}clinic/import/#`);
    await clinicPage.reload();
    await expect(h1(clinicPage)).toHaveText("Add a referral");
    await expect(clinicPage.getByTestId("import-problem")).toHaveCount(0);
    expect(await storedText(clinicPage)).not.toContain(reference);

    // The long referral itself opens whole, and is kept when asked.
    await clinicPage.goto(code.data);
    await clinicPage.reload();
    await expect(h1(clinicPage)).toHaveText("Siobhán Margaret O’Neill-Nkemelu");
    await expect(clinicPage.getByText(`Self-referral ${reference}`)).toBeVisible();
    const answers = clinicPage.locator(".nhsuk-summary-list");
    await expect(answers).toContainText(LONG_OWN_WORDS.slice(-60));
    await expect(answers).toContainText("Help reading letters from the council and the bank");
    await expect(answers).toContainText("I lip-read, so please face me and speak slowly");
    await expectNoAxeViolations(clinicPage, "a long referral to add");
    await clinicPage.getByRole("button", { name: "Keep this referral for the clinic" }).click();
    await expect(clinicPage.getByTestId("import-kept")).toBeVisible();

    // A code made before codes were deflated still opens.
    const json = inflateRawSync(Buffer.from(data, "base64url"));
    await clinicPage.goto(`${served.url}clinic/import/#${sealed(1, json)}`);
    await clinicPage.reload();
    await expect(h1(clinicPage)).toHaveText("Siobhán Margaret O’Neill-Nkemelu");
    await expect(clinicPage.getByTestId("import-kept")).toBeVisible();
  } finally {
    await clinic.close();
  }
});
