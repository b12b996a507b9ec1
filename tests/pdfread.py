"""Reading the built PDFs back: text, font sizes, how full each page is, and the tag structure.

Text is read by poppler's ``pdftotext -raw`` (in the order it is drawn, as pypdf reads it, at a
fifteenth of the time); sizes, positions and tags by pypdf."""

import re
import statistics
import subprocess
from functools import cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MM = 72 / 25.4

# Pages each handout may take, standard and large print, on A4 or Letter. Clear print (12 pt body, 16 pt large) with
# every source listed takes more paper than the old 9 pt handouts; where a budget is over two pages,
# the reason is given.
PAGE_BUDGET = {
    "before-treatment": (2, 3, "fits on both sides of one sheet"),
    "after-treatment": (5, 7, "the day-by-day figure and table, going back to work, aftercare, the when-to-get-help "
                        "figure and its three cards, and 11 sources (4 pages on A4, 5 on Letter; large print 7)"),
    "cost-and-faq": (3, 5, "eight questions answered, with 11 sources (large print: 4 pages and the review line)"),
    "is-it-right-for-me": (7, 10, "every condition in its own box with why, what to do and evidence: 17 boxes (6 pages on A4, 7 on Letter)"),
    "microneedling-vs-botox": (6, 11, "a figure of how each works, a 10-row comparison and every reason not to have "
                               "Botox, in boxes"),
}
TOP, BOTTOM = 16 * MM, 15 * MM  # the page margins in handbook/templates/pdf/_print_styles.html


@cache
def reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


def runs(page) -> list[tuple[str, float, float]]:
    """(text, font size in points as printed, baseline y) of every piece of text drawn on a page."""
    found = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        scale = tm[2] * cm[1] + tm[3] * cm[3]  # the text matrix times the current matrix: vertical scale
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        found.append((text, abs(size * scale) if scale else size, y))

    page.extract_text(visitor_text=visit)
    return found


@cache
def page_runs(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """``runs`` of each page, read once."""
    return [runs(page) for page in reader(pdf).pages]


@cache
def sizes(pdf: Path) -> list[float]:
    """The size of every character printed (so a median is the size most of the text is set in)."""
    return [round(size, 1) for page in page_runs(pdf) for t, size, _ in page for _ in t.strip()]


def size_summary(pdf: Path) -> tuple[float, float]:
    """The smallest and the median size of the characters in a PDF, in points."""
    found = sizes(pdf)
    return min(found), statistics.median(found)


def fills(pdf: Path) -> list[float]:
    """How far down each page's text area the text reaches, from 0 (empty) to 1 (full)."""
    found = []
    for page, drawn in zip(reader(pdf).pages, page_runs(pdf), strict=True):
        height = float(page.mediabox[3])
        ys = [y for _, _, y in drawn if BOTTOM + 2 < y < height - TOP]
        found.append(0.0 if not ys else (height - TOP - min(ys)) / (height - TOP - BOTTOM))
    return found


def text(pdf: Path) -> str:
    """All the words of a PDF, spaces collapsed."""
    return " ".join(page_texts(pdf))


def page_texts(pdf: Path) -> tuple[str, ...]:
    """Each page's words, spaces collapsed."""
    return tuple(" ".join(page.split()) for page in lines(pdf).split("\f")[:-1])  # each page ends with a form feed


def lines(pdf: Path) -> str:
    """The text as printed, line by line, pages ended by form feeds; read once per version of the file."""
    return _lines(pdf, pdf.stat().st_mtime_ns)


@cache
def _lines(pdf: Path, _version: int) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def word_boxes(pdf: Path) -> list[tuple[float, float, list[tuple[str, float, float, float, float]]]]:
    """Each page's width, height and words as (word, x0, top, x1, bottom) in points from the top left."""
    return _word_boxes(pdf, pdf.stat().st_mtime_ns)


@cache
def _word_boxes(pdf: Path, _version: int):
    from xml.etree import ElementTree

    found = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    ns = {"": "http://www.w3.org/1999/xhtml"}
    return [(float(page.get("width")), float(page.get("height")),
             [(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))) for w in page.iterfind("word", ns)])
            for page in ElementTree.fromstring(found).iterfind(".//page", ns)]


def _resolve(node):
    return node.get_object() if isinstance(node, IndirectObject) else node


def structure(pdf: Path) -> list[DictionaryObject]:
    """Every structure element of a tagged PDF, in document (reading) order."""
    root = reader(pdf).trailer["/Root"]
    found: list[DictionaryObject] = []
    seen: set[int] = set()

    def walk(node):
        node = _resolve(node)
        if isinstance(node, ArrayObject):
            for child in node:
                walk(child)
            return
        if not isinstance(node, DictionaryObject) or id(node) in seen:
            return
        seen.add(id(node))
        if "/S" in node:
            found.append(node)
        if "/K" in node:
            walk(node["/K"])

    walk(root["/StructTreeRoot"])
    return found


def tags(pdf: Path) -> list[str]:
    return [str(node["/S"]) for node in structure(pdf)]


def heading_levels(pdf: Path) -> list[int]:
    return [int(t[2]) for t in tags(pdf) if re.fullmatch(r"/H[1-6]", t)]


def outline_titles(pdf: Path) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(reader(pdf).outline)
    return titles
