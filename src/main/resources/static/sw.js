// Medkarta's service worker (issue 22, SPEC J1): the app installs and its shell (styles, scripts,
// icons) loads without a network; and a signed-in patient's upcoming appointments and the
// last-seen summary of their record stay readable offline, marked as an offline copy and as of
// when. No push: notifications stay SMS, e-mail and in-app.
//
// Medical pages are kept only when the server marks the response (header Medkarta-Offline-Copy,
// sent for a signed-in patient alone, never for staff); every page of a session that is not a
// patient's, the sign-out and the signed-out home page empty that cache (static/js/medkarta.js).
// Everything is fetched from the network first, so nothing stale is shown while online.

const SHELL = 'medkarta-shell-v1';
const PATIENT = 'medkarta-patient';
// The same pages as OfflineCopyHeader: the server still decides, per session, which it sends marked.
const KEPT = /^\/(appointments|record\/[0-9a-f-]{36})$/;
// The shell: styles, scripts and icons. Their addresses carry a hash of their content (Spring's
// resource chain), so they are kept as pages load them rather than listed here.
const SHELL_PREFIXES = ['/css/', '/js/', '/webjars/', '/icons/'];
const SHELL_FILES = ['/icons/icon-192.png', '/icons/icon-512.png', '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('medkarta-shell-') && key !== SHELL).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'forget-patient') {
    event.waitUntil(caches.delete(PATIENT));
  }
});

function escape(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The kept page with a banner that says it is an offline copy and as of when. */
async function offlineCopy(kept) {
  const html = await kept.text();
  const savedAt = new Date(Number(kept.headers.get('Medkarta-Saved-At')) || Date.now());
  const english = /<html[^>]*\slang="en"/.test(html);
  const when = savedAt.toLocaleString(english ? 'en-GB' : 'ru-RU', {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
  const text = english ? `No network — data as of ${when}` : `Нет сети — данные на ${when}`;
  const banner = `<div class="alert alert-warning m-0 rounded-0 text-center" role="status" id="offline-banner">`
    + `<strong>${escape(text)}</strong></div>`;
  const marked = html.replace(/<main\b[^>]*>/, (main) => `${main}${banner}`);
  return new Response(marked, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

async function page(request) {
  const key = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get('Medkarta-Offline-Copy') === 'patient') {
      const body = await response.clone().arrayBuffer();
      const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Medkarta-Saved-At': String(Date.now()) });
      const cache = await caches.open(PATIENT);
      await cache.put(key, new Response(body, { headers }));
    }
    return response;
  } catch (offline) {
    const kept = await (await caches.open(PATIENT)).match(key);
    if (kept) {
      return offlineCopy(kept);
    }
    throw offline;
  }
}

async function shell(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(SHELL);
      await cache.put(new URL(request.url).pathname, response.clone());
    }
    return response;
  } catch (offline) {
    const kept = await caches.match(new URL(request.url).pathname, { cacheName: SHELL });
    if (kept) {
      return kept;
    }
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  // Only the pages that may be kept go through the worker; every other page is the browser's own.
  if (request.mode === 'navigate' && KEPT.test(url.pathname)) {
    event.respondWith(page(request));
  } else if (SHELL_FILES.includes(url.pathname) || SHELL_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
    event.respondWith(shell(request));
  }
});
