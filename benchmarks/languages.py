"""Build time of both languages (English, then Spanish into es/, as `make build` does)
against English alone. Target: at most 2.2 times English alone.

Usage: .venv/bin/python benchmarks/languages.py   (or `make bench-languages`)
PDFs are off (HANDOUTS=0): the site only, so the ratio measures the second build.
Each measurement is a fresh build into an empty directory; the median of RUNS is kept.
"""

import sys
import tempfile
from pathlib import Path

from machine import BIN, ROOT, median, timed, write

RUNS = 5
TARGET = 2.2


def english(out: Path) -> float:
    return timed([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)], ROOT, HANDOUTS="0")


def spanish(out: Path) -> float:
    return timed([str(BIN / "mkdocs"), "build", "--strict", "--config-file", "mkdocs.es.yml",
                  "--site-dir", str(out / "es")], ROOT, HANDOUTS="0")


def main() -> int:
    alone, both, es_only = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(RUNS):
            alone.append(english(Path(tmp) / f"en-{run}"))
            out = Path(tmp) / f"both-{run}"
            first = english(out)
            second = spanish(out)
            both.append(first + second)
            es_only.append(second)
    ratio = median(both) / median(alone)
    body = f"""
| Build | Median of {RUNS} (s) | Runs (s) |
|---|---|---|
| English alone (`mkdocs build`) | {median(alone):.2f} | {", ".join(f"{t:.2f}" for t in alone)} |
| Spanish alone (`mkdocs build -f mkdocs.es.yml`) | {median(es_only):.2f} | {", ".join(f"{t:.2f}" for t in es_only)} |
| Both, as `make build` runs them | {median(both):.2f} | {", ".join(f"{t:.2f}" for t in both)} |

Both languages take **{ratio:.2f}x** English alone (target at most {TARGET}x):
{"within" if ratio <= TARGET else "OVER"} the target. Each build is its own process, so the
fixed start-up (MkDocs, Material, macros, loading and checking data/) is paid twice; the
Spanish build also loads the English data first, to check every translation against it.
Whole-process wall time, PDFs off, {len(list((ROOT / 'docs').glob('*.md')))} pages per language.
"""
    write("languages.md", "Build time: English and Spanish against English alone", body)
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
