"""What editors do, end to end: data-only changes build, mistakes are explained."""

import json
import re

from pdfread import text

from handbook.yaml12 import loads
from support import ROOT, add_page, build, build_ok, edit, fails_with

PEEL = """
  - id: chemical-peel
    name: Chemical peel
    summary: An acid solution removes the top layers of skin.
    values:
"""


def test_third_treatment_from_data_only_builds_strictly(project, tmp_path):
    """(a) A new treatment and a page comparing it, with no Python change."""
    attributes = [a["id"] for a in loads((project / "data/treatments.yaml").read_text(), "treatments")[0]["attributes"]]
    values = "".join(f"      {a}:\n        text: Peel text for {a}.\n        sources: [chu-2021]\n" for a in attributes)
    with open(project / "data/treatments.yaml", "a", encoding="utf-8") as f:
        f.write(PEEL + values)
    add_page(project, '{{ comparison_table("microneedling", "chemical-peel") }}', name="peel.md")
    site = build_ok(project, tmp_path / "out", HANDOUTS="0")
    html = (site / "peel.html").read_text(encoding="utf-8")
    assert "Chemical peel" in html and html.count("Peel text for") == len(attributes)


def test_new_contraindication_reaches_callouts_handout_and_search(project, tmp_path):
    """(b) One new entry in data shows on the web, on paper and in search."""
    with open(project / "data/contraindications.yaml", "a", encoding="utf-8") as f:
        f.write(
            "\n- id: sunburn\n  condition: Sunburn in the treatment area\n  treatments:\n    microneedling:\n"
            "      severity: absolute\n      reason: Burnt skin is already damaged.\n"
            "      instead: Wait until the sunburn has healed.\n      evidence: clinic-practice\n      sources: []\n"
        )
    site = build_ok(project, tmp_path / "out", HANDOUTS_ONLY="is-it-right-for-me")
    assert 'id="sunburn"' in (site / "is-it-right-for-me.html").read_text(encoding="utf-8")
    assert "Sunburn in the treatment area" in text(site / "handouts/is-it-right-for-me.pdf")
    index = json.loads(re.sub(r"^var __index = |;?\s*$", "", (site / "search/search_index.js").read_text()))
    assert any("Sunburn in the treatment area" in doc.get("full_text", doc["text"]) for doc in index["docs"])


def test_typo_in_data_key_names_file_key_and_allowed_values(project, tmp_path):
    """(c) The message an editor sees for a mistyped key."""
    edit(project / "data/contraindications.yaml", "      instead: Move your appointment", "      insted: Move your appointment")
    out = fails_with(project, tmp_path, r"data/contraindications\.yaml, line \d+: entry 3")
    assert "entry 3 (id 'cold-sore-outbreak'), key 'treatments', key 'microneedling', key 'insted': unknown key; " \
           "allowed keys: severity, reason, instead, evidence, sources" in out
    assert "key 'instead': required key is missing" in out


def test_typo_in_a_treatment_id_lists_the_allowed_ids(project, tmp_path):
    edit(project / "docs/microneedling-vs-botox.md", 'comparison_table("microneedling", "botox")',
         'comparison_table("microneedling", "botx")')
    fails_with(project, tmp_path, r"docs/microneedling-vs-botox\.md, line \d+: comparison_table: unknown treatment id "
               r"'botx'; allowed values: botox, microneedling")


def test_overdue_review_warns_without_failing_the_build(project, tmp_path):
    edit(project / "docs/glossary.md", "next_review: 2027-11-20", "next_review: 2026-01-02")
    edit(project / "docs/glossary.md", "last_reviewed: 2026-11-20", "last_reviewed: 2025-01-02")
    result = build(project, tmp_path / "out", HANDOUTS="0")
    assert result.returncode == 0, result.stderr
    assert "Review overdue: docs/glossary.md was due for review on 2026-01-02" in result.stderr


def test_overdue_command_fails_and_names_pages(project, capsys):
    import datetime as dt

    from handbook.overdue import main, overdue_pages

    late = overdue_pages(project / "docs", dt.date(2100, 1, 1))
    assert late and all(line.startswith("docs/") and ": review was due on " in line for line in late)
    assert overdue_pages(project / "docs", dt.date(2000, 1, 1)) == []
    assert main(project, dt.date(2000, 1, 1)) == 0
    assert main(project, dt.date(2100, 1, 1)) == 1
    assert "page(s) overdue for review on 2100-01-01" in capsys.readouterr().out
    (project / "docs/index.md").write_text("---\ndescription: x\n---\n# x\n")
    assert any(line.startswith("docs/index.md: no valid review dates") for line in overdue_pages(project / "docs", dt.date(2000, 1, 1)))


def test_edit_button_follows_the_edit_uri_setting(monkeypatch):
    """A fork or another clinic points "Edit this page" at its own repository without editing mkdocs.yml."""
    from mkdocs.config import load_config  # noqa: PLC0415

    monkeypatch.setenv("EDIT_URI", "https://git.example.org/clinic/handbook/edit/main/docs/")
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["edit_uri"] == "https://git.example.org/clinic/handbook/edit/main/docs/"
    assert not config["repo_url"], "repo_url makes every reader's browser call the repository host's API"
