// The theme's stylesheets of one language's finished site, without the rules no page can use (npm purgecss,
// pinned in package.json). Run by handbook/theme_css.py, which starts it early and writes
// '{"site": "/abs/site", "ignore": ["es"]}' to its standard input once the site is finished (handbook/node.py).
//
// A rule stays when every class, id, element and attribute it names appears in a page, in the search index or
// in a script (Material's bundle builds its search results, tooltips and dialogs from class names it spells out).
// Custom properties, @font-face and @keyframes all stay. Only Material's own files change; the handbook's are
// minified by handbook/minify.py.
"use strict";

const fs = require("fs");
const path = require("path");
const { PurgeCSS } = require("purgecss");

const { site, ignore } = JSON.parse(fs.readFileSync(0, "utf8"));
const at = (pattern) => path.join(site, pattern);

new PurgeCSS().purge({
  css: [at("assets/stylesheets/*.css")],
  content: [at("**/*.html"), at("search/search_index.json"), at("assets/javascripts/**/*.js"), at("javascripts/*.js")],
  skippedContentGlobs: ignore.map((folder) => at(`${folder}/**`)),
}).then((results) => {
  let before = 0, after = 0;
  for (const { file, css } of results) {
    before += fs.statSync(file).size;
    after += Buffer.byteLength(css);
    fs.writeFileSync(file, css);
  }
  if (!results.length) throw new Error(`no stylesheet in ${at("assets/stylesheets")}`);
  const files = results.length === 1 ? "1 file" : `${results.length} files`;
  console.log(`${files}, ${Math.round(before / 1024)} KB trimmed to ${Math.round(after / 1024)} KB`);
}).catch((error) => {
  console.error(String(error && error.message ? error.message : error).split("\n")[0]);
  process.exit(1);
});
