"""The PDFs the build writes, read back with pypdf."""

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pdfread import PAGE_BUDGET, page_texts, text
from pypdf import PdfReader

from handbook import render
from handbook.data import load_handbook
from support import ROOT, build_ok, copy_project, page_front_matter, site_config

HANDOUTS = {meta["handout"]: md for md, meta in page_front_matter().items() if meta.get("handout")}
SITE_URL = site_config().site_url
EPOCH = 1700000000  # 2023-11-14 22:13:20 UTC
NOT_ISSUED_IN_GB = {"microneedling-vs-botox"}  # compares with a prescription-only medicine
CLINIC = {"CLINIC_NAME": "Riverside Skin Clinic", "CLINIC_PHONE": "020 7946 0001", "CLINIC_WEBSITE": "riverside.example"}


def flat(s: str) -> str:
    return " ".join(s.split())


def page_url(md: str) -> str:
    return md.removeprefix("docs/").replace(".md", ".html")


@pytest.fixture(scope="module")
def hb():
    return load_handbook(ROOT / "data")


@pytest.fixture(scope="module")
def branded(once):
    """One build with a clinic's details, a logo and Letter paper, all set from the environment."""
    import segno

    def make(folder):
        project = copy_project(folder)
        segno.make("logo").save(project / "logo.png", kind="png", scale=4)  # any real PNG will do
        build_ok(project, project / "site", **CLINIC, CLINIC_LOGO="logo.png", HANDOUT_PAGE_SIZE="Letter",
                 SOURCE_DATE_EPOCH=str(EPOCH))

    return once("gb-clinic", make) / "project" / "site"


def test_at_least_five_handouts_and_the_handbook(site_dir):
    assert len(HANDOUTS) >= 5
    for slug in HANDOUTS:
        assert (site_dir / "handouts" / f"{slug}.pdf").is_file(), slug
    assert (site_dir / "handbook.pdf").is_file()


@pytest.mark.parametrize("slug", sorted(HANDOUTS))
def test_handout_keeps_to_its_budget_of_a4_pages_with_clinic_dates_and_url(site_dir, slug):
    pdf = site_dir / "handouts" / f"{slug}.pdf"
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= PAGE_BUDGET[slug][0], PAGE_BUDGET[slug][2]
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]
    meta = page_front_matter()[HANDOUTS[slug]]
    body = text(pdf)
    clinic = site_config().extra["clinic"]
    assert clinic["name"] in body and clinic["phone"] in body
    for day in (meta["last_reviewed"], meta["next_review"]):
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        assert day.strftime("%-d %B %Y") in body
    assert "Not yet reviewed by a clinician." in " ".join(body.split())
    url = urljoin(SITE_URL, page_url(HANDOUTS[slug]))
    assert url in body.replace(" ", "")
    assert f"Page 1 of {len(reader.pages)}" in body


def test_patients_download_a_copy_of_their_own_with_no_blanks_to_fill_in(site_dir, html_pages):
    placeholders = [v for v in site_config().extra["clinic"].values() if v]
    for slug, md in HANDOUTS.items():
        link = html_pages[page_url(md)].select_one(".hb-handout-link a")
        assert link["href"] == f"handouts/patient/{slug}.pdf"
        for copy in (site_dir / link["href"], site_dir / "handouts/patient/large-print" / f"{slug}.pdf"):
            body = " ".join(text(copy).split())
            assert [v for v in placeholders if v in body] == [], copy
            assert "Ask the clinic that treated you" in body and site_config().site_name in body, copy


def test_a_clinics_pages_offer_its_own_handouts(branded):
    assert not (branded / "handouts" / "patient").exists()
    page = (branded / "after-treatment.html").read_text(encoding="utf-8")
    assert 'href="handouts/after-treatment.pdf"' in page


def test_contraindications_handout_holds_every_condition(site_dir, hb):
    body = flat(text(site_dir / "handouts" / "is-it-right-for-me.pdf"))
    for c in render.select_contraindications(hb, treatment="microneedling"):
        assert flat(c.item.condition) in body, c.item.id


def test_comparison_handout_holds_every_attribute(site_dir, hb):
    body = flat(text(site_dir / "handouts" / "microneedling-vs-botox.pdf"))
    for attribute in hb.attributes:
        assert attribute.label in body, attribute.id


def dark_runs(url: str) -> int:
    """Horizontal runs of dark modules in the page's QR code: one drawn line each."""
    import segno  # noqa: PLC0415

    rows = segno.make(url, error="m").matrix
    return sum(bool(v) and not (i and row[i - 1]) for row in rows for i, v in enumerate(row))


