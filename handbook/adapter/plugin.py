"""The ``handbook`` MkDocs plugin: checks, languages, search words, review status and PDFs for one build.

Each build's state lives in ``self.build`` (made afresh in ``on_config``); every step is a
plain function of ``handbook/``, and the steps after the build are the ones
``python -m handbook <step> SITE_DIR`` runs on a finished site.
"""

import json
import logging
import os
import re
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File

from handbook import (
    built,
    editions,
    languages,
    minify,
    offline,
    pdf,
    questions,
    reviews,
    sandbox,
    sanitize,
    search_words,
    search_worker,
    settings,
    site_checks,
    steps,
    theme_css,
    translations,
)
from handbook.adapter.macros import one_line, page_label
from handbook.adapter.state import Build
from handbook.adapter.templates import THEME_COMPILED
from handbook.data import handbook_for
from handbook.errors import HandbookError
from handbook.messages import validate
from handbook.models import PageTranslation
from handbook.page_macros import nav_pages

log = logging.getLogger("mkdocs.plugins.handbook")
ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")  # Material's script, by its hashed name
SHARED = ("assets", "javascripts", "stylesheets")  # docs/ folders every language's site carries


class HandbookConfig(Config):
    data_dir = c.Type(str, default="data")  # relative to the configuration file
    pdfs = c.Optional(c.Type(bool))  # default: HANDOUTS, else yes for `build`, no for `serve`
    country = c.Optional(c.Type(str))  # the edition's country; default: the language's (data/countries.yaml, web_country)
    medium = c.Choice(("web", "paper"), default="web")  # paper: a build made only for the handouts


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def __init__(self):
        self.command = "build"
        self.build: Build | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(100)  # before mkdocs-macros reads the data this loads
    @one_line
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        lang = config.theme["language"]
        sandbox.check_project_files(root)
        env = settings.read_environment()
        hb = handbook_for(root / self.config.data_dir, lang, self.config.country)
        self.build = build = Build(
            root=root, lang=lang, env=env, handbook=hb,
            clinic=settings.clinic_from(config.extra.get("clinic", {}), env, root, hb.countries.countries, hb.country),
            records=reviews.load_records(root / self.config.data_dir),
            pdfs=self.config.pdfs if self.config.pdfs is not None else settings.handouts_enabled(env, self.command),
            offline=self.config.medium == "web" and settings.offline_enabled(env, self.command),
            addresses=languages.bases(lang, config.site_url or "", os.environ.get("SITE_URL")))
        logging.getLogger("mkdocs").addHandler(build.problems)
        search = config.plugins.get("material/search")
        if search is not None:
            search.config.fields.setdefault(search_words.FIELD, {"boost": search_words.BOOST})
            search.config.fields.setdefault(search_words.QUESTIONS, {"boost": search_words.QUESTIONS_BOOST})
            search.config.fields.setdefault(search_words.FULL_TEXT, {"boost": search_words.BOOST})
            if lang != "en":
                search.config.fields.setdefault(languages.PLAIN_TITLE, {"boost": languages.TITLE_BOOST})
        if lang != "en":
            self._translation(config, search)
        _check_snippets(config, root)
        if build.offline:  # Node loads PurgeCSS and Workbox on the other core while the pages are built
            build.scripts = {"theme-css": theme_css.start(), "offline": offline.start()}
        return config

    def _translation(self, config, search) -> None:
        build = self.build
        if build.lang not in translations.LANGUAGES:
            raise HandbookError(f"{Path(config.config_file_path).name}: theme.language '{build.lang}' has no "
                                f"translation set up; known: {', '.join(translations.LANGUAGES)}")
        config.site_url = build.addresses[build.lang]
        if search is not None:
            # Stop words of the language; no stemmer: Material searches by prefix, which skips stemming.
            search.config.lang = [build.lang]
            search.config.separator = languages.SEPARATOR
            index = getattr(search, "search_index", None)
            if index is not None:  # the search plugin has already copied its settings for the index
                index.config.update(lang=[build.lang], separator=languages.SEPARATOR)
        missing, stale = translations.page_status(build.root, build.lang)
        if missing:
            raise HandbookError("missing translation(s), run `python -m handbook translations`:\n  " + "\n  ".join(missing))
        for line in stale:
            translations.log.warning("Translation out of date: %s", line)
        # The English Markdown extensions, with this language's tooltips and words.
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = build.handbook.t("Link to this section")
        snippets = config.mdx_configs.get("pymdownx.snippets")
        if snippets is not None:
            snippets["base_path"] = [f"includes-{build.lang}"]
        build.checklist = languages.checklist_script(build.data, build.lang)

    def on_files(self, files, config):
        """A translation's site carries the English site's assets, scripts and styles (no links in docs-es/)."""
        if self.build.lang == "en":
            return files
        docs = self.build.root / "docs"
        for folder in SHARED:
            for path in sorted((docs / folder).rglob("*")):
                if path.is_file():
                    files.append(File(path.relative_to(docs).as_posix(), str(docs), config.site_dir, False))
        return files

    @one_line
    def on_nav(self, nav, config, files):
        docs = Path(config.docs_dir)
        for title, target in nav_pages(config.nav):
            if isinstance(target, str) and "://" not in target and not (docs / target).is_file():
                raise HandbookError(f"{Path(config.config_file_path).name}, nav: '{title}: {target}' names a page "
                                    f"that is not in {docs.name}/; add the page or remove the line")
        questions.check_pages(self.build.handbook.questions, [t for _, t in nav_pages(config.nav) if isinstance(t, str)])
        self.build.pages = list(nav.pages)
        return nav

    @one_line
    def on_page_content(self, html: str, page, config, files) -> str:
        """Page bodies are untrusted: only allow-listed HTML reaches the web, the search index and paper."""
        if len(html) > sandbox.MAX_PAGE_HTML:
            raise HandbookError(f"{page_label(page)}: the page renders to {len(html):,} characters of HTML, more "
                                f"than {sandbox.MAX_PAGE_HTML:,}; split it into pages")
        html = sanitize.clean(html)
        build, label = self.build, page_label(page)
        page.meta["paper_body"] = editions.select(html, build.edition("paper"), label)
        html = editions.select(html, build.edition(self.config.medium), label)
        self._review(page, html)
        record = page.meta.get("translation")
        if self.build.lang != "en" and isinstance(record, dict):  # who checked the translation, and when
            checked = validate(PageTranslation, record, f"{page_label(page)} front matter, key 'translation'")
            page.meta["translation"] = {"reviewed_by": escape(checked.reviewed_by), "reviewed": checked.reviewed}
        return html

    def _review(self, page, html: str) -> None:
        """The page's clinical review status, from the records and the fingerprint of what patients get."""
        build = self.build
        current = reviews.fingerprint(html)
        status = reviews.status(page.file.src_uri, build.lang, current, build.records)
        page.meta.update(review=status, review_line=status.line(build.handbook.t, build.handbook.long_date))
        build.status[page.file.src_uri] = {"fingerprint": current, "status": status.kind, "title": str(page.title),
                                           "text": reviews.patient_text(html)}

    @one_line
    def on_env(self, env, config, files):
        pages, build = self._built_pages(), self.build
        site_checks.check_site(pages, build.handbook)
        # The web edition is read page by page once finished (on_post_page); paper here, PDFs or not.
        editions.check_foreign({p.label: p.paper for p in pages}, build.edition("paper"),
                               build.handbook.countries.countries)
        env.bytecode_cache = THEME_COMPILED
        env.filters["cssmin"] = minify.MINIFIERS[".css"]  # styles a theme template inlines
        bundles = [f.src_uri for f in files if BUNDLE.fullmatch(f.src_uri)]
        if len(bundles) != 1:
            raise HandbookError(f"theme: expected one Material script (assets/javascripts/bundle.*.min.js), found {len(bundles)}")
        # The frame's words and dates in the edition's language; its help routes are its country's.
        env.globals.update(words=build.handbook.words, country=build.handbook.countries.countries[build.handbook.country],
                           checklist_words=Markup(build.checklist),  # the checklist script's words, as JSON
                           patients_handouts=pdf.patients_handouts(build.clinic),
                           offline_worker=build.offline,  # overrides/partials/offline.html
                           theme_bundle=bundles[0])  # overrides/partials/theme-on-first-use.html
        env.filters["long_date"] = build.handbook.long_date
        return env

    @one_line
    def on_post_page(self, output: str, page, config) -> str:
        """hreflang lives in the sitemaps, page by page. Material's <link rel="alternate"> tags go: they
        name only the home pages, and its "stay on page" script fetches sitemap.xml from each one's host."""
        build = self.build
        output = ALTERNATE.sub("", output)
        if self.config.medium == "web":  # the frame too: notice, footer, home page cards
            editions.check_foreign({page_label(page): output}, build.edition("web"), build.handbook.countries.countries)
        if len(output) > sandbox.MAX_PAGE_HTML:
            raise HandbookError(f"{page_label(page)}: the finished page is {len(output):,} characters, more than "
                                f"{sandbox.MAX_PAGE_HTML:,}")
        return output

    def on_post_template(self, output: str, template_name: str, config) -> str:
        return ALTERNATE.sub("", output) if template_name == "404.html" else output  # a template, not a page

    @event_priority(50)  # before the search plugin writes the index
    @one_line
    def _post_build(self, config) -> None:
        build, site_dir = self.build, Path(config.site_dir)
        search = config.plugins.get("material/search")
        if search is not None:
            self._search_words(search.search_index.entries)
            search_worker.write_search_worker(site_dir)
        minify.minify_assets(site_dir)
        languages.write_sitemap_alternates(site_dir, build.addresses, build.lang)
        (site_dir / reviews.STATUS_FILE).write_text(json.dumps({"lang": build.lang, "pages": build.status},
                                                               indent=1, sort_keys=True))
        pages = self._built_pages()
        info = built.SiteInfo(name=config.site_name, url=config.site_url or "", description=config.site_description or "",
                              language=build.lang, docs=Path(config.docs_dir).name, clinic=config.extra.get("clinic", {}),
                              country=build.handbook.country)
        built.write_manifest(site_dir, info, pages)
        logging.getLogger("mkdocs").removeHandler(build.problems)
        if not build.pdfs:
            log.info("PDF handouts skipped (HANDOUTS=1 builds them)")
        elif config.strict and build.problems.count:
            log.info("PDF handouts skipped: the build has warnings")
        elif build.clinic.country != build.handbook.country:  # the handouts of a clinic in another country
            from handbook.adapter.build import paper_edition

            paper_edition(config.config_file_path, build.clinic.country, site_dir)
        else:
            steps.make_pdfs(site_dir, build.root, info, pages, build.handbook, build.env, build.clinic)

    @event_priority(-200)  # last: after the search index, the redirect pages and the offline plugin's files
    @one_line
    def _offline(self, config) -> None:
        build = self.build
        if build.offline:
            site_dir = Path(config.site_dir)
            log.info("Theme stylesheets: %s", theme_css.trim(site_dir, build.scripts["theme-css"]))
            log.info("Offline: %s", offline.make_offline(site_dir, config.site_name, build.handbook.t("Handbook"),
                                                          config.site_description or "", build.lang,
                                                          build.scripts["offline"]))

    on_post_build = CombinedEvent(_post_build, _offline)

    def _search_words(self, entries: list[dict]) -> None:
        words = search_words.compile_words(self.build.handbook.search_words)
        unused = search_words.add_to_index(entries, words)
        if unused:
            log.warning(f"data/search-words.yaml: no page uses {', '.join(repr(w) for w in unused)}; "
                        "change the word to one the pages use, or remove it")
        urls = {page.file.src_uri: page.url or "index.html" for page in self.build.pages}
        missing = search_words.add_questions(entries, self.build.handbook.questions, urls)
        if missing:
            raise HandbookError(f"data/{questions.QUESTIONS}: search has no section for "
                                f"{', '.join(missing)}; answer with a heading's id")
        if self.build.lang != "en":
            languages.add_accent_free_words(entries)
        search_words.shorten_shown_text(entries)

    def _built_pages(self) -> list[built.BuiltPage]:
        return [_built_page(page) for page in self.build.pages]

    def on_build_error(self, error) -> None:
        self.on_shutdown()  # the failed build's state goes, its Node steps ended

    def on_shutdown(self) -> None:
        if self.build is not None:
            logging.getLogger("mkdocs").removeHandler(self.build.problems)
            self.build.stop_scripts()
        self.build = None


def _built_page(page) -> built.BuiltPage:
    meta, status = page.meta, page.meta.get("review")
    return built.BuiltPage(
        src_uri=page.file.src_uri, url=page.url, title=str(page.title), content=page.content or "",
        label=page_label(page), last_reviewed=meta["last_reviewed"].isoformat(),
        next_review=meta["next_review"].isoformat(), review_line=str(meta.get("review_line", "")),
        reviewed=bool(status and status.reviewed), review_kind=status.kind if status else "unreviewed",
        handout=str(meta["handout"]) if meta.get("handout") else None, audience=str(meta.get("audience", "patients")),
        sources=tuple(str(s) for s in meta.get("sources") or ()), paper=meta.get("paper_body", ""))


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
