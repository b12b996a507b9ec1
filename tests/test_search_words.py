"""Patients' words in the search index (data/search-words.yaml, overrides/hooks/search_words.py)."""

import json
import re

import pytest
import yaml
from mkdocs.exceptions import PluginError

from conftest import ROOT, build
from search_words import keywords, load, pattern


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
    path = tmp_path / "words.yaml"
    path.write_text("makeup: [make-up]\ndowntime: [recover*, healing]\n")
    found, matched = keywords("Skip make-up while healing and recovering.", load(path))
    assert found == ["makeup", "downtime"]
    assert matched == {"make-up", "recover*", "healing"}


@pytest.mark.parametrize("text, message", [
    ("- just a list", "expected lines like"),
    ("makeup: make-up", "needs a list"),
    ("makeup: []", "needs a list"),
    ("makeup: ['*']", "needs a list"),
    ("makeup: [make-up", "cannot read it"),
])
def test_a_malformed_file_stops_the_build_with_a_reason(tmp_path, text, message):
    path = tmp_path / "words.yaml"
    path.write_text(text)
    with pytest.raises(PluginError, match=message):
        load(path)


def test_every_entry_in_the_real_file_is_well_formed():
    words = load(ROOT / "data/search-words.yaml")
    assert len(words) >= 20
    raw = yaml.safe_load((ROOT / "data/search-words.yaml").read_text())
    assert all(typed == typed.lower() for typed in raw), "patient words are written in lower case"


def index(site_dir) -> dict:
    text = (site_dir / "search" / "search_index.js").read_text(encoding="utf-8")
    return json.loads(re.sub(r"^var __index = |;?\s*$", "", text))


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
