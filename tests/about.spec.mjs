// Issue 30: the privacy and accessibility statements, reached from the footer
// of every part of the app, naming the practice and how to reach it, and
// readable on the smallest phone. The practice's new privacy settings are
// shown, with their usual wording when unset, and a wrong one is named on
// the practice's own pages.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";

const root = new URL("..", import.meta.url).pathname;

/** A page of each part of the app, opened with nothing stored. */
const A_PAGE_OF_EACH_PART = {
  home: "",
  refer: "refer/",
  plan: "plan/",
  plan_share: "plan/share/",
  plan_lock: "plan/lock/",
  clinic: "clinic/",
  clinicplan: "clinic/plan/",
  reminders: "clinic/reminders/",
  backup: "clinic/backup/",
  setup: "clinic/sessions/",
  directory: "clinic/directory/",
  reports: "clinic/reports/",
  about: "privacy/",
};

/** Every part the build makes, from AREA_PATHS in src/domain/site.rs (as tools/build.mjs reads it). */
function partsOfTheApp() {
  const site = readFileSync(join(root, "src/domain/site.rs"), "utf8");
  const list = site.match(/pub const AREA_PATHS: &\[\(&str, &str\)\] = &\[([^\]]*)\];/)[1];
  return ["home", ...new Set([...list.matchAll(/\("[^"]+", "([^"]+)"\)/g)].map((m) => m[1]))];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A date constant of src/domain/accessibility.rs, as the page writes it: "6 December 2026". */
function statementDate(name) {
  const source = readFileSync(join(root, "src/domain/accessibility.rs"), "utf8");
  const [, year, month, day] = source.match(new RegExp(`pub const ${name}: &str = "(\\d{4})-(\\d{2})-(\\d{2})"`));
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

const ELM_WITH_PRIVACY = {
  ...ELM_SURGERY,
  referral_kept: "for 8 years after your last contact with the link workers.",
  data_protection_officer: "Jo Smith, dpo@example.org",
};

const withConfig = (config) => serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(config)) });

const h1 = (page) => page.getByRole("heading", { level: 1 });
const footer = (page) => page.getByRole("contentinfo");

/** The practice's own details, as both statements show them. */
async function expectElmSurgerysContact(page) {
  const contact = page.getByTestId("practice-contact");
  await expect(contact).toHaveText("Elm SurgeryPhone: 0113 496 0123Address: 1 Elm Road, Leeds, LS1 1AA");
  await expect(contact.getByRole("link", { name: "0113 496 0123" })).toHaveAttribute("href", "tel:01134960123");
}

test("both statements open from the footer of every part of the app", async ({ context, watch }) => {
  expect(Object.keys(A_PAGE_OF_EACH_PART).sort(), "a page for every part the build makes").toEqual(partsOfTheApp().sort());
  const served = await withConfig(ELM_SURGERY);
  try {
    const page = await openPage(context, watch, served.origin);
    for (const [part, path] of Object.entries(A_PAGE_OF_EACH_PART)) {
      await page.goto(served.url + path);
      await expect(h1(page), part).toBeVisible();
      await footer(page).getByRole("link", { name: "Accessibility statement" }).click();
      await expect(page, part).toHaveURL(`${served.url}accessibility/`);
      await expect(h1(page), part).toHaveText("Accessibility statement");
      await page.goto(served.url + path);
      await expect(h1(page), part).toBeVisible();
      await footer(page).getByRole("link", { name: "How this app uses your information" }).click();
      await expect(page, part).toHaveURL(`${served.url}privacy/`);
      await expect(h1(page), part).toHaveText("How this app uses your information");
    }
  } finally {
    await closeAll(context, served);
  }
});

test("the privacy page names the practice, its Data Protection Officer, how long it keeps a referral, and the person's rights", async ({ context, watch }) => {
  const served = await withConfig(ELM_WITH_PRIVACY);
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}privacy/`);
    await expect(h1(page)).toHaveText("How this app uses your information");
    await expect(page).toHaveTitle("How this app uses your information - Elm Surgery social prescribing");
    await expectElmSurgerysContact(page);
    await expect(page.getByTestId("data-protection-officer")).toHaveText(
      "Its Data Protection Officer checks that it follows the law. Contact them: Jo Smith, dpo@example.org.",
    );
    // The practice's full stop is not doubled.
    await expect(page.getByTestId("referral-kept")).toHaveText(
      "Elm Surgery keeps your referral for 8 years after your last contact with the link workers.",
    );
    for (const heading of ["Who is responsible for your information", "How long the app keeps it", "When your information is sent", "What the practice does with your referral", "Your rights", "If you are not happy"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "0303 123 1113" })).toHaveAttribute("href", "tel:03031231113");
    await expect(page.getByText("website: ico.org.uk")).toBeVisible();
    await expectNoAxeViolations(page, "the privacy page with the practice's settings");
    await screenshot(page, "about-privacy-390");
  } finally {
    await closeAll(context, served);
  }
});

test("the accessibility statement names the practice to contact, what does not work, and when it was prepared and reviewed", async ({ context, watch }) => {
  const served = await withConfig(ELM_WITH_PRIVACY);
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}accessibility/`);
    await expect(h1(page)).toHaveText("Accessibility statement");
    await expect(page).toHaveTitle("Accessibility statement - Elm Surgery social prescribing");
    await expect(page.getByText("run by Elm Surgery.")).toBeVisible();
    await expectElmSurgerysContact(page);
    for (const heading of ["Using this app", "How accessible this app is", "What to do if you cannot use part of this app", "Reporting accessibility problems with this app", "Enforcement procedure", "Technical information about this app’s accessibility", "How we tested this app", "Preparation of this accessibility statement"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByTestId("compliance")).toContainText("partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard");
    await expect(page.getByTestId("known-problems").getByRole("listitem")).toHaveCount(5);
    await expect(page.getByText("Equality and Human Rights Commission (EHRC)")).toBeVisible();
    await expect(page.getByText("Equality Commission for Northern Ireland")).toBeVisible();
    await expect(page.getByRole("link", { name: "0808 800 0082" })).toHaveAttribute("href", "tel:08088000082");
    await expect(page.getByTestId("statement-dates")).toHaveText(
      `This statement was prepared on ${statementDate("PREPARED")}. It was last reviewed on ${statementDate("LAST_REVIEWED")}.`,
    );
    await expectNoAxeViolations(page, "the accessibility statement");
    await screenshot(page, "about-accessibility-390");
  } finally {
    await closeAll(context, served);
  }
});

