"""Build time of both languages (English, then Spanish into es/, as `make build` does with
`python -m handbook build`, one process) against English alone (`mkdocs build`).
Target: at most 2.2 times English alone.

Usage: cd benchmarks && ../.venv/bin/python languages.py
PDFs are off (HANDOUTS=0): the site only, so the ratio measures the second build.
Each measurement is a fresh build into an empty directory; the median of RUNS is kept.
"""

import sys
import tempfile
from pathlib import Path

from machine import BIN, ROOT, SMOKE, median, runs, timed, write

RUNS = runs(9)
TARGET = 2.2


def english(out: Path) -> float:
    return timed([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)], ROOT, HANDOUTS="0")


def spanish(out: Path) -> float:
    return timed([str(BIN / "mkdocs"), "build", "--strict", "--config-file", "mkdocs.es.yml",
                  "--site-dir", str(out / "es")], ROOT, HANDOUTS="0")


def together(out: Path) -> float:
    return timed([str(BIN / "python"), "-m", "handbook", "build", str(out)], ROOT, HANDOUTS="0")


def main() -> int:
    alone, both, es_only, separate = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(RUNS):  # interleaved, so a busy moment on a shared machine hits all of them
            alone.append(english(Path(tmp) / f"en-{run}"))
            both.append(together(Path(tmp) / f"both-{run}"))
            out = Path(tmp) / f"sep-{run}"
            first = alone[-1] if SMOKE else english(out)  # smoke: the one run above stands for it
            es_only.append(spanish(out))
            separate.append(first + es_only[-1])
    ratio = median(both) / median(alone)
    body = f"""
| Build | Median of {RUNS} (s) | Runs (s) |
|---|---|---|
| English alone (`mkdocs build`) | {median(alone):.2f} | {", ".join(f"{t:.2f}" for t in alone)} |
| Spanish alone (`mkdocs build -f mkdocs.es.yml`) | {median(es_only):.2f} | {", ".join(f"{t:.2f}" for t in es_only)} |
| Both as two processes (`mkdocs build`, then `-f mkdocs.es.yml`) | {median(separate):.2f} | {", ".join(f"{t:.2f}" for t in separate)} |
| **Both in one process, as `make build` runs them** (`python -m handbook build`) | {median(both):.2f} | {", ".join(f"{t:.2f}" for t in both)} |

Both languages take **{ratio:.2f}x** English alone (target at most {TARGET}x):
{"within" if ratio <= TARGET else "OVER"} the target; as two processes, {median(separate) / median(alone):.2f}x.
One process pays Python's, MkDocs' and Material's start-up once, and the Spanish build checks
every translation against the English data the English build loaded.
Whole-process wall time, PDFs off, {len(list((ROOT / 'docs').glob('*.md')))} pages per language,
medians of {RUNS} interleaved runs on a machine shared with other work (the spread shows how busy it was).
"""
    write("languages.md", "Build time: English and Spanish against English alone", body)
    return 0 if ratio <= TARGET or SMOKE else 1


if __name__ == "__main__":
    sys.exit(main())
