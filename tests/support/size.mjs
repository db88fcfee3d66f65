// The size check: what a first visit to each area of the app downloads,
// gzip -9, file by file. Fails when an area is over its budget. Run after
// `make dist`.
//
// A first visit fetches the page, what it links, and what the service worker
// keeps at once: the shared files and the area being opened, its page with
// it. Other areas, their pages too, are downloaded only when opened. The
// page opened is downloaded twice: once as the browser opens it, and again as
// the service worker keeps its area's page (a fresh copy, as it installs).
// Where the build draws a page's first screen (tools/prerender.mjs), the first
// is the drawn page and the second its undrawn copy (loading.html).
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// Issue 9's 150 KB is the home page's budget: where most first visits start.
// The other areas carry their own pages on top of the same shell; their
// budgets are set at what they measured when their pages were built, with a
// little room, so that growth is a decision rather than an accident. The
// clinic is the volunteers' tool, opened on the practice's PC or tablet and
// then kept on it; the patients' areas stay far smaller. Every area's page
// (about 1 KB) is part of every first visit, so a new area costs the others
// too. The clinic's areas carry the lock (WebCrypto and the unlock page,
// about 20 KB each). The directory carries its forms, the Open Referral UK
// reader and writer, and the clinic (to log an introduction on a person's
// record); counting a list's services before reading them (so 100,000 are
// refused at once) added 1.5 KB. Keeping documents in IndexedDB (js/store.js, read into memory when
// a page opens) cost every area about 4 KB; home made room for it by leaving
// out the notice for a change not written, as it saves nothing. Leaving out
// the NHS.UK styles for classes the app never names (tools/build.mjs) took
// about 16 KB off every area, and the budgets came down with it. Storing the
// clinic in parts (a head, a part a year, the logs: store/clinic_parts.rs)
// cost the areas that open the clinic 10 to 14 KB: the day view reads a third
// of what it did, and a booking writes the head and one year (README). The
// plan's pages have the self-referral's budget, 260 KB, as issue 22 decided;
// sharing by QR code (its encoder, compression and the receiving page) took
// them to 273 KB, so sharing and receiving a plan became an area of their
// own (plan_share, 202.6 KB when split off; the plan then 254.3 KB).
// Deflated referral codes (issue 22) cost self-referral 1.9 KB, more than
// paid for by writing its labels' case by ASCII rules (17.4 KB of Unicode
// case tables left out), and the clinic 2.9 KB to inflate them; with the new
// area's page (1.1 KB on every area) the clinic measured 395.6 KB, so 400 KB.
// Backups read every kind of document whole before a restore or a merge
// (issue 27), which brings each kind's reader into that part: 395 KB, as the
// clinic (docs/backups.md). A person's plan made at the clinic (clinic/plan) is
// an area of its own, measured at 322.0 KB, so the clinic's everyday pages do
// not carry the plan's forms, the QR encoder and compression: 330 KB.
// Issue 33 (a volunteer's first day): keeping every answer of a referral on
// the person, changing a person's details, pasting a referral, cancelling
// with a reason and removing a person took the clinic from 390.4 to 413.3 KB;
// changing a volunteer and reopening a closed date took setup from 321.6 to
// 330.2 KB, and the set-up check page (issue 32, with the referral written out as a patient's email) to 334.5 KB. The clinic is the volunteers' tool on the practice's PC; moving
// the correction pages into a part of their own is the likely way back.
// Merging six pieces of work at once (issue 22's plan in the clinic, issue
// 33's corrections and rota, issue 32's forgiving config reader and set-up
// check) grew every area: the config reader, which keeps a practice's details
// on screen after a slip in config.json, is 5.3 KB of every first visit (its
// float parsing, 14 KB, was taken out); the clinic's areas carry the plans'
// reader and the new records. Set at what they measured, with a little room,
// until issue 23 brings them down (patient areas first).
// Changing a weekly or one-off session (its form, moving the appointments
// booked in it, and the page naming who to tell) took setup from 379.5 to
// 389.8 KB; the people page's list of records removed took the clinic from
// 449.3 to 451.6 KB.
// Issue 22's optional passphrase on the person's own plan: its pages, and
// sharing and receiving, read and seal the plan with the key kept for the tab
// (the vault's reading and sealing, the idle lock, another tab's changes):
// 12.8 KB of the plan's wasm and 0.7 KB of script (264.9 to 279.6 KB, with
// 1.1 KB for the new part's page), 12.7 KB of sharing's (214.2 to 228.6 KB).
// Making a key from a passphrase, and setting, unlocking and removing it,
// are a part of their own (plan_lock, 203.8 KB), not in the plan's pages.
// Issue 29's patient pages (focus to each new page's h1, Space on links
// shown as buttons, error links that bring the question into view, the
// spoken character count, the urgent-help links) are in the shell every part
// shares: about 1.4 KB a part, and refer and plan carry the form changes
// (refer 255.4 to 260.4 KB). Keeping what is typed through "Reload to update"
// and the patients' benchmark mark are a few hundred bytes more. Set at what
// each part measured after these merges, with a little room, until issue 23.
// Issue 23's first cuts are the build's (docs/performance.md): wasm-bindgen's
// script minified, wasm-opt told the lowest 1 KB of memory is unused, each
// part's stylesheet cut to the classes its own code names, and the pages
// without index.html's comments: 5.9 to 8.1 KB less a part (home 155.5 to
// 149.6 KB, refer 262.7 to 256.6, plan 284.0 to 277.0). Issue 31's referral
// pad and poster are set-up pages (about 16 KB of setup's wasm); its question
// "Did someone suggest you refer yourself?" is 1.6 KB of refer. Issue 24's
// start script in a file of its own (for the Content-Security-Policy) and the
// directory's count of an Open Referral UK list before reading it (1.5 KB)
// are a little more. Budgets at what each part measured then, with about
// 2 KB of room; issue 23's targets (home 120, refer and plan 200) are ahead.
// Issue 23's first screens: the page a host sends for home, self-referral and
// the plan carries its first screen (about 1 KB), and the count now has the
// page opened twice (above; it always was downloaded twice): about 1.1 KB
// more counted for every part.
// Issue 34's Open Referral UK 3.0 took the directory from about 363 to 375.4
// KB: reading both versions' fields (schedules, addresses, ages, alert,
// contacts, languages, taxonomy terms), naming every field an import leaves
// out, adding a list page by page to one preview, one writer for 3.0 and 1.0
// with ids made as version 5 UUIDs (SHA-1, written here), and who to ask for,
// languages and a notice on the form, the service's page and the printed
// list. Writing prices without float formatting (7.7 KB) and objects with a
// small builder rather than json! (7.7 KB) were cut on the way.
// Issue 25's live sharing: every part reads config.json's new setting (about
// 0.2 KB of wasm each); the backup part holds the sharing page, the merge with
// the practice's server and js/sharing.js (21.7 KB of wasm, 1.9 KB of script),
// which no other part downloads.
// Issue 23, this round (docs/performance.md): a first visit keeps only the
// opened part's page (12.6 KB less on every part), the service worker is
// minified, the icons recompressed with the same pixels (1.1 KB), and home
// mounts without the store and the look through every document for damage
// (home's wasm 115.3 to 96.1 KB), which home, keeping nothing, never needed.
// Home's budget is issue 23's 120 KB: growth there must be cut, not allowed.
// Issue 31's "Meet the volunteers": self-referral's last page shows the
// faces where the practice turns them on (2.6 KB, drawn with the DOM: a
// Leptos view was 1.8 KB more), set-up has the board, the photo's handling
// and the file field (14.6 KB). After the merges of issues 34, 25 and 31
// (above), each part's budget is
// what it measured on the full build, with about 2 KB of room.
// Issue 30's statements: the privacy page left home for a part of its own,
// about, with the accessibility statement (home 119.5 to 118.1 KB with the
// footer's new link); every other part carries the new link and the two new
// settings' reading. About measured 129.0 KB: about 10 KB of wasm more than
// home for the two pages' text and views (laying the accessibility
// statement's lists out as data changed nothing measurable). Its budget has
// about 2 KB of room.
// Issue 30's safety controls (docs/clinical-safety.md, H01 and H10):
// self-referral tells a person whose own words speak of ending their life
// where to get help now, and whom to contact if nobody has been in touch
// (2.7 KB: the words are matched over bytes, as the standard library's
// Unicode lower-casing and searching cost 11 KB more); the clinic's front
// page lists open concerns and marks a referral to read now (4.2 KB).
// After this round's merges, measured on the full build: live sharing's
// long-poll rounds and a new device started from the server (6.1 KB), the
// merge's double-booking warning, the current passphrase asked before a
// change and the storage sentence (4.7 KB) grew the backup part to 444.7 KB;
// set-up 408.5, the clinic 448.4, the texts 322.1 (each part reads the two
// new privacy settings and carries the double-booking rule). Each budget is
// that figure with about 2 KB of room; home's stays issue 23's 120 KB.
// Issue 25, rounds from the clinic's own pages: the clinic part now runs live
// sharing in the background (one tab at a time, giving way to the sharing
// page), so it carries the merge with the server, the ledger's stamping and
// js/sharing.js: 448.4 to 522.9 KB. Decided over keeping the rounds on the
// sharing page only (volunteers would have to keep that page open in a tab,
// or nothing is shared) and over a second wasm loaded into the page or a
// frame (the key is held per page, and the policy allows no frames): the
// clinic is the volunteers' tool, downloaded once per device and update. A
// round looks only at the records that changed (backup 444.7 to 458.3 KB
// for that code, and a page's first round in steps). Each budget is the figure with about 2 KB of room.
const BUDGETS = { home: 120, refer: 257, plan: 270, plan_share: 213, plan_lock: 191, clinic: 525, reminders: 324, backup: 460, setup: 411, directory: 366, reports: 311, clinicplan: 329, about: 131 };
const dist = new URL("../../dist/", import.meta.url).pathname;

