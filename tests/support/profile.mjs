// Searching a browser profile's files for what must never be written there in
// the clear (a lock's key, a passphrase, a person's words).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir`. */
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files of `dir` holding any of `secrets` (name: bytes), as "file: name". */
export function filesHolding(dir, secrets) {
  const found = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const [name, secret] of Object.entries(secrets)) {
      if (bytes.includes(secret)) found.push(`${file.slice(dir.length + 1)}: ${name}`);
    }
  }
  return found;
}

/** A text as UTF-8 and as UTF-16 (how Chromium keeps some strings). */
export const both = (name, text) => ({ [`${name} (UTF-8)`]: Buffer.from(text, "utf8"), [`${name} (UTF-16)`]: Buffer.from(text, "utf16le") });
