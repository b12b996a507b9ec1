"""The Spanish edition, built on its own (mkdocs.es.yml) into es/: the same checks as English, per language."""

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pdfread import reader
from pdfread import text as pdf_text

from handbook import reading_es
from handbook.data import load_handbook
from support import ROOT, build, edit

PAGES = sorted(p.name.replace(".md", ".html") for p in (ROOT / "docs").glob("*.md"))
ES = load_handbook(ROOT / "data", "es")

# Function words of English that are not Spanish words. Spanish prose never uses them;
# the 20 commonest English words are about a third of any English text. Names of British
# bodies ("Nursing and Midwifery Council") have one or two, so a block fails at three.
ENGLISH = {"the", "and", "of", "to", "your", "you", "is", "are", "with", "this", "that", "for", "it", "be",
           "have", "what", "when", "how", "if", "or", "not", "can", "will", "do", "does", "from", "after",
           "before", "about", "page", "read", "we", "our", "they", "their", "there", "which", "who"}
# Citations keep their published (English) titles, like any bibliography.
NOT_TRANSLATED = [".hb-references", ".hb-sources", "script", "style", "svg", "code"]
BLOCKS = ["p", "li", "td", "th", "h1", "h2", "h3", "dt", "dd", "caption", "label", "button", "a", "summary", "time"]


@pytest.fixture(scope="module")
def es_pages(es_site_dir) -> dict[str, BeautifulSoup]:
    return {name: BeautifulSoup((es_site_dir / name).read_text(encoding="utf-8"), "html.parser") for name in PAGES}


def test_every_english_page_is_built_in_spanish(es_site_dir):
    assert sorted(p.name for p in es_site_dir.glob("*.html") if p.name != "404.html"
                  and "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")) == PAGES


def test_pages_are_spanish(es_pages):
    for name, soup in es_pages.items():
        assert soup.html["lang"] == "es", name
        assert len(soup.select("article h1")) == 1, name


def english_blocks(soup: BeautifulSoup) -> list[str]:
    soup = BeautifulSoup(str(soup), "html.parser")
    for selector in NOT_TRANSLATED:
        for node in soup.select(selector):
            node.decompose()
    found = []
    for element in soup.find_all(BLOCKS):
        text = element.get_text(" ", strip=True)
        words = re.findall(r"[A-Za-z']+", text.lower())
        if len([w for w in words if w in ENGLISH]) >= 3:
            found.append(text[:120])
    for element in soup.find_all(attrs={"aria-label": True}) + soup.find_all(attrs={"title": True}) + \
            soup.find_all(attrs={"placeholder": True}) + soup.find_all("img"):
        for attr in ("aria-label", "title", "placeholder", "alt"):
            words = re.findall(r"[A-Za-z']+", (element.get(attr) or "").lower())
            if len([w for w in words if w in ENGLISH]) >= 2:
                found.append(f"{attr}={element.get(attr)!r}")
    return found


def test_no_english_sentence_is_left_on_a_spanish_page(es_pages, es_site_dir):
    pages = dict(es_pages, **{"404.html": BeautifulSoup((es_site_dir / "404.html").read_text(encoding="utf-8"),
                                                        "html.parser")})
    left = {name: found for name, soup in pages.items() if (found := english_blocks(soup))}
    assert left == {}


def test_the_english_check_finds_an_english_sentence():
    soup = BeautifulSoup("<p>Esto es español.</p><p>Get help today from the clinic if it is worse.</p>", "html.parser")
    assert english_blocks(soup) == ["Get help today from the clinic if it is worse."]


def test_callouts_come_from_the_spanish_data(es_pages):
    page = es_pages["is-it-right-for-me.html"]
    boxes = {box["id"]: box for box in page.select(".hb-contraindication")}
    for cid, item in ES.contraindications.items():
        if "microneedling" in item.treatments:
            assert boxes[cid].select_one(".admonition-title").get_text(strip=True) == item.condition
            assert item.treatments["microneedling"].reason in boxes[cid].get_text(" ")
    assert "Por qué:" in page.get_text() and "Qué hacer:" in page.get_text()
    assert "No se haga el tratamiento con microagujas" in page.get_text()


def test_the_comparison_table_comes_from_the_spanish_data(es_pages):
    table = es_pages["microneedling-vs-botox.html"].select_one(".hb-comparison table")
    rows = [th.get_text(strip=True) for th in table.select("tbody th")]
    assert rows == [a.label for a in ES.attributes]
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Lo que quiere saber", "Microagujas", "Bótox"]
    assert ES.treatments["botox"].values["results_last"].text in table.get_text(" ")


