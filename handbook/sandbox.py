"""Content is data, never code: what a page body or a data text may ask of Jinja.

Pages and data files are changed by pull request, so their templates are parsed and
checked against an allow-list before anything renders: a page may call the handbook's
macros with literal arguments and show ``facts.NAME``; a data text may only show
``facts.NAME``. Loops, filters, includes, imports, attribute access to anything else
and every other global stop the build with one line naming the file and the line.
Data text then renders in Jinja's immutable sandbox.
"""

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from handbook.errors import HandbookError
from handbook.html_offsets import VOID

MAX_MACRO_CALLS = 40  # a page with more boxes than this is a mistake, or an attempt to stall the build
MAX_HTML_DEPTH = 24  # nested HTML tags in a page body (Markdown slows sharply on deep nesting)
MAX_PAGE_CHARS = 200_000
MAX_PAGE_HTML = 2_000_000  # a page's HTML once its macros have rendered (the largest page today is under 50,000)
SNIPPET = re.compile(r"-+8<-+")  # pymdownx.snippets' marker, anywhere: pages may not pull in files
TEMPLATE_MARK = re.compile(r"\{[{%#]")
# Markup that belongs to the handbook's macros: a page that wrote it by hand would fake a box.
MACRO_MARKUP = re.compile(r"""\bhb-[a-z]|data-treatment""")
MAX_BRACKETS = 1_000  # '[' in one page: Markdown's link parsing slows sharply past a few thousand
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)>")
# Characters that change how text displays without being seen: right-to-left overrides,
# zero-width spaces and joiners, the byte-order mark.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c]")


@lru_cache(maxsize=1)
def _environment() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_characters(text: str, label: str, first_line: int = 1) -> None:
    """No NUL byte and no invisible direction or zero-width character: they make text read other than it is."""
    if "\0" in text:
        raise HandbookError(f"{label}, line {line_of(text, text.index(chr(0))) + first_line - 1}: "
                            "a NUL character; save the file as plain UTF-8 text")
    found = INVISIBLE.search(text)
    if found:
        raise HandbookError(f"{label}, line {line_of(text, found.start()) + first_line - 1}: invisible character "
                            f"U+{ord(found.group()):04X} (it changes how the text displays); delete it")


def _describe(node: nodes.Node) -> str:
    """How an editor would recognise the construct: '{% for %}', 'the filter |upper', 'lipsum'."""
    if isinstance(node, nodes.Filter):
        return f"the filter |{node.name}"
    if isinstance(node, nodes.Test):
        return f"the test 'is {node.name}'"
    if isinstance(node, nodes.Name):
        return f"'{node.name}'"
    if isinstance(node, nodes.Getattr):
        return f"'.{node.attr}'"
    if isinstance(node, nodes.Getitem):
        return "'[...]'"
    if isinstance(node, nodes.Call):
        return "'(...)', a call"
    if isinstance(node, nodes.Concat):
        return "'~' (joining texts)"
    if isinstance(node, nodes.CondExpr):
        return "'... if ... else ...'"
    if isinstance(node, nodes.Tuple | nodes.List | nodes.Dict):
        return "a list or a set of values"
    if isinstance(node, nodes.Const):
        return f"the value {node.value!r} on its own"
    if isinstance(node, nodes.Stmt):
        return f"{{% {type(node).__name__.lower()} %}}"
    return f"'{type(node).__name__}'"


