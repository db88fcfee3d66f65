// Keeps a copy of the app on the device so that it opens with no network.
// tools/postbuild.mjs fills in the build and its file list; a new build
// changes this file, which is how the browser learns there is an update.
const BUILD = "__BUILD_ID__";
const FILES = __PRECACHE__;
const PREFIX = "social-prescribing-";
const CACHE = PREFIX + BUILD;
const scope = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((file) => new Request(new URL(file, scope), { cache: "reload" }))),
    ),
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

// The page asks for this when the person chooses to reload into a new version.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
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
    event.respondWith(page(path, request));
  } else {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

// A page address is a folder or has no file extension: "", "plan", "plan/", "index.html".
function isPage(path) {
  const last = path.split("/").pop();
  return last === "" || last === "index.html" || !last.includes(".");
}

// Every page is index.html with a <base> that reaches the app's files from the
// page's folder, so any page (even one this build does not know) opens offline.
async function page(path, request) {
  const index = await caches.match(new URL("index.html", scope).href, { cacheName: CACHE });
  if (!index) return fetch(request);
  const depth = path.split("/").length - 1;
  const html = (await index.text()).replace('<base href="./">', `<base href="${"../".repeat(depth) || "./"}">`);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
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