test("without the new settings, the privacy page gives the usual wording and says to ask the practice", async ({ context, watch }) => {
  const served = await serveApp();
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}privacy/`);
    await expect(page.getByTestId("referral-kept")).toHaveText(
      "Example Surgery keeps your referral as part of your GP record, for as long as the NHS keeps GP records.",
    );
    await expect(page.getByTestId("data-protection-officer")).toHaveText(
      "Its Data Protection Officer checks that it follows the law. To reach them, contact Example Surgery and ask for the Data Protection Officer.",
    );
    await expect(page.getByTestId("config-notice")).toHaveCount(0);
  } finally {
    await closeAll(context, served);
  }
});

test("a wrong privacy setting is named on the practice's pages, and patients read the usual wording", async ({ context, watch }) => {
  for (const [wrong, message] of [
    [{ referral_kept: "8" }, "Problem: In config.json, \"referral_kept\" must say in words how long the practice keeps a referral, to follow “keeps your referral”, like \"for 8 years after your last contact with the link workers\"."],
    [{ referral_kept: 8 }, "Problem: In config.json, \"referral_kept\" must be text in double quotes."],
    [{ data_protection_officer: "Jo Smith" }, "Problem: In config.json, \"data_protection_officer\" must say how to reach your Data Protection Officer: an email address or a phone number, like \"Jo Smith, dpo@example.nhs.uk\"."],
    [{ data_protection_officer: true }, "Problem: In config.json, \"data_protection_officer\" must be text in double quotes."],
  ]) {
    const [setting] = Object.keys(wrong);
    const served = await withConfig({ ...ELM_SURGERY, ...wrong });
    try {
      const page = await openPage(context, watch, served.origin);
      await page.goto(`${served.url}clinic/check/`);
      const row = page.getByTestId(`setting-${setting}`);
      await expect(row.locator(".nhsuk-error-message")).toHaveText(message);
      if (setting === "referral_kept") {
        await expect(row).toContainText("The privacy page says: the practice keeps your referral as part of your GP record, for as long as the NHS keeps GP records.");
      }
      if (typeof wrong[setting] === "string") {
        await expectNoAxeViolations(page, `the set-up check with a wrong ${setting}`);
        await screenshot(page, `about-setup-check-wrong-${setting}`);
      } else {
        // Not text at all: the clinic's pages name it too, as any setting of the wrong kind.
        await page.goto(`${served.url}clinic/`);
        await expect(page.getByTestId("config-notice")).toContainText(message.replace("Problem: ", ""));
      }

      await page.goto(`${served.url}privacy/`);
      await expect(page.getByTestId("referral-kept")).toHaveText(
        "Elm Surgery keeps your referral as part of your GP record, for as long as the NHS keeps GP records.",
      );
      await expect(page.getByTestId("data-protection-officer")).toContainText("contact Elm Surgery and ask for the Data Protection Officer");
      await expect(page.getByTestId("config-notice")).toHaveCount(0);
      await page.close();
    } finally {
      await served.close();
    }
  }
});

test.describe("on the smallest phone, or zoomed to 400%", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("both statements read at 320 pixels wide without scrolling sideways", async ({ context, watch }) => {
    const served = await withConfig(ELM_WITH_PRIVACY);
    try {
      const page = await openPage(context, watch, served.origin);
      for (const [path, heading] of [["privacy/", "How this app uses your information"], ["accessibility/", "Accessibility statement"]]) {
        await page.goto(served.url + path);
        await expect(h1(page)).toHaveText(heading);
        await expect(page.getByTestId("practice-contact")).toContainText("0113 496 0123");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} is ${overflow}px too wide`).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, `${path} at 320 pixels`);
        await screenshot(page, `about-${path.replace("/", "")}-320`);
      }
    } finally {
      await closeAll(context, served);
    }
  });
});
