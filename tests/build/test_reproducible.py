"""The same commit, built twice in different folders, gives byte-identical HTML and PDFs: the build with an
attack in every value and a clinic's details (conftest.py's injected_site), and the same files built again."""

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from support import INJECTED_EPOCH, build_injected

EPOCH_DATE = dt.datetime.fromtimestamp(INJECTED_EPOCH, dt.UTC).date().isoformat()


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def twin_sites(injected_site, once) -> list[Path]:
    """Two strict builds of the same files, each in its own folder."""
    return [injected_site, once("twin", build_injected) / "project" / "site"]


def test_every_file_is_byte_identical(twin_sites):
    first, second = (digests(site) for site in twin_sites)
    assert any(n.endswith(".pdf") for n in first) and any(n.endswith(".html") for n in first)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_build_date_comes_from_source_date_epoch(twin_sites):
    """Dates in the output are the commit's, not the clock's, so builds on other days match too."""
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (twin_sites[0] / "sitemap.xml").read_text()))
    assert lastmods == {EPOCH_DATE}


def test_pdfs_carry_no_clock_time(twin_sites):
    for pdf in sorted(twin_sites[0].rglob("*.pdf")):
        meta = PdfReader(pdf).metadata or {}
        stamps = {meta.get(k) for k in ("/CreationDate", "/ModDate")} - {None}
        assert all(s.startswith(f"D:{EPOCH_DATE.replace('-', '')}") for s in stamps), (pdf.name, stamps)
