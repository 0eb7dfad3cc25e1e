// The link-worker app's service worker: after one visit online, the app opens, reloads and
// records whole visits with no network.
//
// - It precaches exactly the files the follow-up needs, in a cache named after this release:
//   the build replaces VERSION with a hash of those files, so a new release is a new sw.js, which
//   the browser installs in the background while the old one keeps serving.
// - A new release takes over only when no page of the app is open (no skipWaiting): never in
//   the middle of a visit. On taking over, it deletes the previous releases' caches.
// - It answers only same-origin GETs of the precached files. Everything else (the intake's POSTs,
//   other origins, other files) goes to the network untouched and is never stored, so no
//   personal data is ever cached. Unsent visits live in the widget's own storage, not here.
// - The page itself is also checked against the server in the background on each online start,
//   so that an edit of its configuration reaches the tablet by the next start.

const VERSION = 'development';
const CACHE_PREFIX = 'wellbeing-link-worker-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;

// Relative to this script (link-worker/sw.js).
const PAGE = './';
const FILES = [
  PAGE,
  'app.js',
  'link-worker.css',
  'manifest.webmanifest',
  'icon.svg',
  'icon-192.png',
  'icon-512.png',
  '../wellbeing.js',
  '../wellbeing-follow-up.js',
  '../wellbeing-follow-up_bg.wasm',
  '../main.css',
];

const PAGE_URL = new URL(PAGE, self.location.href).href;
const PRECACHED = new Set(FILES.map((f) => new URL(f, self.location.href).href));

self.addEventListener('install', (event) => {
  // Fetched past the HTTP cache, so the cache holds one release's files; any failure leaves this
  // release uninstalled and the previous one in charge.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      // On the first install, serve the page that installed it too. A later release activates
      // only once no page of the app is open, so this never swaps files under a visit.
      await self.clients.claim();
    })(),
  );
});

/** The cache key of a request for a precached file, or null. */
function precachedKey(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  // The page, opened as link-worker/ or link-worker/index.html (any query string is ignored).
  if (request.mode === 'navigate' && (url.pathname === new URL(PAGE_URL).pathname || url.href.split('?')[0] === `${PAGE_URL}index.html`)) {
    return PAGE_URL;
  }
  if (url.search !== '') return null;
  return PRECACHED.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const key = precachedKey(event.request);
  if (key === null) return;
  event.respondWith(fromCache(key, event.request));
  if (key === PAGE_URL) event.waitUntil(refreshPage());
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  // Not there (storage cleared under us): the network, without storing the answer.
  return hit ?? fetch(request);
}

/** Updates the cached page from the server, if it answers with the page. Offline: nothing. */
async function refreshPage() {
  try {
    const response = await fetch(PAGE_URL, { cache: 'no-cache', credentials: 'same-origin' });
    const type = response.headers.get('Content-Type') ?? '';
    if (response.ok && !response.redirected && response.type === 'basic' && type.startsWith('text/html')) {
      const cache = await caches.open(CACHE);
      await cache.put(PAGE_URL, response);
    }
  } catch {
    // No network: the cached page stays.
  }
}
