"""Page bodies made ready for paper (handbook/paper.py): input snippet, expected output."""

import pytest

from handbook import paper


@pytest.mark.parametrize("title", ["Contact the clinic that treated you if:", "Llame a la clínica que le trató si:"])
def test_the_contact_card_carries_the_clinics_number_in_every_language(title):
    body = f'<div class="admonition non-urgent"><p class="admonition-title">{title}</p><ul><li>x</li></ul></div>'
    out = paper.for_paper(body, "after-treatment.html", paper.Rules(contact="Riverside: 020 7946 0000"))
    assert str(out.select_one(".non-urgent")).endswith('<p class="card-contact">Riverside: 020 7946 0000</p></div>')


RULES = dict(medicines=("Botox",), without_medicine_names={"Recent fillers, Botox or laser": "Recent fillers or laser"})
BOX = ('<div class="admonition relative"><div class="admonition-title">{title}</div>'
       '<p>Talk to your clinician first.</p></div><p>After.</p>')


@pytest.mark.parametrize("title, expected", [
    ("Recent fillers, Botox or laser", BOX.format(title="Recent fillers or laser")),  # reworded: kept
    ("Botox in the last month", "<p>After.</p>"),  # cannot be reworded: the box goes whole
])
def test_a_box_keeps_its_title_or_goes_whole(title, expected):
    rules = paper.Rules(**RULES)
    out = paper.for_paper(BOX.format(title=title), "x.html", rules)
    assert str(out) == expected
    assert rules.left_out_report == ([] if "fillers" in title else [f"{title} Talk to your clinician first."])
