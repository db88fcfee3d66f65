// Where the app's documents are kept: IndexedDB, which holds as much as the
// site's quota allows (localStorage stops at about 5 million characters, less
// than five years of a busy clinic). When a page starts, `open` reads every
// document into memory, so the app reads and writes them at once, as it did
// with localStorage; each change then reaches IndexedDB a moment later, the
// changes of one moment in one transaction, so a change to several documents
// is stored whole or not at all. Other tabs hear of each change over a
// BroadcastChannel, the changes of one transaction in one message, and see
// it as the `storage` event localStorage would give.
// Documents are held and stored as UTF-8 bytes, which pass to and from the
// app's wasm as a plain copy (a string would be converted, character by
// character, every time).
//
// Until `open` has succeeded, or where IndexedDB is blocked, the documents are
// read and written in localStorage, as before.

const DATABASE = "social-prescribing";
const DOCUMENTS = "documents";
const PREFIX = "sp.";
/** Changes a page had not stored when it was left, written down in
 * localStorage (see `writeDown`): `sp-unstored.`, then when. */
const UNSTORED = "sp-unstored.";
const FULL = "QuotaExceededError";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

let db = null;
/** Every document, by key, when IndexedDB is in use. */
let memory = null;
let channel = null;
/** Keys changed in memory and not yet in IndexedDB, each with the revision
 * it had in IndexedDB before (its text's "revision"; 0 when there was none). */
const unstored = new Map();
let scheduled = false;
/** How to give up each write still waiting on its read (see `store`): each
 * gives back its documents' keys, with the revisions they were changed from,
 * and the names of what it was to forget once stored. */
const waitingOnRead = new Set();
/** Names of changes written down by pages as they were left, which this
 * page took as its own (`takeUnstored`): forgotten once those are stored. */
let taken = [];
/** Why the last write to IndexedDB failed, until one succeeds. */
let failure = null;
/** Bytes the site may still store, as the browser last said. */
let room = Infinity;

const finished = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const committed = (transaction) =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });

function localKeys() {
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
  return keys;
}

async function measureRoom() {
  try {
    const { usage, quota } = await navigator.storage.estimate();
    if (quota) room = quota - usage;
  } catch {
    room = Infinity;
  }
}

/** The reading of every document, once started. */
let opening = null;

/** Opens IndexedDB and reads every document into memory; moves anything this
 * app kept in localStorage over. Resolves to whether IndexedDB is in use.
 * Each page starts this before its wasm is downloaded (tools/build.mjs), so
 * the two happen at once; the app's own call then finds it under way. */
export function open() {
  opening ||= openDocuments();
  return opening;
}

async function openDocuments() {
  try {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(DOCUMENTS);
    const opened = await finished(opening);
    const reading = opened.transaction(DOCUMENTS, "readonly").objectStore(DOCUMENTS);
    const [keys, values] = await Promise.all([finished(reading.getAllKeys()), finished(reading.getAll())]);
    const found = new Map(keys.map((key, i) => [key, values[i]]));
    const recovered = takeUnstored(found);
    await moveFromLocalStorage(opened, found);
    db = opened;
    memory = found;
    // Another tab deleting or upgrading the database must not wait on this one.
    db.onversionchange = () => db.close();
    await measureRoom();
    // Stored as this page's own changes are, failures and clashes included.
    for (const [key, base] of recovered) unstored.set(key, base);
    if (recovered.size > 0) schedule();
  } catch {
    db = null;
    memory = null;
    return false;
  }
  if (typeof BroadcastChannel === "function") {
    channel = new BroadcastChannel(DATABASE);
    // (One change a message, from a tab of an earlier version.)
    channel.onmessage = ({ data }) => changedInAnotherTab(data.changes ?? [data]);
  }
  return true;
}

/** What an earlier version of the app kept in localStorage moves to IndexedDB,
 * then leaves localStorage. A document already in IndexedDB is not written
 * over: the localStorage copy (saved by an older version still open in
 * another tab) is kept aside, for the person to download. */
async function moveFromLocalStorage(opened, found) {
  let keys;
  try {
    keys = localKeys().filter((key) => key && key.startsWith(PREFIX));
  } catch {
    return;
  }
  if (keys.length === 0) return;
  const moving = new Map();
  const now = new Date().toISOString();
  for (const key of keys) {
    const text = localStorage.getItem(key);
    // Already moved (by another tab opening at the same moment).
    if (text === null || (found.has(key) && decoder.decode(found.get(key)) === text)) continue;
    if (!found.has(key)) {
      moving.set(key, text);
      continue;
    }
    const [kept, copy] = keptCopy(key, now, "an older version of the app saved it in another tab after this device's copy had moved on", text);
    moving.set(kept, copy);
  }
  const transaction = opened.transaction(DOCUMENTS, "readwrite");
  const store = transaction.objectStore(DOCUMENTS);
  for (const [key, text] of moving) moving.set(key, encoder.encode(text));
  for (const [key, bytes] of moving) store.put(bytes, key);
  transaction.commit?.();
  await committed(transaction);
  for (const [key, bytes] of moving) found.set(key, bytes);
  for (const key of keys) localStorage.removeItem(key);
}

