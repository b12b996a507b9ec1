"""How long the PDFs take to build, per page, on one core and on all cores.

Usage: .venv/bin/python benchmarks/pdf_bench.py [runs]   (or `make bench-pdf`)
PDF time = a full build minus the same build with HANDOUTS=0, median of the runs.
"""

import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

from machine import BIN, ROOT, median, timed, write


def build(site: Path, **env) -> float:
    return timed([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], ROOT, **env)


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)  # warm up caches and count the pages
        pdfs = sorted(site.glob("**/*.pdf"))
        pages = {p.relative_to(site).as_posix(): len(PdfReader(p).pages) for p in pdfs}
        total = sum(pages.values())
        base = median([build(site, HANDOUTS="0") for _ in range(runs)])
        rows = []
        for workers in ("1", "2"):
            full = median([build(site, HANDOUT_WORKERS=workers) for _ in range(runs)])
            pdf = full - base
            rows.append(f"| {workers} | {full:.2f} s | {pdf:.2f} s | {pdf / total:.3f} s |")
    listing = "\n".join(f"| `{name}` | {count} |" for name, count in pages.items())
    write("pdf.md", "PDF build time", f"""
{len(pages)} PDFs, {total} pages in all. Site build without PDFs: {base:.2f} s (median of {runs}).

| Workers | Full build | PDF part | PDF time per page |
|---|---|---|---|
{chr(10).join(rows)}

Target: under 1 s per page (median), using both cores.

| PDF | Pages |
|---|---|
{listing}
""")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
