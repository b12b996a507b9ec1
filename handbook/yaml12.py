"""YAML 1.2 for data files and front matter: values load as written, or the file is refused.

ruamel.yaml parses (its C parser when ruamel.yaml.clib is there) and resolves tags by
YAML 1.2, so ``1:30`` stays text and ``yes`` is not true. From its nodes this module
builds plain values: a duplicate key fails; numbers that would not print back as
written (``010``, ``1.50``) and dates stay text, so a model decides what they are; and
every value keeps the line it came from, for messages.
"""

import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from handbook.errors import HandbookError
from handbook.sandbox import check_characters, line_of

Lines = dict[tuple, int]  # path of keys and list positions -> 1-based line
TAG = "tag:yaml.org,2002:"
PLAIN_TAGS = {TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
MAX_DEPTH = 20  # levels of nesting: the deepest data file uses 6
MAX_CHARS = 1_000_000
MAX_INDENT = 80  # columns of indentation and "- " before a line's value
BLOCK_INDENT = re.compile(r"^(?:[ \t]*(?:[-?:][ \t]+)?)*")


class _Duplicate(Exception):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def _scalar(node: ScalarNode):
    """A scalar as written: only plain numbers that print back the same, true/false and null are not text."""
    text, tag = node.value, node.tag
    if not node.style:  # plain, unquoted
        if tag == TAG + "int" and re.fullmatch(r"-?(0|[1-9][0-9]{0,15})", text):  # longer stays text
            return int(text)
        if tag == TAG + "float" and re.fullmatch(r"-?(0|[1-9][0-9]*)\.[0-9]*[1-9]", text):
            return float(text)
        if tag == TAG + "bool":
            return text == "true"
        if tag == TAG + "null":
            return None
    return text


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def _plain(node, path: tuple, lines: Lines, first_line: int, seen: set | None = None):
    seen = set() if seen is None else seen
    line = node.start_mark.line + first_line
    if id(node) in seen:  # an alias (*name): one anchor can expand into billions of values
        raise _Refused(line, "YAML aliases (*name) are not allowed; write the value out")
    if node.tag not in PLAIN_TAGS:
        raise _Refused(line, f"YAML tag {node.tag.replace(TAG, '!!')} is not allowed; write the value as plain text")
    if len(path) > MAX_DEPTH:
        raise _Refused(line, f"nested more than {MAX_DEPTH} levels deep")
    seen.add(id(node))
    lines[path] = line
    if isinstance(node, MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, ScalarNode) else str(key_node.value)
            if key in out:
                raise _Duplicate(str(key), key_node.start_mark.line + first_line, lines[path + (key,)])
            out[key] = _plain(value_node, path + (key,), lines, first_line, seen)
            lines[path + (key,)] = key_node.start_mark.line + first_line  # the key's line, not the value's
        return out
    if isinstance(node, SequenceNode):
        return [_plain(item, path + (i,), lines, first_line, seen) for i, item in enumerate(node.value)]
    return _scalar(node)


def _parser() -> YAML:
    return YAML(typ="safe")  # ruamel's C parser when installed, else its pure-Python one; YAML 1.2 tags either way


def loads(text: str, label: str, first_line: int = 1) -> tuple[object, Lines]:
    """Parse YAML text; return plain data and its line map. Errors name ``label`` and the line."""
    if len(text) > MAX_CHARS:
        raise HandbookError(f"{label}: {len(text):,} characters, more than {MAX_CHARS:,}; split the file")
    check_characters(text, label, first_line)
    _check_flow_depth(text, label, first_line)
    try:
        node = _parser().compose(text)
        lines: Lines = {}
        data = _plain(node, (), lines, first_line) if node is not None else None
    except _Duplicate as dup:
        raise HandbookError(f"{label}, line {dup.line}: duplicate key '{dup.key}' (already set on line {dup.first}); "
                            "keep one") from None
    except _Refused as refused:
        raise HandbookError(f"{label}, line {refused.line}: {refused.message}") from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + first_line}" if mark else ""
        hint, rows = "", text.splitlines() or [""]
        if re.search(r":\s+\{\{", text):
            hint = "; a value that starts with {{ must be in quotes: reason: \"{{ facts.x }} ...\""
        elif mark and re.search(r"\?\s*[],]", rows[min(mark.line, len(rows) - 1)]):
            hint = '; in a [list], put a question that ends with ? in quotes: ["is it safe?"]'
        raise HandbookError(f"{label}{line}: YAML syntax error: {exc.problem}{hint}") from None
    except YAMLError as exc:
        raise HandbookError(f"{label}: not readable as YAML: {str(exc).splitlines()[0]}") from None
    return data, lines


def _check_flow_depth(text: str, label: str, first_line: int) -> None:
    """Nesting past the limit is refused before the parser sees it (it would crash): brackets, and
    indentation or "- - -" at the start of a line."""
    for number, line in enumerate(text.splitlines(), first_line):
        if len(line) - len(BLOCK_INDENT.sub("", line, count=1)) > MAX_INDENT:
            raise HandbookError(f"{label}, line {number}: nested more than {MAX_DEPTH} levels deep")
    depth = 0
    for i, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise HandbookError(f"{label}, line {line_of(text, i) + first_line - 1}: "
                                    f"nested more than {MAX_DEPTH} levels deep")
        elif char in "]}" and depth:
            depth -= 1


def read_text(path: Path, label: str) -> str:
    """A file's text as UTF-8; a missing file or other encoding names the file."""
    if not path.is_file():
        raise HandbookError(f"{label}: file is missing")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise HandbookError(f"{label}, line {line}: not UTF-8 text; save the file as UTF-8") from None
    if text.startswith("\ufeff"):
        raise HandbookError(f"{label}, line 1: the file starts with a byte-order mark (BOM); save it as UTF-8 "
                            "without BOM")
    return text


def load(path: Path, label: str) -> tuple[object, Lines]:
    """Read and parse one YAML file."""
    return loads(read_text(path, label), label)
