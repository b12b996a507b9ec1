"""Key points: one box at the top of each long page, the same in both languages."""

import re

import pytest

from support import ROOT

TITLES = {"docs": "Key points", "docs-es": "Lo esencial"}
# The longest pages on a phone (over about 5,000 px at 390 px wide), and the pages patients read before and after.
PAGES = ["add-ons", "after-treatment", "before-treatment", "botox-safety", "cost-and-faq", "is-it-right-for-me",
         "microneedling-vs-botox", "risks-and-safety", "sessions-and-results", "skin-conditions",
         "what-is-microneedling", "what-it-can-treat"]
BOX = re.compile(r'^!!! key-points "(?P<title>[^"]*)"\n(?P<items>(?:    - .*\n)+)', re.M)


@pytest.mark.parametrize("folder", sorted(TITLES))
@pytest.mark.parametrize("page", PAGES)
def test_long_page_opens_with_three_to_five_key_points(folder, page):
    text = (ROOT / folder / f"{page}.md").read_text(encoding="utf-8")
    boxes = list(BOX.finditer(text))
    assert len(boxes) == 1, "one key-points box a page"
    box = boxes[0]
    assert box["title"] == TITLES[folder]
    assert 3 <= box["items"].count("\n    - ") + 1 <= 5
    before = text[:box.start()].split("\n# ", 1)[1].split("\n", 1)[1]
    assert before.strip() in ("", '<div data-medium="web" markdown>'), "the box comes straight after the h1"
    assert "{{ cite(" not in box["items"], "a key point repeats what the page cites below"


def test_only_key_points_boxes_use_the_title():
    for folder, title in TITLES.items():
        for path in (ROOT / folder).glob("*.md"):
            text = path.read_text(encoding="utf-8")
            assert text.count(f'"{title}"') == len(BOX.findall(text)), path
