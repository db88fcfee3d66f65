// A new volunteer's first day at the practice PC (1280 x 800): the texts
// offered fit how each appointment is held, today's texts come before the
// next clinic day's, a wording's length and mistakes are shown as it is
// typed, the day's list marks a concern and communication needs in words,
// and people's names stay out of the browser's title and form memory.
import { createRequire } from "node:module";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";

const { SegmentedMessage } = createRequire(import.meta.url)("sms-segments-calculator");

test.use({ viewport: { width: 1280, height: 800 } });

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const mobile = (number) => async (page) => page.getByLabel("Phone number (optional)").fill(number);

/** Four people on Tuesday 3 March (Room 4, from 9am) and a fifth on Thursday 5 March. */
async function busyClinic(context, watch) {
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.setUpClinic(page);
  const people = [
    ["Sam Patel", "Face to face", "07700 900 982"],
    ["Jo Bloggs", "Telephone", "07700 900 111"],
    ["Kim Lee", "Face to face", "07700 900 222"],
    ["Alex Smith", "Face to face", "07700 900 333"],
    ["Pat Green", "Face to face", "07700 900 444"],
  ];
  for (const [name, mode, phone] of people) {
    await clinic.addPerson(page, name, "GP", mode, () => mobile(phone)(page));
    await clinic.bookNext(page);
  }
  await page.goto(`${served.url}clinic/reminders/`);
  await page.getByLabel("Your name, to end each text").fill("Will");
  return page;
}

test("on the morning of a clinic day, today's texts come first, then the next clinic day's, and a face-to-face person is never told 'I will call you'", async ({ context, watch }) => {
  test.setTimeout(180_000);
  const page = await busyClinic(context, watch);

  // Tuesday 3 March, 8am: today's texts, then Thursday's.
  await page.clock.setFixedTime(new Date("2026-03-03T08:00:00Z"));
  await page.goto(`${served.url}clinic/reminders/`);
  await expect(h1(page)).toHaveText("Texts to send");
  const days = page.getByTestId("text-day");
  await expect(days.getByRole("heading", { level: 2 })).toHaveText(["Today, Tuesday 3 March 2026", "Next clinic day: Thursday 5 March 2026"]);
  const today = days.nth(0);
  await expect(today.getByTestId("text-to-send")).toHaveCount(4);
  await expect(today.getByTestId("text-to-send").filter({ hasText: "Sam Patel" }).getByTestId("sms-text")).toHaveText(
    /^Hi Sam, appointment confirmed today at 9am at Example Surgery, Room 4\. See you then\. To change it, call .*\. Will$/,
  );
  await expect(today.getByTestId("text-to-send").filter({ hasText: "Jo Bloggs" }).getByTestId("sms-text")).toContainText(
    "today at 9:45am by phone. I will call you on 07700 900 111. Speak to you then.",
  );
  await expect(days.nth(1).getByTestId("text-to-send").filter({ hasText: "Pat Green" }).getByTestId("sms-text")).toContainText(
    "appointment confirmed on Thursday 5 March at 1:30pm",
  );
  await expectNoAxeViolations(page, "today's and the next clinic day's texts");
  await screenshot(page, "first-day-texts-today");

  // Every text the volunteer is offered here is one text.
  for (const text of await page.getByTestId("sms-text").allTextContents()) {
    expect(new SegmentedMessage(text).segmentsCount, text).toBe(1);
  }

  // Pat comes in face to face: the booked text says where, and nothing says "I will call you".
  await page.goto(`${served.url}clinic/people/`);
  await page.getByRole("link", { name: "Pat Green" }).click();
  await page.getByRole("link", { name: "Texts about their next appointment" }).click();
  await expect(page.getByTestId("text-to-send")).toHaveCount(1);
  await expect(page.getByTestId("sms-text")).toHaveText(/^Hi Pat, link worker appointment booked for Thursday 5 March at 1:30pm at Example Surgery, Room 4\. Reply to change it\. Will$/);
  await expect(page.getByText("I will call you")).toHaveCount(0);
  // Jo is called: the introduction is offered before the call.
  await page.goto(`${served.url}clinic/people/`);
  await page.getByRole("link", { name: "Jo Bloggs" }).click();
  await page.getByRole("link", { name: "Texts about their next appointment" }).click();
  await expect(page.getByTestId("text-to-send").filter({ hasText: "Before the first call" }).getByTestId("sms-text")).toHaveText(
    "Hi Jo, this is Will from Example Surgery's link worker team. I will call you today around 9:45am.",
  );
  await expectNoAxeViolations(page, "a phone appointment's texts");
});

