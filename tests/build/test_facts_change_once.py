"""CONTRIBUTING's promise, tested: change a fact once in data/facts.yaml and every page,
data value and PDF changes with it; no old value is left anywhere."""

import re

import pdfread
import pytest
from bs4 import BeautifulSoup

from handbook.data import load_handbook
from handbook.figures import DRAWN
from support import ROOT, build_ok, copy_project, fact_phrases

FACTS = load_handbook(ROOT / "data").facts


def marker(key: str) -> str:
    return f"FACT{key.replace('_', '').upper()}MARK"


def marked(key: str) -> str:
    """The marker, after new numbers where a figure draws the fact (handbook/figures.py)."""
    return f"2 to 4 {marker(key)}" if key in DRAWN else marker(key)


@pytest.fixture(scope="module")
def marked_site(once):
    def make(folder):
        project = copy_project(folder)
        facts = project / "data/facts.yaml"
        text = facts.read_text(encoding="utf-8")
        for key in FACTS:
            text, count = re.subn(rf"^({key}:\n(?:  #.*\n)*  value: ).*$", rf"\g<1>{marked(key)}", text, flags=re.M)
            assert count == 1, key
        facts.write_text(text, encoding="utf-8")
        build_ok(project, project / "site")

    return once("marked-facts", make) / "project" / "site"


@pytest.fixture(scope="module")
def outputs(marked_site) -> dict[str, str]:
    """The text of every page's article and of every PDF of the marked build, read once."""
    site, texts = marked_site, {}
    for path in sorted(site.glob("*.html")):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article:
            texts[path.name] = article.get_text(" ")
    for pdf in [site / "handbook.pdf", *sorted((site / "handouts").rglob("*.pdf"))]:
        texts[pdf.relative_to(site).as_posix()] = pdfread.text(pdf)
    return {name: " ".join(text.split()) for name, text in texts.items()}


def test_no_old_value_is_left_on_the_web_or_on_paper(outputs):
    left = [f"{name}: {m.group(0)!r} ({key})" for key, fact in FACTS.items() for pattern in fact_phrases(key, fact.value)
            for name, text in outputs.items() for m in re.finditer(pattern, text, re.I)]
    assert left == []


def test_every_fact_reaches_readers(outputs):
    everything = " ".join(outputs.values())
    assert [key for key in FACTS if marker(key) not in everything] == []
