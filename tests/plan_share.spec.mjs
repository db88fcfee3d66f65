// A person shares their plan by a QR code from the plan on one page, and
// another phone (a fresh browser) reads the code, shows the plan and keeps it
// only when asked. Links that are cut short, changed, far too long or from a
// newer version are refused with a reason and nothing is kept; a link made
// before links were deflated still opens.
import { test, expect, openPage, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { storedText } from "./support/stored.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { readQr } from "./support/qr.mjs";
import { type, press, choose } from "./support/keyboard.mjs";
import { h1, expectPartOpened } from "./support/clinic.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)) });
});
test.afterAll(async () => served.close());

const PHONE = { viewport: { width: 390, height: 844 } };

async function answerCompleted(page) {
  await choose(page, page.getByLabel("Yes, I have completed this section"));
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expect(h1(page)).toHaveText("My plan");
}

/** A plan link's fragment as the app seals one: `p=<version>.<base64url>.<FNV-1a>`. */
function sealed(version, bytes) {
  let hash = 0x811c9dc5;
  for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
  return `p=${version}.${Buffer.from(bytes).toString("base64url")}.${hash.toString(16).padStart(8, "0")}`;
}

// Made by the app before links were deflated (the same as in
// src/domain/plan/tests.rs): Sam's plan, started on 3 March 2026.
const VERSION_1 = "p=1.eyJhYm91dCI6eyJjYWxsZWQiOiJTYW0ifSwiaWQiOiJwbGFuLTEiLCJsYXN0X2lkIjowLCJzdGFydGVkIjoiMjAyNi0wMy0wMyJ9.5038edeb";

test("a plan shared by QR code opens on another phone and is kept only when asked", async ({ browser, context, watch }) => {
  test.setTimeout(180_000);
  const page = await openPage(context, watch, served.origin);
  await page.goto(`${served.url}plan/`);
  await press(page, page.getByRole("button", { name: "Start my plan" }));

  // A small plan, by keyboard.
  await press(page, page.getByRole("link", { name: "About me" }));
  await type(page, page.getByLabel("What do you like to be called? (optional)"), "Siobhán");
  await type(page, page.getByLabel("What matters to you? (optional)"), "Seeing my grandchildren 🌳\nMy garden");
  await answerCompleted(page);
  await press(page, page.getByRole("link", { name: "My goals" }));
  await press(page, page.getByRole("button", { name: "Add a goal" }));
  await expect(h1(page)).toHaveText("Goal 1");
  await type(page, page.getByLabel("What is your goal?"), "Go for a walk with other people");
  await type(page, page.getByLabel("Step 1", { exact: true }), "Ask about the walking group");
  await press(page, page.getByRole("button", { name: "Save and continue" }));
  await expect(h1(page)).toHaveText("My goals");
  await answerCompleted(page);

  // The plan on one page: share it by a QR code.
  await press(page, page.getByRole("link", { name: "My plan on one page" }));
  await expect(h1(page)).toHaveText("Siobhán's plan");
  // Sharing is a page of its own, in an area of its own: the plan's pages
  // leave out the QR encoder and the browser's compression.
  await press(page, page.getByRole("link", { name: "Share my plan with a QR code" }));
  await expectPartOpened(page, "Share your plan with a QR code");
  await expect(page.getByTestId("qr-code")).toBeVisible();
  await expect(page.getByText("Nothing is sent anywhere.")).toBeVisible();
  await expect(page.getByText("point that phone's camera at the code")).toBeVisible();
  await expectNoAxeViolations(page, "the plan's QR code");
  await screenshot(page, "plan-share-code");

  // The link is shown as text too, and is the one in the code, read from
  // the screen as a phone's camera would.
  const link = (await page.getByTestId("plan-link").textContent()).trim();
  expect(link.startsWith(`${served.url}plan/receive/#p=2.`)).toBe(true);
  expect(link).not.toContain("Siobh");
  // A phone's camera sees the code with more pixels a module than this
  // screen's 320 pixels: it is read here drawn twice as large.
  const qr = page.getByTestId("qr-code");
  const read = await readQr(qr);
  expect(read.data).toBe(link);
  // 17 modules a side at version 1, 4 more each version, and a quiet zone of 4 each side.
  const side = Number((await page.getByTestId("qr-code").getAttribute("viewBox")).split(" ")[2]);
  const version = (side - 8 - 17) / 4;
  expect(version).toBeLessThanOrEqual(25);
  console.log(`plan share link: ${link.length} characters, QR version ${version}`);
  // The long link breaks anywhere: nothing scrolls sideways on a small phone.
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize(PHONE.viewport);
  await press(page, page.getByRole("link", { name: "Back", exact: true }));
  await expectPartOpened(page, "Siobhán's plan");

  // Another phone: a fresh browser with nothing of Siobhán's.
  const other = await browser.newContext(PHONE);
  try {
    const phone = await openPage(other, watch, served.origin);
    await phone.goto(read.data);
    await expectPartOpened(phone, "Siobhán's plan");
    await expect(phone.getByText("A plan shared with you")).toBeVisible();
    const about = phone.locator(".app-plan-part").filter({ has: phone.getByRole("heading", { name: "About me" }) });
    await expect(about).toContainText("Seeing my grandchildren 🌳");
    await expect(phone.locator(".app-plan-part").filter({ hasText: "My goals" })).toContainText("Ask about the walking group");
    await expect(phone.getByRole("main").getByRole("link", { name: "Call Samaritans free on 116 123" })).toBeVisible();
    await expect(phone.getByRole("textbox")).toHaveCount(0);
    expect(await storedText(phone), "nothing kept before the person says so").not.toContain("Siobh");
    await expectNoAxeViolations(phone, "a plan shared with you");
    await screenshot(phone, "plan-receive");

    await press(phone, phone.getByRole("button", { name: "Add this plan to this phone" }));
    await expect(h1(phone)).toHaveText("Plan added to this phone");
    await expect(h1(phone)).toBeFocused();
    await expectNoAxeViolations(phone, "a shared plan added");
    await screenshot(phone, "plan-receive-added");
    await press(phone, phone.getByRole("link", { name: "Go to my plan" }));
    await expectPartOpened(phone, "My plan");
    await expect(phone.locator("#about-me-status")).toHaveText("Completed");
    await expect(phone.locator("#goals-status")).toHaveText("Completed");
    await press(phone, phone.getByRole("link", { name: "My plan on one page" }));
    await expect(h1(phone)).toHaveText("Siobhán's plan");
    await expect(phone.getByText("Seeing my grandchildren 🌳")).toBeVisible();

    // The same code again: this plan is here already.
    await phone.goto(read.data);
    await phone.reload();
    await expect(phone.getByRole("heading", { name: "This plan is already on this phone" })).toBeVisible();
    await expect(phone.getByRole("button", { name: "Add this plan to this phone" })).toHaveCount(0);
    await expectNoAxeViolations(phone, "a shared plan already on the phone");
    await screenshot(phone, "plan-receive-already");
    await press(phone, phone.getByRole("button", { name: "Keep it as another plan" }));
    await expect(h1(phone)).toHaveText("Plan added to this phone");
    await phone.reload();
    await press(phone, phone.getByRole("button", { name: "Replace my plan with this one" }));
    await expect(h1(phone)).toHaveText("Your plan has been replaced");
    await expectNoAxeViolations(phone, "a plan replaced by a shared one");
    // Two plans now: the one kept as another, and the one replaced.
    await press(phone, phone.getByRole("link", { name: "Go to my plan" }));
    await expectPartOpened(phone, "My plan");
    await expect(phone.getByRole("heading", { name: "Earlier plans" })).toBeVisible();
    await expect(phone.getByRole("link", { name: /^Plan started / })).toHaveCount(1);
  } finally {
    await other.close();
  }
});

