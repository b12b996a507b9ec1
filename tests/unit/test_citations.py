"""Source marks in a page's text (cite()) and the page's Sources list: plain functions, input and output."""

import pytest
from bs4 import BeautifulSoup

from handbook import render
from handbook.data import load_handbook
from handbook.errors import HandbookError
from handbook.page_macros import cited_sources, macros, page_sources
from support import ROOT

HB = load_handbook(ROOT / "data")


def test_the_sources_list_is_the_front_matters_then_every_other_source_cited():
    rendered = ('<a href="references.html#b">2</a> <a href="../references.html#c">3</a> '
                '<a href="references.html#a">1</a> <a href="https://example.org/#x">x</a>')
    assert cited_sources(["a", "z"], rendered) == ["a", "z", "b", "c"]


def test_a_pages_sources_are_listed_by_their_numbers():
    numbers = render.reference_numbers(HB)
    listed = sorted(HB.references, key=numbers.get, reverse=True)[:2]  # front matter: the highest numbers
    rendered = f'<a href="references.html#{min(HB.references, key=numbers.get)}">1</a>'
    found = page_sources(HB, listed, rendered)
    assert [numbers[i] for i in found] == sorted(numbers[i] for i in found) and len(found) == 3


def test_cite_marks_link_to_the_references_and_unknown_ids_fail():
    cite = macros(HB, lambda: "after-treatment.md")["cite"]
    marks = BeautifulSoup(cite("nhs-botox", "alam-2014"), "html.parser").select(".hb-sources a")
    assert [a["href"] for a in marks] == ["references.html#nhs-botox", "references.html#alam-2014"]
    with pytest.raises(HandbookError, match=r"^cite\(\): unknown source id 'nhs-botx'"):
        cite("nhs-botx")
    with pytest.raises(HandbookError, match=r"^cite\(\): name at least one source id"):
        cite()


def test_a_mark_in_a_table_cell_keeps_the_row_whole():
    import markdown

    cite = macros(HB, lambda: "after-treatment.md")["cite"]
    table = f"| When | What |\n|---|---|\n| Day 1 | Red skin. {cite('chu-2021')} |\n| Day 7 | Dry skin. |\n"
    rows = BeautifulSoup(markdown.markdown(table, extensions=["tables"]), "html.parser").select("tbody tr")
    assert [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in rows] == [
        ["Day 1", f"Red skin. (Sources: {render.reference_numbers(HB)['chu-2021']} )"], ["Day 7", "Dry skin."]]
