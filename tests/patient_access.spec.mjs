// The patient pages by thumb, keyboard and screen reader: every target big
// enough for a thumb, Space on everything that says it is a button, error
// links that show the question, the count read after a pause, revealed
// fields announced, urgent help named in full and in short sentences.
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { press, choose, type } from "./support/keyboard.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)) });
});
test.afterAll(async () => served.close());

const h1 = (page) => page.getByRole("heading", { level: 1 });
const next = (page) => page.getByRole("button", { name: "Continue" }).click();

/** The self-referral's question pages, in order, with how to answer each. */
const QUESTIONS = [
  ["refer/name", async (page) => page.getByLabel("Full name").fill("Sam Patel")],
  ["refer/date-of-birth", async (page) => {
    await page.getByLabel("Day").fill("3");
    await page.getByLabel("Month").fill("3");
    await page.getByLabel("Year").fill("1961");
  }],
  ["refer/contact", async (page) => {
    await page.getByLabel("Phone call").check();
    await page.getByLabel("Phone number").fill("0113 496 0000");
  }],
  ["refer/contact-times", async (page) => page.getByLabel("Yes").check()],
  ["refer/support", async (page) => page.getByLabel("Feeling lonely or isolated").check()],
  ["refer/own-words", async () => {}],
  ["refer/barriers", async (page) => page.getByLabel("None of these").check()],
  ["refer/meeting", async (page) => page.getByLabel("By telephone").check()],
  ["refer/communication", async () => {}],
  ["refer/language", async (page) => page.getByLabel("No").check()],
  ["refer/practice", async () => {}],
  ["refer/consent", async (page) => {
    await page.getByLabel(/I agree to a link worker/).check();
    await page.getByLabel("Yes").check();
  }],
];

/** Answers the whole self-referral from the start page, calling `each` on every page on the way. */
async function referAll(page, each) {
  await page.goto(`${served.url}refer/`);
  // The page is drawn by the app once it has started: wait for it.
  await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
  await each("refer");
  await page.getByRole("button", { name: "Start now" }).click();
  for (const [path, answer] of QUESTIONS) {
    await expect(page).toHaveURL(`${served.url}${path}/`);
    await expect(h1(page)).toBeFocused();
    await each(path);
    await answer(page);
    await next(page);
  }
  await expect(h1(page)).toHaveText("Check your answers before sending");
  await each("refer/check");
  await page.getByRole("button", { name: "Confirm and send" }).click();
  await expect(h1(page)).toHaveText("Your referral is ready to send");
  await each("refer/done");
}

/** Starts a plan with one goal, then visits every page of the plan and of
 * sharing it, calling `each` on each. */
async function planAll(page, each) {
  await page.goto(`${served.url}plan/`);
  await expect(page.getByRole("button", { name: "Start my plan" })).toBeVisible();
  await each("plan (not started)");
  await press(page, page.getByRole("button", { name: "Start my plan" }));
  await expect(h1(page)).toHaveText("My plan");
  await press(page, page.getByRole("link", { name: "My goals" }));
  await press(page, page.getByRole("button", { name: "Add a goal" }));
  await expect(h1(page)).toHaveText("Goal 1");
  await type(page, page.getByLabel("What is your goal?"), "Go for a walk");
  await each("plan/goal");
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expect(h1(page)).toHaveText("My goals");
  for (const path of ["plan", "plan/about-me", "plan/wellbeing", "plan/goals", "plan/support", "plan/if-things-get-harder",
    "plan/review", "plan/progress", "plan/progress/review", "plan/one-page", "plan/delete", "plan/share"]) {
    await page.goto(`${served.url}${path}/`);
    await expect(h1(page)).toBeVisible();
    await each(path);
  }
}

/**
 * Every visible interactive element on the page with its box, and what is
 * wrong with it: under 44 × 44 for what moves a person on or changes an
 * answer (buttons, Back, Change, the numbers to call), and under WCAG 2.2's
 * 24 × 24 for the rest unless a 24-pixel circle on it touches no other target
 * (the spacing rule of 2.5.8).
 */
