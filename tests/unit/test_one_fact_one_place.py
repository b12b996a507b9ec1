"""One fact, one place: a value from data/facts.yaml is never retyped in a page or a data file."""

import re

import pytest

from handbook.data import load_handbook
from support import ROOT, fact_phrases


def sources() -> dict[str, str]:
    files = [*(ROOT / "docs").rglob("*.md"), *(p for p in (ROOT / "data").glob("*.yaml") if p.name != "facts.yaml")]
    # What the reader sees comes from the text outside {{ ... }}; comments are not published.
    return {p.relative_to(ROOT).as_posix(): re.sub(r"\{\{.*?\}\}|^\s*#.*$", " ", p.read_text(encoding="utf-8"), flags=re.M)
            for p in files}


FACTS = load_handbook(ROOT / "data").facts


@pytest.mark.parametrize("key", sorted(FACTS))
def test_no_fact_is_retyped(key):
    found = [f"{name}: {m.group(0)!r}" for name, text in sources().items()
             for pattern in fact_phrases(key, FACTS[key].value) for m in re.finditer(pattern, text, re.I)]
    assert found == [], f"write {{{{ facts.{key} }}}} instead of the value"


def test_the_check_can_fail():
    assert re.search(fact_phrases("redness_days", "1 to 3")[0], "Redness lasts 1 to 3 days.")
    assert re.search(fact_phrases("botox_full_effect_weeks", "2")[0], "full effect after about 2 weeks")
    assert re.search(fact_phrases("botox_cost_uk", "£100 to £350")[0], "It costs £100 to £350.")
