"""Build settings from mkdocs.yml and the environment, parsed once and checked before any page is built.

Each wrong setting fails the build with one line naming the variable and the value.
"""

import datetime as dt
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from handbook.errors import HandbookError

CLINIC_FIELDS = ("name", "phone", "email", "website", "address", "logo")
MAX_CLINIC_NAME = 60  # longer names do not fit the running header on one line
MAX_LOGO_BYTES = 2_000_000
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class Environment(BaseSettings):
    """The variables a person or CI sets for a build (none is required)."""

    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore")

    HANDOUTS: bool | None = None
    """Build the PDFs: 1/0, yes/no, true/false. Default: yes for `build`, no for `serve`."""
    HANDOUTS_ONLY: str | None = None
    """Make only these handouts (their `handout:` names, comma-separated), in standard and large print, and no
    handbook PDF: a quick look at the handouts being edited."""
    OFFLINE: bool | None = None
    """Write the offline worker (sw.js, needs Node): 1/0, yes/no, true/false. Default: yes for `build`, no for `serve`."""
    HANDOUT_PAGE_SIZE: Literal["A4", "Letter"] = "A4"
    HANDOUT_WORKERS: int | None = Field(default=None, ge=1)
    SOURCE_DATE_EPOCH: int | None = Field(default=None, ge=0)
    CLINIC_NAME: str | None = None
    CLINIC_PHONE: str | None = None
    CLINIC_EMAIL: str | None = None
    CLINIC_WEBSITE: str | None = None
    CLINIC_ADDRESS: str | None = None
    CLINIC_LOGO: str | None = None
    REQUIRE_CLINICAL_REVIEW: bool | None = None
    """1: a handout whose page is not clinically reviewed (or changed since) stops the build."""
    CLINIC_COUNTRY: str | None = None
    """Where the clinic is (ISO code): the country its handouts are written for (data/countries.yaml).
    Unset: each language's handouts are for the country its website is written for (GB, ES)."""

    @field_validator("CLINIC_COUNTRY", mode="before")
    @classmethod
    def _country_code(cls, value):
        code = str(value).strip().upper() if value is not None else ""
        return {"": None, "UK": "GB"}.get(code, code)

    @field_validator("HANDOUT_PAGE_SIZE", mode="before")
    @classmethod
    def _any_case(cls, value):
        return {"A4": "A4", "LETTER": "Letter"}.get(str(value).strip().upper(), value)

    @field_validator("HANDOUT_WORKERS", "SOURCE_DATE_EPOCH", "HANDOUTS", "OFFLINE", "REQUIRE_CLINICAL_REVIEW",
                     mode="before")
    @classmethod
    def _blank_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value


RULES = {
    "HANDOUTS": "must be 1 or 0 (or yes/no, true/false)",
    "OFFLINE": "must be 1 or 0 (or yes/no, true/false)",
    "REQUIRE_CLINICAL_REVIEW": "must be 1 or 0 (or yes/no, true/false)",
    "HANDOUT_PAGE_SIZE": "must be A4 or Letter",
    "HANDOUT_WORKERS": "must be a whole number of 1 or more",
    "SOURCE_DATE_EPOCH": "must be whole seconds since 1970",
}


def read_environment(environ=None) -> Environment:
    environ = dict(os.environ if environ is None else environ)
    try:
        return Environment(_env_file=None, **{k: v for k, v in environ.items() if k in Environment.model_fields})
    except ValidationError as exc:
        name = exc.errors()[0]["loc"][0]
        raise HandbookError(f"settings: {name} {RULES.get(name, 'is not valid')}, got '{environ.get(name)}'") from None


class Clinic(BaseModel):
    """The clinic printed on handouts. Values are plain text: escaped on paper, never fetched."""

    model_config = ConfigDict(frozen=True)

    name: str
    phone: str
    email: str = ""
    website: str = ""
    address: str = ""
    logo: str = ""  # a data: URI, ready for <img src>
    country: str = "GB"  # a key of data/countries.yaml

    @property
    def branded(self) -> bool:
        """A real clinic's name, not the marked placeholder: its leaflets are the clinic's own."""
        return not is_placeholder(self.name)


