"""Paper can print every character: a character the PDF font cannot draw (an emoji, say)
would come out as an empty box, so the build stops and names the page and the character."""

import unicodedata
from functools import lru_cache
from pathlib import Path

from handbook.errors import HandbookError

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # fonts-dejavu-core: the print font


@lru_cache(maxsize=1)
def drawable() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # comes with WeasyPrint

    return frozenset(TTFont(FONT, lazy=True).getBestCmap())


def undrawable(text: str) -> list[str]:
    """Characters of ``text`` the print font has no glyph for (spaces and control characters aside)."""
    return sorted({c for c in text if not c.isspace() and unicodedata.category(c)[0] != "C"
                   and ord(c) not in drawable()})


def check(text: str, where: str) -> None:
    missing = undrawable(text)
    if missing:
        names = ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in missing)
        raise HandbookError(f"{where}: the handouts cannot print {names}; use words instead")
