"""CONTRIBUTING.md is tested: its macro examples render, its page template builds,
and its worked examples show what the build really prints."""

import re

import pytest

from handbook import page_macros
from handbook.data import load_handbook
from support import ROOT, add_page, build, build_ok, edit

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of one `## ` section of the guide."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", GUIDE, re.M | re.S)
    assert match, f"CONTRIBUTING.md has no section '{title}'"
    return match.group(1)


# The checks section shows mistakes on purpose; every other example must work.
MISTAKES = section("The checks, and how to fix what they find")
EXAMPLES = sorted(set(re.findall(r"`(\{\{ .+? \}\})`", GUIDE.replace(MISTAKES, ""))))
NEEDS_NEW_DATA = "chemical-peel"  # that example follows adding the treatment (see test_editor_scenarios)


def test_guide_documents_every_macro():
    documented = {re.match(r"\{\{ (\w+)", e).group(1) for e in EXAMPLES}
    assert page_macros.macro_names() and set(page_macros.macro_names()) | {"facts"} <= documented


def test_macro_examples_and_page_template_build(project, tmp_path):
    care_cards = re.search(r"```markdown\n(!!! non-urgent.*?)```", GUIDE, re.S).group(1)
    examples = [e for e in EXAMPLES if NEEDS_NEW_DATA not in e]
    # One page per box-showing example: two on one page would show the same box twice (one id, twice).
    boxes = [e for e in examples if "contraindication" in e]
    for n, example in enumerate(boxes):
        add_page(project, example, name=f"box-{n}.md")
    add_page(project, "\n\n".join(e for e in examples if e not in boxes) + "\n\n" + boxes[0] + "\n\n" + care_cards)
    # "Add a page", as the guide says: copy the template into docs/ and add it to nav.
    (project / "docs/sun-protection.md").write_text((ROOT / "templates/page.md").read_text(encoding="utf-8"))
    edit(project / "mkdocs.yml", "      - References: references.md",
         "      - References: references.md\n      - Sun protection: sun-protection.md")
    site = build_ok(project, tmp_path / "out", HANDOUTS="0")
    html = (site / "scratch.html").read_text(encoding="utf-8")
    assert "<table" in html and "hb-comparison" in html and "hb-contraindication" in html and "hb-references" in html
    assert all(f'class="admonition {kind}"' in html for kind in ("non-urgent", "urgent", "emergency"))
    page = (site / "sun-protection.html").read_text(encoding="utf-8")
    assert "{{" not in html + page
    assert f"usually {load_handbook(ROOT / 'data').facts['session_interval_weeks'].value} weeks apart" in page


def worked_example(title: str) -> list[str]:
    """The lines of build output the guide shows under `### Example: <title>`."""
    block = re.search(rf"^### Example: {title}\n.*?```text\n(.*?)```", MISTAKES, re.M | re.S)
    assert block, f"no worked example '{title}'"
    return [line for line in block.group(1).splitlines() if line.strip()]


def make_data_typo(project):
    edit(project / "data/contraindications.yaml", "  instead: Move your appointment", "  insted: Move your appointment")


def make_page_typo(project):
    template = (ROOT / "templates/page.md").read_text(encoding="utf-8")
    add_page(project, "")  # puts a page in nav, then replace it with the template's text
    (project / "docs/scratch.md").unlink()
    edit(project / "mkdocs.yml", "Scratch: scratch.md", "Sun protection: sun-protection.md")
    (project / "docs/sun-protection.md").write_text(template.replace("session_interval_weeks", "session_interval_week"))


@pytest.mark.parametrize("title, mistake", [("a typo in a data file", make_data_typo),
                                            ("a typo in a page", make_page_typo)])
def test_worked_examples_show_the_real_build_output(project, tmp_path, title, mistake):
    mistake(project)
    result = build(project, tmp_path / "out", HANDOUTS="0")
    assert result.returncode != 0
    printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    for line in worked_example(title):
        pattern = ".*?".join(map(re.escape, line.rstrip().split("...")))  # "..." marks a shortened part
        assert any(re.fullmatch(pattern, out) for out in printed), f"guide shows {line!r}; build printed:\n" + \
            "\n".join(printed)


def test_guide_error_examples_match_real_messages():
    code = "\n".join(p.read_text() for p in (ROOT / "handbook").glob("*.py"))
    for phrase in ("unknown fact", "required key is missing", "unknown key; allowed keys", "YAML syntax error",
                   "duplicate key"):
        assert phrase in GUIDE and phrase in code, phrase
