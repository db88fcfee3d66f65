// A link worker sends tomorrow's reminder texts from their own phone: each
// text finished and counted (checked against an independent counter), a Send
// text link that carries it whole, Copy, a sent tick, "call instead" for people
// who cannot be texted; and the practice changes the wording with a preview.
import { createRequire } from "node:module";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";

const { SegmentedMessage } = createRequire(import.meta.url)("sms-segments-calculator");

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

/** A clinic with three people booked for Tuesday 3 March: one to text, two to call. */
async function bookedClinic(context, watch) {
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.setUpClinic(page);
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face", async () => {
    await page.getByLabel("What they like to be called (optional)").fill("Sam");
    await page.getByLabel("Phone number (optional)").fill("07700 900 982");
  });
  await clinic.bookNext(page);
  await clinic.addPerson(page, "Jo Bloggs", "Nurse", "Telephone");
  await clinic.bookNext(page);
  await clinic.addPerson(page, "Alex Smith", "Pharmacy", "Face to face", async () => {
    await page.getByLabel("Phone number (optional)").fill("07700 900 123");
    await page.getByLabel("They asked not to be sent texts").check();
  });
  await clinic.bookNext(page);
  return page;
}

test("tomorrow's texts are finished, counted, sent from the phone's own messaging app, and ticked", async ({ context, watch }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await bookedClinic(context, watch);
  await page.goto(`${served.url}clinic/`);
  await page.getByRole("link", { name: "Texts for today and the next clinic day" }).click();
  await expect(h1(page)).toHaveText("Texts to send");
  await expect(page.getByTestId("text-day").getByRole("heading", { level: 2 })).toHaveText("Next clinic day: tomorrow, Tuesday 3 March 2026");

  // Without the sender's name the text cannot be finished, and says why.
  const sam = page.getByTestId("text-to-send").filter({ hasText: "Sam Patel" });
  await expect(sam.getByTestId("text-problem")).toContainText("Enter your name, so the person knows who the text is from");
  await page.getByLabel("Your name, to end each text").fill("Will");
  const text = sam.getByTestId("sms-text");
  await expect(text).toHaveText(/^Hi Sam, appointment confirmed tomorrow at 9am .*Room 4\. See you then\. To change it, call 0113 496 0000\. Will$/);
  const message = await text.textContent();

  // The count agrees with an independent counter.
  const counted = await sam.getByTestId("sms-count").textContent();
  const independent = new SegmentedMessage(message);
  expect(counted).toBe(`${independent.numberOfCharacters} characters, ${independent.segmentsCount} text${independent.segmentsCount === 1 ? "" : "s"}`);
  expect(independent.segmentsCount).toBe(1);

  // Send text opens the messaging app with the number and the whole text.
  const link = await sam.getByTestId("send-text").getAttribute("href");
  const [address, body] = link.split("?body=");
  expect(address).toBe("sms:07700900982");
  expect(decodeURIComponent(body)).toBe(message);

  await sam.getByRole("button", { name: "Copy the text to Sam Patel" }).click();
  await expect(sam.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(message);

  await sam.getByLabel("Text sent to Sam Patel").check();
  await page.reload();
  await expect(page.getByTestId("text-to-send").filter({ hasText: "Sam Patel" }).getByLabel("Text sent to Sam Patel")).toBeChecked();

  // Jo has no mobile and Alex asked not to be texted: both are to call.
  const calls = page.getByTestId("call-instead");
  await expect(calls).toHaveCount(2);
  await expect(calls.filter({ hasText: "Jo Bloggs" })).toContainText("No phone number on their record");
  await expect(calls.filter({ hasText: "Alex Smith" })).toContainText("Asked not to be texted");
  await expect(calls.filter({ hasText: "Alex Smith" }).getByRole("link", { name: "Call 07700 900 123" })).toHaveAttribute("href", "tel:07700900123");
  await expectNoAxeViolations(page, "tomorrow's texts");
  await screenshot(page, "reminders-texts");
  // From a person's record: Sam comes in face to face, so no "I will call
  // you" introduction: only the booked confirmation, saying where.
  await page.goto(`${served.url}clinic/people/`);
  await page.getByRole("link", { name: "Sam Patel" }).click();
  await page.getByRole("link", { name: "Texts about their next appointment" }).click();
  await expect(h1(page)).toHaveText("Texts about their next appointment");
  await expect(page.getByTestId("text-to-send")).toHaveCount(1);
  await expect(page.getByText("I will call you")).toHaveCount(0);
  const booked = page.getByTestId("text-to-send").filter({ hasText: "The appointment is booked" });
  await expect(booked.getByTestId("sms-text")).toHaveText(/^Hi Sam, link worker appointment booked for tomorrow at 9am at .*Room 4\. Reply to change it\. Will$/);
  expect(decodeURIComponent((await booked.getByTestId("send-text").getAttribute("href")).split("?body=")[1])).toBe(await booked.getByTestId("sms-text").textContent());
  await expectNoAxeViolations(page, "a person's texts");
  await page.goto(`${served.url}clinic/people/`);
  await page.getByRole("link", { name: "Jo Bloggs" }).click();
  await page.getByRole("link", { name: "Texts about their next appointment" }).click();
  await expect(page.getByTestId("call-instead")).toHaveText("Call instead: no mobile number.");
});

test("the practice changes the wording: a preview, characters that would cost more, and a placeholder that does not exist", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const page = await bookedClinic(context, watch);
  await page.goto(`${served.url}clinic/reminders/`);
  await page.getByLabel("Your name, to end each text").fill("Will");
  await page.getByRole("link", { name: "Change the wording of the texts" }).click();
  await expect(h1(page)).toHaveText("The wording of the texts");
  await expect(page.getByTestId("preview-template-reminder")).toContainText("Hi Sam, appointment confirmed tomorrow at 2:30pm");
  await expectNoAxeViolations(page, "the wording page");

  const reminder = page.getByLabel("Reminder the day before");
  await reminder.fill("Hi {name}, it’s {sender} – see you {day} at {tiem} {place}. Reply to change 😊");
  await expect(page.getByTestId("warnings-template-reminder")).toContainText("Curly quotes, long dashes and similar characters will be replaced");
  await expect(page.getByTestId("warnings-template-reminder")).toContainText("These characters make it a longer, costlier text: 😊");
  await expect(page.getByTestId("warnings-template-reminder")).toContainText("The reminder does not say the time. Add {time}");
  await page.getByRole("button", { name: "Save the wording" }).click();
  await expectErrors(page, ["Reminder the day before: The message has {tiem}, which is not a placeholder this app knows. Check its spelling"], "the wording with an unknown placeholder");
  await screenshot(page, "reminders-wording-error");

  // The practice's own words to warn about.
  await page.getByLabel("Words a text should not have").fill("insulin\nblood");
  await page.getByLabel("Reminder the day before").fill("Hi {name}, it’s {sender} – see you {day} at {time} {place}. Bring your insulin. Reply to change.");
  await expect(page.getByTestId("warnings-template-reminder")).toContainText("\"insulin\" is a clinical detail");

  await reminder.fill("Hi {name}, it’s {sender} – see you {day} at {time} {place}. Reply to change.");
  await expect(page.getByTestId("preview-template-reminder")).toHaveText(/^Hi Sam, it's Will - see you tomorrow at 2:30pm .*Room 4\. Reply to change\.$/);
  await page.getByRole("button", { name: "Save the wording" }).click();
  await expect(h1(page)).toHaveText("Texts to send");
  await expect(page.getByTestId("text-to-send").filter({ hasText: "Sam Patel" }).getByTestId("sms-text")).toHaveText(
    /^Hi Sam, it's Will - see you tomorrow at 9am .*Room 4\. Reply to change\.$/,
  );
});

test("after a missed appointment, a sorry-we-missed-you text offers another time, for a week", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const page = await bookedClinic(context, watch);
  await page.goto(`${served.url}clinic/reminders/`);
  await page.getByLabel("Your name, to end each text").fill("Will");

  // Tuesday: Sam does not come.
  await page.clock.setFixedTime(new Date("2026-03-03T10:00:00Z"));
  await page.goto(`${served.url}clinic/day/?date=2026-03-03`);
  await page.getByTestId("appointment").filter({ hasText: "Sam Patel" }).getByRole("button", { name: "Did not attend (Sam Patel)" }).click();

  // Wednesday: the text to send.
  await page.clock.setFixedTime(new Date("2026-03-04T09:00:00Z"));
  await page.goto(`${served.url}clinic/reminders/`);
  await expect(page.getByRole("heading", { name: "Sorry we missed you" })).toBeVisible();
  const sam = page.getByTestId("text-to-send").filter({ hasText: "Sam Patel" });
  await expect(sam.getByTestId("sms-text")).toHaveText(
    "Hi Sam, sorry we missed you yesterday. We would still like to help. Reply or call 0113 496 0000 to find a time that suits you. Will",
  );
  const link = await sam.getByTestId("send-text").getAttribute("href");
  expect(decodeURIComponent(link.split("?body=")[1])).toBe(await sam.getByTestId("sms-text").textContent());
  await sam.getByLabel("Text sent to Sam Patel").check();
  await expectNoAxeViolations(page, "the texts page with a sorry-we-missed-you text");
  await screenshot(page, "reminders-missed-you");
  await page.reload();
  await expect(page.getByTestId("text-to-send").filter({ hasText: "Sam Patel" }).getByLabel("Text sent to Sam Patel")).toBeChecked();

  // A week and a day later it is no longer offered.
  await page.clock.setFixedTime(new Date("2026-03-11T09:00:00Z"));
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sorry we missed you" })).toHaveCount(0);
});
