"""Whole-site checks on the built pages: nothing vanishes, nothing clashes, everything prints.

Every contraindication must be shown for every treatment it names; handout names and
each page's HTML ids must be unique; every question's answer is a section that cites a
source; every character the PDFs print has a glyph.
"""

import re

from handbook import glyphs, questions
from handbook.built import BuiltPage
from handbook.errors import HandbookError

IDS = re.compile(r"""\sid=["']([^"']+)["']""")
# A box's opening tag and its advice, whatever order a serialiser gives their attributes.
BOX = re.compile(r"""<div\b(?=[^>]*\sclass="(?:[^"]*\s)?hb-contraindication[\s"])[^>]*\sid="([^"]+)"[^>]*>""")
ADVICE = re.compile(r"""<div\b(?=[^>]*\sclass="hb-advice")[^>]*\sdata-treatment="([^"]+)"[^>]*>""")
TAG = re.compile(r"<[^>]+>")


def check_site(pages: list[BuiltPage], handbook) -> None:
    """Content that would appear nowhere, or clash, fails the build."""
    slugs: dict[str, str] = {}
    shown: set[tuple[str, str]] = set()
    for page in pages:
        if page.handout and page.handout in slugs:
            raise HandbookError(f"{page.label} front matter, key 'handout': '{page.handout}' is also the handout "
                                f"of {slugs[page.handout]}; each handout needs its own name")
        if page.handout:
            slugs[page.handout] = page.label
        seen: set[str] = set()
        for ident in IDS.findall(page.content):
            if ident in seen:
                raise HandbookError(f"{page.label}: the id '{ident}' is used twice on the page (a heading and a box, "
                                    "or the same box twice); give one a different id")
            seen.add(ident)
        boxes = list(BOX.finditer(page.content))
        for n, box in enumerate(boxes):
            block = page.content[box.end():boxes[n + 1].start() if n + 1 < len(boxes) else None]
            shown |= {(box[1], t) for t in ADVICE.findall(block)}
    missing = [f"'{c.id}' for {t}" for c in handbook.contraindications.values() for t in c.treatments
               if (c.id, t) not in shown]
    if missing:
        raise HandbookError(f"data/contraindications.yaml: no page shows {', '.join(missing)}; "
                            "add a contraindications() call to a page, or remove the entry")
    questions.check_answers(pages, handbook.questions)


def check_printable(pages: list[BuiltPage], clinic) -> None:
    """Every character the handouts print has a glyph in the print font."""
    for page in pages:
        glyphs.check(page.title + " " + TAG.sub(" ", page.content), page.label)
    for name, value in clinic.model_dump().items():
        if name != "logo":
            glyphs.check(value, f"settings: CLINIC_{name.upper()}")


def check_clinical_review(pages: list[BuiltPage]) -> None:
    """REQUIRE_CLINICAL_REVIEW: every handout's page is reviewed as it is."""
    for page in pages:
        if page.handout and not page.reviewed:
            raise HandbookError(f"{page.label}: its handout is not clinically reviewed ({page.review_kind}), and "
                                "REQUIRE_CLINICAL_REVIEW is set; see `python -m handbook review status`")