/** A copy of `text`, stored under `key`, kept aside for the person to
 * download (as the app's `store::kept` keeps one): its key and its text.
 * `n` tells apart copies of one document kept at the same moment. */
function keptCopy(key, now, reason, text, n = 0) {
  const kind = key.slice(PREFIX.length);
  const copy = { kind, kept_at: now, reason, raw: text };
  return [`${PREFIX}kept.${kind}.${now}${n ? `.${n}` : ""}`, JSON.stringify(copy)];
}

/** Writes down in localStorage, at once, what `keys` hold in memory: the
 * changes of a page being left, in case its write to IndexedDB is never
 * made. (A page being closed runs no task after this one, and a write that
 * has to wait for another transaction, another tab's or this page's own, is
 * lost with the page.) The next page to open takes them (`takeUnstored`).
 * Returns the name they are under, or null when they could not be written. */
function writeDown(keys) {
  const name = `${UNSTORED}${Date.now()}.${Math.random().toString(36).slice(2, 8)}`;
  const changes = keys.map((key) => ({ key, text: memory.has(key) ? decoder.decode(memory.get(key)) : null }));
  try {
    localStorage.setItem(name, JSON.stringify({ changes }));
    return name;
  } catch {
    return null;
  }
}

/** Forgets changes written down (`writeDown`), once they are stored. */
function forget(...names) {
  try {
    for (const name of names) if (name) localStorage.removeItem(name);
  } catch {}
}

/** Changes written down by pages as they were left (`writeDown`), oldest
 * first, each moment's taken whole, into `found`: those already stored are
 * left out; those not stored become this page's own changes, not yet stored,
 * unless another tab has stored a later revision of one of their documents
 * since: then they are kept aside instead, for the person to download, and
 * nothing is written over. Returns the keys changed, each with the revision
 * stored under it; what was written down is forgotten once they are stored
 * (`taken`). */
function takeUnstored(found) {
  const recovered = new Map();
  let names;
  try {
    names = localKeys().filter((key) => key && key.startsWith(UNSTORED)).sort();
  } catch {
    return recovered;
  }
  // What is not of this shape (damaged, or from a later version) is left as it is.
  const sound = (change) => change && typeof change.key === "string" && (change.text === null || typeof change.text === "string");
  const handled = [];
  const now = new Date().toISOString();
  const textOf = (bytes) => (bytes === undefined || bytes === null ? null : decoder.decode(bytes));
  const change = (key, bytes) => {
    if (!recovered.has(key)) recovered.set(key, revisionOf(found.get(key)));
    if (bytes === null) found.delete(key);
    else found.set(key, bytes);
  };
  names.forEach((name, moment) => {
    let changes;
    try {
      ({ changes } = JSON.parse(localStorage.getItem(name)));
    } catch {
      return;
    }
    if (!Array.isArray(changes) || !changes.every(sound)) return;
    handled.push(name);
    if (changes.every(({ key, text }) => textOf(found.get(key)) === text)) return;
    // Only a document's head has a revision; its parts are taken with it.
    const later = changes.every(({ key, text }) => text === null || revisionIn(text) === 0 || revisionOf(found.get(key)) < revisionIn(text));
    for (const { key, text } of changes) {
      if (later) change(key, text === null ? null : encoder.encode(text));
      else if (text !== null) {
        const [kept, copy] = keptCopy(key, now, "a change made as a page was closed, after another tab or window had changed it", text, moment);
        change(kept, encoder.encode(copy));
      }
    }
  });
  if (recovered.size > 0) taken = handled;
  else forget(...handled);
  return recovered;
}

/** The revision in a document's text (0 for none). Envelopes write it among
 * their first fields. */
function revisionIn(text) {
  const found = /"revision":(\d+)/.exec(text.slice(0, 512));
  return found ? Number(found[1]) : 0;
}

/** The revision in a stored document's bytes (0 for none). */
function revisionOf(bytes) {
  if (bytes === undefined || bytes === null) return 0;
  return revisionIn(decoder.decode(bytes.subarray(0, 512)));
}

/** Another tab stored `key` while this one held a change to it not yet
 * stored: theirs is kept in IndexedDB and in memory, and this tab's change
 * stays on its screen, for the person to choose ("sp-clash:" and the key). */
