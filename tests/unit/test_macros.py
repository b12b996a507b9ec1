"""Renderers tested as plain functions: data in, HTML out, no MkDocs build."""

import pytest
from bs4 import BeautifulSoup

from handbook import render as macros
from handbook.data import Facts, Handbook, load_handbook
from handbook.errors import HandbookError
from handbook.models import Sourced, Treatment
from support import ROOT

REFS = "references.html"


@pytest.fixture(scope="module")
def hb() -> Handbook:
    return load_handbook(ROOT / "data")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def with_treatment(hb: Handbook, treatment: Treatment) -> Handbook:
    return hb.model_copy(update={"treatments": {**hb.treatments, treatment.id: treatment}})


def make_treatment(hb, ident: str, text: str) -> Treatment:
    value = Sourced(text=text, sources=["chu-2021"])
    return Treatment(id=ident, name=ident.title(), summary=text, values={a.id: value for a in hb.attributes})


# ---- comparison_table ----


def test_comparison_has_a_row_per_attribute_and_a_column_per_treatment(hb):
    table = soup(macros.render_comparison(hb, ["microneedling", "botox"], REFS)).find("table")
    rows = table.find("tbody").find_all("tr")
    assert [r.th.get_text(strip=True) for r in rows] == [a.label for a in hb.attributes]
    assert all(len(r.find_all("td")) == 2 for r in rows)
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert headers[0], "first header cell must be labelled"
    assert headers[1:] == ["Microneedling", "Botox"]


def test_comparison_cells_hold_data_text_and_link_their_sources(hb):
    table = soup(macros.render_comparison(hb, ["botox", "microneedling"], REFS))
    first = table.find("tbody").find("tr")
    expected = hb.treatments["botox"].values[hb.attributes[0].id]
    cell = first.find_all("td")[0]
    assert expected.text in cell.get_text()
    assert [a["href"] for a in cell.find_all("a")] == [f"{REFS}#{s}" for s in expected.sources]


def test_comparison_of_any_number_of_treatments(hb):
    hb3 = with_treatment(hb, make_treatment(hb, "chemical-peel", "An acid solution removes the top layer."))
    table = soup(macros.render_comparison(hb3, ["microneedling", "botox", "chemical-peel"], REFS))
    assert len(table.find("thead").find_all("th")) == 4
    assert "An acid solution" in table.get_text()


def test_comparison_rejects_unknown_treatment_naming_the_allowed_ones(hb):
    with pytest.raises(HandbookError, match="unknown treatment id 'botx'; allowed values: botox, microneedling"):
        macros.render_comparison(hb, ["microneedling", "botx"], REFS)


def test_comparison_needs_two_treatments(hb):
    with pytest.raises(HandbookError, match="at least two"):
        macros.render_comparison(hb, ["microneedling"], REFS)


def test_data_containing_html_is_shown_as_text(hb):
    evil = make_treatment(hb, "evil", '<script>alert("x")</script><b>bold</b>')
    html = macros.render_comparison(with_treatment(hb, evil), ["microneedling", "evil"], REFS)
    parsed = soup(html)
    assert parsed.find("script") is None and parsed.find("b") is None
    assert '<script>alert("x")</script>' in parsed.get_text()


def test_rendered_html_has_no_indented_or_blank_lines(hb):
    # Markdown would turn indented lines into code blocks and end HTML at a blank line.
    for html in (
        macros.render_comparison(hb, ["microneedling", "botox"], REFS),
        macros.render_callouts(hb, macros.select_contraindications(hb), REFS),
        macros.render_references(hb, list(hb.references)),
    ):
        assert all(line and line == line.lstrip() for line in html.splitlines())


# ---- contraindication callouts ----


