"""Translations: every English text has one, each records the English it translates, and drift shows."""

import copy
import re
from pathlib import Path

import pytest

from handbook import translations
from handbook.data import load_handbook
from handbook.errors import HandbookError
from handbook.models import DATA_FILES
from handbook.yaml12 import load
from support import ROOT

ES = ROOT / "data" / "es"


def english_raw() -> dict:
    return {name: load(ROOT / "data" / name, name)[0] for name in DATA_FILES}


def test_nothing_is_missing_or_out_of_date():
    missing, stale = translations.status(ROOT, "es")
    assert missing == [] and stale == []


def test_every_data_entry_has_a_spanish_counterpart_with_the_same_ids():
    en, es = load_handbook(ROOT / "data", "en", "ES"), load_handbook(ROOT / "data", "es")  # one country: its sources
    assert es.lang == "es"
    assert list(es.treatments) == list(en.treatments)
    assert [a.id for a in es.attributes] == [a.id for a in en.attributes]
    assert list(es.contraindications) == list(en.contraindications)
    assert set(es.facts) == set(en.facts)
    for cid, item in en.contraindications.items():
        theirs = es.contraindications[cid]
        assert theirs.condition != item.condition
        for tid, advice in item.treatments.items():
            spanish = theirs.treatments[tid]
            # Only the words change: the advice, its evidence and sources stay the English ones.
            assert (spanish.severity, spanish.evidence, spanish.sources) == (advice.severity, advice.evidence, advice.sources)
            assert spanish.reason != advice.reason and spanish.instead != advice.instead
    for tid, treatment in en.treatments.items():
        for attr, value in treatment.values.items():
            assert es.treatments[tid].values[attr].sources == value.sources
            assert es.treatments[tid].values[attr].text != value.text


def test_spanish_data_text_uses_spanish_facts():
    es = load_handbook(ROOT / "data", "es")
    assert "{{" not in es.treatments["microneedling"].values["sessions"].text
    assert es.facts["sessions_typical"].value == "3 a 6"
    assert "3 a 6" in es.treatments["microneedling"].values["sessions"].text


def test_english_is_unchanged_by_the_spanish_files():
    en = load_handbook(ROOT / "data")
    assert en.lang == "en" and en.strings == {} and en.t("Why:") == "Why:"
    assert en.treatments["botox"].name == "Botox"


def test_a_change_to_the_english_makes_its_translation_out_of_date():
    raw = english_raw()
    raw["contraindications.yaml"][0]["treatments"]["microneedling"]["reason"] += " Changed."
    raw["facts.yaml"]["sessions_typical"]["value"] = "between 3 and 6"  # same numbers, new words
    _, missing, stale = translations.translate_data(raw, ES, "data/es")
    assert missing == []
    assert len(stale) == 2
    assert any("active-acne.treatments.microneedling" in s for s in stale)
    assert any("sessions_typical" in s and "en_hash: " in s for s in stale)


def test_a_new_english_entry_without_translation_is_missing():
    raw = english_raw()
    new = copy.deepcopy(raw["contraindications.yaml"][0])
    new["id"] = "brand-new"
    raw["contraindications.yaml"].append(new)
    with pytest.raises(HandbookError, match=r"(?s)missing translation.*brand-new \(missing condition"):
        translations.check_data(raw, ES, "data/es")


def test_a_translation_without_an_english_entry_fails(tmp_path):
    for f in ES.glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "facts.yaml").open("a", encoding="utf-8") as out:
        out.write("no_such_fact: {en_hash: abc, value: '1'}\n")
    with pytest.raises(HandbookError, match="no English entry for no_such_fact"):
        translations.check_data(english_raw(), tmp_path, "data/es")


def test_page_hash_ignores_the_review_lines_only():
    text = (ROOT / "docs" / "on-the-day.md").read_text(encoding="utf-8")
    reviewed = re.sub(r"last_reviewed: \S+", "last_reviewed: 2027-01-01", text)
    assert translations.page_hash(reviewed) == translations.page_hash(text)
    assert translations.page_hash(text.replace("numbing", "numbing cream")) != translations.page_hash(text)


def test_every_template_word_has_a_spanish_string():
    used = set()
    for template in [*(ROOT / "handbook" / "templates").glob("[mf]*/*.html"), ROOT / "handbook" / "figures.py"]:
        used |= set(re.findall(r'(?<![\w.])(?:_|t)\("([^"]+)"\)', template.read_text(encoding="utf-8")))
    used |= {"Sources", "trial", "review", "guideline", "regulator", "expert opinion"}
    strings = translations.strings(ES, "data/es")
    assert sorted(used - set(strings)) == []


def test_every_english_page_has_a_spanish_page():
    english = {p.name for p in (ROOT / "docs").glob("*.md")}
    spanish = {p.name for p in (ROOT / "docs-es").glob("*.md")}
    assert english == spanish


def test_the_spanish_nav_lists_the_same_pages_in_the_same_order():
    from mkdocs.config import load_config

    def pages(nav) -> list[str]:
        out = []
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            out += pages(value) if isinstance(value, list) else [value]
        return out

    en = load_config(str(ROOT / "mkdocs.yml"))
    es = load_config(str(ROOT / "mkdocs.es.yml"))
    assert pages(es["nav"]) == pages(en["nav"])
    assert es["theme"]["language"] == "es" and Path(es["docs_dir"]).name == "docs-es"


HEADING_ID = re.compile(r"^#{2,6} .*\{ #([a-z0-9-]+)", re.M)


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "docs-es").glob("*.md")))
def test_a_translated_page_has_the_english_headings_ids_in_order(page):
    """Links, the questions' answers (data/questions.yaml) and search lead to the same section in every language."""
    english = HEADING_ID.findall((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert HEADING_ID.findall((ROOT / "docs-es" / page).read_text(encoding="utf-8")) == english
    assert len(english) == len(re.findall(r"^#{2,6} ", (ROOT / "docs" / page).read_text(encoding="utf-8"), re.M))
