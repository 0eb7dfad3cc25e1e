// The link-worker app's service worker: after one visit online, the app opens, reloads and
// records whole visits with no network.
//
// - It precaches exactly the files the follow-up needs, in a cache named after this release:
//   the build replaces VERSION with a hash of those files, so a new release is a new sw.js, which
//   the browser installs in the background while the old one keeps serving. When the page names
//   a definitions file (data-instruments-url), the follow-up needs that too, so it is kept with
//   them.
// - A new release takes over only when no page of the app is open (no skipWaiting): never in
//   the middle of a visit. On taking over, it deletes the previous releases' caches.
// - It answers only GETs of those files. Everything else (the intake's POSTs, other files) goes to
//   the network untouched and is never stored, so no personal data is ever cached. Unsent visits
//   live in the widget's own storage, not here.
// - The page and its definitions file (its configuration) are also checked against the server in
//   the background on each online start, so that an edit reaches the tablet by the next start.

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
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })));
      const url = await definitionsUrl(cache);
      // A definitions file that cannot be fetched now is reported by the widget itself.
      if (url) await cache.add(definitionsRequest(url, 'reload')).catch(() => {});
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      definitions = await definitionsUrl(await caches.open(CACHE));
      // On the first install, serve the page that installed it too. A later release activates
      // only once no page of the app is open, so this never swaps files under a visit.
      await self.clients.claim();
    })(),
  );
});

/**
 * The absolute address of the definitions file the cached page names (its data-instruments-url),
 * or null. Only addresses the widget itself would fetch: on this origin, or https.
 */
async function definitionsUrl(cache) {
  const page = await cache.match(PAGE_URL);
  if (!page) return null;
  const found = /\sdata-instruments-url\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(await page.text());
  if (!found) return null;
  const value = (found[1] ?? found[2] ?? found[3]).trim().replace(/&amp;/g, '&');
  if (value === '' || value.startsWith('//') || value.includes('\\')) return null;
  try {
    const url = new URL(value, PAGE_URL);
    url.hash = '';
    return url.origin === self.location.origin || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A request for the definitions file as the widget makes it (CORS, no cookies). */
function definitionsRequest(url, cache) {
  return new Request(url, { mode: 'cors', credentials: 'omit', cache });
}

// The definitions file of the cached page: undefined until read (just after this worker starts).
let definitions;
const definitionsKnown = caches
  .open(CACHE)
  .then(definitionsUrl)
  .then(
    (url) => (definitions = url),
    () => (definitions = null),
  );

/** The cache key of a request for a precached file, or null (undefined: not known yet). */
function precachedKey(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  // The page, opened as link-worker/ or link-worker/index.html (any query string is ignored).
  if (request.mode === 'navigate' && url.origin === self.location.origin && (url.pathname === new URL(PAGE_URL).pathname || url.href.split('?')[0] === `${PAGE_URL}index.html`)) {
    return PAGE_URL;
  }
  if (url.origin === self.location.origin && url.search === '' && PRECACHED.has(url.href)) return url.href;
  if (definitions === undefined) return undefined;
  return definitions !== null && request.url === definitions ? definitions : null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const key = precachedKey(request);
  if (key === null) return;
  if (key === undefined) {
    // Only while the worker is starting up: decide once the definitions file is known.
    event.respondWith(definitionsKnown.then(() => (request.url === definitions ? fromCache(definitions, request) : fetch(request))));
    return;
  }
  event.respondWith(fromCache(key, request));
  if (key === PAGE_URL) event.waitUntil(refreshConfiguration());
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  // Not there (storage cleared under us): the network, without storing the answer.
  return hit ?? fetch(request);
}

/**
 * Updates the cached page, then its definitions file, from the server, when it answers with
 * them. Offline, or on any error: the cached ones stay.
 */
async function refreshConfiguration() {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(PAGE_URL, { cache: 'no-cache', credentials: 'same-origin' });
    const type = response.headers.get('Content-Type') ?? '';
    if (response.ok && !response.redirected && response.type === 'basic' && type.startsWith('text/html')) {
      await cache.put(PAGE_URL, response);
    }
  } catch {
    return;
  }
  const url = await definitionsUrl(cache);
  if (url !== null) {
    try {
      const response = await fetch(definitionsRequest(url, 'no-cache'));
      if (response.ok && !response.redirected) await cache.put(url, response);
    } catch {
      // keep the cached one
    }
  }
  // A file the page no longer names is not kept.
  for (const request of await cache.keys()) {
    if (!PRECACHED.has(request.url) && request.url !== url) await cache.delete(request);
  }
  definitions = url;
}
