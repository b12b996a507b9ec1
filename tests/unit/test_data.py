"""The data files: they load, every id resolves, and nothing is orphaned."""

import re

import pytest

from handbook.data import Handbook, load_handbook
from support import ROOT, page_front_matter


@pytest.fixture(scope="module")
def hb() -> Handbook:
    return load_handbook(ROOT / "data")


def test_research_brief_contraindications_are_all_there(hb):
    assert len(hb.contraindications) >= 15
    assert {"absolute", "relative"} == {a.severity for c in hb.contraindications.values() for a in c.treatments.values()}


def test_every_reference_is_cited_somewhere(hb):
    cited = {s for meta in page_front_matter().values() for s in meta["sources"]}
    cited |= {s for t in hb.treatments.values() for v in t.values.values() for s in v.sources}
    cited |= {s for c in hb.contraindications.values() for a in c.treatments.values() for s in a.sources}
    cited |= {s for f in hb.facts.values() for s in f.sources}
    cited |= {s for c in hb.countries.countries.values() for f in c.facts.values() for s in f.sources}
    cited |= {s for page in (ROOT / "docs").rglob("*.md") for call in re.findall(r"cite\(([^)]*)\)", page.read_text())
              for s in re.findall(r'"([^"]+)"', call)}  # cited in the text only, as one country's own words are
    assert set(hb.references) - cited == set(), "references nobody cites"


def test_every_fact_is_used_in_a_page_or_in_data_text(hb):
    sources = [*(ROOT / "docs").rglob("*.md"), *(p for p in (ROOT / "data").glob("*.yaml") if p.name != "facts.yaml")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    unused = [key for key in hb.facts if not re.search(rf"facts\.{key}\b", text)]
    assert unused == [], "facts nothing uses"
