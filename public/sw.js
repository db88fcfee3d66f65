// Keeps a copy of the app on the device so that it opens with no network.
// tools/build.mjs fills in the build and its files; a new build changes this
// file, which is how the browser learns there is an update.
//
// Each area of the app (home, refer, plan, clinic) is its own bundle, kept
// once the person has opened it: a patient's phone never downloads the
// clinic's code, nor the pages of parts it has not opened (about 12 KB). An
// area never opened says so when there is no network. Where the build draws a page's
// first screen into its HTML (tools/prerender.mjs), the area's page named here
// is its undrawn copy (loading.html): it answers for every page of the area.
const BUILD = "__BUILD_ID__";
const SHARED = __SHARED__;
const AREAS = __AREAS__;
// Which area a page is in: the first whose path is the page or a folder above it.
const AREA_PATHS = __AREA_PATHS__;
const PREFIX = "social-prescribing-";
const CACHE = PREFIX + BUILD;
// Which areas this device has opened, kept in the cache so an update keeps them.
const OPENED = "areas-opened";
const scope = new URL(self.registration.scope);

const inScope = (file) => new URL(file, scope).href;

function areaOf(path) {
  const page = path.replace(/\/+$/, "").replace(/(^|\/)index\.html$/, "");
  const found = AREA_PATHS.find(([area]) => page === area || page.startsWith(`${area}/`));
  return found ? found[1] : "home";
}

async function openedAreas() {
  const opened = new Set();
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX)) continue;
    const kept = await (await caches.open(key)).match(inScope(OPENED));
    if (kept) for (const area of await kept.json()) if (area in AREAS) opened.add(area);
  }
  return opened;
}

async function markOpened(cache, areas) {
  await cache.put(inScope(OPENED), new Response(JSON.stringify([...areas])));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // The areas open in a window now (a first visit), and those opened before (an update).
      const areas = await openedAreas();
      for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
        const url = new URL(client.url);
        if (url.pathname.startsWith(scope.pathname)) areas.add(areaOf(url.pathname.slice(scope.pathname.length)));
      }
      const files = [...SHARED];
      for (const area of areas) files.push(AREAS[area].page, ...AREAS[area].files);
      const cache = await caches.open(CACHE);
      await cache.addAll([...new Set(files)].map((file) => new Request(inScope(file), { cache: "reload" })));
      await markOpened(cache, areas);
      // The practice's own config.json is not part of the build (only its
      // example is), so it is kept when it is there, for use offline.
      try {
        const config = await fetch(new Request(inScope("config.json"), { cache: "reload" }));
        if (config.ok) await cache.put(inScope("config.json"), config);
      } catch (error) {
        // Offline or missing: the app says what is missing when it reads it.
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The lock's key for each tab while the clinic's records are unlocked, held
// here in memory only (js/store.js): never written to any file.
const lockKeys = new Map();

self.addEventListener("message", (event) => {
  // The page asks for this when the person chooses to reload into a new version.
  if (event.data === "skip-waiting") self.skipWaiting();
  const message = event.data || {};
  if (typeof message.tab !== "string") return;
  if (message.lockKey === "keep" && typeof message.key === "string") lockKeys.set(message.tab, message.key);
  if (message.lockKey === "forget") lockKeys.delete(message.tab);
  if (message.lockKey === "give" && event.ports[0]) event.ports[0].postMessage(lockKeys.get(message.tab) || "");
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (path === "config.json") {
    event.respondWith(networkFirst(request));
  } else if (request.mode === "navigate" && isPage(path)) {
    event.respondWith(page(path));
  } else {
    event.respondWith(keptOrFetched(request, path));
  }
});

// A page address is a folder or has no file extension: "", "plan", "plan/", "index.html".
function isPage(path) {
  const last = path.split("/").pop();
  return last === "" || last === "index.html" || !last.includes(".");
}

// Every page of an area is that area's page with a <base> that reaches the
// app's files from the page's folder, so any page (even one this build does
// not know) opens offline once its area has been opened. An area opened for
// the first time is fetched whole, its page with it, before its page is shown.
async function page(path) {
  const area = areaOf(path);
  let template;
  try {
    [template] = await Promise.all([AREAS[area].page, ...AREAS[area].files].map((file) => kept(inScope(file), area)));
  } catch (error) {
    return notYetOpened();
  }
  const depth = path.split("/").length - 1;
  const html = (await template.text()).replace(/<base href="[^"]*">/, `<base href="${"../".repeat(depth) || "./"}">`);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function keptOrFetched(request, path) {
  const area = Object.keys(AREAS).find((name) => AREAS[name].files.includes(path));
  if (area) return kept(request.url, area);
  return (await caches.match(request)) || fetch(request);
}

// One of an area's files from the cache, or fetched and kept, with the area
// remembered as opened. Throws when it is not kept and cannot be fetched.
async function kept(url, area) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  if (hit) return hit;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await cache.put(url, response.clone());
  const opened = await openedAreas();
  if (!opened.has(area)) await markOpened(cache, opened.add(area));
  return response;
}

// The practice edits config.json by hand, so fetch it fresh when online.
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url, response.clone());
    return response;
  } catch (error) {
    return (await cache.match(request.url)) || Response.error();
  }
}

function notYetOpened() {
  const html = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>No internet connection - Social prescribing</title>
<style>body{font-family:arial,sans-serif;margin:0 auto;padding:16px;max-width:40em;color:#212b32;line-height:1.5}h1{font-size:2rem;line-height:1.2}a{color:#005eb8}</style></head>
<body><main><h1>No internet connection</h1>
<p>This part of the app has not been opened on this device before, so it needs the internet the first time.</p>
<p>Try again when you are connected. The parts you have already used still work without a connection.</p>
<p>If you need help now, call <a href="tel:999">999</a> in an emergency, <a href="tel:111">NHS 111</a> for urgent medical help, or Samaritans on <a href="tel:116123">116 123</a> at any time.</p>
</main></body></html>`;
  // Made here, so its Content-Security-Policy (filled in by tools/csp.mjs) goes in its header.
  const headers = { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "__NOT_OPENED_CSP__" };
  return new Response(html, { headers });
}
