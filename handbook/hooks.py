"""MkDocs hooks (``hooks:`` in mkdocs.yml): whole-site checks, search words and the PDFs.

Nothing vanishes: every contraindication must be shown for every treatment it
names, handout slugs and HTML ids must be unique. Then pages with ``handout:
<slug>`` become ``site/handouts/<slug>.pdf`` and every nav page goes into
``site/handbook.pdf``, made from the same page bodies readers see.
"""

import json
import logging
import re
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook import glyphs, i18n, minify, pdf, reviews, sandbox, sanitize, search_words, settings, translations
from handbook.data import handbook_for
from handbook.errors import HandbookError, page_label
from handbook.page_macros import nav_pages

log = logging.getLogger("mkdocs.hooks.handbook")
IDS = re.compile(r"""\sid=["']([^"']+)["']""")
ADVICE = re.compile(r'<div class="hb-advice" data-treatment="([^"]+)"')

_state: dict = {}


class _Problems(logging.Handler):
    """Counts warnings, so a build that strict mode will abort skips the PDF work."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config):
    root = Path(config.config_file_path).parent
    sandbox.check_project_files(root)
    _check_snippets(config, root)
    env = settings.read_environment()
    _state.update(
        env=env,
        enabled=settings.handouts_enabled(env, _state.get("command", "build")),
        clinic=settings.clinic_from(config.extra.get("clinic", {}), env, root),
        handbook=handbook_for(root / "data", config.theme["language"]),
        reviews=reviews.load_records(root / "data"),
        fingerprints={},
        problems=_Problems(),
    )
    logging.getLogger("mkdocs").addHandler(_state["problems"])
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.fields.setdefault(search_words.FIELD, {"boost": search_words.BOOST})
    return config


def _check_snippets(config, root: Path) -> None:
    """The files every page gets appended (the abbreviations) are there, inside the project."""
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    bases = snippets.get("base_path") or ["."]
    for name in snippets.get("auto_append", []):
        found = [root / base / name for base in bases
                 if (root / base / name).is_file() and (root / base / name).resolve().is_relative_to(root.resolve())]
        if not found:
            raise HandbookError(f"{Path(config.config_file_path).name}, pymdownx.snippets, auto_append: "
                                f"{' or '.join(f'{b}/{name}' for b in bases)} is missing")
        sandbox.check_abbreviations(found[0].read_text(encoding="utf-8"), found[0].relative_to(root).as_posix())


def on_nav(nav, config, files):
    docs = Path(config.docs_dir)
    for title, target in nav_pages(config.nav):
        if isinstance(target, str) and "://" not in target and not (docs / target).is_file():
            raise HandbookError(f"{Path(config.config_file_path).name}, nav: '{title}: {target}' names a page that "
                                f"is not in {docs.name}/; add the page or remove the line")
    _state["pages"] = list(nav.pages)
    return nav


def _check_site(pages) -> None:
    """Content that would appear nowhere, or clash, fails the build."""
    slugs: dict[str, str] = {}
    shown: set[tuple[str, str]] = set()
    for page in pages:
        label = page_label(page)
        slug = page.meta.get("handout")
        if slug and slug in slugs:
            raise HandbookError(f"{label} front matter, key 'handout': '{slug}' is also the handout of {slugs[slug]}; "
                                "each handout needs its own name")
        if slug:
            slugs[slug] = label
        seen: set[str] = set()
        for ident in IDS.findall(page.content or ""):
            if ident in seen:
                raise HandbookError(f"{label}: the id '{ident}' is used twice on the page (a heading and a box, "
                                    "or the same box twice); give one a different id")
            seen.add(ident)
        for block in (page.content or "").split('hb-contraindication" id="')[1:]:
            ident = block.split('"', 1)[0]
            shown |= {(ident, t) for t in ADVICE.findall(block)}
    hb = _state["handbook"]
    missing = [f"'{c.id}' for {t}" for c in hb.contraindications.values() for t in c.treatments if (c.id, t) not in shown]
    if missing:
        raise HandbookError(f"data/contraindications.yaml: no page shows {', '.join(missing)}; "
                            "add a contraindications() call to a page, or remove the entry")


def on_page_content(html: str, page, config, files) -> str:
    """Page bodies are untrusted: only allow-listed HTML reaches the web, the search index and paper."""
    if len(html) > sandbox.MAX_PAGE_HTML:
        raise HandbookError(f"{page_label(page)}: the page renders to {len(html):,} characters of HTML, more than "
                            f"{sandbox.MAX_PAGE_HTML:,}; split it into pages")
    html = sanitize.clean(html)
    _review(page, html, config)
    return html


def _review(page, html: str, config) -> None:
    """The page's clinical review status, from the records and the fingerprint of what patients get."""
    current = reviews.fingerprint(html)
    status = reviews.status(page.file.src_uri, config.theme["language"], current, _state["reviews"])
    page.meta.update(review=status, review_line=status.line(_state["handbook"].t))
    _state["fingerprints"][page.file.src_uri] = {"fingerprint": current, "status": status.kind, "title": str(page.title),
                                                 "text": reviews.patient_text(html)}