@pytest.mark.parametrize("treatment", ["microneedling", "botox"])
def test_callouts_distinguish_absolute_from_relative(hb, treatment):
    callouts = macros.select_contraindications(hb, treatment=treatment)
    divs = soup(macros.render_callouts(hb, callouts, REFS)).select(".hb-contraindication")
    assert len(divs) == len(callouts)
    for div in divs:
        c = hb.contraindications[div["id"]]
        advice = c.treatments[treatment]
        expected = "danger" if advice.severity == "absolute" else "warning"
        assert expected in div["class"] and "admonition" in div["class"]
        assert div.select_one(".admonition-title").get_text(strip=True) == c.condition
        assert advice.reason in div.get_text() and advice.instead in div.get_text()
        assert [d["data-treatment"] for d in div.select(".hb-advice")] == [treatment]


def test_folded_titles_are_written_once_and_name_their_toggle(hb):
    table = soup(macros.render_comparison(hb, ["microneedling", "botox"], REFS))
    boxes = soup(macros.render_callouts(hb, macros.select_contraindications(hb, "botox"), REFS, fold_on_phones=True))
    titles = table.select("tbody th") + boxes.select(".admonition-title")
    assert len(titles) == len(hb.attributes) + len(macros.select_contraindications(hb, "botox"))
    for title in titles:
        summary = title.select_one("details.hb-fold > summary")
        assert summary.get_text() == ""  # the text is the title's, not repeated
        assert title.find(id=summary["aria-labelledby"]).get_text() == title.get_text() != ""


def test_callouts_fold_only_when_asked(hb):
    callouts = macros.select_contraindications(hb, "microneedling")
    assert soup(macros.render_callouts(hb, callouts, REFS)).select(".hb-fold") == []


def test_a_callout_for_one_treatment_speaks_of_that_treatment_only(hb):
    pregnancy = hb.contraindications["pregnancy"]
    assert pregnancy.treatments["botox"].severity == "absolute"  # NHS: do not have Botox when pregnant
    for treatment, other in (("botox", "Microneedling"), ("microneedling", "Botox")):
        box = soup(macros.render_callouts(hb, [macros.one_callout(hb, "pregnancy", treatment)], REFS)).div.div
        expected = "danger" if pregnancy.treatments[treatment].severity == "absolute" else "warning"
        assert expected in box["class"]
        assert pregnancy.treatments[treatment].reason in box.get_text()
        assert other not in box.get_text(), f"the {treatment} box speaks of {other}"


def test_callouts_filter_by_treatment_and_severity(hb):
    botox = macros.select_contraindications(hb, treatment="botox")
    assert botox and all(set(c.advice) == {"botox"} for c in botox)
    assert len(botox) < len(hb.contraindications)
    absolute = macros.select_contraindications(hb, "microneedling", severity="absolute")
    relative = macros.select_contraindications(hb, "microneedling", severity="relative")
    assert {c.item.id for c in absolute} | {c.item.id for c in relative} == {
        c.id for c in hb.contraindications.values() if "microneedling" in c.treatments}
    assert not {c.item.id for c in absolute} & {c.item.id for c in relative}


def test_a_selection_that_matches_nothing_fails(hb):
    with pytest.raises(HandbookError, match="selects nothing"):
        macros.select_contraindications(hb, treatment="botox", severity="relative")


def test_callout_links_point_at_each_callout(hb):
    callouts = macros.select_contraindications(hb, treatment="microneedling", severity="absolute")
    links = soup(macros.render_callout_links(callouts)).find_all("a")
    assert [a["href"] for a in links] == [f"#{c.item.id}" for c in callouts]
    assert [a.get_text() for a in links] == [c.item.condition for c in callouts]


@pytest.mark.parametrize(
    "kwargs, message",
    [({"treatment": "botx"}, "unknown treatment id 'botx'"), ({"severity": "severe"}, "unknown severity 'severe'")],
)
def test_callout_filters_reject_unknown_values(hb, kwargs, message):
    with pytest.raises(HandbookError, match=message):
        macros.select_contraindications(hb, **kwargs)


def test_clinic_practice_callouts_say_there_is_no_study(hb):
    item = next(c for c in macros.select_contraindications(hb, "microneedling")
                if c.advice["microneedling"].evidence == "clinic-practice")
    text = soup(macros.render_callouts(hb, [item], REFS)).get_text()
    assert "no studies" in text


# ---- references and facts ----


