"""One strict build of the whole handbook, parsed as HTML."""

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook import render
from handbook.data import Handbook, load_handbook
from handbook.links import broken_links
from support import ROOT, page_front_matter


@pytest.fixture(scope="module")
def hb() -> Handbook:
    return load_handbook(ROOT / "data")


def content(soup):
    return soup.select_one("article.md-content__inner")


def test_every_docs_page_is_built(html_pages):
    expected = {p.removeprefix("docs/").replace(".md", ".html") for p in page_front_matter()}
    assert expected <= set(html_pages)


def test_every_page_has_exactly_one_h1(html_pages):
    for name, soup in html_pages.items():
        assert len(content(soup).find_all("h1")) == 1, name


def test_every_page_shows_review_dates_from_its_front_matter(html_pages):
    for md, meta in page_front_matter().items():
        soup = html_pages[md.removeprefix("docs/").replace(".md", ".html")]
        review = soup.select_one(".hb-review")
        assert review is not None, md
        text = review.get_text(" ", strip=True)
        assert "Page last updated:" in text and "Next review due:" in text, md
        assert text.endswith("Not yet reviewed by a clinician."), md  # data/reviews.yaml records no review
        times = [t["datetime"] for t in review.find_all("time")]
        assert times == [str(meta["last_reviewed"]), str(meta["next_review"])], md


def test_every_page_carries_the_not_medical_advice_notice(html_pages):
    for name, soup in html_pages.items():
        notice = soup.select_one(".hb-notice")
        assert notice and "not medical advice" in notice.get_text(), name
        assert "999" in notice.get_text() and "111" in notice.get_text(), name


def test_every_page_has_a_description_and_edit_link(html_pages):
    for name, soup in html_pages.items():
        description = soup.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 20, name
        edit = soup.select_one("a.hb-suggest-change[href*='/edit/']")
        assert edit and edit["href"].endswith("docs/" + name.replace(".html", ".md")), name


def test_comparison_table_has_one_row_per_attribute(html_pages, hb):
    table = html_pages["microneedling-vs-botox.html"].select_one(".hb-comparison table")
    rows = table.tbody.find_all("tr")
    assert [r.th.get_text(strip=True) for r in rows] == [a.label for a in hb.attributes]
    assert table.thead.find("th").get_text(strip=True), "first header cell must be labelled"


def test_every_contraindication_appears_as_a_callout(html_pages, hb):
    seen = {}
    for soup in html_pages.values():
        for div in soup.select(".hb-contraindication"):
            seen[div["id"]] = div
    assert set(seen) == set(hb.contraindications)
    for ident, div in seen.items():
        shown = {d["data-treatment"]: d["data-severity"] for d in div.select(".hb-advice")}
        assert shown and all(hb.contraindications[ident].treatments[t].severity == s for t, s in shown.items()), ident
        kind = "danger" if "absolute" in shown.values() else "warning"
        assert kind in div["class"], ident


def test_is_it_right_for_me_lists_every_microneedling_contraindication(html_pages, hb):
    ids = {d["id"] for d in html_pages["is-it-right-for-me.html"].select(".hb-contraindication")}
    assert ids == {c.item.id for c in render.select_contraindications(hb, treatment="microneedling")}


def test_no_unrendered_template_syntax_reaches_readers(site_dir):
    for path in list(site_dir.rglob("*.html")) + list(site_dir.rglob("search_index.*")):
        text = path.read_text(encoding="utf-8")
        for marker in ("{{", "{%", "{#"):
            assert marker not in text, f"{path.name} contains {marker}"


def test_no_data_or_source_file_is_published(site_dir):
    # Public on purpose: review-status.json (each page's fingerprint, so anyone can check a review) and
    # handbook-pages.json (the pages' bodies, which the steps on a built site read: ARCHITECTURE.md).
    leaked = [p.name for p in site_dir.rglob("*") if p.suffix in {".yaml", ".yml", ".py", ".md", ".json"}
              and p.name not in {"search_index.json", "review-status.json", "handbook-pages.json"}]
    assert leaked == []
    assert not (site_dir / "pdf").exists(), "PDF templates are for the build, not for readers"


def search_index(site_dir) -> dict:
    text = (site_dir / "search" / "search_index.js").read_text(encoding="utf-8")
    return json.loads(re.sub(r"^var __index = |;?\s*$", "", text))


def test_search_index_holds_every_page(site_dir, html_pages):
    locations = {doc["location"].split("#")[0] for doc in search_index(site_dir)["docs"]}
    assert set(html_pages) - {"index.html"} <= locations
    assert "" in locations or "index.html" in locations


