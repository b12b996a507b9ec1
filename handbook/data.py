"""Load every file in data/, validate it, resolve shared facts in its text, and cross-check ids."""

import datetime as dt
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from handbook.errors import HandbookError, check_ids
from handbook.messages import validate
from handbook.models import (
    DATA_FILES,
    Attribute,
    Contraindication,
    CountriesFile,
    Country,
    Fact,
    Model,
    Reference,
    Treatment,
)
from handbook.questions import QUESTIONS, Question, load_questions
from handbook.sandbox import facts_shown, render_data_text
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
                f"unknown fact '{key}'; allowed values: {', '.join(sorted(self))} (see data/facts.yaml and the countries' facts in data/countries.yaml)"
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
    countries: CountriesFile
    country: str
    """The edition's country: the one its pages and handouts are written for."""
    local: dict[str, str]
    """That country's words (data/countries.yaml, key 'facts'), shown like facts."""
    local_sources: dict[str, str] = {}
    """Those of its words that name a service, and the reference of the service's page."""
    lang: str = "en"
    strings: dict[str, str] = {}
    """Words of the macro templates in ``lang``, keyed by the English (data/<lang>/strings.yaml)."""
    questions: list[Question] = []
    """The questions patients ask, in ``lang``, each with the section that answers it (data/questions.yaml)."""

    def t(self, text: str) -> str:
        """``text`` in the handbook's language (English as written)."""
        return self.strings.get(text, text)

    def words(self, text: str, **values) -> Markup:
        """``text`` in the handbook's language, escaped, with ``{name}`` filled in (escaped too): for templates."""
        return Markup(escape(self.t(text))).format(**values)

    def long_date(self, day: dt.date) -> str:
        """"20 November 2026", "20 de noviembre de 2026": CLDR's long date in the edition's language."""
        from babel import Locale, UnknownLocaleError
        from babel.dates import format_date

        try:  # Spanish for a clinic in the UK: CLDR has no es_GB, and Spanish dates read the same
            locale = Locale.parse(f"{self.lang}_{self.country}")
        except UnknownLocaleError:
            locale = Locale.parse(self.lang)
        return format_date(day, "long", locale=locale)

    def fact_values(self) -> Facts:
        """Facts for page text: plain text, since pages are Markdown with HTML allowed and facts are data."""
        return Facts({k: markdown_literal(v) for k, v in self.fact_texts().items()})

    def fact_texts(self) -> dict[str, str]:
        """Every name a page or data text may show: the shared facts and the edition country's words."""
        return {**{k: f.value for k, f in self.facts.items()}, **self.local}


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


def load_handbook(data_dir: Path, lang: str = "en", country: str | None = None) -> Handbook:
    """Read, validate and cross-check every data file in ``data_dir``, for one edition.

    Another ``lang`` (such as "es") puts the texts of ``data_dir/<lang>/`` in place of the
    English ones, id by id (see handbook/translations.py); ids, sources and numbers stay English.
    ``country`` (default: the one the language's website is written for) gives the words in
    data/countries.yaml, key 'facts', that pages and data texts show as facts.
    """
    name = lambda f: f"{data_dir.name}/{f}"  # noqa: E731 - short label for messages
    raw, lines = {}, {}
    for f in (*DATA_FILES, QUESTIONS):
        raw[f], lines[f] = load(data_dir / f, name(f))
    if lang != "en":
        from handbook import translations

        handbook_for(data_dir)  # the English first (the English build's, if it ran): its mistakes read as there
        raw = translations.check_data(raw, data_dir / lang, f"{data_dir.name}/{lang}")
        strings = translations.strings(data_dir / lang, f"{data_dir.name}/{lang}")
    facts = validate(DATA_FILES["facts.yaml"], raw["facts.yaml"], name("facts.yaml"), lines["facts.yaml"])
    for key, fact in facts.items():
        if "{" in str(fact.value) or "}" in str(fact.value):
            raise HandbookError(f"{name('facts.yaml')}, line {lines['facts.yaml'].get((key, 'value'), '?')}, fact "
                                f"'{key}', key 'value': a fact is plain text and cannot use another fact or a "
                                "template; write the value itself")
    values = Facts({k: fact.value for k, fact in facts.items()})
    countries = validate(CountriesFile, with_facts(raw["countries.yaml"], values, name("countries.yaml"),
                                                   lines["countries.yaml"]), name("countries.yaml"), lines["countries.yaml"])
    country = country or _web_country(countries, lang, name("countries.yaml"))
    local = _country_words(countries, country, facts, name("countries.yaml"))
    values = Facts({**values, **local})
    raw["treatments.yaml"] = _cite_country_words(raw["treatments.yaml"], countries.countries[country])
    data = {"facts.yaml": facts, "countries.yaml": countries}
    for f, model in DATA_FILES.items():
        if f not in data:
            text = with_facts(raw[f], values, name(f), lines[f])
            data[f] = validate(model, text, name(f), lines[f])

    refs = _by_id(data["references.yaml"], name("references.yaml"), lines["references.yaml"])
    tfile = data["treatments.yaml"]
    attributes = _by_id(tfile.attributes, name("treatments.yaml"), lines["treatments.yaml"], ("attributes",))
    treatments = _by_id(tfile.treatments, name("treatments.yaml"), lines["treatments.yaml"], ("treatments",))
    contras = _by_id(data["contraindications.yaml"], name("contraindications.yaml"), lines["contraindications.yaml"])
    _cross_check(name, refs, attributes, treatments, contras, facts)
    _check_hosts(name, refs, data["source-hosts.yaml"], lines["references.yaml"], data["references.yaml"])
    for code, each in countries.countries.items():  # every country's, so a typo fails in every edition
        cited = [s for f in each.facts.values() for s in ([f.source] if f.source else []) + f.sources]
        check_ids(cited, refs, "source id", f"{name('countries.yaml')}, country '{code}', key 'facts'")
    return Handbook(
        references=refs,
        attributes=list(attributes.values()),
        treatments=treatments,
        contraindications=contras,
        facts=facts,
        search_words=data["search-words.yaml"],
        source_hosts=data["source-hosts.yaml"],
        countries=countries,
        country=country,
        local=local,
        local_sources={k: f.source for k, f in countries.countries[country].facts.items() if f.source},
        questions=load_questions(data_dir, lang),
        **({"lang": lang, "strings": strings} if lang != "en" else {}),
    )


