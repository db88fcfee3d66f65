// A person on a phone other people use protects their plan with a
// passphrase, by keyboard: the mistakes they might make are pointed out
// first; then the plan is stored encrypted, asked for after "Lock my plan
// now" (a wrong passphrase is refused), opened with the right one on the
// page they were on, and the passphrase removed again. A plan shared with a
// locked phone waits in its link until the plan is unlocked. Once locked and
// the browser closed, no file of the browser's profile holds the plan.
import { chromium } from "@playwright/test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, openPage, expectNoAxeViolations, screenshot, watchContext } from "./support/fixtures.mjs";
import { both, filesHolding, filesUnder } from "./support/profile.mjs";
import { storedText, storedDocuments, changeStored } from "./support/stored.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";
import { type, press, choose } from "./support/keyboard.mjs";
import config from "../playwright.config.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)) });
});
test.afterAll(async () => served.close());

const PASSPHRASE = "robins in the rain";
const MATTERS = "My allotment on Fridays";
const h1 = (page) => page.getByRole("heading", { level: 1 });

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

/** A plan started on `page`, with what matters to the person written in it. */
async function planWith(page, matters) {
  await page.goto(`${served.url}plan/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await press(page, page.getByRole("button", { name: "Start my plan" }));
  await press(page, page.getByRole("link", { name: "About me" }));
  await type(page, page.getByLabel("What matters to you? (optional)"), matters);
  await expect.poll(() => storedText(page)).toContain(matters);
  await page.goto(`${served.url}plan/`);
  await expect(h1(page)).toHaveText("My plan");
}

/** Sets PASSPHRASE on the plan, from the plan's task list, by keyboard. */
async function protect(page) {
  await press(page, page.getByRole("link", { name: "Protect my plan with a passphrase" }));
  await expect(h1(page)).toHaveText("Protect my plan with a passphrase");
  await type(page, page.getByLabel("Passphrase", { exact: true }), PASSPHRASE);
  await type(page, page.getByLabel("Type the passphrase again"), PASSPHRASE);
  await choose(page, page.getByLabel("I understand that if I forget the passphrase, nobody can open my plan"));
  await press(page, page.getByRole("button", { name: "Protect my plan" }));
  await expect(page.getByRole("region", { name: "Success" })).toContainText("Your plan is now protected");
}

/** Unlocks the plan on the unlock page with `passphrase`. */
async function unlockWith(page, passphrase) {
  await expect(h1(page)).toHaveText("Unlock my plan");
  await type(page, page.getByLabel("Passphrase"), passphrase);
  await press(page, page.getByRole("button", { name: "Unlock my plan" }));
}

test("a person protects their plan with a passphrase, locks it, opens it only with the passphrase, and removes it", async ({ context, watch }) => {
  test.setTimeout(180_000);
  const page = await openPage(context, watch, served.origin);
  await planWith(page, MATTERS);
  await expect(page.getByRole("heading", { name: "Keep your plan private" })).toBeVisible();
  await press(page, page.getByRole("link", { name: "Protect my plan with a passphrase" }));
  await expect(h1(page)).toHaveText("Protect my plan with a passphrase");
  await expect(page.getByText("If you forget the passphrase, your plan cannot be got back")).toBeVisible();
  await expect(page.getByRole("link", { name: "print your plan or email it to yourself" })).toBeVisible();
  await expectNoAxeViolations(page, "protecting the plan");
  await screenshot(page, "plan-lock-set");

  // Mistakes first: nothing typed, too short, not the same twice.
  await press(page, page.getByRole("button", { name: "Protect my plan" }));
  await expectErrors(page, [
    "Enter a passphrase",
    "Enter the passphrase again",
    "Tick the box to show you understand that if you forget the passphrase, nobody can open your plan",
  ], "protecting the plan with nothing typed");
  await screenshot(page, "plan-lock-set-errors");
  await type(page, page.getByLabel("Passphrase", { exact: true }), "robins");
  await type(page, page.getByLabel("Type the passphrase again"), "robins");
  await choose(page, page.getByLabel("I understand that if I forget the passphrase, nobody can open my plan"));
  await press(page, page.getByRole("button", { name: "Protect my plan" }));
  await expectErrors(page, ["The passphrase must be 12 characters or more"], "a passphrase too short");
  await type(page, page.getByLabel("Passphrase", { exact: true }), " in the rain");
  await type(page, page.getByLabel("Type the passphrase again"), " in the snow");
  await press(page, page.getByRole("button", { name: "Protect my plan" }));
  await expectErrors(page, ["The passphrases do not match. Enter the same passphrase twice"], "passphrases that do not match");
  expect(await storedText(page)).not.toContain("sp.lock=");

  await page.getByLabel("Type the passphrase again").fill("");
  await type(page, page.getByLabel("Type the passphrase again"), PASSPHRASE);
  await press(page, page.getByRole("button", { name: "Protect my plan" }));
  await expect(page.getByRole("region", { name: "Success" })).toContainText("Your plan is now protected");
  await expect(h1(page)).toHaveText("Your plan is protected");
  await expectNoAxeViolations(page, "the plan protected");
  await screenshot(page, "plan-lock-protected");
  // Stored encrypted: the plan's words are nowhere in what the phone keeps.
  await expect.poll(() => storedText(page)).toMatch(/sp\.plans=\{"kind":"plans","version":1,"revision":\d+,"sealed"/);
  expect(await storedText(page)).not.toContain(MATTERS);

  // Open in this tab until locked: the plan's pages do not ask again.
  await page.goto(`${served.url}plan/about-me/`);
  await expect(page.getByLabel("What matters to you? (optional)")).toHaveValue(MATTERS);
  await type(page, page.getByLabel("What matters to you? (optional)"), " and my dog");
  await page.goto(`${served.url}plan/`);
  await expect(page.getByText("Your plan is protected with a passphrase.")).toBeVisible();
  expect(await storedText(page)).not.toContain("and my dog");
  await expectNoAxeViolations(page, "the task list of a protected plan");
  await screenshot(page, "plan-tasks-protected");

  // Locked now: every page of the plan asks first, after a reload too.
  await press(page, page.getByRole("button", { name: "Lock my plan now" }));
  await expect(h1(page)).toHaveText("Your plan is locked");
  await expect(page.getByRole("main").getByRole("link", { name: "116 123" })).toBeVisible();
  await expectNoAxeViolations(page, "the plan locked");
  await screenshot(page, "plan-locked");
  for (const path of ["plan/", "plan/about-me/", "plan/one-page/", "plan/share/"]) {
    await page.goto(`${served.url}${path}`);
    await expect(h1(page), path).toHaveText("Your plan is locked");
    await expect(page.getByText(MATTERS)).toHaveCount(0);
  }

  // From the page they were on: a wrong passphrase is refused, the right
  // one opens the plan on that page.
  await page.goto(`${served.url}plan/about-me/`);
  await press(page, page.getByRole("button", { name: "Unlock my plan" }));
  await expect(h1(page)).toHaveText("Unlock my plan");
  await press(page, page.getByRole("button", { name: "Unlock my plan" }));
  await expectErrors(page, ["Enter your passphrase"], "unlocking with nothing typed");
  await unlockWith(page, "robins in the snow");
  await expectErrors(page, ["The passphrase is not right. Check it and try again"], "a wrong passphrase");
  await screenshot(page, "plan-unlock-wrong");
  await expect(page.getByLabel("Passphrase")).toHaveValue("");
  await unlockWith(page, PASSPHRASE);
  await expect(h1(page)).toHaveText("About me");
  await expect(page.getByLabel("What matters to you? (optional)")).toHaveValue(`${MATTERS} and my dog`);

  // Removed, with the passphrase: stored as it was, readable without one.
  await page.goto(`${served.url}plan/`);
  await press(page, page.getByRole("link", { name: "Remove the passphrase" }));
  await expect(h1(page)).toHaveText("Your plan is protected");
  await type(page, page.getByLabel("Enter your passphrase to remove it"), "robins in the snow");
  await press(page, page.getByRole("button", { name: "Remove the passphrase" }));
  await expectErrors(page, ["The passphrase is not right. Check it and try again"], "removing with a wrong passphrase");
  await type(page, page.getByLabel("Enter your passphrase to remove it"), PASSPHRASE);
  await press(page, page.getByRole("button", { name: "Remove the passphrase" }));
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The passphrase has been removed");
  await expectNoAxeViolations(page, "the passphrase removed");
  await screenshot(page, "plan-lock-removed");
  await expect.poll(() => storedText(page)).toContain(`${MATTERS} and my dog`);
  expect(await storedText(page)).not.toContain("sp.lock=");
  await page.goto(`${served.url}plan/about-me/`);
  await expect(page.getByLabel("What matters to you? (optional)")).toHaveValue(`${MATTERS} and my dog`);
});

test("a plan shared with a locked phone waits in its link until the person unlocks their plan", async ({ browser, context, watch }) => {
  test.setTimeout(180_000);
  const page = await openPage(context, watch, served.origin);
  await planWith(page, MATTERS);
  await protect(page);

  // Another phone shares a plan by its link.
  const other = await browser.newContext(config.use);
  let link;
  try {
    const phone = await openPage(other, watch, served.origin);
    await planWith(phone, "Painting with my sister");
    await phone.goto(`${served.url}plan/share/`);
    link = (await phone.getByTestId("plan-link").textContent()).trim();
  } finally {
    await other.close();
  }

  await press(page, page.getByRole("button", { name: "Lock my plan now" }));
  await expect(h1(page)).toHaveText("Unlock my plan");
  await page.goto(link);
  await expect(h1(page)).toHaveText("Your plan is locked");
  await expect(page.getByText("Someone has shared a plan with you.")).toBeVisible();
  await expect(page.getByText("Painting with my sister")).toHaveCount(0);
  await expectNoAxeViolations(page, "a plan received on a locked phone");
  await screenshot(page, "plan-receive-locked");
  await press(page, page.getByRole("button", { name: "Unlock my plan" }));
  await unlockWith(page, PASSPHRASE);
  await expect(page.getByText("A plan shared with you")).toBeVisible();
  await expect(page.getByText("Painting with my sister")).toBeVisible();
  await press(page, page.getByRole("button", { name: /Add this plan to this phone|Keep both|Add/ }).first());
  await expect(h1(page)).toHaveText("Plan added to this phone");
  await expect.poll(() => storedText(page)).toMatch(/sp\.plans=\{"kind":"plans","version":1,"revision":\d+,"sealed"/);
  expect(await storedText(page)).not.toContain("Painting with my sister");
});

test("a damaged locked plan says so once the passphrase is right, and nothing is deleted", async ({ context, watch }) => {
  test.setTimeout(120_000);
  const page = await openPage(context, watch, served.origin);
  await planWith(page, MATTERS);
  await protect(page);
  await press(page, page.getByRole("button", { name: "Lock my plan now" }));
  await expect(h1(page)).toHaveText("Unlock my plan");
  // Some of the sealed bytes changed, as a fault on the device might.
  const stored = (await storedDocuments(page))["sp.plans"];
  const sealed = JSON.parse(stored).sealed.data;
  const spoilt = stored.replace(sealed, `${sealed.slice(0, 8)}${sealed[8] === "A" ? "B" : "A"}${sealed.slice(9)}`);
  expect(spoilt).not.toBe(stored);
  await changeStored(page, { "sp.plans": spoilt });

  await page.goto(`${served.url}plan/`);
  await expect(h1(page)).toHaveText("Your plan is locked");
  await press(page, page.getByRole("button", { name: "Unlock my plan" }));
  await unlockWith(page, PASSPHRASE);
  await expectErrors(page, ["Your passphrase is right, but your plan on this phone has been damaged, so it cannot be opened. Nothing has been deleted."], "a damaged plan");
  await screenshot(page, "plan-unlock-damaged");
  expect((await storedDocuments(page))["sp.plans"]).toBe(spoilt);
});


test("once the plan is locked and the browser closed, no file of the browser's profile holds the plan's words", async ({ watch }) => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), "sp-plan-profile-"));
  const { launchOptions, viewport } = config.use;
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport, serviceWorkers: "allow" });
  const SECRET = "Talking to Dr Okonkwo about my drinking";
  try {
    watch.origin = served.origin;
    await watchContext(context, watch);
    const page = await context.newPage();
    // Protected before anything private is written.
    await planWith(page, "Walks");
    await protect(page);
    await page.goto(`${served.url}plan/about-me/`);
    await type(page, page.getByLabel("What would you like to be different? (optional)"), SECRET);
    await page.goto(`${served.url}plan/`);
    await expect(page.getByText("Your plan is protected with a passphrase.")).toBeVisible();
    await press(page, page.getByRole("button", { name: "Lock my plan now" }));
    await expect(h1(page)).toHaveText("Your plan is locked");
  } finally {
    await context.close();
  }
  try {
    const found = filesHolding(profile, both("the plan's words", SECRET));
    expect(filesUnder(profile).length, "files in the profile").toBeGreaterThan(20);
    expect(found, "files of the browser's profile holding the plan's words").toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
