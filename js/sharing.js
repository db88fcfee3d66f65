// Talking to the practice's CouchDB, for sharing the clinic between
// volunteers' devices (the `sharing` setting). Four of its calls are used:
// `_session` (signing in, with the browser keeping CouchDB's cookie), the
// database's own address (is it there, may this volunteer use it),
// `_changes` (what changed since the last look) and `_bulk_docs` (sending).
// PouchDB would bring a database of its own in the browser and its own
// conflict rules; the app keeps its records in its own store and settles
// conflicts with the backup merge's rules, so only these calls are needed.
//
// Everything sent is sealed here with the clinic's key (AES-GCM, a fresh
// nonce each time, the document's id bound in as associated data, so a
// body cannot be moved to another id). A document's id is an HMAC of the
// record's name ("person 81274") with a key derived from the clinic's key,
// so it names nothing. Texts are padded to a multiple of 512 bytes, so a
// document's size says little about what is in it.
//
// Between rounds, `waitForChange` holds one long-poll `_changes` open: it
// answers as soon as another device sends a change, and is cut short when
// this device saves one (in this tab or another), so both travel within a
// second or two while an idle device makes one request every 25 seconds.
//
// Every function resolves, never rejects: with its result, or `{ problem }`,
// one of "wrong-password", "signed-out", "no-database", "not-allowed",
// "not-couchdb", "timeout", "unreachable", "conflict".

const WAIT_MS = 10_000;
/** The one document not sealed: what a new device needs to make the
 * clinic's key from its passphrase (the lock's salt, iterations and sealed
 * check), none of it secret or personal. */
const LOCK_ID = "clinic-lock";
/** How long the server holds a long-poll open when nothing changes. */
const LONG_POLL_MS = 25_000;
/** Saves made one after another (typing, a form of several steps) share one round. */
const SETTLE_MS = 500;
const PAD = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The last revision of each document seen, by id: CouchDB needs it to
 * accept a change to a document. */
const revisions = new Map();
/** The clinic's key, as given last, and the keys made from it. */
let keys = null;
/** This device saved something the last round may not have seen. */
let saved = false;
/** Ends the wait between rounds early, when one is under way. */
let wake = null;
let waking = null;

function savedHere() {
  saved = true;
  if (waking === null) {
    waking = setTimeout(() => {
      waking = null;
      if (wake) wake();
    }, SETTLE_MS);
  }
}
// Another tab's saves arrive as `storage` events, this tab's own as `sp-saved`
// (js/store.js).
addEventListener("storage", savedHere);
addEventListener("sp-saved", savedHere);

const base64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function keysFor(raw) {
  if (keys && keys.raw === raw) return keys;
  const bytes = fromBase64(raw);
  const seal = await crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
  const base = await crypto.subtle.importKey("raw", bytes, "HKDF", false, ["deriveKey"]);
  const names = await crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: encoder.encode("social-prescribing sharing"), info: encoder.encode("record names") },
    base,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
  keys = { raw, seal, names };
  return keys;
}

/** The server's address: the database's, without the database's name. */
const serverOf = (database) => database.replace(/\/+$/, "").replace(/\/[^/]*$/, "");

/** A call to the server: its answer as JSON and status, or a problem. */
async function call(url, { method = "GET", body } = {}) {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), WAIT_MS);
  let response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: stop.signal,
    });
  } catch (error) {
    clearTimeout(timer);
    return { problem: error && error.name === "AbortError" ? "timeout" : "unreachable" };
  }
  let json;
  try {
    const text = await response.text();
    json = JSON.parse(text);
  } catch (error) {
    clearTimeout(timer);
    if (error && error.name === "AbortError") return { problem: "timeout" };
    // A proxy's own error page when the database is down behind it.
    if ([502, 503, 504].includes(response.status)) return { problem: "unreachable" };
    return { problem: "not-couchdb" };
  }
  clearTimeout(timer);
  if (json === null || typeof json !== "object") return { problem: "not-couchdb" };
  return { status: response.status, json };
}

/** What a failed call to the database means. */
function problemOf(answer) {
  if (answer.problem) return answer.problem;
  if (answer.status === 401) return "signed-out";
  if (answer.status === 403) return "not-allowed";
  if (answer.status === 404) return "no-database";
  if ([502, 503, 504].includes(answer.status)) return "unreachable";
  return "not-couchdb";
}

/** Whether the database answers as a CouchDB database this volunteer may use. */
async function checkDatabase(database) {
  const answer = await call(database);
  if (answer.status === 200 && typeof answer.json.db_name === "string") return {};
  if (answer.status === 200) return { problem: "not-couchdb" };
  return { problem: problemOf(answer) };
}

