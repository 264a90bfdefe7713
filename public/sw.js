// thidua's service worker: after the first visit the app opens and works
// with the network off. Network first, so a newer build is taken as soon
// as it can be fetched; the cache answers when the network cannot. All
// data stays in localStorage: this worker only keeps the app's own files.
const CACHE = 'thidua-app';
const SHELL = ['/', '/index.html', '/thidua.js', '/thidua_bg.wasm', '/main.css', '/manifest.webmanifest', '/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true })
        .then((hit) => hit ?? (request.mode === 'navigate' ? caches.match('/index.html') : Response.error()))),
  );
});