def path_lines(page) -> list[int]:
    """The number of straight lines in each vector path drawn on a PDF page."""
    from pypdf.generic import ContentStream  # noqa: PLC0415

    counts, lines = [], 0
    for _, op in ContentStream(page.get_contents(), page.pdf).operations:
        if op == b"l":
            lines += 1
        elif op in (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"):
            counts.append(lines)
            lines = 0
    return counts


def pdf_urls(site_dir) -> dict:
    """Each PDF and the live page its QR code must lead to."""
    urls = {site_dir / "handbook.pdf": SITE_URL}
    for slug, md in HANDOUTS.items():
        urls[site_dir / "handouts" / f"{slug}.pdf"] = urljoin(SITE_URL, page_url(md))
    return urls


def test_every_pdf_draws_the_qr_code_of_its_live_page(site_dir):
    """The QR code is vector art (an SVG): one path with a line per dark run of its page's code."""
    for pdf, url in pdf_urls(site_dir).items():
        assert dark_runs(url) in path_lines(PdfReader(pdf).pages[0]), f"{pdf.name}: no QR code for {url} on page 1"


def test_every_pdf_embeds_its_fonts(site_dir):
    for pdf in pdf_urls(site_dir):
        reader = PdfReader(pdf)
        fonts = [f.get_object() for p in reader.pages for f in p["/Resources"]["/Font"].values()]
        assert fonts, f"{pdf.name}: no fonts"
        for font in fonts:
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{pdf.name}: font not embedded"


def test_handbook_has_cover_contents_and_page_numbers(site_dir, hb):
    reader = PdfReader(site_dir / "handbook.pdf")
    pages = page_texts(site_dir / "handbook.pdf")
    assert "Microneedling Patient Handbook" in pages[0]
    assert "Contents" in pages[1]
    assert "Glossary" in pages[1]
    total = len(reader.pages)
    assert all(f"Page {i} of {total}" in page for i, page in enumerate(pages, 1))
    # The contents list every page in nav order, each with the page its chapter starts on.
    toc = re.findall(r"^(.+?) ?\.{3,} ?(\d+)$", reader.pages[1].extract_text(), re.M)
    for_clinics = {md.removeprefix("docs/") for md, meta in page_front_matter().items() if meta.get("audience") == "clinics"}
    chapters = [(title, md) for title, md in nav_pages(site_config().nav) if md not in for_clinics]
    assert [title for title, _ in toc] == [title for title, _ in chapters]
    for (title, number), (_, md) in zip(toc, chapters, strict=True):
        start = reader.get_destination_page_number(reader.named_destinations[f"page-{Path(md).stem}"]) + 1
        assert int(number) == start, f"contents say {title} is on page {number}; it starts on {start}"


def nav_pages(nav) -> list[tuple[str, str]]:
    """(title, file) of every page in the nav, in order."""
    pages = []
    for entry in nav:
        for title, target in entry.items():
            pages += nav_pages(target) if isinstance(target, list) else [(title, target)]
    return pages


def test_environment_overrides_brand_the_pdfs_on_letter_paper(branded):
    for pdf in [branded / "handbook.pdf", *sorted((branded / "handouts").rglob("*.pdf"))]:
        reader = PdfReader(pdf)
        assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792], pdf.name
        body = text(pdf)
        assert CLINIC["CLINIC_NAME"] in body and CLINIC["CLINIC_PHONE"] in body, pdf.name
        leftovers = [v for v in site_config().extra["clinic"].values() if v and v in body]
        assert leftovers == [], f"{pdf.name}: placeholder clinic details {leftovers}"


def test_handouts_keep_to_their_budget_on_letter_paper(branded):
    """Letter paper is shorter than A4; handouts must still keep to their page budget."""
    for slug in HANDOUTS:
        pdf = branded / "handouts" / f"{slug}.pdf"
        if slug in NOT_ISSUED_IN_GB:
            assert not pdf.exists(), f"{slug}.pdf is issued as a branded GB handout"
            continue
        pages = len(PdfReader(pdf).pages)
        assert 1 <= pages <= PAGE_BUDGET[slug][0], f"{slug}.pdf: {pages} Letter pages; {PAGE_BUDGET[slug][2]}"


def test_pdf_dates_follow_source_date_epoch(branded):
    """Dates come from the commit, and the file identifier from the content, so rebuilds match byte for byte."""
    for pdf in [branded / "handbook.pdf", *sorted((branded / "handouts").rglob("*.pdf"))]:
        reader = PdfReader(pdf)
        assert reader.metadata["/CreationDate"] == reader.metadata["/ModDate"] == "D:20231114221320Z", pdf.name
        assert len(reader.trailer["/ID"]) == 2, pdf.name