def test_review_lines_in_spanish_from_the_records(es_pages):
    for name, soup in es_pages.items():
        review = soup.select_one(".hb-review").get_text(" ", strip=True)
        assert re.search(r"Página actualizada por última vez: \d{1,2} de [a-z]+ de 20\d\d", review), name
        assert "Próxima revisión:" in review, name
        assert review.endswith("Todavía no la ha revisado un profesional sanitario."), name


def test_the_spanish_search_index(es_site_dir):
    text = (es_site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    index = json.loads(text)
    assert index["config"]["lang"] == ["es"]
    assert "¿" in index["config"]["separator"] and "«" in index["config"]["separator"]
    assert "stemmer" not in index["config"]["pipeline"], "prefix search skips stemming: stemmed words never match"
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations <= set(PAGES) | {""}
    words = " ".join(doc.get("keywords", "") for doc in index["docs"])
    for word in ["embarazada", "lactancia", "anestesia", "bloqueador", "moratón", "anestesica", "hinchazon"]:
        assert word in words, word


def test_language_links_lead_to_the_same_page(es_pages, es_site_dir):
    for name, soup in es_pages.items():
        selector = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        assert selector == {"en": f"../{name}", "es": name}, name
        # hreflang is in the sitemap: a <link rel="alternate"> makes Material fetch the public sitemap.
        assert soup.select('link[rel="alternate"]') == [], name


def test_the_sitemap_lists_both_languages(es_site_dir):
    xml = (es_site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert xml.count("<loc>") == len(PAGES)
    base = "https://microneedling-handbook.github.io/handbook/"
    for name in PAGES:
        assert (f"<loc>{base}es/{name}</loc>\n"
                f'         <xhtml:link rel="alternate" hreflang="en" href="{base}{name}"/>\n'
                f'         <xhtml:link rel="alternate" hreflang="es" href="{base}es/{name}"/>\n'
                f'         <xhtml:link rel="alternate" hreflang="x-default" href="{base}{name}"/>') in xml


def test_the_english_sitemap_lists_the_spanish_pages(site_dir):
    xml = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    base = "https://microneedling-handbook.github.io/handbook/"
    for name in PAGES:
        assert f'<loc>{base}{name}</loc>\n         <xhtml:link rel="alternate" hreflang="en" href="{base}{name}"/>' in xml
        assert f'hreflang="es" href="{base}es/{name}"/>' in xml


def test_a_spanish_404_page(es_site_dir):
    soup = BeautifulSoup((es_site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "es" and soup.h1.get_text(strip=True) == "No encontramos la página"
    assert soup.select_one('a[href$="/es/index.html"]'), "links stay in the Spanish edition"


@pytest.mark.parametrize("name", [p for p in PAGES])
def test_reading_ease_is_fairly_easy_or_easier(es_pages, name):
    from handbook.textcheck import page_prose

    inflesz, fh = reading_es.scores(page_prose(es_pages[name]))
    print(f"{name}: INFLESZ {inflesz:.1f}, Fernández-Huerta {fh:.1f}")
    assert inflesz >= reading_es.MIN_INFLESZ and fh >= reading_es.MIN_FERNANDEZ_HUERTA


def test_the_reading_check_fails_hard_spanish():
    hard = ("La microperforación percutánea determina una estimulación fibroblástica consecutiva a la "
            "inducción inflamatoria controlada, con remodelación colagénica progresiva y neoelastogénesis. ") * 3
    inflesz, fh = reading_es.scores(hard)
    assert inflesz < reading_es.MIN_INFLESZ and fh < reading_es.MIN_FERNANDEZ_HUERTA


# ---- Drift: a change to the English shows, a missing translation stops the build ----

def spanish_project(tmp_path: Path) -> Path:
    from support import copy_project

    return copy_project(tmp_path)


def test_a_changed_english_page_warns_and_is_listed(tmp_path):
    import subprocess
    import sys

    project = spanish_project(tmp_path)
    edit(project / "docs" / "on-the-day.md", "You wait\nwhile it works.", "You wait while it works. Bring a book.")
    result = build(project, tmp_path / "out", "mkdocs.es.yml", HANDOUTS="0")
    assert result.returncode == 0, "out of date is a warning, not a failure"
    assert re.search(r"Translation out of date: docs-es/on-the-day.md: docs/on-the-day.md changed; "
                     r"re-translate, then set translation.en_hash: [0-9a-f]{10}", result.stderr + result.stdout)
    listed = subprocess.run([sys.executable, "-m", "handbook", "translations"], cwd=project,
                            capture_output=True, text=True)
    assert "STALE    docs-es/on-the-day.md" in listed.stdout and listed.returncode == 0
    strict = subprocess.run([sys.executable, "-m", "handbook", "translations", "--strict"], cwd=project,
                            capture_output=True, text=True)
    assert strict.returncode == 1


def test_a_missing_translation_stops_the_build(tmp_path):
    project = spanish_project(tmp_path)
    shutil.copy(project / "docs" / "glossary.md", project / "docs" / "sun.md")
    result = build(project, tmp_path / "out", "mkdocs.es.yml", HANDOUTS="0")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "missing translation(s)" in output and "docs-es/sun.md (translates docs/sun.md; en_hash: " in output


def test_spanish_handouts_for_a_clinic_in_the_uk_name_only_the_uks_services(tmp_path):
    """es-GB paper: a handout passes the build's check for another country's own words (112, centro de
    salud) and sends the reader to the UK's help (the website stays the one for Spain)."""
    from support import build_ok

    site = build_ok(ROOT, tmp_path / "es", "mkdocs.es.yml", CLINIC_NAME="Clínica Támesis", CLINIC_PHONE="020 7946 0000",
                    CLINIC_COUNTRY="GB", HANDOUTS_ONLY="after-treatment", OFFLINE="0")
    for pdf in ("handouts/after-treatment.pdf", "handouts/large-print/after-treatment.pdf"):
        text = pdf_text(site / pdf)
        assert "Clínica Támesis" in text and "999" in text and "111" in text and "112" not in text, pdf


# ---- Spanish handouts: every handout, large print and the whole handbook, branded ----

FRAME_ENGLISH = ["Page last updated", "reviewed by a clinician", "Next review", "Leaflet ", "Phone:", "Website:",
                 "This leaflet online", "General information", "If you are worried", "For urgent advice",
                 "In an emergency", "Other formats", "Contents", "Given to you by", "the leaflet", "handbook online",
                 "EMERGENCY:", "URGENT:", "(see page", "Online:", "ratón"]


@pytest.fixture(scope="module")
def spanish_pdfs(once) -> Path:
    from support import build_ok, copy_project

    def make(folder):
        project = copy_project(folder)
        build_ok(project, project / "site" / "es", "mkdocs.es.yml", CLINIC_NAME="Clínica Ribera",
                 CLINIC_PHONE="910 000 199", CLINIC_EMAIL="hola@ribera.example", CLINIC_COUNTRY="ES")

    return once("es-clinic", make) / "project" / "site" / "es"


def pdf_lang(path: Path) -> str:
    return str(reader(path).trailer["/Root"].get("/Lang"))


def test_every_spanish_pdf_is_made(spanish_pdfs):
    slugs = sorted(p.name for p in (ROOT / "docs").glob("*.md")
                   if re.search(r"^handout: ", (p.read_text(encoding="utf-8")), re.M))
    assert slugs, "no handouts"
    made = {p.relative_to(spanish_pdfs).as_posix() for p in spanish_pdfs.rglob("*.pdf")}
    # A clinic in Spain, like one in the UK, issues no leaflet about a prescription-only medicine.
    not_issued = {"microneedling-vs-botox"}
    for slug in [s.replace(".md", "") for s in slugs]:
        expected = slug not in not_issued
        assert (f"handouts/{slug}.pdf" in made) == expected, slug
        assert (f"handouts/large-print/{slug}.pdf" in made) == expected, slug
    assert "handbook.pdf" in made


def test_spanish_pdfs_read_back_in_spanish_with_the_clinic_and_its_help_numbers(spanish_pdfs):
    for pdf in sorted(spanish_pdfs.rglob("*.pdf")):
        name = pdf.relative_to(spanish_pdfs).as_posix()
        flat = pdf_text(pdf)
        assert pdf_lang(pdf) == "es", name
        assert "Clínica Ribera" in flat and "910 000 199" in flat, name
        assert "llame a Clínica Ribera, al 910 000 199" in flat, name
        assert "Si es urgente, llame a su centro de salud, o al 112 si no puede esperar" in flat, name  # Spain
        assert "En una emergencia, llame al 112 o vaya a urgencias" in flat, name
        # A clinic in Spain may not name a prescription-only medicine on its own leaflets.
        assert not re.search(r"b[oó]tox|botul[ií]n", flat, re.I), name
        assert re.search(r"Página 1 de \d+", flat), name
        assert re.search(r"\d{1,2} de noviembre de 2026", flat), name
        left = [words for words in FRAME_ENGLISH if words in flat]
        assert left == [], f"{name}: {left}"


def test_a_box_naming_the_medicine_keeps_its_advice_without_the_name(spanish_pdfs):
    text = pdf_text(spanish_pdfs / "handouts" / "is-it-right-for-me.pdf")
    assert "Rellenos u otras inyecciones, peelings químicos o láser recientes" in text


def test_the_spanish_handbook_pdf_has_spanish_contents(spanish_pdfs):
    text = pdf_text(spanish_pdfs / "handbook.pdf")
    assert "Índice" in text and "Se lo entrega:" in text and "(vea la página" in text
