// The offline worker of one language's finished site, by Workbox (npm workbox-build, pinned in package.json).
// Run by handbook/offline.py, which starts it early and writes '{"site": "/abs/site", "lang": "en", "ignore": ["es"]}'
// to its standard input once the site is finished (handbook/node.py).
//
// The worker is offline-worker.js (what it caches, and how, is there), written to sw.js with the list of files to
// precache by injectManifest: each file's revision is the hash of what is served. Workbox's runtime modules that
// the worker uses go beside it, as one file (assets/workbox/workbox.js). Nothing is bundled at build time.
"use strict";

const fs = require("fs");
const path = require("path");
const { injectManifest } = require("workbox-build/build/inject-manifest"); // not the index: it loads the bundler

const { site, lang, ignore } = JSON.parse(fs.readFileSync(0, "utf8"));
// Workbox's runtime, in the order its modules need each other.
const RUNTIME = ["core", "routing", "strategies", "cacheable-response", "range-requests", "precaching"];
// The search worker's word rules for the language (Material's lunr languages); English needs none.
const lunr = lang === "en" ? [] : ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                                    `assets/javascripts/lunr/min/lunr.${lang}.min.js`];

function writeRuntime() {
  const from = path.dirname(require.resolve("workbox-build/package.json"));
  const modules = RUNTIME.map((name) => {
    const file = require.resolve(`workbox-${name}/build/workbox-${name}.prod.js`, { paths: [from] });
    return fs.readFileSync(file, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"); // no maps are served
  });
  const { version } = require(require.resolve("workbox-core/package.json", { paths: [from] }));
  const folder = path.join(site, "assets", "workbox");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "workbox.js"),
                   `// Workbox ${version} (MIT): ${RUNTIME.join(", ")}\n${modules.join("")}`);
}

writeRuntime();
injectManifest({
  swSrc: path.join(__dirname, "offline-worker.js"),
  swDest: path.join(site, "sw.js"),
  globDirectory: site,
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
