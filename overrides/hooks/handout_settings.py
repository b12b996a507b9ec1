"""PDF settings from mkdocs.yml and the environment, checked before any page is built.

Each setting that is wrong fails the build with a message naming the variable and value.
"""

import base64
import datetime as dt
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

PAGE_SIZES = {"A4": "A4", "LETTER": "letter"}


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    email: str = ""
    website: str = ""
    address: str = ""
    logo: str = ""  # a data: URI, ready for <img src>

    @classmethod
    def from_config(cls, extra: dict, environ, root: Path) -> "Clinic":
        """``extra.clinic`` from mkdocs.yml, each field overridable by CLINIC_<FIELD>."""
        values = {f: str(environ.get(f"CLINIC_{f.upper()}", extra.get(f, "")) or "") for f in cls.__dataclass_fields__}
        values["logo"] = logo_uri(values["logo"], root) if values["logo"] else ""
        for required in ("name", "phone"):
            if not values[required]:
                raise PluginError(f"handouts: clinic {required} is empty (extra.clinic.{required} or CLINIC_{required.upper()})")
        return cls(**without_leftover_placeholders(values))


def is_placeholder(value: str) -> bool:
    """The default clinic's details are marked as placeholders: "[Clinic phone]"."""
    return value.startswith("[") and value.endswith("]")


def without_leftover_placeholders(values: dict) -> dict:
    """A real clinic never prints a placeholder: optional ones are left out, a placeholder phone fails."""
    if is_placeholder(values["name"]):
        return values  # the placeholder clinic, shown as such
    if is_placeholder(values["phone"]):
        raise PluginError(f"handouts: CLINIC_NAME is '{values['name']}' but the phone is still the placeholder "
                          f"'{values['phone']}': set CLINIC_PHONE (or extra.clinic.phone)")
    return {k: "" if is_placeholder(v) else v for k, v in values.items()}


def logo_uri(path: str, root: Path) -> str:
    file = (root / path).resolve()
    if not file.is_file():
        raise PluginError(f"handouts: CLINIC_LOGO / extra.clinic.logo file not found: {path} (looked for {file})")
    mime = mimetypes.guess_type(file.name)[0]
    if not mime or not mime.startswith("image/"):
        raise PluginError(f"handouts: CLINIC_LOGO must be an image file (PNG, JPEG or SVG), got: {path}")
    return f"data:{mime};base64,{base64.b64encode(file.read_bytes()).decode()}"


def page_size(name: str) -> str:
    try:
        return PAGE_SIZES[name.strip().upper()]
    except KeyError:
        raise PluginError(f"handouts: HANDOUT_PAGE_SIZE must be A4 or Letter, got '{name}'") from None


def worker_count(value: str) -> int:
    """HANDOUT_WORKERS: how many processes render PDFs; empty means one per core."""
    if not value:
        return os.cpu_count() or 1
    if not value.isdigit() or int(value) < 1:
        raise PluginError(f"handouts: HANDOUT_WORKERS must be a whole number of 1 or more, got '{value}'")
    return int(value)


def build_time(environ=os.environ) -> str:
    """When the PDFs were made, as a W3C date: SOURCE_DATE_EPOCH if set, so rebuilds match."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    try:
        moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    except ValueError:
        raise PluginError(f"handouts: SOURCE_DATE_EPOCH must be whole seconds since 1970, got '{epoch}'") from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
