"""Handouts a clinic can hand over: clear print, large print, tagged PDF/UA, wording made for paper,
help numbers for the clinic's country. Read back from the PDFs (pypdf)."""

import re
from pathlib import Path

import pytest
from pdfread import (
    MM,
    PAGE_BUDGET,
    fills,
    heading_levels,
    lines,
    outline_titles,
    page_texts,
    reader,
    size_summary,
    tags,
    text,
    word_boxes,
)

from handbook import paper
from support import ROOT, build_ok, copy_project, fails_with, page_front_matter

HANDOUTS = {meta["handout"]: md for md, meta in page_front_matter().items() if meta.get("handout")}

def standard(site: Path) -> list[Path]:
    return [site / "handouts" / f"{slug}.pdf" for slug in sorted(HANDOUTS)]


def large(site: Path) -> list[Path]:
    return [site / "handouts" / "large-print" / f"{slug}.pdf" for slug in sorted(HANDOUTS)]


def every_pdf(site: Path) -> list[Path]:
    return [site / "handbook.pdf", *standard(site), *large(site)]


def logo_png(path: Path, width: int, height: int) -> Path:
    """A plain PNG logo, ``width`` x ``height`` pixels."""
    from PIL import Image

    Image.new("RGB", (width, height), (0, 94, 184)).save(path)
    return path


@pytest.fixture(scope="module")
def us(once):
    """A US clinic's build on Letter paper, with a wide logo (1200 x 200 px)."""

    def make(folder):
        project = copy_project(folder)
        logo_png(project / "logo.png", 1200, 200)
        build_ok(project, project / "site", CLINIC_NAME="Lakeside Skin", CLINIC_PHONE="(555) 010-0123",
                 CLINIC_COUNTRY="US", HANDOUT_PAGE_SIZE="Letter", CLINIC_LOGO="logo.png")

    return once("us-clinic", make) / "project" / "site"


# ---- Clear print and large print ----


def test_every_handout_has_a_large_print_edition(site_dir):
    for pdf in large(site_dir):
        assert pdf.is_file(), pdf


@pytest.mark.parametrize("slug", sorted(HANDOUTS))
def test_clear_print_body_12pt_nothing_below_10pt(site_dir, slug):
    smallest, median = size_summary(site_dir / "handouts" / f"{slug}.pdf")
    assert smallest >= 10, f"{slug}.pdf: text at {smallest} pt"
    assert median >= 12, f"{slug}.pdf: median {median} pt"


@pytest.mark.parametrize("slug", sorted(HANDOUTS))
def test_large_print_body_16pt_nothing_below_14pt(site_dir, slug):
    smallest, median = size_summary(site_dir / "handouts" / "large-print" / f"{slug}.pdf")
    assert smallest >= 14 and median >= 16, f"large-print/{slug}.pdf: smallest {smallest} pt, median {median} pt"


def test_body_text_is_12pt_and_16pt(site_dir):
    """The size most text is set in: 12 pt in standard print, 16 pt in large print."""
    from collections import Counter

    from pdfread import sizes

    for pdf in standard(site_dir) + [site_dir / "handbook.pdf"]:
        assert Counter(sizes(pdf)).most_common(1)[0][0] >= 12, pdf.name
    for pdf in large(site_dir):
        assert Counter(sizes(pdf)).most_common(1)[0][0] >= 16, pdf.name


@pytest.mark.parametrize("slug", sorted(HANDOUTS))
def test_handouts_keep_to_their_page_budget(site_dir, slug):
    pages, large_pages, why = PAGE_BUDGET[slug]
    assert len(reader(site_dir / "handouts" / f"{slug}.pdf").pages) <= pages, why
    assert len(reader(site_dir / "handouts" / "large-print" / f"{slug}.pdf").pages) <= large_pages, why


def test_no_near_empty_pages(site_dir, capsys):
    """A handout page other than the last is at least a third full; the handbook's emptiest pages are reported."""
    for pdf in standard(site_dir) + large(site_dir):
        for number, full in enumerate(fills(pdf)[:-1], 1):
            assert full >= 1 / 3, f"{pdf.name} page {number} is {full:.0%} full"
    book = fills(site_dir / "handbook.pdf")
    emptiest = sorted((full, number) for number, full in enumerate(book, 1))[:5]
    with capsys.disabled():
        print("\nhandbook.pdf, emptiest pages: " + ", ".join(f"page {n} {f:.0%}" for f, n in emptiest))
    assert all(f >= 1 / 3 for f, n in emptiest if n not in (1, 2, len(book))), emptiest


# ---- Layout: the clinic's logo and the footers ----

EDGE = 10 * MM  # nothing of a footer within 10 mm of the page edge: printers cannot print there


