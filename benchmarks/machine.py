"""Shared by the benchmark scripts: what machine, when, at which commit, and where results go.

BENCH_SMOKE=1 runs every benchmark at tiny sizes, once, and writes its result to BENCH_OUT
(a folder; the tests use it) instead of results/: so no benchmark can break unseen.
"""

import datetime as dt
import os
import platform
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
BIN = ROOT / ".venv" / "bin"
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SMOKE = os.environ.get("BENCH_SMOKE") == "1"
SMOKE_ENV = {"OFFLINE": "0"} if SMOKE else {}  # smoke mode checks the script, not the build: no Node step
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PHONE_CPU = 4  # Lighthouse's mobile profile: the CPU four times slower than this machine's


def runs(count: int) -> int:
    """How many times to measure: ``count``, or once in smoke mode."""
    return 1 if SMOKE else count


def commit() -> str:
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return short("HEAD") + (" with uncommitted changes" if dirty else "")


def short(revision: str) -> str:
    """A revision as its short commit hash, so results name what was measured, not 'HEAD'."""
    return subprocess.run(["git", "rev-parse", "--short", revision], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def describe() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{dt.date.today()} at commit {commit()}, {cpu}, {os.cpu_count()} cores, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def tree_env(tree: Path) -> dict[str, str]:
    """How a checked-out revision builds: PDFs off, its own ``handbook`` package, this checkout's Workbox."""
    return {"HANDOUTS": "0", "PYTHONPATH": str(tree), "NODE_PATH": str(ROOT / "node_modules")}


def timed(cmd: list[str], cwd: Path, **env: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env={**os.environ, **QUIET, **SMOKE_ENV, **env}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(values) -> float:
    return statistics.median(values)


def write(name: str, title: str, body: str) -> Path:
    path = (Path(os.environ["BENCH_OUT"]) if SMOKE else RESULTS) / name
    path.write_text(f"# {title}\n\nMeasured {describe()}.\n\n{body.strip()}\n", encoding="utf-8")
    print(path.read_text())
    return path
