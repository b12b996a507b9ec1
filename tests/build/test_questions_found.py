"""Every question of the inventory (data/questions.yaml, both languages), and every other way of asking it,
finds the section that answers it: the built site's own search, run in Node (tests/site_search.cjs: the
site's worker started by the page's own script). The search box in Chromium: tests/browser/test_search.py."""

import json
import subprocess

import pytest

from handbook.data import load_handbook
from support import ROOT

# What search cannot find, and why; anything else that is not found fails.
NOT_FOUND = {
    ("en", "how often can you do microneedling"):
        "every word but 'microneedling' is one of lunr's stop words, so it is the search 'microneedling'",
    ("es", "bótox con microagujas"):
        "'bótox' does not find the heading 'Microbótox' (one word); the section is sixth",
}
TOP = 5  # results a phone shows without scrolling far: the answer's page must be among them


def results(site, queries: list[str]) -> list[list[list[str]]]:
    """For each query, the result groups the search box shows (each a page's locations, the page first)."""
    out = subprocess.run(["node", str(ROOT / "tests/site_search.cjs"), str(site)], input=json.dumps(queries),
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_question_and_each_way_of_asking_it_finds_its_answer(lang, site_dir, es_site_dir):
    asked = [(text, q.answer.replace(".md", ".html")) for q in load_handbook(ROOT / "data", lang).questions
             for text in (q.question, *q.variants)]
    groups = results(site_dir if lang == "en" else es_site_dir, [text for text, _ in asked])
    missed = {text: [g[0] for g in found[:3]] for (text, answer), found in zip(asked, groups, strict=True)
              if not any(answer in group for group in found[:TOP])}
    assert {text: top for text, top in missed.items() if (lang, text) not in NOT_FOUND} == {}
    assert [text for known_lang, text in NOT_FOUND if known_lang == lang and text not in missed] == [], \
        "found now: take it out of NOT_FOUND"
