"""Lighthouse scores, cold-load page weight and search latency, with the site
served as a static host serves it (Debian's nginx, gzip on, 127.0.0.1).

Usage: .venv/bin/python benchmarks/lighthouse.py   (or `make bench-web`)
Needs: nginx, chromium (Debian) and `npm ci` (Lighthouse is pinned in package.json).
"""

import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from machine import BIN, QUIET, ROOT, write
from playwright.sync_api import sync_playwright

PORT = 8765
NGINX = """daemon off; worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types; access_log off;
  client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp}; uwsgi_temp_path {tmp}; scgi_temp_path {tmp};
  gzip on; gzip_min_length 256; gzip_comp_level 6;
  gzip_types text/css application/javascript application/json image/svg+xml text/plain;
  server {{ listen 127.0.0.1:{port}; root {site}; error_page 404 /404.html; }}
}}
"""
PAGES = ["index.html", "microneedling-vs-botox.html"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


def verdict(heaviest_kb: float) -> str:
    if heaviest_kb <= 75:
        return (f"Weight: the heaviest first load is {heaviest_kb:.1f} KB, within the 75 KB target. The search\n"
                "index and worker (about 30 KB) load only when a reader first opens search.")
    return (f"Weight: the heaviest first load is {heaviest_kb:.1f} KB, over the 75 KB target. Material's own\n"
            "JavaScript (35 KB) and CSS (23 KB) are the bulk.")


def lighthouse(url: str, preset: str, out: Path) -> dict:
    cmd = [str(ROOT / "node_modules/.bin/lighthouse"), url, "--output=json", f"--output-path={out}",
           f"--chrome-flags={CHROME_FLAGS}", "--quiet"]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    report = json.loads(out.read_text())
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    weight = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    requests = len(report["audits"]["network-requests"]["details"]["items"])
    return {**scores, "kb": weight, "requests": requests}


def cold_loads(base: str, pages: list[str], browser) -> list[tuple[str, float, int]]:
    rows = []
    for name in pages:
        context = browser.new_context()
        page = context.new_page()
        sizes: list[int] = []
        page.on("requestfinished", lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
        page.goto(base + name, wait_until="networkidle")
        rows.append((name, sum(sizes) / 1024, len(sizes)))
        context.close()
    return rows


def search_latency(base: str, browser, queries=("aftercare", "numbing", "pregnant", "botox", "infection",
                                                 "price", "keloid", "collagen", "cold sore", "redness")) -> float:
    page = browser.new_page()
    page.goto(base, wait_until="networkidle")
    times = []
    for query in queries:
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.fill("")
        box.press_sequentially(query[:-1])
        page.wait_for_timeout(300)
        start = time.perf_counter()
        box.press(query[-1])
        page.wait_for_function(
            "q => document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching|one matching/i)"
            " && document.querySelector('.md-search-result__item a')?.href.includes('h=')", arg=query)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_search(base: str, browser, runs: int = 5) -> float:
    """A new reader on a phone: tap the magnifier, type a word, wait for results.
    Includes loading the search index and worker, which wait for this first use."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(base + "on-the-day.html", wait_until="networkidle")
        start = time.perf_counter()
        page.locator('label.md-header__button[for="__search"]').click()
        page.locator("input.md-search__input").press_sequentially("numbing", delay=0)
        page.wait_for_selector(".md-search-result__item a")
        times.append((time.perf_counter() - start) * 1000)
        context.close()
    return statistics.median(times)


def build_site(dest: Path) -> Path:
    """A fresh strict build (PDFs off: they are downloads, not part of any page view)."""
    subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(dest)], cwd=ROOT, check=True,
                   env={**os.environ, **QUIET, "HANDOUTS": "0"}, stdout=subprocess.DEVNULL)
    return dest


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp) / "site")
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(NGINX.format(tmp=tmp, port=PORT, site=site))
        server = subprocess.Popen(["nginx", "-c", str(conf), "-p", tmp])
        time.sleep(1)
        base = f"http://127.0.0.1:{PORT}/"
        try:
            rows, first_loads = [], []
            for name in PAGES:
                for preset in ("mobile", "desktop"):
                    r = lighthouse(base + name, preset, Path(tmp) / "report.json")
                    rows.append(f"| {name} | {preset} | {r['performance']} | {r['accessibility']} | "
                                f"{r['best-practices']} | {r['seo']} | {r['kb']:.1f} KB | {r['requests']} |")
                    first_loads.append(r["kb"])
                    print(rows[-1], flush=True)
            pages = sorted(p.name for p in site.glob("*.html")
                           if "http-equiv" not in p.read_text(encoding="utf-8")[:2000])
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                weights = cold_loads(base, pages, browser)
                latency = search_latency(base, browser)
                first = first_search(base, browser)
                browser.close()
        finally:
            server.terminate()
    weight_rows = "\n".join(f"| {n} | {kb:.1f} KB | {count} |" for n, kb, count in weights)
    write("web.md", "Lighthouse, page weight and search latency", f"""
Site served by nginx with gzip on 127.0.0.1; Lighthouse 13.5.0 (npm, pinned) driving Debian's Chromium.

| Page | Preset | Performance | Accessibility | Best practices | SEO | Transfer | Requests |
|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Targets: 100 in all four (Performance at least 95); first load at most 75 KB compressed.
Plain Material with the same pages scored 98 / 92 / 96 / 90 on mobile at 66 KB.

{verdict(max(first_loads))}

## Cold load of every page (compressed bytes on the wire, headers included)

| Page | Transfer | Requests |
|---|---|---|
{weight_rows}

## Search latency

From the last keystroke to the results list showing, median of 10 queries: {latency:.0f} ms.

A reader's first search on a phone, from tapping the magnifier to the first results
(typing "numbing" and loading the index and worker, which wait for this first use),
median of 5: {first:.0f} ms.
""")


if __name__ == "__main__":
    main()