def test_printable_opens_details_points_links_online_and_attaches_nothing():
    from handbook.pdf import printable

    body = ('<h1 id="t">T<a class="headerlink" href="#t">¶</a></h1>'
            '<details><summary>More</summary><p>Hidden text</p></details>'
            '<p><a rel="attachment" href="file:///etc/passwd">x</a><link rel="attachment" href="/etc/hosts"></p>'
            '<p><a href="after-treatment.html#aftercare">aftercare</a></p>')
    html = printable(body, "https://example.org/handbook/page.html")
    assert "<details open" in html and "Hidden text" in html
    assert "attachment" not in html and "<link" not in html
    assert 'href="https://example.org/handbook/after-treatment.html#aftercare"' in html


@pytest.mark.browser
def test_browser_printing_opens_collapsed_blocks(browser, server):
    """Printing from a browser shows what a collapsed block hides, even when no script opens it first."""
    page = browser.new_page()
    page.goto(server + "after-treatment.html")
    page.evaluate("""document.querySelector('article').insertAdjacentHTML('beforeend',
        '<details class="note"><summary>More</summary><p id="hidden">Hidden text</p></details>')""")
    assert not page.locator("#hidden").is_visible()
    page.emulate_media(media="print")
    assert page.locator("#hidden").is_visible()
    page.close()


def test_the_default_clinic_is_a_marked_placeholder():
    from handbook.settings import is_placeholder

    clinic = site_config().extra["clinic"]
    assert all(is_placeholder(clinic[field]) for field in ("name", "phone", "email", "website", "address")), clinic


# ---- UK medicine advertising: a GB clinic's branded set never names a prescription-only medicine ----


def medicine_words() -> re.Pattern:
    from handbook.data import load_handbook

    names = load_handbook(ROOT / "data").countries.prescription_medicines
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I)


def test_gb_branded_set_never_names_the_medicine_or_its_price(branded, hb):
    price = str(hb.facts["botox_cost_uk"].value)
    pdfs = [branded / "handbook.pdf", *sorted((branded / "handouts").rglob("*.pdf"))]
    assert len(pdfs) == 1 + 2 * (len(HANDOUTS) - len(NOT_ISSUED_IN_GB))
    for pdf in pdfs:
        body = text(pdf)
        assert not medicine_words().search(body), f"{pdf.name}: names {medicine_words().search(body)[0]!r}"
        assert price not in body and "£" not in body, f"{pdf.name}: prints a price"
    # The clinic is told what its paper leaves out, passage by passage, and which leaflet is not made.
    report = (branded / "handouts" / "left-out.txt").read_text(encoding="utf-8")
    assert all(f"not made: handouts/{slug}.pdf" in report for slug in NOT_ISSUED_IN_GB)
    assert f"In the UK, Botox costs about {price} per treatment." in report


def test_gb_branded_set_keeps_the_safety_advice_without_the_name(branded, hb):
    body = text(branded / "handouts" / "is-it-right-for-me.pdf")
    assert "Recent fillers or other injections, chemical peels or laser in the same area Talk to your" in flat(body)
    for c in render.select_contraindications(hb, treatment="microneedling"):
        if not medicine_words().search(c.item.condition):
            assert flat(c.item.condition) in flat(body), c.item.id
    assert "Recent fillers or other injections, chemical peels or laser in the same area" in flat(body)


def test_unbranded_handbook_and_website_keep_the_medicine(site_dir, html_pages):
    assert "Botox" in text(site_dir / "handbook.pdf")
    assert "Botox" in text(site_dir / "handouts" / "microneedling-vs-botox.pdf")
    assert "Botox" in html_pages["microneedling-vs-botox.html"].get_text()


# ---- The clinic on paper ----


def images_on(page) -> int:
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")


def test_clinic_contact_block_code_version_and_other_formats_on_every_handout(branded):
    for pdf in sorted((branded / "handouts").rglob("*.pdf")):
        first = page_texts(pdf)[0]
        assert "Riverside Skin Clinic" in first and "Phone: 020 7946 0001" in first, f"{pdf.name}: no contact block"
        assert images_on(PdfReader(pdf).pages[0]) >= 1, f"{pdf.name}: no logo"
        body = text(pdf)
        assert re.search(r"Leaflet MNH-[A-Z-]+, version \d{4}-\d\d-\d\d", body), pdf.name
        assert "Other formats:" in body and ("large print" in body or "standard print" in body), pdf.name


def test_aftercare_card_gives_the_clinics_number(branded):
    body = flat(text(branded / "handouts" / "after-treatment.pdf"))
    card = body.split("Contact the clinic that treated you if:")[1][:400]
    assert "Riverside Skin Clinic: 020 7946 0001" in card


def test_handbook_cover_carries_the_logo(branded):
    assert images_on(PdfReader(branded / "handbook.pdf").pages[0]) == 1
