"""What one language's build does differently, as plain functions of text.

English builds into the site's root, each translation into ``<lang>/``. For every language:
``hreflang`` per page in the sitemap. For a translation: accent-free words in the search
index, and its PDFs' words.
"""

import dataclasses
import gzip
import html
import json
import re
import unicodedata
from pathlib import Path

from markupsafe import escape

from handbook import translations

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


def add_accent_free_words(entries: list[dict]) -> None:
    """Readers often type without accents ("anestesica", "hinchazon"): those forms go in each entry too."""
    for entry in entries:
        words = set(WORD.findall(html.unescape(re.sub(r"<[^>]+>", " ", entry["title"] + " " + entry["text"]))))
        extra = sorted({plain(w).lower() for w in words if plain(w) != w})
        if extra:
            entry["keywords"] = " ".join(filter(None, [entry.get("keywords", ""), html.escape(" ".join(extra))]))


def checklist_script(data_dir: Path, lang: str) -> str:
    """The checklist script's words, as JSON it reads from the page; "<" escaped so nothing can close the tag."""
    words = json.dumps(translations.checklist_strings(data_dir / lang, f"data/{lang}"), ensure_ascii=False)
    words = words.replace("<", "\\u003c")
    return f'<script type="application/json" id="hb-checklist-words">{words}</script>\n'


# ---- Paper: the PDF handouts of a translated build ----

def _fragment(english: str) -> re.Pattern:
    """An English fragment matched with any spacing (the templates wrap lines)."""
    return re.compile(r"\s+".join(re.escape(part) for part in english.split()) +
                      (r"\s" if english.endswith(" ") else ""))


def paper_words(data_dir: Path, lang: str) -> list[tuple[str, re.Pattern, str]]:
    """(English, its pattern, translation) for the PDFs, in the file's order."""
    words = translations.paper_strings(data_dir / lang, f"data/{lang}")
    return [(english, _fragment(english), spanish + (" " if english.endswith(" ") and spanish else ""))
            for english, spanish in words.items()]


def translate_paper(html_text: str, words, lang: str, clinic=None) -> str:
    """A PDF's HTML in ``lang``: the frame's words, the clinic's "name on phone" and quotes."""
    if clinic is not None and clinic.name and clinic.phone:
        html_text = html_text.replace(f"{escape(clinic.name)} on {escape(clinic.phone)}",
                                      f"{escape(clinic.name)}, al {escape(clinic.phone)}")
    for _english, pattern, translated in words:
        html_text = pattern.sub(lambda _m, t=translated: t, html_text)
    return html_text.replace("“", "«").replace("”", "»")


def paper_jobs(jobs: list, lang: str, data_dir: Path, clinic) -> list:
    """The PDF jobs of a translated build, in its language (English builds: unchanged)."""
    if lang == "en":
        return jobs
    # Some lines print only for some clinics (a logo, a website): an unused line is no mistake here;
    # the Spanish PDF test reads every PDF back for English instead.
    words = paper_words(data_dir, lang)
    return [dataclasses.replace(job, html=translate_paper(job.html, words, lang, clinic)) for job in jobs]
