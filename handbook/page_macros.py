"""The macros pages can call, and what every page goes through before and after its template renders.

Plain Python: ``handbook/adapter/macros.py`` hands these to mkdocs-macros.
"""

import datetime as dt
import inspect
import logging
import posixpath
import re
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from markupsafe import Markup, escape

from handbook import figures, render, sandbox
from handbook.data import Handbook, markdown_literal
from handbook.errors import HandbookError, check_ids
from handbook.frontmatter import check_meta, overdue, split
from handbook.models import PageMeta

REFERENCES_PAGE = "references.md"

# A separate logger: overdue reviews are reported but must not fail strict builds.
review_log = logging.getLogger("handbook.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False


def _url_from(src_uri: str, target: str) -> str:
    """Relative URL from the page ``src_uri`` to another docs page (no directory URLs)."""
    here = posixpath.dirname(src_uri)
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


def macros(hb: Handbook, page: Callable[[], str], handouts=lambda: [], publisher: dict | None = None) -> dict:
    """The macros pages can call; ``page()`` gives the file being rendered, ``handouts()`` the handout pages."""

    def comparison_table(*treatment_ids: str) -> str:
        """Compare two or more treatments: comparison_table("microneedling", "botox")."""
        return render.render_comparison(hb, treatment_ids, _url_from(page() or "", REFERENCES_PAGE))

    def contraindications(treatment: str | None = None, severity: str | None = None,
                          fold_on_phones: bool = False) -> str:
        """Callouts for every contraindication, or those for one treatment or severity.

        fold_on_phones=True: on a phone each callout shows only its title until tapped.
        """
        callouts = render.select_contraindications(hb, treatment, severity)
        return render.render_callouts(hb, callouts, _url_from(page() or "", REFERENCES_PAGE), fold_on_phones)

    def contraindication_links(treatment: str | None = None, severity: str | None = None) -> str:
        """Links to the callouts that contraindications() with the same arguments shows."""
        return render.render_callout_links(
            render.select_contraindications(hb, treatment, severity, "contraindication_links"))

    def contraindication(ident: str, treatment: str | None = None) -> str:
        """The callout for one contraindication, by id (optionally for one treatment only)."""
        callout = render.one_callout(hb, ident, treatment)
        return render.render_callouts(hb, [callout], _url_from(page() or "", REFERENCES_PAGE))

    def handout_table() -> str:
        """Every handout, from the pages' front matter (`handout:`), in nav order, with its PDFs."""
        here = page() or ""
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

    def cite(*source_ids: str) -> str:
        """Numbered source marks for the sentence before it: cite("nhs-botox", "alam-2014")."""
        if not source_ids:
            raise HandbookError("cite(): name at least one source id from data/references.yaml")
        check_ids(list(source_ids), hb.references, "source id", "cite()")
        return render.render_block("macros/cite.html", ids=list(source_ids), numbers=render.reference_numbers(hb),
                                   references_url=_url_from(page() or "", REFERENCES_PAGE), _=hb.t)

    def treatment_text(treatment: str, row: str) -> str:
        """What the comparison table says of one treatment in one row, with its sources:
        treatment_text("botox", "common_side_effects")."""
        check_ids([treatment], hb.treatments, "treatment id", "treatment_text()")
        check_ids([row], hb.treatments[treatment].values, "row id (data/treatments.yaml attributes)", "treatment_text()")
        value = hb.treatments[treatment].values[row]
        return render.render_block("macros/treatment_text.html", value=value, numbers=render.reference_numbers(hb),
                                   references_url=_url_from(page() or "", REFERENCES_PAGE), _=hb.t)

    def source_link(source_id: str, text: str) -> str:
        """Your words as a link to a source's own page: source_link("mhra-yellow-card", "the Yellow Card scheme")."""
        check_ids([source_id], hb.references, "source id", "source_link()")
        return render.render_block("macros/source_link.html", url=hb.references[source_id].url, text=text)

    def fact_link(name: str) -> str:
        """A country's words for a service, as a link to the service's page: fact_link("report_side_effects")."""
        check_ids([name], hb.local, "country fact", "fact_link()")
        if name not in hb.local_sources:
            raise HandbookError(f"fact_link(): the fact '{name}' names no service; give it a source in "
                                "data/countries.yaml (source: ID), or write {{ facts." + name + " }}")
        url = hb.references[hb.local_sources[name]].url
        return render.render_block("macros/source_link.html", url=url, text=Markup(markdown_literal(hb.local[name])))

    placed: dict[str, int] = {}

    def figure(name: str) -> str:
        """One of the handbook's figures, drawn from the data: figure("skin-depths")."""
        here = page() or ""
        placed[here] = placed.get(here, 0) + 1
        return figures.render_figure(hb, name, f"fig-{name}-{placed[here]}")

    def reference_list() -> str:
        """Every reference in data/references.yaml (for the References page)."""
        return render.render_references(hb, sorted(hb.references, key=lambda i: hb.references[i].citation))

    found = [cite, comparison_table, contraindications, contraindication_links, contraindication, handout_table,
             publisher_details, reference_list, source_link, fact_link, figure, treatment_text]
    return {f.__name__: _checked(f.__name__, f) for f in found}


def macro_names() -> list[str]:
    """The names pages may call (the list does not depend on the data)."""
    return sorted(macros(None, lambda: ""))


def _escaped(value):
    """Front matter for the theme: every text escaped, however deep (the theme writes it unescaped)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


def body_offset(text: str) -> int:
    """Lines of a page file before the text the generator hands to the macros (front matter, blank lines)."""
    _, front_lines = split(text)
    rest = text.splitlines(keepends=True)[front_lines:]
    return front_lines + next((i for i, line in enumerate(rest) if line.strip()), 0)  # MkDocs drops leading blanks


def prepare_page(markdown: str, source: str, plain: dict, *, src_uri: str, label: str, hb: Handbook, lang: str,
                 docs: Path, theme_dirs: list[str], names: list[str]) -> tuple[str, dict]:
    """A page before its template renders: front matter checked, template checked; (markdown, theme's meta).

    ``source`` is the page file's text, ``plain`` its front matter as read (YAML 1.2).
    """
    meta = check_meta(plain, label, references=hb.references)
    _check_page_kind(meta, src_uri, lang, docs, theme_dirs, label)
    if markdown.startswith("---"):  # the generator's YAML 1.1 could not read it: ours is the one that counts
        markdown = "".join(markdown.splitlines(keepends=True)[split(markdown)[1]:])
    sandbox.check_page(markdown, label, body_offset(source) + 1, names, hb.fact_texts())
    if overdue(meta, dt.date.today()):
        review_log.warning("Review overdue: %s was due for review on %s (run `python -m handbook overdue`)",
                           label, meta.next_review)
    # Front matter is untrusted text: the theme writes some of it unescaped into <meta> and <title>.
    shown = _escaped(plain)
    shown.update(last_reviewed=meta.last_reviewed, next_review=meta.next_review, description=escape(meta.description))
    return markdown, shown


CITED = re.compile(r'href="[^"#]*references\.html#([a-z0-9-]+)"')


def cited_sources(listed, rendered: str) -> list[str]:
    """A page's sources: its front matter's, then every other one its text, boxes and tables cite, in order."""
    return list(dict.fromkeys([*(listed or []), *CITED.findall(rendered)]))


def page_sources(hb: Handbook, listed, rendered: str) -> list[str]:
    """A page's sources (cited_sources) in the order of their numbers, as a reader looks a mark's number up."""
    numbers = render.reference_numbers(hb)
    return sorted(cited_sources(listed, rendered), key=lambda ident: numbers.get(ident, 0))


def sources_section(hb: Handbook, sources) -> str:
    """The page's sources list, appended once its template has rendered (data text is never a template)."""
    if not sources:
        return ""
    refs = render.render_references(hb, sources)
    # Citations stay out of the search index: they would match patients' words by chance.
    return f'\n\n## {hb.t("Sources")} {{ #sources data-search-exclude }}\n\n<div data-search-exclude>\n{refs}\n</div>\n'


def as_asked(question: str) -> str:
    """A question as a heading shows it: "does it hurt" -> "Does it hurt?", "¿duele?" -> "¿Duele?"."""
    text = question.strip()
    lead = 1 if text.startswith("¿") else 0
    text = text[:lead] + text[lead:lead + 1].upper() + text[lead + 1:]
    return text if text.endswith("?") else text + "?"


def questions_section(hb: Handbook, src_uri: str) -> str:
    """The questions the page answers (data/questions.yaml), each linking to its section."""
    from handbook.questions import questions_for

    grouped = {section: [as_asked(q.question) for q in asked] for section, asked in questions_for(hb, src_uri).items()}
    if not grouped:
        return ""
    block = render.render_block("macros/page_questions.html", grouped=grouped, count=sum(map(len, grouped.values())),
                                _=hb.t)
    return f"\n\n{block}\n"


def _check_page_kind(meta: PageMeta, src_uri: str, lang: str, docs: Path, theme_dirs: list[str], label: str) -> None:
    """Keys that only some pages may have, and the pages and icons the home page's cards name."""
    if meta.template and src_uri != "index.md":
        raise HandbookError(f"{label} front matter, key 'template': only the home page (index.md) uses it")
    if meta.translation and lang == "en":
        raise HandbookError(f"{label} front matter, key 'translation': only translated pages (docs-es/) have it")
    links = [("worried", meta.worried.link)] if meta.worried else []
    for i, card in enumerate(meta.journey, 1):
        links.append((f"journey, entry {i}", card.page))
        if not any((Path(d) / ".icons" / f"{card.icon}.svg").is_file() for d in theme_dirs):
            raise HandbookError(f"{label} front matter, key 'journey', entry {i}: no icon '{card.icon}' in the theme")
    for where, target in links:
        if not (docs / target.split("#")[0]).is_file():
            raise HandbookError(f"{label} front matter, key '{where}': '{target}' is not a page in {docs.name}/")
