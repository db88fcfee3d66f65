// What a locked clinic leaves in the browser's own files. The browser writes
// session storage, history, saved form entries and more to its profile on
// disk; once the records are locked and the browser is closed, none of those
// files may hold the lock's key, or a person's name, phone number or notes.
import { chromium } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pbkdf2Sync } from "node:crypto";
import { test, expect, watchContext } from "./support/fixtures.mjs";
import { both, filesHolding, filesUnder } from "./support/profile.mjs";
import { serveApp } from "./support/served.mjs";
import { storedDocuments } from "./support/stored.mjs";
import { h1, clinicHelpers, lockRecords } from "./support/clinic.mjs";
import config from "../playwright.config.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const PASSPHRASE = "blue kettle on the windowsill";
const NAME = "Zofia Wiśniewska";
const PHONE = "07700 900 461";
const NOTE = "Worried about her neighbour's dog";


test("once the records are locked and the browser closed, no file of the browser's profile holds the key or a person's details", async ({ watch }) => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), "sp-profile-"));
  const { launchOptions, viewport } = config.use;
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport, serviceWorkers: "allow" });
  let settings;
  try {
    watch.origin = served.origin;
    await watchContext(context, watch);
    const clinic = clinicHelpers(served);
    const page = await clinic.openClinic(context, watch);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // The lock first, then a person with a phone number and a note.
    await lockRecords(page, served, PASSPHRASE);
    await clinic.addPerson(page, NAME, "GP", "Face to face", async () => {
      await page.getByLabel("Phone number (optional)").fill(PHONE);
    });
    await page.getByRole("button", { name: "Add to the log" }).click();
    await page.getByLabel("What happened?").fill(NOTE);
    await page.getByRole("button", { name: "Add to the log" }).click();
    await expect(page.getByTestId("log")).toContainText(NOTE);

    // Another part of the app in the same tab opens without asking again:
    // the key is held for the tab, in memory.
    await page.goto(`${served.url}clinic/backup/`);
    await expect(h1(page)).not.toHaveText("Unlock the clinic’s records");
    await page.goto(`${served.url}clinic/people/`);
    await expect(page.getByTestId("people")).toContainText(NAME);
    settings = JSON.parse((await storedDocuments(page))["sp.lock"] ?? "{}").data;

    await page.goto(`${served.url}clinic/`);
    await page.getByRole("button", { name: "Lock the records now" }).click();
    await expect(h1(page)).toHaveText("Unlock the clinic’s records");
  } finally {
    await context.close();
  }

  // The key, worked out from the passphrase as the app does.
  expect(settings?.salt, "the lock's settings as stored").toBeTruthy();
  const key = pbkdf2Sync(PASSPHRASE, Buffer.from(settings.salt, "base64"), settings.iterations, 32, "sha256");
  try {
    const found = filesHolding(profile, {
      "the key": key,
      "the key (base64)": Buffer.from(key.toString("base64")),
      "the key (hex)": Buffer.from(key.toString("hex")),
      ...both("the passphrase", PASSPHRASE),
      ...both("the name", NAME),
      ...both("the family name", "Wiśniewska"),
      ...both("the phone number", PHONE),
      ...both("the note", NOTE),
    });
    expect(filesUnder(profile).length, "files in the profile").toBeGreaterThan(20);
    expect(found, "files of the browser's profile holding a secret").toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
