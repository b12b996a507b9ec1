"""The shape of the code: one package, short modules, no import cycles, MkDocs only in the adapter."""

import ast
import subprocess
import sys
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "handbook"
MAX_LINES = 300


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path) -> set[str]:
    """The handbook modules one module imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("handbook"):
            found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules() else node.module
                      for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("handbook")}
    return found & set(modules())


def test_no_module_is_over_300_lines():
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert long == {}


def test_no_import_cycles():
    graph = {name: imports(path) - {name} for name, path in modules().items()}
    cycles = []

    def visit(node, trail):
        for nxt in sorted(graph[node]):
            if nxt in trail:
                cycles.append(trail[trail.index(nxt):] + [nxt])
            elif len(trail) < len(graph):
                visit(nxt, trail + [nxt])

    for start in graph:
        visit(start, [start])
    assert cycles == []


def test_macros_py_is_a_thin_entry_point():
    tree = ast.parse((ROOT / "macros.py").read_text())
    assert not [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert len((ROOT / "macros.py").read_text().splitlines()) < 20


def test_only_the_adapter_imports_mkdocs():
    """The rest of handbook/ imports, and is tested, with MkDocs and mkdocs-macros absent."""
    core = [name for name in modules() if not name.startswith("handbook.adapter") and name != "handbook.__main__"]
    blocked = "import sys; sys.modules.update(mkdocs=None, mkdocs_macros=None, material=None); "
    run = subprocess.run([sys.executable, "-c", blocked + "; ".join(f"import {name}" for name in core)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr.splitlines()[-1:]
