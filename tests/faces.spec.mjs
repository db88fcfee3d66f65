// Meet the volunteers: a volunteer's first name, line and photo are added on
// the practice's PC (the photo made small in the browser), shown on a board
// printed for the surgery, backed up and restored, and removed; files that
// cannot be a photo change nothing. The faces file the clinic downloads is
// put beside config.json, and a patient sees the faces on self-referral's
// last page only when the practice turns them on.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { test, expect, openPage, watchContext, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp, ELM_SURGERY } from "./support/served.mjs";
import { clearStored, storedText } from "./support/stored.mjs";
import { h1, expectErrors, expectPartOpened, clinicHelpers, MONDAY, TUESDAY } from "./support/clinic.mjs";
import { press, choose, type } from "./support/keyboard.mjs";
import { referYourself } from "./support/self_referral.mjs";

test.describe.configure({ mode: "serial" });

let served;
/** volunteers.json as the clinic downloaded it, for the second test. */
let facesFile = null;
test.beforeAll(async () => {
  served = await serveApp({ change: (dir) => writeFileSync(join(dir, "config.json"), JSON.stringify(ELM_SURGERY)) });
});
test.afterAll(async () => served.close());

/** A camera-like photo: 800 x 600, a face-coloured circle on blue. */
function photoPng() {
  const png = new PNG({ width: 800, height: 600 });
  for (let y = 0; y < 600; y++) {
    for (let x = 0; x < 800; x++) {
      const i = (y * 800 + x) * 4;
      const face = (x - 400) ** 2 + (y - 300) ** 2 < 200 ** 2;
      png.data[i] = face ? 224 : 30;
      png.data[i + 1] = face ? 172 : 90 + (x % 50);
      png.data[i + 2] = face ? 140 : 180;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const photoField = (page) => page.getByLabel("Photo (optional)");
const photoNow = (page) => page.getByTestId("photo-now");

/** Opens the change page of the first volunteer from the volunteers page. */
async function changeJo(page) {
  await page.goto(`${served.url}clinic/volunteers/`);
  await expect(h1(page)).toHaveText("Volunteers");
  await press(page, page.getByRole("link", { name: "Change Jo Bloggs" }));
  await expect(h1(page)).toHaveText("Change a volunteer's details");
}

test("a volunteer's photo is added, printed on the board, backed up, restored and removed; a file that is not a photo changes nothing", async ({ context, watch }) => {
  test.setTimeout(240_000);
  const clinic = clinicHelpers(served);
  const page = await clinic.openClinic(context, watch);
  await page.getByRole("link", { name: "Sessions and closed dates" }).click();
  await expectPartOpened(page, "Sessions and closed dates");
  await clinic.addWeekly(page, "Tuesday", "9:00am", "12:30pm", "Room 4");
  await expect(page.getByTestId("weekly-sessions")).toContainText(TUESDAY);
  await page.goto(`${served.url}clinic/volunteers/`);
  await clinic.addVolunteer(page, "Jo Bloggs", [TUESDAY]);
  await clinic.addVolunteer(page, "Kim Lee", [TUESDAY]);
  await expect(page.getByTestId("volunteers")).toContainText("Not shown on the board");

  // The board says how to show someone until a volunteer agrees.
  await page.goto(`${served.url}clinic/`);
  await press(page, page.getByRole("link", { name: "Print the faces for the surgery’s board" }));
  await expectPartOpened(page, "Meet the volunteers");
  await expect(page.getByText("No volunteer has agreed to be shown yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Download the faces file for the website" })).toHaveCount(0);
  await expectNoAxeViolations(page, "the board with nobody to show");

  await changeJo(page);
  await type(page, page.getByLabel("First name to show (optional)"), "Jo");
  await type(page, page.getByLabel("One line about them (optional)"), "I love gardening and know the local walking groups.");
  await expectNoAxeViolations(page, "a volunteer's form with the board's fields");

  // Files that cannot be a photo: a message each, and no photo.
  const bad = [
    [{ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Shopping: milk") }, "The selected file must be a photo, such as a JPG or PNG"],
    [{ name: "holiday.jpg", mimeType: "image/jpeg", buffer: Buffer.from("This is a text file renamed to look like a photo.") }, "The selected file could not be opened as a photo. Choose a JPG or PNG photo"],
    [{ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(16 * 1024 * 1024, 0xff) }, "The selected file must be smaller than 15 MB"],
  ];
  for (const [file, message] of bad) {
    await photoField(page).setInputFiles(file);
    await expectErrors(page, [message], `the photo refused: ${file.name}`);
    await expect(page.locator("#photo-error")).toContainText(message);
    await expect(photoNow(page)).toHaveCount(0);
  }
  await screenshot(page, "faces-photo-refused");

  // A real photo: made small, shown, and the message goes.
  await photoField(page).setInputFiles({ name: "jo.png", mimeType: "image/png", buffer: photoPng() });
  await expect(photoNow(page).getByRole("img", { name: "The photo of Jo" })).toBeVisible();
  await expect(page.getByTestId("photo-said")).toHaveText("Photo added. Save the changes to keep it.");
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toHaveCount(0);
  const size = await photoNow(page).getByRole("img").evaluate((img) => [img.naturalWidth, img.naturalHeight]);
  expect(size).toEqual([240, 240]);
  // A refused file after it leaves the photo there.
  await photoField(page).setInputFiles(bad[1][0]);
  await expect(page.locator("#photo-error")).toContainText(bad[1][1]);
  await expect(photoNow(page).getByRole("img")).toBeVisible();

  // Agreeing needs a first name to show.
  await page.getByLabel("First name to show (optional)").fill("");
  await choose(page, page.getByLabel(/They agree to their first name, line and photo being shown/));
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expectErrors(page, ["Enter the first name to show, as they agree to be shown"], "agreed with no first name");
  await type(page, page.getByLabel("First name to show (optional)"), "Jo");
  await expectNoAxeViolations(page, "a volunteer's form with a photo");
  await screenshot(page, "faces-volunteer-form");
  await press(page, page.getByRole("button", { name: "Save the changes" }));
  await expect(h1(page)).toHaveText("Volunteers");
  await expect(page.getByTestId("volunteers")).toContainText("Shown on the board as Jo, with a photo");

  // Kept on the device, small.
  const stored = await storedText(page);
  const photo = stored.match(/data:image\/jpeg;base64,[A-Za-z0-9+/=]+/)[0];
  console.log(`The photo as kept: ${photo.length} characters (${(photo.length * 3 / 4 / 1024).toFixed(1)} KB of JPEG)`);
  expect(photo.length).toBeLessThan(60_000);

  // The board: on screen, then on A4 paper.
  await page.goto(`${served.url}clinic/board/`);
  await expectPartOpened(page, "Meet the volunteers");
  const board = page.getByTestId("board");
  await expect(board.locator(".app-face")).toHaveCount(1);
  await expect(board).toContainText("Jo");
  await expect(board).toContainText("I love gardening and know the local walking groups.");
  await expect(board).not.toContainText("Kim");
  await expect(board).not.toContainText("Bloggs");
  await expect(board).toContainText("When: Tuesdays, 9am to 12:30pm, Room 4");
  await expect(board.locator("img.app-photo")).toBeVisible();
  expect(await board.locator("img.app-photo").evaluate((img) => img.src.startsWith("blob:"))).toBe(true);
  await expectNoAxeViolations(page, "the board");
  await screenshot(page, "faces-board");

  const download = page.waitForEvent("download");
  await press(page, page.getByRole("button", { name: "Download the faces file for the website" }));
  const file = await download;
  expect(file.suggestedFilename()).toBe("volunteers.json");
  facesFile = readFileSync(await file.path(), "utf8");
  const faces = JSON.parse(facesFile).volunteers;
  expect(faces).toEqual([{ name: "Jo", about: "I love gardening and know the local walking groups.", photo }]);
  expect(facesFile).not.toContain("Kim");

  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(page.getByRole("button", { name: "Print the board" })).toBeHidden();
  await expect(h1(page)).toBeHidden();
  await expect(board.locator("img.app-photo")).toBeVisible();
  await screenshot(page, "faces-board-printed");
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  mkdirSync("test-results/screens", { recursive: true });
  writeFileSync("test-results/screens/faces-board.pdf", pdf);
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g).length).toBe(1);
  expect(pdf.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 390, height: 844 });

  // Backed up with the clinic, the device wiped, and restored.
  await page.goto(`${served.url}clinic/backup/`);
  await expectPartOpened(page, "Back up or restore the clinic's data");
  const backup = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const saved = readFileSync(await (await backup).path(), "utf8");
  expect(saved).toContain(photo.slice(0, 200));
  await clearStored(page);
  await page.goto(`${served.url}clinic/backup/`);
  await expectPartOpened(page, "Back up or restore the clinic's data");
  await page.getByLabel("Choose the backup file").setInputFiles({ name: "linkworker-backup-2026-03-02-0900.json", mimeType: "application/json", buffer: Buffer.from(saved) });
  await expect(page.getByTestId("backup-preview")).toContainText("2 volunteers");
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await expect(page.getByRole("region", { name: "Success" })).toContainText("The backup has been restored");
  await changeJo(page);
  await expect(photoNow(page).getByRole("img", { name: "The photo of Jo" })).toBeVisible();
  expect(await storedText(page)).toContain(photo);

  // Removed: the board shows Jo without it.
  await press(page, page.getByRole("button", { name: "Remove the photo" }));
  await expect(photoNow(page)).toHaveCount(0);
  await expect(page.getByTestId("photo-said")).toHaveText("Photo removed. Save the changes to keep this.");
  await press(page, page.getByRole("button", { name: "Save the changes" }));
  await expect(page.getByTestId("volunteers")).toContainText("Shown on the board as Jo, without a photo");
  expect(await storedText(page)).not.toContain("data:image/jpeg");
  await page.goto(`${served.url}clinic/board/`);
  await expectPartOpened(page, "Meet the volunteers");
  await expect(board.locator(".app-face")).toHaveCount(1);
  await expect(board.locator("img")).toHaveCount(0);
  await expect(board.locator(".app-face__initial")).toHaveText("J");
  await expectNoAxeViolations(page, "the board with a volunteer without a photo");

  // Withdrawing agreement takes Jo off the board.
  await changeJo(page);
  await choose(page, page.getByLabel(/They agree to their first name, line and photo being shown/));
  await expect(page.getByLabel(/They agree to their first name/)).not.toBeChecked();
  await press(page, page.getByRole("button", { name: "Save the changes" }));
  await expect(page.getByTestId("volunteers")).toContainText("Not shown on the board");
  await page.goto(`${served.url}clinic/board/`);
  await expect(page.getByText("No volunteer has agreed to be shown yet.")).toBeVisible();
});

/** A patient refers themselves, shortly, and comes to "What happens next". */
async function refer(phone) {
  await phone.goto(`${served.url}refer/`);
  await press(phone, phone.getByRole("button", { name: "Start now" }));
  await referYourself(phone, { name: "Pat Face", born: ["3", "4", "1970"], mobile: "07700 900 321" });
}

test("the faces are on self-referral's last page when the practice turns them on, and not when it does not", async ({ browser, watch }) => {
  test.setTimeout(180_000);
  expect(facesFile, "the first test downloaded the faces file").not.toBeNull();
  const config = (more) => writeFileSync(join(served.dir, "config.json"), JSON.stringify({ ...ELM_SURGERY, ...more }));
  writeFileSync(join(served.dir, "volunteers.json"), facesFile);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await watchContext(phone, watch);
  const page = await openPage(phone, watch, served.origin);
  await page.clock.setFixedTime(MONDAY);
  const seen = [];
  page.on("request", (request) => seen.push(new URL(request.url()).pathname));
  const faces = page.getByTestId("faces");

  // Off by default: the file is there, but the page does not even ask for it.
  await refer(page);
  await expect(page.getByText("A link worker will then contact you")).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(faces).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Who you may meet" })).toHaveCount(0);
  expect(seen.filter((path) => path.endsWith("volunteers.json"))).toEqual([]);

  // On: the faces from the file.
  config({ show_volunteers: true });
  await page.reload();
  await expect(h1(page)).toHaveText("Your referral is ready to send");
  await expect(page.getByRole("heading", { name: "Who you may meet" })).toBeVisible();
  await expect(faces.locator(".app-face")).toHaveCount(1);
  await expect(faces).toContainText("Jo");
  await expect(faces).toContainText("I love gardening and know the local walking groups.");
  await expect(faces.locator("img.app-photo")).toBeVisible();
  expect(await faces.locator("img.app-photo").evaluate((img) => img.naturalWidth)).toBe(240);
  await expectNoAxeViolations(page, "self-referral's last page with the volunteers' faces");
  await screenshot(page, "faces-refer-done");

  // A broken file, or none, shows nothing and tells the patient nothing.
  writeFileSync(join(served.dir, "volunteers.json"), facesFile.slice(0, 500));
  await page.reload();
  await expect(page.getByText("A link worker will then contact you")).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(faces).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expectNoAxeViolations(page, "self-referral's last page with a broken faces file");
  await phone.close();
});