def is_placeholder(value: str) -> bool:
    """The default clinic's details are marked as placeholders: "[Clinic phone]"."""
    return value.startswith("[") and value.endswith("]")


def clinic_from(extra: dict, env: Environment, root: Path, countries, home: str) -> Clinic:
    """``extra.clinic`` from mkdocs.yml, each field overridable by CLINIC_<FIELD>; ``countries``: the known
    codes; ``home``: the country of the build's language, when CLINIC_COUNTRY is unset."""
    values = {}
    for field in CLINIC_FIELDS:
        given = getattr(env, f"CLINIC_{field.upper()}")
        values[field] = " ".join(str(given if given is not None else extra.get(field, "") or "").split())
    for required in ("name", "phone"):
        if not values[required]:
            raise HandbookError(f"settings: CLINIC_{required.upper()} (or extra.clinic.{required}) is blank")
    if len(values["name"]) > MAX_CLINIC_NAME:
        raise HandbookError(f"settings: CLINIC_NAME is {len(values['name'])} characters; "
                            f"at most {MAX_CLINIC_NAME} fit the handout header")
    values["logo"] = logo_uri(values["logo"], root) if values["logo"] else ""
    country = env.CLINIC_COUNTRY or home
    if country not in countries:
        raise HandbookError(f"settings: CLINIC_COUNTRY must be one of {', '.join(sorted(countries))} "
                            f"(see data/countries.yaml), got '{env.CLINIC_COUNTRY}'")
    if not is_placeholder(values["name"]):  # a real clinic never prints a placeholder
        if is_placeholder(values["phone"]):
            raise HandbookError(f"settings: CLINIC_NAME is '{values['name']}' but the phone is still the "
                                f"placeholder '{values['phone']}': set CLINIC_PHONE (or extra.clinic.phone)")
        values = {k: "" if is_placeholder(v) else v for k, v in values.items()}
    return Clinic(**values, country=country)


def logo_uri(path: str, root: Path) -> str:
    """The logo as a data URI, after checking that it really is a PNG or JPEG image."""
    import base64

    file = (root / path).resolve()
    if not file.is_file():
        raise HandbookError(f"settings: CLINIC_LOGO (or extra.clinic.logo) file not found: {path} (looked for {file})")
    if file.stat().st_size > MAX_LOGO_BYTES:
        raise HandbookError(f"settings: CLINIC_LOGO is {file.stat().st_size:,} bytes; at most {MAX_LOGO_BYTES:,} "
                            "(a logo prints a few centimetres wide: export it smaller)")
    data = file.read_bytes()
    mime = next((m for magic, m in LOGO_TYPES.items() if data.startswith(magic)), None)
    if mime is None:
        raise HandbookError(f"settings: CLINIC_LOGO must be a PNG or JPEG image, and {path} is not one")
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def build_time(env: Environment) -> str:
    """When the PDFs were made, as a W3C date: SOURCE_DATE_EPOCH if set, so rebuilds match."""
    epoch = env.SOURCE_DATE_EPOCH
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else dt.datetime.now(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def only_handouts(env: Environment) -> tuple[str, ...]:
    """HANDOUTS_ONLY as names; empty: every handout and the handbook."""
    return tuple(name.strip() for name in (env.HANDOUTS_ONLY or "").split(",") if name.strip())


def worker_count(env: Environment) -> int:
    return env.HANDOUT_WORKERS or os.cpu_count() or 1


def handouts_enabled(env: Environment, command: str) -> bool:
    return env.HANDOUTS if env.HANDOUTS is not None else command != "serve"


def offline_enabled(env: Environment, command: str) -> bool:
    """The offline worker: built by `build`, left out of the live preview (it would serve yesterday's files)."""
    return env.OFFLINE if env.OFFLINE is not None else command != "serve"
