"""MkDocs hooks for the languages (``hooks:`` in mkdocs.yml): one build per language.

English builds into the site's root, Spanish (``mkdocs.es.yml``) into ``es/``. For every
language: ``hreflang`` per page in the sitemap (Material's head links name only the home pages). For a
translation: Spanish search settings, the theme's words and dates in Spanish, the
translation's review line, accent-free words in the search index, and the check that
every English page has an up-to-date translation (missing fails, out of date warns).
"""

import datetime as dt
import html
import json
import os
import re
import unicodedata
from pathlib import Path

from babel.dates import format_date
from markupsafe import escape
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from handbook import sandbox, translations
from handbook.errors import HandbookError, page_label
from handbook.messages import validate
from handbook.models import PageTranslation

# Split on spaces and punctuation, Spanish marks included, so "¿Duele?" is indexed as "duele"
# and "«bótox»" as "bótox"; a full stop inside a number ("0.5") stays.
SEPARATOR = r'[\s\-,:;!?¿¡=\[\]()"“”«»/]+|\.(?!\d)|&[lg]t;'
ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
TIME = re.compile(r'(<time datetime="(\d{4}-\d\d-\d\d)">)[^<]*(</time>)')
WORD = re.compile(r"\w+")
CODE = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)", re.S)
CHECKLIST = re.compile(r'[ \t]*<script src="[^"]*javascripts/checklist\.js"')

_state: dict = {}


def _bases(config) -> dict[str, str]:
    """Each language's full address, from the English one (SITE_URL when set)."""
    lang = config.theme["language"]
    english = os.environ.get("SITE_URL") or (config.site_url or "")
    if not os.environ.get("SITE_URL") and lang != "en":
        english = english.removesuffix(f"{lang}/")
    english = english.rstrip("/") + "/"
    return {"en": english, **{code: f"{english}{code}/" for code in translations.LANGUAGES}}


def on_config(config):
    lang = config.theme["language"]
    root = Path(config.config_file_path).parent
    bases = _bases(config)
    _state.update(lang=lang, root=root, bases=bases, theme={}, used=set())
    if lang == "en":
        return config
    if lang not in translations.LANGUAGES:
        raise HandbookError(f"{Path(config.config_file_path).name}: theme.language '{lang}' has no translation "
                            f"set up; known: {', '.join(translations.LANGUAGES)}")
    config.site_url = bases[lang]
    search = config.plugins.get("material/search")
    if search is not None:
        # Spanish stop words; no stemmer: Material searches by prefix, which skips stemming.
        search.config.lang = [lang]
        search.config.separator = SEPARATOR
        index = getattr(search, "search_index", None)
        if index is not None:  # the plugin has already copied its settings for the index
            index.config.update(lang=[lang], separator=SEPARATOR)
    missing, stale = translations.page_status(root, lang)
    if missing:
        raise HandbookError("missing translation(s), run `python -m handbook translations`:\n  " + "\n  ".join(missing))
    for line in stale:
        translations.log.warning("Translation out of date: %s", line)
    _state["theme"] = translations.theme_strings(root / "data" / lang, f"data/{lang}")
    words = json.dumps(translations.checklist_strings(root / "data" / lang, f"data/{lang}"), ensure_ascii=False)
    # The checklist script's words, as JSON it reads from the page; "<" escaped so nothing can close the tag.
    words = words.replace("<", "\\u003c")
    _state["checklist"] = f'<script type="application/json" id="hb-checklist-words">{words}</script>\n'
    return config


SHARED = ("assets", "javascripts", "stylesheets")  # docs/ folders every language's site carries


def on_files(files, config):
    """A translation's site carries the English site's assets, scripts and styles (no links in docs-es/)."""
    if _state["lang"] == "en":
        return files
    docs = _state["root"] / "docs"
    for folder in SHARED:
        for path in sorted((docs / folder).rglob("*")):
            if path.is_file():
                files.append(File(path.relative_to(docs).as_posix(), str(docs), config.site_dir, False))
    return files


def on_page_content(html_text: str, page, config, files) -> str:
    """A translated page's review line: who checked the translation, and when."""
    record = page.meta.get("translation")
    if _state["lang"] != "en" and isinstance(record, dict):
        checked = validate(PageTranslation, record, f"docs-{_state['lang']}/{page.file.src_path} "
                           "front matter, key 'translation'")
        page.meta["translation"] = {"reviewed_by": escape(checked.reviewed_by), "reviewed": checked.reviewed}
    return html_text


def long_date(day: dt.date, lang: str) -> str:
    """"20 de noviembre de 2026": CLDR's long date, whatever the machine's locale."""
    return format_date(day, "long", locale=lang)


