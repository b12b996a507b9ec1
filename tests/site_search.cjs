// A built site's own search, run in Node: the site's search worker (Material's, behind the handbook's),
// started by the page's own search-on-demand script (with its second, forgiving pass), fed the site's index.
// Usage: node tests/site_search.cjs SITE_DIR < queries.json  ->  for each query, the result groups
// (each a list of locations, the page first), as the search box shows them.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { fileURLToPath, pathToFileURL } = require("url");

const site = process.argv[2];
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's message types
const workers = path.join(site, "assets/javascripts/workers");

// A web worker: its own global, importScripts relative to the worker, messages passed asynchronously.
class NodeWorker {
  constructor(url) {
    const file = path.join(workers, path.basename(url));
    this.listeners = [];
    this.handlers = [];
    const scope = { console, setTimeout, clearTimeout, Promise, URL, location: pathToFileURL(file) };
    scope.self = scope;
    scope.addEventListener = (type, fn) => { if (type === "message") this.handlers.push(fn); };
    scope.postMessage = (data) => setImmediate(() => this.listeners.forEach((fn) => fn({ data })));
    const resolve = (u) => (u.startsWith("file:") ? fileURLToPath(u) : path.resolve(path.dirname(file), u));
    scope.importScripts = (...urls) => urls.forEach((u) => vm.runInContext(fs.readFileSync(resolve(u), "utf8"), scope));
    vm.createContext(scope);
    vm.runInContext(fs.readFileSync(file, "utf8"), scope);
  }
  addEventListener(type, fn) { if (type === "message") this.listeners.push(fn); }
  removeEventListener() {}
  postMessage(data) {  // one event, seen by each of the worker's listeners in turn
    const event = { data: structuredClone(data) };
    setImmediate(() => this.handlers.forEach((fn) => fn(event)));
  }
  terminate() {}
}

// The page's wrapper, as the page has it (the inline script that holds Material's worker back).
function wrapper() {
  const html = fs.readFileSync(path.join(site, "index.html"), "utf8");
  const code = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((s) => s.includes("RealWorker"));
  if (!code) throw new Error(`${site}/index.html: no search-on-demand script`);
  const page = { Worker: NodeWorker, XMLHttpRequest: function () {}, WeakSet, location: { search: "" },
                 document: { addEventListener() {} } };
  page.window = page;
  vm.createContext(page);
  vm.runInContext(code, page);
  const material = fs.readdirSync(workers).find((name) => /^search\.[0-9a-f]+\.min\.js$/.test(name));
  return new page.Worker(`assets/javascripts/workers/${material}`);
}

function ask(worker, message, type) {
  return new Promise((resolve) => {
    const once = (event) => {
      if (event.data.type !== type) return;
      worker.removeEventListener("message", once);
      resolve(event.data);
    };
    worker.addEventListener("message", once);
    worker.postMessage(message);
  });
}

(async () => {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  const worker = wrapper();
  // One listener per answer: the wrapper keeps every listener, so replies are matched in order.
  const replies = [];
  worker.addEventListener("message", (event) => { if (event.data.type === RESULT) replies.shift()(event.data); });
  await ask(worker, { type: SETUP, data: { ...index, options: { suggest: false } } }, READY);
  const found = [];
  for (const query of queries) {
    const result = await new Promise((resolve) => { replies.push(resolve); worker.postMessage({ type: QUERY, data: query }); });
    found.push(result.data.items.map((group) => group.map((doc) => doc.location)));
  }
  process.stdout.write(JSON.stringify(found));
})().catch((error) => { console.error(String(error)); process.exit(1); });
