"""Page bodies made ready for paper (handbook/paper.py): input snippet, expected output."""

import pytest

from handbook import paper


@pytest.mark.parametrize("title", ["Contact the clinic that treated you if:", "Llame a la clínica que le trató si:"])
def test_the_contact_card_carries_the_clinics_number_in_every_language(title):
    body = f'<div class="admonition non-urgent"><p class="admonition-title">{title}</p><ul><li>x</li></ul></div>'
    out = paper.for_paper(body, "after-treatment.html", paper.Rules(contact="Riverside: 020 7946 0000"))
    assert str(out.select_one(".non-urgent")).endswith('<p class="card-contact">Riverside: 020 7946 0000</p></div>')


RULES = dict(medicines=("Botox",))
BOX = ('<div class="admonition relative"><div class="admonition-title"{alt}>{title}</div>'
       '<p>Talk to your clinician first.</p></div><p>After.</p>')
ALT = ' data-without-medicine="Recent fillers or laser"'


@pytest.mark.parametrize("alt, expected", [
    (ALT, BOX.format(alt=ALT, title="Recent fillers or laser")),  # data words it without the medicine: kept
    ("", "<p>After.</p>"),  # no such wording: the box goes whole
])
def test_a_box_keeps_its_title_or_goes_whole(alt, expected):
    rules = paper.Rules(**RULES)
    out = paper.for_paper(BOX.format(alt=alt, title="Recent fillers, Botox or laser"), "x.html", rules)
    assert str(out) == expected
    assert rules.left_out_report == ([] if alt else ["Recent fillers, Botox or laser Talk to your clinician first."])


def test_words_marked_as_naming_a_medicine_go_and_the_sentence_stays():
    body = '<p>Report side effects of a medicine<span data-names-medicine> (such as Botox)</span> to the MHRA.</p>'
    out = paper.for_paper(body, "x.html", paper.Rules(**RULES))
    assert str(out) == "<p>Report side effects of a medicine to the MHRA.</p>"