def image_boxes(page) -> list[tuple[float, float, float, float]]:
    """Where each image of a page is drawn: (x0, top, x1, bottom) in points from the top left."""
    from pypdf.generic import ContentStream

    images, height = page["/Resources"].get("/XObject", {}), float(page.mediabox[3])
    found, stack, m = [], [], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    for operands, op in ContentStream(page.get_contents(), page.pdf).operations:
        if op == b"q":
            stack.append(m)
        elif op == b"Q":
            m = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3],
                 e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5]]
        elif op == b"Do" and images[operands[0]].get_object()["/Subtype"] == "/Image":
            xs, ys = [m[4], m[4] + m[0], m[4] + m[2]], [m[5], m[5] + m[1], m[5] + m[3]]  # the unit square's corners
            xs, ys = xs + [xs[1] + m[2]], ys + [ys[1] + m[3]]
            found.append((min(xs), height - max(ys), max(xs), height - min(ys)))
    return found


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_the_logo_covers_no_word_of_the_first_page(us):
    """A wide logo (1200 x 200 px) on Letter, standard and large print: drawn clear of every word, above the name."""
    for pdf in standard(us) + large(us):
        if not pdf.exists():
            continue
        (logo,) = image_boxes(reader(pdf).pages[0])
        _, _, words = word_boxes(pdf)[0]
        assert logo[2] - logo[0] > 20 * MM, f"{pdf.name}: the logo is {logo[2] - logo[0]:.0f} pt wide"
        assert not [w for w in words if overlaps(w[1:], logo)], f"{pdf.name}: the logo covers words"
        below = [w[2] - logo[3] for w in words if w[0] == "Lakeside"]  # the running header's, and the block's
        assert any(0 <= gap < 10 * MM for gap in below), f"{pdf.name}: the clinic's name is not just below the logo"


def test_footers_end_at_least_10_mm_inside_the_page(site_dir, us):
    """Every word (footers, page numbers) ends 10 mm or more inside the bottom and side edges: A4, English and
    Spanish, and Letter with a logo; standard and large print."""
    pdfs = sorted(site_dir.rglob("*.pdf")) + sorted(us.rglob("*.pdf"))
    assert len(pdfs) > 2 * len(HANDOUTS)
    for pdf in pdfs:
        for number, (width, height, words) in enumerate(word_boxes(pdf), 1):
            assert words, f"{pdf.name} page {number}: no words"
            worst = min(min(height - w[4], width - w[3], w[1]) for w in words)
            assert worst >= EDGE, f"{pdf.name} page {number}: a word {worst / MM:.1f} mm from the edge"


@pytest.fixture(scope="module")
def lay_out(site_dir, tmp_path_factory):
    """Lay out the handout before-treatment in this process (WeasyPrint, as the build does) with a logo of a given
    size in pixels, in standard or large print on A4 or Letter; return its pages."""
    from weasyprint import HTML

    from handbook.built import read_manifest
    from handbook.data import load_handbook
    from handbook.pdf import jobs, site_only_fetcher
    from handbook.settings import Clinic, logo_uri

    site, pages = read_manifest(site_dir)
    hb = load_handbook(ROOT / "data")
    folder = tmp_path_factory.mktemp("logos")

    def render(width: int, height: int, large: bool, size: str):
        logo = logo_uri(logo_png(folder / f"{width}x{height}.png", width, height).name, folder)
        clinic = Clinic(name="Riverside Skin Clinic", phone="020 7946 0000", logo=logo)
        made = jobs(pages, handbook=hb, clinic=clinic, size=size, site_dir=site_dir, site=site,
                    created="2026-01-01T00:00:00Z")
        target = site_dir / "handouts" / ("large-print" if large else "") / "before-treatment.pdf"
        (job,) = [j for j in made if Path(j.target) == target]
        return HTML(string=job.html, base_url=f"{site_dir}/", url_fetcher=site_only_fetcher(str(site_dir))).render().pages

    return render


def boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def extent(box) -> tuple[float, float, float, float]:
    """A layout box's border box: x0, top, x1, bottom in CSS px from the page's top left."""
    x, y = box.border_box_x(), box.border_box_y()
    return x, y, x + box.border_width(), y + box.border_height()


