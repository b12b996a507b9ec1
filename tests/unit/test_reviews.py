"""Clinical review as records: what a page says follows from data/reviews.yaml and the fingerprint
of what patients get, never from typed-in text."""

import datetime as dt
import shutil

import pytest

from handbook import reviews
from handbook.errors import HandbookError
from support import ROOT

REVIEWER = ("- {id: a-khan, name: Dr Aisha Khan, role: consultant dermatologist, register_name: GMC, "
            "register_number: '1234567', languages: [en], interests: none declared}\n")


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    (folder / "reviewers.yaml").write_text(REVIEWER, encoding="utf-8")
    return folder


def test_no_record_means_not_yet_reviewed():
    records = reviews.load_records(ROOT / "data")
    assert reviews.status("after-treatment.md", "en", "0" * 16, records).line() == "Not yet reviewed by a clinician."


def test_a_signed_page_is_reviewed_until_what_patients_read_changes(data):
    page = "<h1>Aftercare</h1><p>Redness lasts 1 to 3 days.</p>"
    reviews.sign(data, "after-treatment.md", "en", "a-khan", reviews.fingerprint(page), dt.date(2026, 12, 1))
    records = reviews.load_records(data)
    now = reviews.status("after-treatment.md", "en", reviews.fingerprint(page), records)
    assert now.reviewed and now.line() == ('Clinically reviewed by Dr Aisha Khan, consultant dermatologist (GMC 1234567) '
                                           'on <time datetime="2026-12-01">1 December 2026</time>.')
    assert reviews.fingerprint(page.replace("<p>", "<p class='x'>\n")) == reviews.fingerprint(page)  # markup aside
    changed = reviews.status("after-treatment.md", "en", reviews.fingerprint(page.replace("1 to 3", "2 to 4")), records)
    assert changed.kind == "changed" and changed.line().striptags() == (
        "Changed since its clinical review on 1 December 2026, not yet re-reviewed.")
    assert reviews.status("after-treatment.md", "es", reviews.fingerprint(page), records).kind == "unreviewed"


@pytest.mark.parametrize(("reviews_yaml", "message"), [
    ("- {page: x.md, lang: en, reviewer: nobody, date: 2026-12-01, fingerprint: '0123456789abcdef'}\n",
     r"data/reviews\.yaml, line 1: unknown reviewer id 'nobody'; allowed values: a-khan"),
    ("- {page: x.md, lang: es, reviewer: a-khan, date: 2026-12-01, fingerprint: '0123456789abcdef'}\n",
     r"data/reviews\.yaml, line 1: Dr Aisha Khan does not review pages in 'es'"),
    ("- {page: x.md, lang: en, reviewer: a-khan, date: 2026-12-01, fingerprint: 'typed by hand'}\n",
     r"data/reviews\.yaml, line 1: entry 1, key 'fingerprint': "),
])
def test_a_review_record_must_name_a_real_reviewer_and_fingerprint(data, reviews_yaml, message):
    (data / "reviews.yaml").write_text(reviews_yaml, encoding="utf-8")
    with pytest.raises(HandbookError, match="^" + message):
        reviews.load_records(data)
