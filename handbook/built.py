"""A built site as plain data: its pages and settings, whatever generator made it.

The generator adapter (``handbook/adapter``) turns its pages into ``BuiltPage`` records
and writes them to ``SITE_DIR/handbook-pages.json``; the steps that run on a finished
site (``python -m handbook pdfs SITE_DIR``, ``check-site``) read them back from there.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from handbook.errors import HandbookError

MANIFEST = "handbook-pages.json"


@dataclass(frozen=True)
class SiteInfo:
    """What the PDFs and checks need to know about a build."""

    name: str
    url: str
    description: str
    language: str
    docs: str = "docs"  # the pages' folder, for messages: docs or docs-es
    country: str = "GB"  # the country the pages are written for
    clinic: dict = field(default_factory=dict)  # extra.clinic of the configuration (CLINIC_* override it)


@dataclass(frozen=True)
class BuiltPage:
    """One page as readers get it: its body HTML and the front matter the steps use."""

    src_uri: str  # "after-treatment.md"
    url: str  # "after-treatment.html"
    title: str
    content: str  # the page body, sanitised
    label: str  # how messages name it: "docs/after-treatment.md"
    last_reviewed: str  # ISO dates
    next_review: str
    review_line: str = ""  # HTML: the clinical review status sentence
    reviewed: bool = False
    review_kind: str = "unreviewed"
    handout: str | None = None
    audience: str = "patients"
    sources: tuple[str, ...] = field(default_factory=tuple)
    paper: str = ""  # the body as the edition prints it (blocks marked for the web left out)

    @property
    def file(self) -> str:
        """The page's file in the built site: "after-treatment.html"."""
        return self.url.rsplit("/", 1)[-1] or "index.html"

    @property
    def slug(self) -> str:
        return Path(self.src_uri).stem


def write_manifest(site_dir: Path, site: SiteInfo, pages: list[BuiltPage]) -> Path:
    target = site_dir / MANIFEST
    target.write_text(json.dumps({"site": asdict(site), "pages": [asdict(p) for p in pages]},
                                 ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def read_manifest(site_dir: Path) -> tuple[SiteInfo, list[BuiltPage]]:
    path = site_dir / MANIFEST
    if not path.is_file():
        raise HandbookError(f"{site_dir}: no {MANIFEST}; build the site first (python -m handbook build {site_dir})")
    data = json.loads(path.read_text(encoding="utf-8"))
    pages = [BuiltPage(**{**p, "sources": tuple(p["sources"])}) for p in data["pages"]]
    return SiteInfo(**data["site"]), pages
