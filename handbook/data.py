"""Load every file in data/, validate it, resolve shared facts in its text, and cross-check ids."""

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from handbook.errors import HandbookError, check_ids
from handbook.messages import validate
from handbook.models import DATA_FILES, Attribute, Contraindication, Fact, Model, Reference, Treatment
from handbook.sandbox import render_data_text
from handbook.yaml12 import Lines, load

# HTML's and Markdown's own characters, as entities: a fact's value shows as written, never as markup,
# a link or emphasis.
LITERAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'*_[]`\\|~#!{}"})


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


class Handbook(Model):
    """Everything in data/, validated and cross-checked."""

    references: dict[str, Reference]
    attributes: list[Attribute]
    treatments: dict[str, Treatment]
    contraindications: dict[str, Contraindication]
    facts: dict[str, Fact]
    search_words: dict[str, list[str]]
    source_hosts: list[str]
    lang: str = "en"
    strings: dict[str, str] = {}
    """Words of the macro templates in ``lang``, keyed by the English (data/<lang>/strings.yaml)."""

    def t(self, text: str) -> str:
        """``text`` in the handbook's language (English as written)."""
        return self.strings.get(text, text)

    def fact_values(self) -> Facts:
        """Facts for page text: plain text, since pages are Markdown with HTML allowed and facts are data."""
        return Facts({k: markdown_literal(f.value) for k, f in self.facts.items()})


def markdown_literal(value: object) -> str:
    """``value`` as text that Markdown and HTML both show exactly as written."""
    return str(value).translate(LITERAL)


def with_facts(node: object, facts: Facts, source: str, lines: Lines, path: tuple = ()) -> object:
    """Data text with every ``{{ facts.<id> }}`` replaced by the fact's value, strictly."""
    if isinstance(node, dict):
        return {k: with_facts(v, facts, source, lines, path + (k,)) for k, v in node.items()}
    if isinstance(node, list):
        return [with_facts(v, facts, source, lines, path + (i,)) for i, v in enumerate(node)]
    if isinstance(node, str) and ("{" in node):
        return render_data_text(node, facts, source, lines.get(path, 1), str(path[-1]))
    return node


def _by_id(items, source: str, lines: Lines, top: tuple = ()) -> dict:
    out: dict = {}
    for i, item in enumerate(items):
        if item.id in out:
            first = [j for j, other in enumerate(items) if other.id == item.id][0]
            raise HandbookError(
                f"{source}, line {lines.get(top + (i,), '?')}: duplicate id '{item.id}' "
                f"(entry {i + 1}; entry {first + 1}, line {lines.get(top + (first,), '?')}, has it too)"
            )
        out[item.id] = item
    return out


def load_handbook(data_dir: Path, lang: str = "en") -> Handbook:
    """Read, validate and cross-check every data file in ``data_dir``.

    Another ``lang`` (such as "es") puts the texts of ``data_dir/<lang>/`` in place of the
    English ones, id by id (see handbook/translations.py); ids, sources and numbers stay English.
    """
    name = lambda f: f"{data_dir.name}/{f}"  # noqa: E731 - short label for messages
    raw, lines = {}, {}
    for f in DATA_FILES:
        raw[f], lines[f] = load(data_dir / f, name(f))
    if lang != "en":
        from handbook import translations

        load_handbook(data_dir)  # the English first: its mistakes read as in the English build
        raw = translations.check_data(raw, data_dir / lang, f"{data_dir.name}/{lang}")
        strings = translations.strings(data_dir / lang, f"{data_dir.name}/{lang}")
    facts = validate(DATA_FILES["facts.yaml"], raw["facts.yaml"], name("facts.yaml"), lines["facts.yaml"])
    for key, fact in facts.items():
        if "{" in str(fact.value) or "}" in str(fact.value):
            raise HandbookError(f"{name('facts.yaml')}, line {lines['facts.yaml'].get((key, 'value'), '?')}, fact "
                                f"'{key}', key 'value': a fact is plain text and cannot use another fact or a "
                                "template; write the value itself")
    values = Facts({k: fact.value for k, fact in facts.items()})
    data = {"facts.yaml": facts}
    for f, model in DATA_FILES.items():
        if f != "facts.yaml":
            text = with_facts(raw[f], values, name(f), lines[f])
            data[f] = validate(model, text, name(f), lines[f])

    refs = _by_id(data["references.yaml"], name("references.yaml"), lines["references.yaml"])
    tfile = data["treatments.yaml"]
    attributes = _by_id(tfile.attributes, name("treatments.yaml"), lines["treatments.yaml"], ("attributes",))
    treatments = _by_id(tfile.treatments, name("treatments.yaml"), lines["treatments.yaml"], ("treatments",))
    contras = _by_id(data["contraindications.yaml"], name("contraindications.yaml"), lines["contraindications.yaml"])
    _cross_check(name, refs, attributes, treatments, contras, facts)
    _check_hosts(name, refs, data["source-hosts.yaml"], lines["references.yaml"], data["references.yaml"])
    return Handbook(
        references=refs,
        attributes=list(attributes.values()),
        treatments=treatments,
        contraindications=contras,
        facts=facts,
        search_words=data["search-words.yaml"],
        source_hosts=data["source-hosts.yaml"],
        **({"lang": lang, "strings": strings} if lang != "en" else {}),
    )


def _check_hosts(name, refs, hosts: list[str], lines: Lines, entries: list) -> None:
    """Every reference links to a publisher of record listed in data/source-hosts.yaml."""
    for i, ref in enumerate(entries):
        host = urlsplit(ref.url).hostname or ""
        if host not in hosts:
            raise HandbookError(
                f"{name('references.yaml')}, line {lines.get((i, 'url'), '?')}: id '{ref.id}', key 'url': "
                f"'{host}' is not a publisher listed in {name('source-hosts.yaml')}; link the publisher's own page "
                "(doi.org, PubMed, the regulator), not a copy"
            )


def _cross_check(name, refs, attributes, treatments, contras, facts) -> None:
    """Every id one file uses exists in another."""
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


@lru_cache(maxsize=4)
def _cached(data_dir: Path, stamps: tuple, lang: str = "en") -> Handbook:
    return load_handbook(data_dir, lang)


def handbook_for(data_dir: Path, lang: str = "en") -> Handbook:
    """``load_handbook`` once per build: the macros and the hooks share it; an edited file reloads."""
    data_dir = data_dir.resolve()  # mkdocs -f gives a relative config path; the macros an absolute one
    files = sorted(data_dir.glob("*.yaml")) + (sorted((data_dir / lang).glob("*.yaml")) if lang != "en" else [])
    stamps = tuple((p.as_posix(), p.stat().st_mtime_ns) for p in files)
    return _cached(data_dir, stamps, lang)