function targetsOf(page) {
  return page.evaluate(() => {
    const big = "button, a[role=button], .nhsuk-button, .nhsuk-back-link__link, .nhsuk-summary-list__actions a, .app-call, input[type=submit]";
    const all = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])")]
      // The skip link is clipped to 1 × 1 until it has keyboard focus: not a target a thumb can meet.
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .filter((el) => !el.classList.contains("nhsuk-skip-link"))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = (el.getAttribute("aria-label") || el.textContent || el.id || el.tagName).trim().replace(/\s+/g, " ").slice(0, 50);
        return { el, name: `${el.tagName.toLowerCase()} "${name}"`, x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height };
      });
    const centre = (t) => [t.x + t.w / 2, t.y + t.h / 2];
    const circleTouchesBox = (t, o) => {
      const [cx, cy] = centre(t);
      const dx = Math.max(o.x - cx, 0, cx - (o.x + o.w));
      const dy = Math.max(o.y - cy, 0, cy - (o.y + o.h));
      return dx * dx + dy * dy < 12 * 12;
    };
    const small = (t) => t.w < 23.5 || t.h < 23.5;
    return all.map((t) => {
      let problem = null;
      if (t.el.matches(big) && (t.w < 43.5 || t.h < 43.5)) {
        problem = "under 44 × 44";
      } else if (small(t)) {
        const crowded = all.some((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) &&
          (circleTouchesBox(t, o) || (small(o) && Math.hypot(centre(t)[0] - centre(o)[0], centre(t)[1] - centre(o)[1]) < 24)));
        if (crowded) problem = "under 24 × 24 and too close to another target";
      }
      return { name: t.name, box: `${Math.round(t.w)} × ${Math.round(t.h)} at ${Math.round(t.x)},${Math.round(t.y)}`, problem };
    });
  });
}

test.describe("on a small phone, 320 pixels wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("every interactive element on every patient page is big enough for a thumb", async ({ context, watch }, testInfo) => {
    test.setTimeout(240_000);
    const page = await openPage(context, watch, served.origin);
    const listed = [];
    const problems = [];
    const measure = async (where) => {
      for (const target of await targetsOf(page)) {
        listed.push(`${where}\t${target.name}\t${target.box}\t${target.problem ?? "ok"}`);
        if (target.problem) problems.push(`${where}: ${target.name} ${target.box}: ${target.problem}`);
      }
    };
    await page.goto(served.url);
    await measure("home");
    await page.goto(`${served.url}privacy/`);
    await measure("privacy");
    await page.goto(`${served.url}accessibility/`);
    await measure("accessibility");
    // A question with its error summary showing.
    await page.goto(`${served.url}refer/name/`);
    await next(page);
    await expect(page.getByRole("alert")).toBeVisible();
    await measure("refer/name with an error");
    await page.goto(`${served.url}refer/under-16/`);
    await measure("refer/under-16");
    await referAll(page, measure);
    await planAll(page, measure);
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/patient-targets.tsv", listed.join("\n") + "\n");
    await testInfo.attach("targets", { body: listed.join("\n"), contentType: "text/plain" });
    expect(listed.length).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  test("the check page's Change links and the numbers to call are thumb-sized", async ({ context, watch }) => {
    const page = await openPage(context, watch, served.origin);
    await referAll(page, async (path) => {
      if (path !== "refer/check") return;
      await screenshot(page, "refer-check-320");
      const change = await page.getByRole("link", { name: /^Change / }).first().boundingBox();
      expect(change.height).toBeGreaterThanOrEqual(44);
      expect(change.width).toBeGreaterThanOrEqual(44);
      const samaritans = page.getByRole("main").getByRole("link", { name: "Call Samaritans free on 116 123" });
      await expect(samaritans).toHaveAttribute("href", "tel:116123");
      expect((await samaritans.boundingBox()).height).toBeGreaterThanOrEqual(44);
    });
  });
});

