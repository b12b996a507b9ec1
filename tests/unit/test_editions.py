"""Editions (language, country, medium): marked blocks kept or left out, country words rendered from
data, and another country's own words found wherever they are."""

import pytest

from handbook.data import load_handbook
from handbook.editions import Edition, foreign_words, select
from handbook.errors import HandbookError
from support import ROOT

PAGE = ('<p>All.</p><div data-country="GB"><p>UK.</p></div><div data-country="US ES"><p>US or Spain.</p></div>'
        '<p data-medium="web">Online.</p><p data-medium="paper">Printed.</p>')


@pytest.mark.parametrize("edition, expected", [
    (Edition("en", "GB", "web"), '<p>All.</p><div data-country="GB"><p>UK.</p></div><p data-medium="web">Online.</p>'),
    (Edition("en", "US", "paper"), '<p>All.</p><div data-country="US ES"><p>US or Spain.</p></div>'
                                   '<p data-medium="paper">Printed.</p>'),
])
def test_an_edition_keeps_only_its_own_blocks(edition, expected):
    assert select(PAGE, edition, "docs/x.md") == expected


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


def test_every_countrys_words_are_written_in_each_language():
    english, spanish = (load_handbook(ROOT / "data", lang).countries.countries for lang in ("en", "es"))
    assert spanish["US"].emergency == "llame al 911 o vaya a la sala de emergencias"
    for code, country in spanish.items():
        assert country.urgent != english[code].urgent and country.medicine_rule == english[code].medicine_rule
        same = {k for k, f in country.facts.items() if f.value == english[code].facts[k].value}
        assert same <= {"emergency_number", "fever"}, code  # numbers, and a fact shown as it is
