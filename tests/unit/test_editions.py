"""Editions (language, country, medium): marked blocks kept or left out, country words rendered from
data, and another country's own words found wherever they are."""

import pytest

from handbook.data import load_handbook
from handbook.editions import Edition, check_paper_words, foreign_words, select
from handbook.errors import HandbookError
from support import ROOT

PAGE = ('<p>All.</p><div data-country="GB"><p>UK.</p></div><div data-country="US ES"><p>US or Spain.</p></div>'
        '<p data-medium="web">Online.</p><p data-medium="paper">Printed.</p>')


@pytest.mark.parametrize("edition, expected", [
    (Edition("en", "GB", "web"), '<p>All.</p><div data-country="GB"><p>UK.</p></div><p data-medium="web">Online.</p>'),
    (Edition("en", "US", "paper"), '<p>All.</p><div data-country="US ES"><p>US or Spain.</p></div>'
                                   '<p data-medium="paper">Printed.</p>'),
    (Edition("es", "ES", ""), '<p>All.</p><div data-country="US ES"><p>US or Spain.</p></div>'
                              '<p data-medium="web">Online.</p><p data-medium="paper">Printed.</p>'),  # both media
])
def test_an_edition_keeps_only_its_own_blocks(edition, expected):
    assert select(PAGE, edition, "docs/x.md") == expected


def test_what_is_kept_stays_as_written_and_marks_nest():
    page = ('<div data-country="GB"><p>UK &amp; <br>NI.</p><p data-medium="web">Online.</p></div>'
            '<img data-medium="paper" src="qr.png"><p data-country="US">US.</p>\n<p>All.</p>')
    assert select(page, Edition("en", "GB", "paper"), "docs/x.md") == (
        '<div data-country="GB"><p>UK &amp; <br>NI.</p></div><img data-medium="paper" src="qr.png">\n<p>All.</p>')
    assert select(page, Edition("en", "US", "web"), "docs/x.md") == '<p data-country="US">US.</p>\n<p>All.</p>'


def test_a_page_without_marks_is_left_as_it_is():
    html = "<p>Same   spacing <b>kept</b></p>"
    assert select(html, Edition("es", "ES", "web"), "docs-es/x.md") is html


COUNTRIES = load_handbook(ROOT / "data").countries.countries


@pytest.mark.parametrize("text, country, found", [
    ("<p>Call NHS 111 or 999.</p>", "US", {"NHS", "999"}),
    ("<p>Born in 1999, call 911.</p>", "US", set()),
    ("<p>Page 112 of the report; 999 people took part.</p>", "US", set()),  # numbers, not numbers to call
    ("<p>Llame a emergencias (911 en EE. UU.).</p>", "ES", {"911"}),
    ("<p>About &pound;100 or 40 &euro;.</p>", "GB", {"€"}),
    ('<ol class="hb-references"><li>NHS. Botox injections.</li></ol><p>Llame al 112.</p>', "ES", set()),
])
def test_another_countrys_own_words_are_found(text, country, found):
    assert {term for term, _, _ in foreign_words(text, country, COUNTRIES)} == found


@pytest.mark.parametrize("lang, country, shown, never", [
    ("en", "GB", "Call 999", "911"),
    ("en", "US", "Call 911", "999"),
    ("es", "ES", "llame al 112", "999"),
    ("es", "US", "llame al 911", "112"),
])
def test_data_text_shows_the_editions_country_words(lang, country, shown, never):
    risks = load_handbook(ROOT / "data", lang, country).treatments["botox"].values["serious_risks"].text
    assert shown in risks and never not in risks


def test_each_language_has_a_country_and_the_fever_has_its_units():
    assert load_handbook(ROOT / "data", "es").country == "ES"
    assert load_handbook(ROOT / "data", "en", "US").local["fever"] == "100.4°F (38°C)"


def test_an_unknown_country_names_the_known_ones():
    with pytest.raises(HandbookError, match=r"^settings: CLINIC_COUNTRY must be one of ES, GB, US .*got 'FR'$"):
        load_handbook(ROOT / "data", "en", "FR")


def test_a_service_with_an_unknown_source_fails_in_every_edition(tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    countries = tmp_path / "data" / "countries.yaml"
    countries.write_text(countries.read_text(encoding="utf-8").replace("source: fda-medwatch", "source: medwatch"),
                         encoding="utf-8")
    with pytest.raises(HandbookError, match=r"^data/countries.yaml, country 'US', key 'facts': unknown source id "
                                            r"'medwatch'"):
        load_handbook(tmp_path / "data", "en", "GB")


@pytest.mark.parametrize("lang, country, sources", [
    ("en", "GB", ["fda-devices", "psa-cosmetic-practitioner"]),
    ("en", "US", ["fda-devices"]),
    ("es", "ES", ["eu-mdr-2017"]),  # EU law for Spain, not the FDA's or a UK page
    ("es", "GB", ["fda-devices", "psa-cosmetic-practitioner"]),
])
def test_a_table_cell_cites_the_sources_of_the_countrys_words_it_shows(lang, country, sources):
    cell = load_handbook(ROOT / "data", lang, country).treatments["microneedling"].values["regulation"]
    assert cell.sources == sources


def test_a_cell_with_no_source_of_its_own_or_of_its_countrys_words_fails(tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    countries = tmp_path / "data" / "countries.yaml"
    countries.write_text(countries.read_text(encoding="utf-8").replace(", sources: [fda-devices]}", "}"),
                         encoding="utf-8")
    load_handbook(tmp_path / "data", "en", "GB")
    with pytest.raises(HandbookError, match=r"^data/treatments.yaml, line \d+: .*regulation.*sources"):
        load_handbook(tmp_path / "data", "en", "US")


def test_every_countrys_words_are_written_in_each_language():
    english, spanish = (load_handbook(ROOT / "data", lang).countries.countries for lang in ("en", "es"))
    assert spanish["US"].emergency == "llame al 911 o vaya a la sala de emergencias"
    for code, country in spanish.items():
        assert country.urgent != english[code].urgent and country.medicine_rule == english[code].medicine_rule
        same = {k for k, f in country.facts.items() if f.value == english[code].facts[k].value}
        assert same <= {"emergency_number", "fever"}, code  # numbers, and a fact shown as it is


@pytest.mark.parametrize("edition, text", [
    (Edition("en", "GB", "paper"), "<p>Hold your mouse over a word.</p>"),
    (Edition("es", "ES", "paper"), "<p>Haga clic en el enlace.</p>"),
])
def test_paper_with_a_screen_word_fails_naming_it(edition, text):
    with pytest.raises(HandbookError, match=r"^handouts/x.pdf \(.* paper edition\): '(mouse|Haga clic)' is for a screen"):
        check_paper_words({"handouts/x.pdf": text}, edition)


def test_paper_words_are_read_in_their_own_language():
    check_paper_words({"x.pdf": "<p>No se toque la piel. Click.</p><ol class=\"hb-references\"><li>web page</li></ol>"},
                      Edition("es", "ES", "paper"))


@pytest.mark.parametrize("lang, country, expected", [
    ("es", "GB", "20 de noviembre de 2026"),  # Spanish handouts for a clinic in the UK: CLDR has no es_GB
    ("en", "US", "November 20, 2026"),
    ("en", "GB", "20 November 2026"),
])
def test_dates_are_written_for_the_editions_language_and_country(lang, country, expected):
    import datetime as dt

    assert load_handbook(ROOT / "data", lang, country).long_date(dt.date(2026, 11, 20)) == expected