test("the wording page counts as the practice types: over one text by how much, doubled brackets, and a lone bracket as an error with the count still shown", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.setUpClinic(page);
  await page.goto(`${served.url}clinic/reminders/wording/`);
  await expect(h1(page)).toHaveText("The wording of the texts");
  const reminder = page.getByLabel("Reminder the day before");
  const count = page.getByTestId("count-template-reminder");
  const over = page.getByTestId("over-template-reminder");
  await expect(over).toHaveCount(0);
  await expect(page.getByText("To show a curly bracket itself in a text, type it twice: {{ or }}.")).toBeVisible();

  // A longer reminder: the page says it is two texts, and by how much.
  const longer = "Hi {name}, appointment confirmed {day} at {time} {place}. {see_you} Please bring your glasses and any letters you have been sent. To change it, call {practice_phone}. {sender}";
  await reminder.fill(longer);
  const preview = await page.getByTestId("preview-template-reminder").textContent();
  const counted = new SegmentedMessage(preview);
  expect(counted.segmentsCount).toBe(2);
  const by = counted.numberOfCharacters - 160;
  await expect(count).toHaveText(`${counted.numberOfCharacters} characters, 2 texts`);
  await expect(over).toHaveText(
    `With your practice's name and your longest room name, Example Surgery and Room 4, this message is 2 texts: ${by} characters over one text. Take out ${by} characters to send it as one text.`,
  );
  await screenshot(page, "first-day-wording-over");

  // {{ and }} are curly brackets in the text.
  await reminder.fill("Hi {name}, your code is {{A1}}. See you {day} at {time} {place}. Reply to change it. {sender}");
  await expect(page.getByTestId("preview-template-reminder")).toContainText("your code is {A1}.");
  await expect(over).toHaveCount(0);

  // A lone bracket is a mistake: said beside the preview, with the count still in sight.
  await reminder.fill("Hi {name}, see you {day} at {time} {place}. Reply to change it.} {sender}");
  await expect(page.getByTestId("problems-template-reminder")).toHaveText("The message has a } without a {. Take it out, or type }} to show a curly bracket in the text");
  await expect(count).toHaveText(/^\d+ characters, 1 text$/);
  await page.getByRole("button", { name: "Save the wording" }).click();
  await expectErrors(page, ["Reminder the day before: The message has a } without a {. Take it out, or type }} to show a curly bracket in the text"], "a wording with a lone bracket");
  await expect(count).toBeVisible();
  await screenshot(page, "first-day-wording-bracket");
});

test("the clinic day marks an open concern and communication needs in words, and names stay out of the title and the browser's form memory", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await clinic.setUpClinic(page);

  // The person form's personal fields are not remembered by the browser.
  await page.goto(`${served.url}clinic/people/`);
  await page.getByRole("button", { name: "Add a person" }).click();
  for (const label of ["Full name", "Phone number (optional)"]) {
    await expect(page.getByLabel(label)).toHaveAttribute("autocomplete", "off");
  }
  await clinic.addPerson(page, "Jo Bloggs", "GP", "Face to face", async () => {
    await page.getByLabel("Communication needs (optional)").fill("Large print, and a hearing loop");
  });
  // The record's title is not the person's name.
  await expect(page).toHaveTitle("Person's record - Example Surgery social prescribing");
  expect(await page.evaluate(() => document.title)).not.toContain("Jo");
  await clinic.bookNext(page);
  await page.getByRole("link", { name: "Raise a concern about Jo Bloggs" }).click();
  await expect(page.getByLabel("What is the concern?")).toHaveAttribute("autocomplete", "off");
  await page.getByLabel("Not yet: I will escalate it as soon as I can").check();
  await page.getByLabel("What is the concern?").fill("Said they have not eaten for two days.");
  await page.getByRole("button", { name: "Raise the concern" }).click();
  await expect(page.getByTestId("concern")).toBeVisible();
  await clinic.addPerson(page, "Sam Patel", "GP", "Face to face");
  await clinic.bookNext(page);

  await page.goto(`${served.url}clinic/day/?date=2026-03-03`);
  const jo = page.getByTestId("appointment").filter({ hasText: "Jo Bloggs" });
  await expect(jo.getByTestId("concern-mark")).toHaveText("Open concern Not escalated yet: escalate it to the GP supervisor or Community Navigator.");
  await expect(jo.getByTestId("communication-mark")).toHaveText("Communication needs Large print, and a hearing loop");
  const sam = page.getByTestId("appointment").filter({ hasText: "Sam Patel" });
  await expect(sam.getByTestId("concern-mark")).toHaveCount(0);
  await expect(sam.getByTestId("communication-mark")).toHaveCount(0);
  await expectNoAxeViolations(page, "the clinic day with a concern and communication needs");
  await screenshot(page, "first-day-clinic-day");
  // On the printed list, the needs stay and the concern does not.
  await page.emulateMedia({ media: "print" });
  await expect(jo.getByTestId("communication-mark")).toBeVisible();
  await expect(jo.getByTestId("concern-mark")).toBeHidden();
});