def test_sources_section_lists_each_page_front_matter_source_by_number(html_pages):
    numbers = render.reference_numbers(load_handbook(ROOT / "data"))
    for md, meta in page_front_matter().items():
        soup = html_pages[md.removeprefix("docs/").replace(".md", ".html")]
        listed = [li["id"] for li in soup.select("ol.hb-references > li")]
        assert set(meta["sources"]) <= set(listed), md
        assert [numbers[i] for i in listed] == sorted(numbers[i] for i in listed), md


def test_glossary_terms_have_tooltips(html_pages):
    abbrs = {a.get_text() for s in html_pages.values() for a in s.select("article abbr[title]")}
    defined = {m for m in re.findall(r"^\*\[(.+?)\]:", (ROOT / "includes/abbreviations.md").read_text(), re.M)}
    assert abbrs and abbrs <= defined


def test_internal_links_and_anchors_resolve(site_dir):
    assert broken_links(site_dir) == []


def test_link_check_finds_planted_breaks(tmp_path):
    (tmp_path / "a.html").write_text('<h1 id="top">A</h1><a href="b.html">b</a><a href="a.html#nope">x</a>')
    assert broken_links(tmp_path) == ["a.html: link to missing b.html", "a.html: link to missing anchor a.html#nope"]


def test_search_engines_and_share_sheets_understand_each_page(site_dir, html_pages):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for name, soup in html_pages.items():
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical.startswith("https://") and canonical.endswith(name), name
        assert canonical in sitemap, name
        og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        assert og["og:title"] and og["og:url"] == canonical, name
        assert og["og:description"] == soup.find("meta", attrs={"name": "description"})["content"], name


def test_404_page_helps_the_reader_on(site_dir):
    text = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in text and 'href="/index.html"' not in text
    assert "search" in text.lower() and "after-treatment.html" in text


def test_the_clinic_handouts_page_lists_every_handout_from_front_matter(html_pages):
    rows = html_pages["handouts.html"].select(".hb-handouts tbody tr")
    slugs = [row["id"].removeprefix("handout-") for row in rows]
    assert sorted(slugs) == sorted(meta["handout"] for meta in page_front_matter().values() if meta.get("handout"))
    for row, slug in zip(rows, slugs, strict=True):
        assert f"handouts/{slug}.pdf" in [a["href"] for a in row.find_all("a")]


def test_every_page_lists_every_source_it_cites(html_pages):
    """A mark in the text, a box or a table leads to an entry of the page's own Sources list too."""
    for name, soup in html_pages.items():
        body = content(soup)
        listed = {li.get("id", "").removeprefix("ref-") for li in body.select("#sources ~ div li")}
        cited = {a["href"].split("#")[1] for a in body.select('a[href*="references.html#"]')
                 if not a.find_parent("ol", class_="hb-references")}
        if name != "references.html":
            assert cited <= listed, f"{name}: cites {sorted(cited - listed)} but does not list them"


def test_a_source_only_another_countrys_text_cites_is_not_listed(html_pages):
    """The UK site names the Yellow Card: the US and Spanish reporting services, cited in text marked for
    those countries (data-country), stay off its pages' Sources lists."""
    for name in ("botox-safety.html", "risks-and-safety.html"):
        listed = {li.get("id", "").removeprefix("ref-") for li in content(html_pages[name]).select("#sources ~ div li")}
        assert "mhra-yellow-card" in listed and not {"fda-medwatch", "aemps-notificaram"} & listed, name


FIRST_LOAD = 75 * 1024  # compressed bytes on the wire, headers included (benchmarks/results/web.md)
HEADERS = 300           # bytes of response headers per file: what nginx sends (benchmarks/lighthouse.py)


def first_load(page: Path, site_dir: Path) -> int:
    """A page's own files as a cold load fetches them: the HTML, its stylesheets, scripts (Material's too, fetched
    once the page has loaded) and icon, gzip level 6."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [tag["href"] for tag in soup.select('link[rel="stylesheet"], link[rel="icon"]')]
    scripts = [tag["src"] for tag in soup.select("script[src]")] + [tag["data-theme-script"] for tag in soup.select("script[data-theme-script]")]
    files = [page.resolve()] + [(page.parent / src).resolve() for src in links + scripts]
    return sum(len(gzip.compress(f.read_bytes(), 6)) + HEADERS for f in files if f.is_relative_to(site_dir.resolve()))


def test_every_pages_first_load_stays_within_75_kb(site_dir):
    pages = [p for p in site_dir.rglob("*.html") if "/handouts/" not in p.as_posix()
             and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    assert len(pages) > 30  # both languages
    heavy = {p.relative_to(site_dir).as_posix(): size for p in pages if (size := first_load(p, site_dir)) > FIRST_LOAD}
    assert not heavy, heavy
