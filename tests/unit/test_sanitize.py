"""Page HTML passes an allow-list: attacks are removed, the handbook's own markup is kept."""

import pytest
from bs4 import BeautifulSoup

from handbook import render
from handbook.data import load_handbook
from handbook.sanitize import clean
from support import ROOT

ATTACKS = {
    '<script>alert(1)</script>': "<script",
    '<img src="x.png" onerror="alert(1)">': "onerror",
    '<a href="javascript:alert(1)">x</a>': "javascript:",
    '<a rel="attachment" href="file:///etc/passwd">x</a>': "attachment",
    '<link rel="attachment" href="../.git/config">': "<link",
    '<a href="file:///etc/hostname">x</a>': "file:",
    '<img src="https://tracker.example/pixel.png">': "tracker.example",
    '<img src="//tracker.example/pixel.png">': "tracker.example",
    '<iframe src="https://example.org"></iframe>': "<iframe",
    '<object data="secret.pdf"></object>': "<object",
    '<svg><script>alert(1)</script></svg>': "alert",
    '<p style="background:url(https://tracker.example/x)">x</p>': "tracker.example",
    '<meta http-equiv="refresh" content="0;url=https://example.org">': "refresh",
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_attacks_are_removed(attack):
    assert ATTACKS[attack] not in clean(f"<p>Text</p>{attack}")


def shape(html: str) -> list:
    """Every element with its attributes, in order."""
    return [(t.name, sorted(t.attrs)) for t in BeautifulSoup(html, "html.parser").find_all(True)]


def test_the_handbooks_own_markup_is_kept():
    hb = load_handbook(ROOT / "data")
    html = "".join([
        render.render_comparison(hb, ["microneedling", "botox"], "references.html"),
        render.render_callouts(hb, render.select_contraindications(hb), "references.html"),
        render.render_callout_links(render.select_contraindications(hb, "microneedling")),
        render.render_references(hb, list(hb.references)),
        '<details class="note" open><summary>More</summary><p>x</p></details><abbr title="t">A</abbr>',
    ])
    assert shape(clean(html)) == shape(html)
