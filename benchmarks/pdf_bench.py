"""How long the PDFs take to build, per page, on one core and on both cores.

Usage: .venv/bin/python benchmarks/pdf_bench.py [runs]   (or `make bench-pdf`)
Each run is a full strict build; the PDF time is what the handouts hook reports
for its own step ("PDFs: 6 files, 28 pages in 5.12 s"), so site-build noise stays out.
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import BIN, QUIET, ROOT, median, write
from pypdf import PdfReader

REPORT = re.compile(r"PDFs: (\d+) files, (\d+) pages in ([\d.]+) s")


def pdf_step(site: Path, workers: int) -> tuple[int, float]:
    """One strict build; the pages the PDFs have and the seconds the PDF step took."""
    env = {**os.environ, **QUIET, "HANDOUT_WORKERS": str(workers)}
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    found = REPORT.search(result.stderr + result.stdout)
    if not found:
        raise SystemExit(f"pdf_bench: no 'PDFs: ... pages in ... s' line in the build output:\n{result.stderr}")
    return int(found[2]), float(found[3])


def measure(site: Path, workers: int, runs: int) -> dict:
    results = [pdf_step(site, workers) for _ in range(runs)]
    pages = results[0][0]
    seconds = [s for _, s in results]
    return {"workers": workers, "pages": pages, "total": median(seconds),
            "per_page": median([s / pages for s in seconds]), "best": min(seconds), "worst": max(seconds)}


def main(runs: int) -> None:
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0]  # other work on the machine slows the figures down
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        pdf_step(site, cores)  # warm-up: file caches, fonts
        rows = [measure(site, workers, runs) for workers in sorted({1, cores})]
        counts = {p.relative_to(site).as_posix(): len(PdfReader(p).pages) for p in sorted(site.glob("**/*.pdf"))}
    table = "\n".join(f"| {r['workers']} | {r['total']:.2f} s | {r['best']:.2f} to {r['worst']:.2f} s "
                      f"| {r['per_page']:.3f} s |" for r in rows)
    listing = "\n".join(f"| `{name}` | {count} |" for name, count in counts.items())
    both = rows[-1]
    verdict = "meets" if both["per_page"] < 1 else "misses"
    write("pdf.md", "PDF build time", f"""
{len(counts)} PDFs, {both['pages']} pages in all. Each figure is the median of {runs} strict builds;
the time is the PDF step alone, as the build log reports it. Load average at the start: {load:.2f}.

| Workers | PDF step | Range | Per page |
|---|---|---|---|
{table}

Target: under 1 s per page (median), using both cores. With {both['workers']} workers it {verdict} the target:
{both['per_page']:.3f} s per page.

| PDF | Pages |
|---|---|
{listing}
""")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
