"""Whole-site checks on built pages, as plain functions: pages in, one line out."""

from types import SimpleNamespace

import pytest

from handbook import site_checks
from handbook.built import BuiltPage
from handbook.errors import HandbookError

HANDBOOK = SimpleNamespace(contraindications={"pregnancy": SimpleNamespace(id="pregnancy", treatments=["botox"])},
                           questions=[])


def page(body: str) -> BuiltPage:
    return BuiltPage(src_uri="a.md", url="a.html", title="A", content=body, label="docs/a.md",
                     last_reviewed="2026-01-01", next_review="2027-01-01")


@pytest.mark.parametrize("box", [
    '<div class="admonition danger hb-contraindication" id="pregnancy" data-severity="absolute">',
    '<div class="admonition danger hb-contraindication" data-severity="absolute" id="pregnancy">',  # a re-parsed page
])
def test_a_box_counts_as_shown_whatever_the_order_of_its_attributes(box):
    advice = '<div data-severity="absolute" class="hb-advice" data-treatment="botox">'
    site_checks.check_site([page("<p>No box here.</p>"), page(f"{box}{advice}</div></div>")], HANDBOOK)


def test_a_box_shown_only_for_another_treatment_fails_naming_the_entry():
    body = '<div class="admonition hb-contraindication" id="pregnancy"><div class="hb-advice" data-treatment="x">'
    with pytest.raises(HandbookError, match="no page shows 'pregnancy' for botox"):
        site_checks.check_site([page(body + '</div></div><div class="hb-contraindication-links" id="y">')], HANDBOOK)
