"""Run one of the handbook's Node scripts (``handbook/*.cjs``) with the checkout's npm packages.

The packages are pinned in package.json and installed by ``npm ci`` (``make node``). A script loads its
packages at once, then reads one JSON value on its standard input: so a build can start it early, and the
loading overlaps the build. What it prints on success is returned, and its last error line stops the build.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

from handbook.errors import HandbookError

PACKAGE = Path(__file__).resolve().parent.parent  # the checkout: its node_modules, after `npm ci`
NEEDS_NODE = "run `npm ci` (make node), or set OFFLINE=0 to build without it"
TIMEOUT = 300  # seconds


def node_modules(package: str) -> list[Path]:
    """Where an npm package may be: the checkout's node_modules, the working folder's, then NODE_PATH."""
    found = [PACKAGE / "node_modules", Path.cwd() / "node_modules"]
    found += [Path(p) for p in os.environ.get("NODE_PATH", "").split(os.pathsep) if p]
    return list(dict.fromkeys(p for p in found if (p / package).is_dir()))


class Script:
    """``handbook/<script>``, started now and given its config by ``run``; ``step`` and ``what`` name it in
    the one-line error. Missing Node or packages are reported by ``run``, so that a build's own mistakes come
    first. ``stop`` ends it unused (a build that failed first)."""

    def __init__(self, step: str, script: str, package: str, what: str):
        self.step, self.what, self.process, self.missing = step, what, None, None
        node, modules = shutil.which("node"), node_modules(package)
        if node is None:
            self.missing = f"{step}: Node.js is not installed (`node` is not on PATH); install it and {NEEDS_NODE}"
        elif not modules:
            self.missing = f"{step}: {package} is not installed (no node_modules/{package}); {NEEDS_NODE}"
        else:
            self.process = subprocess.Popen(
                [node, str(Path(__file__).with_name(script))], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True, env={**os.environ, "NODE_PATH": os.pathsep.join(map(str, modules))})

    def run(self, config: dict) -> str:
        if self.process is None:
            raise HandbookError(self.missing)
        try:
            out, err = self.process.communicate(json.dumps(config), timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.stop()
            raise HandbookError(f"{self.step}: {self.what}: no answer in {TIMEOUT} s") from None
        if self.process.returncode != 0:
            lines = (err or out).strip().splitlines() or ["no message"]
            raise HandbookError(f"{self.step}: {self.what}: {lines[-1]}")
        return out.strip()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