PX = 96 / 25.4  # CSS px in a millimetre: WeasyPrint lays out in px


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("large", [False, True], ids=["standard", "large-print"])
@pytest.mark.parametrize("logo", [(1200, 200), (200, 800)], ids=["wide-logo", "tall-logo"])
def test_the_logo_keeps_to_its_own_box_and_footers_to_the_page(lay_out, logo, large, size):
    """The logo sits inside the contact block, at most 12 mm high, above the clinic's name and number and over
    no text; the footer and page number end at least 10 mm inside the page on every page."""
    pages = lay_out(*logo, large, size)
    first = list(boxes(pages[0]._page_box))
    image = next(b for b in first if b.element_tag == "img" and "clinic-logo" in b.element.get("class", ""))
    contact = next(b for b in first if b.element_tag == "div" and b.element.get("class") == "contact")
    (x0, top, x1, bottom), block = extent(image), extent(contact)
    assert block[0] <= x0 and x1 <= block[2] and block[1] <= top and bottom <= block[3], "logo outside its block"
    assert 2 * PX < bottom - top <= 12 * PX + 0.01, f"logo {(bottom - top) / PX:.1f} mm high"
    texts = [b for b in first if type(b).__name__ == "TextBox"]
    assert not [t.text for t in texts if overlaps(extent(t), (x0, top, x1, bottom))], "the logo covers text"
    named = [t for t in boxes(contact) if type(t).__name__ == "TextBox" and t.text in ("Riverside Skin Clinic", "020 7946 0000")]
    assert len(named) == 2 and all(extent(t)[1] >= bottom for t in named), "the name and number are not below the logo"
    for number, page in enumerate(pages, 1):
        width, height = page._page_box.margin_width(), page._page_box.margin_height()
        footers = [t for m in page._page_box.children if getattr(m, "at_keyword", "").startswith("@bottom")
                   for t in boxes(m) if type(t).__name__ == "TextBox"]
        assert any("version" in t.text for t in footers) and any("Page" in t.text for t in footers), number
        for t in footers:
            left, _, right, end = extent(t)
            assert min(height - end, width - right, left) >= 10 * PX, f"page {number}: {t.text!r} too near the edge"


# ---- Tagged PDF/UA ----


def test_every_pdf_is_tagged_pdf_ua_with_title_language_and_bookmarks(site_dir):
    for pdf in every_pdf(site_dir):
        r = reader(pdf)
        root = r.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], f"{pdf.name}: untagged"
        assert str(root["/Lang"]) == "en-GB", pdf.name
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], pdf.name
        assert r.metadata.title and "Microneedling Patient Handbook" in r.metadata.title, pdf.name
        assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data(), f"{pdf.name}: no PDF/UA identification"
        assert outline_titles(pdf), f"{pdf.name}: no bookmarks"
        assert not r.attachments and "/EmbeddedFiles" not in root.get("/Names", {}), f"{pdf.name}: attachments"


def test_handout_titles_name_the_leaflet(site_dir):
    for slug, md in HANDOUTS.items():
        title = page_front_matter()[md]["title"]
        assert reader(site_dir / "handouts" / f"{slug}.pdf").metadata.title.startswith(title)
        assert "large print" in reader(site_dir / "handouts" / "large-print" / f"{slug}.pdf").metadata.title


def test_structure_has_headings_lists_tables_and_figures_with_alt_text(site_dir):
    for pdf in every_pdf(site_dir):
        found = tags(pdf)
        assert "/H1" in found and "/P" in found and "/L" in found and "/LI" in found, pdf.name
        if "/Table" in found:
            assert "/TH" in found and "/TD" in found, f"{pdf.name}: table without header cells"
        from pdfread import structure

        figures = [n for n in structure(pdf) if n["/S"] == "/Figure"]
        assert figures, f"{pdf.name}: the QR code is not a figure"
        assert all(str(n.get("/Alt", "")).strip() for n in figures), f"{pdf.name}: a figure without alt text"


def test_reading_order_starts_with_the_clinic_and_the_leaflet_title(site_dir):
    """Tags in reading order: the clinic's contact block, then the leaflet's heading, then its text."""
    for slug in HANDOUTS:
        pdf = site_dir / "handouts" / f"{slug}.pdf"
        levels = heading_levels(pdf)
        assert levels[0] == 1, f"{slug}.pdf: first heading is H{levels[0]}"
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), f"{slug}.pdf: heading levels skip"


# ---- Wording for paper ----


def test_links_print_as_references_a_reader_can_follow(site_dir):
    before = text(site_dir / "handouts" / "before-treatment.pdf")
    assert "the leaflet \u201cIs it right for me?\u201d" in before
    book = reader(site_dir / "handbook.pdf")
    pages = page_texts(site_dir / "handbook.pdf")
    refs = re.findall(r"see page (\d+)\)", " ".join(pages))
    assert refs, "no 'see page N' in the handbook"
    starts = {reader(site_dir / "handbook.pdf").get_destination_page_number(d) + 1
              for name, d in book.named_destinations.items() if name.startswith("page-")}
    assert set(map(int, refs)) <= set(range(1, len(pages) + 1))
    assert set(map(int, refs)) & starts, "page references do not lead to chapter starts"