function clashed(key, theirs) {
  unstored.delete(key);
  if (theirs === undefined || theirs === null) memory.delete(key);
  else memory.set(key, theirs);
  window.dispatchEvent(new Event(`sp-clash:${key}`));
}

/** Another tab stored `changes` (each a key and its bytes, or null when
 * removed) in one transaction. All are in memory before any page hears of
 * one, so a document stored in parts is never read half old, half new. */
function changedInAnotherTab(changes) {
  const heard = [];
  for (const { key, value } of changes) {
    if (unstored.has(key)) {
      clashed(key, value);
      continue;
    }
    if (value === null) memory.delete(key);
    else memory.set(key, value);
    heard.push(key);
  }
  let storageArea = null;
  try {
    // Marks the event as another tab's, as the browser's own would be.
    storageArea = localStorage;
  } catch {}
  for (const key of heard) window.dispatchEvent(new StorageEvent("storage", { key, storageArea }));
}

/** The UTF-8 bytes stored under `key`, or undefined. */
export function get(key) {
  if (memory) return memory.get(key);
  const text = localStorage.getItem(key);
  return text === null ? undefined : encoder.encode(text);
}

/** The first `bytes` bytes stored under `key` as text, and its last
 * character other than a space, or nothing: an envelope's own fields without
 * copying a large document. */
export function peek(key, bytes) {
  const stored = get(key);
  if (stored === undefined) return [];
  let end = stored.length;
  while (end > 0 && stored[end - 1] <= 32) end--;
  return [decoder.decode(stored.subarray(0, bytes)), end > 0 ? String.fromCharCode(stored[end - 1]) : ""];
}

/** Every key stored. */
export function keys() {
  return memory ? [...memory.keys()] : localKeys();
}

/** Stores the UTF-8 `bytes` (a view of the app's memory) under `key`.
 * Returns "" when stored, or the name of the browser's error
 * ("QuotaExceededError" when storage is full). */
export function set(key, bytes) {
  if (key.startsWith(`${PREFIX}clinic`)) keepStorage();
  if (!memory) {
    try {
      localStorage.setItem(key, decoder.decode(bytes));
      return "";
    } catch (error) {
      const full = error && (error.name === FULL || error.code === 22 || error.code === 1014);
      return full ? FULL : (error && error.name) || "Error";
    }
  }
  const growth = bytes.length - (memory.get(key)?.length ?? 0);
  if (growth > 0 && growth > room) return FULL;
  room -= growth;
  changed(key);
  memory.set(key, bytes.slice());
  return "";
}

let askedToKeep = false;

/** Asks the browser, once a page first stores the clinic, to keep the site's
 * storage even when the device is short of space. The browser may say no,
 * and is asked again on the next page. */
function keepStorage() {
  if (askedToKeep || !navigator.storage?.persist) return;
  askedToKeep = true;
  navigator.storage
    .persisted()
    .then((kept) => kept || navigator.storage.persist())
    .catch(() => {});
}

/** Whether the browser has agreed to keep the site's storage. */
export function kept() {
  return navigator.storage?.persisted ? navigator.storage.persisted().catch(() => false) : Promise.resolve(false);
}

/** Removes `key`. Returns "" when removed, or the name of the browser's error. */
export function remove(key) {
  if (!memory) {
    try {
      localStorage.removeItem(key);
      return "";
    } catch (error) {
      return (error && error.name) || "Error";
    }
  }
  if (!memory.has(key)) return "";
  room += memory.get(key).length;
  changed(key);
  memory.delete(key);
  return "";
}

/** Notes that `key` is about to change in memory, before it does. */
function changed(key) {
  if (!unstored.has(key)) unstored.set(key, revisionOf(memory.get(key)));
  schedule();
  // For live sharing (js/sharing.js), which sends this tab's changes soon.
  dispatchEvent(new Event("sp-saved"));
}

/** Stores what is not stored yet, soon. */
function schedule() {
  if (scheduled) return;
  scheduled = true;
  // Once the screen has been drawn, so that the person sees their change
  // first; at once in a hidden page, which draws nothing.
  if (document.visibilityState === "visible") requestAnimationFrame(() => setTimeout(store, 0));
  else setTimeout(store, 0);
}

/** Writes every change not yet in IndexedDB, in one transaction, and tells
 * the other tabs. Transactions on the same documents are applied in the
 * order they are made, so a write never waits for the one before.
 * A page being left (`leaving`) writes at once, without first reading what
 * is stored: a page being closed runs no task after this one, so a write
 * waiting on its read would never be made. Such a write is given up (else
 * this one would be queued behind it, and lost with it when the page goes),
 * and its documents are written by this one. */