class _Checker:
    """Walks a parsed template; every node must be one the allow-list names."""

    def __init__(self, label: str, first_line: int, macros: Iterable[str], facts: Iterable[str], key: str = ""):
        self.label, self.first_line, self.key = label, first_line, f", key '{key}'" if key else ""
        self.macros, self.facts = set(macros), set(facts)
        self.calls = 0

    def refuse(self, node: nodes.Node, what: str) -> None:
        line = (getattr(node, "lineno", 1) or 1) + self.first_line - 1
        raise HandbookError(f"{self.label}, line {line}{self.key}: {what} is not allowed in pages or data; "
                            f"{self.allowed()}; see CONTRIBUTING.md, 'Macros you can use'")

    def allowed(self) -> str:
        if self.macros:
            return f"use {{{{ facts.NAME }}}} or a macro with plain values: {', '.join(sorted(self.macros))}"
        return "data text may use only {{ facts.NAME }}"

    def template(self, tree: nodes.Template) -> None:
        for stmt in tree.body:
            if not isinstance(stmt, nodes.Output):
                self.refuse(stmt, _describe(stmt))
            for node in stmt.nodes:
                if not isinstance(node, nodes.TemplateData):
                    self.expression(node)

    def expression(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == "facts":
            if node.attr not in self.facts:
                raise HandbookError(f"{self.label}, line {node.lineno + self.first_line - 1}{self.key}: unknown fact "
                                    f"'{node.attr}'; allowed values: {', '.join(sorted(self.facts))} "
                                    "(see data/facts.yaml and the countries' facts in data/countries.yaml)")
            return
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in self.macros:
            if node.dyn_args or node.dyn_kwargs:
                self.refuse(node, "'*' or '**' in a macro call")
            for arg in [*node.args, *(k.value for k in node.kwargs)]:
                if not isinstance(arg, nodes.Const) or not isinstance(arg.value, str | int | bool | type(None)):
                    self.refuse(arg, f"{_describe(arg)} as a macro argument")
            self.calls += 1
            if self.calls > MAX_MACRO_CALLS:
                self.refuse(node, f"more than {MAX_MACRO_CALLS} macro calls on one page")
            return
        chain = [node]
        while isinstance(chain[-1], nodes.Getattr | nodes.Getitem | nodes.Call):
            chain.append(chain[-1].node)  # lipsum.__globals__.os: the parts, outermost first, the name last
        root, culprit = chain[-1], chain[-1]
        if isinstance(root, nodes.Name) and root.name in ("facts", *self.macros):
            # an allowed name used another way: name the first step past what is allowed
            allowed = 2 if len(chain) > 1 and isinstance(chain[-2], nodes.Getattr) and chain[-2].attr in self.facts \
                else 1
            culprit = chain[-1 - allowed] if len(chain) > allowed else node
        self.refuse(node, _describe(culprit))


def check_template(source: str, label: str, first_line: int = 1, macros: Iterable[str] = (),
                   facts: Iterable[str] = (), key: str = "") -> None:
    """Parse ``source`` as Jinja and refuse anything outside the allow-list (nothing is rendered)."""
    try:
        tree = _environment().parse(source)
    except RecursionError:
        raise HandbookError(f"{label}, line {first_line}" + (f", key '{key}'" if key else "") +
                            ": brackets nested too deeply") from None
    except TemplateSyntaxError as exc:
        where = f"{label}, line {(exc.lineno or 1) + first_line - 1}" + (f", key '{key}'" if key else "")
        raise HandbookError(f"{where}: template syntax error: {exc.message}") from None
    _Checker(label, first_line, macros, facts, key).template(tree)


def check_page(body: str, label: str, first_line: int, macros: Iterable[str], facts: Iterable[str]) -> None:
    """A page body: size, characters, no snippets, bounded HTML nesting, and an allowed template."""
    if len(body) > MAX_PAGE_CHARS:
        raise HandbookError(f"{label}: the page has {len(body):,} characters, more than {MAX_PAGE_CHARS:,}; "
                            "split it into pages")
    check_characters(body, label, first_line)
    for pattern, what in ((SNIPPET, "'--8<--' (including a file) is not allowed in pages; shared text belongs "
                                    "in data/"),
                          (MACRO_MARKUP, "the handbook's own markup (hb- classes, data-treatment) is written by its "
                                         "macros only; call the macro instead")):
        found = pattern.search(body)
        if found:
            raise HandbookError(f"{label}, line {line_of(body, found.start()) + first_line - 1}: {what}")
    if body.count("[") > MAX_BRACKETS:
        raise HandbookError(f"{label}: more than {MAX_BRACKETS:,} '[' on one page; split it into pages")
    _check_nesting(body, label, first_line)
    check_template(body, label, first_line, macros, facts)


def _check_nesting(body: str, label: str, first_line: int) -> None:
    """Open HTML elements, as a stack: a closing tag closes only an element that is open."""
    stack: list[str] = []
    for tag in TAG.finditer(body):
        closing, name, _, self_closing = tag.groups()
        name = name.lower()
        if name in VOID or self_closing:
            continue
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            continue
        stack.append(name)
        if len(stack) > MAX_HTML_DEPTH:
            raise HandbookError(f"{label}, line {line_of(body, tag.start()) + first_line - 1}: HTML nested more "
                                f"than {MAX_HTML_DEPTH} levels deep; simplify the markup")


def facts_shown(text: str) -> list[str]:
    """The names a data text shows as ``{{ facts.NAME }}``, in order (none if it is not a valid template)."""
    try:
        tree = _environment().parse(text)
    except TemplateSyntaxError:
        return []  # render_data_text reports it, with the line
    shown = (n.attr for n in tree.find_all(nodes.Getattr) if isinstance(n.node, nodes.Name) and n.node.name == "facts")
    return list(dict.fromkeys(shown))


def render_data_text(text: str, facts: dict, label: str, line: int, key: str) -> str:
    """A data text with ``{{ facts.NAME }}`` replaced, after the allow-list check, in the sandbox."""
    check_template(text, label, line, facts=facts, key=key)
    shown = _environment().from_string(text).render(facts=facts)
    if TEMPLATE_MARK.search(shown):  # {% raw %} would publish template code, and a page could run it
        raise HandbookError(f"{label}, line {line}, key '{key}': '{{{{', '{{%' and '{{#' are not allowed in data text, "
                            "even inside {% raw %}; write the words")
    return shown


CONTENT_FOLDERS = ("docs", "docs-es", "includes", "includes-es", "data")
# What each folder may hold, by file ending: nothing that a browser would run or a host would obey
# (an .html or .svg with script, a CNAME). Scripts and styles live in folders maintainers review.
ALLOWED_FILES = {
    "docs": {".md"}, "docs-es": {".md"}, "includes": {".md"}, "includes-es": {".md"},
    "data": {".yaml", ".json"}, "docs/assets": {".svg", ".png", ".jpg", ".webp"},
    "docs/javascripts": {".js"}, "docs/assets/javascripts": {".js"}, "docs/stylesheets": {".css"},
}
ACTIVE_SVG = re.compile(r"<script|<foreignObject|\son\w+\s*=|javascript:|<use\b[^>]*href\s*=\s*[\"']?[a-z]+:", re.I)
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
PAGE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")


def check_project_files(root) -> None:
    """Content folders hold only real files with plain names: a symlink could publish a file from outside."""
    for folder in CONTENT_FOLDERS:
        top = root / folder
        if top.is_symlink():
            raise HandbookError(f"{folder}: is a symbolic link; content folders must be real folders")
        for path in _walk(top):
            label = path.relative_to(root).as_posix()
            if path.is_symlink():
                raise HandbookError(f"{label}: is a symbolic link; commit the file itself (links could publish "
                                    "files from outside the project)")
            if not FILE_NAME.match(path.name):
                raise HandbookError(f"{label}: file names may use only letters, digits, '.', '-' and '_'")
            if path.suffix == ".md" and folder.startswith("docs") and not PAGE_NAME.match(path.name):
                raise HandbookError(f"{label}: page file names are lower-case words joined by hyphens, "
                                    "e.g. cold-sores.md")
            if path.is_file():
                _check_kind(path, label)


def _check_kind(path: Path, label: str) -> None:
    folder = next(f for f in sorted(ALLOWED_FILES, key=len, reverse=True) if label.startswith(f + "/"))
    if path.suffix.lower() not in ALLOWED_FILES[folder]:
        raise HandbookError(f"{label}: {folder}/ may hold only {', '.join(sorted(ALLOWED_FILES[folder]))} files")
    if path.suffix == ".svg" and ACTIVE_SVG.search(path.read_text(encoding="utf-8", errors="replace")):
        raise HandbookError(f"{label}: the image has a script, an event handler or an outside link; "
                            "export it as a plain drawing")


def _walk(top):
    """Every file and folder under ``top``, never following a link."""
    for folder, dirs, files in os.walk(top, followlinks=False):
        dirs.sort()
        for name in [*sorted(files), *dirs]:
            yield Path(folder) / name


ABBREVIATION = re.compile(r"^\*\[[^\]<>]+\]: [^<>]+$")


def check_abbreviations(text: str, label: str) -> None:
    """The glossary tooltips every page gets: one '*[term]: meaning' a line, plain words only."""
    check_characters(text, label)
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("<!--") and not ABBREVIATION.match(line):
            raise HandbookError(f"{label}, line {number}: write each tooltip as '*[term]: meaning', in plain words")
