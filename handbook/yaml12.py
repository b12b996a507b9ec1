"""YAML 1.2 for data files and front matter: values load as written, or the file is refused.

ruamel.yaml reads YAML 1.2, so ``1:30`` stays text and ``yes`` is not true. On top:
a duplicate key fails; numbers that would not print back as written (``010``,
``1.50``) and dates stay text, so a model decides what they are; and every value
keeps the line it came from, for messages.
"""

import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from handbook.errors import HandbookError

Lines = dict[tuple, int]  # path of keys and list positions -> 1-based line


class _AsWritten(RoundTripConstructor):
    """Numbers only when they read back exactly as written; dates as text."""

    def construct_yaml_int(self, node):
        text = self.construct_scalar(node)
        return int(text) if re.fullmatch(r"-?(0|[1-9][0-9]*)", text) else str(text)

    def construct_yaml_float(self, node):
        text = self.construct_scalar(node)
        return float(text) if re.fullmatch(r"-?(0|[1-9][0-9]*)\.[0-9]*[1-9]", text) else str(text)

    def construct_yaml_timestamp(self, node, values=None):
        return str(self.construct_scalar(node))


for _tag, _method in [("int", "construct_yaml_int"), ("float", "construct_yaml_float"),
                      ("timestamp", "construct_yaml_timestamp")]:
    _AsWritten.add_constructor(f"tag:yaml.org,2002:{_tag}", getattr(_AsWritten, _method))


def _parser() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _AsWritten
    return yaml


def _plain(node, path: tuple, lines: Lines):
    """ruamel's round-trip objects as plain dicts, lists, str, int, float, bool; lines recorded."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if hasattr(node, "lc"):
                lines[path + (key,)] = node.lc.key(key)[0] + 1
            out[str(key) if not isinstance(key, (int, float, bool)) else key] = _plain(value, path + (key,), lines)
        return out
    if isinstance(node, list):
        for i in range(len(node)):
            if hasattr(node, "lc"):
                lines[path + (i,)] = node.lc.item(i)[0] + 1
        return [_plain(value, path + (i,), lines) for i, value in enumerate(node)]
    if isinstance(node, bool) or node is None:
        return node
    for kind in (str, int, float):
        if isinstance(node, kind):
            return kind(node)
    return node


def loads(text: str, label: str, first_line: int = 1) -> tuple[object, Lines]:
    """Parse YAML text; return plain data and its line map. Errors name ``label`` and the line."""
    try:
        data = _parser().load(text)
    except DuplicateKeyError as exc:
        key = re.search(r'duplicate key "([^"]*)"', exc.problem or "")
        first = exc.context_mark.line + first_line if exc.context_mark else "?"
        raise HandbookError(
            f"{label}, line {exc.problem_mark.line + first_line}: duplicate key '{key.group(1) if key else '?'}' "
            f"(already set on line {first}); keep one"
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + first_line}" if mark else ""
        hint = ""
        if re.search(r":\s+\{\{", text):
            hint = "; a value that starts with {{ must be in quotes: reason: \"{{ facts.x }} ...\""
        raise HandbookError(f"{label}{line}: YAML syntax error: {exc.problem}{hint}") from None
    except YAMLError as exc:
        raise HandbookError(f"{label}: not readable as YAML: {str(exc).splitlines()[0]}") from None
    lines: Lines = {}
    plain = _plain(data, (), lines)
    if first_line != 1:
        lines = {k: v + first_line - 1 for k, v in lines.items()}
    return plain, lines


def read_text(path: Path, label: str) -> str:
    """A file's text as UTF-8; a missing file or other encoding names the file."""
    if not path.is_file():
        raise HandbookError(f"{label}: file is missing")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise HandbookError(f"{label}, line {line}: not UTF-8 text; save the file as UTF-8") from None


def load(path: Path, label: str) -> tuple[object, Lines]:
    """Read and parse one YAML file."""
    return loads(read_text(path, label), label)
