"""Editions: a language, a country and a medium (the website or paper).

What differs between editions is marked where it is written: a country's words are facts
(data/countries.yaml, key 'facts'); a block only some editions carry is marked in the page,
``<div data-country="GB" markdown>`` or ``{: data-medium="web" }``. Each edition keeps its own
blocks, and no edition may print another country's own words (its ``terms``).
"""

import html
import re
from dataclasses import dataclass

from handbook.errors import HandbookError
from handbook.html_offsets import VOID, OffsetParser

MEDIA = ("web", "paper")
MARKED = re.compile(r'data-(country|medium)="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
# Not read: sources (they name their publishers; not advice), scripts and styles (code, not words).
SKIPPED = re.compile(r'<ol class="hb-references".*?</ol>|<script\b.*?</script>|<style\b.*?</style>', re.S)


@dataclass(frozen=True)
class Edition:
    lang: str
    country: str
    medium: str

    def __str__(self) -> str:
        return f"{self.lang}-{self.country} {self.medium}"


class _Marked(OffsetParser):
    """Every element marked data-country or data-medium: its offsets in the text, and its marks."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[int, int, str | None, str | None]] = []
        self.open: list[tuple[str, int, str | None, str | None]] = []

    def read(self, text: str) -> list[tuple[int, int, str | None, str | None]]:
        self.read_all(text)
        self.found += [(start, len(text), countries, medium) for _, start, countries, medium in self.open
                       if countries is not None or medium is not None]  # never closed: to the end
        return sorted(self.found)

    def handle_starttag(self, tag, attrs):
        marks, text = dict(attrs), self.get_starttag_text()
        start, countries, medium = self.pos(), marks.get("data-country"), marks.get("data-medium")
        if tag not in VOID and not text.endswith("/>"):
            self.open.append((tag, start, countries, medium))
        elif countries is not None or medium is not None:  # the element is its start tag
            self.found.append((start, start + len(text), countries, medium))

    def handle_endtag(self, tag):
        if not any(t == tag for t, *_ in self.open):
            return  # a stray end tag
        while self.open:
            name, start, countries, medium = self.open.pop()
            if countries is not None or medium is not None:
                self.found.append((start, self.pos() + len(f"</{tag}>") if name == tag else self.pos(),
                                   countries, medium))
            if name == tag:
                return


def select(html: str, edition: Edition, label: str) -> str:
    """The page body for one edition: blocks marked for other countries or the other medium removed
    (an edition whose medium is "" keeps both media's blocks). The rest of the text is kept as written."""
    if all(edition.country in value.split() if kind == "country" else (not edition.medium or value == edition.medium)
           for kind, value in MARKED.findall(html)):
        return html  # nothing marked for another edition: no need to parse the page
    kept, done = [], 0
    for start, end, countries, medium in _Marked().read(html):
        if medium is not None and medium not in MEDIA:
            raise HandbookError(f"{label}: data-medium=\"{medium}\" is not a medium; use web or paper")
        if start < done:
            continue  # inside a block already left out
        if (countries is not None and edition.country not in countries.split()) or \
                (medium is not None and edition.medium and medium != edition.medium):
            kept.append(html[done:start])
            done = end
    return "".join(kept) + html[done:]


# Words that only make sense on a screen, by language: paper carries none of them. The text that
# uses them is marked for the web where it is written ({: data-medium="web" }).
WEB_WORDS = {
    "en": re.compile(r"\b(search box|search the handbook|use the search|hover|mouse|click|tap it|tap on|this site|"
                     r"this website|scroll|download|web page|browser)\b", re.I),
    "es": re.compile(r"\b(cuadro de búsqueda|buscador|ratón|haga clic|pulse|tóquel[ao]|este sitio|esta web|"
                     r"desplácese|descargu?e|descargar|página web|navegador)\b", re.I),
}


def check_paper_words(texts: dict[str, str], edition: Edition) -> None:
    """Every text of a paper edition ({where: text}) is free of words only a screen can act on."""
    words = WEB_WORDS.get(edition.lang)
    for where, text in texts.items():
        plain = " ".join(html.unescape(TAG.sub(" ", SKIPPED.sub(" ", text))).split())
        if words and (found := words.search(plain)):
            context = plain[max(0, found.start() - 40):found.end() + 40]
            raise HandbookError(f"{where} ({edition} edition): '{found[0]}' is for a screen (in \"...{context}...\"); "
                                'mark the sentence for the web where it is written: {: data-medium="web" }')


CALL = r"(?i:\b(?:call|dial|phone|ring|llam\w*|marque|n[uú]mero|tel[eé]fono)\b[^.!?]{0,24})"


def _pattern(term: str) -> re.Pattern:
    """A term as a whole word ("NHS" is not found in "NHSX"); a number only as one to call ("call 999",
    "llame al 112"), not "page 112" or "1999"."""
    if term.isdigit():
        return re.compile(rf"{CALL}(?<!\d){term}(?!\d)")
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)" if term[:1].isalnum() else re.escape(term))


def foreign_words(text: str, country: str, countries: dict) -> list[tuple[str, str, str]]:
    """(term, its country, the words around it) for every other country's own word in ``text`` (HTML or plain)."""
    plain = " ".join(html.unescape(TAG.sub(" ", SKIPPED.sub(" ", text))).split())
    own = set(countries[country].terms)
    found = []
    for code, other in countries.items():
        for term in other.terms:
            if code != country and term not in own and (match := _pattern(term).search(plain)):
                found.append((term, code, plain[max(0, match.start() - 30):match.end() + 30]))
    return found


def check_foreign(texts: dict[str, str], edition: Edition, countries: dict) -> None:
    """Every text of an edition ({where: text}) is free of other countries' own words."""
    for where, text in texts.items():
        found = foreign_words(text, edition.country, countries)
        if found:
            term, code, context = found[0]
            raise HandbookError(f"{where} ({edition} edition): '{term}' belongs to {countries[code].name} "
                                f"(in \"...{context}...\") "
                                f"(data/countries.yaml, {code}, key 'terms'); use a country word "
                                "({{ facts.NAME }}) or mark the text for its country (data-country)")
