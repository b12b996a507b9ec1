"""Reading level and own-words checks on built pages (`python -m handbook readability site`)."""

import re
from pathlib import Path

import textstat
from bs4 import BeautifulSoup
from textstat.backend.counts import _count_syllables

# textstat downloads the CMU dictionary at run time, which fails offline;
# without it, textstat counts syllables with pyphen's hyphenation rules.
_count_syllables.get_cmudict = lambda lang: None

MAX_GRADE = 8.0
# Parts of a page that are not its prose: code, the sources list, the
# site-wide notice and review box, permalink symbols, tables of short cells.
NOT_PROSE = ["pre", "code", ".hb-references", ".hb-notice", ".hb-review", ".headerlink", "table", "abbr[title]"]


def page_prose(soup: BeautifulSoup) -> str:
    """The article text a reader reads, as sentences."""
    article = soup.select_one("article") or soup
    article = BeautifulSoup(str(article), "html.parser")
    for selector in NOT_PROSE:
        for node in article.select(selector):
            if selector == "abbr[title]":
                node.unwrap()
            else:
                node.decompose()
    blocks = [el.get_text(" ", strip=True) for el in article.find_all(["p", "li", "h1", "h2", "h3", "dt", "dd"])]
    # Headings and list items are sentences of their own for readability.
    return " ".join(b if b.endswith((".", "?", "!", ":")) else b + "." for b in blocks if b)


def reading_grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def shingles(text: str, n: int = 9) -> set[str]:
    """Every run of ``n`` consecutive words."""
    w = words(text)
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def main(site: Path) -> int:
    """Print the grade of every page; 1 if any is above grade 8."""
    too_hard = 0
    for path in sorted(site.glob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}) or path.name == "404.html":
            continue
        grade = reading_grade(page_prose(soup))
        too_hard += grade > MAX_GRADE
        hint = "  <-- above grade 8: use shorter sentences and words" if grade > MAX_GRADE else ""
        print(f"{grade:5.1f}  {path.name}{hint}")
    return 1 if too_hard else 0
