"""Run one of the handbook's Node scripts (``handbook/*.cjs``) with the checkout's npm packages.

The packages are pinned in package.json and installed by ``npm ci`` (``make node``). A script is given one
JSON argument; what it prints on success is returned, and its last error line stops the build.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

from handbook.errors import HandbookError

PACKAGE = Path(__file__).resolve().parent.parent  # the checkout: its node_modules, after `npm ci`
NEEDS_NODE = "run `npm ci` (make node), or set OFFLINE=0 to build without it"


def node_modules(package: str) -> list[Path]:
    """Where an npm package may be: the checkout's node_modules, the working folder's, then NODE_PATH."""
    found = [PACKAGE / "node_modules", Path.cwd() / "node_modules"]
    found += [Path(p) for p in os.environ.get("NODE_PATH", "").split(os.pathsep) if p]
    return list(dict.fromkeys(p for p in found if (p / package).is_dir()))


def run_script(step: str, script: str, package: str, config: dict, what: str) -> str:
    """Run ``handbook/<script>`` with ``config``; ``step`` and ``what`` name it in the one-line error."""
    node = shutil.which("node")
    if node is None:
        raise HandbookError(f"{step}: Node.js is not installed (`node` is not on PATH); install it and {NEEDS_NODE}")
    modules = node_modules(package)
    if not modules:
        raise HandbookError(f"{step}: {package} is not installed (no node_modules/{package}); {NEEDS_NODE}")
    result = subprocess.run([node, str(Path(__file__).with_name(script)), json.dumps(config)], capture_output=True,
                            text=True, timeout=300, env={**os.environ, "NODE_PATH": os.pathsep.join(map(str, modules))})
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines() or ["no message"]
        raise HandbookError(f"{step}: {what}: {lines[-1]}")
    return result.stdout.strip()