def test_references_list_has_anchors_and_links(hb):
    ids = ["chu-2021", "nhs-botox"]
    items = soup(macros.render_references(hb, ids)).find_all("li")
    assert [li["id"] for li in items] == ids
    assert items[0].a["href"] == hb.references["chu-2021"].url


def test_references_reject_unknown_ids(hb):
    with pytest.raises(HandbookError, match="unknown source id 'nobody-2020'"):
        macros.render_references(hb, ["nobody-2020"])


def test_unknown_fact_names_the_allowed_ones():
    facts = Facts({"numbing_minutes": "30 to 60"})
    assert facts.numbing_minutes == "30 to 60"
    with pytest.raises(HandbookError, match="unknown fact 'numbng'; allowed values: numbing_minutes"):
        _ = facts.numbng


@pytest.mark.parametrize("url, label", [
    ("https://doi.org/10.1001/jamadermatol.2013.8687", "doi:10.1001/jamadermatol.2013.8687"),
    ("https://pubmed.ncbi.nlm.nih.gov/31234567/", "PubMed 31234567"),
    ("https://www.nhs.uk/conditions/botox/", "nhs.uk"),
    ("https://yellowcard.mhra.gov.uk/", "yellowcard.mhra.gov.uk"),
])
def test_a_source_links_with_a_short_label_on_screen(hb, url, label):
    assert macros.source_label(url) == label
    one = hb.model_copy(update={"references": {**hb.references,
                                               "nhs-botox": hb.references["nhs-botox"].model_copy(update={"url": url})}})
    assert f'<a href="{url}">{label}</a>' in macros.render_references(one, ["nhs-botox"])


def test_a_source_link_takes_its_address_from_the_data_and_keeps_the_words_as_text(hb):
    from handbook.page_macros import macros

    link = soup(macros(hb, lambda: "risks-and-safety.md")["source_link"]("mhra-yellow-card", "the <b>Yellow Card</b>"))
    assert link.a["href"] == hb.references["mhra-yellow-card"].url and link.a.get_text() == "the <b>Yellow Card</b>"
    with pytest.raises(HandbookError, match="source_link\\(\\): unknown source id 'nobody'"):
        macros(hb, lambda: "")["source_link"]("nobody", "x")


@pytest.mark.parametrize(("country", "lang", "source", "words"), [
    ("GB", "en", "mhra-yellow-card", "Yellow Card"), ("US", "en", "fda-medwatch", "MedWatch"),
    ("ES", "es", "aemps-notificaram", "NotificaRAM")])
def test_a_countrys_service_links_to_its_own_page_in_its_own_words(country, lang, source, words):
    from handbook.page_macros import macros

    edition = load_handbook(ROOT / "data", lang=lang, country=country)
    link = soup(macros(edition, lambda: "")["fact_link"]("report_side_effects"))
    assert link.a["href"] == edition.references[source].url and words in link.a.get_text()
    assert link.a.get_text() == edition.local["report_side_effects"]


def test_a_fact_that_names_no_service_cannot_be_a_link(hb):
    from handbook.page_macros import macros

    with pytest.raises(HandbookError, match="fact_link\\(\\): the fact 'a_doctor' names no service"):
        macros(hb, lambda: "")["fact_link"]("a_doctor")
    with pytest.raises(HandbookError, match="fact_link\\(\\): unknown country fact 'needle_depth_mm'"):
        macros(hb, lambda: "")["fact_link"]("needle_depth_mm")



def test_a_treatments_row_reads_as_in_the_table_with_its_sources_and_unknown_rows_fail(hb):
    from handbook.page_macros import macros

    said = soup(macros(hb, lambda: "botox-safety.md")["treatment_text"]("botox", "common_side_effects"))
    value = hb.treatments["botox"].values["common_side_effects"]
    assert value.text in said.get_text() and [a["href"] for a in said.find_all("a")] == [
        f"{REFS}#{s}" for s in value.sources]
    with pytest.raises(HandbookError, match="treatment_text\\(\\): unknown row id .* 'side_effects'"):
        macros(hb, lambda: "")["treatment_text"]("botox", "side_effects")