def on_env(env, config, files):
    _check_site(_state["pages"])
    env.filters["cssmin"] = minify.MINIFIERS[".css"]  # styles a theme template inlines
    return env


@event_priority(50)  # before the search plugin writes the index
def on_post_build(config) -> None:
    search = config.plugins.get("material/search")
    if search is not None:
        words = search_words.compile_words(_state["handbook"].search_words)
        unused = search_words.add_to_index(search.search_index.entries, words)
        if unused:
            log.warning(f"data/search-words.yaml: no page uses {', '.join(repr(w) for w in unused)}; "
                        "change the word to one the pages use, or remove it")
    minify.minify_assets(Path(config.site_dir))
    # What `python -m handbook review status` and `review sign` read: each page's fingerprint and status.
    (Path(config.site_dir) / reviews.STATUS_FILE).write_text(json.dumps(
        {"lang": config.theme["language"], "pages": _state["fingerprints"]}, indent=1, sort_keys=True))
    _build_pdfs(config)


def _check_printable(pages, clinic) -> None:
    """Every character the handouts print has a glyph in the print font."""
    for page in pages:
        glyphs.check(str(page.title) + " " + re.sub(r"<[^>]+>", " ", page.content or ""), page_label(page))
    for field, value in clinic.model_dump().items():
        if field != "logo":
            glyphs.check(value, f"settings: CLINIC_{field.upper()}")


def _build_pdfs(config) -> None:
    logging.getLogger("mkdocs").removeHandler(_state["problems"])
    if not _state["enabled"]:
        log.info("PDF handouts skipped (HANDOUTS=1 builds them)")
        return
    if config.strict and _state["problems"].count:
        log.info("PDF handouts skipped: the build has warnings")
        return
    env, site_dir = _state["env"], Path(config.site_dir)
    _check_printable(_state["pages"], _state["clinic"])
    if env.REQUIRE_CLINICAL_REVIEW:
        for page in _state["pages"]:
            if page.meta.get("handout") and not page.meta["review"].reviewed:
                raise HandbookError(f"{page_label(page)}: its handout is not clinically reviewed "
                                    f"({page.meta['review'].kind}), and REQUIRE_CLINICAL_REVIEW is set; "
                                    "see `python -m handbook review status`")
    common = dict(clinic=_state["clinic"], size=env.HANDOUT_PAGE_SIZE, site_dir=site_dir, config=config,
                  created=settings.build_time(env))
    root = Path(config.config_file_path).parent
    countries = translations.countries(root / "data", config.theme["language"])  # help wording in the build's language
    jobs = i18n.paper_jobs(pdf.jobs(_state["pages"], handbook=_state["handbook"], countries=countries, **common),
                           config, _state["clinic"])
    start, total = time.perf_counter(), 0
    # Jobs start in order, the handbook (the longest) first, so both cores stay busy.
    with ProcessPoolExecutor(max_workers=settings.worker_count(env)) as pool:
        try:
            for target, count in pool.map(pdf.render, jobs):
                total += count
                log.info("PDF: %s (%d %s)", Path(target).relative_to(site_dir), count, "page" if count == 1 else "pages")
        except Exception as exc:  # a worker's error, shown as one line rather than a traceback
            raise HandbookError(f"PDF handouts: {exc}") from None
    log.info("PDFs: %d files, %d pages in %.2f s", len(jobs), total, time.perf_counter() - start)
