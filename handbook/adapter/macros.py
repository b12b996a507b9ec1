"""What mkdocs-macros calls (``macros.py`` at the project root re-exports it): the macros, the page hooks, errors."""

import re
import traceback
from functools import wraps
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs_macros.errors import format_error

from handbook import editions
from handbook.errors import HandbookError
from handbook.frontmatter import read_meta
from handbook.page_macros import (
    body_offset,
    macro_names,
    macros,
    nav_pages,
    page_sources,
    prepare_page,
    questions_section,
    sources_section,
)

LABELLED = re.compile(r"^(docs[-\w]*|data|includes[-\w]*)/\S+")


def page_label(page) -> str:
    """How messages name a page: its folder and file, e.g. docs-es/glossary.md."""
    return f"{Path(page.file.src_dir).name}/{page.file.src_path}" if page.file.src_dir else f"docs/{page.file.src_path}"


def one_line(event):
    """A handbook error in an event stops the build with its one line, not a traceback."""

    @wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except HandbookError as exc:
            raise PluginError(str(exc)) from None

    return run


def _build(env):
    """This build's state, held by the handbook plugin."""
    return env.conf.plugins["handbook"].build


@one_line
def define_env(env) -> None:
    build = _build(env)
    env.variables["facts"] = build.handbook.fact_values()
    docs = Path(env.conf["docs_dir"])

    def handouts() -> list[tuple[str, str, str]]:
        """(title, file, slug) of each nav page whose front matter names a handout."""
        found = []
        for title, file in nav_pages(env.conf["nav"]):
            meta = read_meta(docs / file, f"docs/{file}")
            if meta.get("handout"):
                found.append((title or meta.get("title") or file, file, meta["handout"]))
        return found

    ours = macros(build.handbook, lambda: env.page.file.src_uri if env.page else None, handouts,
                  (env.conf.get("extra") or {}).get("publisher"))
    for name, func in ours.items():
        env.macro(func, name)


def _source_line(page, error: Exception) -> str:
    """', line N' of the page's source file where a template error happened, if known."""
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        lineno = error.lineno
    else:
        frames = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
        if not frames:
            return ""
        lineno = frames[-1]
    return f", line {lineno + body_offset(Path(page.file.abs_src_path).read_text(encoding='utf-8'))}"


@format_error.register(Exception)
@format_error.register(TemplateSyntaxError)
def _format_page_error(error: Exception, markdown: str, page) -> str:
    """One line an editor can act on, instead of a traceback."""
    message = str(error) if isinstance(error, (HandbookError, UndefinedError, TemplateSyntaxError)) else \
        f"{type(error).__name__}: {error}"
    if isinstance(error, UndefinedError) and "is undefined" in message:
        message += f"; macros you can use: {', '.join(macro_names())}; variables: facts"
    if isinstance(error, HandbookError) and LABELLED.match(message):
        return message  # already names its own file (another page's front matter, a data file)
    return f"{page_label(page)}{_source_line(page, error)}: {message}"


@one_line
def on_pre_page_macros(env) -> None:
    """Read and check the page's front matter (YAML 1.2) and its template, before anything renders."""
    page, build = env.page, _build(env)
    label = page_label(page)
    path = Path(page.file.abs_src_path)
    env.markdown, shown = prepare_page(
        env.markdown, path.read_text(encoding="utf-8"), read_meta(path, label), src_uri=page.file.src_uri,
        label=label, hb=build.handbook, lang=build.lang, docs=Path(env.conf["docs_dir"]),
        theme_dirs=env.conf["theme"].dirs, names=macro_names())
    page.meta.clear()
    page.meta.update(shown)


@one_line
def on_post_page_macros(env) -> None:
    """The questions the page answers and its sources list, appended once its template has rendered."""
    build = _build(env)
    hb = build.handbook
    if 'class="hb-references"' in env.markdown:  # the page shows the list itself (reference_list())
        return
    # Only what this country's editions cite, on the web and on paper: not another country's marked text.
    cited = editions.select(env.markdown, build.edition(""), page_label(env.page))
    env.page.meta["sources"] = sources = page_sources(hb, env.page.meta.get("sources"), cited)
    env.markdown += questions_section(hb, env.page.file.src_uri) + sources_section(hb, sources)
