// The offline worker of one language's finished site, by Workbox (npm workbox-build, pinned in package.json).
// Run by handbook/offline.py: node offline.cjs '{"site": "/abs/site", "lang": "en", "ignore": ["es"]}'
//
// - Precached at install (after the first page has loaded): every page, the search index, the site's styles,
//   scripts, search worker, icons and manifest; not the PDFs, not the build's own records (*.json but the index).
// - Pages are network-first: a reader online always gets today's page; offline, the copy last read, else the
//   precached one. The precache lists pages under "?precache" so that its route (cache-first) never answers a
//   page itself, and the page route falls back to it by path.
// - A PDF is kept once opened (cache-first); everything else from the site is served stale-while-revalidate.
// - The Workbox runtime is inlined into sw.js: nothing is fetched from a CDN.
"use strict";

const path = require("path");
const { generateSW } = require("workbox-build");

const { site, lang, ignore } = JSON.parse(process.argv[2]);
const id = `handbook-${lang}`;
// The search worker's word rules for the language (Material's lunr languages); English needs none.
const lunr = lang === "en" ? [] : ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                                    `assets/javascripts/lunr/min/lunr.${lang}.min.js`];

generateSW({
  globDirectory: site,
  swDest: path.join(site, "sw.js"),
  globPatterns: [
    "**/*.html",
    "search/search_index.json",
    "manifest.webmanifest",
    "assets/stylesheets/*.css",
    "stylesheets/*.css",
    "assets/javascripts/*.min.js",
    "assets/javascripts/workers/*.js",
    "javascripts/*.js",
    "assets/**/*.{svg,png,ico,woff2}",
    ...lunr,
  ],
  globIgnores: ["**/*.map", "partials/**", "sw.js", ...ignore.map((folder) => `${folder}/**`)],
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.js$/, // Material's hashed scripts (its stylesheets are trimmed)
  manifestTransforms: [(entries) => ({
    manifest: entries.map((e) => (e.url.endsWith(".html") ? { ...e, url: `${e.url}?precache` } : e)),
    warnings: [],
  })],
  cacheId: id,
  cleanupOutdatedCaches: true,
  clientsClaim: true, // the first visit's page is controlled at once: offline straight after
  skipWaiting: true,  // a new build's worker takes over on the next visit; pages are network-first
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  runtimeCaching: [
    {
      urlPattern: ({ url }) => url.pathname.endsWith(".pdf"),
      handler: "CacheFirst",
      options: { cacheName: `${id}-handouts`, cacheableResponse: { statuses: [200] }, rangeRequests: true },
    },
    {
      urlPattern: ({ request }) => request.mode === "navigate" || request.destination === "document",
      handler: "NetworkFirst",
      options: {
        cacheName: `${id}-pages`,
        cacheableResponse: { statuses: [200] },
        plugins: [{
          // Offline and never read: the precached copy of the page, whatever its query (?h=, ?q=).
          handlerDidError: async ({ request }) => {
            const url = new URL(request.url);
            url.search = "";
            url.hash = "";
            if (url.pathname.endsWith("/")) url.pathname += "index.html";
            return caches.match(url.href, { ignoreSearch: true });
          },
        }],
      },
    },
    {
      urlPattern: ({ sameOrigin }) => sameOrigin,
      handler: "StaleWhileRevalidate",
      options: { cacheName: `${id}-files`, cacheableResponse: { statuses: [200] } },
    },
  ],
}).then(({ count, size, warnings }) => {
  if (warnings.length) {
    console.error(warnings.join("\n"));
    process.exit(1);
  }
  console.log(`sw.js: ${count} files precached (${Math.round(size / 1024)} KB), pages network-first, ` +
              "PDFs kept once opened");
}).catch((error) => {
  console.error(String(error && error.message ? error.message : error).split("\n")[0]);
  process.exit(1);
});
