"""The one front-matter reader: the build, the overdue command, the PDFs and the tests use it.

Front matter is read as YAML 1.2 from the page file itself, so what an editor
wrote is what the build publishes (MkDocs' own YAML 1.1 reading is replaced).
"""

import datetime as dt
import re
from pathlib import Path

from handbook.errors import HandbookError, check_ids
from handbook.messages import validate
from handbook.models import PageMeta
from handbook.sandbox import TEMPLATE_MARK
from handbook.yaml12 import loads, read_text

FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
MAX_REVIEW_GAP_DAYS = 366  # next review at most a year after the last one


def split(text: str) -> tuple[str, int]:
    """The front matter's YAML and how many lines of the file it takes (0 if none)."""
    match = FRONT.match(text)
    return (match.group(1) or "", match.group(0).count("\n")) if match else ("", 0)


def read_meta(path: Path, label: str) -> dict:
    """A page's front matter as plain values; errors name the page and the line."""
    yaml_text, used = split(read_text(path, label))
    if not used:
        raise HandbookError(f"{label}: no front matter; copy the block between --- lines from templates/page.md")
    data, lines = loads(yaml_text, f"{label} front matter", first_line=2)
    if not isinstance(data, dict):
        raise HandbookError(f"{label} front matter: should be a set of 'key: value' lines")
    _no_templates(data, lines, f"{label} front matter")
    return data


def _no_templates(node: object, lines: dict, where: str, path: tuple = ()) -> None:
    """Front matter is shown as written: ``{{`` there would be run as a template (a title is rendered)."""
    if isinstance(node, dict):
        for key, value in node.items():
            _no_templates(value, lines, where, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _no_templates(value, lines, where, path + (i,))
    elif isinstance(node, str) and TEMPLATE_MARK.search(node):
        raise HandbookError(f"{where}, line {lines.get(path, '?')}, key '{path[-1]}': '{{{{', '{{%' and '{{#' are "
                            "not allowed in front matter; write plain text")


def check_meta(meta: dict, label: str, today: dt.date | None = None, references=()) -> PageMeta:
    """Validate a page's front matter: review fields present and sensible, sources known."""
    page = validate(PageMeta, meta, f"{label} front matter")
    where = f"{label} front matter"
    if references:
        check_ids(page.sources, references, "source id", f"{where}, key 'sources'")
    today = today or dt.date.today()
    if page.last_reviewed > today:
        raise HandbookError(f"{where}, key 'last_reviewed': {page.last_reviewed} is in the future")
    if page.next_review <= page.last_reviewed:
        raise HandbookError(f"{where}, key 'next_review': must be after last_reviewed")
    if (page.next_review - page.last_reviewed).days > MAX_REVIEW_GAP_DAYS:
        raise HandbookError(f"{where}, key 'next_review': at most 12 months after last_reviewed "
                            f"({page.last_reviewed}); pages are reviewed every year")
    return page


def read_page(path: Path, label: str, today: dt.date | None = None, references=()) -> PageMeta:
    """Read and check one page's front matter."""
    return check_meta(read_meta(path, label), label, today, references)


def pages(docs: Path) -> dict[str, Path]:
    """Every Markdown page under ``docs``, keyed by its label (docs/x.md)."""
    return {f"docs/{p.relative_to(docs).as_posix()}": p for p in sorted(docs.rglob("*.md"))}


def overdue(meta: PageMeta, today: dt.date) -> bool:
    return meta.next_review < today