test("Space presses every link that says it is a button, on every patient page", async ({ context, watch }) => {
  test.setTimeout(180_000);
  const page = await openPage(context, watch, served.origin);
  const pressed = [];
  const pressEach = async (where) => {
    const links = page.locator("a[role=button]:visible");
    const count = await links.count();
    for (let n = 0; n < count; n++) {
      const link = links.nth(n);
      const name = (await link.textContent()).trim();
      // Record the click Space makes, and keep the page where it is.
      await link.evaluate((el) => {
        window.spaceClicked = null;
        el.addEventListener("click", (ev) => { window.spaceClicked = el.textContent.trim(); ev.preventDefault(); }, { once: true });
      });
      await link.focus();
      await page.keyboard.press("Space");
      expect(await page.evaluate(() => window.spaceClicked), `Space on "${name}" (${where})`).toBe(name);
      pressed.push(`${where}: ${name}`);
    }
  };
  await referAll(page, pressEach);
  await planAll(page, pressEach);
  expect(pressed).toEqual(expect.arrayContaining([
    "refer: Start now",
    "refer/done: Email my referral",
  ]));
  // And Space on Start now really starts, as Enter does.
  await page.goto(`${served.url}refer/`);
  await page.getByRole("button", { name: "See your referral" }).focus();
  await page.keyboard.press("Space");
  await expect(h1(page)).toHaveText("Your referral is ready to send");
  await expect(h1(page)).toBeFocused();
});

/** Whether the whole of `locator` is on the screen. */
async function onScreen(page, locator) {
  const box = await locator.boundingBox();
  const height = page.viewportSize().height;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

for (const [size, viewport] of [["at 1280 × 800", { width: 1280, height: 800 }], ["on a phone", { width: 390, height: 844 }], ["at 400% zoom", { width: 320, height: 200 }]]) {
  test.describe(size, () => {
    test.use({ viewport });

    test("an error summary's link shows the field with its label and its error, and the question when it fits", async ({ context, watch }) => {
      const page = await openPage(context, watch, served.origin);
      await page.goto(`${served.url}refer/name/`);
      await next(page);
      await page.getByRole("link", { name: "Enter your full name" }).click();
      const field = page.getByLabel("Full name");
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute("aria-invalid", "true");
      expect(await onScreen(page, page.locator("label[for=full-name]")), "the label").toBe(true);
      expect(await onScreen(page, page.locator("#full-name-error")), "the error").toBe(true);
      expect(await onScreen(page, field), "the field").toBe(true);

      await page.getByLabel("Full name").fill("Sam Patel");
      await next(page);
      await page.goto(`${served.url}refer/contact/`);
      await page.getByLabel("Text message").check();
      await page.getByLabel("Mobile number").fill("0113 496 0");
      await next(page);
      await page.getByRole("link", { name: "Enter a UK mobile number, like 07700 900 982" }).click();
      const mobile = page.getByLabel("Mobile number");
      await expect(mobile).toBeFocused();
      expect(await onScreen(page, page.locator("label[for=phone]")), "the label").toBe(true);
      expect(await onScreen(page, page.locator("#phone-error")), "the error").toBe(true);
      expect(await onScreen(page, mobile), "the field").toBe(true);
      if (viewport.height >= 800) {
        expect(await onScreen(page, h1(page)), "the question").toBe(true);
      }
      await screenshot(page, `refer-contact-error-link-${viewport.width}x${viewport.height}`);
    });
  });
}

test("a revealed field is tied to its radio and read out as it appears, and fields in error are marked invalid", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/contact/`);
  const phoneCall = page.getByLabel("Phone call");
  const region = page.locator(`#${await phoneCall.getAttribute("aria-controls")}`);
  await expect(region).toBeHidden();
  await expect(region).toHaveAttribute("aria-live", "polite");
  await choose(page, phoneCall);
  await expect(region.getByLabel("Phone number")).toBeVisible();
  const text = page.locator(`#${await page.getByLabel("Text message").getAttribute("aria-controls")}`);
  await expect(text).toBeHidden();
  await next(page);
  await expect(page.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "the contact page with a revealed field in error");
  await page.getByLabel("Phone number").fill("0113 496 0000");
  await next(page);
  await expect(h1(page)).toHaveText("When is it best to contact you?");
});

