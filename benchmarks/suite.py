"""The test suite's wall time: every tier on one core and on every core, and the unit tier alone.

Usage: .venv/bin/python benchmarks/suite.py   (or `make bench-suite`). Targets: the whole suite
at most 5 minutes of pytest, the unit tier (`make test-fast`) at most 30 seconds. Run on a quiet
machine: both whole-suite runs happen in one run, one after the other, so they see the same machine.
Smoke mode times one small unit module only.
"""

from machine import BIN, ROOT, SMOKE, timed, write

SUITES = [("every tier, every core (`./task test`)", ["-n", "auto", "--dist", "loadgroup"]),
          ("every tier, one core", ["-p", "no:xdist"]),
          ("unit tier (`make test-fast`)", ["tests/unit"])]
if SMOKE:
    SUITES = [("one unit module", ["tests/unit/test_editions.py"])]


def main() -> None:
    rows = []
    for name, args in SUITES:
        seconds = timed([str(BIN / "pytest"), "-q", "-p", "no:cacheprovider", *args], ROOT)
        rows.append(f"| {name} | {seconds:.0f} s ({seconds / 60:.1f} min) |")
    write("suite.md", "Test suite wall time",
          "Real Chromium, both languages and PDFs read back; one run each.\n\n"
          "| Suite | Wall time |\n|---|---|\n" + "\n".join(rows) + "\n\nTargets: every tier at most 5 min, "
          "the unit tier at most 30 s.")


if __name__ == "__main__":
    main()
