// The search worker: Material's, with the finished words of a question that lunr counts as stop words
// ("what", "is", "the"; "qué", "el") taken out of the query first. Material gives every word a wildcard,
// and a wildcard skips lunr's stop-word filter, so "is it painful" matched "isotretinoin" and a whole
// question ranked the sections with the most words after it. The word still being typed keeps its
// wildcard. The build writes this file beside Material's worker and names that worker below
// (handbook/search_worker.py).
"use strict";
var SETUP = 0, QUERY = 2;  // Material's message types
var languages = ["en"];
var MODIFIED = /[+\-~^*:"]/;

function stopWord(word) {
  var lunr = self.lunr, token = new lunr.Token(word, {});
  return languages.some(function (lang) {
    var filter = lang === "en" ? lunr.stopWordFilter : lunr[lang] && lunr[lang].stopWordFilter;
    return filter && filter(token) === undefined;
  });
}

function withoutStopWords(query) {
  var words = query.trim().split(/\s+/), typing = /[^\s?!.]$/.test(query) ? words.length - 1 : -1;
  var kept = words.filter(function (word, index) {
    var bare = word.toLowerCase().replace(/^[¿¡"'(]+|[?!.,;:"')]+$/g, "").replace(/[~^]\d*$/, "");
    return index === typing || !bare || MODIFIED.test(bare) || !stopWord(bare);
  });
  return kept.length ? kept.join(" ") : query;
}

// Registered before Material's worker loads, so it sees each message first.
addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) languages = message.data.config.lang;
  else if (message.type === QUERY && typeof message.data === "string") message.data = withoutStopWords(message.data);
});

// From file:// the iframe-worker shim runs this as a page script: names resolve against its address.
var here = typeof document !== "undefined" ? document.querySelector("script[src]").src : self.location.href;
importScripts(new URL(MATERIAL_WORKER, here).href);