test("a link cut short, changed, far too long or from a newer version is refused, and nothing is kept", async ({ browser, watch }) => {
  test.setTimeout(120_000);
  const plan = { id: "plan-7", started: "2026-03-03", about: { called: "Jo", matters: "My dog" } };
  const good = sealed(2, deflateRawSync(Buffer.from(JSON.stringify(plan))));
  const [version, data, sum] = good.split(".");
  const i = Math.floor(data.length / 2);
  const changed = `${version}.${data.slice(0, i)}${data[i] === "A" ? "B" : "A"}${data.slice(i + 1)}.${sum}`;
  // 10 MB of spaces, deflated to a link of about 13,000 characters.
  const bomb = sealed(2, deflateRawSync(Buffer.alloc(10_000_000, " ")));
  const damaged = "This link is incomplete or has been changed, so the plan cannot be opened.";
  const cases = [
    ["cut short", good.slice(0, -12), damaged],
    ["changed", changed, damaged],
    ["newer", good.replace("p=2.", "p=3."), "This plan was shared from a newer version of the app."],
    ["far too long", bomb, "This link holds far more than a plan can, so it has not been opened."],
    ["empty", "", "This link does not hold a plan."],
  ];
  const other = await browser.newContext(PHONE);
  try {
    const phone = await openPage(other, watch, served.origin);
    for (const [name, fragment, message] of cases) {
      await phone.goto(`${served.url}plan/receive/#${fragment}`);
      await phone.reload();
      await expectPartOpened(phone, "This plan cannot be opened");
      await expect(phone.getByTestId("receive-problem")).toContainText(message);
      await expect(phone.getByText("Nothing has been saved on this phone.")).toBeVisible();
      await expect(phone.getByRole("button")).toHaveCount(0);
      await expectNoAxeViolations(phone, `a plan link ${name}`);
      if (name === "changed" || name === "far too long") await screenshot(phone, `plan-receive-${name.replaceAll(" ", "-")}`);
    }
    expect(await storedText(phone)).not.toContain("plan-7");

    // The good link itself opens: the refusals were for what was done to it.
    await phone.goto(`${served.url}plan/receive/#${good}`);
    await phone.reload();
    await expectPartOpened(phone, "Jo's plan");

    // A link made before links were deflated still opens, and is kept.
    await phone.goto(`${served.url}plan/receive/#${VERSION_1}`);
    await phone.reload();
    await expectPartOpened(phone, "Sam's plan");
    await expect(phone.getByText("Started on Tuesday 3 March 2026")).toBeVisible();
    await expectNoAxeViolations(phone, "a version 1 plan link");
    await press(phone, phone.getByRole("button", { name: "Add this plan to this phone" }));
    await expect(h1(phone)).toHaveText("Plan added to this phone");
    await phone.goto(`${served.url}plan/`);
    await expect(phone.getByTestId("plan-name")).toHaveText("Plan started 3 March 2026");
    expect(await storedText(phone)).not.toContain("plan-7");
  } finally {
    await other.close();
  }
});