test("the character count is read out after a pause, not on every key", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/own-words/`);
  const box = page.getByLabel("Tell us more in your own words (optional)");
  const spoken = page.locator(".nhsuk-character-count [aria-live]");
  await expect(spoken).toHaveText("");
  // The count on screen is hidden from screen readers: the live region speaks for it.
  await expect(page.getByText("You have 500 characters remaining")).toHaveAttribute("aria-hidden", "true");
  await page.evaluate(() => {
    const live = document.querySelector(".nhsuk-character-count [aria-live]");
    window.heard = [];
    new MutationObserver(() => window.heard.push(live.textContent)).observe(live, { childList: true, subtree: true, characterData: true });
  });
  await box.focus();
  await page.keyboard.type("I feel alone", { delay: 80 });
  await expect(spoken).toHaveText("");
  await expect(spoken).toHaveText("You have 488 characters remaining", { timeout: 3000 });
  expect(await page.evaluate(() => window.heard.filter((t) => t !== ""))).toEqual(["You have 488 characters remaining"]);
});

/** Flesch-Kincaid grade, counting syllables as groups of vowels (a silent final e left out). */
function readingGrade(text) {
  const sentences = text.split(/[.?!\n]+/).map((s) => s.trim()).filter(Boolean);
  const words = text.match(/[A-Za-z0-9’']+/g) ?? [];
  const syllables = words.reduce((sum, word) => {
    const w = word.toLowerCase().replace(/’|'/g, "");
    if (/^\d+$/.test(w)) return sum + w.length;
    const groups = (w.replace(/e$/, "").match(/[aeiouy]+/g) ?? []).length;
    return sum + Math.max(1, groups);
  }, 0);
  return 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
}

test("urgent help is named in full, comes before Delete, and reads in short sentences", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/date-of-birth/`);
  const main = page.getByRole("main");
  for (const [name, href] of [["Call 999", "tel:999"], ["Call NHS 111", "tel:111"], ["Call Samaritans free on 116 123", "tel:116123"]]) {
    await expect(main.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  // Tabbing from Continue reaches the numbers to call before "Delete my answers".
  await page.getByRole("button", { name: "Continue" }).focus();
  const order = [];
  for (let n = 0; n < 4; n++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.textContent.trim()));
  }
  expect(order).toEqual(["Call 999", "Call NHS 111", "Call Samaritans free on 116 123", "Delete my answers from this device"]);
  await screenshot(page, "refer-question-urgent-help");

  const said = await main.locator(".app-urgent-help-line ul").innerText();
  const grade = readingGrade(said);
  // The box as it was, by the same count, for comparison.
  const before = readingGrade("If you need help now, call 999 in an emergency, NHS 111 for urgent medical help, or Samaritans on 116 123 at any time.");
  console.log(`urgent help reading grade: ${grade.toFixed(1)} (before: ${before.toFixed(1)})`);
  expect(before).toBeGreaterThan(8);
  expect(grade).toBeLessThanOrEqual(6);
  const footer = await page.getByTestId("urgent-help").locator("ul").innerText();
  expect(readingGrade(footer)).toBeLessThanOrEqual(6);
});

test("the privacy page, opened in the middle of the form, leads back to the question", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/contact/`);
  await page.getByRole("link", { name: "How this app uses your information" }).click();
  await expect(h1(page)).toHaveText("How this app uses your information");
  await expectNoAxeViolations(page, "the privacy page with a way back");
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await expect(h1(page)).toHaveText("How would you like us to contact you?");
});

test("the start page speaks of this device, not a phone a computer is not", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}refer/`);
  await expect(page.getByText("Your answers stay on this device until you choose to send them.")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("this phone");
});
