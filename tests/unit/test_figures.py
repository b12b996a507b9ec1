"""The figures drawn from the data (handbook/figures.py) as plain functions: data in, SVG out."""

import re

import pytest
from bs4 import BeautifulSoup

from handbook import figures
from handbook.data import Handbook, load_handbook
from handbook.errors import HandbookError
from support import ROOT


@pytest.fixture(scope="module")
def hb() -> Handbook:
    return load_handbook(ROOT / "data")


@pytest.fixture(scope="module")
def es() -> Handbook:
    return load_handbook(ROOT / "data", "es")


def drawn(hb: Handbook, name: str) -> BeautifulSoup:
    return BeautifulSoup(figures.render_figure(hb, name, "f1"), "html.parser")


def with_fact(hb: Handbook, name: str, value: str) -> Handbook:
    return hb.model_copy(update={"facts": {**hb.facts, name: hb.facts[name].model_copy(update={"value": value})}})


@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_every_figure_is_a_labelled_picture_with_words_not_paths(hb, name):
    figure = drawn(hb, name)
    svg = figure.find("svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == "f1-title f1-desc"
    assert figure.find("title")["id"] == "f1-title" and figure.find("desc")["id"] == "f1-desc"
    assert figure.find("desc").get_text(strip=True) and figure.figcaption.get_text(strip=True)
    assert svg.find_all("text"), "the words are text a reader can select and a screen reader can read"
    assert f"hb-figure--{name}" in figure.figure["class"]


def test_skin_depths_figure_draws_the_needle_depth_fact(hb):
    figure = drawn(with_fact(hb, "needle_depth_mm", "0.7 to 3.5"), "skin-depths")
    assert "3.5 mm" in figure.svg.get_text() and "2.5 mm" not in figure.svg.get_text()
    assert "0.7 to 3.5" in figure.figcaption.get_text()


def test_course_figure_draws_the_sessions_gap_and_results_facts(hb):
    figure = drawn(hb, "course")
    assert len(figure.select(".hb-fig-session")) == 6 and len(figure.select(".hb-fig-session--maybe")) == 3
    changed = hb
    for fact, value in {"sessions_typical": "2 to 4", "session_interval_weeks": "3 to 5", "results_months": "4 to 7",
                        "results_last_months": "9 to 18"}.items():
        changed = with_fact(changed, fact, value)
    figure = drawn(changed, "course")
    words = figure.svg.get_text(" ")
    assert len(figure.select(".hb-fig-session")) == 4 and len(figure.select(".hb-fig-session--maybe")) == 2
    for value in ("2 to 4", "3 to 5", "4 to 7", "9 to 18"):
        assert value in words and value in figure.find("desc").get_text()
    assert "3 to 6" not in words and "6 to 12" not in words


@pytest.mark.parametrize(("name", "changes"), [
    ("recovery", {"redness_days": "2 to 4", "side_effects_settle_days": "10"}),
    ("how-it-works", {"results_months": "4 to 8", "botox_onset_days": "2 to 7", "botox_lasts_months": "5 to 6"}),
])
def test_a_fact_changed_in_data_changes_the_figure(hb, name, changes):
    before = drawn(hb, name).svg.get_text(" ")
    changed = hb
    for fact, value in changes.items():
        assert str(hb.facts[fact].value) in before, fact
        changed = with_fact(changed, fact, value)
    figure = drawn(changed, name)
    for value in changes.values():
        assert value in figure.svg.get_text(" ") and value in figure.find("desc").get_text(), value


@pytest.mark.parametrize("value", ["a few", "2.5 to 4", "3 to 12"])
def test_course_figure_cannot_draw_sessions_it_cannot_count(hb, value):
    with pytest.raises(HandbookError, match=r"^data/facts\.yaml, fact 'sessions_typical': .*(number|drawn)"):
        figures.render_figure(with_fact(hb, "sessions_typical", value), "course", "f1")


@pytest.mark.parametrize(("country", "number", "other"), [("US", "911", "999"), ("ES", "112", "911"), ("GB", "999", "112")])
def test_get_help_card_shows_the_edition_countrys_numbers(country, number, other):
    for lang in ("en", "es"):
        figure = drawn(load_handbook(ROOT / "data", lang, country), "get-help")
        words = figure.svg.get_text(" ")
        assert number in words and other not in words, (lang, country)
        assert number in figure.find("desc").get_text()


def test_get_help_card_has_three_levels_each_with_colour_sign_and_words(hb):
    figure = drawn(hb, "get-help")
    levels = [figure.select_one(f".hb-fig-level-{n}") for n in (1, 2, 3)]
    assert all(levels) and len(figure.select("[class^=hb-fig-level-]")) == 3
    signs = [level.select(".hb-fig-sign")[-1] for level in levels]  # the band's edge first, then the sign
    shapes = [sign.name + re.sub(r"^M\S+ \S+", "", sign.get("d", "")) for sign in signs]  # drawn from its own place
    assert len(set(shapes)) == 3, "each level has its own sign, not only its own colour"
    assert [level.select_one(".hb-fig-strong").get_text() for level in levels] == ["Not urgent", "Get help today", "Emergency"]
    assert hb.local["help_same_day"] in " ".join(levels[1].get_text(" ").split())


@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_spanish_figures_have_spanish_words(es, name):
    english, spanish = drawn(load_handbook(ROOT / "data"), name), drawn(es, name)
    for part in ("title", "desc", "figcaption"):
        assert english.find(part).get_text() != spanish.find(part).get_text(), (name, part)
    english_words = {t.get_text() for t in english.find_all("text") if re.search("[a-z]{3}", t.get_text())}
    assert english_words and not english_words & {t.get_text() for t in spanish.find_all("text")}


def test_every_line_of_words_fits_in_its_figure_on_paper():
    """Measured in DejaVu Sans, the face the PDFs print the figures in and the widest used."""
    from PIL import ImageFont

    faces = {bold: ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/DejaVuSans{'-Bold' if bold else ''}.ttf", 150)
             for bold in (False, True)}
    for country in ("GB", "US", "ES"):
        for lang in ("en", "es"):
            hb = load_handbook(ROOT / "data", lang, country)
            for name in (name for name in figures.FIGURES if name != "skin-depths"):  # laid out by stack()
                for text in drawn(hb, name).find_all("text"):
                    end = float(text["x"]) + faces["hb-fig-strong" in text["class"]].getlength(text.get_text()) / 10
                    assert end <= figures.WIDTH - 2, (lang, country, name, text.get_text(), end)


def test_an_unknown_figure_fails_with_one_line(hb):
    with pytest.raises(HandbookError) as failure:
        figures.render_figure(hb, "timeline", "f1")
    assert str(failure.value) == ("figure(): unknown figure 'timeline'; allowed values: skin-depths, course, get-help, "
                                  "recovery, how-it-works, devices")


def test_figures_on_paper_get_their_own_styles():
    figure = BeautifulSoup(figures.render_figure(load_handbook(ROOT / "data"), "get-help", "f1"), "html.parser")
    figures.for_paper(figure.select("svg.hb-figure__svg"))
    style = figure.svg.find("style")
    assert style is figure.svg.contents[0] and ".hb-fig-level-3 .hb-fig-sign" in style.string
    assert "var(" not in style.string and "url(" not in style.string
