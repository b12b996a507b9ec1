"""The shape of the code: one package, short modules, no import cycles, the theme free of Python."""

import ast
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "handbook"
MAX_LINES = 300


def modules() -> dict[str, Path]:
    return {f"handbook.{p.stem}" if p.stem != "__init__" else "handbook": p for p in sorted(PACKAGE.glob("*.py"))}


def imports(path: Path) -> set[str]:
    """The handbook modules one module imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("handbook"):
            found |= {f"{node.module}.{a.name}" if node.module == "handbook" else node.module for a in node.names}
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