const sw = readFileSync(join(dist, "sw.js"), "utf8");
const shared = listIn(sw, "SHARED");
const areas = listIn(sw, "AREAS");
const areaPaths = listIn(sw, "AREA_PATHS");
/** The page a host sends for the area's own address (home's, refer/, clinic/...). */
const opened = (area) => (area === "home" ? "index.html" : `${areaPaths.find(([, name]) => name === area)[0]}/index.html`);
const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7) + " KB";
const plain = (file) => file.replace(/-[0-9a-f]{8,}(?=[._])/, "");

let failures = [];
const summary = [];
for (const [area, budget] of Object.entries(BUDGETS)) {
  // The practice's config.json is not in the build: its example stands in for it.
  const kept = [...new Set([...areas[area].files, ...shared, areas[area].page, "sw.js", "config.example.json"])];
  const files = [opened(area), ...kept];
  const rows = files.map((file) => [file, gzipped(file)]).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, bytes]) => sum + bytes, 0);
  // Served as built, by a host that compresses nothing.
  const raw = files.reduce((sum, file) => sum + readFileSync(join(dist, file)).length, 0);
  console.log(`First visit to the ${area} area (gzip -9):`);
  for (const [file, bytes] of rows.slice(0, 4)) console.log(`${kb(bytes)}  ${plain(file)}`);
  const rest = rows.slice(4).reduce((sum, [, bytes]) => sum + bytes, 0);
  console.log(`${kb(rest)}  ${rows.length - 4} other files (pages, config, manifest, icons, service worker)`);
  console.log(`${kb(total)}  total (budget ${budget} KB)`);
  console.log(`${kb(raw)}  uncompressed, as a host that compresses nothing sends it\n`);
  summary.push(`${area} ${(total / 1024).toFixed(1)} KB (${(raw / 1024).toFixed(1)} KB uncompressed)`);
  if (total > budget * 1024) failures.push(`the ${area} area is ${kb(total).trim()}, over its ${budget} KB budget`);
}
console.log(`First visits: ${summary.join(", ")}`);

