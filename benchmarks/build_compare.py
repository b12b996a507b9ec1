"""Build time at the real size, before and after a change, measured in one run on one machine.

Usage: .venv/bin/python benchmarks/build_compare.py [BEFORE [AFTER]]   (or `make bench-compare`)
BEFORE and AFTER are git revisions (default: the last commit before the `handbook` package,
and HEAD). Each is checked out into a temporary worktree and built with the same venv,
strict, PDFs off, each with its own `handbook` package, the two alternating so that both
see the same machine load.
"""

import contextlib
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import BIN, ROOT, SMOKE, median, runs, short, timed, tree_env, write

BEFORE = "a85c81e"  # the handbook before the foundation work: macros.py, overrides/hooks, scripts/
RUNS = runs(7)


@contextlib.contextmanager
def worktrees(revisions, parent: Path):
    """Each revision checked out in a folder under ``parent`` ({revision: folder}), removed afterwards."""
    trees: dict[str, Path] = {}
    try:
        for revision in dict.fromkeys(revisions):
            trees[revision] = parent / revision.replace("/", "-")
            subprocess.run(["git", "worktree", "add", "--detach", "--force", str(trees[revision]), revision],
                           cwd=ROOT, check=True, capture_output=True)
        yield trees
    finally:
        for tree in trees.values():
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)


def main(before: str = "HEAD" if SMOKE else BEFORE, after: str = "HEAD") -> None:
    """Smoke mode: HEAD against itself, built once."""
    with tempfile.TemporaryDirectory() as tmp, worktrees((before, after), Path(tmp)) as trees:
        times: dict[str, list[float]] = {rev: [] for rev in trees}
        for _ in range(RUNS):
            for rev, tree in trees.items():
                times[rev].append(timed([str(BIN / "mkdocs"), "build", "--strict", "-d", str(tree / "out")],
                                        tree, **tree_env(tree)))
        pages = {rev: len(list((tree / "docs").rglob("*.md"))) for rev, tree in trees.items()}
    rows = "\n".join(f"| `{short(rev)}` | {pages[rev]} | {median(times[rev]):.2f} s | {min(times[rev]):.2f} s |"
                     for rev in trees)
    ratio = median(times[after]) / median(times[before])
    write("build-compare.md", "Build time before and after",
          f"Strict build, PDFs off, median and best of {RUNS} runs each, the two revisions alternating.\n\n"
          f"| Revision | Pages | Median | Best |\n|---|---|---|---|\n{rows}\n\n"
          f"After / before: {ratio:.2f}x.")


if __name__ == "__main__":
    main(*sys.argv[1:])
