"""Pure renderers: models in, HTML out, through the one Jinja environment.

No MkDocs objects here, so tests call them directly. Every value from data is
autoescaped: data files are untrusted text.
"""

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel, ConfigDict

from handbook.data import Handbook
from handbook.errors import HandbookError, check_ids
from handbook.models import Advice, Contraindication, Severity

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=4)
def environment(theme_dir: Path | None = None) -> Environment:
    """One environment for macro output and PDF documents; with ``theme_dir`` it can include the theme's partials."""
    return Environment(
        loader=FileSystemLoader([TEMPLATES, *([theme_dir] if theme_dir else [])]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_block(template: str, **context) -> str:
    """Render a macro template as one left-aligned HTML block.

    Markdown would read indented lines as code and blank lines as the end of
    an HTML block, so both are removed.
    """
    context.setdefault("_", str)  # the template's own words, translated by the caller's handbook (Handbook.t)
    html = environment().get_template(template).render(**context)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def reference_numbers(hb: Handbook) -> dict[str, int]:
    """Each source's number: its place in the References list (sorted by citation), on every page."""
    return {ref: i for i, ref in enumerate(sorted(hb.references, key=lambda r: hb.references[r].citation), 1)}


def render_comparison(hb: Handbook, treatment_ids: Iterable[str], references_url: str) -> str:
    """A table with one row per attribute and one column per treatment."""
    ids = list(treatment_ids)
    if len(ids) < 2:
        raise HandbookError("comparison_table needs at least two treatment ids")
    check_ids(ids, hb.treatments, "treatment id", "comparison_table")
    if len(set(ids)) != len(ids):
        raise HandbookError(f"comparison_table: a treatment is listed twice: {', '.join(ids)}")
    return render_block(
        "macros/comparison_table.html",
        attributes=hb.attributes,
        treatments=[hb.treatments[i] for i in ids],
        references_url=references_url,
        numbers=reference_numbers(hb),
        _=hb.t,
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
        raise HandbookError(f"{where}(severity=...): unknown severity '{severity}'; allowed values: absolute, relative")
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


def one_callout(hb: Handbook, ident: str, treatment: str | None = None) -> Callout:
    """The callout for one contraindication, optionally for one of its treatments."""
    check_ids([ident], hb.contraindications, "contraindication id", "contraindication()")
    item = hb.contraindications[ident]
    if treatment is not None:
        check_ids([treatment], item.treatments, "treatment id", f"contraindication({ident!r}, treatment=...)")
    return Callout(item=item, advice={t: a for t, a in item.treatments.items() if treatment in (None, t)})


def render_callouts(hb: Handbook, callouts: Iterable[Callout], references_url: str,
                    fold_on_phones: bool = False) -> str:
    """Contraindication callouts: "do not have" as danger, "talk first" as warning.

    Folded on phones, each shows its title and opens on a tap.
    """
    return render_block(
        "macros/contraindications.html", callouts=list(callouts), treatments=hb.treatments,
        references_url=references_url, numbers=reference_numbers(hb), fold_on_phones=fold_on_phones, _=hb.t,
        brands=set(hb.countries.prescription_medicines),  # names that keep their capital inside a sentence
    )


def render_callout_links(callouts: Iterable[Callout]) -> str:
    """A short list linking to each callout on the same page."""
    return render_block("macros/contraindication_links.html", callouts=list(callouts))


def source_label(url: str) -> str:
    """A source's address as a short link text on screen: "doi:10.1001/...", "PubMed 123", "nhs.uk".
    Paper prints the whole address (handbook/paper.py), so a reader can type it."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host == "doi.org":
        return "doi:" + parts.path.lstrip("/")
    if host == "pubmed.ncbi.nlm.nih.gov" and parts.path.strip("/").isdigit():
        return f"PubMed {parts.path.strip('/')}"
    return host


def render_references(hb: Handbook, ids: Iterable[str]) -> str:
    """A numbered list of references, each with a stable anchor (its id)."""
    ids = list(ids)
    check_ids(ids, hb.references, "source id", "references")
    return render_block("macros/references.html", refs=[hb.references[i] for i in ids], numbers=reference_numbers(hb),
                        label=source_label)
