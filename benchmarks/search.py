"""Search latency on a phone, before and after a change, in one run: each revision is checked out into
a temporary worktree, both languages built strict (PDFs off) and served by nginx on 127.0.0.1, and
measured from disk too. Queries alternate between the revisions, so both see the same machine load.

Latency is timed inside the page, from the last key going down to the first frame drawn after the
results for the whole query arrived, with the CPU slowed as Lighthouse's phone is. (A clock in the
test driver would time the driver's own round trips, and a query whose shorter form already shows
results would look answered before it is.)

Usage: .venv/bin/python benchmarks/search.py [BEFORE [AFTER]]   (or `make bench-search`)
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_compare import worktrees
from lighthouse import served
from machine import BIN, PHONE, PHONE_CPU, QUIET, SMOKE, SMOKE_ENV, runs, short, tree_env, write
from playwright.sync_api import sync_playwright

BEFORE = "8fa0c08"  # before a result showed a section's first sentences instead of the whole section
QUERIES = {"en": ["aftercare", "numbing", "pregnant", "botox", "infection", "price", "keloid", "collagen",
                  "cold sore", "redness"],
           "es": ["cuidados", "crema anestésica", "embarazada", "bótox", "infeccion", "precio", "queloide",
                  "colágeno", "herpes labial", "enrojecimiento"]}
CONFIGS = {"en": "mkdocs.yml", "es": "mkdocs.es.yml"}
ROUNDS = runs(3)
TARGET_MS = 50

# Material's search worker messages: 2 asks a query, 3 brings its results. Every constructor assigned
# to window.Worker is timed: from disk the offline plugin's iframe shim replaces the real Worker.
TIMER = """(() => {
  const clock = window.__search = {key: 0, asked: 0, answered: 0, drawn: 0};
  function timed(Real) {
    if (!Real || Real.timed) return Real;
    const Timed = function (url, options) {
      const worker = new Real(url, options), post = worker.postMessage.bind(worker);
      worker.postMessage = m => { if (m && m.type === 2) clock.asked = performance.now(); post(m); };
      worker.addEventListener("message", e => { if (e.data && e.data.type === 3) clock.answered = performance.now(); });
      return worker;
    };
    Timed.timed = true;
    return Timed;
  }
  let current = timed(window.Worker);
  Object.defineProperty(window, "Worker", {configurable: true, get: () => current, set: v => { current = timed(v); }});
  document.addEventListener("keydown", () => { clock.key = performance.now(); clock.drawn = 0; }, true);
  new MutationObserver(() => {
    if (!clock.drawn && clock.answered > clock.asked && clock.asked > clock.key)
      requestAnimationFrame(() => { clock.drawn = clock.drawn || performance.now(); });
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
})();"""


def build(tree: Path, lang: str, dest: Path) -> Path:
    subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-f", CONFIGS[lang], "--site-dir", str(dest)],
                   cwd=tree, check=True, env={**os.environ, **QUIET, **SMOKE_ENV, **tree_env(tree)},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return dest


def open_phone(browser, base: str):
    page = browser.new_context(**PHONE).new_page()
    page.add_init_script(TIMER)
    page.cdp = page.context.new_cdp_session(page)
    page.goto(base + "index.html", wait_until="networkidle")
    return page


def latency(page, query: str) -> float:
    """One query: all but its last key typed and answered, then the last key, timed in the page.
    The CPU is slowed for this page only while it is measured: a slowed page keeps a core busy even
    when idle, and the pages open beside it would slow each other."""
    page.cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
    try:
        return typed(page, query)
    finally:
        page.cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})


def typed(page, query: str) -> float:
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query[:-1])
    page.wait_for_timeout(400)
    box.press(query[-1])
    page.wait_for_function("() => window.__search.drawn > 0")
    return page.evaluate("window.__search.drawn - window.__search.key")


def first_search(browser, base: str) -> float:
    """A new reader: tap the magnifier, type a word, wait for results; includes loading the index and
    worker, which wait for this first use. Timed by the driver: it is hundreds of milliseconds."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + "on-the-day.html", wait_until="networkidle")
    start = time.perf_counter()
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator("input.md-search__input").press_sequentially("numbing")
    page.wait_for_selector(".md-search-result__item a")
    context.close()
    return (time.perf_counter() - start) * 1000


def main(before: str = "HEAD" if SMOKE else BEFORE, after: str = "HEAD") -> None:
    before, after = short(before), short(after)
    revs = list(dict.fromkeys([before, after]))  # one revision when before is after
    langs = ["en"] if SMOKE else ["en", "es"]  # one language checks the script; each is a build
    queries = {lang: words[:2] if SMOKE else words for lang, words in QUERIES.items()}
    with tempfile.TemporaryDirectory() as folder, worktrees(revs, Path(folder)) as trees:
        tmp = Path(folder)
        sites = {(rev, lang): build(trees[rev], lang, tmp / f"site-{i}-{lang}")
                 for i, rev in enumerate(revs) for lang in langs}
        with served(sites, tmp) as bases:
            bases.update({(rev, lang, "disk"): site.as_uri() + "/" for (rev, lang), site in sites.items()})
            times: dict[tuple, list[float]] = {}
            firsts: dict[str, list[float]] = {}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                pages = {key: open_phone(browser, base) for key, base in bases.items()}
                for _ in range(ROUNDS):
                    for lang in langs:
                        for query in queries[lang]:
                            for rev in revs:  # alternating
                                for where in ("http", "disk"):
                                    key = (rev, lang) if where == "http" else (rev, lang, "disk")
                                    times.setdefault((rev, lang, where), []).append(latency(pages[key], query))
                    for rev in revs:
                        firsts.setdefault(rev, []).append(first_search(browser, bases[(rev, "en")]))
                browser.close()

    def cell(key) -> str:
        values = times[key]
        return f"{statistics.median(values):.0f} ms ({min(values):.0f}-{max(values):.0f})"

    rows = "\n".join(f"| {lang} | `{rev}` | {cell((rev, lang, 'http'))} | {cell((rev, lang, 'disk'))} |"
                     for lang in langs for rev in revs)
    first_rows = "\n".join(f"| `{rev}` | {statistics.median(firsts[rev]):.0f} ms |" for rev in revs)
    write("search.md", "Search latency on a phone, before and after", f"""
`{before}` (before) against `{after}` (after), in one run. Each revision's English and Spanish sites
built strict with PDFs off, served by nginx on 127.0.0.1 and opened from disk (file://), in Debian's
Chromium at 390 x 844 with the CPU slowed {PHONE_CPU} times (Lighthouse's phone profile).

From the last key going down to the first frame drawn after the results for the whole query
arrived, timed in the page: median (range) of {len(queries['en'])} queries a language, {ROUNDS} rounds,
the revisions alternating. Target: under {TARGET_MS} ms.

| Language | Revision | Over HTTP | From disk |
|---|---|---|---|
{rows}

A reader's first search (tap the magnifier, type "numbing", results; this loads the index and the
worker, which wait for the first use), English over HTTP, median of {ROUNDS}, timed by the test driver:

| Revision | First search |
|---|---|
{first_rows}
""")


if __name__ == "__main__":
    main(*sys.argv[1:])
