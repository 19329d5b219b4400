/*
 * Corner POS service worker: lets the register open while the server cannot be reached.
 *
 * It keeps the last copy of the /pos page, its scripts and its styles that came from the network,
 * and answers with them only when the network fails. Nothing else is cached: API answers are never
 * touched (the page keeps its own copy of the register setup, and its sales in its outbox).
 */
'use strict';

const CACHE = 'corner-pos-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function cacheable(request) {
    if (request.method !== 'GET') return false;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) return false;
    if (request.mode === 'navigate') return url.pathname === '/pos' || url.pathname === '/pos/';
    return url.pathname.startsWith('/js/pos/') || url.pathname.startsWith('/css/pos');
}

async function networkFirst(request) {
    const cache = await caches.open(CACHE);
    const key = request.mode === 'navigate' ? '/pos' : request.url;
    try {
        const response = await fetch(request);
        // A redirect to the sign-in page, or an error, is not the register: keep the last good copy.
        if (response.ok && !response.redirected) await cache.put(key, response.clone());
        return response;
    } catch (offline) {
        const kept = await cache.match(key);
        if (kept) return kept;
        throw offline;
    }
}

self.addEventListener('fetch', (event) => {
    if (cacheable(event.request)) event.respondWith(networkFirst(event.request));
});
