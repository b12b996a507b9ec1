// The offline worker of one language's site. handbook/offline.cjs writes it to the site as sw.js, with the list
// of files to precache in place of the placeholder below (Workbox's injectManifest), and puts Workbox's runtime
// beside it in assets/workbox/. Its scope is its language's site; its caches are named after that scope.
//
// - Precached at install (after the first page has loaded): every page, the search index, the site's styles,
//   scripts, search worker, icons and manifest; not the PDFs. Pages are listed as "page.html?precache" so that
//   the precache route (cache-first) never answers a page itself: the page route falls back to it by path.
// - Pages are network-first: a reader online always gets today's page; offline, the copy last read, else the
//   precached one, whatever the query (?h=, ?q=).
// - A PDF is kept once opened (cache-first); everything else from the site is served stale-while-revalidate.
// - Nothing is fetched from a CDN: the runtime is the site's own file.
/* global workbox */
"use strict";

importScripts("assets/workbox/workbox.js");

const { cacheableResponse, core, precaching, rangeRequests, routing, strategies } = workbox;
const scope = self.registration.scope;
const cacheName = (kind) => `handbook-${kind}-${scope}`;
const ok = () => new cacheableResponse.CacheableResponsePlugin({ statuses: [200] });

const precachedPage = {
  handlerDidError: async ({ request }) => {
    const url = new URL(request.url);
    url.search = "";
    url.hash = "";
    if (url.pathname.endsWith("/")) url.pathname += "index.html";
    return caches.match(url.href, { ignoreSearch: true });
  },
};

core.setCacheNameDetails({ prefix: "handbook" });
self.skipWaiting(); // a new build's worker takes over on the next visit; pages are network-first
core.clientsClaim(); // the first visit's page is controlled at once: offline straight after
precaching.precacheAndRoute(self.__WB_MANIFEST);
precaching.cleanupOutdatedCaches();

routing.registerRoute(({ url }) => url.pathname.endsWith(".pdf"), new strategies.CacheFirst({
  cacheName: cacheName("handouts"), plugins: [ok(), new rangeRequests.RangeRequestsPlugin()],
}));
routing.registerRoute(({ request }) => request.mode === "navigate" || request.destination === "document",
  new strategies.NetworkFirst({ cacheName: cacheName("pages"), plugins: [ok(), precachedPage] }));
routing.registerRoute(({ sameOrigin }) => sameOrigin, new strategies.StaleWhileRevalidate({
  cacheName: cacheName("files"), plugins: [ok()],
}));