/** Signs in with the account the practice gave the volunteer; the browser
 * keeps CouchDB's session cookie. Then checks the database is there. */
export async function signIn(database, name, password) {
  const answer = await call(`${serverOf(database)}/_session`, { method: "POST", body: { name, password } });
  if (answer.problem) return answer;
  if (answer.status === 401) return { problem: "wrong-password" };
  if (answer.status !== 200 || answer.json.ok !== true) return { problem: problemOf(answer) };
  const checked = await checkDatabase(database);
  // Not left signed in to a server this device cannot share through.
  if (checked.problem) await call(`${serverOf(database)}/_session`, { method: "DELETE" });
  return checked;
}

/** Who is signed in on this device, or { problem }. */
export async function signedIn(database) {
  const answer = await call(`${serverOf(database)}/_session`);
  if (answer.problem) return answer;
  const name = answer.json.userCtx && answer.json.userCtx.name;
  if (answer.status !== 200 || answer.json.ok !== true) return { problem: problemOf(answer) };
  return name ? { name } : { problem: "signed-out" };
}

export async function signOut(database) {
  await call(`${serverOf(database)}/_session`, { method: "DELETE" });
  revisions.clear();
}

/** The records changed on the server since `since` ("0" for all), opened
 * with the clinic's key: { texts, since }. A document that does not open
 * (not sealed with this clinic's key) is counted in `unopened`. */
export async function pull(database, since, raw) {
  // What is saved from now on is read by this round's merge or the next.
  saved = false;
  const { seal } = await keysFor(raw);
  const texts = [];
  let unopened = 0;
  for (;;) {
    const answer = await call(`${database}/_changes?include_docs=true&limit=500&since=${encodeURIComponent(since)}`);
    if (answer.status !== 200) return { problem: problemOf(answer) };
    const { results, last_seq } = answer.json;
    if (!Array.isArray(results)) return { problem: "not-couchdb" };
    for (const { doc } of results) {
      if (!doc || doc._deleted || doc._id.startsWith("_") || doc._id === LOCK_ID) continue;
      // This device's own sending, coming back: nothing new to merge.
      if (revisions.get(doc._id) === doc._rev) continue;
      revisions.set(doc._id, doc._rev);
      try {
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: fromBase64(doc.sealed.iv), additionalData: encoder.encode(doc._id) },
          seal,
          fromBase64(doc.sealed.data),
        );
        texts.push(decoder.decode(plain).trimEnd());
      } catch {
        unopened++;
      }
    }
    since = String(last_seq);
    if (results.length < 500) return { texts, since, unopened };
  }
}

/** Sends records (each { name, text }) sealed: { sent, conflicts }, the
 * names CouchDB took and those another device had changed first (to be
 * read and merged, then sent again). */
export async function push(database, records, raw) {
  const { seal, names } = await keysFor(raw);
  const docs = [];
  for (const { name, text } of records) {
    const id = hex(await crypto.subtle.sign("HMAC", names, encoder.encode(name))).slice(0, 32);
    const bytes = encoder.encode(text);
    const padded = new Uint8Array(Math.ceil((bytes.length + 1) / PAD) * PAD).fill(32);
    padded.set(bytes);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(id) }, seal, padded);
    const doc = { _id: id, sealed: { iv: base64(iv), data: base64(data) } };
    if (revisions.has(id)) doc._rev = revisions.get(id);
    docs.push({ doc, name });
  }
  const sent = [];
  const conflicts = [];
  for (let i = 0; i < docs.length; i += 200) {
    const batch = docs.slice(i, i + 200);
    const answer = await call(`${database}/_bulk_docs`, { method: "POST", body: { docs: batch.map((d) => d.doc) } });
    if (answer.status !== 201 && answer.status !== 200) return { problem: problemOf(answer), sent, conflicts };
    if (!Array.isArray(answer.json)) return { problem: "not-couchdb", sent, conflicts };
    answer.json.forEach((result, n) => {
      const { name } = batch[n];
      if (result && result.ok) {
        revisions.set(result.id, result.rev);
        sent.push(name);
      } else conflicts.push(name);
    });
  }
  return { sent, conflicts };
}

/** The clinic's lock as the server keeps it: { lock } (null when no device
 * has shared one yet), or { problem }. */
