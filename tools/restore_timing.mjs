// Times restoring and merging the largest backup the app takes (issue 27):
// `node tools/restore_timing.mjs [percent]` writes the seeded sample at that
// percent of five busy years as a backup file (default 450: about 28 MB,
// just under the 30 MB limit), then, in headless Chromium at full speed with the release
// build in dist/, times from choosing the file to the preview (read whole and
// checked), from "Restore" to "restored", and from choosing it on the merge
// page to its preview. Prints one line of figures; writes nothing else.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { serveApp } from "../tests/support/served.mjs";

const percent = Number(process.argv[2] ?? 450);
const file = `target/restore-${percent}.json`;
execFileSync("cargo", ["run", "-q", "--release", "--example", "bench_backup", "--", String(percent), file], { stdio: "inherit" });
const megabytes = (statSync(file).size / 1e6).toFixed(1);

const served = await serveApp();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const timed = async (act, done) => {
  const start = Date.now();
  await act();
  await done();
  return Date.now() - start;
};
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${served.url}clinic/backup/`);
  const choose = () => page.getByLabel(/Choose the/).setInputFiles({ name: "linkworker-backup-timing.json", mimeType: "application/json", buffer: readFileSync(file) });
  const refused = page.getByRole("alert").filter({ hasText: "There is a problem" });
  const preview = await timed(choose, () => page.getByTestId("backup-preview").or(refused).waitFor({ timeout: 120_000 }));
  if (await refused.isVisible()) throw new Error(`the backup was refused: ${await refused.innerText()}`);
  const restore = await timed(
    () => page.getByRole("button", { name: "Restore this backup" }).click(),
    () => page.getByRole("region", { name: "Success" }).waitFor({ timeout: 120_000 }),
  );
  await page.goto(`${served.url}clinic/backup/merge/`);
  const merge = await timed(choose, () => page.getByTestId("merge-preview").waitFor({ timeout: 120_000 }));
  console.log(`${megabytes} MB backup (${percent}% of five years): preview ${preview} ms, restore ${restore} ms, merge preview ${merge} ms`);
} finally {
  await browser.close();
  await served.close();
}
