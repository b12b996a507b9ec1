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

from playwright.sync_api import sync_playwright

from machine import BIN, ROOT, write

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
        sizes = []
        page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
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


def main() -> None:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        subprocess.run(["make", "build"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(NGINX.format(tmp=tmp, port=PORT, site=site))
        server = subprocess.Popen(["nginx", "-c", str(conf), "-p", tmp])
        time.sleep(1)
        base = f"http://127.0.0.1:{PORT}/"
        try:
            rows = []
            for name in PAGES:
                for preset in ("mobile", "desktop"):
                    r = lighthouse(base + name, preset, Path(tmp) / "report.json")
                    rows.append(f"| {name} | {preset} | {r['performance']} | {r['accessibility']} | "
                                f"{r['best-practices']} | {r['seo']} | {r['kb']:.1f} KB | {r['requests']} |")
                    print(rows[-1], flush=True)
            pages = sorted(p.name for p in site.glob("*.html")
                           if "http-equiv" not in p.read_text(encoding="utf-8")[:2000])
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                weights = cold_loads(base, pages, browser)
                latency = search_latency(base, browser)
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

Weight: the 75 KB target is not met. Of about 84 KB, Material's own JavaScript
(35 KB) and CSS (23 KB) are the bulk, and Material starts the search worker (12 KB)
and loads the search index (16 KB) on every first visit, before anyone searches.
Loading search only when the search box is first used would bring the first load
to about 57 KB, but needs a change to Material's bundle, which is in maintenance mode.

## Cold load of every page (compressed bytes on the wire, headers included)

| Page | Transfer | Requests |
|---|---|---|
{weight_rows}

## Search latency

From the last keystroke to the results list showing, median of 10 queries: {latency:.0f} ms.
""")


if __name__ == "__main__":
    main()
