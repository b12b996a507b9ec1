"""Lighthouse on two Spanish pages, with the same targets as English (benchmarks/lighthouse.py):
the whole site (English, then Spanish in es/) built as `make build` builds it, served by nginx.

Usage: cd benchmarks && ../.venv/bin/python lighthouse_es.py
"""

import os
import subprocess
import tempfile
from pathlib import Path

from lighthouse import PRESETS, lighthouse, nginx
from machine import BIN, QUIET, ROOT, SMOKE, SMOKE_ENV, write

PAGES = ["es/index.html"] if SMOKE else ["es/index.html", "es/microneedling-vs-botox.html", "es/after-treatment.html"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([str(BIN / "python"), "-m", "handbook", "build", str(site)], cwd=ROOT, check=True,
                       env={**os.environ, **QUIET, **SMOKE_ENV, "HANDOUTS": "0"}, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        server, base = nginx(site, Path(tmp))
        rows = []
        try:
            for name in PAGES:
                for preset in PRESETS:
                    r = lighthouse(base + name, preset, Path(tmp) / "report.json")
                    rows.append(f"| {name} | {preset} | {r['performance']} | {r['accessibility']} | "
                                f"{r['best-practices']} | {r['seo']} | {r['kb']:.1f} KB | {r['requests']} |")
                    print(rows[-1], flush=True)
        finally:
            server.terminate()
    write("web-es.md", "Lighthouse on the Spanish edition", f"""
Site built as `make build` builds it (English, then Spanish into es/), served by nginx with gzip
on 127.0.0.1; Lighthouse (npm, pinned) driving Debian's Chromium. Same targets as English
(benchmarks/results/web.md): 100 in all four on a phone; first load at most 75 KB.

| Page | Preset | Performance | Accessibility | Best practices | SEO | Transfer | Requests |
|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}
""")


if __name__ == "__main__":
    main()
