"""Macros for the Microneedling Patient Handbook.

Three layers, each usable on its own:

1. Load and validate: the YAML files in ``data/`` become typed models, and
   every id one file uses must exist in another. Errors name the file and key.
2. Pure renderers: models in, HTML out, through autoescaped Jinja templates in
   ``overrides/macros/``. No MkDocs objects, so tests call them directly.
3. ``define_env``: the thin glue that mkdocs-macros-plugin calls.
"""

import datetime as dt
import logging
import posixpath
import re
import traceback
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs_macros.errors import format_error
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError

ROOT = Path(__file__).parent
DATA_DIR = ROOT / "data"
TEMPLATES_DIR = ROOT / "overrides" / "macros"
REFERENCES_PAGE = "references.md"

# A separate logger: overdue reviews are reported but must not fail strict builds.
review_log = logging.getLogger("handbook.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False


class HandbookError(PluginError):
    """A mistake in data or pages; the message says where and how to fix it."""


# ---------------------------------------------------------------------------
# Layer 1: load and validate
# ---------------------------------------------------------------------------

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Model(BaseModel):
    # Field docstrings become descriptions in the JSON Schemas editors' tools show.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


class Reference(Model):
    """A source readers can follow. Only tiers A and B may be cited."""

    id: Id
    """Short name that pages and data cite, e.g. nhs-botox."""
    tier: Literal["A", "B"]
    """A: regulator, guideline or peer-reviewed paper. B: national health service, professional society."""
    citation: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Sourced(Model):
    """A piece of reader-facing text and the sources behind it."""

    text: Text
    sources: list[Id] = Field(min_length=1)
    """Ids from data/references.yaml."""


class Attribute(Model):
    """One row of a comparison table."""

    id: Id
    label: Text


class Treatment(Model):
    id: Id
    name: Text
    summary: Text
    values: dict[Id, Sourced]
    """One entry for every attribute id listed under `attributes`."""


class TreatmentsFile(Model):
    attributes: list[Attribute] = Field(min_length=1)
    treatments: list[Treatment] = Field(min_length=2)


Severity = Literal["absolute", "relative"]
Evidence = Literal["trial", "review", "guideline", "regulator", "expert-opinion", "clinic-practice"]


class Advice(Model):
    """What one contraindication means for one treatment."""

    severity: Severity
    """absolute: do not have this treatment while this applies. relative: talk to a clinician first."""
    reason: Text
    instead: Text
    evidence: Evidence
    """What the advice rests on. clinic-practice: common clinic advice, no studies found."""
    sources: list[Id]
    """Ids from data/references.yaml; may be empty only when evidence is clinic-practice."""


class Contraindication(Model):
    id: Id
    """The callout's web address (#id): keep it once published."""
    condition: Text
    treatments: dict[Id, Advice] = Field(min_length=1)
    """Advice per treatment id from data/treatments.yaml."""


class Fact(Model):
    value: str | int | float
    """What {{ facts.<name> }} shows in pages."""
    sources: list[Id] = Field(min_length=1)
    """Ids from data/references.yaml."""


class PageMeta(BaseModel):
    """Front matter every page must carry (other Material keys are allowed)."""

    model_config = ConfigDict(extra="allow")

    description: Text
    last_reviewed: dt.date
    next_review: dt.date
    reviewed_by: Text
    sources: list[Id]
    handout: Id | None = None


# Each data file and the type its content must have: the one source for
# validation here and for the JSON Schemas editors' tools use (data/schema/).
DATA_FILES = {
    "references.yaml": list[Reference],
    "treatments.yaml": TreatmentsFile,
    "contraindications.yaml": list[Contraindication],
    "facts.yaml": dict[Id, Fact],
}


def json_schemas() -> dict[str, dict]:
    """JSON Schema for each data file, generated from the models above."""
    schemas = {}
    for name, model in DATA_FILES.items():
        schema = TypeAdapter(model).json_schema()
        schema["title"] = f"data/{name}"
        schemas[name.replace(".yaml", ".schema.json")] = schema
    return schemas


class Handbook(Model):
    """Everything in data/, validated and cross-checked."""

    references: dict[str, Reference]
    attributes: list[Attribute]
    treatments: dict[str, Treatment]
    contraindications: dict[str, Contraindication]
    facts: dict[str, Fact]


def _where(loc: tuple, data: object) -> str:
    """Turn a pydantic error location into 'entry 3 (id 'x'), key 'y''."""
    parts, node = [], data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            entry = node[step] if step < len(node) else None
            label = f"entry {step + 1}"
            if isinstance(entry, dict) and "id" in entry:
                label += f" (id '{entry['id']}')"
            parts.append(label)
            node = entry
        else:
            parts.append(f"key '{step}'")
            node = node.get(step) if isinstance(node, dict) else None
    return ", ".join(parts) or "top level"


def _models_in(tp):
    """Yield the pydantic models inside a type such as ``list[Model]``."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp
    for arg in getattr(tp, "__args__", ()):
        yield from _models_in(arg)


def _allowed_keys(tp, loc: tuple) -> str:
    """The keys allowed beside the unknown key at ``loc``."""
    model = next(_models_in(tp))
    for step in loc[:-1]:
        if isinstance(step, str) and step in model.model_fields:
            model = next(_models_in(model.model_fields[step].annotation), model)
    return ", ".join(model.model_fields)


@lru_cache(maxsize=None)
def _adapter(model) -> TypeAdapter:
    return TypeAdapter(model)  # building one is slow; pages reuse it


def validate(model, data: object, source: str):
    """Validate ``data`` against ``model`` (a type); raise one error listing every problem."""
    try:
        return _adapter(model).validate_python(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = f"unknown key; allowed keys: {_allowed_keys(model, err['loc'])}"
            elif err["type"] == "missing":
                msg = "required key is missing"
            lines.append(f"  {_where(err['loc'], data)}: {msg}")
        raise HandbookError(f"{source}: invalid data\n" + "\n".join(lines)) from None


# libyaml when installed (several times faster), else the pure-Python loader; both are safe.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> object:
    """Parse one YAML file; a syntax error names the file and line."""
    if not path.is_file():
        raise HandbookError(f"{path.relative_to(ROOT)}: data file is missing")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        raise HandbookError(f"{path.relative_to(ROOT)}{line}: YAML syntax error: {exc.problem}") from None


def _by_id(items: Iterable, source: str) -> dict:
    out: dict = {}
    for item in items:
        if item.id in out:
            raise HandbookError(f"{source}: duplicate id '{item.id}'")
        out[item.id] = item
    return out


def check_ids(used: Iterable[str], known: dict, what: str, where: str) -> None:
    """Raise if any id in ``used`` is not a key of ``known``."""
    for ident in used:
        if ident not in known:
            allowed = ", ".join(sorted(known))
            raise HandbookError(f"{where}: unknown {what} '{ident}'; allowed values: {allowed}")


def with_facts(node: object, facts: "Facts", source: str, where: str = "") -> object:
    """Data text with every ``{{ facts.<id> }}`` replaced by the fact's value, strictly."""
    if isinstance(node, dict):
        return {k: with_facts(v, facts, source, f"{where}.{k}" if where else str(k)) for k, v in node.items()}
    if isinstance(node, list):
        return [with_facts(v, facts, source, f"{where}[{i + 1}]") for i, v in enumerate(node)]
    if isinstance(node, str) and ("{{" in node or "{%" in node):
        try:
            return fact_templates().from_string(node).render(facts=facts)
        except (HandbookError, TemplateError) as exc:
            raise HandbookError(f"{source}, key '{where}': {exc}") from None
    return node


@lru_cache(maxsize=1)
def fact_templates() -> Environment:
    """Jinja for data text: facts only, nothing else defined, no HTML escaping (templates escape later)."""
    return Environment(undefined=StrictUndefined, autoescape=False)


def load_handbook(data_dir: Path = DATA_DIR) -> Handbook:
    """Read and cross-check every data file."""
    name = lambda f: f"{data_dir.name}/{f}"  # noqa: E731 - short label for messages
    facts = validate(DATA_FILES["facts.yaml"], read_yaml(data_dir / "facts.yaml"), name("facts.yaml"))
    values = Facts({k: f.value for k, f in facts.items()})
    raw = {
        f: validate(model, with_facts(read_yaml(data_dir / f), values, name(f)), name(f))
        for f, model in DATA_FILES.items()
        if f != "facts.yaml"
    }
    raw["facts.yaml"] = facts
    refs = _by_id(raw["references.yaml"], name("references.yaml"))
    tfile = raw["treatments.yaml"]
    attributes = _by_id(tfile.attributes, name("treatments.yaml") + " attributes")
    treatments = _by_id(tfile.treatments, name("treatments.yaml"))
    contras = _by_id(raw["contraindications.yaml"], name("contraindications.yaml"))
    facts = raw["facts.yaml"]

    for t in treatments.values():
        where = f"{name('treatments.yaml')}: treatment '{t.id}', values"
        check_ids(t.values, attributes, "attribute", where)
        missing = [a for a in attributes if a not in t.values]
        if missing:
            raise HandbookError(f"{where}: missing value for attribute(s): {', '.join(missing)}")
        for attr, value in t.values.items():
            check_ids(value.sources, refs, "source id", f"{where}.{attr}.sources")
    for c in contras.values():
        where = f"{name('contraindications.yaml')}: id '{c.id}'"
        check_ids(c.treatments, treatments, "treatment id", f"{where}, key 'treatments'")
        for tid, advice in c.treatments.items():
            check_ids(advice.sources, refs, "source id", f"{where}, key 'treatments.{tid}.sources'")
            if not advice.sources and advice.evidence != "clinic-practice":
                raise HandbookError(f"{where}, key 'treatments.{tid}.sources': needs at least one source "
                                    "unless evidence is clinic-practice")
    for key, fact in facts.items():
        check_ids(fact.sources, refs, "source id", f"{name('facts.yaml')}: fact '{key}', key 'sources'")

    return Handbook(
        references=refs,
        attributes=list(attributes.values()),
        treatments=treatments,
        contraindications=contras,
        facts=facts,
    )


def validate_page_meta(meta: dict, src_path: str, handbook: Handbook) -> PageMeta:
    """Check a page's front matter: review fields present, source ids known."""
    page = validate(PageMeta, meta, f"docs/{src_path} front matter")
    check_ids(page.sources, handbook.references, "source id", f"docs/{src_path} front matter, key 'sources'")
    if page.next_review <= page.last_reviewed:
        raise HandbookError(f"docs/{src_path} front matter, key 'next_review': must be after last_reviewed")
    return page


def overdue(page: PageMeta, today: dt.date) -> bool:
    return page.next_review < today


class Facts(dict):
    """Shared facts as ``{{ facts.name }}``; an unknown name fails loudly."""

    def __getattr__(self, key: str):
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise HandbookError(
                f"unknown fact '{key}'; allowed values: {', '.join(sorted(self))} (see data/facts.yaml)"
            ) from None


# ---------------------------------------------------------------------------
# Layer 2: pure renderers
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render(template: str, **context) -> str:
    """Render a macro template as one left-aligned HTML block.

    Markdown would read indented lines as code and blank lines as the end of
    an HTML block, so both are removed.
    """
    html = templates().get_template(template).render(**context)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def render_comparison(hb: Handbook, treatment_ids: Iterable[str], references_url: str) -> str:
    """A table with one row per attribute and one column per treatment."""
    ids = list(treatment_ids)
    if len(ids) < 2:
        raise HandbookError("comparison_table needs at least two treatment ids")
    check_ids(ids, hb.treatments, "treatment id", "comparison_table")
    return _render(
        "comparison_table.html",
        attributes=hb.attributes,
        treatments=[hb.treatments[i] for i in ids],
        references_url=references_url,
    )


class Callout(BaseModel):
    """One contraindication as a callout: the advice shown, treatment by treatment."""

    model_config = ConfigDict(frozen=True)

    item: Contraindication
    advice: dict[str, Advice]

    @property
    def severity(self) -> str:
        """The strictest advice shown decides the box."""
        return "absolute" if any(a.severity == "absolute" for a in self.advice.values()) else "relative"


def select_contraindications(
    hb: Handbook, treatment: str | None = None, severity: str | None = None, where: str = "contraindications"
) -> list[Callout]:
    """Callouts for one treatment (its advice only) or for all, optionally of one severity.

    Selecting nothing is an error: a page section that would be empty is a mistake.
    """
    if treatment is not None:
        check_ids([treatment], hb.treatments, "treatment id", f"{where}(treatment=...)")
    if severity is not None and severity not in Severity.__args__:
        raise HandbookError(
            f"{where}(severity=...): unknown severity '{severity}'; allowed values: absolute, relative"
        )
    callouts = []
    for c in hb.contraindications.values():
        advice = {t: a for t, a in c.treatments.items() if treatment is None or t == treatment}
        if advice and (severity is None or any(a.severity == severity for a in advice.values())):
            callouts.append(Callout(item=c, advice=advice))
    if not callouts:
        raise HandbookError(
            f"{where}(treatment={treatment!r}, severity={severity!r}) selects nothing: "
            "no contraindication in data/contraindications.yaml matches"
        )
    return callouts


def render_callouts(hb: Handbook, callouts: Iterable[Callout], references_url: str) -> str:
    """Contraindication callouts: "do not have" as danger, "talk first" as warning."""
    return _render(
        "contraindications.html",
        callouts=list(callouts),
        treatments=hb.treatments,
        references_url=references_url,
    )


def render_callout_links(callouts: Iterable[Callout]) -> str:
    """A short list linking to each callout on the same page."""
    return _render("contraindication_links.html", callouts=list(callouts))


def render_references(hb: Handbook, ids: Iterable[str]) -> str:
    """A numbered list of references, each with a stable anchor (its id)."""
    ids = list(ids)
    check_ids(ids, hb.references, "source id", "references")
    return _render("references.html", refs=[hb.references[i] for i in ids])


# ---------------------------------------------------------------------------
# Layer 3: mkdocs-macros glue
# ---------------------------------------------------------------------------


def _url_from(page, target: str) -> str:
    """Relative URL from the current page to another docs page (no directory URLs)."""
    here = posixpath.dirname(page.file.src_uri)
    return posixpath.relpath(target.removesuffix(".md") + ".html", here or ".")


def define_env(env) -> None:
    hb = load_handbook()
    env.variables["facts"] = Facts({k: f.value for k, f in hb.facts.items()})
    env.variables["handbook"] = hb

    def refs_url() -> str:
        return _url_from(env.page, REFERENCES_PAGE)

    @env.macro
    def comparison_table(*treatment_ids: str) -> str:
        """Compare two or more treatments: {{ comparison_table("microneedling", "botox") }}."""
        return render_comparison(hb, treatment_ids, refs_url())

    @env.macro
    def contraindications(treatment: str | None = None, severity: str | None = None) -> str:
        """Callouts for every contraindication, or those for one treatment or severity."""
        return render_callouts(hb, select_contraindications(hb, treatment, severity), refs_url())

    @env.macro
    def contraindication_links(treatment: str | None = None, severity: str | None = None) -> str:
        """A list of links to the callouts that contraindications() with the same arguments shows."""
        return render_callout_links(select_contraindications(hb, treatment, severity, "contraindication_links"))

    @env.macro
    def contraindication(ident: str, treatment: str | None = None) -> str:
        """The callout for one contraindication, by id (optionally for one treatment only)."""
        check_ids([ident], hb.contraindications, "contraindication id", "contraindication()")
        item = hb.contraindications[ident]
        if treatment is not None:
            check_ids([treatment], item.treatments, "treatment id", f"contraindication({ident!r}, treatment=...)")
        advice = {t: a for t, a in item.treatments.items() if treatment in (None, t)}
        return render_callouts(hb, [Callout(item=item, advice=advice)], refs_url())

    @env.macro
    def reference_list() -> str:
        """Every reference in data/references.yaml (for the References page)."""
        return render_references(hb, sorted(hb.references, key=lambda i: hb.references[i].citation))


def _source_line(page, error: Exception) -> str:
    """', line N' of the page's source file where a template error happened, if known."""
    frames = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    if not frames:
        return ""
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    front = re.match(r"^---\n.*?\n---[ \t]*\n\n*", text, re.S)  # MkDocs also strips blank lines
    offset = front.group(0).count("\n") if front else 0
    return f", line {frames[-1] + offset}"


@format_error.register(HandbookError)
@format_error.register(UndefinedError)
def _format_page_error(error: Exception, markdown: str, page) -> str:
    """One line an editor can act on, instead of a traceback."""
    return f"docs/{page.file.src_path}{_source_line(page, error)}: {error}"


def on_pre_page_macros(env) -> None:
    """Validate front matter; append the page's sources list."""
    page = env.page
    meta = validate_page_meta(page.meta, page.file.src_path, env.variables["handbook"])
    if overdue(meta, dt.date.today()):
        review_log.warning(
            "Review overdue: docs/%s was due for review on %s (run `make overdue`)",
            page.file.src_path,
            meta.next_review,
        )
    if meta.sources:
        refs = render_references(env.variables["handbook"], meta.sources)
        # Citations stay out of the search index: they would match patients' words by chance.
        env.markdown += f'\n\n## Sources {{ #sources data-search-exclude }}\n\n<div data-search-exclude>\n{refs}\n</div>\n'