// The compressed copies a full build writes beside each file (tools/build.mjs)
// must be that file, whole: a host serving a stale or cut copy would break the app.
const walk = (dir) => readdirSync(join(dist, dir)).flatMap((name) => {
  const path = join(dir, name);
  return statSync(join(dist, path)).isDirectory() ? walk(path) : [path];
});
const compressible = walk("").filter((file) => /\.(html|js|css|wasm|svg|webmanifest)$/.test(file));
const copies = compressible.filter((file) => existsSync(join(dist, `${file}.gz`)) || existsSync(join(dist, `${file}.br`)));
if (copies.length === 0) {
  console.log("No compressed copies (a build of some areas only, with --only).");
} else {
  for (const file of compressible) {
    const bytes = readFileSync(join(dist, file));
    const same = (copy, unpack) => existsSync(join(dist, copy)) && unpack(readFileSync(join(dist, copy))).equals(bytes);
    if (!same(`${file}.gz`, gunzipSync)) failures.push(`${file}.gz is missing or is not ${file}`);
    if (!same(`${file}.br`, brotliDecompressSync)) failures.push(`${file}.br is missing or is not ${file}`);
  }
  console.log(`Compressed copies: ${compressible.length} files, each with a .gz and a .br that unpack to it.`);
}
if (failures.length) {
  console.error(`Too big, or a compressed copy wrong: ${failures.join("; ")}.`);
  process.exit(1);
}

/**
 * The list the build wrote into the (minified) service worker as `NAME=`
 * and JSON: read to the bracket that closes it (file names hold none).
 */
function listIn(code, name) {
  const start = code.search(new RegExp(`\\b${name} ?= ?[\\[{]`));
  if (start < 0) throw new Error(`size: sw.js has no ${name}`);
  const from = code.indexOf("=", start) + 1;
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    if ("[{".includes(code[i])) depth++;
    if ("]}".includes(code[i]) && --depth === 0) return JSON.parse(code.slice(from, i + 1).trim());
  }
  throw new Error(`size: sw.js's ${name} does not end`);
}
