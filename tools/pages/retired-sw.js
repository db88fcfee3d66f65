// Takes the app down on every device that visited it: this file replaces the
// app's service worker at the same address. A device that kept a copy of the
// app finds this new version, which deletes the app's copies (its caches, not
// what people typed: that stays in the browser until they clear it), stops
// serving anything, and reloads open pages to the "This service has closed" page.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      for (const key of await caches.keys()) {
        if (key.startsWith("social-prescribing-")) await caches.delete(key);
      }
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
        client.navigate(client.url).catch(() => {});
      }
    })(),
  );
});
