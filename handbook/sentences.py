"""Cutting text out of a page body, sentence by sentence or block by block, and swapping phrases.

Used by handbook.paper: a sentence that cannot be printed goes, and where it cannot be
cut out cleanly, its block goes with what only makes sense with it (its box, table row,
section or definition). Phrases are matched across lines and glossary <abbr> tags.
"""

import re
from collections.abc import Callable

from bs4 import NavigableString, Tag

INLINE = {"a", "abbr", "b", "strong", "em", "i", "span", "code", "sup", "sub", "mark", "small", "br", "kbd"}
BLOCKS = ["p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption"]
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑÜ0-9“\"‘(¿¡«])")  # English and Spanish sentence starts
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def _strings(block: Tag) -> list[NavigableString]:
    """The block's own text, in order, not descending into nested blocks (lists, paragraphs, tables)."""
    found = []
    for child in block.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:
                found.append(child)
        elif isinstance(child, Tag) and child.name in INLINE:
            found += _strings(child)
    return found


def _own_text(block: Tag) -> str:
    return "".join(_strings(block))


def drop_sentences(block: Tag, matches: Callable[[str], bool]) -> bool:
    """Remove each sentence of the block's own text that ``matches``; True if any was removed."""
    strings = _strings(block)
    text = "".join(strings)
    spans, start = [], 0
    for m in SENTENCE.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    doomed = [(a, b) for a, b in spans if matches(text[a:b])]
    if not doomed:
        return False
    offset = 0
    for s in strings:
        a0, b0 = offset, offset + len(s)
        offset = b0
        keep = "".join(ch for i, ch in enumerate(str(s), a0) if not any(a <= i < b for a, b in doomed))
        if keep != str(s):
            s.replace_with(keep)
    for tag in block.find_all(INLINE - {"br"}):
        if tag.parent is not None and not tag.get_text(strip=True) and not tag.find(["img", "svg"]):
            tag.decompose()
    return True


def _section_after(heading: Tag) -> list[Tag]:
    """A heading and everything after it up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    out = [heading]
    for sib in heading.find_next_siblings():
        if isinstance(sib, Tag) and sib.name in HEADINGS and int(sib.name[1]) <= level:
            break
        out.append(sib)
    return out


def drop_block(block: Tag) -> None:
    """Leave a block off paper, with what only makes sense with it (its box, row, section or definition)."""
    if block.parent is None:
        return
    admonition = block.find_parent(class_="admonition")
    if "admonition-title" in (block.get("class") or []) and admonition is not None:
        admonition.decompose()
        return
    if block.name in HEADINGS:
        for node in _section_after(block):
            node.extract()
        return
    if block.name == "dt":
        for dd in block.find_next_siblings():
            if dd.name != "dd":
                break
            dd.decompose()
    if block.name == "th" and block.parent is not None and block.parent.name == "tr":
        block.parent.decompose()
        return
    if block.name == "td":
        block.clear()
        return
    parent = block.parent
    block.decompose()
    while parent is not None and parent.name in ("ul", "ol", "dl", "div") and not parent.get_text(strip=True) \
            and not parent.find(["img", "svg"]):
        grand = parent.parent
        parent.decompose()
        parent = grand


def leave_out(body: Tag, matches: Callable[[str], bool], whole_block_if_first: bool = False,
              report: list[str] | None = None) -> None:
    """Leave out every sentence that ``matches``; a block where it cannot be cut out cleanly goes whole.
    ``report`` gets the text of each block that changed, as it was."""
    report = [] if report is None else report
    for block in body.find_all(BLOCKS):
        if block.parent is None or not matches(_own_text(block)):
            continue
        report.append(" ".join(block.get_text(" ").split()))
        first = SENTENCE.split(_own_text(block).strip(), maxsplit=1)[0]
        heading_like = block.name in HEADINGS or block.name in ("dt", "th", "caption") or \
            "admonition-title" in (block.get("class") or []) or block.find_parent(class_="hb-references")
        if heading_like or (whole_block_if_first and matches(first)):
            drop_block(block)
            continue
        drop_sentences(block, matches)
        if matches(_own_text(block)) or not _own_text(block).strip(" .,;:") and not block.find(BLOCKS):
            drop_block(block)
    # Anything still matching (text outside the usual blocks): its nearest block goes.
    for _ in range(50):
        hit = next((s for s in body.find_all(string=True) if type(s) is NavigableString and matches(str(s))), None)
        if hit is None:
            break
        block = hit.find_parent(BLOCKS + ["div", "section", "nav", "ul", "ol", "table"]) or hit.parent
        if "admonition-title" in (block.get("class") or []):  # a box keeps its title, or goes whole
            block = block.find_parent(class_="admonition") or block
        report.append(" ".join(block.get_text(" ").split()))
        drop_block(block) if block.name in BLOCKS else block.decompose()
