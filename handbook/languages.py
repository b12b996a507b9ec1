"""What one language's build does differently, as plain functions of text.

English builds into the site's root, each translation into ``<lang>/``. For every language:
``hreflang`` per page in the sitemap. For a translation: accent-free words in the search
index.
"""

import gzip
import html
import json
import re
import unicodedata
from pathlib import Path

from handbook import translations
from handbook.search_words import QUESTIONS

# Split on spaces and punctuation, Spanish marks included, so "¿Duele?" is indexed as "duele"
# and "«bótox»" as "bótox"; a full stop inside a number ("0.5") stays.
SEPARATOR = r'[\s\-,:;!?¿¡=\[\]()"“”«»/]+|\.(?!\d)|&[lg]t;'
WORD = re.compile(r"\w+")
URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


def bases(lang: str, site_url: str, override: str | None = None) -> dict[str, str]:
    """Each language's full address, from the English one (``override``: SITE_URL, when set)."""
    english = override or site_url
    if not override and lang != "en":
        english = english.removesuffix(f"{lang}/")
    english = english.rstrip("/") + "/"
    return {"en": english, **{code: f"{english}{code}/" for code in translations.LANGUAGES}}


def sitemap_alternates(xml: str, addresses: dict[str, str], lang: str) -> str:
    """Each address in the sitemap lists the same page in every language (Google's hreflang in sitemaps)."""
    own = addresses[lang]
    if 'xmlns:xhtml=' in xml:
        return xml  # already done

    def links(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        if not url.startswith(own):
            return match.group(0)
        path = url[len(own):]
        alternates = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{code}" href="{html.escape(base + path)}"/>'
                             for code, base in [*addresses.items(), ("x-default", addresses["en"])])
        return match.group(0) + alternates

    xml = xml.replace(URLSET, URLSET[:-1] + ' xmlns:xhtml="http://www.w3.org/1999/xhtml">', 1)
    return re.sub(r"<loc>([^<]+)</loc>", links, xml)


def write_sitemap_alternates(site_dir: Path, addresses: dict[str, str], lang: str) -> None:
    """``sitemap.xml`` and ``sitemap.xml.gz`` of a built site, with every page's languages."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return
    xml = sitemap_alternates(path.read_text(encoding="utf-8"), addresses, lang)
    path.write_text(xml, encoding="utf-8")
    with open(site_dir / "sitemap.xml.gz", "wb") as out, gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
        gz.write(xml.encode("utf-8"))


def plain(text: str) -> str:
    """Text without accents: "anestésica" -> "anestesica" (ñ stays)."""
    decomposed = unicodedata.normalize("NFD", text.replace("ñ", "\0").replace("Ñ", "\1"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped).replace("\0", "ñ").replace("\1", "Ñ")


PLAIN_TITLE = "title_without_accents"  # a search field weighed as the title itself
TITLE_BOOST = 1000.0  # Material's weight of the title field


def add_accent_free_words(entries: list[dict]) -> None:
    """Readers often type without accents ("anestesica", "infeccion"): those forms go in each entry too,
    a title's with a title's weight, the text's and the questions' as search words."""
    for entry in entries:
        for field, source in ((PLAIN_TITLE, entry["title"]), ("keywords", f"{entry['text']} {entry.get(QUESTIONS, '')}")):
            words = set(WORD.findall(html.unescape(re.sub(r"<[^>]+>", " ", source))))
            extra = sorted({plain(w).lower() for w in words if plain(w) != w})
            if extra:
                entry[field] = " ".join(filter(None, [entry.get(field, ""), html.escape(" ".join(extra))]))


def checklist_script(data_dir: Path, lang: str) -> str:
    """The checklist script's words, as JSON it reads from the page; "<" escaped so nothing can close the tag."""
    words = json.dumps(translations.checklist_strings(data_dir / lang, f"data/{lang}"), ensure_ascii=False)
    words = words.replace("<", "\\u003c")
    return f'<script type="application/json" id="hb-checklist-words">{words}</script>\n'
