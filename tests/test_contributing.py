"""CONTRIBUTING.md is tested: every macro example in it renders in a real build."""

import re

from conftest import ROOT, build_ok
from test_bad_inputs import add_page

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLES = sorted(set(re.findall(r"`(\{\{ .+? \}\})`", GUIDE)))


def test_guide_documents_every_macro():
    documented = {re.match(r"\{\{ (\w+)", e).group(1) for e in EXAMPLES}
    registered = set(re.findall(r"@env\.macro\n    def (\w+)", (ROOT / "macros.py").read_text()))
    assert registered and registered <= documented


def test_every_macro_example_renders(project, tmp_path):
    body = "\n\n".join(e for e in EXAMPLES if "chemical-peel" not in e)  # that one needs new data first
    add_page(project, body + "\n\n" + re.search(r"```markdown\n(!!! non-urgent.*?)```", GUIDE, re.S).group(1))
    html = (build_ok(project, tmp_path / "out", HANDOUTS="0") / "scratch.html").read_text(encoding="utf-8")
    assert "hb-comparison" in html and "hb-contraindication" in html and "hb-references" in html
    assert 'class="admonition emergency"' in html and "{{" not in html


def test_guide_error_examples_match_real_messages():
    macros_text = (ROOT / "macros.py").read_text()
    for phrase in ("unknown fact", "required key is missing", "unknown key; allowed keys", "YAML syntax error"):
        assert phrase in GUIDE and phrase in macros_text, phrase