def on_post_page(output: str, page, config) -> str:
    """hreflang lives in the sitemaps, page by page (see _sitemap_alternates). Material's
    <link rel="alternate"> tags go: they name only the home pages, and its "stay on page"
    script fetches sitemap.xml from each one's host, a request to the public site from
    every page, even one opened from disk."""
    output = ALTERNATE.sub("", output)
    if _state["lang"] != "en" and CHECKLIST.search(output):
        output = CHECKLIST.sub(lambda m: _state["checklist"] + m.group(0), output, count=1)
    output = _translated(output, page_label(page))
    if len(output) > sandbox.MAX_PAGE_HTML:
        raise HandbookError(f"{page_label(page)}: the finished page is {len(output):,} characters, more than "
                            f"{sandbox.MAX_PAGE_HTML:,}")
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    """The 404 page and the sitemap are templates, not pages."""
    if template_name == "404.html":
        return _translated(ALTERNATE.sub("", output))
    if template_name == "sitemap.xml":
        return _sitemap_alternates(output)
    return output


def _sitemap_alternates(xml: str) -> str:
    """Each address in the sitemap lists the same page in every language (Google's hreflang in sitemaps)."""
    own = _state["bases"][_state["lang"]]

    def links(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        if not url.startswith(own):
            return match.group(0)
        path = url[len(own):]
        alternates = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{code}" href="{html.escape(base + path)}"/>'
                             for code, base in [*_state["bases"].items(), ("x-default", _state["bases"]["en"])])
        return match.group(0) + alternates

    xml = xml.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">', 1)
    return re.sub(r"<loc>([^<]+)</loc>", links, xml)


def _translated(output: str, label: str = "404.html") -> str:
    """The theme's English words and dates in the build's language; scripts and styles are left as they are."""
    lang = _state["lang"]
    if lang == "en":
        return output
    parts = CODE.split(output)
    for i in range(0, len(parts), 2):  # the odd parts are <script> and <style> elements
        for english, translated in _state["theme"].items():
            if english in parts[i]:
                parts[i] = parts[i].replace(english, translated)
                _state["used"].add(english)
    return TIME.sub(lambda m: m.group(1) + long_date(_real_date(m.group(2), label), lang) + m.group(3), "".join(parts))


def _real_date(text: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise HandbookError(f"{label}: <time datetime=\"{text}\"> is not a real date (YYYY-MM-DD)") from None


def plain(text: str) -> str:
    """Text without accents: "anestésica" -> "anestesica" (ñ stays)."""
    decomposed = unicodedata.normalize("NFD", text.replace("ñ", "\0").replace("Ñ", "\1"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped).replace("\0", "ñ").replace("\1", "Ñ")


@event_priority(45)  # after the patients' words are added (priority 50), before the index is written
def on_post_build(config) -> None:
    lang = _state["lang"]
    if lang == "en":
        return
    unused = sorted(set(_state["theme"]) - _state["used"])
    if unused:
        translations.log.warning("data/%s/strings.yaml, key 'theme': no page has %s; the template changed, "
                                 "update or remove the line", lang, ", ".join(repr(u) for u in unused))
    search = config.plugins.get("material/search")
    if search is None:
        return
    # Readers often type without accents ("anestesica", "hinchazon"): those forms go in too.
    for entry in search.search_index.entries:
        words = {w for w in WORD.findall(html.unescape(re.sub(r"<[^>]+>", " ", entry["title"] + " " + entry["text"])))}
        extra = sorted({plain(w).lower() for w in words if plain(w) != w})
        if extra:
            entry["keywords"] = " ".join(filter(None, [entry.get("keywords", ""), html.escape(" ".join(extra))]))


# ---- Paper: the PDF handouts of a translated build ----

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ENGLISH_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


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
    """A PDF's HTML in ``lang``: the frame's words, the clinic's "name on phone", dates and quotes."""
    if clinic is not None and clinic.name and clinic.phone:
        html_text = html_text.replace(f"{escape(clinic.name)} on {escape(clinic.phone)}",
                                      f"{escape(clinic.name)}, al {escape(clinic.phone)}")
    for _english, pattern, translated in words:
        html_text = pattern.sub(lambda _m, t=translated: t, html_text)
    html_text = ENGLISH_DATE.sub(lambda m: long_date(dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1,
                                                             int(m.group(1))), lang), html_text)
    return html_text.replace("“", "«").replace("”", "»")


def paper_jobs(jobs: list, config, clinic) -> list:
    """The PDF jobs of a translated build, in its language (English builds: unchanged)."""
    lang = config.theme["language"]
    if lang == "en":
        return jobs
    import dataclasses

    # Some lines print only for some clinics (a logo, a website): an unused line is no mistake here;
    # the Spanish PDF test reads every PDF back for English instead.
    words = paper_words(Path(config.config_file_path).parent / "data", lang)
    return [dataclasses.replace(job, html=translate_paper(job.html, words, lang, clinic)) for job in jobs]
