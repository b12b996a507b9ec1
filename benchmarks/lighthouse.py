"""Lighthouse scores, cold-load page weight and page height on a phone (search latency: search.py),
before and after a change, in one run: each revision is checked out into a temporary
worktree, built strict (PDFs off) and served as a static host serves it (Debian's nginx,
gzip on, 127.0.0.1); Lighthouse runs alternate between the two, so both see the same machine.
The Spanish edition (es/) of the after revision is scored with the same targets (results/web-es.md).

Usage: .venv/bin/python benchmarks/lighthouse.py [BEFORE [AFTER]]   (or `make bench-web`)
BEFORE and AFTER are git revisions (default: the site before the patient-first pages, and HEAD).
Needs: nginx, chromium (Debian) and `npm ci` (Lighthouse is pinned in package.json).
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_compare import worktrees
from machine import BIN, PHONE, QUIET, ROOT, SMOKE, SMOKE_ENV, median, runs, short, tree_env, write
from playwright.sync_api import sync_playwright

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
# Smoke mode (BENCH_SMOKE=1): HEAD alone (before and after the same), one run, the phone preset, and one
# Lighthouse run in all, on the Spanish home page; the English one is loaded and measured, not scored.
PAGES = ["index.html"] if SMOKE else ["index.html", "microneedling-vs-botox.html", "after-treatment.html"]
SCORED = [] if SMOKE else PAGES
SPANISH = ["es/index.html"] if SMOKE else ["es/index.html", "es/microneedling-vs-botox.html", "es/after-treatment.html"]
PRESETS = ("mobile",) if SMOKE else ("mobile", "desktop")
BEFORE = "a85c81e"  # the site before the patient-first pages (home, callouts, phone comparisons, checklist)
RUNS = runs(3)      # Lighthouse runs per page, preset and revision; the median is reported
TARGET_KB = 75
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
        sizes: list[int] = []
        page.on("requestfinished", lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
        page.goto(base + name, wait_until="networkidle")
        rows.append((name, sum(sizes) / 1024, len(sizes)))
        context.close()
    return rows


def build_site(tree: Path, dest: Path, spanish: bool = False) -> Path:
    """A strict build of one worktree (PDFs off: they are downloads, not part of any page view);
    ``spanish``: the Spanish edition too, into es/, as `make build` places it."""
    for config, folder in [("mkdocs.yml", dest)] + ([("mkdocs.es.yml", dest / "es")] if spanish else []):
        subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-f", config, "--site-dir", str(folder)], cwd=tree,
                       check=True, env={**os.environ, **QUIET, **SMOKE_ENV, **tree_env(tree)},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return dest


def free_port() -> int:
    """A port no one holds now, so benchmarks that run side by side never share a server."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx(site: Path, tmp: Path) -> tuple[subprocess.Popen, str]:
    """nginx serving `site` on a free port, once it answers; returns the server and its base URL."""
    tmp.chmod(0o755)  # nginx's workers run as another user and must reach the site
    port = free_port()
    work = tmp / f"nginx-{port}"
    work.mkdir()
    conf = work / "nginx.conf"
    conf.write_text(NGINX.format(tmp=work, port=port, site=site))
    server = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work)])
    for _ in range(50):
        if server.poll() is not None:
            raise SystemExit(f"nginx could not serve {site} on port {port}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"nginx did not answer on port {port}")


@contextlib.contextmanager
def served(sites: dict, tmp: Path):
    """Each site served by its own nginx while the block runs: {key: base URL}."""
    servers = []
    try:
        bases = {}
        for key, site in sites.items():
            server, bases[key] = nginx(site, tmp)
            servers.append(server)
        yield bases
    finally:
        for server in servers:
            server.terminate()


def phone_heights(base: str, browser) -> dict[str, int]:
    """Each measured page's whole height at 390 x 844, as first opened, once every part
    has been scrolled into view (parts laid out on demand count at their real height)."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    heights = {}
    for name in PAGES:
        page.goto(base + name, wait_until="networkidle")
        page.evaluate("""async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
            scrollTo(0, y); await new Promise(requestAnimationFrame);
          }
          scrollTo(0, 0);
        }""")
        heights[name] = page.evaluate("document.documentElement.scrollHeight")
    context.close()
    return heights


def scores_table(scores: dict, revs: list[str], pages: list[str]) -> str:
    rows = []
    for name in pages:
        for preset in PRESETS:
            for rev in revs:
                runs = scores[rev, name, preset]
                perf = [r["performance"] for r in runs]
                rest = " | ".join(str(min(r[k] for r in runs)) for k in ("accessibility", "best-practices", "seo"))
                rows.append(f"| {name} | {preset} | `{rev}` | {median(perf):.0f} ({min(perf)}-{max(perf)}) | {rest} "
                            f"| {runs[0]['kb']:.1f} KB | {runs[0]['requests']} |")
    return "\n".join(rows)


def score(scores: dict, bases: dict, tmp: Path, pages: list[str], revs: list[str]) -> None:
    """Lighthouse on each page, preset and revision, RUNS times, the revisions alternating."""
    for _ in range(RUNS):
        for name in pages:
            for preset in PRESETS:
                for rev in revs:  # alternating, so both see the same machine load
                    r = lighthouse(bases[rev] + name, preset, tmp / "report.json")
                    scores.setdefault((rev, name, preset), []).append(r)
                    print(rev, name, preset, r, flush=True)


def main(before: str = "HEAD" if SMOKE else BEFORE, after: str = "HEAD") -> None:
    before, after = short(before), short(after)
    revs = list(dict.fromkeys([before, after]))  # one revision when before is after
    with tempfile.TemporaryDirectory() as folder, worktrees(revs, Path(folder)) as trees:
        tmp = Path(folder)
        sites = {rev: build_site(trees[rev], tmp / f"site-{i}", spanish=rev == after) for i, rev in enumerate(revs)}
        with served(sites, tmp) as bases:
            scores: dict[tuple, list[dict]] = {}
            score(scores, bases, tmp, SCORED, revs)
            score(scores, bases, tmp, SPANISH, [after])
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                weights, heights = {}, {}
                for rev in revs:
                    pages = PAGES if SMOKE else sorted(f.name for f in sites[rev].glob("*.html")
                                                       if "http-equiv" not in f.read_text(encoding="utf-8")[:2000])
                    weights[rev] = {n: (kb, count) for n, kb, count in cold_loads(bases[rev], pages, browser)}
                    heights[rev] = phone_heights(bases[rev], browser)
                browser.close()

    def cell(rev: str, name: str) -> str:
        return f"{weights[rev][name][0]:.1f} KB ({weights[rev][name][1]})" if name in weights[rev] else "-"

    names = sorted(set(weights[before]) | set(weights[after]))
    weight_rows = "\n".join(f"| {n} | {cell(before, n)} | {cell(after, n)} |" for n in names)
    heaviest = max(weights[after].items(), key=lambda item: item[1][0])
    over = [n for n, (kb, _) in weights[after].items() if kb > TARGET_KB]
    height_rows = "\n".join(f"| {n} | {heights[before][n]:,} px | {heights[after][n]:,} px |" for n in PAGES)
    write("web.md", "Lighthouse, page weight and page height, before and after", f"""
