"""An attack in any untrusted value (data, front matter, page body, CLINIC_*) is published as
plain text: no markup on the web or in the search index, literal text on paper, nothing attached."""

import json
import re

import pdfread
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from support import PAYLOAD, SHORT_PAYLOAD


def live_markup(soup: BeautifulSoup) -> list[str]:
    """Elements the payload would create if it were not escaped."""
    scripts = [s for s in soup.find_all("script") if "alert(" in (s.string or "")]
    found = [str(s)[:80] for s in scripts if s.get("type") != "application/ld+json" or not json.loads(s.string)]
    found += [str(t)[:80] for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    found += [str(t)[:80] for t in soup.find_all(["a", "link"], rel=True) if "attachment" in t["rel"]]
    return found


def test_no_page_carries_live_markup_from_the_payload(injected_site):
    pages = sorted(injected_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        assert live_markup(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")) == [], path.name


def test_front_matter_is_text_in_meta_tags_and_title(injected_site):
    soup = BeautifulSoup((injected_site / "injected.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == PAYLOAD
    assert PAYLOAD in soup.title.get_text()
    assert "Not yet reviewed by a clinician." in soup.select_one(".hb-review").get_text()  # from records, not text


def test_data_values_are_text_on_the_web(injected_site):
    soup = BeautifulSoup((injected_site / "microneedling-vs-botox.html").read_text(encoding="utf-8"), "html.parser")
    assert PAYLOAD in soup.select_one(".hb-comparison").get_text()


def test_the_search_index_holds_no_live_markup(injected_site):
    text = (injected_site / "search/search_index.js").read_text(encoding="utf-8")
    docs = json.loads(re.sub(r"^var __index = |;?\s*$", "", text))["docs"]
    for doc in docs:
        for field in ("title", "text", "keywords"):
            assert live_markup(BeautifulSoup(doc.get(field, ""), "html.parser")) == [], (doc["location"], field)


def pdfs(site):
    return [site / "handbook.pdf", *sorted((site / "handouts").glob("*.pdf"))]


@pytest.mark.parametrize("name", ["handbook.pdf", "handouts/injected.pdf"])
def test_the_payload_is_literal_text_on_paper(injected_site, name):
    flat = pdfread.text(injected_site / name)
    assert "<script>alert(1)</script>" in flat
    assert SHORT_PAYLOAD in flat  # the clinic name


def test_no_pdf_embeds_or_links_a_local_file(injected_site):
    secret = open("/etc/hostname", encoding="utf-8").read().strip()
    for pdf in pdfs(injected_site):
        reader = PdfReader(pdf)
        names = reader.trailer["/Root"].get("/Names", {})
        assert "/EmbeddedFiles" not in names, pdf.name
        for page in reader.pages:
            for annot in page.get("/Annots", []) or []:
                annot = annot.get_object()
                assert annot.get("/Subtype") != "/FileAttachment", pdf.name
                uri = str(annot.get("/A", {}).get("/URI", ""))
                assert not uri.startswith("file:"), (pdf.name, uri)
        assert secret not in pdfread.text(pdf) or secret in PAYLOAD, pdf.name