function store(leaving = false) {
  scheduled = false;
  if (leaving) {
    for (const giveUp of waitingOnRead) {
      const [bases, along] = giveUp();
      for (const [key, base] of bases) if (!unstored.has(key)) unstored.set(key, base);
      taken.push(...along);
    }
    waitingOnRead.clear();
  }
  if (unstored.size === 0) return;
  const bases = new Map(unstored);
  const keys = [...bases.keys()];
  unstored.clear();
  const along = taken;
  taken = [];
  // Written down first, in case the write is not made before the page goes.
  const down = leaving ? writeDown(keys) : null;
  // What is written is what memory held when these changes were taken: a
  // change made while this write waits on its read is the next write's,
  // whose base is what this one writes.
  const written = keys.map((key) => memory.get(key));
  let clashes = null;
  let givenUp = false;
  (async () => {
    const transaction = db.transaction(DOCUMENTS, "readwrite");
    const documents = transaction.objectStore(DOCUMENTS);
    // Another tab may have stored a document since this one last heard:
    // then nothing of this change is written over it.
    if (!leaving) {
      const giveUp = () => {
        givenUp = true;
        try {
          transaction.abort();
        } catch {}
        return [bases, along];
      };
      waitingOnRead.add(giveUp);
      const stored = await Promise.all(keys.map((key) => finished(documents.get(key)))).finally(() => waitingOnRead.delete(giveUp));
      if (keys.some((key, i) => revisionOf(stored[i]) !== bases.get(key))) {
        clashes = stored;
        transaction.abort();
        return;
      }
    }
    const changes = [];
    for (const [i, key] of keys.entries()) {
      const bytes = written[i];
      if (bytes === undefined) documents.delete(key);
      else documents.put(bytes, key);
      changes.push({ key, value: bytes ?? null });
    }
    if (channel) channel.postMessage({ changes });
    // Committed now, not when this page next gets round to it: the page may
    // be closed or reloaded a moment after a change.
    transaction.commit?.();
    await committed(transaction);
  })().then(
    () => {
      forget(down);
      if (clashes) {
        // What was written down stays, for the next page to keep aside.
        keys.forEach((key, i) => clashed(key, clashes[i]));
        return;
      }
      forget(...along);
      if (failure) {
        failure = null;
        measureRoom();
        window.dispatchEvent(new CustomEvent("sp-stored"));
      }
    },
    (error) => {
      forget(down);
      // Given up for a write made at once, which has these documents.
      if (givenUp) return;
      // Kept in memory, and written with the next try, over what is stored.
      for (const [key, base] of bases) unstored.set(key, base);
      taken.push(...along);
      failure = (error && error.name) || "Error";
      if (failure === FULL) room = 0;
      window.dispatchEvent(new CustomEvent("sp-not-stored", { detail: failure }));
    },
  );
}

/** Tries again to write what did not reach IndexedDB. */
export function retry() {
  measureRoom().then(store);
}

/** Why the last write to IndexedDB failed ("" when none did). */
export function failed() {
  return failure || "";
}

// Closing the page while changes are held only in its memory asks first.
window.addEventListener("beforeunload", (event) => {
  if (failure) event.preventDefault();
});

// A page being left, or put in the background (where a phone may close it),
// writes what is waiting at once.
const storeNow = () => {
  if (memory && (scheduled || waitingOnRead.size > 0)) store(true);
};
window.addEventListener("pagehide", storeNow);
document.addEventListener("visibilitychange", () => document.hidden && storeNow());

// The lock's key, while the clinic's records are unlocked, is held in the
// service worker's memory (public/sw.js), for this tab only: never in a
// storage the browser writes to its files. Moving to another area of the app
// in the same tab then does not ask for the passphrase again; closing the
// browser, or the service worker being stopped, forgets it.
const TAB = "sp-tab";

function tab() {
  let id = sessionStorage.getItem(TAB);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(TAB, id);
  }
  return id;
}

function toWorker(message) {
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (worker) worker.postMessage({ lockKey: message.do, tab: tab(), key: message.key });
}

/** Keeps `key` (text) for this tab, until `forgetKey`. */
export function keepKey(key) {
  try {
    toWorker({ do: "keep", key });
  } catch {}
}

/** Forgets this tab's key. */
export function forgetKey() {
  try {
    toWorker({ do: "forget" });
  } catch {}
}

/** This tab's key, or "" when none is kept (or no service worker answers). */
export function keptKey() {
  return new Promise((resolve) => {
    try {
      const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (!worker) return resolve("");
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(""), 2000);
      channel.port1.onmessage = (event) => {
        clearTimeout(timer);
        resolve(typeof event.data === "string" ? event.data : "");
      };
      worker.postMessage({ lockKey: "give", tab: tab() }, [channel.port2]);
    } catch {
      resolve("");
    }
  });
}