`{before}` (before) against `{after}` (after), in one run. Each revision built strict with PDFs
off and served by nginx with gzip on 127.0.0.1; Lighthouse 13.5.0 (npm, pinned) driving
Debian's Chromium, {RUNS} runs per page, preset and revision, the revisions alternating.
Performance is the median (range); the other three are the lowest of the runs.

| Page | Preset | Revision | Performance | Accessibility | Best practices | SEO | Transfer | Requests |
|---|---|---|---|---|---|---|---|---|
{scores_table(scores, revs, SCORED)}

Targets: 100 in all four on a phone (the medians); first load at most {TARGET_KB} KB compressed. The search index and worker (about 30 KB) load only when a
reader first opens search, so they are not part of any first load.

## Cold load of every page (compressed bytes on the wire, headers included; requests)

| Page | Before | After |
|---|---|---|
{weight_rows}

Heaviest first load after: {heaviest[1][0]:.1f} KB ({heaviest[0]}); over {TARGET_KB} KB: {", ".join(over) or "none"}.

## Page height on a phone (390 x 844, the whole page as first opened)

| Page | Before | After |
|---|---|---|
{height_rows}
""")
    write("web-es.md", "Lighthouse on the Spanish edition", f"""
`{after}`, the English site with the Spanish edition built into es/, served as above; the same targets as
English (web.md): 100 in all four on a phone, first load at most {TARGET_KB} KB compressed. {RUNS} runs per page
and preset; performance is the median (range), the other three the lowest of the runs.

| Page | Preset | Revision | Performance | Accessibility | Best practices | SEO | Transfer | Requests |
|---|---|---|---|---|---|---|---|---|
{scores_table(scores, [after], SPANISH)}
""")


if __name__ == "__main__":
    main(*sys.argv[1:])