export async function getLock(database) {
  const answer = await call(`${database}/${LOCK_ID}`);
  if (answer.status === 404 && ["missing", "deleted"].includes(answer.json.reason)) return { lock: null };
  if (answer.status !== 200) return { problem: problemOf(answer) };
  const { salt, iterations, check } = answer.json;
  if (typeof salt !== "string" || typeof iterations !== "number" || !check || typeof check.iv !== "string" || typeof check.data !== "string") {
    return { problem: "not-couchdb" };
  }
  return { lock: { salt, iterations, check: { iv: check.iv, data: check.data } } };
}

/** Puts this device's lock on the server, for new devices: {} when it is
 * there (put now, or by another device first), or { problem }. */
export async function putLock(database, lock) {
  const answer = await call(`${database}/${LOCK_ID}`, { method: "PUT", body: lock });
  if (answer.status === 201 || answer.status === 202 || answer.status === 409) return {};
  return { problem: problemOf(answer) };
}

/** Waits until the server has a change after `since`, this device saves a
 * change, or 25 seconds pass: "server", "device" or "quiet", or { problem }
 * (then the caller rests a while before the next round). */
export async function waitForChange(database, since) {
  if (saved) return "device";
  const stop = new AbortController();
  let woken = false;
  wake = () => {
    woken = true;
    stop.abort();
  };
  const timer = setTimeout(() => stop.abort(), LONG_POLL_MS + WAIT_MS);
  try {
    const response = await fetch(`${database}/_changes?feed=longpoll&timeout=${LONG_POLL_MS}&limit=1&since=${encodeURIComponent(since)}`, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
      signal: stop.signal,
    });
    const json = await response.json();
    if (response.status !== 200) return { problem: problemOf({ status: response.status, json }) };
    if (!json || !Array.isArray(json.results)) return { problem: "not-couchdb" };
    return json.results.length > 0 ? "server" : "quiet";
  } catch (error) {
    if (woken) return "device";
    if (error && error.name === "AbortError") return { problem: "timeout" };
    return { problem: error instanceof SyntaxError ? "not-couchdb" : "unreachable" };
  } finally {
    clearTimeout(timer);
    wake = null;
  }
}

/** Waits `ms`, or less when this device saves a change or `hurry` is called.
 * Always on a timer: rounds that cannot run (a choice waiting) must not
 * turn round and round without letting the page draw. */
export function rest(ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wake = null;
      resolve();
    }
    wake = done;
  });
}

/** Lets the page draw and answer a tap before a round's next step. */
export function breathe() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Ends the wait between rounds now: signed in, a choice made, the page left. */
export function hurry() {
  if (wake) wake();
}

/** Forgets what is known of the server (it was emptied or replaced). */
export function forgetServer() {
  revisions.clear();
}

// One tab of the clinic shares at a time (Web Locks, on this device only):
// the tab that has the turn runs the rounds, and when it closes the next tab
// waiting takes over. The sharing page claims the turn while it is open (it
// shows the status and the choices); a clinic page sharing in the
// background gives way to it. Without Web Locks every tab shares: each
// round's saves and sends are checked, so two at once lose nothing.
const TURN = "sp-clinic-sharing";
const CLAIM = "sp-clinic-sharing-page";
let giveBack = null;
let unclaim = null;
const turns = typeof BroadcastChannel === "function" ? new BroadcastChannel("sp-clinic-sharing") : null;
if (turns) turns.onmessage = () => hurry();

/** Resolves once this tab has the turn to share. */
export function takeTurn() {
  if (!navigator.locks || giveBack) return Promise.resolve();
  return new Promise((taken) => {
    navigator.locks.request(TURN, () => new Promise((done) => {
      giveBack = done;
      taken();
    }));
  });
}

/** Lets the next tab waiting share. */
export function giveBackTurn() {
  if (giveBack) giveBack();
  giveBack = null;
}

/** The sharing page's claim on the turn, while it is open: the tab sharing
 * from another page is woken to give way. */
export function claimTurn() {
  if (!navigator.locks || unclaim) return;
  navigator.locks.request(CLAIM, () => new Promise((done) => {
    unclaim = done;
    if (turns) turns.postMessage("claimed");
  }));
}

export function unclaimTurn() {
  if (unclaim) unclaim();
  unclaim = null;
}

/** Whether the sharing page is open in another tab, claiming the turn. */
export async function turnClaimed() {
  if (!navigator.locks || unclaim) return false;
  const { held } = await navigator.locks.query();
  return held.some((lock) => lock.name === CLAIM);
}

/** Tells this tab's pages that a round changed the stored document `key`,
 * as another tab's change is told (a `storage` event), so they show it. */
export function told(key) {
  dispatchEvent(new StorageEvent("storage", { key }));
}