def test_pages_for_clinics_stay_out_of_the_patient_handbook(site_dir):
    clinic_pages = [md for md, meta in page_front_matter().items() if meta.get("audience") == "clinics"]
    assert clinic_pages, "no page is marked audience: clinics"
    book = text(site_dir / "handbook.pdf")
    for md in clinic_pages:
        assert page_front_matter()[md]["title"] not in book, md
    assert "README" not in book


def test_citation_marks_and_the_source_list_agree(site_dir):
    """No source tags (jdd-2024) on paper: marks are numbers, and each number is in the handout's list."""
    for pdf in standard(site_dir) + large(site_dir):
        body = text(pdf)
        assert not re.search(r"Sources?: [a-z]+-", body), f"{pdf.name}: source tags on paper"
        marks = {int(n) for group in re.findall(r"\(Sources: ([\d, ]+)\)", body) for n in group.split(",")}
        tail = lines(pdf).split("Sources\n")[-1]
        listed = {int(n) for n in re.findall(r"^\s*(\d{1,2})\.\s+(?=[A-Z])", tail, re.M)}
        assert marks <= listed, f"{pdf.name}: marks {sorted(marks - listed)} are not in the sources list"


def test_printable_numbers_marks_in_reading_order_and_lists_them():
    rules = paper.Rules(references={"a": (7, "Alpha.", "https://a.example"), "b": (3, "Beta.", "https://b.example"),
                                    "c": (9, "Gamma.", "https://c.example")})
    body = ('<p>One <span class="hb-sources">(Sources: <a href="references.html#b">3</a>)</span></p>'
            '<p>Two <span class="hb-sources">(Sources: <a href="references.html#a">7</a>, '
            '<a href="references.html#b">3</a>)</span></p>'
            '<h2 id="sources">Sources</h2><ol class="hb-references"><li id="c">Gamma.</li></ol>')
    out = paper.for_paper(body, "page.html", rules, listed=["c"])
    assert [a.get_text() for a in out.select(".hb-sources a")] == ["1", "2", "1"]
    assert [li["id"] for li in out.select("ol.hb-references li")] == ["source-b", "source-a", "source-c"]
    assert out.select_one(".hb-sources a")["href"] == "#source-b"


# ---- Help numbers by country ----


def test_unknown_country_fails_naming_the_allowed_ones(project, tmp_path):
    fails_with(project, tmp_path, r"settings: CLINIC_COUNTRY must be one of ES, GB, US "
               r"\(see data/countries.yaml\), got 'FR'", CLINIC_COUNTRY="fr")


def test_uk_handouts_give_111_and_999(site_dir):
    after = text(site_dir / "handouts" / "after-treatment.pdf")
    assert "NHS 111" in after and "999" in after


def test_us_handouts_say_911_and_your_doctor_never_111_or_999(us):
    for pdf in [us / "handbook.pdf", *standard(us), *large(us)]:
        if not pdf.exists():
            continue
        body = text(pdf)
        assert not re.search(r"\b(111|999)\b|A&E", body), f"{pdf.name}: UK help numbers"
        if pdf.name != "handbook.pdf":  # the handbook's glossary explains the word GP
            assert not re.search(r"\bGP\b", body), f"{pdf.name}: 'GP' on a US handout"
        assert "911" in body, pdf.name
    after = text(us / "handouts" / "after-treatment.pdf")
    assert "your doctor" in after and "Call 911 or go to the emergency room" in after
    assert [round(float(v)) for v in reader(us / "handouts" / "after-treatment.pdf").pages[0].mediabox[2:]] == [612, 792]
    assert str(reader(us / "handbook.pdf").trailer["/Root"]["/Lang"]) == "en-US"


def test_us_clinic_may_name_the_medicine(us):
    """US rules allow a branded leaflet to name a prescription medicine: the comparison is issued."""
    assert (us / "handouts" / "microneedling-vs-botox.pdf").is_file()


def test_web_citation_marks_show_the_number_of_their_entry(html_pages):
    """On the web, a mark in a box or cell shows the number its source has in the References list."""
    references = {li["id"]: li["value"] for li in html_pages["references.html"].select("ol.hb-references > li")}
    assert list(references.values()) == [str(n) for n in range(1, len(references) + 1)]
    marks = [a for soup in html_pages.values() for a in soup.select(".hb-sources a[href]")]
    assert marks
    for a in marks:
        assert a.get_text() == references[a["href"].split("#")[1]], a
    for soup in html_pages.values():  # every page's own list uses the same numbers
        for li in soup.select("ol.hb-references > li"):
            assert li["value"] == references[li["id"]]
