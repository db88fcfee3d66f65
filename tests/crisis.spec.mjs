// A patient in crisis who refers themselves (hazard H01 in
// docs/clinical-safety.md): nobody reads the form straight away, so the start
// page says it is not for urgent help; where the person's own words say they
// may hurt themselves, the check page and the last page say where to get help
// now, before anything else; the last page says whom to contact if nobody has
// been in touch; and on the clinic's device the referral says to read it now.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";
import { h1, MONDAY } from "./support/clinic.mjs";
import { referYourself } from "./support/self_referral.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp({
    change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify({ ...ELM_SURGERY, reply_within_days: 5 })),
  });
});
test.afterAll(async () => served.close());

const crisisHelp = (page) => page.getByTestId("crisis-help");

test("a person whose own words speak of ending their life is shown where to get help now, and the clinic is told to read the referral now", async ({ browser, context, watch }) => {
  test.setTimeout(120_000);
  const phone = await openPage(context, watch, served.origin);
  await phone.clock.setFixedTime(MONDAY);
  await phone.goto(`${served.url}refer/`);
  await expect(phone.getByText("Nobody reads the form straight away, so do not use it if you need help urgently.")).toBeVisible();
  await phone.getByRole("button", { name: "Start now" }).click();
  const email = await referYourself(
    phone,
    { name: "Alex Green", born: ["2", "3", "1980"], mobile: "07700 900 456", ownWords: "Since I lost my job some days I don’t want to be here" },
    {
      onCheck: async () => {
        await expect(h1(phone)).toHaveText("Check your answers before sending");
        await expect(crisisHelp(phone)).toContainText("Some of your words sound like you may be thinking about hurting yourself or ending your life.");
        await expect(crisisHelp(phone).getByRole("link", { name: "Call Samaritans free on 116 123" })).toHaveAttribute("href", "tel:116123");
        await expect(crisisHelp(phone).getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");
        // It comes before the answers, straight after the heading.
        const [help, answers] = await Promise.all([crisisHelp(phone).boundingBox(), phone.locator(".nhsuk-summary-list").boundingBox()]);
        expect(help.y).toBeLessThan(answers.y);
        await expectNoAxeViolations(phone, "the check page with help now");
        await screenshot(phone, "crisis-check");
      },
    },
  );
  await expect(crisisHelp(phone)).toContainText("You can still send this form as well.");
  await expect(phone.getByText("If nobody has been in touch within 5 working days of sending it, contact Elm Surgery on 0113 496 0123.")).toBeVisible();
  await expect(phone.getByRole("link", { name: "0113 496 0123" }).first()).toHaveAttribute("href", "tel:01134960123");
  await expectNoAxeViolations(phone, "the last page with help now");
  await screenshot(phone, "crisis-done");

  // The clinic's computer opens the emailed link.
  const pc = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openPage(pc, watch, served.origin);
    await page.clock.setFixedTime(MONDAY);
    await page.goto(email.trim().split("\n").pop());
    await expect(h1(page)).toHaveText("Alex Green");
    await expect(page.getByTestId("import-at-risk")).toContainText("Read this referral now");
    await expect(page.getByTestId("import-at-risk")).toContainText("follow the practice’s procedure for someone at risk today");
    await expectNoAxeViolations(page, "a referral to read now");
    await page.getByRole("button", { name: "Keep this referral for the clinic" }).click();
    await page.getByRole("link", { name: "See self-referrals to add" }).click();
    await expect(page.getByTestId("referrals-waiting").getByRole("listitem")).toContainText("Read now: may be at risk Alex Green");
    await expectNoAxeViolations(page, "the clinic's front page with a referral to read now");
  } finally {
    await pc.close();
  }
});

test("a person whose words are of everyday worries is not shown the crisis help, and is told to get in touch after a week where the practice gives no time", async ({ context, watch }) => {
  test.setTimeout(90_000);
  const plain = await serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)) });
  try {
    const phone = await openPage(context, watch, plain.origin);
    await phone.goto(`${plain.url}refer/name/`);
    await referYourself(
      phone,
      { name: "Jo Brown", born: ["2", "3", "1950"], mobile: "07700 900 789", ownWords: "My landlord wants to end my tenancy and I feel low" },
      {
        onCheck: async () => {
          await expect(h1(phone)).toHaveText("Check your answers before sending");
          await expect(phone.getByText("My landlord wants to end my tenancy and I feel low")).toBeVisible();
          await expect(crisisHelp(phone)).toHaveCount(0);
        },
      },
    );
    await expect(phone.getByText("If nobody has been in touch after a week, contact Elm Surgery on 0113 496 0123.")).toBeVisible();
    await expect(crisisHelp(phone)).toHaveCount(0);
  } finally {
    await plain.close();
  }
});
