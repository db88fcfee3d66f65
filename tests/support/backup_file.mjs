// Backup files changed as someone outside the app could change them: the
// checksum is made to match again (it is FNV-1a over the documents' compact
// JSON, which anyone can recompute), so only the app's own checks stand
// between such a file and the device. And a backup downloaded from one
// device's backup page and chosen on another's, as two volunteers do.
import { readFileSync } from "node:fs";

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`, as 16 hex digits. */
function fnv1a(text) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** `value` with every object's keys in order, as the app reads a file. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]));
}

/** The backup file `text` with `change(file)` made to it and its checksum matched. */
export function changedBackup(text, change) {
  const file = JSON.parse(text);
  change(file);
  file.checksum = fnv1a(JSON.stringify(sorted(file.documents)));
  return JSON.stringify(file, null, 2);
}

/** The document of `kind` in a parsed backup file. */
export function documentOf(file, kind) {
  const found = file.documents.find((d) => d.kind === kind);
  if (!found) throw new Error(`the backup has no ${kind}`);
  return found;
}

/** Downloads a backup from the backup page of the app at `url`: its name and text. */
export async function downloadBackup(page, url) {
  await page.goto(`${url}clinic/backup/`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

/** Chooses a backup `file` ({ name, text }) in the file field labelled `label`. */
export async function chooseBackup(page, label, file) {
  await page.getByLabel(label).setInputFiles({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
}
