"""How long the PDFs take to build, per page, on one core and on both cores.

Usage: .venv/bin/python benchmarks/pdf_bench.py [runs]   (or `make bench-pdf`)
Each run is a full strict build; the PDF time is what the handouts hook reports
for its own step ("PDFs: 11 files, 88 pages in 5.12 s"), so site-build noise stays out.
The previous result is kept below the new one, so a change shows its before and after.
"""

import os
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import BIN, QUIET, RESULTS, ROOT, SMOKE, median, write
from pypdf import PdfReader

REPORT = re.compile(r"PDFs: (\d+) files, (\d+) pages in ([\d.]+) s")
TARGET = 0.5  # seconds per page, median, using every core
# The PDF step alone: no offline step (Node) in any build; in smoke mode one handout, not the whole set.
STEP = {"OFFLINE": "0", **({"HANDOUTS_ONLY": "before-treatment"} if SMOKE else {})}
PREVIOUS = "\n## Previous measurement\n"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(site: Path, **env: str) -> tuple[subprocess.CompletedProcess, float]:
    """One strict build and the CPU seconds it used (every process it started)."""
    before = children_cpu()
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env={**os.environ, **QUIET, **STEP, **env}, capture_output=True, text=True,
                            check=True)
    return result, children_cpu() - before


def pdf_step(site: Path, workers: int) -> tuple[int, float]:
    """One strict build; the pages the PDFs have and the seconds the PDF step took."""
    result, _ = build(site, HANDOUT_WORKERS=str(workers))
    found = REPORT.search(result.stderr + result.stdout)
    if not found:
        raise SystemExit(f"pdf_bench: no 'PDFs: ... pages in ... s' line in the build output:\n{result.stderr}")
    return int(found[2]), float(found[3])


def pdf_cpu_per_page(site: Path, runs: int) -> tuple[float, int]:
    """CPU seconds per PDF page: a build with PDFs minus one without. Other work on the machine
    slows the wall-clock figures down but hardly changes this one; on two idle cores the PDF
    step takes about half of it per page."""
    with_pdfs, without, steps = [], [], []
    pages = 0
    for _ in range(runs):
        result, cpu = build(site, HANDOUT_WORKERS="2")
        found = REPORT.search(result.stderr + result.stdout)
        pages = int(found[2])
        with_pdfs.append(cpu)
        steps.append(float(found[3]))
        without.append(build(site, HANDOUTS="0")[1])
    return (median(with_pdfs) - median(without)) / pages, pages, steps


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
        if not SMOKE:
            pdf_step(site, cores)  # warm-up: file caches, fonts
        # Smoke mode: one build with PDFs and one without, every figure taken from them.
        rows = [] if SMOKE else [measure(site, workers, runs) for workers in sorted({1, cores})]
        if rows:
            counts = {p.relative_to(site).as_posix(): len(PdfReader(p).pages) for p in sorted(site.glob("**/*.pdf"))}
        cpu, pages, steps = pdf_cpu_per_page(site, runs)  # its last build has no PDFs: count them first
        if not rows:
            counts = {"(smoke mode: not counted)": pages}
            rows = [{"workers": 2, "pages": pages, "total": median(steps), "per_page": median(steps) / pages,
                     "best": min(steps), "worst": max(steps)}]
    table = "\n".join(f"| {r['workers']} | {r['total']:.2f} s | {r['best']:.2f} to {r['worst']:.2f} s "
                      f"| {r['per_page']:.3f} s |" for r in rows)
    listing = "\n".join(f"| `{name}` | {count} |" for name, count in counts.items())
    both = rows[-1]
    # A busy machine (load above the core count) makes wall-clock time say little: judge by CPU time then.
    busy = load > cores
    estimate = cpu / 2 if busy else both["per_page"]
    verdict = "meets" if estimate < TARGET else "misses"
    old = (RESULTS / "pdf.md").read_text(encoding="utf-8") if (RESULTS / "pdf.md").exists() and not SMOKE else ""
    previous = old.split(PREVIOUS)[0].split("\n", 1)[-1].strip()  # the last result, without its title
    write("pdf.md", "PDF build time", f"""
{len(counts)} PDFs, {both['pages']} pages in all. Each figure is the median of {runs} strict builds;
the time is the PDF step alone, as the build log reports it. Load average at the start: {load:.2f}.

| Workers | PDF step | Range | Per page |
|---|---|---|---|
{table}

CPU time: {cpu:.3f} CPU seconds per page (a build with PDFs minus one without, median of {runs}), about
{cpu / 2:.3f} s per page of wall-clock time on two idle cores. Load on the machine hardly changes this figure.

Target: under {TARGET} s per page (median), using both cores. It {verdict} the target:
{estimate:.3f} s per page ({'from CPU time: the machine was busy' if busy else f"{both['workers']} workers, wall clock"}).

| PDF | Pages |
|---|---|
{listing}
{PREVIOUS}
{previous}
""")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1 if SMOKE else 5)
