// What the app keeps on a device, read and written as a test needs: the
// documents are in IndexedDB (js/store.js), and anything an older version of
// the app left in localStorage is moved there when a page opens. They are
// stored as UTF-8 bytes; these helpers read and write them as text. The app
// writes a change once the screen showing it has been drawn, so each helper
// first lets a frame pass: what the person has seen is then in IndexedDB.

/** Lets the app write what it has shown (a frame, then a task). */
const settle = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20))));

/** Every document stored, by key: IndexedDB's and localStorage's together. */
export async function storedDocuments(page) {
  await settle(page);
  return page.evaluate(async () => {
    const documents = await new Promise((resolve, reject) => {
      const opening = indexedDB.open("social-prescribing", 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore("documents");
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        const store = db.transaction("documents").objectStore("documents");
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => {
          db.close();
          const text = new TextDecoder();
          resolve(Object.fromEntries(keys.result.map((key, i) => [key, text.decode(values.result[i])])));
        };
        values.onerror = () => reject(values.error);
      };
    });
    return { ...Object.fromEntries(Object.entries(localStorage)), ...documents };
  });
}

/** Everything stored, as one text, to search for what must not be there. */
export async function storedText(page) {
  const documents = await storedDocuments(page);
  return Object.entries(documents).map(([key, text]) => `${key}=${text}`).join("\n");
}

/** Changes IndexedDB as another program would (a document's text, or null
 * to remove it): the page must be loaded again to see it. `asAnotherTab`
 * then tells the app's tabs, as another tab of the app would, and does not
 * wait for a frame first. */
export async function changeStored(page, changes, { asAnotherTab = false } = {}) {
  if (!asAnotherTab) await settle(page);
  return page.evaluate(
    ([changes, asAnotherTab]) =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open("social-prescribing", 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore("documents");
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const transaction = db.transaction("documents", "readwrite");
          const store = transaction.objectStore("documents");
          for (const [key, text] of Object.entries(changes)) {
            if (text === null) store.delete(key);
            else store.put(new TextEncoder().encode(text), key);
          }
          transaction.oncomplete = () => {
            db.close();
            if (asAnotherTab) {
              const channel = new BroadcastChannel("social-prescribing");
              // As the app tells other tabs: one transaction's changes in one message.
              const told = Object.entries(changes).map(([key, text]) => ({ key, value: text === null ? null : new TextEncoder().encode(text) }));
              channel.postMessage({ changes: told });
            }
            resolve();
          };
          transaction.onerror = transaction.onabort = () => reject(transaction.error);
        };
      }),
    [changes, asAnotherTab],
  );
}

/** The device loses everything the app stored. */
export async function clearStored(page) {
  await page.evaluate(() => localStorage.clear());
  const keys = Object.keys(await storedDocuments(page));
  await changeStored(page, Object.fromEntries(keys.map((key) => [key, null])));
}

/** Holds a write to IndexedDB open from `page` (another tab of the app),
 * so that every other write waits behind it, until the function returned is
 * called. */
export async function holdWriting(page) {
  await page.evaluate(
    () =>
      new Promise((started) => {
        const opening = indexedDB.open("social-prescribing");
        opening.onsuccess = () => {
          const documents = opening.result.transaction("documents", "readwrite").objectStore("documents");
          window.holdingWrite = true;
          const more = () => {
            documents.get("nothing").onsuccess = () => window.holdingWrite && more();
          };
          more();
          started();
        };
      }),
  );
  return () => page.evaluate(() => {
    window.holdingWrite = false;
  });
}

/**
 * Everything the browser keeps for the app's origin, as one text: every
 * IndexedDB database (not only the app's), every store and value in it,
 * localStorage, sessionStorage and every service worker cache's responses.
 * For tests that search for what must not be readable there.
 */
export async function everythingStored(page) {
  await settle(page);
  return page.evaluate(async () => {
    const asText = async (value) => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
      if (value instanceof Blob) return value.text();
      return typeof value === "string" ? value : JSON.stringify(value);
    };
    const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const found = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await request(indexedDB.open(name));
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName).objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        for (let i = 0; i < keys.length; i++) found.push(`indexedDB ${name}/${storeName}/${keys[i]}=${await asText(values[i])}`);
      }
      db.close();
    }
    for (const [area, storage] of [["localStorage", localStorage], ["sessionStorage", sessionStorage]]) {
      for (let i = 0; i < storage.length; i++) found.push(`${area} ${storage.key(i)}=${storage.getItem(storage.key(i))}`);
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const cached of await cache.keys()) found.push(`cache ${name} ${cached.url}=${await (await cache.match(cached)).text()}`);
    }
    return found.join("\n");
  });
}
