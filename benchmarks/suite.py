"""The test suite's wall time, before and after a change, in one run: every tier on every core
(`./task test`'s pytest) and the unit tier (`make test-fast`), each revision checked out into a
temporary worktree and run with this checkout's venv and node_modules.

Usage: .venv/bin/python benchmarks/suite.py [BEFORE [AFTER]]   (or `make bench-suite`)
Targets: the whole suite at most 5 minutes of pytest, the unit tier at most 30 seconds. Run on a
quiet machine: the runs follow one another, so they see the same machine. Smoke mode times one
small unit module of HEAD only.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_compare import worktrees
from machine import BIN, QUIET, ROOT, SMOKE, short, tree_env, write

BEFORE = "1846f85"  # before one build per run for shared fixtures, HANDOUTS_ONLY and no offline step in test builds
SUITES = [("every tier, every core (`./task test`)", ["-n", "auto", "--dist", "loadgroup"]),
          ("unit tier (`make test-fast`)", ["tests/unit"])]
if SMOKE:
    SUITES = [("one unit module", ["tests/unit/test_citations.py"])]


def pytest_seconds(tree: Path, args: list[str], must_pass: bool) -> tuple[float, str]:
    """Wall time of one pytest run in ``tree`` and pytest's last line. A failing run of the revision measured
    (``must_pass``) stops the benchmark with pytest's own summary; one of the revision before is recorded as it is."""
    env = {**os.environ, **QUIET, **tree_env(tree), "HANDOUTS": "", "PYTHONDONTWRITEBYTECODE": "1"}  # tests set their own
    start = time.perf_counter()
    result = subprocess.run([str(BIN / "pytest"), "-q", "-p", "no:cacheprovider", *args], cwd=tree, env=env,
                            capture_output=True, text=True)
    seconds, summary = time.perf_counter() - start, (result.stdout.strip().splitlines() or ["no output"])[-1]
    if result.returncode != 0 and must_pass:
        raise SystemExit(f"pytest failed in {tree.name}:\n" + "\n".join(result.stdout.splitlines()[-40:]))
    print(f"{tree.name} {' '.join(args)}: {seconds:.1f} s, {summary}", flush=True)
    return seconds, summary


def main(before: str = "HEAD" if SMOKE else BEFORE, after: str = "HEAD") -> None:
    revs = list(dict.fromkeys([short(before), short(after)]))
    with tempfile.TemporaryDirectory() as tmp, worktrees(revs, Path(tmp)) as trees:
        for tree in trees.values():  # the benchmarks' smoke tests look for both in the checkout
            for shared in ("node_modules", ".venv"):
                os.symlink(ROOT / shared, tree / shared)
        # After first: a suite that fails stops the benchmark before the long run of the old revision.
        runs = {(name, rev): pytest_seconds(trees[rev], args, rev == revs[-1]) for name, args in SUITES
                for rev in reversed(revs)}
    rows = "\n".join(f"| {name} | `{rev}` | {runs[name, rev][0]:.0f} s ({runs[name, rev][0] / 60:.1f} min) "
                     f"| {runs[name, rev][1]} |" for name, _ in SUITES for rev in revs)
    write("suite.md", "Test suite wall time, before and after",
          f"`{revs[0]}` (before) against `{revs[-1]}` (after), one after the other in one run, on this "
          "checkout's venv. Real Chromium, both languages and PDFs read back; one run each.\n\n"
          f"| Suite | Revision | Wall time of pytest | pytest's summary |\n|---|---|---|---|\n{rows}\n\n"
          "Targets: every tier at most 5 min, the unit tier at most 30 s.")

if __name__ == "__main__":
    main(*sys.argv[1:])
