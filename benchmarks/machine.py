"""Shared by the benchmark scripts: what machine, when, and where results go."""

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


def describe() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{dt.date.today()}, {cpu}, {os.cpu_count()} cores, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def timed(cmd: list[str], cwd: Path, **env: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env={**os.environ, **QUIET, **env}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(values) -> float:
    return statistics.median(values)


def write(name: str, title: str, body: str) -> Path:
    path = RESULTS / name
    path.write_text(f"# {title}\n\nMeasured {describe()}.\n\n{body.strip()}\n", encoding="utf-8")
    print(path.read_text())
    return path
