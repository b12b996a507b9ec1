"""Each kind of editor mistake fails the build with a message naming the file and the key or line."""

import shutil
import subprocess

import pytest
from support import BIN, ROOT, add_page, build_ok, edit, fails_with

NO_PDF = {"HANDOUTS": "0"}  # these builds check errors, not handouts


# ---- data files ----


def test_malformed_yaml_names_file_and_line(project, tmp_path):
    edit(project / "data/facts.yaml", "numbing_minutes:\n  value: 30 to 60", "numbing_minutes:\n  value: [30 to 60")
    fails_with(project, tmp_path, r"data/facts\.yaml, line \d+: YAML syntax error")


def test_missing_required_field_names_entry_and_key(project, tmp_path):
    edit(project / "data/contraindications.yaml", "      reason: Damage to the skin can wake up", "      why: Damage to the skin can wake up")
    fails_with(
        project, tmp_path,
        r"data/contraindications\.yaml: invalid data",
        r"entry \d+ \(id 'cold-sore-outbreak'\), key 'treatments', key 'microneedling', key 'reason': required key is missing",
        r"key 'why': unknown key; allowed keys: severity, reason, instead",
    )


def test_wrong_type_names_the_key(project, tmp_path):
    edit(project / "data/contraindications.yaml", "  treatments:\n    microneedling:\n      severity: absolute\n      reason: Needling over",
         "  treatments: [microneedling]\n  x:\n    microneedling:\n      severity: absolute\n      reason: Needling over")
    fails_with(project, tmp_path, r"\(id 'active-acne'\), key 'treatments': Input should be a valid dictionary")


def test_wrong_severity_lists_allowed_values(project, tmp_path):
    edit(project / "data/contraindications.yaml", "severity: relative", "severity: mild")
    fails_with(project, tmp_path, r"key 'severity': Input should be 'absolute' or 'relative'")


def test_unknown_treatment_id_in_data(project, tmp_path):
    edit(project / "data/contraindications.yaml", "    botox:\n", "    botx:\n")
    fails_with(project, tmp_path, r"contraindications\.yaml: id '[a-z-]+', key 'treatments': unknown treatment id 'botx'; "
               r"allowed values: botox, microneedling")


def test_unknown_source_id_in_data(project, tmp_path):
    edit(project / "data/treatments.yaml", "sources: [injectable-safety]", "sources: [injectible-safety]")
    fails_with(project, tmp_path, r"treatments\.yaml: treatment 'botox', values\.\w+\.sources: unknown source id "
               r"'injectible-safety'; allowed values: aad-2018")


def test_duplicate_id(project, tmp_path):
    edit(project / "data/contraindications.yaml", "- id: blood-thinners", "- id: poor-healing")
    fails_with(project, tmp_path, r"data/contraindications\.yaml: duplicate id 'poor-healing'")


def test_missing_data_file(project, tmp_path):
    (project / "data/facts.yaml").unlink()
    fails_with(project, tmp_path, r"data/facts\.yaml: data file is missing")


def test_tier_c_source_is_refused(project, tmp_path):
    edit(project / "data/references.yaml", "  tier: B\n", "  tier: C\n")
    fails_with(project, tmp_path, r"references\.yaml: invalid data", r"key 'tier': Input should be 'A' or 'B'")


# ---- pages ----


@pytest.mark.parametrize(
    "body, patterns",
    [
        ('{{ contraindication("pregnancy-test") }}',
         [r"docs/scratch\.md, line 11: contraindication\(\): unknown contraindication id 'pregnancy-test'; allowed values: active-acne"]),
        ('{{ comparison_table("microneedling", "botx") }}',
         [r"docs/scratch\.md, line 11: comparison_table: unknown treatment id 'botx'; allowed values: botox, microneedling"]),
        ("Numbing takes {{ facts.numbing_minuts }} minutes.",
         [r"docs/scratch\.md, line 11: unknown fact 'numbing_minuts'; allowed values: .*numbing_minutes"]),
        ("Hello {{ clinic_nme }}.", [r"docs/scratch\.md, line 11: 'clinic_nme' is undefined"]),
        ("See [aftercare](after-treatmnt.md).", [r"'scratch\.md' contains a link 'after-treatmnt\.md', but the target is not found"]),
        ("See [pregnancy](is-it-right-for-me.md#pregnant).", [r"'scratch\.md' contains a link '.*#pregnant', but .*does not contain an anchor '#pregnant'"]),
        ("{{ contraindications(severity='severe') }}", [r"docs/scratch\.md, line 11: .*unknown severity 'severe'"]),
    ],
    ids=["contraindication-id", "treatment-id", "fact", "variable", "link", "anchor", "severity"],
)
def test_page_mistakes_name_the_page_and_the_key(project, tmp_path, body, patterns):
    add_page(project, body)
    fails_with(project, tmp_path, *patterns)


@pytest.mark.parametrize(
    "meta, pattern",
    [
        ("description: x page.\nlast_reviewed: 2026-11-01\nreviewed_by: Lead\nsources: []\n",
         r"docs/scratch\.md front matter: invalid data\n\s+key 'next_review': required key is missing"),
        ("description: x page.\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\nreviewed_by: Lead\nsources: [nobody]\n",
         r"docs/scratch\.md front matter, key 'sources': unknown source id 'nobody'"),
        ("description: x page.\nlast_reviewed: soon\nnext_review: 2027-11-01\nreviewed_by: Lead\nsources: []\n",
         r"docs/scratch\.md front matter: invalid data\n\s+key 'last_reviewed': Input should be a valid date"),
    ],
    ids=["missing-next-review", "unknown-source", "bad-date"],
)
def test_front_matter_mistakes_name_the_page_and_key(project, tmp_path, meta, pattern):
    add_page(project, "Text.", meta=meta)
    fails_with(project, tmp_path, pattern)


def test_html_in_data_is_shown_as_text(project, tmp_path):
    edit(project / "data/treatments.yaml", "About 10 to 15 minutes.", "About 10 to 15 minutes. <script>alert(1)</script>")
    site = build_ok(project, tmp_path / "out", **NO_PDF)
    html = (site / "microneedling-vs-botox.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_failed_build_publishes_nothing(project, tmp_path):
    """`make build` replaces site/ only when the strict build passes."""
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build")
    edit(project / "docs/index.md", "# ", "{{ undefined_thing }}\n\n# ")
    venv = BIN.parent
    result = subprocess.run(["make", "build", f"VENV={venv}", "HANDOUTS=0"], cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert (site / "index.html").read_text() == "last good build"
