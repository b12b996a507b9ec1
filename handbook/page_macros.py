"""The mkdocs-macros layer: the macros pages can call, the page hook, and one-line errors.

``macros.py`` at the project root (mkdocs-macros' entry point) only imports these.
"""

import datetime as dt
import inspect
import logging
import posixpath
import re
import traceback
from functools import wraps
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError
from markupsafe import escape
from mkdocs_macros.errors import format_error

from handbook import render, sandbox
from handbook.data import Handbook, handbook_for
from handbook.errors import HandbookError, page_label
from handbook.frontmatter import check_meta, overdue, read_meta, split

REFERENCES_PAGE = "references.md"
LABELLED = re.compile(r"^(docs[-\w]*|data|includes[-\w]*)/\S+")

# A separate logger: overdue reviews are reported but must not fail strict builds.
review_log = logging.getLogger("handbook.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False


def _url_from(page, target: str) -> str:
    """Relative URL from the current page to another docs page (no directory URLs)."""
    here = posixpath.dirname(page.file.src_uri)
    return posixpath.relpath(target.removesuffix(".md") + ".html", here or ".")


def _checked(name: str, func):
    """A macro whose wrong arguments fail with its signature, not a Python TypeError."""
    signature = inspect.signature(func).replace(return_annotation=inspect.Signature.empty)

    @wraps(func)
    def macro(*args, **kwargs):
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as exc:
            raise HandbookError(f"{name}{signature}: {exc}; see CONTRIBUTING.md, 'Macros you can use'") from None
        for param, value in bound.arguments.items():  # a switch: "yes" or 1 would pass silently
            if signature.parameters[param].annotation in (bool, "bool") and not isinstance(value, bool):
                raise HandbookError(f"{name}({param}=...): write True or False, not {value!r}")
        return func(*args, **kwargs)

    return macro


def nav_pages(nav) -> list[tuple[str, str]]:
    """(title, file) of every page in a nav from mkdocs.yml, in order."""
    found = []
    for entry in nav or []:
        items = entry.items() if isinstance(entry, dict) else [(None, entry)]
        for title, target in items:
            found += nav_pages(target) if isinstance(target, list) else [(title, target)]
    return found


def macros(hb: Handbook, page, handouts=lambda: [], publisher: dict | None = None) -> dict:
    """The macros pages can call; ``page()`` gives the page being rendered, ``handouts()`` the handout pages."""

    def comparison_table(*treatment_ids: str) -> str:
        """Compare two or more treatments: comparison_table("microneedling", "botox")."""
        return render.render_comparison(hb, treatment_ids, _url_from(page(), REFERENCES_PAGE))

    def contraindications(treatment: str | None = None, severity: str | None = None,
                          fold_on_phones: bool = False) -> str:
        """Callouts for every contraindication, or those for one treatment or severity.

        fold_on_phones=True: on a phone each callout shows only its title until tapped.
        """
        callouts = render.select_contraindications(hb, treatment, severity)
        return render.render_callouts(hb, callouts, _url_from(page(), REFERENCES_PAGE), fold_on_phones)

    def contraindication_links(treatment: str | None = None, severity: str | None = None) -> str:
        """Links to the callouts that contraindications() with the same arguments shows."""
        return render.render_callout_links(
            render.select_contraindications(hb, treatment, severity, "contraindication_links"))

    def contraindication(ident: str, treatment: str | None = None) -> str:
        """The callout for one contraindication, by id (optionally for one treatment only)."""
        callout = render.one_callout(hb, ident, treatment)
        return render.render_callouts(hb, [callout], _url_from(page(), REFERENCES_PAGE))

    def handout_table() -> str:
        """Every handout, from the pages' front matter (`handout:`), in nav order, with its PDFs."""
        here = page()
        rows = [dict(slug=slug, title=title, page_url=_url_from(here, file),
                     pdf_url=_url_from(here, f"handouts/{slug}.md").replace(".html", ".pdf"),
                     large_url=_url_from(here, f"handouts/large-print/{slug}.md").replace(".html", ".pdf"))
                for title, file, slug in handouts()]
        if not rows:
            raise HandbookError("handout_table(): no page has `handout:` in its front matter")
        return render.render_block("macros/handout_table.html", handouts=rows, _=hb.t)

    def publisher_details() -> str:
        """Who publishes the handbook, how to reach them and who funds it (extra.publisher in mkdocs.yml)."""
        return render.render_block("macros/publisher.html", publisher=publisher or {}, _=hb.t)

    def reference_list() -> str:
        """Every reference in data/references.yaml (for the References page)."""
        return render.render_references(hb, sorted(hb.references, key=lambda i: hb.references[i].citation))

    found = [comparison_table, contraindications, contraindication_links, contraindication, handout_table,
             publisher_details, reference_list]
    return {f.__name__: _checked(f.__name__, f) for f in found}


def define_env(env) -> None:
    hb = handbook_for(Path(env.project_dir) / "data", env.conf["theme"]["language"])
    env.variables["facts"] = hb.fact_values()
    env.variables["handbook"] = hb
    docs = Path(env.conf["docs_dir"])

    def handouts() -> list[tuple[str, str, str]]:
        """(title, file, slug) of each nav page whose front matter names a handout."""
        found = []
        for title, file in nav_pages(env.conf["nav"]):
            meta = read_meta(docs / file, f"docs/{file}")
            if meta.get("handout"):
                found.append((title or meta.get("title") or file, file, meta["handout"]))
        return found

    ours = macros(hb, lambda: env.page, handouts, (env.conf.get("extra") or {}).get("publisher"))
    for name, func in ours.items():
        env.macro(func, name)
    _known_names[:] = sorted(ours)


_known_names: list[str] = []


def _source_line(page, error: Exception) -> str:
    """', line N' of the page's source file where a template error happened, if known."""
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        lineno = error.lineno
    else:
        frames = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
        if not frames:
            return ""
        lineno = frames[-1]
    return f", line {lineno + _body_offset(page)}"


def _body_offset(page) -> int:
    """Lines of the page file before the text MkDocs hands to the macros (front matter, blank lines)."""
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    _, front_lines = split(text)
    rest = text.splitlines(keepends=True)[front_lines:]
    return front_lines + next((i for i, line in enumerate(rest) if line.strip()), 0)  # MkDocs drops leading blanks


def _escaped(value):
    """Front matter for the theme: every text escaped, however deep (the theme writes it unescaped)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


@format_error.register(Exception)
@format_error.register(TemplateSyntaxError)
def _format_page_error(error: Exception, markdown: str, page) -> str:
    """One line an editor can act on, instead of a traceback."""
    message = str(error) if isinstance(error, (HandbookError, UndefinedError, TemplateSyntaxError)) else \
        f"{type(error).__name__}: {error}"
    if isinstance(error, UndefinedError) and "is undefined" in message and _known_names:
        message += f"; macros you can use: {', '.join(_known_names)}; variables: facts"
    if isinstance(error, HandbookError) and LABELLED.match(message):
        return message  # already names its own file (another page's front matter, a data file)
    return f"{page_label(page)}{_source_line(page, error)}: {message}"


def on_pre_page_macros(env) -> None:
    """Read and check the page's front matter (YAML 1.2) and its template, before anything renders."""
    page = env.page
    label = page_label(page)
    plain = read_meta(Path(page.file.abs_src_path), label)
    hb = env.variables["handbook"]
    meta = check_meta(plain, label, references=hb.references)
    _check_page_kind(meta, page, env.conf, label)
    if env.markdown.startswith("---"):  # MkDocs' YAML 1.1 could not read it: ours is the one that counts
        env.markdown = "".join(env.markdown.splitlines(keepends=True)[split(env.markdown)[1]:])
    sandbox.check_page(env.markdown, label, _body_offset(page) + 1, _known_names, hb.facts)
    # Front matter is untrusted text: the theme writes some of it unescaped into <meta> and <title>.
    page.meta.clear()
    page.meta.update(_escaped(plain))
    page.meta.update(last_reviewed=meta.last_reviewed, next_review=meta.next_review,
                     description=escape(meta.description))
    if overdue(meta, dt.date.today()):
        review_log.warning("Review overdue: %s was due for review on %s (run `python -m handbook overdue`)",
                           label, meta.next_review)


def on_post_page_macros(env) -> None:
    """The page's sources list, appended once its template has rendered (data text is never a template)."""
    hb = env.variables["handbook"]
    sources = env.page.meta.get("sources")  # checked ids, set by on_pre_page_macros
    if sources:
        refs = render.render_references(hb, sources)
        # Citations stay out of the search index: they would match patients' words by chance.
        heading = hb.t("Sources")
        env.markdown += f'\n\n## {heading} {{ #sources data-search-exclude }}\n\n<div data-search-exclude>\n{refs}\n</div>\n'


def _check_page_kind(meta, page, conf, label: str) -> None:
    """Keys that only some pages may have, and the pages and icons the home page's cards name."""
    home = page.file.src_uri == "index.md"
    if meta.template and not home:
        raise HandbookError(f"{label} front matter, key 'template': only the home page (index.md) uses it")
    if meta.translation and conf["theme"]["language"] == "en":
        raise HandbookError(f"{label} front matter, key 'translation': only translated pages (docs-es/) have it")
    docs = Path(conf["docs_dir"])
    links = [("worried", meta.worried.link)] if meta.worried else []
    for i, card in enumerate(meta.journey, 1):
        links.append((f"journey, entry {i}", card.page))
        if not any((Path(d) / ".icons" / f"{card.icon}.svg").is_file() for d in conf["theme"].dirs):
            raise HandbookError(f"{label} front matter, key 'journey', entry {i}: no icon '{card.icon}' in the theme")
    for where, target in links:
        if not (docs / target.split("#")[0]).is_file():
            raise HandbookError(f"{label} front matter, key '{where}': '{target}' is not a page in {docs.name}/")