def _web_country(countries: CountriesFile, lang: str, source: str) -> str:
    if lang not in countries.web_country:
        raise HandbookError(f"{source}, key 'web_country': no country for the language '{lang}'; add '{lang}: XX'")
    if countries.web_country[lang] not in countries.countries:
        raise HandbookError(f"{source}, key 'web_country', '{lang}': '{countries.web_country[lang]}' is not a country "
                            f"of the file; allowed values: {', '.join(sorted(countries.countries))}")
    return countries.web_country[lang]


def _country_words(countries: CountriesFile, country: str, facts: dict, source: str) -> dict[str, str]:
    """The country's words; every country names the same ones, and none is a shared fact's name."""
    if country not in countries.countries:
        raise HandbookError(f"settings: CLINIC_COUNTRY must be one of {', '.join(sorted(countries.countries))} "
                            f"(see data/countries.yaml), got '{country}'")
    names = {code: set(c.facts) for code, c in countries.countries.items()}
    everyone = set.union(*names.values())
    for code, own in names.items():
        if own != everyone:
            raise HandbookError(f"{source}: country '{code}', key 'facts': missing {', '.join(sorted(everyone - own))}; "
                                "every country needs the same words")
    clash = everyone & set(facts)
    if clash:
        raise HandbookError(f"{source}: {', '.join(sorted(clash))} is both a country's word and a fact in "
                            "data/facts.yaml; rename one")
    return {k: f.value for k, f in countries.countries[country].facts.items()}


def _cite_country_words(raw: object, country: Country) -> object:
    """treatments.yaml with each cell citing, after its own sources, those of the country's words it shows."""
    if not isinstance(raw, dict) or not isinstance(raw.get("treatments"), list):
        return raw  # validation names the mistake

    def cell(value: object) -> object:
        if not (isinstance(value, dict) and isinstance(value.get("text"), str) and isinstance(value.get("sources"), list)):
            return value
        words = [country.facts[n].sources for n in facts_shown(value["text"]) if n in country.facts]
        return {**value, "sources": list(dict.fromkeys([*value["sources"], *(s for w in words for s in w)]))}

    def treatment(t: object) -> object:
        if not (isinstance(t, dict) and isinstance(t.get("values"), dict)):
            return t
        return {**t, "values": {k: cell(v) for k, v in t["values"].items()}}

    return {**raw, "treatments": [treatment(t) for t in raw["treatments"]]}


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
        if not fact.sources and fact.evidence != "clinic-practice":
            raise HandbookError(f"{name('facts.yaml')}: fact '{key}', key 'sources': needs at least one source "
                                "unless evidence is clinic-practice")


@lru_cache(maxsize=4)
def _cached(data_dir: Path, stamps: tuple, lang: str = "en", country: str | None = None) -> Handbook:
    return load_handbook(data_dir, lang, country)


def handbook_for(data_dir: Path, lang: str = "en", country: str | None = None) -> Handbook:
    """``load_handbook`` once per build: the macros and the hooks share it; an edited file reloads."""
    data_dir = data_dir.resolve()  # mkdocs -f gives a relative config path; the macros an absolute one
    files = sorted(data_dir.glob("*.yaml")) + (sorted((data_dir / lang).glob("*.yaml")) if lang != "en" else [])
    stamps = tuple((p.as_posix(), p.stat().st_mtime_ns) for p in files)
    return _cached(data_dir, stamps, lang, country)
