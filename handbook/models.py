"""Typed models of every data file and of page front matter.

Field docstrings become descriptions in the JSON Schemas that editors' tools show.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
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
    treatments: dict[Id, Advice] = Field(min_length=1)
    """Advice per treatment id from data/treatments.yaml."""


class Fact(Model):
    value: Text | int | float
    """What {{ facts.<name> }} shows in pages and data text."""
    sources: list[Id] = Field(min_length=1)
    """Ids from data/references.yaml."""


Host = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
SourceHosts = list[Host]
"""Web hosts a reference may link to: publishers of record only."""

SearchWords = dict[Text, list[Text]]
"""A word patients type -> words the pages use (a trailing * matches any ending)."""


class PageMeta(Model):
    """Front matter every page must carry (other Material keys are allowed)."""

    model_config = ConfigDict(extra="allow", strict=False, frozen=True)

    description: Text
    last_reviewed: dt.date
    next_review: dt.date
    reviewed_by: Text
    sources: list[Id]
    handout: Id | None = None
    audience: Literal["patients", "clinics"] = "patients"
    """clinics: a page for clinics or editors, left out of the patient handbook PDF."""


CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class Country(Model):
    """Where to get help, and whether a clinic's leaflet may name a prescription-only medicine."""

    name: Text
    """As it reads in a sentence: "the UK", "Ireland"."""
    checked: Annotated[dt.date, Field(strict=False)]
    """When the numbers and rules were last checked against the sources."""
    urgent: Text
    """Urgent advice that is not an emergency, as an instruction: "call NHS 111"."""
    emergency: Text
    """An emergency, as an instruction: "call 999 or go to A&E"."""
    sources: list[Url] = Field(min_length=1)
    paper: dict[Text, str]
    """Page wording (written for the UK) -> this country's wording, on paper only; "" leaves it out."""
    branded_may_name_medicines: bool
    """May a clinic-branded leaflet name a prescription-only medicine, or its price?"""
    medicine_rule: Text
    """The rule, in a sentence, for the README and reviewers."""
    medicine_sources: list[Url] = Field(min_length=1)


class CountriesFile(Model):
    prescription_medicines: list[Text] = Field(min_length=1)
    """Names (brand or generic) that refer to a prescription-only medicine."""
    without_medicine_names: dict[Text, Text]
    """Page wording that names such a medicine -> what a leaflet that may not name it says."""
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
