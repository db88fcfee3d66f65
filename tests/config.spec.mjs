// The practice edits config.json by hand; a slip in it must cost only what
// is wrong. The practice is told, on its own pages, which line and what to
// write instead; a patient hears only what they can act on.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, closeAll, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";

const GOOD = `{
  "practice_name": "Elm Surgery",
  "address": ["1 Elm Road", "Leeds", "LS1 1AA"],
  "phone": "0113 496 0000",
  "referral_email": "elm.linkworkers@example.nhs.uk",
  "clinic_team_name": "Elm Surgery link worker team"
}
`;

const withConfig = (text) => serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), text) });

test("a missing config.json: patients are told how to reach the practice, the practice what to do", async ({ context, watch }) => {
  const served = await serveApp({ change: (dir) => rmSync(join(dir, "config.json"), { force: true }) });
  try {
    // The server's 404 for config.json is expected here, and only that.
    watch.allowedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/);
    const page = await openPage(context, watch, served.origin);
    await page.goto(served.url);
    const notice = page.getByTestId("config-notice");
    await expect(notice).toHaveText("Information: Some of this practice’s details could not be shown. To contact the practice, use the phone number on its website or on a letter from it.");
    await expect(page.getByRole("banner")).toContainText("Your GP practice");
    await expectNoAxeViolations(page, "the home page with a missing config");
    await screenshot(page, "config-missing");

    await page.getByRole("link", { name: "Refer yourself", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for support from a link worker");
    await expect(page.getByText("registered with Your GP practice.")).toBeVisible();
    await expect(page.getByTestId("config-notice")).not.toContainText("config.json");

    // The practice's own pages say what to do.
    await page.goto(`${served.url}clinic/`);
    await expect(page.getByTestId("config-notice")).toContainText("This site has no config.json beside index.html");
    await expectNoAxeViolations(page, "the clinic with a missing config");
  } finally {
    await closeAll(context, served);
  }
});

test("each slip in config.json is named on the practice's pages with its line, and costs only itself", async ({ context, watch }) => {
  const slips = [
    [GOOD.replace('team"\n}', 'team",\n}'), "Line 6 of config.json: there is a comma after the last setting: remove it."],
    [GOOD.replace(/}\s*$/, ""), "Line 6 of config.json: the file does not end with }: add } on a line of its own at the end."],
    [GOOD.replace('"0113 496 0000"', "0113 496 0000"), 'Line 4 of config.json: the value of phone is not in double quotes: write "phone": "0113 496 0000".'],
    [GOOD.replace("clinic_team_name", "clinic_team_nam"), "Line 6 of config.json: “clinic_team_nam” is not a setting this app knows, so it is not used. Did you mean clinic_team_name?"],
  ];
  for (const [text, message] of slips) {
    const served = await withConfig(text);
    try {
      const page = await openPage(context, watch, served.origin);
      await page.goto(served.url);
      // Everything else was read: patients see the practice, and no notice.
      await expect(page.getByRole("banner")).toContainText("Elm Surgery");
      await expect(page.getByRole("contentinfo")).toContainText("0113 496 0000");
      await expect(page.getByTestId("config-notice")).toHaveCount(0);
      await page.goto(`${served.url}clinic/`);
      await expect(page.getByTestId("config-notice")).toContainText(message);
      await page.close();
    } finally {
      await served.close();
    }
  }
});

test("tags in the practice's name are shown as typed and flagged to the practice; an empty file says so", async ({ context, watch }) => {
  const tagged = await withConfig(GOOD.replace('"Elm Surgery"', '"<b>Elm</b> Surgery"'));
  const empty = await withConfig("");
  try {
    let page = await openPage(context, watch, tagged.origin);
    await page.goto(`${tagged.url}clinic/`);
    await expect(page.getByRole("banner")).toContainText("<b>Elm</b> Surgery");
    await expect(page.getByTestId("config-notice")).toContainText("In config.json, “practice_name” has web page tags in it, such as <b>. It is shown exactly as typed, tags and all: take them out.");
    await expectNoAxeViolations(page, "the clinic with tags in the practice's name");
    await screenshot(page, "config-tags");
    await page.close();

    page = await openPage(context, watch, empty.origin);
    await page.goto(`${empty.url}clinic/`);
    await expect(page.getByTestId("config-notice")).toContainText("config.json is empty. Put the practice’s details in it: config.example.json shows how.");
  } finally {
    await closeAll(context, tagged, empty);
  }
});

test("a correct config.json shows no notice", async ({ context, watch }) => {
  const served = await withConfig(GOOD);
  try {
    const page = await openPage(context, watch, served.origin);
    await page.goto(`${served.url}clinic/`);
    await expect(page.getByRole("banner")).toContainText("Elm Surgery");
    await expect(page.getByTestId("config-notice")).toHaveCount(0);
    // The practice's phone in the footer rings it.
    await expect(page.getByTestId("footer-practice")).toHaveText("Elm Surgery, 1 Elm Road, Leeds, LS1 1AA, Phone 0113 496 0000");
    await expect(page.getByTestId("footer-practice").getByRole("link", { name: "0113 496 0000" })).toHaveAttribute("href", "tel:01134960000");
  } finally {
    await closeAll(context, served);
  }
});
