"""Typed models of every data file and of page front matter.

Field docstrings become descriptions in the JSON Schemas that editors' tools show.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
Words = Annotated[str, StringConstraints(pattern=r"^[^<>]*$")]
"""Plain words that replace words of a page on paper: no markup (the page escapes them)."""
Severity = Literal["absolute", "relative"]
Evidence = Literal["trial", "review", "guideline", "regulator", "expert-opinion", "clinic-practice"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


class Reference(Model):
    """A source readers can follow. Only tiers A and B may be cited."""

    id: Id
    """Short name that pages and data cite, e.g. nhs-botox."""
    tier: Literal["A", "B"]
    """A: regulator, guideline or peer-reviewed paper. B: national health service, professional society."""
    citation: Text
    url: Url
    """The publisher's own address (https), e.g. https://doi.org/... for a paper."""


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
    condition_without_medicine: Text | None = None
    """The condition as a leaflet that may not name a prescription-only medicine says it."""
    treatments: dict[Id, Advice] = Field(min_length=1)
    """Advice per treatment id from data/treatments.yaml."""


class Fact(Model):
    value: Text | int | float
    """What {{ facts.<name> }} shows in pages and data text."""
    evidence: Literal["clinic-practice"] | None = None
    """clinic-practice: common clinic advice, no studies found (then sources may be empty)."""
    sources: list[Id]
    """Ids from data/references.yaml; may be empty only when evidence is clinic-practice."""


Host = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
SourceHosts = list[Host]
"""Web hosts a reference may link to: publishers of record only."""

SearchWords = Annotated[dict[Text, Annotated[list[Text], Field(max_length=20)]], Field(max_length=500)]
"""A word patients type -> words the pages use (a trailing * matches any ending)."""


PageFile = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\.md(#[a-z0-9]+(-[a-z0-9]+)*)?$")]
"""A page of the handbook, as a file name (what-is-microneedling.md), optionally with #section."""
Icon = Annotated[str, StringConstraints(pattern=r"^material/[a-z0-9]+(-[a-z0-9]+)*$")]
"""An icon of the theme's set, e.g. material/bandage."""


class PageTranslation(Model):
    """``translation:`` in a translated page's front matter."""

    en_hash: Text
    """The hash of the English page this translates (python -m handbook translations prints it)."""
    reviewed_by: Text
    """Who checked the translation against the English, e.g. a bilingual nurse."""
    reviewed: dt.date = Field(strict=False)
    """When they checked it."""


class SearchSettings(Model):
    """How the page ranks in the site's search."""

    boost: Annotated[float, Field(ge=0.5, le=5)] = 1
    exclude: bool = False


class WorriedCard(Model):
    """The home page's card for a reader who is worried after a treatment."""

    title: Text
    text: Text
    link: PageFile
    link_text: Text


class JourneyCard(Model):
    """One card of the home page's "your treatment, step by step"."""

    page: PageFile
    icon: Icon
    text: Text


class PageMeta(Model):
    """Front matter every page must carry; a key not listed here is a mistake."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True, use_attribute_docstrings=True)

    title: Text | None = None
    description: Text
    last_reviewed: dt.date
    next_review: dt.date
    sources: list[Id]
    handout: Id | None = None
    audience: Literal["patients", "clinics"] = "patients"
    """clinics: a page for clinics or editors, left out of the patient handbook PDF."""
    search: SearchSettings | None = None
    hide: list[Literal["toc", "navigation"]] = []
    template: Literal["home.html"] | None = None
    """home.html: the patients' home page (overrides/home.html)."""
    checklist: Literal[True] | None = None
    """true: the page has the private "tell your practitioner" list."""
    worried: WorriedCard | None = None
    journey: list[JourneyCard] = []
    translation: PageTranslation | None = None
    """Only on translated pages (docs-es/): what English text it translates, and who checked it."""


Language = Literal["en", "es"]


class Reviewer(Model):
    """A clinician who reviews pages. Only real, named people with a professional registration."""

    id: Id
    name: Text
    role: Text
    """As patients would read it, e.g. "consultant dermatologist"."""
    register_name: Text
    """The professional register, e.g. GMC, NMC, GPhC, Colegio de Médicos de Madrid."""
    register_number: Text
    languages: list[Language] = Field(min_length=1)
    """The languages they review pages in (a translation is reviewed by someone who reads both)."""
    interests: Text
    """Declared interests (payments, shares, clinic work), or "none declared"."""


class Review(Model):
    """One clinical review of one page in one language: written by `python -m handbook review sign`."""

    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")]
    lang: Language
    reviewer: Id
    date: Annotated[dt.date, Field(strict=False)]
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    """What was reviewed: the page as patients get it (python -m handbook review status shows it)."""


CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class CountryFact(Model):
    value: Text
    """What {{ facts.<name> }} shows in this country's editions (may use other facts)."""
    source: Id | None = None
    """A reference whose page is the service these words name: {{ fact_link("<name>") }} links them to it."""
    sources: list[Id] = []
    """References behind these words in this country: a comparison-table cell that shows them cites them."""


class Country(Model):
    """Where to get help, the words that are this country's own, and whether a clinic's leaflet may
    name a prescription-only medicine."""

    name: Text
    """As it reads in a sentence: "the UK", "Spain"."""
    checked: Annotated[dt.date, Field(strict=False)]
    """When the numbers and rules were last checked against the sources."""
    urgent: Text
    """Urgent advice that is not an emergency, as an instruction: "call NHS 111"."""
    emergency: Text
    """An emergency, as an instruction: "call 999 or go to A&E"."""
    sources: list[Url] = Field(min_length=1)
    branded_may_name_medicines: bool
    """May a clinic-branded leaflet name a prescription-only medicine, or its price?"""
    medicine_rule: Text
    """The rule, in a sentence, for the README and reviewers."""
    medicine_sources: list[Url] = Field(min_length=1)
    terms: list[Text] = Field(min_length=1)
    """Words that are this country's own (help numbers, services, currency): no other country's edition prints them."""
    facts: dict[Id, CountryFact] = Field(min_length=1)
    """This country's words, shown as {{ facts.<name> }}; every country has the same names."""


class CountriesFile(Model):
    web_country: dict[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")], CountryCode] = Field(min_length=1)
    """The country each language's website is written for: {en: GB, es: ES}."""
    prescription_medicines: list[Text] = Field(min_length=1)
    """Names (brand or generic) that refer to a prescription-only medicine."""
    countries: dict[CountryCode, Country] = Field(min_length=1)
    """By ISO 3166 code, as CLINIC_COUNTRY gives it (GB, not UK)."""


# Each data file and the type its content must have: the one source for
# validation and for the JSON Schemas editors' tools use (data/schema/).
DATA_FILES = {
    "references.yaml": list[Reference],
    "treatments.yaml": TreatmentsFile,
    "contraindications.yaml": list[Contraindication],
    "facts.yaml": dict[Id, Fact],
    "search-words.yaml": SearchWords,
    "countries.yaml": CountriesFile,
    "source-hosts.yaml": SourceHosts,
}


def json_schemas() -> dict[str, dict]:
    """JSON Schema for each data file, generated from the models above."""
    schemas = {}
    for name, model in DATA_FILES.items():
        schema = TypeAdapter(model).json_schema()
        schema["title"] = f"data/{name}"
        schemas[name.replace(".yaml", ".schema.json")] = schema
    return schemas
