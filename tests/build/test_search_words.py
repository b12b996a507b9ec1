"""Patients' words in the search index (data/search-words.yaml, handbook/search_words.py)."""

import json
import re

import pytest

from handbook.data import load_handbook
from handbook.errors import HandbookError
from handbook.messages import validate
from handbook.models import SearchWords
from handbook.search_words import FULL_TEXT, SHOWN, compile_words, keywords, pattern, plain_text
from handbook.yaml12 import loads
from support import ROOT, build


def load(text: str) -> dict:
    data, lines = loads(text, "data/search-words.yaml")
    return compile_words(validate(SearchWords, data, "data/search-words.yaml", lines))


def test_a_word_matches_itself_and_its_plural_but_not_a_longer_word():
    regex = pattern("scar")
    assert regex.search("Acne scars fade") and regex.search("a Scar")
    assert not regex.search("scarce")


def test_a_star_matches_every_word_that_starts_so():
    assert pattern("recover*").search("Recovery takes days")
    assert not pattern("recover*").search("discovery")


def test_a_phrase_matches_with_a_space_or_a_hyphen():
    assert pattern("make-up").search("wear make up") and pattern("make up").search("no make-up")


def test_keywords_lists_each_patient_word_once(tmp_path):
    found, matched = keywords("Skip make-up while healing and recovering.", load("makeup: [make-up]\ndowntime: [recover*, healing]\n"))
    assert found == ["makeup", "downtime"]
    assert matched == {"make-up", "recover*", "healing"}


@pytest.mark.parametrize("text, message", [
    ("- just a list", r"data/search-words\.yaml: top level: should be a set of 'key: value' lines"),
    ("makeup: make-up", r"line 1: key 'makeup': should be a list"),
    ("makeup: [make-up]\nmakeup: [make up]", r"line 2: duplicate key 'makeup'"),
    ("makeup: ['']", r"line 1: key 'makeup', entry 1: is empty"),
    ("makeup: [make-up", r"line 2: YAML syntax error"),
])
def test_a_malformed_file_stops_the_build_with_a_reason(text, message):
    with pytest.raises(HandbookError, match=message):
        load(text)


def test_every_entry_in_the_real_file_is_well_formed():
    words = load_handbook(ROOT / "data").search_words
    assert len(words) >= 20
    assert all(typed == typed.lower() for typed in words), "patient words are written in lower case"


def index(site_dir) -> dict:
    text = (site_dir / "search" / "search_index.js").read_text(encoding="utf-8")
    return json.loads(re.sub(r"^var __index = |;?\s*$", "", text))


def test_a_result_shows_a_few_lines_and_the_whole_section_stays_searchable(site_dir):
    docs = index(site_dir)["docs"]
    shown = {d["location"]: plain_text(d["text"]).strip() for d in docs}
    assert all(len(text) <= SHOWN + 1 for text in shown.values()), max(shown.values(), key=len)
    cut = [d for d in docs if FULL_TEXT in d]
    assert len(cut) > len(docs) // 2, "most sections are longer than a result shows"
    words = [(re.findall(r"\w+", plain_text(d[FULL_TEXT]))[:8], re.findall(r"\w+", shown[d["location"]])[:8])
             for d in cut]
    assert [(whole, start) for whole, start in words if whole[:len(start)] != start] == [], \
        "a result shows the start of its section"


def test_the_index_carries_patient_words_that_readers_never_see(site_dir):
    data = index(site_dir)
    assert "keywords" in data["config"]["fields"]
    aftercare = next(d for d in data["docs"] if d["location"] == "after-treatment.html#aftercare")
    assert "makeup" in aftercare["keywords"].split()
    page = (site_dir / "after-treatment.html").read_text(encoding="utf-8")
    assert "make-up" in page and not re.search(r"\bmakeup\b", page, re.IGNORECASE)


@pytest.mark.slow
def test_a_word_no_page_uses_fails_the_strict_build(project, tmp_path):
    words = project / "data" / "search-words.yaml"
    words.write_text(words.read_text() + "\nglow: [moonbeam*]\n")
    result = build(project, tmp_path / "site", HANDOUTS="0")
    assert result.returncode != 0
    assert "no page uses 'moonbeam*'" in result.stderr + result.stdout
