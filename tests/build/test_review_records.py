"""Signing a page changes what it and its handout say; a change to what it renders resets it;
a clinic that requires reviewed content gets one line naming the unreviewed handout."""

import datetime as dt
import json
import re

from pdfread import text as pdf_text

from handbook import review_cli, reviews
from support import build_ok, fails_with, sub

REVIEWER = ("- {id: a-khan, name: Dr Aisha Khan, role: consultant dermatologist, register_name: GMC, "
            "register_number: '1234567', languages: [en], interests: none declared}\n")
PAGE = "after-treatment.md"


def review_line(site, name: str) -> str:
    html = (site / name.replace(".md", ".html")).read_text(encoding="utf-8")
    return " ".join(html.split('class="hb-review"', 1)[1].split("</div>", 1)[0].split())


def test_signing_a_page_shows_the_review_until_a_fact_it_renders_changes(project, tmp_path):
    (project / "data/reviewers.yaml").write_text(REVIEWER, encoding="utf-8")
    site = build_ok(project, tmp_path / "first", HANDOUTS="0")
    built = json.loads((site / reviews.STATUS_FILE).read_text())["pages"]
    assert {p["status"] for p in built.values()} == {"unreviewed"}
    assert review_cli.sign(project, site, PAGE, "a-khan", "en") == 0
    today = dt.date.today().strftime("%-d %B %Y")

    signed = build_ok(project, tmp_path / "signed", HANDOUTS="1", HANDOUTS_ONLY="after-treatment")
    said = "Clinically reviewed by Dr Aisha Khan, consultant dermatologist (GMC 1234567) on"
    assert said in review_line(signed, PAGE) and "Not yet reviewed" in review_line(signed, "on-the-day.md")
    assert f"{said} {today}." in pdf_text(signed / "handouts/after-treatment.pdf")
    assert '"reviewedBy"' in (signed / "after-treatment.html").read_text(encoding="utf-8")

    sub(project / "data/facts.yaml", r"^(redness_days:\n  value: ).*$", r"\g<1>2 to 4")
    changed = build_ok(project, tmp_path / "changed", HANDOUTS="0")
    assert "Changed since its clinical review on" in review_line(changed, PAGE)
    assert '"reviewedBy"' not in (changed / "after-treatment.html").read_text(encoding="utf-8")
    assert review_cli.pack(project, changed, tmp_path / "pack") == 0
    pack = (tmp_path / "pack/review-pack-en.html").read_text(encoding="utf-8")
    assert "What changed since the last review" in pack
    assert re.search(r'class="add">\+[^<]*2 to 4', pack) and re.search(r'class="del">-[^<]*1 to 3', pack)
    assert (tmp_path / "pack/review-pack-en.pdf").read_bytes().startswith(b"%PDF")


def test_a_clinic_can_require_reviewed_handouts(project, tmp_path):
    fails_with(project, tmp_path, r"docs/\S+\.md: its handout is not clinically reviewed \(unreviewed\), and "
                                  r"REQUIRE_CLINICAL_REVIEW is set", HANDOUTS="1", REQUIRE_CLINICAL_REVIEW="1")
